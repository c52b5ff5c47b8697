// Chromium with its real speechSynthesis, backed by speech-dispatcher and
// espeak-ng from Debian's packages, audio sent to ALSA's null device.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export async function launchRealSpeech(): Promise<RealSpeech> {
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
  const { server, url } = await serve(await bundlePage());
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => {});
    await new Promise<void>((r) => server.close(() => r()));
    killOurSpeechDispatcher(xdg);
    rmSync(xdg, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--enable-speech-dispatcher',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
      env: { ...process.env, XDG_CONFIG_HOME: xdg },
    });
    const page = await browser.newPage();
    await page.goto(url);
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
