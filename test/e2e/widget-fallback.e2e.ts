// The widget as a publisher ships it, from a sub-folder of a CDN-like path
// under `Content-Security-Policy: default-src 'self'`, on plain headless
// Chromium (no Web Speech voices): Play must sound through the bundled
// eSpeak NG, run in its module worker, found beside the widget's own URL.
// Real audio is checked from the Web Audio buffers the page starts.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, serve, type TestServer } from './support/index.ts';
import { fixtureFiles, recordViolations, STRICT_CSP, violations } from './support/csp-host.ts';
import { launchRealBrowser, type RealBrowser } from './support/real-speech/harness.ts';
import { installRecorder, recording } from './support/real-speech/record.ts';

const SUB = '/static/aloud/v1';
let root: string;
let server: TestServer;
let real: RealBrowser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'aloud-cdn-'));
  mkdirSync(join(root, 'static/aloud'), { recursive: true });
  symlinkSync(DIST, join(root, SUB));
  server = await serve({
    root,
    csp: STRICT_CSP,
    files: {
      ...fixtureFiles(),
      '/story/index.html':
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A story</title>' +
        `<script type="module" src="${SUB}/aloud-player.js"></script></head>` +
        '<body><main><h1>A story</h1><aloud-player src="/fixtures/articles/short.json"></aloud-player></main></body></html>',
      '/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
    },
  });
  real = await launchRealBrowser({ speechDispatcher: false });
}, 30_000);

afterAll(async () => {
  await real?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the widget from a sub-folder, with no voices, under a strict CSP', () => {
  it('Play sounds real eSpeak NG audio from the module worker beside the widget, with no violation or error', async () => {
    const context = await real.browser.newContext({ serviceWorkers: 'block' });
    try {
      await installRecorder(context);
      const page: Page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await recordViolations(page);
      await page.goto(server.url('/story/index.html'));
      expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
      await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
      await expect
        .poll(async () => (await recording(page)).buffers.filter((b) => b.rms >= 0.01 && b.max >= 0.1).length, { timeout: 40_000, interval: 200 })
        .toBeGreaterThanOrEqual(2);
      // The worker and the voice pack came from the widget's folder, not the page's.
      expect(requested.filter((p) => /aloud-espeak-worker-[\w-]+\.js$/.test(p)).every((p) => p.startsWith(`${SUB}/`))).toBe(true);
      expect(requested.some((p) => p.startsWith(`${SUB}/aloud-espeak-worker-`))).toBe(true);
      expect(requested.some((p) => p.startsWith(`${SUB}/`) && p.endsWith('.espeak'))).toBe(true);
      const workers = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /espeak-worker/.test(e.name)).length);
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
