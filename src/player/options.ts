import type { SpeechEngine } from '../speech/types.ts';
import type { Schedule } from './settle.ts';

/** Options of `createPlayerStore` (store.ts). */
export interface PlayerStoreOptions {
  engine: SpeechEngine;
  /** Announce the title (when playing from the start) and each section heading. Default true. */
  announceHeadings?: boolean;
  /** Initial rate, clamped to 0.5–3. Default 1. */
  rate?: number;
  /** Initial volume, clamped to 0–1. Default 1. */
  volume?: number;
  /** Id of the voice the user chose before (e.g. from storage); used when it can speak the article. */
  preferredVoiceId?: string | null;
  /** Monotonic milliseconds, for the "previous section" rule. Default performance.now. */
  now?: () => number;
  /** How long into a section "previous section" still goes to the section before. Default 2000 ms. */
  sectionRestartMs?: number;
  /** Failed utterances in a row (each after one retry) before playback pauses with an error. Default 3. */
  maxConsecutiveFailures?: number;
  /**
   * How long the rate and volume must stay put before what is sounding is
   * re-spoken with them (see setRate). Default 400 ms.
   */
  settleMs?: number;
  /** Runs `fn` after `ms`; returns a cancel. Default setTimeout (a fake clock in tests). */
  schedule?: Schedule;
}
