/**
 * The playback store's public contract: components send requests, the store
 * decides, commits state only when the engine confirms, and emits a change.
 */
import type { Article } from '../article/model.ts';
import type { VoiceInfo } from '../speech/types.ts';
import type { CompiledLexicon } from '../article/lexicon.ts';

export type PlayerStatus = 'idle' | 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'error';

export interface Position {
  sectionIndex: number;
  paragraphIndex: number;
  sentenceIndex: number; // within the paragraph
  /** Flat index over every sentence of the article (0-based). */
  flatIndex: number;
  sentenceId: string;
}

export interface CurrentWord {
  sentenceId: string;
  /** UTF-16 offsets into the sentence's display text. */
  start: number;
  end: number;
  estimated: boolean;
}

export interface PlayerErrorInfo {
  code: 'load-failed' | 'not-an-article' | 'empty-article' | 'no-voice' | 'not-allowed' | 'synthesis-failed';
  message: string;
}

/**
 * Something the listener should be told once that is not an error: the
 * engine gave up on a voice and goes on with another (codes here, words in the UI).
 */
export interface PlayerNotice {
  code: 'voice-replaced';
  /** `network`: a network voice could not be reached; `failing`: the synthesizer kept failing. */
  reason: 'network' | 'failing';
  from: VoiceInfo | null;
  to: VoiceInfo;
}

export interface PlayerState {
  status: PlayerStatus;
  /**
   * Play was asked for and nothing sounds yet: the voice is being prepared
   * (the fallback loading, a slow network voice). Another toggle() cancels.
   */
  starting: boolean;
  article: Article | null;
  position: Position | null;
  word: CurrentWord | null;
  /** What is being announced instead of a sentence (title or heading), if anything. */
  announcing: 'title' | 'heading' | null;
  rate: number;
  volume: number;
  voice: VoiceInfo | null;
  voices: VoiceInfo[];
  announceHeadings: boolean;
  error: PlayerErrorInfo | null;
  /** The last notice, until the next one (see PlayerNotice). */
  notice: PlayerNotice | null;
}

export type PlayerChange =
  | 'status'
  | 'starting'
  | 'notice'
  | 'position'
  | 'word'
  | 'rate'
  | 'volume'
  | 'voice'
  | 'voices'
  | 'article'
  | 'error'
  | 'section'
  /** `announcing` changed (title or heading announcement began or ended). */
  | 'announcing'
  /** The announce-headings setting changed. */
  | 'announceHeadings';

export interface PlayerChangeEvent {
  /** What changed in this commit (several may change together). */
  changes: ReadonlySet<PlayerChange>;
  state: Readonly<PlayerState>;
  previous: Readonly<PlayerState>;
}

export interface PlayerRequests {
  load(article: Article): void;
  play(): void;
  pause(): void;
  toggle(): void;
  stop(): void;
  seek(sentenceId: string): void;
  nextSentence(): void;
  previousSentence(): void;
  nextSection(): void;
  previousSection(): void;
  /** Clamped to 0.5–3; applied live from the current word. */
  setRate(rate: number): void;
  setVoice(voiceId: string | null): void;
  setVolume(volume: number): void;
  setAnnounceHeadings(on: boolean): void;
  /**
   * How words are said (src/article/lexicon.ts), for every utterance queued
   * from now on; null for none. Changes only what the engine is given: shown
   * text and highlighted words stay the article's.
   */
  setLexicon(lexicon: CompiledLexicon | null): void;
  /** Loading from somewhere else failed: show it. */
  fail(error: PlayerErrorInfo): void;
  /** Mark that a source is being fetched. */
  setLoading(): void;
}

export interface PlayerStore extends PlayerRequests {
  readonly state: Readonly<PlayerState>;
  subscribe(listener: (e: PlayerChangeEvent) => void): () => void;
  dispose(): void;
}

export { MAX_RATE, MIN_RATE } from './settings.ts';
