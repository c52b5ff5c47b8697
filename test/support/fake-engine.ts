/**
 * A scriptable fake `SpeechEngine` for tests, in Node and in the browser (no
 * Node APIs, no DOM). It behaves like a well-behaved queueing engine: speak()
 * queues, only the head of the queue can sound, cancel() drops everything and
 * (by the contract) delivers no events of what it dropped.
 *
 * Two ways to drive it:
 * - manual (default): the test fires events on the head utterance with
 *   `fireStart()`, `fireBoundary()`, `fireEnd()`, `fireError()`, or
 *   `finishCurrent()` for all of them at once. Impossible events (start on a
 *   paused engine, end before start, anything with an empty queue) throw, so a
 *   test that scripts nonsense fails loudly instead of testing nothing.
 * - auto: `new FakeSpeechEngine({ auto: { msPerChar: 5 }, clock })` "speaks"
 *   each utterance on its own over `text.length * msPerChar / rate` ms of the
 *   injected clock (zero is allowed: events then arrive on the next timer tick,
 *   never synchronously inside speak()).
 *
 * Everything is recorded: `calls` (speak/cancel/pause/resume in order),
 * `spoken` (every request given to speak), `speaking` (how many utterances are
 * sounding right now; a correct store never sees it exceed 1) and
 * `maxSpeaking`.
 */
import type { Article, Section } from '../../src/article/model.ts';
import type {
  EngineChange,
  SpeechEngine,
  SpeechErrorCode,
  UtteranceEvents,
  UtteranceHandle,
  UtteranceRequest,
  VoiceInfo,
} from '../../src/speech/types.ts';

/** The timer the auto mode runs on; `FakeClock` below or real timers. */
export interface EngineClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type FakeCall =
  | { type: 'speak'; id: number; request: UtteranceRequest }
  | { type: 'cancel' }
  | { type: 'pause' }
  | { type: 'resume' };

export type FakeUtteranceState = 'queued' | 'speaking' | 'ended' | 'failed' | 'cancelled';

/** One utterance as the fake sees it. */
export interface FakeUtterance {
  readonly id: number;
  readonly request: UtteranceRequest;
  readonly events: UtteranceEvents;
  state: FakeUtteranceState;
  /** Index into `request.text` where the next default boundary is searched. */
  wordCursor: number;
}

export interface AutoSpeakOptions {
  /** Milliseconds per UTF-16 unit of text at rate 1 (default 0). */
  msPerChar?: number;
  /** Delay between becoming the head of the queue and `start` (default 0). */
  startDelayMs?: number;
  /** Fire a boundary at each word (default true). */
  boundaries?: boolean;
}

export interface FakeEngineOptions {
  /** Default true. False models Android / speech-dispatcher: the store must cancel instead. */
  canPause?: boolean;
  /** What getVoices() resolves to (default: one English voice). */
  voices?: VoiceInfo[];
  /**
   * Model raw `speechSynthesis` instead of the contract: cancel() fires
   * `error: interrupted` synchronously on the sounding utterance. For
   * robustness tests of stores that must ignore stale events.
   */
  reportInterrupted?: boolean;
  /** Speak on its own; see AutoSpeakOptions. Needs `clock` (or uses real timers). */
  auto?: AutoSpeakOptions | boolean;
  clock?: EngineClock;
}

export const FAKE_VOICE: VoiceInfo = {
  id: 'fake-en-GB',
  name: 'Fake English',
  lang: 'en-GB',
  isDefault: true,
  localService: true,
  engine: 'fallback',
};

const realClock: EngineClock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface AutoRun {
  utterance: FakeUtterance;
  /** Events still to fire, in ms from the utterance's (virtual) start. */
  steps: { at: number; fire: () => void }[];
  /** Clock time the utterance (virtually) started, adjusted across pauses. */
  origin: number;
  timers: unknown[];
  pausedAt: number | null;
}

export class FakeSpeechEngine implements SpeechEngine {
  readonly kind = 'fake' as const;
  readonly canPause: boolean;
  /** Every speak/cancel/pause/resume, in order. */
  readonly calls: FakeCall[] = [];
  /** Every request given to speak(), in order. */
  readonly spoken: UtteranceRequest[] = [];
  /** Utterances still queued; the first one is the one that sounds. */
  readonly queue: FakeUtterance[] = [];
  /** True between pause() and resume()/cancel(). */
  paused = false;
  /** The most utterances ever sounding at once (must stay ≤ 1). */
  maxSpeaking = 0;
  /** The longest the queue ever got. */
  maxQueued = 0;
  /** Utterances dropped by cancel()/pause-as-cancel, most recent last (for `fireStale`). */
  readonly cancelled: FakeUtterance[] = [];
  disposed = false;

  private nextId = 1;
  private readonly voices: VoiceInfo[];
  private readonly reportInterrupted: boolean;
  private readonly auto: Required<AutoSpeakOptions> | null;
  private readonly clock: EngineClock;
  private run: AutoRun | null = null;

  constructor(options: FakeEngineOptions = {}) {
    this.canPause = options.canPause ?? true;
    this.voices = options.voices ?? [FAKE_VOICE];
    this.reportInterrupted = options.reportInterrupted ?? false;
    this.clock = options.clock ?? realClock;
    const auto = options.auto === true ? {} : options.auto || null;
    this.auto = auto && {
      msPerChar: auto.msPerChar ?? 0,
      startDelayMs: auto.startDelayMs ?? 0,
      boundaries: auto.boundaries ?? true,
    };
  }

  /** The head of the queue: what is sounding, or about to. */
  get current(): FakeUtterance | null {
    return this.queue[0] ?? null;
  }

  /** How many utterances are sounding right now (started, not finished). */
  get speaking(): number {
    return this.queue.filter((u) => u.state === 'speaking').length;
  }

  /** The request of the last speak() call, or null. */
  get lastRequest(): UtteranceRequest | null {
    return this.spoken[this.spoken.length - 1] ?? null;
  }

  /** Texts of the utterances still queued, head first. */
  get queuedTexts(): string[] {
    return this.queue.map((u) => u.request.text);
  }

  /** Calls of one kind, e.g. `callsOf('cancel').length`. */
  callsOf<T extends FakeCall['type']>(type: T): Extract<FakeCall, { type: T }>[] {
    return this.calls.filter((c): c is Extract<FakeCall, { type: T }> => c.type === type);
  }

  /** Forget recorded calls (not the queue), e.g. after a test's setup. */
  clearCalls(): void {
    this.calls.length = 0;
    this.spoken.length = 0;
  }

  getVoices(): Promise<VoiceInfo[]> {
    return Promise.resolve([...this.voices]);
  }

  private changeListeners = new Set<(change: EngineChange) => void>();

  /** Who listens for voice changes (the store, once made). */
  get changeListenerCount(): number {
    return this.changeListeners.size;
  }

  subscribe(listener: (change: EngineChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Reports late voices or a replaced voice, as the session engine does. */
  emitChange(change: EngineChange): void {
    for (const l of [...this.changeListeners]) l(change);
  }

  speak(request: UtteranceRequest, events: UtteranceEvents): UtteranceHandle {
    const u: FakeUtterance = { id: this.nextId++, request: { ...request }, events, state: 'queued', wordCursor: 0 };
    this.calls.push({ type: 'speak', id: u.id, request: u.request });
    this.spoken.push(u.request);
    this.queue.push(u);
    this.maxQueued = Math.max(this.maxQueued, this.queue.length);
    if (this.queue.length === 1) this.autoBegin();
    return { id: u.id };
  }

  pause(): void {
    this.calls.push({ type: 'pause' });
    if (!this.canPause) {
      // What such engines really do: the utterance is gone.
      this.dropAll();
      return;
    }
    if (this.paused) return;
    this.paused = true;
    this.autoPause();
  }

  resume(): void {
    this.calls.push({ type: 'resume' });
    if (!this.paused) return;
    this.paused = false;
    this.autoResume();
  }

  cancel(): void {
    this.calls.push({ type: 'cancel' });
    this.dropAll();
  }

  dispose(): void {
    this.dropAll();
    this.disposed = true;
  }

  // ---- scripted events on the head utterance ----

  /** The head utterance starts sounding. */
  fireStart(): FakeUtterance {
    const u = this.head('start');
    if (u.state !== 'queued') throw new Error(`fake engine: utterance ${u.id} already started`);
    u.state = 'speaking';
    this.maxSpeaking = Math.max(this.maxSpeaking, this.speaking);
    u.events.onStart?.();
    return u;
  }

  /**
   * A word boundary on the sounding utterance. Without arguments, the next
   * word of its text (after the previous default boundary); returns false when
   * there is no word left.
   */
  fireBoundary(charIndex?: number, charLength?: number, estimated = false, heardTo?: number): boolean {
    const u = this.head('boundary');
    if (u.state !== 'speaking') throw new Error(`fake engine: boundary before start of utterance ${u.id}`);
    if (charIndex === undefined) {
      const re = /\S+/g;
      re.lastIndex = u.wordCursor;
      const m = re.exec(u.request.text);
      if (!m) return false;
      charIndex = m.index;
      charLength = m[0].length;
    }
    u.wordCursor = charIndex + Math.max(1, charLength ?? 1);
    u.events.onBoundary?.({ charIndex, charLength: charLength ?? 0, estimated, ...(heardTo === undefined ? {} : { heardTo }) });
    return true;
  }

  /** The sounding utterance ends; the next one (if any) becomes the head. */
  fireEnd(): FakeUtterance {
    const u = this.head('end');
    if (u.state !== 'speaking') throw new Error(`fake engine: end before start of utterance ${u.id}`);
    this.finish(u, 'ended');
    u.events.onEnd?.();
    this.autoBegin();
    return u;
  }

  /** The head utterance fails (before or after its start); the next one becomes the head. */
  fireError(code: SpeechErrorCode, message = code): FakeUtterance {
    const u = this.head('error');
    this.finish(u, 'failed');
    u.events.onError?.({ code, message });
    this.autoBegin();
    return u;
  }

  /** Start (if needed), every word boundary, then end of the head utterance. */
  finishCurrent(): FakeUtterance {
    const u = this.head('finish');
    if (u.state === 'queued') this.fireStart();
    while (this.queue[0] === u && u.state === 'speaking' && this.fireBoundary()) {
      /* each word in turn */
    }
    if (this.queue[0] === u && u.state === 'speaking') this.fireEnd();
    return u;
  }

  /**
   * Delivers an event of the most recently cancelled utterance anyway, as
   * buggy engines do (Chrome fires `end` or `error` after cancel()). A store
   * must ignore it. Returns false when nothing was ever cancelled.
   */
  fireStale(kind: 'start' | 'boundary' | 'end' | 'error'): boolean {
    const u = this.cancelled[this.cancelled.length - 1];
    if (!u) return false;
    if (kind === 'start') u.events.onStart?.();
    else if (kind === 'boundary') u.events.onBoundary?.({ charIndex: u.request.text.length >> 1, charLength: 1, estimated: false });
    else if (kind === 'end') u.events.onEnd?.();
    else u.events.onError?.({ code: 'interrupted', message: 'interrupted' });
    return true;
  }

  /** Finish utterances one after another until the queue is empty; returns how many. */
  finishAll(limit = 10_000): number {
    let n = 0;
    while (this.queue.length > 0 && !this.paused) {
      if (++n > limit) throw new Error('fake engine: finishAll did not terminate');
      this.finishCurrent();
    }
    return n;
  }

  private head(what: string): FakeUtterance {
    const u = this.queue[0];
    if (!u) throw new Error(`fake engine: ${what} with nothing queued`);
    if (this.paused) throw new Error(`fake engine: ${what} while paused`);
    return u;
  }

  private finish(u: FakeUtterance, state: FakeUtteranceState): void {
    u.state = state;
    const i = this.queue.indexOf(u);
    if (i >= 0) this.queue.splice(i, 1);
    if (this.run?.utterance === u) this.autoStop();
  }

  private dropAll(): void {
    const sounding = this.queue[0]?.state === 'speaking' ? this.queue[0] : null;
    for (const u of this.queue) u.state = 'cancelled';
    this.cancelled.push(...this.queue);
    if (this.cancelled.length > 8) this.cancelled.splice(0, this.cancelled.length - 8);
    this.queue.length = 0;
    this.paused = false;
    this.autoStop();
    if (sounding && this.reportInterrupted) {
      sounding.events.onError?.({ code: 'interrupted', message: 'interrupted' });
    }
  }

  // ---- auto mode ----

  private autoBegin(): void {
    const u = this.queue[0];
    if (!this.auto || !u || this.paused || this.run) return;
    const rate = u.request.rate > 0 ? u.request.rate : 1;
    const per = this.auto.msPerChar / rate;
    const start = this.auto.startDelayMs;
    const steps: AutoRun['steps'] = [{ at: start, fire: () => this.fireStart() }];
    if (this.auto.boundaries) {
      for (const m of u.request.text.matchAll(/\S+/g)) {
        const at = start + m.index * per;
        steps.push({ at, fire: () => this.fireBoundary(m.index, m[0].length) });
      }
    }
    steps.push({ at: start + u.request.text.length * per, fire: () => this.fireEnd() });
    this.run = { utterance: u, steps, origin: this.clock.now(), timers: [], pausedAt: null };
    this.autoSchedule();
  }

  private autoSchedule(): void {
    const run = this.run;
    if (!run) return;
    const elapsed = this.clock.now() - run.origin;
    // One timer per step, in order; each checks the run is still current so a
    // cancel or pause between ticks silences the rest.
    for (const step of run.steps) {
      const t = this.clock.setTimeout(() => {
        if (this.run !== run || run.pausedAt !== null) return;
        run.steps.shift();
        step.fire();
      }, Math.max(0, step.at - elapsed));
      run.timers.push(t);
    }
  }

  private autoPause(): void {
    const run = this.run;
    if (!run) return;
    for (const t of run.timers) this.clock.clearTimeout(t);
    run.timers = [];
    run.pausedAt = this.clock.now();
  }

  private autoResume(): void {
    const run = this.run;
    if (!run) {
      this.autoBegin();
      return;
    }
    if (run.pausedAt !== null) run.origin += this.clock.now() - run.pausedAt;
    run.pausedAt = null;
    this.autoSchedule();
  }

  private autoStop(): void {
    const run = this.run;
    if (!run) return;
    for (const t of run.timers) this.clock.clearTimeout(t);
    this.run = null;
  }
}

/**
 * A manual clock for the store's `now` and the fake engine's auto mode:
 * nothing happens until the test calls `advance()` or `runAll()`.
 */
export class FakeClock implements EngineClock {
  private time = 0;
  private seq = 0;
  private timers: { id: number; at: number; fn: () => void }[] = [];

  now = (): number => this.time;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.timers.push({ id, at: this.time + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Move time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.nextDue(until);
      if (!next) break;
      this.time = next.at;
      this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
    this.time = until;
  }

  /** Run timers (advancing time) until none are left; returns how many ran. */
  runAll(limit = 100_000): number {
    let n = 0;
    for (;;) {
      const next = this.nextDue(Infinity);
      if (!next) return n;
      if (++n > limit) throw new Error('FakeClock.runAll: too many timers (a loop?)');
      this.time = Math.max(this.time, next.at);
      this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
  }

  private nextDue(until: number): { id: number; at: number; fn: () => void } | undefined {
    let best: { id: number; at: number; fn: () => void } | undefined;
    for (const t of this.timers) {
      if (t.at <= until && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    }
    return best;
  }
}

export interface FakeSectionSpec {
  heading?: string;
  headingSpeak?: string;
  /** Paragraphs, each a list of sentences; `[text, speak]` gives a spoken form. */
  paragraphs: (string | [string, string])[][];
}

/**
 * A small article built by hand for tests, with ids s{n}p{m}s{k} as the
 * segmenter makes them: `makeArticle([{ heading: 'Two', paragraphs: [['A.', 'B.']] }])`.
 */
export function makeArticle(sections: FakeSectionSpec[], extra: Partial<Article> = {}): Article {
  return {
    version: 1,
    id: 'test',
    lang: 'en-GB',
    title: 'The Title',
    ...extra,
    sections: sections.map(
      (spec, si): Section => ({
        id: `s${si + 1}`,
        ...(spec.heading !== undefined ? { heading: spec.heading } : {}),
        ...(spec.headingSpeak !== undefined ? { headingSpeak: spec.headingSpeak } : {}),
        paragraphs: spec.paragraphs.map((sentences, pi) => ({
          id: `s${si + 1}p${pi + 1}`,
          sentences: sentences.map((s, ki) => {
            const [text, speak] = typeof s === 'string' ? [s, undefined] : s;
            return { id: `s${si + 1}p${pi + 1}s${ki + 1}`, text, ...(speak !== undefined ? { speak } : {}) };
          }),
        })),
      }),
    ),
  };
}
