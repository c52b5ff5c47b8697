import type { PlayerChangeEvent, PlayerErrorInfo, PlayerState } from '../../player/types.ts';
import { estimateTimes, type ArticleIndex } from '../player/article-index.ts';

/** `detail` of `aloud-progress`: how far the listener is, by the player's own time estimate. */
export interface AloudProgressDetail {
  /** 0 to 1: the share of the article's words before the current sentence (1 at the end). */
  fraction: number;
  sentenceId: string;
  sectionIndex: number;
  /** Estimated seconds of listening before the current sentence, at the current speed. */
  elapsedSeconds: number;
  /** Estimated seconds of the whole article at the current speed. */
  totalSeconds: number;
}

/** While playing, `aloud-progress` fires at most this often (a jump always fires). */
export const PROGRESS_INTERVAL_MS = 1000;

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
 *
 * `aloud-progress` follows the position: at most once a second while the
 * article plays on by itself, at once for every sentence the listener jumps
 * to (any move but to the next sentence during playback, any move while not
 * playing, and a next sentence the element reports through {@link jump}),
 * and once more with `fraction: 1` when the article ends.
 */
export class EventBridge<E extends { code: string; message: string }> {
  #playing = false;
  #sentence: string | null = null;
  #section = -1;

  /** `shown` turns a store error into what the listener is shown; the event carries its code and words. */
  readonly #emit: (type: string, detail: object) => void;
  readonly #shown: (error: PlayerErrorInfo) => E;
  readonly #index: () => ArticleIndex | null;
  readonly #now: () => number;
  #told = -Infinity;
  #jumped = false;

  /** `index` is the player's index of the current article (for the times); `now` a clock in ms. */
  constructor(
    emit: (type: string, detail: object) => void,
    shown: (error: PlayerErrorInfo) => E,
    index: () => ArticleIndex | null = () => null,
    now: () => number = () => performance.now(),
  ) {
    this.#emit = emit;
    this.#shown = shown;
    this.#index = index;
    this.#now = now;
  }

  /**
   * The listener asked for the next sentence: while playing, that looks like
   * the article going on by itself, so the element says so. It counts for
   * the next move of the position.
   */
  jump(): void {
    this.#jumped = true;
  }

  #progress(s: PlayerState, end: boolean): void {
    const index = this.#index();
    if (!index || !s.position || index.ids.length === 0) return;
    const flat = end ? index.ids.length : s.position.flatIndex;
    const { elapsed, remaining } = estimateTimes(index, flat, s.rate);
    const total = elapsed + remaining;
    const round = (x: number) => Math.round(x * 10) / 10;
    this.#told = this.#now();
    this.#emit('aloud-progress', {
      fraction: end ? 1 : total > 0 ? elapsed / total : 0,
      sentenceId: s.position.sentenceId,
      sectionIndex: s.position.sectionIndex,
      elapsedSeconds: round(elapsed),
      totalSeconds: round(total),
    } satisfies AloudProgressDetail);
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
        if (s.status === 'ended' && p.status !== 'ended') {
          this.#progress(s, true);
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
        // The next sentence while playing is the article going on by itself, unless the listener asked for it.
        const jump = this.#jumped || s.status !== 'playing' || index !== p.position.flatIndex + 1;
        if (jump || this.#now() - this.#told >= PROGRESS_INTERVAL_MS) this.#progress(s, false);
      }
    }
    if (changes.has('position') && !quiet) this.#jumped = false;
    if (!quiet && s.position) {
      this.#sentence = s.position.sentenceId;
      this.#section = s.position.sectionIndex;
    }
    return out;
  }
}
