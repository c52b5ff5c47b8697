/**
 * A looping, almost-silent <audio> element that plays while speechSynthesis
 * speaks. Browsers tie lock-screen / headphone controls (and, on phones,
 * keeping a background tab alive) to a *playing media element*:
 * speechSynthesis alone does not count. Chrome ignores media shorter than
 * five seconds, and Firefox ignores media that is fully silent, so the clip
 * is six seconds of noise at about -60 dBFS: below hearing over speech,
 * above "digital silence".
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
   * Where the clip comes from. Default: a WAV generated in code and served as
   * a blob: URL (no request, works offline). Pages whose CSP has no
   * `media-src blob:` can give the URL of a file made with `keepAliveWav()`.
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

const SAMPLE_RATE = 8000;

/**
 * A mono 16-bit PCM WAV file of low-level noise.
 * @param seconds length; keep above 5 (Chrome shows no controls for shorter media)
 * @param dbfs RMS level in dB relative to full scale (-60 ≈ inaudible, not silent)
 * @param seed makes the noise deterministic (no Math.random: tests compare bytes)
 */
export function keepAliveWav(seconds = 6, dbfs = -60, seed = 0x2545f491): Uint8Array {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  // Uniform noise in [-a, a] has RMS a/√3.
  const amplitude = 32767 * 10 ** (dbfs / 20) * Math.sqrt(3);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < samples; i++) {
    // xorshift32: tiny, deterministic, good enough for noise.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const unit = x / 0xffffffff; // [0, 1]
    view.setInt16(44 + i * 2, Math.round((unit * 2 - 1) * amplitude), true);
  }
  return bytes;
}

/**
 * Plays the keep-alive clip in a loop between start() and stop().
 * Every failure (no Audio, autoplay refused, CSP blocks blob:) is swallowed:
 * speech must never depend on it.
 */
export class KeepAliveAudio {
  private audio: AudioLike | null = null;
  private url: string | null = null;
  private ownsUrl = false;
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

  /** Pause the clip (idempotent); keeps it ready for the next start(). */
  stop(): void {
    this.wanted = false;
    try {
      this.audio?.pause();
    } catch {
      /* ignore */
    }
  }

  /** Stop and free the element and the blob URL. */
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
    if (this.url && this.ownsUrl) URL.revokeObjectURL(this.url);
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
      if (this.options.src) {
        this.url = this.options.src;
      } else {
        this.url = URL.createObjectURL(new Blob([keepAliveWav() as BlobPart], { type: 'audio/wav' }));
        this.ownsUrl = true;
      }
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
