// Click → first audible sample on a device with no Web Speech voice (plain
// headless Chromium lists none), through the whole built widget under a
// strict CSP: the listener presses Play, the player must speak with the
// bundled eSpeak NG fallback. Issue 9, item 3:
//   (a) Play pressed 100 ms after the player is ready (goal ≤ 1 s, stretch ≤ 500 ms);
//   (b) Play pressed after 10 s idle on the page.
// "Audible" is the first sample above -40 dBFS in the first Web Audio buffer
// the page starts, at the time it is scheduled to play. Baseline in the same
// run: the native espeak-ng CLI writing the first sentence's audio (its whole
// cost to the first sample: start, load the voice, synthesize).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from '../test/e2e/support/browser.ts';
import { serve, type TestServer } from '../test/e2e/support/server.ts';
import { buildWidget } from './widget.bench.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS_A = 5;
const RUNS_B = 3;

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/sound-probe.js"></script>
<script type="module" src="/aloud-player.js"></script></head>
<body><aloud-player src="/seed.json"></aloud-player></body></html>`;

// Before any page script: when the player is ready, when Play was clicked,
// and when the first audible sample of any buffer the page plays is due.
const PROBE = `(() => {
  const probe = { readyAt: 0, clickAt: 0, audibleAt: 0 };
  Object.defineProperty(window, '__soundProbe', { value: probe });
  const timer = setInterval(() => {
    const el = document.querySelector('aloud-player');
    const play = el && el.shadowRoot && el.shadowRoot.querySelector('[part="play-button"]');
    if (play && el.store && el.store.state.status === 'ready') { probe.readyAt = performance.now(); clearInterval(timer); }
  }, 1);
  document.addEventListener('click', () => { if (!probe.clickAt) probe.clickAt = performance.now(); }, true);
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    const now = performance.now();
    const ctx = this.context;
    const data = this.buffer ? this.buffer.getChannelData(0) : null;
    if (!probe.audibleAt && data) {
      let i = 0;
      while (i < data.length && Math.abs(data[i]) < 0.01) i++;
      if (i < data.length) {
        const lead = Math.max(0, (when || 0) - ctx.currentTime) * 1000;
        probe.audibleAt = now + lead + (i / this.buffer.sampleRate) * 1000;
      }
    }
    return start.call(this, when, ...rest);
  };
})();`;

interface Probe {
  readyAt: number;
  clickAt: number;
  audibleAt: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function clickToSound(browser: Browser, server: TestServer, idleMs: number): Promise<number> {
  const { page, close } = await openPage(browser, { fakeSpeech: false, serviceWorkers: 'block' });
  try {
    await page.goto(server.url('/seed.html'));
    await page.waitForFunction(() => (window as unknown as { __soundProbe: Probe }).__soundProbe.readyAt > 0, null, { timeout: 20_000 });
    const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
    if (voices !== 0) throw new Error(`expected a browser without voices, found ${voices}`);
    await page.waitForTimeout(idleMs);
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { __soundProbe: Probe }).__soundProbe.audibleAt > 0, null, { timeout: 30_000 });
    const p = await page.evaluate(() => (window as unknown as { __soundProbe: Probe }).__soundProbe);
    return p.audibleAt - p.clickAt;
  } finally {
    await close();
  }
}

function cliFirstSentence(): number {
  const article = JSON.parse(readFileSync(join(ROOT, 'content/mosul-2017-06-29.json'), 'utf8')) as {
    sections: { paragraphs: { sentences: { text: string; speak?: string }[] }[] }[];
  };
  const first = article.sections[0]!.paragraphs[0]!.sentences[0]!;
  const out = join(tmpdir(), `aloud-first-${process.pid}.wav`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync('espeak-ng', ['-v', 'en-us', '-w', out, first.speak ?? first.text]);
    times.push(performance.now() - t0);
  }
  rmSync(out, { force: true });
  return median(times);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aloud-first-sound-'));
  try {
    await buildWidget(dir);
    const server = await serve({
      root: dir,
      csp: "default-src 'self'",
      files: {
        '/sound-probe.js': { body: PROBE, type: 'text/javascript' },
        '/seed.json': readFileSync(join(ROOT, 'content/mosul-2017-06-29.json'), 'utf8'),
        '/seed.html': HOST,
      },
    });
    const browser = await launchChromium();
    try {
      // One untimed page first: the machine's disk cache and Chromium's code cache, as for a returning visitor.
      await clickToSound(browser, server, 100);
      const a: number[] = [];
      for (let i = 0; i < RUNS_A; i++) a.push(await clickToSound(browser, server, 100));
      const b: number[] = [];
      for (let i = 0; i < RUNS_B; i++) b.push(await clickToSound(browser, server, 10_000));
      const cli = cliFirstSentence();
      const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
      console.log(`no voices, click → first audible sample, Play 100 ms after ready: ${fmt(a)}   goal ≤ 1000 ms, stretch ≤ 500 ms`);
      console.log(`no voices, click → first audible sample, Play after 10 s idle:    ${fmt(b)}`);
      console.log(
        `baseline: native espeak-ng CLI, first sentence to a WAV file: ${cli.toFixed(0)} ms   ratios (a) ${(median(a) / cli).toFixed(1)}×, (b) ${(median(b) / cli).toFixed(1)}×`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
