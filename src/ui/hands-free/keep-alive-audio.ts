/**
 * A looping, almost-silent <audio> element that plays while speechSynthesis
 * speaks. Browsers tie lock-screen / headphone controls (and, on phones,
 * keeping a background tab alive) to a *playing media element*:
 * speechSynthesis alone does not count. Chrome ignores media shorter than
 * five seconds, and Firefox ignores media that is fully silent, so the clip
 * (keep-alive.wav, made by keepAliveWav()) is six seconds of noise at about
 * -60 dBFS: below hearing over speech, above "digital silence".
 *
 * It is a file beside this module, not a blob: or data: URL, because
 * `Content-Security-Policy: default-src 'self'` blocks those for media.
 */

/** The element surface KeepAliveAudio uses: an HTMLAudioElement, or a fake in tests. */
export interface AudioLike {
  src: string;
  readonly paused: boolean;
  loop: boolean;
  preload: string;
  play(): Promise<void> | void;
  pause(): void;
  removeAttribute(name: string): void;
  load(): void;
  addEventListener(type: 'pause' | 'error', listener: () => void): void;
  removeEventListener(type: 'pause' | 'error', listener: () => void): void;
}

export interface KeepAliveOptions {
  /**
   * Where the clip comes from. Default: keep-alive.wav beside this module
   * (emitted as its own file by the build, never inlined).
   */
  src?: string;
  /** Makes the element; injected in tests. Default `new Audio()`. */
  createAudio?: () => AudioLike;
  /**
   * Called when something other than stop() paused the clip (another app
   * took audio focus, the OS paused media). The player should pause too,
   * or speech would carry on after a phone call started.
   */
  onInterrupted?: () => void;
}

/**
 * Plays the keep-alive clip in a loop between start() and stop().
 * Every failure (no Audio, autoplay refused, CSP blocks blob:) is swallowed:
 * speech must never depend on it.
 */
export class KeepAliveAudio {
  private audio: AudioLike | null = null;
  private url: string | null = null;
  private wanted = false;
  private broken = false;
  private readonly options: KeepAliveOptions;

  constructor(options: KeepAliveOptions = {}) {
    this.options = options;
  }

  /** True between start() and stop() (whether or not the browser let it play). */
  get active(): boolean {
    return this.wanted;
  }

  /** Start looping (idempotent). Call it from the same task as a user gesture where possible. */
  start(): void {
    this.wanted = true;
    const audio = this.element();
    if (!audio) return;
    try {
      const p = audio.play();
      // Autoplay refused or the source failed: carry on without it.
      if (p && typeof p.catch === 'function') p.catch(() => undefined);
    } catch {
      /* no media support */
    }
  }

  /**
   * Call inside the user gesture that starts playback (a click or key press):
   * plays the clip for an instant, which lets iOS Safari start this element
   * later without a gesture, when speech has really begun.
   */
  unlock(): void {
    if (this.wanted) return;
    const audio = this.element();
    if (!audio) return;
    const settle = () => {
      if (!this.wanted) this.pauseQuietly();
    };
    try {
      const p = audio.play();
      if (p && typeof p.then === 'function') p.then(settle, () => undefined);
      else settle();
    } catch {
      /* no media support */
    }
  }

  /** Pause the clip (idempotent); keeps it ready for the next start(). */
  stop(): void {
    this.wanted = false;
    this.pauseQuietly();
  }

  private pauseQuietly(): void {
    try {
      this.audio?.pause();
    } catch {
      /* ignore */
    }
  }

  /** Stop and free the element. */
  dispose(): void {
    this.stop();
    const audio = this.audio;
    if (audio) {
      audio.removeEventListener('pause', this.onPause);
      audio.removeEventListener('error', this.onError);
      audio.removeAttribute('src');
      try {
        audio.load();
      } catch {
        /* ignore */
      }
    }
    this.audio = null;
    this.url = null;
  }

  private element(): AudioLike | null {
    if (this.broken) return null;
    if (this.audio) return this.audio;
    try {
      const create = this.options.createAudio ?? (() => new Audio());
      if (!this.options.createAudio && typeof Audio !== 'function') throw new Error('no Audio');
      const audio = create();
      this.url = this.options.src ?? new URL('./keep-alive.wav?no-inline', import.meta.url).href;
      audio.loop = true;
      audio.preload = 'auto';
      audio.src = this.url;
      audio.addEventListener('pause', this.onPause);
      audio.addEventListener('error', this.onError);
      this.audio = audio;
    } catch {
      this.broken = true;
    }
    return this.audio;
  }

  private readonly onPause = () => {
    // 'pause' arrives a task late: after stop() then start(), the event of our
    // own pause finds the element playing again. Only a pause that still holds
    // while we want the clip came from outside.
    if (this.wanted && this.audio?.paused !== false) this.options.onInterrupted?.();
  };

  private readonly onError = () => {
    // A source that fails once (CSP, codec) will fail again: stop trying.
    this.broken = true;
  };
}
