/**
 * Errors sorted into kinds, in one place: the loader, page mode and the store
 * report codes, and this turns them into what the listener is shown. The
 * words and the panel are in errors-view.ts, a chunk the player fetches
 * beside the article, so the widget carries no error text up front.
 */
import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import type { PlayerErrorInfo } from '../../player/types.ts';
import type { ErrorStrings } from '../error-strings.ts';

/** Every code an `aloud-error` can carry: the store's, the article loader's, and page mode's. */
export type ErrorCode = PlayerErrorInfo['code'] | ArticleLoadErrorCode | 'missing-element';

/** How an error is shown: each kind has its own title and advice in the strings module. */
export type ErrorKind = keyof ErrorStrings['errorTitle'];

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
      if (status >= 500 || status === 408 || status === 429) return 'server';
      // Not allowed to read it (a sign-in, a paywall, a site that blocks the player) is not "not found".
      if (status === 401 || status === 403) return 'forbidden';
      return status >= 400 ? 'notFound' : 'load';
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
  return { kind, code: code ?? 'load-failed', message, lang, detail: detail === undefined ? '' : String(detail), retry: fetched && RETRYABLE.has(kind) };
}
