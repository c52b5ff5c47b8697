import type { ReactiveController } from 'lit';
import type { ControllerHost, HandsFreeStore } from './types.ts';

/** The surface of `navigator.wakeLock` used here. */
export interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}
export interface WakeLockSentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
}
/** The surface of `document` used here: visibility only. */
export interface VisibilityLike {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

type WakeLockStore = Pick<HandsFreeStore, 'state' | 'subscribe'>;

export interface WakeLockOptions {
  /** Start enabled. Default false: the listener opts in ("Keep screen on"). */
  enabled?: boolean;
  /** Default `navigator.wakeLock`; `null` makes the controller a no-op. */
  wakeLock?: WakeLockLike | null;
  /** Default `document`. */
  visibility?: VisibilityLike | null;
}

/**
 * Keeps the screen on while the article plays, for listeners who follow the
 * text. Browsers drop the lock whenever the page is hidden, so it is asked
 * for again when the page becomes visible and playback is still going.
 * Released on pause, end and disconnect. A silent no-op where the Screen
 * Wake Lock API is missing or the request is refused (battery saver,
 * permissions policy).
 */
export class WakeLockController implements ReactiveController {
  private readonly api: WakeLockLike | null;
  private readonly visibility: VisibilityLike | null;
  private sentinel: WakeLockSentinelLike | null = null;
  private pending: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;
  private current: WakeLockStore | null;
  private on: boolean;

  /**
   * @param host the element whose connection the lock follows (null: call hostConnected yourself)
   * @param store the player store; may be null now and set later through `store`
   */
  constructor(
    private readonly host: ControllerHost | null,
    store: WakeLockStore | null,
    options: WakeLockOptions = {},
  ) {
    this.current = store;
    this.on = options.enabled ?? false;
    this.api =
      options.wakeLock !== undefined
        ? options.wakeLock
        : typeof navigator !== 'undefined' && 'wakeLock' in navigator
          ? (navigator.wakeLock as WakeLockLike)
          : null;
    this.visibility =
      options.visibility !== undefined ? options.visibility : typeof document !== 'undefined' ? document : null;
    host?.addController(this);
  }

  /** Whether this browser can keep the screen on at all (to hide the option otherwise). */
  get supported(): boolean {
    return this.api !== null;
  }

  /** The listener's choice. Turning it on while playing takes the lock at once. */
  get enabled(): boolean {
    return this.on;
  }
  set enabled(value: boolean) {
    if (value === this.on) return;
    this.on = value;
    this.update();
    this.host?.requestUpdate();
  }

  /** True while a lock is held. */
  get held(): boolean {
    return this.sentinel !== null && !this.sentinel.released;
  }

  /** The store whose playback the lock follows; setting it rebinds. */
  get store(): WakeLockStore | null {
    return this.current;
  }
  set store(store: WakeLockStore | null) {
    if (store === this.current) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.current = store;
    if (this.connected && store) this.unsubscribe = store.subscribe((e) => e.changes.has('status') && this.update());
    this.update();
  }

  hostConnected(): void {
    if (this.connected) return;
    this.connected = true;
    if (this.current) this.unsubscribe = this.current.subscribe((e) => e.changes.has('status') && this.update());
    this.visibility?.addEventListener('visibilitychange', this.onVisibility);
    this.update();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.visibility?.removeEventListener('visibilitychange', this.onVisibility);
    this.releaseLock();
  }

  private readonly onVisibility = () => this.update();

  private update(): void {
    const playing = this.on && this.connected && this.current?.state.status === 'playing';
    if (!playing) this.releaseLock();
    // A hidden page cannot hold a lock (the browser drops it): ask again once visible.
    else if (this.visibility?.visibilityState !== 'hidden') this.acquire();
  }

  private acquire(): void {
    if (!this.api || this.held || this.pending) return;
    this.pending = this.api
      .request('screen')
      .then(
        (sentinel) => {
          this.sentinel = sentinel;
          // The state may have changed while the request was in flight.
          if (!(this.on && this.connected && this.current?.state.status === 'playing')) this.releaseLock();
        },
        () => undefined, // refused: carry on without it
      )
      .finally(() => {
        this.pending = null;
      });
  }

  private releaseLock(): void {
    const s = this.sentinel;
    this.sentinel = null;
    if (s && !s.released) s.release().catch(() => undefined);
  }
}
