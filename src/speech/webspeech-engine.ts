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
  chunkLengthFor,
  DEFAULT_MS_PER_CHAR,
  DEFAULT_TARGET_CHUNK_MS,
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
  /**
   * True from speak() until the queue is empty (Chromium and WebKit keep it
   * from their own queue, so it is right even for a voice that fires no
   * events). Optional: without it no-event voices cannot be detected.
   */
  readonly speaking?: boolean;
  /** True while more than one utterance is queued (the current one counts). */
  readonly pending?: boolean;
  /** True while paused, by us or by the platform (iOS when the page is hidden). */
  readonly paused?: boolean;
}

/** Whether the page is hidden, and a way to hear when that changes (document.visibilityState in a browser). */
export interface VisibilitySource {
  hidden(): boolean;
  /** Calls `cb` on every change; returns the unsubscribe function. */
  subscribe(cb: () => void): () => void;
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
  /**
   * Longest utterance at rate 1, in characters, on top of the time target.
   * Default: no cap beyond targetChunkMs.
   */
  maxChunkLength?: number;
  /**
   * How long one utterance should take, estimated from the rate and the
   * voice's measured speed. Default 10 000 ms (Chrome cuts off at ~15 s).
   */
  targetChunkMs?: number;
  /**
   * How long a local voice's utterance may take to start (while the
   * synthesizer says it is not speaking) before it is retried once, then
   * counts as failed. Default 5000 ms.
   */
  startTimeoutMs?: number;
  /** The same for a network voice (localService false), whose first audio may take seconds. Default 15 000 ms. */
  networkStartTimeoutMs?: number;
  /**
   * After this long with no start event but `speaking` true, the voice is
   * taken for one that fires no events and followed on estimated timing.
   * Default 1500 ms.
   */
  silentStartMs?: number;
  /** Watchdog tick. Default 250 ms. */
  tickMs?: number;
  /** Page visibility; defaults to `document` when there is one. The watchdog does not count while hidden. */
  visibility?: VisibilitySource;
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
  /** Offset from which the text is still to be said (end of the last finished chunk, or a resume point). */
  spokenTo: number;
  /** Offset of the last word boundary delivered (real or estimated). */
  lastBoundary: number;
  /** Whether its utterances are in the synthesizer's queue (this generation). */
  fed: boolean;
  /** Times the watchdog re-queued it because it never started. */
  retries: number;
  /** Times it was re-queued after a stall (cut-off, stuck silent voice) without getting further. */
  stalls: number;
  /** The resume point of the last stall, to tell progress from a loop. */
  stalledAt: number;
  voiceKey: string;
  /** The native voice is a network voice (localService false). */
  network: boolean;
}

interface Native {
  gen: number;
  job: Job;
  chunk: TextChunk;
  last: boolean;
  utterance: UtteranceLike;
  /** Handed to synth.speak() (voices without events get one utterance at a time). */
  handed: boolean;
  /** Date.now() when handed over. */
  handedAt: number;
  started: boolean;
  /** Started by inference: the voice fires no events, so start and end are read off `speaking`. */
  silent: boolean;
  /** Date.now() of the (real or inferred) start. */
  startedAt: number;
  /** Time counted towards the watchdog: only while it heads the queue, the page is visible and nothing is paused. */
  waited: number;
  /** A real boundary event arrived for this chunk. */
  realBoundary: boolean;
  /** Date.now() when a silent chunk was first seen no longer speaking while the page was hidden (0: not seen). */
  goneAt: number;
  /** Another utterance (not ours) was seen queued ahead of it. */
  queuedBehind: boolean;
  /** For how long (counted like `waited`). */
  behindMs: number;
  /** How many (a voice that gives only a few is not judged by their gaps). */
  realBoundaries: number;
  /** `waited` at the last real boundary. */
  waitedAtBoundary: number;
  /** It was paused or hidden at some point: its start→end time is no measure of the voice's speed. */
  interrupted: boolean;
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

/** Faster than any voice speaks at rate 1 (40 characters a second): the floor of a measured speed when cutting chunks. */
const MIN_MS_PER_CHAR = 25;

/** Chrome's network voices stop an utterance after about this long. */
const CUTOFF_MS = 15_000;

/**
 * With only estimated boundaries the engine does not know how far a cut-off
 * utterance got. It assumes the voice was this many times slower than
 * estimated (unmeasured voice / measured voice) so the resume point lies
 * before what was heard: a few words said twice, none lost.
 */
const SLOW_FACTOR_UNMEASURED = 2;
const SLOW_FACTOR_MEASURED = 1.5;

/** Longest silence between two real boundaries inside a chunk before it counts as cut off. */
const BOUNDARY_GAP_MS = 4000;

/** How long another page script's utterance ahead of ours is waited for before the watchdog counts again. */
const FOREIGN_WAIT_MS = 30_000;

/** Stalls at the same place (after one retry there) before the job is reported as failed. */
const MAX_STALLS = 1;

/**
 * Creates the Web Speech engine. Throws if no synthesizer is available;
 * use createSpeechEngine() (select-engine.ts) to fall back automatically.
 */
export function createWebSpeechEngine(options: WebSpeechEngineOptions = {}): WebSpeechEngine {
  const g = globalThis as unknown as {
    speechSynthesis?: SynthLike;
    SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
    navigator?: { userAgent?: string; maxTouchPoints?: number };
    document?: {
      visibilityState?: string;
      addEventListener?(type: string, cb: () => void): void;
      removeEventListener?(type: string, cb: () => void): void;
    };
  };
  const synth = options.synth ?? g.speechSynthesis;
  const Utterance = options.Utterance ?? g.SpeechSynthesisUtterance;
  if (!synth || !Utterance) throw new Error('speechSynthesis is not available');
  const voicesTimeoutMs = options.voicesTimeoutMs ?? 3000;
  const voicesPollMs = options.voicesPollMs ?? 250;
  const maxChunkLength = options.maxChunkLength ?? Infinity;
  const targetChunkMs = options.targetChunkMs ?? DEFAULT_TARGET_CHUNK_MS;
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const networkStartTimeoutMs = options.networkStartTimeoutMs ?? 15_000;
  const silentStartMs = options.silentStartMs ?? 1500;
  const tickMs = options.tickMs ?? 250;
  const visibility = options.visibility ?? documentVisibility(g.document);
  const userAgent = options.userAgent ?? g.navigator?.userAgent ?? '';
  const canPause = options.canPause ?? detectCanPause(userAgent);
  const gestureUnlock =
    options.gestureUnlock ?? needsGestureUnlock(userAgent, options.maxTouchPoints ?? g.navigator?.maxTouchPoints ?? 0);

  let generation = 0;
  let nextId = 1;
  let jobs: Job[] = [];
  let natives: Native[] = [];
  let paused: 'no' | 'native' | 'emulated' = 'no';
  let ticker: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  /** Estimation is frozen (hidden page, platform pause, our native pause). */
  let frozen = false;
  /**
   * Set by our pause(), cleared once `paused` reads false: Chromium updates
   * `paused` only on the platform's resume event, which a voice without
   * events never sends, so after our own resume() a stale `paused` must not
   * pass for a platform pause (the watchdog would never count again).
   */
  let ourPauseLatch = false;
  /** The page was hidden while we had speech paused natively: iOS may have interrupted it. */
  let hiddenWhilePaused = false;
  let estimation: Estimation | null = null;
  let knownVoices: VoiceInfo[] | null = null;
  let voicesPromise: Promise<VoiceInfo[]> | null = null;
  /** True once anything was handed to the synthesizer: an unlock then has no purpose. */
  let unlocked = false;
  let disposed = false;
  /** Voices (by key) that have produced real boundary events: no estimation for them. */
  const realBoundaryVoices = new Set<string>();
  /**
   * Whether a voice (by key) fires start/end events. Until it is known, and
   * for a voice that fires none, utterances are handed over one at a time so
   * `speaking === false` means ours ended.
   */
  const voiceEvents = new Map<string, 'events' | 'silent'>();
  /** Measured ms per character at rate 1, per voice (start→end of what it already said). */
  const voiceSpeed = new Map<string, number>();
  const unsubscribeVisibility = visibility?.subscribe(onVisibilityChange) ?? null;

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

  function msPerChar(job: Job): number {
    return voiceSpeed.get(job.voiceKey) ?? DEFAULT_MS_PER_CHAR;
  }

  function isHidden(): boolean {
    try {
      return visibility?.hidden() ?? false;
    } catch {
      return false;
    }
  }

  /** The platform paused speech without us asking (iOS when the page is hidden or the phone locks). */
  function platformPaused(): boolean {
    return paused === 'no' && !ourPauseLatch && synth!.paused === true;
  }

  // ---- the watchdog -------------------------------------------------------
  //
  // One ticker while anything is queued. Each tick counts the time since the
  // last one towards the head utterance, but only while the page is visible
  // and nothing (we or the platform) has paused speech: a locked phone or a
  // background tab never makes an utterance look stuck.

  function armWatchdog(): void {
    if (disposed || natives.length === 0) return stopTicker();
    if (ticker) return;
    lastTick = Date.now();
    ticker = setInterval(tick, tickMs);
  }

  function stopTicker(): void {
    if (ticker) clearInterval(ticker);
    ticker = null;
  }

  function clearWatchdog(): void {
    stopTicker();
  }

  function startTimeoutFor(rec: Native): number {
    // A network voice may take several seconds to fetch its first audio.
    return rec.job.network ? networkStartTimeoutMs : startTimeoutMs;
  }

  function tick(): void {
    const now = Date.now();
    // A tick delayed by a busy or suspended page must not count as one long wait.
    const dt = Math.min(now - lastTick, tickMs * 4);
    lastTick = now;
    if (disposed || natives.length === 0) return stopTicker();
    if (paused !== 'no') return;
    if (synth!.paused === false) ourPauseLatch = false;
    const hidden = isHidden();
    const held = platformPaused();
    setFrozen(hidden || held);
    const head = natives[0];
    if (!head || head.chunk.text === '' || !head.handed || head.done) return;
    const speaking = synth!.speaking;
    if (hidden || held) {
      head.interrupted = true;
      // Desktop browsers go on speaking in a background tab: follow a voice
      // without events to its end there too, but only once its audio can
      // have ended (iOS drops or pauses speech instead; see onVisibilityChange).
      if (hidden && !held) {
        const known = voiceEvents.get(head.job.voiceKey);
        if (!head.started && speaking === true && synth!.pending !== true && known === 'silent') silentStart(head);
        else if (head.silent && speaking === false) {
          // Judged once, when it is first seen gone: gone early means dropped,
          // left for the return to visible (said again from its start).
          if (head.goneAt === 0) head.goneAt = Date.now();
          if (plausiblyEnded(head, head.goneAt)) finishNative(head, { restart: false });
        }
      }
      return;
    }
    head.waited += dt;
    if (!head.started) {
      const known = voiceEvents.get(head.job.voiceKey);
      // Only ours is handed over, yet `pending`: someone else's utterance is
      // ahead of it, so it has not begun (and is not late), whatever
      // `speaking` says.
      if (synth!.pending === true && handedCount() <= 1) {
        head.queuedBehind = true;
        head.behindMs += dt;
        // Up to a point: an utterance stuck ahead of ours is flushed by the
        // start timeout like any other hang.
        if (head.behindMs < FOREIGN_WAIT_MS) {
          head.waited -= dt;
          return;
        }
      }
      // Audio may be playing with no start event: a voice that fires none
      // (Google voices), or a slow one. Go on as if it started, never restart it.
      if (speaking === true && known !== 'events' && head.waited >= (known === 'silent' ? 0 : silentStartMs)) {
        return silentStart(head);
      }
      if (head.waited >= startTimeoutFor(head)) onNoStart(head);
      return;
    }
    if (head.silent) {
      if (speaking === false) return finishNative(head, { restart: false });
      const budget = estimatedMs(head) * 2 + startTimeoutFor(head);
      if (head.waited >= budget) onStall(head);
      return;
    }
    // A voice with real boundaries that stops giving them mid-chunk has
    // been cut off: no need to wait for the whole chunk's estimate.
    const gap =
      head.realBoundaries >= 2 && head.waited - head.waitedAtBoundary >= BOUNDARY_GAP_MS && !atLastWord(head);
    if (gap || head.waited >= estimatedMs(head) * 2 + 3000) onStall(head);
  }

  function handedCount(): number {
    return natives.filter((n) => n.handed && !n.done && n.chunk.text !== '').length;
  }

  /** Time enough has passed since a silent chunk was handed over for its audio to have ended. */
  function plausiblyEnded(rec: Native, at: number): boolean {
    return at - rec.handedAt >= estimatedMs(rec) * 0.8;
  }

  function atLastWord(rec: Native): boolean {
    const rest = rec.job.request.text.slice(rec.job.lastBoundary, rec.chunk.offset + rec.chunk.text.length);
    return !/\S\s+\S/.test(rest);
  }

  function estimatedMs(rec: Native): number {
    return estimateDurationMs(rec.chunk.text, rec.job.request.rate, msPerChar(rec.job));
  }

  function onNoStart(rec: Native): void {
    if (rec.job.retries < 1) {
      // Chromium on Linux has dropped an utterance spoken right after
      // cancel(): flush and try once more before giving up.
      rec.job.retries++;
      restartQueue();
    } else {
      failJob(rec.job, rec.job.network ? 'network' : 'synthesis-failed', 'The speech engine did not start speaking.', {
        flush: true,
      });
    }
  }

  /**
   * Started, then neither end nor error (Chrome's ~15 s cut-off, a voice
   * without events whose `speaking` never drops): the synthesizer's queue is
   * stuck behind it. Flush it and go on from the last word known to be heard.
   */
  function onStall(rec: Native): void {
    const job = rec.job;
    const at = Math.max(job.spokenTo, safeResumePoint(rec));
    if (at <= job.stalledAt) job.stalls++;
    else job.stalls = 0;
    job.stalledAt = at;
    if (job.stalls >= MAX_STALLS) {
      failJob(job, job.network ? 'network' : 'synthesis-failed', 'Speech stopped and did not go on.', { flush: true });
      return;
    }
    job.spokenTo = at;
    restartQueue();
  }

  /**
   * Where to go on after this chunk stopped without an end. A real boundary
   * is the word that was sounding: say it again. Estimated boundaries only
   * guess, so go back to where a voice much slower than estimated would have
   * got within the time it could have been heard (at most Chrome's cut-off).
   * Without any start event nothing is known to have been heard: the chunk's
   * first word.
   */
  function safeResumePoint(rec: Native): number {
    const { job, chunk } = rec;
    if (rec.realBoundary) return Math.max(chunk.offset, Math.min(job.lastBoundary, chunk.offset + chunk.text.length));
    if (!rec.started || rec.silent) return chunk.offset;
    const slow = voiceSpeed.has(job.voiceKey) ? SLOW_FACTOR_MEASURED : SLOW_FACTOR_UNMEASURED;
    const heardMs = Math.min(rec.waited, CUTOFF_MS) / slow;
    // A rate above 1 is not counted on: Android's speech service may play
    // every utterance at its own rate, and the voice's speed measured at
    // another rate says nothing about that.
    const rate = Math.min(1, job.request.rate);
    const words = estimateWordTimes(chunk.text, rate, msPerChar(job));
    let at = chunk.offset;
    for (const w of words) {
      // A word counts only if it would have been said to its end.
      const endMs = w.atMs + (w.length * msPerChar(job)) / Math.max(0.1, rate);
      if (endMs > heardMs) break;
      at = chunk.offset + w.index;
    }
    // The last fully heard word is said again, and never a word past the
    // estimated boundaries shown (they stop while the page is hidden).
    return Math.min(at, job.lastBoundary >= chunk.offset ? job.lastBoundary : chunk.offset);
  }

  function silentStart(rec: Native): void {
    voiceEvents.set(rec.job.voiceKey, 'silent');
    rec.started = true;
    rec.silent = true;
    rec.startedAt = rec.queuedBehind ? Date.now() : rec.handedAt;
    const job = rec.job;
    if (!job.started) {
      job.started = true;
      deliver(() => job.events.onStart?.());
      if (rec.gen !== generation || rec.done) return;
    }
    // Audio began when it was handed over (one at a time, to an idle
    // synthesizer), or just now if another utterance was ahead of it.
    startEstimation(rec, rec.queuedBehind ? Date.now() : rec.handedAt);
  }

  function onVisibilityChange(): void {
    if (disposed) return;
    lastTick = Date.now();
    if (isHidden()) {
      setFrozen(true);
      const head = natives[0];
      if (head) head.interrupted = true;
      if (paused === 'native') hiddenWhilePaused = true;
      return;
    }
    if (paused !== 'no') return;
    const head = natives[0];
    // Back again. If the platform paused our utterance (iOS) or dropped it
    // while hidden, resume() is not to be trusted there: speak it again from
    // the last word heard.
    if (head && head.handed && head.started && !head.done && (platformPaused() || synth!.speaking === false)) {
      head.job.spokenTo = Math.max(head.job.spokenTo, safeResumePoint(head));
      restartQueue();
      return;
    }
    if (head && head.handed && !head.started && !head.done && platformPaused()) {
      restartQueue();
      return;
    }
    setFrozen(platformPaused());
  }

  // ---- estimated boundaries -------------------------------------------------

  function setFrozen(on: boolean): void {
    const want = on || paused === 'native';
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
      tickEstimation();
    }
  }

  function stopEstimation(): void {
    if (estimation?.timer) clearTimeout(estimation.timer);
    estimation = null;
  }

  function startEstimation(rec: Native, origin = Date.now()): void {
    stopEstimation();
    if (realBoundaryVoices.has(rec.job.voiceKey)) return;
    estimation = {
      rec,
      words: estimateWordTimes(rec.chunk.text, rec.job.request.rate, msPerChar(rec.job)),
      next: 0,
      origin,
      pausedAt: frozen ? Date.now() : null,
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
    if (!estimated) return deliver(() => events.onBoundary?.({ charIndex, charLength, estimated }));
    const heardTo = Math.min(charIndex, safeResumePoint(rec));
    deliver(() => events.onBoundary?.({ charIndex, charLength, estimated, heardTo }));
  }

  // ---- the queue ----------------------------------------------------------

  function chunksFrom(job: Job, from: number): TextChunk[] {
    const text = job.request.text;
    // Cut by time, not characters: each chunk should take about targetChunkMs
    // at this rate with this voice's measured speed, well inside Chrome's
    // ~15 s limit. maxChunkLength, when set, caps it further (at rate 1).
    // A measure faster than any voice at rate 1 (a glitch, or a silent audio
    // device that plays faster than real time) must not buy chunks long
    // enough to be cut off if the next one runs at a real pace.
    const byTime = chunkLengthFor(targetChunkMs, job.request.rate, Math.max(MIN_MS_PER_CHAR, msPerChar(job)));
    const cap = maxChunkLength * Math.min(1, Math.max(0.1, job.request.rate));
    return splitIntoChunks(text.slice(from), Math.min(byTime, cap)).map((c) => ({
      text: c.text,
      offset: c.offset + from,
    }));
  }

  function feed(job: Job, from: number): void {
    job.fed = true;
    const voice = voiceFor(job.request);
    if (voice) {
      job.voiceKey = voice.voiceURI || voice.name;
      job.network = voice.localService === false;
    }
    const chunks = chunksFrom(job, from);
    if (chunks.length === 0) {
      // Nothing (left) to say: complete on a later tick, in queue order.
      const rec = makeNative(job, { text: '', offset: from }, true);
      rec.handed = true;
      natives.push(rec);
      return;
    }
    chunks.forEach((chunk, i) => {
      const rec = makeNative(job, chunk, i === chunks.length - 1);
      const u = rec.utterance;
      u.lang = job.request.lang;
      if (voice) u.voice = voice;
      u.rate = job.request.rate;
      u.pitch = job.request.pitch ?? 1;
      u.volume = job.request.volume;
      natives.push(rec);
    });
    handOver();
  }

  /**
   * Gives queued utterances to the synthesizer in order. Its own queue keeps
   * sentences gap-free, but only for voices known to fire events: a voice
   * that fires none (or is not known yet) gets one utterance at a time, so
   * `speaking` turning false tells that ours ended.
   */
  function handOver(): void {
    if (paused === 'emulated' || disposed) return;
    const waiting = natives.filter((n) => n.handed && !n.done && n.chunk.text !== '');
    for (const rec of natives) {
      if (rec.handed || rec.done) continue;
      const evented = (n: Native): boolean => voiceEvents.get(n.job.voiceKey) === 'events';
      if (waiting.length > 0 && !(evented(rec) && waiting.every(evented))) return;
      rec.handed = true;
      rec.handedAt = Date.now();
      unlocked = true;
      synth!.speak(rec.utterance);
      waiting.push(rec);
    }
  }

  function makeNative(job: Job, chunk: TextChunk, last: boolean): Native {
    const utterance = new Utterance!(chunk.text);
    const rec: Native = {
      gen: generation,
      job,
      chunk,
      last,
      utterance,
      handed: false,
      handedAt: 0,
      started: false,
      silent: false,
      startedAt: 0,
      waited: 0,
      realBoundary: false,
      realBoundaries: 0,
      goneAt: 0,
      queuedBehind: false,
      behindMs: 0,
      waitedAtBoundary: 0,
      interrupted: false,
      done: false,
    };
    const live = (): boolean => rec.gen === generation && !rec.done && !disposed;
    utterance.onstart = () => {
      if (!live()) return;
      voiceEvents.set(job.voiceKey, 'events');
      if (rec.started && !rec.silent) return;
      const wasSilent = rec.silent;
      rec.started = true;
      rec.silent = false;
      rec.startedAt = Date.now();
      rec.waited = 0;
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
        if (!live()) return;
      }
      if (wasSilent && estimation?.rec === rec) {
        // A slow voice taken for a silent one: its audio starts only now.
        // Words already shown stay; the next ones wait for the real timing.
        estimation.origin = Date.now();
        estimation.pausedAt = frozen ? Date.now() : null;
        if (estimation.timer) clearTimeout(estimation.timer);
        estimation.timer = null;
        tickEstimation();
      } else startEstimation(rec);
      handOver();
    };
    utterance.onboundary = (ev) => {
      if (!live()) return;
      if (ev.name && ev.name !== 'word') return;
      realBoundaryVoices.add(job.voiceKey);
      rec.realBoundary = true;
      rec.realBoundaries++;
      rec.waitedAtBoundary = rec.waited;
      if (estimation?.rec === rec) stopEstimation();
      const index = Math.max(0, Math.min(ev.charIndex, chunk.text.length));
      const length = ev.charLength && ev.charLength > 0 ? ev.charLength : wordLengthAt(chunk.text, index);
      emitBoundary(rec, chunk.offset + index, length, false);
    };
    utterance.onend = () => {
      if (!live()) return;
      voiceEvents.set(job.voiceKey, 'events');
      finishNative(rec, { restart: false });
    };
    utterance.onerror = (ev) => {
      if (!live()) return;
      let code = mapError(ev?.error);
      // Chromium reports every platform failure as synthesis-failed; on a
      // network voice (Google, Edge "Natural") that is the network failing.
      if (code === 'synthesis-failed' && job.network) code = 'network';
      // That speak() was outside a gesture after all: the next unlock() must speak.
      if (code === 'not-allowed') unlocked = false;
      failJob(job, code, `Speech failed: ${ev?.error ?? 'unknown error'}`);
    };
    return rec;
  }

  /** Learns the voice's speed from a chunk that ran from start to end undisturbed. */
  function measure(rec: Native): void {
    if (!rec.started || rec.interrupted || rec.chunk.text.length < 20) return;
    const ms = Date.now() - rec.startedAt;
    if (ms <= 0) return;
    const sample = (ms * Math.max(0.1, rec.job.request.rate)) / rec.chunk.text.length;
    const old = voiceSpeed.get(rec.job.voiceKey);
    voiceSpeed.set(rec.job.voiceKey, old === undefined ? sample : (old + sample) / 2);
  }

  /** A chunk finished (or the watchdog gave up on it): move to the next. */
  function finishNative(rec: Native, { restart }: { restart: boolean }): void {
    if (!restart) measure(rec);
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
      handOver();
      armWatchdog();
      completeEmpty();
    }
  }

  function failJob(job: Job, code: SpeechErrorCode, message: string, { flush = false } = {}): void {
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
    else if (flush) {
      // Given up on a hang: the synthesizer still holds it, and would hold
      // every later utterance behind it.
      generation++;
      synth!.cancel();
      if (synth!.paused === true) synth!.resume();
    } else armWatchdog();
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
    stopEstimation();
    for (const n of natives) n.done = true;
    natives = [];
    synth!.cancel();
    // Chrome keeps a paused synthesizer paused across cancel(), and iOS
    // leaves it paused after hiding the page: nothing would start again.
    if (synth!.paused === true) synth!.resume();
    setFrozen(isHidden());
    if (paused === 'emulated') {
      for (const j of jobs) j.fed = false;
      stopTicker();
      return;
    }
    for (const j of jobs) feed(j, j.spokenTo);
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
        stalls: 0,
        stalledAt: -1,
        voiceKey: request.voice?.id ?? `lang:${request.lang}`,
        network: request.voice ? !request.voice.localService : false,
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
      armWatchdog();
      if (wasIdle) completeEmpty();
      return handle;
    },
    pause() {
      if (paused !== 'no' || disposed) return;
      if (canPause) {
        paused = 'native';
        ourPauseLatch = true;
        synth.pause();
        const head = natives[0];
        if (head) head.interrupted = true;
        setFrozen(true);
        return;
      }
      // Pause emulated by cancel: resume() speaks the current sentence again
      // from the last word known to have been heard. With real boundaries
      // that is the word sounding; estimated ones may run ahead of the voice
      // (a slower voice, a rate it ignores), so go back to a safe point.
      const head = natives[0];
      if (head && head.started && head.chunk.text !== '') {
        head.job.spokenTo = Math.max(head.job.spokenTo, safeResumePoint(head));
      }
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
        const head = natives[0];
        if (hiddenWhilePaused && head && head.handed && head.started) {
          // Hidden while paused: iOS may have interrupted the utterance, and
          // then resume() says it resumed but nothing sounds. Speak it again
          // from the last word instead.
          hiddenWhilePaused = false;
          ourPauseLatch = false;
          head.job.spokenTo = Math.max(head.job.spokenTo, safeResumePoint(head));
          restartQueue();
          return;
        }
        hiddenWhilePaused = false;
        synth.resume();
        lastTick = Date.now();
        setFrozen(isHidden() || platformPaused());
        armWatchdog();
        return;
      }
      if (paused === 'emulated') {
        paused = 'no';
        for (const j of jobs) feed(j, j.spokenTo);
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
      hiddenWhilePaused = false;
      frozen = isHidden();
      synth.cancel();
      // Chrome keeps a paused synthesizer paused across cancel(): later
      // utterances would never start.
      if (wasPaused || synth.paused === true) synth.resume();
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
      unsubscribeVisibility?.();
      disposed = true;
    },
  };
  return engine;
}

/** Page visibility from `document`, when there is one. */
function documentVisibility(doc: {
  visibilityState?: string;
  addEventListener?(type: string, cb: () => void): void;
  removeEventListener?(type: string, cb: () => void): void;
} | undefined): VisibilitySource | undefined {
  if (!doc || typeof doc.visibilityState !== 'string' || !doc.addEventListener) return undefined;
  return {
    hidden: () => doc.visibilityState === 'hidden',
    subscribe(cb) {
      doc.addEventListener!('visibilitychange', cb);
      return () => doc.removeEventListener?.('visibilitychange', cb);
    },
  };
}
