// The harness tests itself on trivial pages, so a failure in the player's
// end-to-end tests is about the player, not about the tools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  expectNoAxeViolations,
  formatViolations,
  launchChromium,
  openPage,
  screenshot,
  scrollsSideways,
  serve,
  speechLog,
  tabTo,
  utterances,
  waitForSpoken,
  type TestServer,
} from './index.ts';

let dir: string;
let server: TestServer;
let browser: Browser;

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body><main>${body}</main></body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aloud-harness-'));
  await writeFile(join(dir, 'index.html'), page('<h1>Home</h1>'));
  await writeFile(join(dir, 'app.js'), 'window.appRan = true;');
  await writeFile(join(dir, 'data.json'), '{"a":1}');
  server = await serve({ root: dir, csp: "default-src 'self'" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { port } = new URL(server.origin);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('static server', () => {
  it('serves files with their MIME type, the CSP header and a directory index', async () => {
    const js = await raw('/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe("default-src 'self'");
    expect((await raw('/data.json')).headers['content-type']).toMatch(/^application\/json/);
    const index = await raw('/');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<h1>Home</h1>');
  });

  it('revalidates with ETag and Last-Modified, and answers HEAD without a body', async () => {
    const first = await raw('/data.json');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await raw('/data.json', 'GET', { 'If-None-Match': etag })).status).toBe(304);
    expect((await raw('/data.json', 'GET', { 'If-None-Match': '"other"' })).status).toBe(200);
    const since = first.headers['last-modified'] as string;
    expect((await raw('/data.json', 'GET', { 'If-Modified-Since': since })).status).toBe(304);
    const head = await raw('/data.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('7');
  });

  it('answers byte ranges as media elements ask for them', async () => {
    const part = await raw('/data.json', 'GET', { Range: 'bytes=1-3' });
    expect(part.status).toBe(206);
    expect(part.body).toBe('"a"');
    expect(part.headers['content-range']).toBe('bytes 1-3/7');
    expect((await raw('/data.json', 'GET', { Range: 'bytes=2-' })).body).toBe('a":1}');
    expect((await raw('/data.json', 'GET', { Range: 'bytes=-2' })).body).toBe('1}');
    expect((await raw('/data.json', 'GET', { Range: 'bytes=9-' })).status).toBe(416);
  });

  it('serves in-memory files, and a changed file gets a new ETag', async () => {
    server.setFile('/article.json', '{"v":1}');
    const a = await raw('/article.json');
    server.setFile('/article.json', '{"v":2}');
    const b = await raw('/article.json');
    expect(b.body).toBe('{"v":2}');
    expect(b.headers.etag).not.toBe(a.headers.etag);
    expect((await raw('/article.json', 'GET', { 'If-None-Match': a.headers.etag as string })).status).toBe(200);
    server.setFile('/article.json', null);
    expect((await raw('/article.json')).status).toBe(404);
  });

  it('never serves outside its root and logs requests', async () => {
    const outside = join(dir, '..', 'aloud-secret.txt');
    await writeFile(outside, 'secret');
    try {
      const r = await raw(`/..%2f${'aloud-secret.txt'}`);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('secret');
    } finally {
      await rm(outside, { force: true });
    }
    expect((await raw('/nope', 'POST')).status).toBe(405);
    expect(server.requests.some((r) => r.path === '/nope' && r.status === 405)).toBe(true);
  });
});

describe('fake speechSynthesis', () => {
  it('is in place before page scripts run, even under the strict CSP', async () => {
    server.setFile('/probe.html', page('<p>x</p>', '<script src="/probe.js"></script>'));
    server.setFile(
      '/probe.js',
      'window.probe = { voices: speechSynthesis.getVoices().map(v => v.lang), fake: typeof window.__fakeSpeech };',
    );
    const { page: p, close } = await openPage(browser);
    try {
      await p.goto(server.url('/probe.html'));
      const probe = await p.evaluate(() => (window as unknown as { probe: unknown }).probe);
      expect(probe).toEqual({ voices: ['en-US', 'en-GB', 'fr-FR'], fake: 'object' });
    } finally {
      await close();
    }
  });

  it('speaks a queue in order: start, a boundary per word, end; then the next', async () => {
    const { page: p, close } = await openPage(browser, { fakeSpeech: { wordMs: 10 } });
    try {
      await p.goto(server.url('/'));
      const events = await p.evaluate(
        () =>
          new Promise<string[]>((done) => {
            const out: string[] = [];
            const a = new SpeechSynthesisUtterance('One two three');
            const b = new SpeechSynthesisUtterance('Four');
            a.rate = 2;
            a.onstart = () => out.push('a:start');
            a.onboundary = (e) => out.push(`a:boundary@${e.charIndex}+${(e as { charLength?: number }).charLength}`);
            a.onend = () => out.push(`a:end speaking=${speechSynthesis.speaking}`);
            b.addEventListener('start', () => out.push('b:start'));
            b.onend = () => {
              out.push('b:end');
              done(out);
            };
            speechSynthesis.speak(a);
            speechSynthesis.speak(b);
            out.push(`queued speaking=${speechSynthesis.speaking} pending=${speechSynthesis.pending}`);
          }),
      );
      expect(events).toEqual([
        'queued speaking=false pending=true', // nothing starts inside speak()
        'a:start',
        'a:boundary@0+3',
        'a:boundary@4+3',
        'a:boundary@8+5',
        'a:end speaking=false',
        'b:start',
        'b:end',
      ]);
      const recorded = await utterances(p);
      expect(recorded.map((u) => [u.text, u.rate, u.state])).toEqual([
        ['One two three', 2, 'ended'],
        ['Four', 1, 'ended'],
      ]);
    } finally {
      await close();
    }
  });

  it('a faster rate makes an utterance shorter', async () => {
    const { page: p, close } = await openPage(browser, { fakeSpeech: { wordMs: 100 } });
    try {
      await p.goto(server.url('/'));
      const durations = await p.evaluate(async () => {
        const time = (rate: number) =>
          new Promise<number>((done) => {
            const u = new SpeechSynthesisUtterance('a b c d e f g h');
            u.rate = rate;
            let t = 0;
            u.onstart = () => (t = performance.now());
            u.onend = () => done(performance.now() - t);
            speechSynthesis.speak(u);
          });
        return [await time(1), await time(3)];
      });
      expect(durations[0]).toBeGreaterThan(700); // 8 words × 100 ms
      expect(durations[1]).toBeLessThan(durations[0]! / 2);
    } finally {
      await close();
    }
  });

  it("cancel() fails the speaking and the queued utterances with 'interrupted', later, like Chrome", async () => {
    const { page: p, close } = await openPage(browser, { fakeSpeech: { mode: 'manual' } });
    try {
      await p.goto(server.url('/'));
      await p.evaluate(() => {
        for (const t of ['first', 'second', 'third']) {
          const u = new SpeechSynthesisUtterance(t);
          u.onerror = (e) => ((window as unknown as { errs: string[] }).errs ??= []).push(`${t}:${e.error}`);
          speechSynthesis.speak(u);
        }
      });
      await waitForSpoken(p, 'first');
      const sync = await p.evaluate(() => {
        speechSynthesis.cancel();
        return {
          errsInsideCancel: ((window as unknown as { errs?: string[] }).errs ?? []).length,
          speaking: speechSynthesis.speaking,
          pending: speechSynthesis.pending,
        };
      });
      expect(sync).toEqual({ errsInsideCancel: 0, speaking: false, pending: false });
      await p.waitForFunction(() => (window as unknown as { errs?: string[] }).errs?.length === 3);
      expect(await p.evaluate(() => (window as unknown as { errs: string[] }).errs)).toEqual([
        'first:interrupted',
        'second:interrupted',
        'third:interrupted',
      ]);
      const log = await speechLog(p);
      expect(log.filter((e) => e.type === 'start').map((e) => e.text)).toEqual(['first']);
      expect((await utterances(p)).map((u) => u.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    } finally {
      await close();
    }
  });

  it('manual mode waits for finish(); pause and resume hold and release the clock', async () => {
    // Words last 400 ms: a busy machine cannot slip a second boundary in before pause().
    const { page: p, close } = await openPage(browser, { fakeSpeech: { mode: 'manual', wordMs: 400 } });
    try {
      await p.goto(server.url('/'));
      await p.evaluate(() => {
        speechSynthesis.speak(new SpeechSynthesisUtterance('held'));
        speechSynthesis.speak(new SpeechSynthesisUtterance('then this'));
      });
      await waitForSpoken(p, 'held');
      await p.waitForTimeout(100);
      expect(await p.evaluate(() => window.__fakeSpeech.current?.text)).toBe('held');
      await p.evaluate(() => window.__fakeSpeech.finish());
      await waitForSpoken(p, 'then this');
      await p.evaluate(() => {
        speechSynthesis.pause();
        window.__fakeSpeech.configure({ mode: 'auto' });
      });
      await p.waitForTimeout(150);
      expect(await p.evaluate(() => window.__fakeSpeech.current?.text)).toBe('then this'); // paused: no end
      await p.evaluate(() => speechSynthesis.resume());
      await p.waitForFunction(() => !window.__fakeSpeech.speaking);
      expect((await speechLog(p)).map((e) => e.type)).toEqual([
        'speak',
        'speak',
        'start',
        'boundary',
        'end',
        'start',
        'boundary',
        'pause',
        'resume',
        'boundary',
        'end',
      ]);
    } finally {
      await close();
    }
  });

  it('can be a browser with no voices, or with voices that arrive late', async () => {
    const none = await openPage(browser, { fakeSpeech: { voices: [] } });
    const late = await openPage(browser, { fakeSpeech: { voicesAfterMs: 200 } });
    try {
      await none.page.goto(server.url('/'));
      expect(await none.page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
      // Listened for from the page's first script (after the fake's): on a loaded machine the
      // page may take longer than 200 ms to load, and a listener added then would miss the event.
      await late.page.addInitScript(() => {
        const w = window as unknown as { __voices: number[] };
        w.__voices = [speechSynthesis.getVoices().length];
        speechSynthesis.addEventListener('voiceschanged', () => w.__voices.push(speechSynthesis.getVoices().length));
      });
      await late.page.goto(server.url('/'));
      await late.page.waitForFunction(() => (window as unknown as { __voices: number[] }).__voices.length > 1);
      expect(await late.page.evaluate(() => (window as unknown as { __voices: number[] }).__voices)).toEqual([0, 3]);
    } finally {
      await none.close();
      await late.close();
    }
  });
});

describe('axe, screenshots and keyboard helpers', () => {
  const shadowPage = (label: string) =>
    page(
      `<h1>Player</h1><x-box></x-box><p>after</p>`,
      `<script src="/x-box.js"></script>`,
    ) + `<!-- ${label} -->`;
  const xBox = (buttonLabel: string) =>
    `customElements.define('x-box', class extends HTMLElement { connectedCallback() {
       const root = this.attachShadow({ mode: 'open' });
       const b = document.createElement('button');
       ${buttonLabel ? `b.textContent = ${JSON.stringify(buttonLabel)};` : ''}
       const off = document.createElement('button');
       off.textContent = 'Unreachable';
       off.tabIndex = -1;
       root.append(document.createElement('input'), b, off);
       root.firstChild.setAttribute('aria-label', 'Speed');
     } });`;

  it('axe finds a nameless button inside a shadow root, and passes a clean page', async () => {
    const { page: p, close } = await openPage(browser);
    try {
      server.setFile('/axe-bad.html', shadowPage('bad'));
      server.setFile('/x-box.js', xBox(''));
      await p.goto(server.url('/axe-bad.html'));
      const violations = await axeViolations(p);
      expect(violations.map((v) => v.id)).toContain('button-name');
      expect(formatViolations(violations)).toMatch(/button-name[\s\S]*x-box/);
      await expect(expectNoAxeViolations(p, 'bad page')).rejects.toThrow(/bad page[\s\S]*button-name/);

      server.setFile('/x-box.js', xBox('Play'));
      await p.goto(server.url('/axe-bad.html'));
      expect(await axeViolations(p)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('tabTo reaches a control inside a shadow root by role and name, and explains a miss', async () => {
    const { page: p, close } = await openPage(browser);
    try {
      server.setFile('/keys.html', shadowPage('keys'));
      server.setFile('/x-box.js', xBox('Play'));
      await p.goto(server.url('/keys.html'));
      expect(await tabTo(p, p.getByRole('button', { name: 'Play' }))).toBe(2);
      await expect(tabTo(p, p.getByRole('button', { name: 'Unreachable' }), { max: 3 })).rejects.toThrow(
        /never reached[\s\S]*Speed/,
      );
      await expect(tabTo(p, p.getByRole('button', { name: 'Missing' }), { waitMs: 300 })).rejects.toThrow(/No control matches/);
    } finally {
      await close();
    }
  });

  it('writes a PNG named by state and viewport width, and measures sideways scrolling', async () => {
    const { page: p, close } = await openPage(browser, { width: 320 });
    try {
      // A stylesheet, not a style attribute: the strict CSP blocks inline styles.
      server.setFile('/wide.css', '.wide { width: 500px }');
      server.setFile('/wide.html', page('<div class="wide">wide</div>', '<link rel="stylesheet" href="/wide.css">'));
      await p.goto(server.url('/wide.html'));
      expect(await scrollsSideways(p)).toBe(true);
      await p.goto(server.url('/'));
      expect(await scrollsSideways(p)).toBe(false);
      const file = await screenshot(p, 'harness-selftest');
      expect(file).toMatch(/test-results\/screenshots\/harness-selftest-320\.png$/);
      const bytes = await readFile(file);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect((await stat(file)).size).toBeGreaterThan(100);
    } finally {
      await close();
    }
  });
});
