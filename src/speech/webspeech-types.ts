/**
 * The shapes the Web Speech engine works with: the parts of the browser's
 * speechSynthesis it touches (so a scripted fake can stand in for it in
 * Node), its options, and the engine's own interface.
 */
import type { SpeechEngine } from './types.ts';

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
