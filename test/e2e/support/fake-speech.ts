/**
 * The fake speechSynthesis for end-to-end tests: installing it into a page
 * or a whole browser context, and typed access to what it recorded.
 * The fake itself is fake-speech.browser.js (see the comment there).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface FakeVoiceInit {
  voiceURI: string;
  name: string;
  lang: string;
  default?: boolean;
  localService?: boolean;
}

export interface FakeSpeechConfig {
  /** Default: en-US (default), en-GB and fr-FR fake voices. [] = a browser with no voices. */
  voices?: FakeVoiceInit[];
  /** One word's duration at rate 1, in ms. Default 60. */
  wordMs?: number;
  /** 'auto' (default): utterances end by themselves. 'manual': only finish() ends them. */
  mode?: 'auto' | 'manual';
  /** Fire word boundary events. Default true (speech-dispatcher voices: false). */
  boundaries?: boolean;
  /** Voices arrive after this many ms with voiceschanged. Default 0 (at once). */
  voicesAfterMs?: number;
  /** The error code cancelled utterances get. Default 'interrupted' (Chrome). */
  cancelError?: string;
  /** An empty utterance fails and nothing starts again (Chromium on speech-dispatcher). Default true. */
  emptyWedges?: boolean;
}

export interface FakeUtteranceRecord {
  text: string;
  lang: string;
  rate: number;
  pitch: number;
  volume: number;
  voiceURI: string | null;
  state: 'queued' | 'speaking' | 'ended' | 'cancelled' | 'error';
  error?: string;
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
}

export interface FakeSpeechLogEntry {
  type: 'speak' | 'start' | 'boundary' | 'end' | 'error' | 'cancel' | 'pause' | 'resume';
  text: string;
  detail?: string | number;
  /** ms since the page started. */
  at: number;
}

/** What the page exposes as window.__fakeSpeech (use inside page.evaluate). */
export interface FakeSpeechControl {
  config: Required<FakeSpeechConfig>;
  log: FakeSpeechLogEntry[];
  readonly utterances: FakeUtteranceRecord[];
  readonly spoken: string[];
  readonly current: { text: string; rate: number } | null;
  readonly speaking: boolean;
  readonly paused: boolean;
  /** An empty utterance was spoken: nothing starts any more. */
  readonly wedged: boolean;
  finish(): boolean;
  fail(code: string): boolean;
  configure(patch: Partial<FakeSpeechConfig>): void;
  clear(): void;
}

declare global {
  interface Window {
    __fakeSpeech: FakeSpeechControl;
    __fakeSpeechConfig?: FakeSpeechConfig;
  }
}

const SOURCE = readFileSync(new URL('./fake-speech.browser.js', import.meta.url), 'utf8');

/** The init script text: the config, then the fake. */
export function fakeSpeechScript(config: FakeSpeechConfig = {}): string {
  return `window.__fakeSpeechConfig = ${JSON.stringify(config)};\n${SOURCE}`;
}

/**
 * Replace speechSynthesis, SpeechSynthesisUtterance and SpeechSynthesisVoice
 * in every page of a context (or one page) before the page's own scripts run.
 */
export async function installFakeSpeech(target: Page | BrowserContext, config: FakeSpeechConfig = {}): Promise<void> {
  await target.addInitScript({ content: fakeSpeechScript(config) });
}

/** A snapshot of the recorded utterances. */
export function utterances(page: Page): Promise<FakeUtteranceRecord[]> {
  return page.evaluate(() => window.__fakeSpeech.utterances);
}

/**
 * The texts that started speaking, in order. Empty utterances (the silent
 * one players speak inside a user gesture to unlock iOS speech) are left
 * out unless `includeEmpty`.
 */
export async function spokenTexts(page: Page, { includeEmpty = false } = {}): Promise<string[]> {
  const spoken = await page.evaluate(() => window.__fakeSpeech.spoken);
  return includeEmpty ? spoken : spoken.filter((t) => t.trim() !== '');
}

/** The event log (speak, start, boundary, end, error, cancel, pause, resume). */
export function speechLog(page: Page): Promise<FakeSpeechLogEntry[]> {
  return page.evaluate(() => window.__fakeSpeech.log);
}

/** The utterance speaking now, or null. */
export function currentUtterance(page: Page): Promise<{ text: string; rate: number } | null> {
  return page.evaluate(() => window.__fakeSpeech.current);
}

/** Change the fake's timing or mode while the page runs. */
export function configureSpeech(page: Page, patch: Partial<FakeSpeechConfig>): Promise<void> {
  return page.evaluate((p) => window.__fakeSpeech.configure(p), patch);
}

/** Wait until some utterance whose text satisfies the pattern has started. */
export async function waitForSpoken(page: Page, pattern: RegExp | string, timeout = 10_000): Promise<void> {
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  const flags = typeof pattern === 'string' ? '' : pattern.flags;
  const literal = typeof pattern === 'string';
  await page.waitForFunction(
    ([src, fl, lit]) => {
      const test = lit ? (t: string) => t.includes(src) : (t: string) => new RegExp(src, fl).test(t);
      return window.__fakeSpeech.spoken.some(test);
    },
    [source, flags, literal] as const,
    { timeout },
  );
}
