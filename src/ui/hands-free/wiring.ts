import type { Article } from '../../article/model.ts';
import type { PlayerStore } from '../../player/types.ts';
import { lazy } from '../lazy.ts';
import type { ArticleIndex } from '../player/article-index.ts';
import type { MediaSessionController } from './media-session.ts';
import type { SleepMode, SleepTimer } from './sleep-timer.ts';
import type { WakeLockController } from './wake-lock.ts';
import type { ControllerHost } from './types.ts';

/**
 * The player's hands-free pieces, wired to whichever store is current, in two
 * lazy parts so neither costs the first paint. Media Session and its
 * keep-alive clip load once a store is there: the clip must be unlocked
 * inside the listener's first Play gesture (iOS), so it has to be there
 * before it. The sleep timer and the screen wake lock load on first Play, or
 * when the listener sets one.
 */
export class HandsFree {
  #media: MediaSessionController | null = null;
  #sleep: SleepTimer | null = null;
  #wake: WakeLockController | null = null;
  #timers: Promise<unknown> | null = null;
  #store: PlayerStore | null = null;

  constructor(
    private readonly host: ControllerHost,
    private readonly options: {
      /** The element's index of the article (the lock-screen scrubber), to save indexing it twice. */
      index(article: Article): ArticleIndex | null;
      /** The sleep timer paused the player. */
      slept(): void;
    },
  ) {}

  /** The sleep timer, once loaded. */
  get sleep(): SleepTimer | null {
    return this.#sleep;
  }

  /** The wake lock, once loaded. */
  get wake(): WakeLockController | null {
    return this.#wake;
  }

  /** A new store (or none): every loaded piece follows it; Media Session loads for the first. */
  set store(store: PlayerStore | null) {
    this.#store = store;
    if (this.#media) this.#media.store = store;
    if (this.#sleep) this.#sleep.store = store;
    if (this.#wake) this.#wake.store = store;
    if (store && !this.#media) void this.#loadMedia(store);
  }

  /** Inside a user gesture: lets the keep-alive clip start on iOS. */
  unlock(): void {
    this.#media?.unlock();
  }

  /** Loads the sleep timer and wake lock (once). */
  loadTimers(): Promise<unknown> {
    return (this.#timers ??= lazy(Promise.all([import('./sleep-timer.ts'), import('./wake-lock.ts')]), 'the sleep timer').then((m) => {
      if (!m) return;
      const [{ SleepTimer }, { WakeLockController }] = m;
      this.#sleep = new SleepTimer(this.host, this.#store, { onFire: () => this.options.slept() });
      this.#wake = new WakeLockController(this.host, this.#store);
      this.host.requestUpdate();
    }));
  }

  async setSleep(mode: SleepMode | null): Promise<void> {
    await this.loadTimers();
    if (mode === null) this.#sleep?.cancel();
    else this.#sleep?.set(mode);
    this.host.requestUpdate();
  }

  async setKeepAwake(on: boolean): Promise<void> {
    await this.loadTimers();
    if (this.#wake) this.#wake.enabled = on;
    this.host.requestUpdate();
  }

  /** Whether "Keep screen on" can be offered: known before the wake lock's code is loaded (choosing it loads it). */
  get canWake(): boolean {
    return this.#wake ? this.#wake.supported : typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  }

  async #loadMedia(store: PlayerStore): Promise<void> {
    const m = await lazy(import('./media-session.ts'), 'the media controls');
    if (!m || this.#store !== store) return;
    this.#media ??= new m.MediaSessionController(this.host, null, { index: this.options.index });
    this.#media.store = store;
  }
}
