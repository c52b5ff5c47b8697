import { html, nothing, type TemplateResult } from 'lit';
import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import type { PlayerErrorInfo } from '../../player/types.ts';
import { strings as t, type UiStrings } from '../strings.ts';
import { heading } from './article-view.ts';

/** Every code an `aloud-error` can carry: the store's, the article loader's, and page mode's. */
export type ErrorCode = PlayerErrorInfo['code'] | ArticleLoadErrorCode | 'missing-element';

/** How an error is shown: each kind has its own title and advice in the strings module. */
export type ErrorKind = keyof typeof t.errorTitle;

export interface ShownError {
  kind: ErrorKind;
  code: ErrorCode;
  /** For the `aloud-error` event: the lower layer's plain-English message (or the advice where that says more). */
  message: string;
  /** The language that has no voice (for the noVoice advice). */
  lang: string;
  /** The HTTP status of an `http-error`, or the id page mode did not find (for the advice). */
  detail: string;
  /** Offer "Try again": only the element's own fetch, and only where a second try can succeed. */
  retry: boolean;
}

/**
 * The one place codes are sorted into kinds (the loader, page mode and the
 * store all report codes). `status` is the HTTP status of an `http-error`;
 * `online` is the browser's `navigator.onLine`, which tells an unreachable
 * server from a device with no connection.
 */
export function errorKind(code: ErrorCode | undefined, status?: number, online = true): ErrorKind {
  switch (code) {
    case 'no-voice':
      return 'noVoice';
    case 'not-allowed':
      return 'notAllowed';
    case 'empty-article':
      return 'empty';
    case 'invalid-json':
      return 'invalidJson';
    case 'not-an-article':
    case 'unsupported-format':
    case 'not-text':
      return 'notArticle';
    case 'missing-element':
      return 'noElement';
    case 'synthesis-failed':
      return 'speech';
    case 'http-error':
      if (status === undefined) return 'load';
      // Timeouts and rate limits are the server's trouble, and pass; other 4xx do not.
      return status >= 500 || status === 408 || status === 429 ? 'server' : status >= 400 ? 'notFound' : 'load';
    default:
      // Network failures, timeouts and unknown codes: a fetch that may work next time.
      return online ? 'load' : 'offline';
  }
}

const RETRYABLE = new Set<ErrorKind>(['load', 'offline', 'server']);

/**
 * An error as the listener sees it: a title, one piece of advice that fits
 * the cause, and "Try again" only where it can help. `lang` names the
 * language that has no voice; `fetched` is true for the element's own fetch,
 * the one thing "Try again" can redo; `detail` is the HTTP status of an
 * `http-error`, or the id page mode did not find.
 */
export function shownError(code: ErrorCode | undefined, message: string, lang: string, fetched = false, detail?: number | string): ShownError {
  const kind = errorKind(code, typeof detail === 'number' ? detail : undefined, globalThis.navigator?.onLine !== false);
  const e: ShownError = { kind, code: code ?? 'load-failed', message, lang, detail: detail === undefined ? '' : String(detail), retry: fetched && RETRYABLE.has(kind) };
  if (kind === 'noVoice' || kind === 'notAllowed') e.message = errorAdvice(e);
  return e;
}

/** What happened, as the panel's heading, in the catalogue `s`. */
export const errorTitle = (e: ShownError, s: UiStrings = t): string => s.errorTitle[e.kind];

/** What to do about it, the panel's one paragraph, in the catalogue `s`. */
export function errorAdvice(e: ShownError, s: UiStrings = t): string {
  const help = s.errorHelp[e.kind];
  return typeof help === 'function' ? help(e.kind === 'noVoice' ? e.lang : e.detail) : help;
}

/** What the live region says for an error: what is on the panel, once. */
export const errorAnnouncement = (e: ShownError, s: UiStrings = t): string => `${errorTitle(e, s)}. ${errorAdvice(e, s)}`;

/** The error panel: a heading, the advice, and "Try again" where it can help. */
export function renderError(e: ShownError, level: number, retry: () => void, s: UiStrings = t): TemplateResult {
  return html`<div part="error" class="error">
    ${heading(level, errorTitle(e, s))}
    <p>${errorAdvice(e, s)}</p>
    ${e.retry ? html`<button type="button" @click=${retry}>${s.tryAgain}</button>` : nothing}
  </div>`;
}
