/**
 * The recorder of real engine events (record.browser.js) and typed reads of
 * what it saw. See that file for what is recorded and why nothing is replaced.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

const SCRIPT = readFileSync(new URL('./record.browser.js', import.meta.url), 'utf8');

/** One real SpeechSynthesisUtterance handed to speechSynthesis.speak(). */
export interface SpokenUtterance {
  id: number;
  text: string;
  rate: number;
  volume: number;
  lang: string;
  voice: string | null;
  t: number;
}

/** An event the browser fired on a real utterance. */
export interface UtteranceEvent {
  id: number;
  text: string;
  type: 'start' | 'end' | 'error' | 'boundary';
  t: number;
  rate: number;
  error?: string;
  charIndex?: number;
}

/** One AudioBufferSourceNode started, with what its samples hold. */
export interface StartedBuffer {
  i: number;
  t: number;
  /** Page time (performance.now()) at which its first sample is due. */
  soundsAt: number;
  durationMs: number;
  length: number;
  sampleRate: number;
  /** Peak |sample| over all channels. */
  max: number;
  rms: number;
  contextState: string;
  stoppedAt: number | null;
  endedAt: number | null;
}

export interface PlayerEvent {
  type: 'aloud-play' | 'aloud-pause' | 'aloud-sentence' | 'aloud-section' | 'aloud-end' | 'aloud-error';
  t: number;
  detail: { sentenceId?: string | null; index?: number; sectionIndex?: number; code?: string; message?: string } | null;
}

export interface InputRecord {
  type: 'click' | 'keydown';
  key?: string;
  on: string;
  t: number;
  /** The store's place when the input arrived, before the player handled it. */
  at: { sentenceId: string; flatIndex: number; status: string; announcing: 'title' | 'heading' | null } | null;
}

export interface Recording {
  speech: SpokenUtterance[];
  events: UtteranceEvent[];
  pauseCalls: Array<{ t: number; stack: string }>;
  resumeCalls: Array<{ t: number }>;
  buffers: StartedBuffer[];
  contextStates: Array<{ t: number; state: string }>;
  player: PlayerEvent[];
  inputs: InputRecord[];
}

/** Records in every page of the context from before its first script. */
export async function installRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SCRIPT });
}

/** Everything recorded so far in the page (since its last load). */
export function recording(page: Page): Promise<Recording> {
  return page.evaluate(() => {
    const r = (window as unknown as { __aloudRecord: Recording }).__aloudRecord;
    return JSON.parse(JSON.stringify(r)) as Recording;
  });
}

/** How many audio sources are sounding in the page right now. */
export function soundingNow(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __aloudRecord: { soundingNow(): number } }).__aloudRecord.soundingNow());
}
