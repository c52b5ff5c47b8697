import type { PlayerChangeEvent, PlayerErrorInfo } from '../../player/types.ts';

/** What a change meant beyond its events, for the element's announcer. */
export interface BridgeResult<E> {
  /** The end of the article was reached (and `aloud-end` fired). */
  ended: boolean;
  /** The section the listener moved into (and `aloud-section` fired for), else -1. */
  section: number;
  /** The error as shown (and fired as `aloud-error`), else null. */
  error: E | null;
}

/**
 * Store changes → the `aloud-*` events, each only for a real change: the
 * bridge remembers what it last told the page, so a commit that repeats a
 * status or a sentence fires nothing. `quiet` commits (swapping in an
 * updated article at the same place) tell the page nothing either.
 */
export class EventBridge<E extends { code: string; message: string }> {
  private _playing = false;
  private _sentence: string | null = null;
  private _section = -1;

  /** `shown` turns a store error into what the listener is shown; the event carries its code and words. */
  constructor(
    private readonly _emit: (type: string, detail: object) => void,
    private readonly _shown: (error: PlayerErrorInfo) => E,
  ) {}

  onChange({ state: s, previous: p, changes }: PlayerChangeEvent, quiet: boolean): BridgeResult<E> {
    const out: BridgeResult<E> = { ended: false, section: -1, error: null };
    if (changes.has('status')) {
      const sentenceId = s.position?.sentenceId ?? null;
      if (s.status === 'playing') {
        if (!this._playing) this._emit('aloud-play', { sentenceId });
        this._playing = true;
      } else if (!quiet) {
        if (s.status === 'paused' && this._playing) this._emit('aloud-pause', { sentenceId });
        this._playing = false;
        if (s.status === 'ended') {
          this._emit('aloud-end', {});
          out.ended = true;
        }
      }
    }
    if (changes.has('error') && s.error) {
      const shown = (out.error = this._shown(s.error));
      this._emit('aloud-error', { code: shown.code, message: shown.message });
    }
    if (changes.has('position') && s.position && p.position && !changes.has('article') && !quiet) {
      const { sentenceId, flatIndex: index, sectionIndex } = s.position;
      if (sentenceId !== this._sentence) {
        this._emit('aloud-sentence', { sentenceId, index, sectionIndex });
        if (sectionIndex !== this._section) {
          const section = s.article?.sections[sectionIndex];
          this._emit('aloud-section', { sectionIndex, sectionId: section?.id ?? '', heading: section?.heading });
          out.section = sectionIndex;
        }
      }
    }
    if (!quiet && s.position) {
      this._sentence = s.position.sentenceId;
      this._section = s.position.sectionIndex;
    }
    return out;
  }
}
