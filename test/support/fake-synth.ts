/**
 * A scripted stand-in for `speechSynthesis` that reproduces the known
 * browser pitfalls on demand, driven by timers (use fake timers in tests).
 * Used by the unit tests of the Web Speech engine; not part of the player.
 */
import type { SynthLike, UtteranceLike, VoiceLike } from '../../src/speech/webspeech-engine.ts';

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
  /** Android's speech service: every utterance plays at rate 1, whatever its `rate`. */
  ignoreRate?: boolean;
  /**
   * Chromium's speech-dispatcher backend (Linux): an empty utterance fails
   * with synthesis-failed, and afterwards no utterance ever starts again
   * (cancel() and resume() do not help). Default true: no real engine does
   * anything useful with an empty text, so every test catches one.
   */
  emptyWedges?: boolean;
  /**
   * Google voices on several platforms: the utterance plays (and `speaking` /
   * `pending` stay accurate, as Chromium's are: they follow its queue) but no
   * start, end, boundary or error event ever reaches the page.
   */
  noEvents?: boolean;
  /**
   * A network voice: the first utterance takes this long to start (speaking
   * is already true, nothing sounds yet). Later ones start at once.
   */
  firstStartDelayMs?: number;
  /**
   * Fail these utterances instead of speaking them, with this error (an
   * offline network voice: Chromium reports every platform error as
   * 'synthesis-failed').
   */
  fail?: (text: string) => string | undefined;
  /**
   * What happens to speech while the page is hidden (see setHidden()):
   * 'continue' (desktop browsers), 'pause' (iOS WebKit: the audio session is
   * interrupted, AVSpeechSynthesizer pauses, `paused` turns true with no
   * event the engine listens to, and resume() does not bring it back), or
   * 'drop' (the utterance and the queue vanish without events).
   */
  whenHidden?: 'continue' | 'pause' | 'drop';
}

/** A stretch of one utterance's text that was actually sounding (for "what did the listener hear" checks). */
export interface HeardSpan {
  text: string;
  /** UTF-16 offsets into `text`: characters from `from` up to `to` were sounding. */
  from: number;
  to: number;
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
  /** What was sounding, in order: the listener heard exactly these stretches. */
  readonly heard: HeardSpan[] = [];
  private hidden = false;
  /** Set by a hidden-page interruption (iOS): resume() no longer restarts the current utterance. */
  private interrupted = false;
  private startedOnce = false;
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
  private paused_ = false;
  private kick: ReturnType<typeof setTimeout> | null = null;
  private readonly s: Required<Omit<FakeSynthScript, 'cutoffMs' | 'swallow' | 'fail'>> &
    Pick<FakeSynthScript, 'cutoffMs' | 'swallow' | 'fail'>;

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
      ignoreRate: script.ignoreRate ?? false,
      emptyWedges: script.emptyWedges ?? true,
      noEvents: script.noEvents ?? false,
      firstStartDelayMs: script.firstStartDelayMs ?? 0,
      whenHidden: script.whenHidden ?? 'continue',
      cutoffMs: script.cutoffMs,
      swallow: script.swallow,
      fail: script.fail,
    };
    this.ready = this.s.voicesAfterMs <= 0;
    if (!this.ready) {
      setTimeout(() => {
        this.ready = true;
        if (this.s.fireVoicesChanged) for (const l of this.listeners) l();
      }, this.s.voicesAfterMs);
    }
  }

  /** As Chromium's and WebKit's: true while anything of ours is queued or playing, paused or not. */
  get speaking(): boolean {
    return this.current !== null || this.queue.length > 0;
  }
  /** As Chromium's and WebKit's: more than one utterance in the queue (the current one counts). */
  get pending(): boolean {
    return (this.current ? 1 : 0) + this.queue.length > 1;
  }
  get paused(): boolean {
    return this.paused_;
  }

  /** The page is hidden (tab in the background, phone locked) or visible again. */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (!hidden) return;
    if (this.s.whenHidden === 'pause' && this.current) {
      this.note('pause', this.current.u.text, 'hidden');
      this.halt();
      this.paused_ = true;
      this.interrupted = true;
    } else if (this.s.whenHidden === 'drop') {
      this.note('cancel', this.current?.u.text ?? '', 'hidden');
      if (this.current) this.stopSounding();
      this.current = null;
      this.queue = [];
    }
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
    this.interrupted = false;
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
    this.paused_ = true;
    this.halt();
  }

  /** Stops the current utterance's sound and timers, keeping its place. */
  private halt(): void {
    const c = this.current;
    if (!c || !c.on) return;
    this.noteHeard(c);
    c.elapsed += Date.now() - c.resumedAt;
    for (const t of c.timers) clearTimeout(t);
    c.timers = [];
    this.sounding--;
    c.on = false;
  }

  resume(): void {
    this.note('resume', '');
    if (this.s.pauseIsCancel) return;
    if (!this.paused_) return;
    this.paused_ = false;
    // iOS after an audio-session interruption: the synthesizer says it
    // resumed but the utterance never sounds again (only cancel + speak help).
    if (this.interrupted && this.current) return;
    if (this.current) {
      this.sounding++;
      this.current.on = true;
      this.current.resumedAt = Date.now();
      this.play(this.current);
    } else this.schedule();
  }

  private schedule(): void {
    if (this.current || this.paused_ || this.kick) return;
    this.kick = setTimeout(() => {
      this.kick = null;
      this.startNext();
    }, 0);
  }

  private startNext(): void {
    if (this.current || this.paused_ || this.wedged) return;
    const u = this.queue.shift();
    if (!u) return;
    const failure = this.s.fail?.(u.text);
    if (failure !== undefined) {
      // Blink keeps it current (speaking true) until the platform reports the error.
      this.current = { u, elapsed: 0, resumedAt: Date.now(), timers: [], on: false };
      const c = this.current;
      c.timers.push(
        setTimeout(() => {
          if (this.current !== c) return;
          this.current = null;
          this.fire(u, 'error', failure);
          this.schedule();
        }, Math.max(1, this.firstDelay())),
      );
      return;
    }
    if (this.s.swallow?.(u.text)) {
      // Lost utterance: the queue stays stuck behind it until cancel().
      this.current = { u, elapsed: 0, resumedAt: Date.now(), timers: [], on: false };
      return;
    }
    const delay = this.firstDelay();
    this.current = { u, elapsed: 0, resumedAt: Date.now(), timers: [], on: false };
    const c = this.current;
    const begin = (): void => {
      if (this.current !== c || this.paused_) return;
      c.on = true;
      c.resumedAt = Date.now();
      this.sounding++;
      this.maxSounding = Math.max(this.maxSounding, this.sounding);
      this.fire(u, 'start');
      if (this.current === c && c.on) this.play(c);
    };
    if (delay > 0) c.timers.push(setTimeout(begin, delay));
    else begin();
  }

  /** A network voice's first start is slow; later ones are not. */
  private firstDelay(): number {
    if (this.startedOnce) return 0;
    this.startedOnce = true;
    return this.s.firstStartDelayMs;
  }

  /** The rate an utterance actually plays at. */
  private rateOf(u: FakeUtterance): number {
    return this.s.ignoreRate ? 1 : Math.max(0.1, u.rate);
  }

  private play(c: NonNullable<FakeSynth['current']>): void {
    const { u } = c;
    const msPerChar = this.s.msPerChar / this.rateOf(u);
    const duration = u.text.length * msPerChar;
    if (this.s.boundaries) {
      for (const m of u.text.matchAll(/\S+/g)) {
        const at = m.index * msPerChar - c.elapsed;
        if (at < 0) continue;
        c.timers.push(setTimeout(() => this.fire(u, 'boundary', m.index, m[0].length), at));
      }
    }
    if (this.s.cutoffMs !== undefined && duration > this.s.cutoffMs) {
      // Chrome's cut-off: sound stops, nothing is reported, the queue is stuck
      // (the utterance stays current, so `speaking` stays true).
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
    const c = this.current;
    if (!c) return;
    if (c.on) this.noteHeard(c);
    for (const t of c.timers) clearTimeout(t);
    c.timers = [];
    if (c.on) this.sounding--;
    c.on = false;
  }

  private noteHeard(c: NonNullable<FakeSynth['current']>): void {
    const msPerChar = this.s.msPerChar / this.rateOf(c.u);
    const played = c.elapsed + (Date.now() - c.resumedAt);
    const from = Math.min(c.u.text.length, Math.round(c.elapsed / msPerChar));
    const to = Math.min(c.u.text.length, Math.round(played / msPerChar));
    if (to > from) this.heard.push({ text: c.u.text, from, to });
  }

  private fire(u: FakeUtterance, type: 'start' | 'end' | 'error' | 'boundary', detail?: string | number, length?: number): void {
    this.note(type, u.text, detail);
    if (this.s.noEvents) return;
    if (type === 'start') u.onstart?.({});
    else if (type === 'end') u.onend?.({});
    else if (type === 'error') u.onerror?.({ error: String(detail) });
    else u.onboundary?.({ charIndex: Number(detail), charLength: length, name: 'word' });
  }

  private note(type: FakeLogEntry['type'], text: string, detail?: string | number): void {
    this.log.push({ type, text, detail, at: Date.now() });
  }
}
