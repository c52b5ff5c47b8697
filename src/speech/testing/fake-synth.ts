/**
 * A scripted stand-in for `speechSynthesis` that reproduces the known
 * browser pitfalls on demand, driven by timers (use fake timers in tests).
 * Used by the unit tests of the Web Speech engine; not part of the player.
 */
import type { SynthLike, UtteranceLike, VoiceLike } from '../webspeech-engine.ts';

export interface FakeSynthScript {
  voices?: VoiceLike[];
  /** Voices appear only after this long (0: at once). */
  voicesAfterMs?: number;
  /** Whether voiceschanged fires when they appear (older Safari: no). */
  fireVoicesChanged?: boolean;
  /** Whether the voice gives word boundary events (speech-dispatcher: no). */
  boundaries?: boolean;
  /** What the cancelled utterance gets: Chrome 'error' (interrupted/canceled), Safari 'end'. */
  cancelFires?: 'error' | 'end' | 'none';
  /** Chrome network voices: an utterance longer than this stops silently, no end, queue stuck. */
  cutoffMs?: number;
  /** Android: pause() cancels the utterance and resume() does nothing. */
  pauseIsCancel?: boolean;
  /** iOS: speak() outside a user gesture fails with not-allowed until one speak() happened in a gesture. */
  requireGesture?: boolean;
  /** Drop these utterance texts silently: never start, never end (a lost utterance). */
  swallow?: (text: string) => boolean;
  /** Speaking speed at rate 1. */
  msPerChar?: number;
  /**
   * Chromium's speech-dispatcher backend (Linux): an empty utterance fails
   * with synthesis-failed, and afterwards no utterance ever starts again
   * (cancel() and resume() do not help). Default true: no real engine does
   * anything useful with an empty text, so every test catches one.
   */
  emptyWedges?: boolean;
}

export interface FakeLogEntry {
  type: 'start' | 'end' | 'error' | 'boundary' | 'speak' | 'cancel' | 'pause' | 'resume';
  text: string;
  detail?: string | number;
  at: number;
}

export class FakeUtterance implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  onstart: UtteranceLike['onstart'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  onboundary: UtteranceLike['onboundary'] = null;
  constructor(public text: string) {}
}

export function fakeVoice(name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { voiceURI: name, name, lang, default: false, localService: true, ...extra };
}

export class FakeSynth implements SynthLike {
  readonly log: FakeLogEntry[] = [];
  /** Set by tests around calls that happen "inside a user gesture". */
  inGesture = false;
  /** How many utterances are sounding right now (must never exceed 1). */
  sounding = 0;
  maxSounding = 0;
  private unlocked = false;
  /** An empty utterance was spoken: nothing starts any more. */
  wedged = false;
  private ready: boolean;
  private listeners = new Set<() => void>();
  private queue: FakeUtterance[] = [];
  private current: {
    u: FakeUtterance;
    elapsed: number;
    resumedAt: number;
    timers: ReturnType<typeof setTimeout>[];
    on: boolean;
  } | null = null;
  private paused = false;
  private kick: ReturnType<typeof setTimeout> | null = null;
  private readonly s: Required<Omit<FakeSynthScript, 'cutoffMs' | 'swallow'>> & Pick<FakeSynthScript, 'cutoffMs' | 'swallow'>;

  constructor(script: FakeSynthScript = {}) {
    this.s = {
      voices: script.voices ?? [fakeVoice('English', 'en-US')],
      voicesAfterMs: script.voicesAfterMs ?? 0,
      fireVoicesChanged: script.fireVoicesChanged ?? true,
      boundaries: script.boundaries ?? true,
      cancelFires: script.cancelFires ?? 'error',
      pauseIsCancel: script.pauseIsCancel ?? false,
      requireGesture: script.requireGesture ?? false,
      msPerChar: script.msPerChar ?? 1000 / 15,
      emptyWedges: script.emptyWedges ?? true,
      cutoffMs: script.cutoffMs,
      swallow: script.swallow,
    };
    this.ready = this.s.voicesAfterMs <= 0;
    if (!this.ready) {
      setTimeout(() => {
        this.ready = true;
        if (this.s.fireVoicesChanged) for (const l of this.listeners) l();
      }, this.s.voicesAfterMs);
    }
  }

  get speaking(): boolean {
    return this.current !== null;
  }

  getVoices(): VoiceLike[] {
    return this.ready ? [...this.s.voices] : [];
  }
  addEventListener(_type: 'voiceschanged', l: () => void): void {
    this.listeners.add(l);
  }
  removeEventListener(_type: 'voiceschanged', l: () => void): void {
    this.listeners.delete(l);
  }

  speak(u: UtteranceLike): void {
    const fu = u as FakeUtterance;
    this.note('speak', fu.text);
    if (this.s.emptyWedges && fu.text === '') {
      this.wedged = true;
      setTimeout(() => this.fire(fu, 'error', 'synthesis-failed'), 0);
      return;
    }
    if (this.s.requireGesture && !this.unlocked) {
      if (this.inGesture) this.unlocked = true;
      else {
        setTimeout(() => this.fire(fu, 'error', 'not-allowed'), 0);
        return;
      }
    }
    this.queue.push(fu);
    this.schedule();
  }

  cancel(): void {
    this.note('cancel', '');
    const cancelled = [...(this.current ? [this.current.u] : []), ...this.queue];
    if (this.current) this.stopSounding();
    this.current = null;
    this.queue = [];
    // Browsers deliver these after cancel() returns, when the caller may
    // already have queued new utterances.
    cancelled.forEach((u, i) => {
      setTimeout(() => {
        if (this.s.cancelFires === 'error') this.fire(u, 'error', i === 0 ? 'interrupted' : 'canceled');
        else if (this.s.cancelFires === 'end') this.fire(u, 'end');
      }, 0);
    });
  }

  pause(): void {
    this.note('pause', '');
    if (this.s.pauseIsCancel) {
      // Android: the current utterance is dropped and reports an end.
      const c = this.current;
      if (c) this.stopSounding();
      this.current = null;
      if (c) setTimeout(() => this.fire(c.u, 'end'), 0);
      return;
    }
    this.paused = true;
    if (this.current) {
      this.current.elapsed += Date.now() - this.current.resumedAt;
      for (const t of this.current.timers) clearTimeout(t);
      this.current.timers = [];
      if (this.current.on) this.sounding--;
      this.current.on = false;
    }
  }

  resume(): void {
    this.note('resume', '');
    if (this.s.pauseIsCancel) return;
    if (!this.paused) return;
    this.paused = false;
    if (this.current) {
      this.sounding++;
      this.current.on = true;
      this.current.resumedAt = Date.now();
      this.play(this.current);
    } else this.schedule();
  }

  private schedule(): void {
    if (this.current || this.paused || this.kick) return;
    this.kick = setTimeout(() => {
      this.kick = null;
      this.startNext();
    }, 0);
  }

  private startNext(): void {
    if (this.current || this.paused || this.wedged) return;
    const u = this.queue.shift();
    if (!u) return;
    if (this.s.swallow?.(u.text)) {
      // Lost utterance: the queue stays stuck behind it until cancel().
      this.current = { u, elapsed: 0, resumedAt: Date.now(), timers: [], on: false };
      return;
    }
    this.current = { u, elapsed: 0, resumedAt: Date.now(), timers: [], on: true };
    this.sounding++;
    this.maxSounding = Math.max(this.maxSounding, this.sounding);
    this.fire(u, 'start');
    if (this.current?.u === u) this.play(this.current);
  }

  private play(c: NonNullable<FakeSynth['current']>): void {
    const { u } = c;
    const msPerChar = this.s.msPerChar / Math.max(0.1, u.rate);
    const duration = u.text.length * msPerChar;
    if (this.s.boundaries) {
      for (const m of u.text.matchAll(/\S+/g)) {
        const at = m.index * msPerChar - c.elapsed;
        if (at < 0) continue;
        c.timers.push(setTimeout(() => this.fire(u, 'boundary', m.index, m[0].length), at));
      }
    }
    if (this.s.cutoffMs !== undefined && duration > this.s.cutoffMs) {
      // Chrome's cut-off: sound stops, nothing is reported, the queue is stuck.
      c.timers.push(setTimeout(() => this.stopSounding(), this.s.cutoffMs - c.elapsed));
      return;
    }
    c.timers.push(
      setTimeout(() => {
        this.stopSounding();
        this.current = null;
        this.fire(u, 'end');
        this.schedule();
      }, duration - c.elapsed),
    );
  }

  private stopSounding(): void {
    if (!this.current) return;
    for (const t of this.current.timers) clearTimeout(t);
    this.current.timers = [];
    if (this.current.on) this.sounding--;
    this.current.on = false;
  }

  private fire(u: FakeUtterance, type: 'start' | 'end' | 'error' | 'boundary', detail?: string | number, length?: number): void {
    this.note(type, u.text, detail);
    if (type === 'start') u.onstart?.({});
    else if (type === 'end') u.onend?.({});
    else if (type === 'error') u.onerror?.({ error: String(detail) });
    else u.onboundary?.({ charIndex: Number(detail), charLength: length, name: 'word' });
  }

  private note(type: FakeLogEntry['type'], text: string, detail?: string | number): void {
    this.log.push({ type, text, detail, at: Date.now() });
  }
}
