// The `detail` of each event <aloud-player> fires, and the typed
// `addEventListener` for them. The element's JSDoc (`@fires`) says when each fires.
import type { AloudProgressDetail } from '../controllers/event-bridge.ts';
import type { ErrorCode } from './errors.ts';

/** `detail` of `aloud-sentence`. */
export interface AloudSentenceDetail {
  sentenceId: string;
  /** 0-based over the whole article. */
  index: number;
  sectionIndex: number;
}
/** `detail` of `aloud-section`. */
export interface AloudSectionDetail {
  sectionIndex: number;
  sectionId: string;
  heading: string | undefined;
}
/** `detail` of `aloud-play` and `aloud-pause`. */
export interface AloudPlaybackDetail {
  sentenceId: string | null;
}
/** `detail` of `aloud-error`. */
export interface AloudErrorDetail {
  code: ErrorCode;
  message: string;
}

declare global {
  /** Typed `addEventListener` for the player's events. */
  interface HTMLElementEventMap {
    'aloud-play': CustomEvent<AloudPlaybackDetail>;
    'aloud-pause': CustomEvent<AloudPlaybackDetail>;
    'aloud-sentence': CustomEvent<AloudSentenceDetail>;
    'aloud-section': CustomEvent<AloudSectionDetail>;
    'aloud-progress': CustomEvent<AloudProgressDetail>;
    'aloud-end': CustomEvent<Record<string, never>>;
    'aloud-error': CustomEvent<AloudErrorDetail>;
  }
}
