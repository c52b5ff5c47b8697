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
// BEFORE=<git ref> (e.g. main) also builds that commit's widget and measures
// both in turn, page by page, in the same browser: before/after ratios.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
<script type="module" src="./aloud-player.js"></script></head>
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

async function clickToSound(browser: Browser, server: TestServer, idleMs: number, build = 'now'): Promise<number> {
  const { page, close } = await openPage(browser, { fakeSpeech: false, serviceWorkers: 'block' });
  try {
    await page.goto(server.url(`/${build}/seed.html`));
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

/** The widget of commit `ref`, built from a copy of its tree with this checkout's packages and voice data. */
async function buildAt(ref: string, outDir: string): Promise<void> {
  const tree = mkdtempSync(join(tmpdir(), 'aloud-before-'));
  try {
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${tree}"`]);
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    cpSync(join(ROOT, 'src/speech/fallback/data'), join(tree, 'src/speech/fallback/data'), { recursive: true });
    await buildWidget(outDir, tree);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aloud-first-sound-'));
  const before = process.env.BEFORE;
  try {
    await buildWidget(join(dir, 'now'));
    if (before) await buildAt(before, join(dir, 'before'));
    const server = await serve({
      root: dir,
      csp: "default-src 'self'",
      files: {
        '/sound-probe.js': { body: PROBE, type: 'text/javascript' },
        '/seed.json': readFileSync(join(ROOT, 'content/mosul-2017-06-29.json'), 'utf8'),
        '/now/seed.html': HOST,
        '/before/seed.html': HOST,
      },
    });
    const browser = await launchChromium();
    try {
      // One untimed page first: the machine's disk cache and Chromium's code cache, as for a returning visitor.
      const builds = before ? ['now', 'before'] : ['now'];
      for (const build of builds) await clickToSound(browser, server, 100, build);
      const a: Record<string, number[]> = { now: [], before: [] };
      const b: Record<string, number[]> = { now: [], before: [] };
      // Page by page in turn, so a busy moment on the shared machine hits both builds alike.
      for (let i = 0; i < RUNS_A; i++) for (const build of builds) a[build]!.push(await clickToSound(browser, server, 100, build));
      for (let i = 0; i < RUNS_B; i++) for (const build of builds) b[build]!.push(await clickToSound(browser, server, 10_000, build));
      const cli = cliFirstSentence();
      const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
      console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
      console.log(`no voices, click → first audible sample, Play 100 ms after ready: ${fmt(a.now!)}   goal ≤ 1000 ms, stretch ≤ 500 ms`);
      console.log(`no voices, click → first audible sample, Play after 10 s idle:    ${fmt(b.now!)}`);
      if (before) {
        console.log(`  before (${before}): (a) ${fmt(a.before!)}, (b) ${fmt(b.before!)}`);
        console.log(`  now / before: (a) ${(median(a.now!) / median(a.before!)).toFixed(2)}×, (b) ${(median(b.now!) / median(b.before!)).toFixed(2)}×`);
      }
      console.log(
        `baseline: native espeak-ng CLI, first sentence to a WAV file: ${cli.toFixed(0)} ms   ratios (a) ${(median(a.now!) / cli).toFixed(1)}×, (b) ${(median(b.now!) / cli).toFixed(1)}×`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
