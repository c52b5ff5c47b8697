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

/**
 * Named platform presets in fake-speech.browser.js: each a set of quirk
 * switches (any explicit config applies on top). Time-based quirks are in
 * words, so they scale with `wordMs` (one fake word stands for 400 ms of
 * real speech).
 */
export type FakeSpeechProfile =
  | 'linux-speech-dispatcher'
  | 'chrome-google-voice'
  | 'chrome-android'
  | 'safari-ios'
  | 'edge-natural'
  | 'no-voices';

/** The user agent each profile's platform sends (set it on the browser context: the engine reads it). */
export const PROFILE_USER_AGENTS: Record<FakeSpeechProfile, string> = {
  'linux-speech-dispatcher':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'chrome-google-voice':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'chrome-android':
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'safari-ios':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'edge-natural':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  // Headless Chromium on a Linux desktop with no voices; it never reaches speech-dispatcher.
  'no-voices':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

export interface FakeSpeechConfig {
  /** A platform preset (see FakeSpeechProfile); the other fields override it. */
  profile?: FakeSpeechProfile;
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
  /** The error code cancelled utterances get; null: no event at all. Default 'interrupted' (Chrome). */
  cancelError?: string | null;
  /** An empty utterance fails and nothing starts again (Chromium on speech-dispatcher). Default true. */
  emptyWedges?: boolean;
  /** Send start / end / boundary / pause / resume events. Default true (Google voices: false). */
  events?: boolean;
  /** After this many words' time of one utterance the sound stops, no event, queue stuck until cancel(). 0: never. */
  cutOffWords?: number;
  /** pause() silences speech and nothing ever starts again (speech-dispatcher). */
  pauseWedges?: boolean;
  /** pause() acts as cancel(); resume() does nothing (Android). */
  pauseCancels?: boolean;
  /** Utterances play at rate 1 whatever their rate (Android). */
  ignoreRate?: boolean;
  /**
   * speak() outside a user gesture fails 'not-allowed' until one speak() inside one (iOS).
   * true / 'activation': inside Chromium's transient user activation; 'task': only in the
   * task of a real click, tap or key press (WebKit on iOS; the safari-ios profile).
   */
  needsGesture?: boolean | 'activation' | 'task';
  /** A hidden page pauses the synthesizer without an event; it stays paused until resume() or cancel() (iOS). */
  stopWhenHidden?: boolean;
  /** document.visibilityState / hidden follow setVisibility() instead of the browser. */
  emulateVisibility?: boolean;
  /** Utterances that are part of this text (its chunks, remainders) are spoken at slowWordMs. */
  slowText?: string;
  /** One word's duration for slowText, in ms. Default 400 (real speech, 150 words a minute). */
  slowWordMs?: number;
}

export interface FakeUtteranceRecord {
  text: string;
  lang: string;
  rate: number;
  pitch: number;
  volume: number;
  voiceURI: string | null;
  state: 'queued' | 'speaking' | 'ended' | 'cancelled' | 'error' | 'cut' | 'wedged';
  /** The voice the platform speaks it with (its own, else the default for its language). */
  voiceUsed: string | null;
  error?: string;
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
  /** Set once it stopped sounding for good: how, and what had sounded. */
  stoppedBy?: 'end' | 'cut' | 'cancel' | 'error' | 'wedge';
  stoppedAt?: number;
  /** End (UTF-16 offset) of the last word that sounded whole. */
  heardTo?: number;
  /** End of the word that was sounding when it stopped (= heardTo if none). */
  partialTo?: number;
  /** ms of its own clock it sounded. */
  soundMs?: number;
}

/** What sounded of one utterance that started (window.__fakeSpeech.heard). */
export interface HeardUtterance {
  text: string;
  volume: number;
  rate: number;
  voiceUsed: string | null;
  startedAt: number;
  stoppedBy: 'end' | 'cut' | 'cancel' | 'error' | 'wedge' | 'sounding';
  /** The words that sounded whole, from the start of the utterance. */
  heard: string;
  /** The word that was cut off mid-way, if any. */
  partial: string;
}

export interface FakeSpeechLogEntry {
  type:
    | 'speak'
    | 'start'
    | 'boundary'
    | 'end'
    | 'error'
    | 'cancel'
    | 'pause'
    | 'resume'
    | 'cut'
    | 'platform-pause'
    | 'visibility'
    | 'online';
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
  /** An empty utterance was spoken (or pause() wedged): nothing starts any more. */
  readonly wedged: boolean;
  readonly wedgedBy: 'empty' | 'pause' | null;
  readonly visibility: 'visible' | 'hidden';
  readonly heard: HeardUtterance[];
  readonly profiles: FakeSpeechProfile[];
  finish(): boolean;
  fail(code: string): boolean;
  /** Emulated visibility (with emulateVisibility): sets it and dispatches visibilitychange. */
  setVisibility(state: 'visible' | 'hidden'): void;
  /** The fake's own network switch: network voices fail with 'network' while off. */
  setOnline(online: boolean): void;
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

/** What sounded of each utterance that started, in order (see HeardUtterance). */
export function heardUtterances(page: Page): Promise<HeardUtterance[]> {
  return page.evaluate(() => window.__fakeSpeech.heard);
}
