/**
 * Word boundaries for a voice that gives none (speech-dispatcher, Android,
 * Google voices): a timer shares the chunk's estimated time out by
 * characters and reports each word as it is due. It freezes while the page
 * is hidden or speech is paused, so the guess does not run on without the
 * voice.
 */
import { estimateWordTimes } from './chunks.ts';
import type { Estimation, Job, Native } from './webspeech-timing.ts';

export interface BoundaryEstimator {
  /** The chunk being estimated, or null. */
  readonly rec: Native | null;
  /** Frozen: hidden page, platform pause, our native pause. */
  readonly frozen: boolean;
  /** Freezes or thaws the timer (the time frozen does not count). */
  freeze(on: boolean): void;
  /** Estimates `rec` from `origin` (Date.now() at which its audio began), replacing any other. */
  start(rec: Native, origin?: number): void;
  /** A slow voice taken for a silent one started only now: words shown stay, the next wait for the real timing. */
  retime(rec: Native): void;
  stop(): void;
  /** Stops, and sets the frozen flag without thawing anything (after a cancel). */
  reset(frozen: boolean): void;
}

export function createBoundaryEstimator(deps: {
  msPerChar(job: Job): number;
  /** False once the chunk is stale (cancelled, done): the estimate stops. */
  live(rec: Native): boolean;
  /** The voice gives real boundaries: nothing to estimate. */
  hasRealBoundaries(rec: Native): boolean;
  emit(rec: Native, charIndex: number, charLength: number): void;
}): BoundaryEstimator {
  let estimation: Estimation | null = null;
  let frozen = false;

  function stop(): void {
    if (estimation?.timer) clearTimeout(estimation.timer);
    estimation = null;
  }

  function tick(): void {
    const est = estimation;
    if (!est || est.pausedAt !== null) return;
    est.timer = null;
    const { rec } = est;
    if (!deps.live(rec)) return stop();
    const elapsed = Date.now() - est.origin;
    while (est.next < est.words.length && est.words[est.next]!.atMs <= elapsed) {
      const w = est.words[est.next++]!;
      deps.emit(rec, rec.chunk.offset + w.index, w.length);
      if (estimation !== est) return; // a listener cancelled or paused
    }
    const upcoming = est.words[est.next];
    if (upcoming) est.timer = setTimeout(tick, Math.max(0, upcoming.atMs - elapsed));
  }

  return {
    get rec() {
      return estimation?.rec ?? null;
    },
    get frozen() {
      return frozen;
    },
    freeze(want) {
      if (want === frozen) return;
      frozen = want;
      const est = estimation;
      if (!est) return;
      if (want && est.pausedAt === null) {
        if (est.timer) clearTimeout(est.timer);
        est.timer = null;
        est.pausedAt = Date.now();
      } else if (!want && est.pausedAt !== null) {
        est.origin += Date.now() - est.pausedAt;
        est.pausedAt = null;
        tick();
      }
    },
    start(rec, origin = Date.now()) {
      stop();
      if (deps.hasRealBoundaries(rec)) return;
      estimation = {
        rec,
        words: estimateWordTimes(rec.chunk.text, rec.job.request.rate, deps.msPerChar(rec.job)),
        next: 0,
        origin,
        pausedAt: frozen ? Date.now() : null,
        timer: null,
      };
      tick();
    },
    retime(rec) {
      const est = estimation;
      if (est?.rec !== rec) return;
      est.origin = Date.now();
      est.pausedAt = frozen ? Date.now() : null;
      if (est.timer) clearTimeout(est.timer);
      est.timer = null;
      tick();
    },
    stop,
    reset(on) {
      stop();
      frozen = on;
    },
  };
}
