import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import type { PlayerErrorInfo } from '../../player/types.ts';
import { strings as t, type UiStrings } from '../strings.ts';

/** Every code an `aloud-error` can carry: the store's, the article loader's, and page mode's. */
export type ErrorCode = PlayerErrorInfo['code'] | ArticleLoadErrorCode | 'missing-element';

/** How an error is shown: each kind has its own title and advice in the strings module. */
export type ErrorKind = 'load' | 'notArticle' | 'empty' | 'noVoice' | 'notAllowed' | 'speech';

export interface ShownError {
  kind: ErrorKind;
  code: ErrorCode;
  /** The lower layer's message (for `aloud-error`), or the UI's English words where the code says it all. */
  message: string;
  /** The language that has no voice (for the noVoice help). */
  lang: string;
  /** Offer "Try again" (only a failed fetch can succeed on a second try). */
  retry: boolean;
}

/**
 * The one place codes are sorted into kinds (the loader, page mode and the
 * store all report codes; until this module each sorted them itself).
 */
export function errorKind(code: ErrorCode | undefined): ErrorKind {
  switch (code) {
    case 'no-voice':
      return 'noVoice';
    case 'not-allowed':
      return 'notAllowed';
    case 'empty-article':
      return 'empty';
    case 'not-an-article':
    case 'invalid-json':
    case 'unsupported-format':
    case 'not-text':
    case 'missing-element':
      return 'notArticle';
    case 'synthesis-failed':
      return 'speech';
    default:
      // Network, HTTP status, timeouts and unknown codes: a fetch that may work next time.
      return 'load';
  }
}

/**
 * An error as the listener sees it. Where the code says it all (no voice,
 * needs a tap) the UI's own words replace the lower layer's message.
 * `lang` names the language that has no voice; `fetched` is true for the
 * element's own fetch, the one thing "Try again" can redo.
 */
export function shownError(code: ErrorCode | undefined, message: string, lang: string, fetched = false): ShownError {
  const kind = errorKind(code);
  const text = kind === 'noVoice' ? t.errorHelp.noVoice(lang) : kind === 'notAllowed' ? t.errorHelp.notAllowed : message;
  return { kind, code: code ?? 'load-failed', message: text, lang, retry: fetched && kind === 'load' };
}

/** What to do next, in the catalogue `s`. */
export const errorHelp = (e: ShownError, s: UiStrings = t): string =>
  e.kind === 'noVoice' ? s.errorHelp.noVoice(e.lang) : s.errorHelp[e.kind];

/**
 * The lower layer's own words, shown above the advice when they add to it.
 * They are English (written for `aloud-error` listeners as much as for
 * people), so another interface language shows its title and advice only.
 */
export const errorDetail = (e: ShownError, s: UiStrings = t): string | null =>
  s.locale === 'en' && e.message && e.message !== errorHelp(e, s) ? e.message : null;

/** What the live region says for an error: its title, then its detail or advice. */
export const errorAnnouncement = (e: ShownError, s: UiStrings = t): string =>
  `${s.errorTitle[e.kind]}. ${errorDetail(e, s) ?? errorHelp(e, s)}`;
