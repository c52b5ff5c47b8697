// The fallback voice in Chromium, as the widget ships it (built with
// vite.widget.config.ts, served from a sub-folder under
// `Content-Security-Policy: default-src 'self'`): eSpeak in its module worker
// as shipped (streaming a slow synthesis in parts, warming up while idle),
// the same worker without those two (`plain`: the path before them), and
// eSpeak on the page's thread (`worker: false`, the path before the worker),
// in the same run, beside the native espeak-ng CLI.
//
//  - cold first audio: a fresh browser context, nothing loaded; from the
//    dynamic import of the engine chunk to the first sample scheduled and to
//    `onStart` (the audio clock reaching it), seed sentence;
//  - warm first audio: the same engine, a new sentence after cancel();
//  - the page's thread while the fallback plays seven sentences of the seed:
//    its task time (CDP Performance.getMetrics TaskDuration, the renderer
//    main thread's busy time), long tasks (PerformanceObserver 'longtask')
//    and the worst lateness of a 10 ms timer.
//
// The server is on loopback, so the cold figures hold no network time.
// Needs the voice packs (npm run voices). SKIP_COLD=1 measures only the playing part;
// PROFILE=1 adds where the time goes while playing; MODES=worker runs one path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, openPage } from '../test/e2e/support/browser.ts';
import { serve, type TestServer } from '../test/e2e/support/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the build is served from: a folder, as a publisher's CDN path would be. */
const SUB = '/static/aloud/v1';
const COLD_RUNS = 5;
const WARM_RUNS = 5;
const GOAL = { coldMs: 500, warmMs: 50, perSentenceMs: 2 };

const SEED =
  'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul still under ISIS control.';
const WARM_SENTENCES = [
  'The battle for Mosul has lasted more than eight months.',
  'Coalition spokesman Col. Ryan Dillon spoke from Baghdad on Thursday.',
  'Iraqi forces seized the remains of an iconic mosque and minaret.',
  'Days rather than weeks are left to go, he said.',
  'The city was the largest held by the group in Iraq.',
];

/** worker: as shipped; plain: the worker without streaming or warm-up (before them); thread: no worker (before it). */
type Mode = 'worker' | 'plain' | 'thread';
/** MODES=worker,thread runs only those. */
const MODES: Mode[] = (process.env.MODES?.split(',') as Mode[] | undefined) ?? ['worker', 'plain', 'thread'];
const LABEL: Record<Mode, string> = { worker: 'worker   ', plain: 'plain    ', thread: 'in-thread' };
const OPTIONS: Record<Mode, object> = { worker: {}, plain: { stream: false, warmUp: false }, thread: { worker: false } };

/** A page of the bench build. tsx compiles the evaluated functions with esbuild's keepNames, whose `__name` helper the page lacks. */
async function open(browser: Browser, server: TestServer) {
  const opened = await openPage(browser, { serviceWorkers: 'block', fakeSpeech: false });
  await opened.page.addInitScript('globalThis.__name = (f) => f;');
  await opened.page.goto(server.url(`${SUB}/index.html`));
  return opened;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

/** Seven sentences of the seed's body, as the player would speak them one by one. */
function seedSentences(): string[] {
  const path = join(ROOT, 'content/mosul-2017-06-29.txt');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : `${SEED} ${WARM_SENTENCES.join(' ')}`;
  const body = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 80)
    .join(' ');
  return (body.match(/[^.!?]+[.!?]+["”]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 20)
    .slice(0, 7);
}

export async function buildBench(outDir: string): Promise<void> {
  const dir = join(ROOT, 'node_modules/.cache/aloud-bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'fallback-worker-entry.ts');
  // The engine stays a lazy chunk, as select-engine.ts loads it.
  writeFileSync(
    entry,
    `const w = window as unknown as Record<string, unknown>;\n` +
      `w.__loadFallback = () => import(${JSON.stringify(join(ROOT, 'src/speech/fallback/fallback-engine.ts'))});\n`,
  );
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.widget.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, lib: { entry, formats: ['es'], fileName: () => 'fallback-bench.js' } },
  });
}

interface ColdResult {
  scheduledMs: number;
  startMs: number;
  longestTaskMs: number;
}

/** In the page: load the engine chunk, speak `text`, resolve at onStart. Shared by cold and warm runs. */
async function speakInPage(page: Page, mode: Mode, text: string, fresh: boolean): Promise<ColdResult> {
  return page.evaluate(
    async ({ options, text, fresh }) => {
      type Engine = { speak(r: object, e: object): void; cancel(): void; dispose(): void };
      const w = window as unknown as {
        __loadFallback: () => Promise<{ createFallbackEngine(o: object): Engine }>;
        __engine?: Engine;
        __longest?: number;
        __scheduledAt?: number;
      };
      if (!('__longest' in w)) {
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest!, e.duration);
        }).observe({ type: 'longtask' });
        const start = AudioBufferSourceNode.prototype.start;
        AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: [number?, number?, number?]) {
          w.__scheduledAt ??= performance.now();
          return start.apply(this, args);
        };
      }
      w.__longest = 0;
      w.__scheduledAt = undefined;
      const t0 = performance.now();
      if (fresh) {
        const { createFallbackEngine } = await w.__loadFallback();
        w.__engine = createFallbackEngine(options);
      } else {
        w.__engine!.cancel();
      }
      await new Promise<void>((resolve, reject) =>
        w.__engine!.speak(
          { text, lang: 'en', rate: 1, volume: 0.01 },
          { onStart: () => resolve(), onError: (e: { code: string; message: string }) => reject(new Error(`${e.code}: ${e.message}`)) },
        ),
      );
      const startedAt = performance.now();
      // Let a long task that ended with onStart be reported.
      await new Promise((r) => setTimeout(r, 50));
      return { scheduledMs: w.__scheduledAt! - t0, startMs: startedAt - t0, longestTaskMs: w.__longest! };
    },
    { options: OPTIONS[mode], text, fresh },
  );
}

async function coldAndWarm(browser: Browser, server: TestServer): Promise<Record<Mode, { cold: ColdResult[]; warm: ColdResult[] }>> {
  const out = Object.fromEntries(MODES.map((m) => [m, { cold: [], warm: [] }])) as unknown as Record<Mode, { cold: ColdResult[]; warm: ColdResult[] }>;
  for (let i = 0; i < COLD_RUNS; i++) {
    // Alternate, so a busy moment on the shared machine hits both paths alike.
    for (const mode of i % 2 ? [...MODES].reverse() : MODES) {
      const { page, close, errors } = await open(browser, server);
      out[mode].cold.push(await speakInPage(page, mode, SEED, true));
      if (i === 0) {
        // The first sentences after start-up run in V8's interpreter: let three pass, then measure.
        for (const [n, text] of [...WARM_SENTENCES, ...WARM_SENTENCES].slice(0, 3 + WARM_RUNS).entries()) {
          const r = await speakInPage(page, mode, text, false);
          if (n >= 3) out[mode].warm.push(r);
        }
        const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        if (violations.length) console.log(`CSP violations (${mode}): ${violations.join(', ')}`);
      }
      if (errors.length) console.log(`page errors (${mode}): ${errors.join(' | ')}`);
      await close();
    }
  }
  return out;
}

interface PlayResult {
  /** Worker scopes alive in the page (CDP): 1 through the worker, 0 in-thread. */
  workers: number;
  sentences: number;
  audioMs: number;
  /** The main thread's CPU time in tasks while playing, and the same thread's rate while idle. */
  taskMs: number;
  /** The same sentences with nobody listening for words: synthesis, scheduling and each piece's end, no word clock. */
  noWordsTaskMs: number;
  words: number;
  idleTaskMsPerS: number;
  /** One empty timer task's main-thread CPU, measured in the same page (calibration). */
  emptyTaskMs: number;
  longTasks: number;
  longestTaskMs: number;
  worstTimerLateMs: number;
}

/**
 * In the page: speak `texts` one after another on the loaded engine; with `probe`, watch long tasks and a 10 ms timer;
 * with `words`, listen for word boundaries as the player does (the engine then wakes for every word).
 */
function playAll(page: Page, texts: string[], probe: boolean, words = true) {
  return page.evaluate(
    async ({ texts, probe, words }) => {
      type Engine = { speak(r: object, e: object): void };
      const w = window as unknown as { __engine: Engine };
      let longTasks = 0;
      let longest = 0;
      let worstLate = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          longTasks++;
          longest = Math.max(longest, e.duration);
        }
      });
      if (probe) observer.observe({ type: 'longtask' });
      let expected = performance.now() + 10;
      const timer = probe
        ? setInterval(() => {
            const now = performance.now();
            worstLate = Math.max(worstLate, now - expected);
            expected = now + 10;
          }, 10)
        : 0;
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        texts.forEach((text, i) =>
          w.__engine.speak(
            { text, lang: 'en', rate: 2, volume: 0.01 },
            {
              onEnd: () => i === texts.length - 1 && resolve(),
              onError: (e: { code: string }) => reject(new Error(e.code)),
              ...(words ? { onBoundary: () => {} } : {}),
            },
          ),
        );
      });
      clearInterval(timer);
      observer.disconnect();
      return { longTasks, longest, worstLate, audioMs: performance.now() - t0 };
    },
    { texts, probe, words },
  );
}

async function whilePlaying(browser: Browser, server: TestServer, mode: Mode, sentences: string[]): Promise<PlayResult> {
  const { page, close } = await open(browser, server);
  try {
    // Loaded and warm (as after preload and a few sentences): what remains is playing.
    await speakInPage(page, mode, 'Ready.', true);
    await playAll(page, WARM_SENTENCES.slice(0, 3), false);
    const cdp = await page.context().newCDPSession(page);
    // Thread ticks: task durations in the main thread's CPU time, which a
    // busy machine inflates less than wall time (waiting for a core is not counted).
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metric = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const raw = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { task: raw('TaskDuration') * 1000, workers: raw('WorkerGlobalScopes') };
    };
    // The thread's background cost, measured the same way over idle seconds.
    const idle0 = await metric();
    const tIdle = performance.now();
    await page.waitForTimeout(3000);
    const idle1 = await metric();
    const idleTaskMsPerS = (idle1.task - idle0.task) / ((performance.now() - tIdle) / 1000);
    // Calibration: what one empty timer task costs this thread on this machine now.
    const cal0 = await metric();
    await page.evaluate(async () => {
      for (let i = 0; i < 200; i++) await new Promise((r) => setTimeout(r, 5));
    });
    const cal1 = await metric();
    const emptyTaskMs = (cal1.task - cal0.task - idleTaskMsPerS * 1.0) / 200;
    // Pass 1: CPU, nothing else running in the page.
    const before = await metric();
    const played = await playAll(page, sentences, false);
    const after = await metric();
    // Pass 1b: the same without word events: what the synthesis and its audio cost the page, beside the word clock.
    const before2 = await metric();
    await playAll(page, sentences, false, false);
    const after2 = await metric();
    if (process.env.PROFILE) await profileMainThread(page, cdp, sentences, mode);
    // Pass 2: the same sentences again (synthesized again) under the probes.
    const probed = await playAll(page, sentences, true);
    return {
      workers: after.workers,
      sentences: sentences.length,
      audioMs: played.audioMs,
      taskMs: after.task - before.task,
      noWordsTaskMs: after2.task - before2.task,
      words: sentences.join(' ').split(/\s+/).length,
      idleTaskMsPerS,
      emptyTaskMs,
      longTasks: probed.longTasks,
      longestTaskMs: probed.longest,
      worstTimerLateMs: probed.worstLate,
    };
  } finally {
    await close();
  }
}

/**
 * PROFILE=1: where the page's thread spends its time while the fallback
 * plays (not timed with the figures above: tracing costs time itself).
 * A trace of the renderer's main thread, tasks grouped by what ran them,
 * and a sampling profile's self time by function.
 */
async function profileMainThread(page: Page, cdp: CDPSession, sentences: string[], mode: Mode): Promise<void> {
  type TraceEvent = { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; ts: number; args?: { data?: Record<string, unknown>; name?: string } };
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  // PROFILE=nowords: the pass without word events.
  await playAll(page, sentences, false, process.env.PROFILE !== 'nowords');
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const kinds = new Map<string, { n: number; cpu: number }>();
  for (const t of tasks) {
    const inner = onMain.find((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && e !== t && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    const kind = inner ? inner.name + (inner.name === 'EventDispatch' ? `:${String(inner.args?.data?.type)}` : '') : '(empty)';
    const k = kinds.get(kind) ?? { n: 0, cpu: 0 };
    k.n++;
    k.cpu += (t.tdur ?? t.dur ?? 0) / 1000;
    kinds.set(kind, k);
  }
  console.log(`PROFILE ${mode}: ${tasks.length} main-thread tasks for ${sentences.length} sentences`);
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12)) {
    console.log(`  ${kind}: ${k.n} tasks, ${k.cpu.toFixed(1)} ms thread time`);
  }
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
  }
  console.log('  self time by function (sampled):');
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${t.toFixed(1)} ms ${key}`);
}

/** The native espeak-ng (C, Debian) on the same sentence, process start included. */
function nativeCli(): number[] | null {
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      execFileSync('espeak-ng', ['-v', 'en', '-w', '/dev/null', SEED], { stdio: 'ignore' });
      times.push(performance.now() - t);
    }
    return times;
  } catch {
    return null;
  }
}

export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'src/speech/fallback/data/en.espeak'))) {
    console.log('voice packs missing: run `npm run voices` first');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'aloud-fallback-worker-'));
  const out = join(tmp, SUB);
  try {
    await buildBench(out);
    const files = readdirSync(out);
    const workerFile = files.find((f) => /^aloud-espeak-worker-.*\.js$/.test(f));
    const engineFile = files.find((f) => /^aloud-fallback-engine-.*\.js$/.test(f));
    const gz = (f: string | undefined) => (f ? `${(gzipSync(readFileSync(join(out, f)), { level: 9 }).length / 1000).toFixed(1)} kB` : 'missing');
    console.log(`built: worker ${workerFile ?? 'MISSING'} (${gz(workerFile)} min+gzip), engine chunk ${gz(engineFile)}, served from ${SUB}/ under default-src 'self'`);
    const server = await serve({
      root: tmp,
      csp: "default-src 'self'",
      files: {
        [`${SUB}/index.html`]:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>' +
          `<script type="module" src="./csp-log.js"></script><script type="module" src="./fallback-bench.js"></script></head><body></body></html>`,
        '/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
        [`${SUB}/csp-log.js`]:
          "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
      },
    });
    const browser = await launchChromium();
    try {
      const cpuLoad = loadavg()[0]!;
      const native = nativeCli();
      const cw = process.env.SKIP_COLD
        ? (Object.fromEntries(MODES.map((m) => [m, { cold: [], warm: [] }])) as unknown as Record<Mode, { cold: ColdResult[]; warm: ColdResult[] }>)
        : await coldAndWarm(browser, server);
      const sentences = seedSentences();
      const play = {} as Record<Mode, PlayResult>;
      for (const mode of MODES) play[mode] = await whilePlaying(browser, server, mode, sentences);
      const native2 = nativeCli();
      console.log(`(load average ${cpuLoad.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
      for (const mode of MODES) {
        const label = LABEL[mode];
        const c = cw[mode].cold;
        const wm = cw[mode].warm;
        console.log(
          `${label} cold first audio (seed sentence, median of ${c.length} fresh contexts): scheduled ${ms(median(c.map((x) => x.scheduledMs)))} ` +
            `(${range(c.map((x) => x.scheduledMs))}), onStart ${ms(median(c.map((x) => x.startMs)))}; longest main-thread task ${ms(median(c.map((x) => x.longestTaskMs)))}` +
            (mode === 'worker' ? `   goal ≤ ${GOAL.coldMs} ms` : ''),
        );
        console.log(
          `${label} warm first audio (median of ${wm.length}): scheduled ${ms(median(wm.map((x) => x.scheduledMs)))} (${range(wm.map((x) => x.scheduledMs))}), ` +
            `onStart ${ms(median(wm.map((x) => x.startMs)))}; longest main-thread task ${ms(median(wm.map((x) => x.longestTaskMs)))}` +
            (mode === 'worker' ? `   goal ≤ ${GOAL.warmMs} ms` : ''),
        );
        const p = play[mode];
        const net = p.taskMs - (p.idleTaskMsPerS * p.audioMs) / 1000;
        console.log(
          `${label} while playing ${p.sentences} sentences (${(p.audioMs / 1000).toFixed(1)} s at rate 2, ${p.workers} worker): main-thread CPU in tasks ${ms(p.taskMs / p.sentences)} per sentence ` +
            `(${ms(net / p.sentences)} above idle), then under probes: ${p.longTasks} long tasks (longest ${ms(p.longestTaskMs)}), ` +
            `10 ms timer at worst ${ms(p.worstTimerLateMs)} late; an empty timer task costs ${p.emptyTaskMs.toFixed(3)} ms here` +
            (mode === 'worker' ? `   goal ≤ ${GOAL.perSentenceMs} ms per sentence` : ''),
        );
        console.log(
          `${label}   of which the word clock (one wake-up per word, ${p.words} words): ${ms((p.taskMs - p.noWordsTaskMs) / p.words)} per word; ` +
            `without word events (synthesis, its audio, each piece's end): ${ms(p.noWordsTaskMs / p.sentences)} per sentence`,
        );
      }
      if (native && native2) {
        const all = [...native, ...native2];
        console.log(`baseline: native espeak-ng CLI, seed sentence incl. process start (median of ${all.length}, before and after): ${ms(median(all))} (${range(all)})`);
      } else console.log('baseline: espeak-ng CLI not installed');
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
