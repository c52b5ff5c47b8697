/**
 * The one small interface every speech engine implements (Web Speech,
 * the eSpeak NG fallback, and the fakes in tests). The player store only
 * ever talks to this.
 */

export interface VoiceInfo {
  /** Unique within an engine (Web Speech: voiceURI; fallback: espeak voice id). */
  id: string;
  name: string;
  /** BCP 47 tag, e.g. "en-GB". */
  lang: string;
  /** True when the platform marks it default. Do not trust it for language. */
  isDefault: boolean;
  /** False for network voices. */
  localService: boolean;
  /** Which engine speaks with it. */
  engine: 'webspeech' | 'fallback';
}

export interface UtteranceRequest {
  /** What to say (the sentence's `speak` or `text`). */
  text: string;
  /** BCP 47 language of the text. */
  lang: string;
  voice?: VoiceInfo;
  /** 0.5–3, 1 = normal. */
  rate: number;
  /** 0–2, 1 = normal. */
  pitch?: number;
  /** 0–1. */
  volume: number;
}

export type SpeechErrorCode =
  | 'interrupted' // cancelled by us; never shown to the user
  | 'not-allowed' // needs a user gesture (iOS, autoplay policy)
  | 'no-voice' // nothing can speak this language
  | 'synthesis-failed'
  | 'audio-busy'
  | 'network'
  | 'unknown';

export interface UtteranceEvents {
  onStart?(): void;
  /**
   * A word is about to be spoken. charIndex/charLength are UTF-16 offsets into
   * the request's `text`. `estimated` is true when the engine gave no boundary
   * events and the timing is guessed from text length and rate.
   * `heardTo`, with estimated boundaries only: an offset the listener has
   * certainly heard up to (the guess may run ahead of the voice). Whoever
   * stops and speaks again from here (a pause by cancel, a rate change)
   * goes on from it, so a few words may be said twice but none is lost.
   */
  onBoundary?(b: { charIndex: number; charLength: number; estimated: boolean; heardTo?: number }): void;
  onEnd?(): void;
  /**
   * `stuck`: the synthesizer itself holds the utterance and will not give it
   * back (an earlier page wedged it): no later utterance will speak on it.
   */
  onError?(e: { code: SpeechErrorCode; message: string; stuck?: boolean }): void;
}

/** A handle on one queued utterance; events fire at most once per kind (boundary many). */
export interface UtteranceHandle {
  readonly id: number;
}

/** What changed in an engine after getVoices() resolved (see SpeechEngine.subscribe). */
export interface EngineChange {
  /** Every voice the engine can speak with now. */
  voices: VoiceInfo[];
  /**
   * Set when the engine gave up on a voice for the rest of the session (a
   * network voice offline, a synthesizer that keeps failing) and goes on with
   * another from the sentence where it failed.
   */
  replaced?: { reason: 'network' | 'failing'; from: VoiceInfo | null; to: VoiceInfo };
}

export interface SpeechEngine {
  /** Which engine speaks now (a session engine answers for the one it uses). */
  readonly kind: 'webspeech' | 'fallback' | 'fake';
  /**
   * The voices, waiting for them to arrive (voiceschanged or a poll) up to a
   * timeout. Resolves to [] when there are none; never rejects.
   */
  getVoices(): Promise<VoiceInfo[]>;
  /**
   * Queue an utterance after any already queued; returns at once. Events of an
   * utterance that was cancelled are never delivered (a stale utterance is silent).
   */
  speak(request: UtteranceRequest, events: UtteranceEvents): UtteranceHandle;
  /**
   * Pause at once; `resume()` goes on. Where `canPause` is false the engine
   * cannot pause: `pause()` stops speech as `cancel()` does and `resume()`
   * does nothing. Pausing is then the caller's: the store stops and speaks
   * again from the last word heard (its one pause emulation, docs/playback.md).
   */
  pause(): void;
  resume(): void;
  /** Stop everything queued and speaking. No events of cancelled utterances arrive afterwards. */
  cancel(): void;
  /** False where pause is unreliable (Android, speech-dispatcher): the store then cancels and re-speaks. */
  readonly canPause: boolean;
  /** Release timers, audio contexts and listeners. */
  dispose(): void;
  /**
   * Call from inside a user gesture (click, keydown) before or at the first
   * play: iOS Safari only lets speech start after a speak() made in a gesture,
   * and browsers keep Web Audio suspended until one. Optional; harmless to repeat.
   */
  unlock?(): void;
  /**
   * Voices that arrive, or are given up on, after getVoices() resolved. Optional:
   * engines whose voices never change need not implement it. Returns an unsubscribe.
   */
  subscribe?(listener: (change: EngineChange) => void): () => void;
  /**
   * A hint that speech may be asked for soon (a pointer over Play, a passage in
   * another language queued): start loading what it needs, for `lang` when given.
   */
  prepare?(lang?: string): void;
}

/** Synthesized audio as a cache keeps it (src/storage/audio-cache.ts implements this). */
export interface CachedSynthesis {
  samples: Float32Array | Int16Array;
  sampleRate: number;
  /** UTF-16 offsets into the text, and start times in ms. */
  words: readonly { charIndex: number; charLength: number; timeMs: number }[];
}

/** What shapes a piece's sound: the same key, the same audio. */
export interface SynthesisKey {
  text: string;
  /** The eSpeak voice id, or the language when none was chosen. */
  voice: string;
  rate: number;
  pitch: number;
}

/**
 * Where the engine keeps sentence audio so a piece heard before plays again
 * without synthesis. The cache owns how a key is stored
 * (`sentenceAudioCache()` in src/storage/audio-cache.ts).
 */
export interface SynthesisCache {
  get(key: SynthesisKey): Promise<CachedSynthesis | undefined>;
  put(key: SynthesisKey, audio: CachedSynthesis): Promise<void>;
}
