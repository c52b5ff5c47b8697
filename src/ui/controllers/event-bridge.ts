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
  #playing = false;
  #sentence: string | null = null;
  #section = -1;

  /** `shown` turns a store error into what the listener is shown; the event carries its code and words. */
  readonly #emit: (type: string, detail: object) => void;
  readonly #shown: (error: PlayerErrorInfo) => E;

  constructor(emit: (type: string, detail: object) => void, shown: (error: PlayerErrorInfo) => E) {
    this.#emit = emit;
    this.#shown = shown;
  }

  onChange({ state: s, previous: p, changes }: PlayerChangeEvent, quiet: boolean): BridgeResult<E> {
    const out: BridgeResult<E> = { ended: false, section: -1, error: null };
    if (changes.has('status')) {
      const sentenceId = s.position?.sentenceId ?? null;
      if (s.status === 'playing') {
        if (!this.#playing) this.#emit('aloud-play', { sentenceId });
        this.#playing = true;
      } else if (!quiet) {
        if (s.status === 'paused' && this.#playing) this.#emit('aloud-pause', { sentenceId });
        this.#playing = false;
        if (s.status === 'ended') {
          this.#emit('aloud-end', {});
          out.ended = true;
        }
      }
    }
    if (changes.has('error') && s.error) {
      const shown = (out.error = this.#shown(s.error));
      this.#emit('aloud-error', { code: shown.code, message: shown.message });
    }
    if (changes.has('position') && s.position && p.position && !changes.has('article') && !quiet) {
      const { sentenceId, flatIndex: index, sectionIndex } = s.position;
      if (sentenceId !== this.#sentence) {
        this.#emit('aloud-sentence', { sentenceId, index, sectionIndex });
        if (sectionIndex !== this.#section) {
          const section = s.article?.sections[sectionIndex];
          this.#emit('aloud-section', { sectionIndex, sectionId: section?.id ?? '', heading: section?.heading });
          out.section = sectionIndex;
        }
      }
    }
    if (!quiet && s.position) {
      this.#sentence = s.position.sentenceId;
      this.#section = s.position.sectionIndex;
    }
    return out;
  }
}
