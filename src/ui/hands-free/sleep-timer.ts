import type { ReactiveController } from 'lit';
import type { PlayerChangeEvent } from '../../player/types.ts';
import type { ControllerHost, HandsFreeStore } from './types.ts';

/** Stop at the end of the current section, or after a number of minutes. */
export type SleepMode = 'end-of-section' | number;

/** The choices a player offers, in menu order. */
export const SLEEP_CHOICES: readonly SleepMode[] = ['end-of-section', 15, 30, 60];

/** Time, injected so tests can run an hour in a millisecond. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SleepTimerOptions {
  /** Default: Date.now and the global timers. */
  clock?: Clock;
  /** Called after the timer has paused the player (e.g. to announce it). */
  onFire?: () => void;
  /**
   * When the time is up mid-sentence, how long to wait for the sentence to
   * finish before pausing anyway. Default 20 s; 0 pauses at once.
   */
  graceMs?: number;
}

const MINUTE = 60_000;

type SleepStore = Pick<HandsFreeStore, 'state' | 'subscribe' | 'pause'>;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A sleep timer for listeners who fall asleep to an article. It pauses the
 * store (never stops it: the place is kept for tomorrow) at the end of the
 * current section or when the time is up. A timed stop waits for the
 * sentence being spoken to end, so the last thing heard is whole.
 *
 * The host re-renders on every change and once a minute while a timed mode
 * runs, so a UI can show `remainingMs` as "14 min left".
 */
export class SleepTimer implements ReactiveController {
  private readonly clock: Clock;
  private readonly options: SleepTimerOptions;
  private current: SleepMode | null = null;
  private deadline: number | null = null;
  private section: number | null = null;
  private finishing = false;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private bound: SleepStore | null;

  /**
   * @param host re-rendered when the timer changes (null: use `onFire` and poll `remainingMs`)
   * @param store the player store to pause; may be null now and set later through `store`
   */
  constructor(
    private readonly host: ControllerHost | null,
    store: SleepStore | null,
    options: SleepTimerOptions = {},
  ) {
    this.bound = store;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    host?.addController(this);
  }

  /** The armed mode, or null when off. */
  get mode(): SleepMode | null {
    return this.current;
  }

  /** Milliseconds until a timed stop (never negative); null when off or at end of section. */
  get remainingMs(): number | null {
    return this.deadline === null ? null : Math.max(0, this.deadline - this.clock.now());
  }

  /** The store the timer pauses. Setting another (a new article made a new one) keeps an armed timer. */
  get store(): SleepStore | null {
    return this.bound;
  }
  set store(store: SleepStore | null) {
    if (store === this.bound) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bound = store;
    this.section = null;
    if (this.current !== null) this.ensureSubscribed();
  }

  /**
   * Arm the timer, replacing any armed one.
   * @param mode 'end-of-section' or a number of minutes (> 0)
   */
  set(mode: SleepMode): void {
    if (typeof mode === 'number' && !(mode > 0 && Number.isFinite(mode))) {
      throw new RangeError(`Sleep timer minutes must be a positive number, got ${mode}`);
    }
    this.clear();
    this.current = mode;
    if (mode === 'end-of-section') {
      this.section = this.bound?.state.position?.sectionIndex ?? null;
    } else {
      this.deadline = this.clock.now() + mode * MINUTE;
      this.schedule();
    }
    this.ensureSubscribed();
    this.host?.requestUpdate();
  }

  /** Turn the timer off. */
  cancel(): void {
    if (this.current === null) return;
    this.clear();
    this.host?.requestUpdate();
  }

  hostConnected(): void {
    if (this.current !== null) this.ensureSubscribed();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private ensureSubscribed(): void {
    if (this.bound) this.unsubscribe ??= this.bound.subscribe((e) => this.onChange(e));
  }

  private onChange(e: PlayerChangeEvent): void {
    const { state, previous } = e;
    if (state.status === 'ended' || state.status === 'error' || state.status === 'idle') {
      this.cancel(); // nothing left to stop
      return;
    }
    if (!e.changes.has('position') || !state.position) return;
    if (this.finishing) {
      this.fire();
      return;
    }
    if (this.current !== 'end-of-section') return;
    const from = previous.position;
    const to = state.position;
    if (this.section === null || !from) {
      this.section = to.sectionIndex;
      return;
    }
    if (to.sectionIndex === this.section) return;
    // Played on past the last sentence of the section: that is the end.
    // A jump elsewhere (the listener skipped) moves the timer to the new section.
    const playedOn = state.status === 'playing' && to.flatIndex === from.flatIndex + 1;
    if (playedOn) this.fire();
    else this.section = to.sectionIndex;
  }

  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    const left = this.remainingMs ?? 0;
    // Wake at the next whole minute of remaining time so "N min left" stays true.
    const wait = left <= 0 ? 0 : left % MINUTE || MINUTE;
    this.timer = this.clock.setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    this.timer = null;
    if (this.deadline === null) return;
    if (this.clock.now() < this.deadline) {
      this.host?.requestUpdate();
      this.schedule();
      return;
    }
    const grace = this.options.graceMs ?? 20_000;
    if (this.bound?.state.status === 'playing' && grace > 0) {
      // Let the current sentence end; the next position change pauses.
      this.finishing = true;
      this.deadline = null;
      this.timer = this.clock.setTimeout(() => this.fire(), grace);
    } else {
      this.fire();
    }
  }

  private fire(): void {
    const store = this.bound;
    const wasPlaying = store?.state.status === 'playing';
    this.clear();
    if (wasPlaying) store?.pause();
    this.host?.requestUpdate();
    if (wasPlaying) this.options.onFire?.();
  }

  private clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    this.deadline = null;
    this.section = null;
    this.finishing = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
