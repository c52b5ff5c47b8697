/**
 * The Web Speech engine: `speechSynthesis` behind the SpeechEngine interface,
 * with every known pitfall handled (see docs/speech.md, "Pitfalls").
 *
 * The synthesizer and utterance constructor are injectable so the engine is
 * tested in Node against scripted fakes that reproduce each pitfall.
 */
import type {
  SpeechEngine,
  SpeechErrorCode,
  UtteranceEvents,
  UtteranceHandle,
  UtteranceRequest,
  VoiceInfo,
} from './types.ts';
import { chooseVoice } from './voices.ts';
import {
  DEFAULT_MAX_CHUNK,
  estimateDurationMs,
  estimateWordTimes,
  splitIntoChunks,
  wordLengthAt,
  type TextChunk,
  type WordSpan,
} from './chunks.ts';

/** The parts of SpeechSynthesisVoice the engine reads. */
export interface VoiceLike {
  voiceURI: string;
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

/** The parts of SpeechSynthesisUtterance the engine uses. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  pitch: number;
  volume: number;
  onstart: ((ev: unknown) => void) | null;
  onend: ((ev: unknown) => void) | null;
  onerror: ((ev: { error?: string }) => void) | null;
  onboundary: ((ev: { charIndex: number; charLength?: number; name?: string }) => void) | null;
}

/** The parts of SpeechSynthesis the engine uses. */
export interface SynthLike {
  getVoices(): readonly VoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface WebSpeechEngineOptions {
  /** Defaults to `globalThis.speechSynthesis`. */
  synth?: SynthLike;
  /** Defaults to `globalThis.SpeechSynthesisUtterance`. */
  Utterance?: new (text: string) => UtteranceLike;
  /** How long getVoices() waits for voices to arrive. Default 3000 ms. */
  voicesTimeoutMs?: number;
  /** Poll interval while waiting for voices (some browsers never fire voiceschanged). Default 250 ms. */
  voicesPollMs?: number;
  /** Longest utterance at rate 1, in characters. Default 200. */
  maxChunkLength?: number;
  /** How long an utterance may take to start before it is retried once, then counts as failed. Default 5000 ms. */
  startTimeoutMs?: number;
  /** Override pause detection (see detectCanPause). */
  canPause?: boolean;
  /** For detection; defaults to navigator.userAgent. */
  userAgent?: string;
  /** For detection (iPadOS reports a Mac user agent); defaults to navigator.maxTouchPoints. */
  maxTouchPoints?: number;
  /** Override whether unlock() speaks a silent utterance (see needsGestureUnlock). */
  gestureUnlock?: boolean;
}

/** A Web Speech engine exposes the voices the platform gave and a gesture unlock. */
export interface WebSpeechEngine extends SpeechEngine {
  readonly kind: 'webspeech';
  /**
   * Call inside a user gesture (click/keydown) when the first speak() may
   * come later, outside it. Only WebKit on iOS/iPadOS needs this: there it
   * speaks one silent, non-empty utterance so later, gesture-less speak()
   * calls are let through. Everywhere else it does nothing.
   */
  unlock(): void;
}

/**
 * What unlock() speaks: never an empty text. On Chromium's speech-dispatcher
 * backend (Linux) an empty utterance fails with synthesis-failed and no
 * utterance ever starts again in that browser until it restarts; a one-space
 * or '.' text at volume 0 starts and ends normally everywhere.
 */
export const SILENT_UNLOCK_TEXT = '.';

/**
 * Whether speech must first be started inside a user gesture: WebKit on
 * iPhone, iPod and iPad (iPadOS asks for desktop pages with a Mac user agent,
 * told apart by its touch points). Desktop browsers need only one earlier
 * gesture on the page, which any click on Play already is.
 */
export function needsGestureUnlock(userAgent: string, maxTouchPoints = 0): boolean {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return true;
  return /Macintosh/i.test(userAgent) && maxTouchPoints > 1;
}

/**
 * Whether `speechSynthesis.pause()` can be trusted on this platform:
 * - Android: pause() acts as cancel (the utterance is lost).
 * - Linux desktops (Chromium and Firefox both speak through
 *   speech-dispatcher): pause() wedges the daemon until it restarts.
 * Elsewhere (Windows, macOS, iOS, ChromeOS) pause/resume work.
 */
export function detectCanPause(userAgent: string): boolean {
  if (/Android/i.test(userAgent)) return false;
  return !usesSpeechDispatcher(userAgent);
}

/**
 * Whether Web Speech on this platform goes through speech-dispatcher: a
 * Linux/BSD desktop (not Android, not ChromeOS). Its voices arrive late
 * (1.5–2 s, more on a busy machine) and pause() must not be called.
 */
export function usesSpeechDispatcher(userAgent: string): boolean {
  return /Linux|X11|FreeBSD/i.test(userAgent) && !/Android|CrOS/i.test(userAgent);
}

function mapError(error: string | undefined): SpeechErrorCode {
  switch (error) {
    case 'interrupted':
    case 'canceled':
      return 'interrupted';
    case 'not-allowed':
      return 'not-allowed';
    case 'audio-busy':
    case 'audio-hardware':
      return 'audio-busy';
    case 'network':
      return 'network';
    case 'language-unavailable':
    case 'voice-unavailable':
      return 'no-voice';
    case 'synthesis-failed':
    case 'synthesis-unavailable':
    case 'text-too-long':
    case 'invalid-argument':
      return 'synthesis-failed';
    default:
      return 'unknown';
  }
}

function toVoiceInfo(v: VoiceLike): VoiceInfo {
  return {
    id: v.voiceURI || v.name,
    name: v.name,
    lang: (v.lang || '').replace(/_/g, '-'),
    isDefault: Boolean(v.default),
    localService: v.localService !== false,
    engine: 'webspeech',
  };
}

interface Job {
  handle: UtteranceHandle;
  request: UtteranceRequest;
  events: UtteranceEvents;
  started: boolean;
  /** Offset up to which the text has been spoken (end of the last finished chunk). */
  spokenTo: number;
  /** Offset of the last word boundary delivered (real or estimated). */
  lastBoundary: number;
  /** Whether its utterances are in the synthesizer's queue (this generation). */
  fed: boolean;
  /** Times the watchdog re-queued it because it never started. */
  retries: number;
  voiceKey: string;
}

interface Native {
  gen: number;
  job: Job;
  chunk: TextChunk;
  last: boolean;
  utterance: UtteranceLike;
  started: boolean;
  done: boolean;
}

interface Estimation {
  rec: Native;
  words: Array<WordSpan & { atMs: number }>;
  next: number;
  /** Date.now() at which the chunk would have started, adjusted for pauses. */
  origin: number;
  pausedAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Creates the Web Speech engine. Throws if no synthesizer is available;
 * use createSpeechEngine() (select-engine.ts) to fall back automatically.
 */
export function createWebSpeechEngine(options: WebSpeechEngineOptions = {}): WebSpeechEngine {
  const g = globalThis as unknown as {
    speechSynthesis?: SynthLike;
    SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
    navigator?: { userAgent?: string; maxTouchPoints?: number };
  };
  const synth = options.synth ?? g.speechSynthesis;
  const Utterance = options.Utterance ?? g.SpeechSynthesisUtterance;
  if (!synth || !Utterance) throw new Error('speechSynthesis is not available');
  const voicesTimeoutMs = options.voicesTimeoutMs ?? 3000;
  const voicesPollMs = options.voicesPollMs ?? 250;
  const maxChunkLength = options.maxChunkLength ?? DEFAULT_MAX_CHUNK;
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const userAgent = options.userAgent ?? g.navigator?.userAgent ?? '';
  const canPause = options.canPause ?? detectCanPause(userAgent);
  const gestureUnlock =
    options.gestureUnlock ?? needsGestureUnlock(userAgent, options.maxTouchPoints ?? g.navigator?.maxTouchPoints ?? 0);

  let generation = 0;
  let nextId = 1;
  let jobs: Job[] = [];
  let natives: Native[] = [];
  let paused: 'no' | 'native' | 'emulated' = 'no';
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let estimation: Estimation | null = null;
  let knownVoices: VoiceInfo[] | null = null;
  let voicesPromise: Promise<VoiceInfo[]> | null = null;
  /** True once anything was handed to the synthesizer: an unlock then has no purpose. */
  let unlocked = false;
  let disposed = false;
  /** Voices (by key) that have produced real boundary events: no estimation for them. */
  const realBoundaryVoices = new Set<string>();

  function deliver(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      // A failing listener must not wedge the queue.
      console.error(err);
    }
  }

  function readVoices(): VoiceInfo[] {
    try {
      return synth!.getVoices().map(toVoiceInfo);
    } catch {
      return [];
    }
  }

  function getVoices(): Promise<VoiceInfo[]> {
    const now = readVoices();
    if (now.length > 0) {
      knownVoices = now;
      return Promise.resolve(now);
    }
    if (voicesPromise) return voicesPromise;
    voicesPromise = new Promise<VoiceInfo[]>((resolve) => {
      let poll: ReturnType<typeof setInterval> | null = null;
      let timeout: ReturnType<typeof setTimeout> | null = null;
      const finish = (list: VoiceInfo[]): void => {
        if (poll) clearInterval(poll);
        if (timeout) clearTimeout(timeout);
        synth!.removeEventListener?.('voiceschanged', check);
        knownVoices = list;
        voicesPromise = null;
        resolve(list);
      };
      const check = (): void => {
        const list = readVoices();
        if (list.length > 0) finish(list);
      };
      // voiceschanged is the normal path; the poll covers browsers that fill
      // the list without firing it (older Safari) and a listener added late.
      synth!.addEventListener?.('voiceschanged', check);
      poll = setInterval(check, voicesPollMs);
      timeout = setTimeout(() => finish(readVoices()), voicesTimeoutMs);
    });
    return voicesPromise;
  }

  function voiceFor(request: UtteranceRequest): VoiceLike | null {
    const natives = synth!.getVoices();
    if (request.voice && request.voice.engine === 'webspeech') {
      const v = natives.find((n) => (n.voiceURI || n.name) === request.voice!.id);
      if (v) return v;
    }
    const chosen = chooseVoice(natives.map(toVoiceInfo), request.lang);
    return chosen ? (natives.find((n) => (n.voiceURI || n.name) === chosen.id) ?? null) : null;
  }

  // ---- timers -------------------------------------------------------------

  function clearWatchdog(): void {
    if (watchdog) clearTimeout(watchdog);
    watchdog = null;
  }

  /** Arms the watchdog on the utterance at the head of the synthesizer's queue. */
  function armWatchdog(): void {
    clearWatchdog();
    const head = natives[0];
    if (!head || paused !== 'no') return;
    const ms = head.started
      ? estimateDurationMs(head.chunk.text, head.job.request.rate) * 2 + 3000
      : startTimeoutMs;
    watchdog = setTimeout(() => onWatchdog(head), ms);
  }

  function onWatchdog(rec: Native): void {
    watchdog = null;
    if (rec.gen !== generation || rec.done) return;
    // Neither end nor error came (Chrome's ~15 s cut-off, a dropped
    // utterance): the synthesizer's queue is stuck behind it, so flush it and
    // speak what is left afresh.
    if (rec.started) {
      finishNative(rec, { restart: true });
    } else if (rec.job.retries < 1) {
      // Chromium on Linux has dropped an utterance spoken right after
      // cancel(): flush and try once more before giving up.
      rec.job.retries++;
      restartQueue();
    } else {
      failJob(rec.job, 'synthesis-failed', 'The speech engine did not start speaking.');
    }
  }

  function stopEstimation(): void {
    if (estimation?.timer) clearTimeout(estimation.timer);
    estimation = null;
  }

  function startEstimation(rec: Native): void {
    stopEstimation();
    if (realBoundaryVoices.has(rec.job.voiceKey)) return;
    estimation = {
      rec,
      words: estimateWordTimes(rec.chunk.text, rec.job.request.rate),
      next: 0,
      origin: Date.now(),
      pausedAt: null,
      timer: null,
    };
    tickEstimation();
  }

  function tickEstimation(): void {
    const est = estimation;
    if (!est || est.pausedAt !== null) return;
    est.timer = null;
    const { rec } = est;
    if (rec.gen !== generation || rec.done) return stopEstimation();
    const elapsed = Date.now() - est.origin;
    while (est.next < est.words.length && est.words[est.next]!.atMs <= elapsed) {
      const w = est.words[est.next++]!;
      emitBoundary(rec, rec.chunk.offset + w.index, w.length, true);
      if (estimation !== est) return; // a listener cancelled or paused
    }
    const upcoming = est.words[est.next];
    if (upcoming) est.timer = setTimeout(tickEstimation, Math.max(0, upcoming.atMs - elapsed));
  }

  function emitBoundary(rec: Native, charIndex: number, charLength: number, estimated: boolean): void {
    rec.job.lastBoundary = charIndex;
    const { events } = rec.job;
    deliver(() => events.onBoundary?.({ charIndex, charLength, estimated }));
  }

  // ---- the queue ----------------------------------------------------------

  function chunksFrom(job: Job, from: number): TextChunk[] {
    const text = job.request.text;
    // Slower speech takes longer per character: shrink chunks so each still
    // ends well inside Chrome's ~15 s limit.
    const max = maxChunkLength * Math.min(1, Math.max(0.1, job.request.rate));
    return splitIntoChunks(text.slice(from), max).map((c) => ({ text: c.text, offset: c.offset + from }));
  }

  function feed(job: Job, from: number): void {
    job.fed = true;
    const chunks = chunksFrom(job, from);
    if (chunks.length === 0) {
      // Nothing (left) to say: complete on a later tick, in queue order.
      const rec = makeNative(job, { text: '', offset: from }, true);
      natives.push(rec);
      return;
    }
    const voice = voiceFor(job.request);
    chunks.forEach((chunk, i) => {
      const rec = makeNative(job, chunk, i === chunks.length - 1);
      const u = rec.utterance;
      u.lang = job.request.lang;
      if (voice) u.voice = voice;
      u.rate = job.request.rate;
      u.pitch = job.request.pitch ?? 1;
      u.volume = job.request.volume;
      natives.push(rec);
      unlocked = true;
      synth!.speak(u);
    });
  }

  function makeNative(job: Job, chunk: TextChunk, last: boolean): Native {
    const utterance = new Utterance!(chunk.text);
    const rec: Native = { gen: generation, job, chunk, last, utterance, started: false, done: false };
    const live = (): boolean => rec.gen === generation && !rec.done && !disposed;
    utterance.onstart = () => {
      if (!live() || rec.started) return;
      rec.started = true;
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
        if (!live()) return;
      }
      if (natives[0] === rec) armWatchdog();
      startEstimation(rec);
    };
    utterance.onboundary = (ev) => {
      if (!live()) return;
      if (ev.name && ev.name !== 'word') return;
      realBoundaryVoices.add(job.voiceKey);
      if (estimation?.rec === rec) stopEstimation();
      const index = Math.max(0, Math.min(ev.charIndex, chunk.text.length));
      const length = ev.charLength && ev.charLength > 0 ? ev.charLength : wordLengthAt(chunk.text, index);
      emitBoundary(rec, chunk.offset + index, length, false);
    };
    utterance.onend = () => {
      if (!live()) return;
      finishNative(rec, { restart: false });
    };
    utterance.onerror = (ev) => {
      if (!live()) return;
      const code = mapError(ev?.error);
      // That speak() was outside a gesture after all: the next unlock() must speak.
      if (code === 'not-allowed') unlocked = false;
      failJob(job, code, `Speech failed: ${ev?.error ?? 'unknown error'}`);
    };
    return rec;
  }

  /** A chunk finished (or the watchdog gave up on it): move to the next. */
  function finishNative(rec: Native, { restart }: { restart: boolean }): void {
    rec.done = true;
    if (estimation?.rec === rec) stopEstimation();
    natives = natives.filter((n) => n !== rec);
    const job = rec.job;
    job.spokenTo = rec.chunk.offset + rec.chunk.text.length;
    if (rec.last) {
      jobs = jobs.filter((j) => j !== job);
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
      }
      deliver(() => job.events.onEnd?.());
    }
    if (restart) restartQueue();
    else {
      armWatchdog();
      completeEmpty();
    }
  }

  function failJob(job: Job, code: SpeechErrorCode, message: string): void {
    jobs = jobs.filter((j) => j !== job);
    for (const n of natives) if (n.job === job) n.done = true;
    natives = natives.filter((n) => n.job !== job);
    if (estimation?.rec.job === job) stopEstimation();
    const gen = generation;
    deliver(() => job.events.onError?.({ code, message }));
    if (gen !== generation) return; // the listener cancelled or paused
    // The synthesizer may still hold this job's other chunks, or (after an
    // interruption from outside) report the rest as canceled: flush it and
    // queue what is left afresh, so one failure never cascades.
    if (natives.length > 0) restartQueue();
    else armWatchdog();
  }

  /** Empty requests have no native utterance: complete them when they reach the head. */
  function completeEmpty(): void {
    const head = natives[0];
    if (!head || head.chunk.text !== '' || paused !== 'no') return;
    const gen = generation;
    queueMicrotask(() => {
      if (gen !== generation || head.done || natives[0] !== head || paused !== 'no') return;
      finishNative(head, { restart: false });
    });
  }

  /** Flushes the synthesizer and speaks every job again from where it got to. */
  function restartQueue(): void {
    generation++;
    clearWatchdog();
    stopEstimation();
    for (const n of natives) n.done = true;
    natives = [];
    synth!.cancel();
    if (paused === 'emulated') {
      for (const j of jobs) j.fed = false;
      return;
    }
    for (const j of jobs) feed(j, j === jobs[0] ? Math.max(j.spokenTo, 0) : j.spokenTo);
    armWatchdog();
    completeEmpty();
  }

  // ---- the interface ------------------------------------------------------

  const engine: WebSpeechEngine = {
    kind: 'webspeech',
    canPause,
    getVoices,
    speak(request, events) {
      const handle: UtteranceHandle = { id: nextId++ };
      if (disposed) return handle;
      const job: Job = {
        handle,
        request,
        events,
        started: false,
        spokenTo: 0,
        lastBoundary: 0,
        fed: false,
        retries: 0,
        voiceKey: request.voice?.id ?? `lang:${request.lang}`,
      };
      if (knownVoices !== null && knownVoices.length === 0 && readVoices().length === 0) {
        const gen = generation;
        queueMicrotask(() => {
          if (gen === generation && !disposed)
            deliver(() => events.onError?.({ code: 'no-voice', message: 'No speech voices are available.' }));
        });
        return handle;
      }
      jobs.push(job);
      if (paused === 'emulated') return handle;
      const wasIdle = natives.length === 0;
      feed(job, 0);
      if (wasIdle) {
        armWatchdog();
        completeEmpty();
      }
      return handle;
    },
    pause() {
      if (paused !== 'no' || disposed) return;
      if (canPause) {
        paused = 'native';
        synth.pause();
        clearWatchdog();
        if (estimation && estimation.pausedAt === null) {
          if (estimation.timer) clearTimeout(estimation.timer);
          estimation.timer = null;
          estimation.pausedAt = Date.now();
        }
        return;
      }
      // Pause emulated by cancel: resume() speaks the current sentence again
      // from its last word boundary.
      paused = 'emulated';
      generation++;
      clearWatchdog();
      stopEstimation();
      for (const n of natives) n.done = true;
      natives = [];
      for (const j of jobs) j.fed = false;
      synth.cancel();
    },
    resume() {
      if (disposed) return;
      if (paused === 'native') {
        paused = 'no';
        synth.resume();
        if (estimation && estimation.pausedAt !== null) {
          estimation.origin += Date.now() - estimation.pausedAt;
          estimation.pausedAt = null;
          tickEstimation();
        }
        armWatchdog();
        return;
      }
      if (paused === 'emulated') {
        paused = 'no';
        jobs.forEach((j, i) => feed(j, i === 0 ? Math.max(j.lastBoundary, j.spokenTo) : j.spokenTo));
        armWatchdog();
        completeEmpty();
      }
    },
    cancel() {
      generation++;
      clearWatchdog();
      stopEstimation();
      for (const n of natives) n.done = true;
      natives = [];
      jobs = [];
      const wasPaused = paused === 'native';
      paused = 'no';
      synth.cancel();
      // Chrome keeps a paused synthesizer paused across cancel(): later
      // utterances would never start.
      if (wasPaused) synth.resume();
    },
    unlock() {
      if (!gestureUnlock || unlocked || disposed) return;
      unlocked = true;
      const u = new Utterance(SILENT_UNLOCK_TEXT);
      u.volume = 0;
      synth.speak(u);
    },
    dispose() {
      if (disposed) return;
      engine.cancel();
      disposed = true;
    },
  };
  return engine;
}
