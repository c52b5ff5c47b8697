import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import type { PlayerErrorInfo } from '../../player/types.ts';
import { strings as t } from '../strings.ts';

/** Every code an `aloud-error` can carry: the store's, the article loader's, and page mode's. */
export type ErrorCode = PlayerErrorInfo['code'] | ArticleLoadErrorCode | 'missing-element';

/** How an error is shown: each kind has its own title and advice in the strings module. */
export type ErrorKind = 'load' | 'notArticle' | 'empty' | 'noVoice' | 'notAllowed' | 'speech';

export interface ShownError {
  kind: ErrorKind;
  code: ErrorCode;
  message: string;
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
  return { kind, code: code ?? 'load-failed', message: text, retry: fetched && kind === 'load' };
}

/** What the live region says for an error: its title, then its message. */
export const errorAnnouncement = (e: ShownError): string => `${t.errorTitle[e.kind]}. ${e.message}`;
