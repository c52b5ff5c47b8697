/**
 * Launching Debian's Chromium through playwright-core, and opening pages
 * with the fake speechSynthesis and a record of every page error.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { installFakeSpeech, type FakeSpeechConfig } from './fake-speech.ts';

/** The flags every run needs here: root (no sandbox), no GPU, no network chatter, speech without a gesture. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** Extra Chromium flags (e.g. '--enable-speech-dispatcher' for real speech). */
  args?: string[];
  /** Environment for the browser process (e.g. XDG_CONFIG_HOME for speech-dispatcher). */
  env?: Record<string, string | undefined>;
  headless?: boolean;
}

/** Launch /usr/bin/chromium (or $CHROMIUM_PATH). Close it in afterAll. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
}

export interface OpenOptions extends BrowserContextOptions {
  /** The fake speechSynthesis config; `false` keeps the browser's own. Default: the fake with defaults. */
  fakeSpeech?: FakeSpeechConfig | false;
  /** Viewport width in CSS px (height 900). Shorthand for `viewport`. */
  width?: number;
}

/** A page plus what went wrong in it. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console.error messages (with the URL they concern), in order. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh context (own storage, own viewport) with one page, the fake speech
 * installed before any page script, and errors collected.
 */
export async function openPage(browser: Browser, options: OpenOptions = {}): Promise<OpenedPage> {
  const { fakeSpeech, width, ...contextOptions } = options;
  const context = await browser.newContext({
    ...(width ? { viewport: { width, height: 900 } } : {}),
    ...contextOptions,
  });
  if (fakeSpeech !== false) await installFakeSpeech(context, fakeSpeech ?? {});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location().url;
      errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
    }
  });
  return { context, page, errors, close: () => context.close() };
}
