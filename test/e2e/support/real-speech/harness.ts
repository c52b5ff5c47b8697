// Chromium with its real speechSynthesis, backed by speech-dispatcher and
// espeak-ng from Debian's packages, audio sent to ALSA's null device.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser.ts';

export interface RealSpeech {
  page: Page;
  close(): Promise<void>;
}

/** Bundles the engine for the page (in memory). */
async function bundlePage(): Promise<string> {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./page.ts', import.meta.url)), formats: ['iife'], name: 'aloudRealSpeech' },
    },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: Array<{ type: string; code?: string }> };
  const chunk = result.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('bundling the test page failed');
  return chunk.code;
}

function serve(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html lang="en"><title>real speech</title><script src="/page.js"></script><p>ok</p>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

/**
 * speech-dispatcher is started by Chromium and outlives it. Kill only the
 * processes that carry our private XDG_CONFIG_HOME in their environment.
 */
function killOurSpeechDispatcher(xdg: string): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/speech-dispatcher|sd_espeak/.test(cmd)) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!env.includes(`XDG_CONFIG_HOME=${xdg}`)) continue;
      process.kill(Number(pid), 'SIGTERM');
      killed++;
    } catch {
      // gone already, or not ours to read
    }
  }
  return killed;
}

/** A private speech-dispatcher configuration: espeak-ng voices, audio to ALSA's null device. */
function speechDispatcherConfig(): string {
  const xdg = mkdtempSync(join(tmpdir(), 'aloud-speechd-'));
  mkdirSync(join(xdg, 'speech-dispatcher'));
  writeFileSync(
    join(xdg, 'speech-dispatcher', 'speechd.conf'),
    [
      'AudioOutputMethod "alsa"',
      'AudioALSADevice "null"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      '',
    ].join('\n'),
  );
  return xdg;
}

/**
 * Without XDG_RUNTIME_DIR the daemon's socket, pid file and log are shared
 * by every run under $HOME/.cache/speech-dispatcher: a second run (another
 * test file, another checkout) would talk to, or be refused by, the first
 * one's daemon. Everything lives under the private folder instead.
 */
function privateSpeechDispatcherEnv(xdg: string): Record<string, string> {
  const runtime = join(xdg, 'run');
  const cache = join(xdg, 'cache');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(cache, { mode: 0o700 });
  return { XDG_CONFIG_HOME: xdg, XDG_RUNTIME_DIR: runtime, XDG_CACHE_HOME: cache };
}

export interface RealBrowser {
  browser: Browser;
  /** Closes the browser, then stops the speech-dispatcher it started (if any). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Debian's Chromium with its own speechSynthesis and Web Audio, nothing
 * replaced. `speechDispatcher: true` gives it real voices (speech-dispatcher
 * + espeak-ng under a private XDG_CONFIG_HOME, audio to ALSA's null device);
 * `false` is plain headless Chromium, which lists no voices at all.
 * The daemon outlives Chromium, so it is killed on close() and, should the
 * test process end without it, on exit.
 */
export async function launchRealBrowser(options: { speechDispatcher: boolean }): Promise<RealBrowser> {
  const xdg = options.speechDispatcher ? speechDispatcherConfig() : null;
  let browser: Browser | null = null;
  let closed = false;
  const cleanUp = (): void => {
    if (!xdg) return;
    killOurSpeechDispatcher(xdg);
    rmSync(xdg, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await browser?.close().catch(() => {});
    cleanUp();
    process.off('exit', cleanUp);
  };
  try {
    browser = await launchChromium(
      xdg ? { args: ['--enable-speech-dispatcher'], env: privateSpeechDispatcherEnv(xdg) } : {},
    );
    return { browser, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The engine alone on a bare page, in a browser with real voices (see real-speech.e2e.ts). */
export async function launchRealSpeech(): Promise<RealSpeech> {
  const { server, url } = await serve(await bundlePage());
  let real: RealBrowser | null = null;
  const close = async (): Promise<void> => {
    await real?.close();
    await new Promise<void>((r) => server.close(() => r()));
  };
  try {
    real = await launchRealBrowser({ speechDispatcher: true });
    const page = await real.browser.newPage();
    await page.goto(url);
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
