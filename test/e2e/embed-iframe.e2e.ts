// The iframe embed (embed.html?src=…&origin=…) for sites that only allow
// iframes: a news page on one origin frames the player from another, drives
// it with postMessage and hears its events; a page on a third origin that
// frames the same URL is ignored. Every page is served under a strict CSP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, openPage, type OpenedPage, type TestServer } from './support/index.ts';
import { fixtureText, recordViolations, serveHost, STRICT_CSP, violations } from './support/csp-host.ts';

let player: TestServer; // serves dist/: embed.html and the widget
let host: TestServer; // the publisher named in origin=
let stranger: TestServer; // any other site
let browser: Browser;
let opened: OpenedPage | null = null;

interface Received {
  origin: string;
  data: { aloud?: number; type?: string; name?: string; id?: number; ok?: boolean; value?: unknown; detail?: unknown };
}

/** The iframe host page with the frame's URL filled in (attribute-escaped). */
function iframePage(frameUrl: string): string {
  return fixtureText('iframe-page.html').replace('src="FRAME_SRC"', () => `src="${frameUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
}

beforeAll(async () => {
  player = await serveHost();
  // A publisher framing another origin allows it in frame-src; everything else stays 'self'.
  const csp = `${STRICT_CSP}; frame-src ${player.origin}`;
  host = await serveHost({ csp });
  stranger = await serveHost({ csp });
  const frameUrl = `${player.origin}/embed.html?src=${encodeURIComponent('/fixtures/articles/short.json')}&origin=${encodeURIComponent(host.origin)}`;
  host.setFile('/story.html', iframePage(frameUrl));
  stranger.setFile('/story.html', iframePage(frameUrl));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([player?.close(), host?.close(), stranger?.close()]);
});
afterEach(async () => {
  await opened?.close();
  opened = null;
});

/** Opens a host page, collecting every message that reaches it, and waits for the frame's player. */
async function openHost(server: TestServer): Promise<{ page: Page; frame: Frame }> {
  opened = await openPage(browser, { width: 1280, serviceWorkers: 'block', fakeSpeech: { wordMs: 40 } });
  const { page } = opened;
  await recordViolations(page);
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const got: Received[] = [];
    Object.defineProperty(window, '__received', { value: got });
    window.addEventListener('message', (e) => got.push({ origin: e.origin, data: e.data }));
  });
  await page.goto(server.url('/story.html'));
  const frame = await waitForFrame(page);
  await frame.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return { page, frame };
}

async function waitForFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${player.origin}/embed.html`));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`no embed frame among ${page.frames().map((f) => f.url()).join(', ')}; CSP: ${JSON.stringify(await violations(page))}`);
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { __received: Received[] }).__received);

/** Posts a message to the frame from the host page's own script context. */
function post(page: Page, message: unknown, targetOrigin = player.origin): Promise<void> {
  return page.evaluate(
    ([m, o]) => (document.getElementById('player') as HTMLIFrameElement).contentWindow!.postMessage(m, o),
    [message, targetOrigin] as const,
  );
}

const frameSpoken = (frame: Frame) => frame.evaluate(() => window.__fakeSpeech.spoken);

describe('the iframe embed, driven by postMessage', () => {
  it('adds no second main landmark to the page that frames it', async () => {
    const { page, frame } = await openHost(host);
    expect(await page.getByRole('main').count(), 'the host page has its own').toBe(1);
    expect(await frame.getByRole('main').count()).toBe(0);
    expect(await frame.locator('main, [role="main"]').count()).toBe(0);
  });

  it('shows the compact bar by default (no text inside someone else\'s article), and the full layout when asked', async () => {
    const { frame } = await openHost(host);
    expect(await frame.locator('aloud-player').getAttribute('layout')).toBe('compact');
    expect(await frame.getByRole('region', { name: 'Article text' }).count()).toBe(0);
    await expect.poll(() => frame.getByRole('slider', { name: 'Position' }).count()).toBe(1);
    // The bar fits a short frame: the whole player is under 200 px tall at 1280 px.
    const height = await frame.locator('aloud-player').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(200);
    await frame.goto(`${frame.url()}&layout=full`);
    await frame.getByRole('region', { name: 'Article text' }).waitFor();
  });

  it('speaks the article\'s language when the URL names none, and the one `ui-lang` names otherwise', async () => {
    const { frame } = await openHost(host);
    const german = `${player.origin}/embed.html?src=${encodeURIComponent('/fixtures/articles/short-de.json')}&origin=${encodeURIComponent(host.origin)}`;
    await frame.goto(german);
    await frame.getByRole('button', { name: 'Wiedergabe', exact: true }).waitFor();
    expect(await frame.locator('aloud-player').evaluate((el) => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang'))).toBe('de');
    await frame.goto(`${german}&ui-lang=fr`);
    await frame.getByRole('button', { name: 'Lecture', exact: true }).waitFor();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('fr');
  });

  it('announces itself ready, only to the origin it was given', async () => {
    const { page } = await openHost(host);
    await expect.poll(async () => (await received(page)).map((m) => m.data.type)).toContain('ready');
    expect((await received(page)).every((m) => m.origin === player.origin)).toBe(true);
  });

  it('a command from the allowed origin plays; the result and the playback events come back', async () => {
    const { page, frame } = await openHost(host);
    await post(page, { aloud: 1, type: 'command', command: 'play', id: 7 });
    await expect.poll(() => frameSpoken(frame), { timeout: 10_000 }).toContain('The second player starts with this sentence.');
    await expect
      .poll(async () => (await received(page)).map((m) => `${m.data.type}:${m.data.name ?? m.data.id}`), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['result:7', 'event:aloud-play', 'event:aloud-sentence', 'event:aloud-end']));
    const result = (await received(page)).find((m) => m.data.type === 'result')!;
    expect(result.data.ok).toBe(true);
    const sentence = (await received(page)).find((m) => m.data.name === 'aloud-sentence')!;
    expect(sentence.data.detail).toMatchObject({ sentenceId: 's1p1s2', index: 1 });
  });

  it('forwards aloud-progress: at once for a seek, then on the way, fraction 1 and one aloud-end at the end', async () => {
    const { page } = await openHost(host);
    await post(page, { aloud: 1, type: 'command', command: 'seek', arg: 's1p1s2', id: 1 });
    const progress = async () => (await received(page)).filter((m) => m.data.name === 'aloud-progress').map((m) => m.data.detail as Record<string, number | string>);
    await expect.poll(async () => (await progress()).length, { timeout: 10_000 }).toBe(1);
    const [seeked] = await progress();
    expect(seeked).toMatchObject({ sentenceId: 's1p1s2', sectionIndex: 0 });
    expect(seeked!['fraction']).toBeGreaterThan(0);
    expect(seeked!['fraction']).toBeLessThan(1);
    expect(seeked!['elapsedSeconds']).toBeGreaterThan(0);
    expect(seeked!['totalSeconds']).toBeGreaterThan(seeked!['elapsedSeconds'] as number);
    await post(page, { aloud: 1, type: 'command', command: 'play', id: 2 });
    await expect.poll(async () => (await received(page)).some((m) => m.data.name === 'aloud-end'), { timeout: 15_000 }).toBe(true);
    const names = (await received(page)).filter((m) => m.data.type === 'event').map((m) => m.data.name);
    expect(names.filter((n) => n === 'aloud-end')).toHaveLength(1);
    // The last progress says the whole article, just before the end.
    expect(names.slice(-2)).toEqual(['aloud-progress', 'aloud-end']);
    const last = (await progress()).at(-1)!;
    expect(last).toMatchObject({ fraction: 1, elapsedSeconds: seeked!['totalSeconds'], totalSeconds: seeked!['totalSeconds'] });
    expect((await received(page)).every((m) => m.origin === player.origin)).toBe(true);
  });

  it('getState reports playing while the frame speaks, and pause stops it', async () => {
    const { page, frame } = await openHost(host);
    await frame.evaluate(() => window.__fakeSpeech.configure({ wordMs: 400 }));
    await post(page, { aloud: 1, type: 'command', command: 'play', id: 1 });
    await expect.poll(async () => (await received(page)).some((m) => m.data.name === 'aloud-play'), { timeout: 10_000 }).toBe(true);
    await post(page, { aloud: 1, type: 'command', command: 'getState', id: 2 });
    await post(page, { aloud: 1, type: 'command', command: 'pause', id: 3 });
    await expect.poll(async () => (await received(page)).some((m) => m.data.name === 'aloud-pause'), { timeout: 10_000 }).toBe(true);
    const state = (await received(page)).find((m) => m.data.type === 'result' && m.data.id === 2)!;
    expect(state.data.value).toMatchObject({ playing: true, src: '/fixtures/articles/short.json' });
  });

  it('getState and setRate answer with plain data', async () => {
    const { page } = await openHost(host);
    await post(page, { aloud: 1, type: 'command', command: 'setRate', arg: 1.5, id: 1 });
    await post(page, { aloud: 1, type: 'command', command: 'getState', id: 2 });
    await expect.poll(async () => (await received(page)).filter((m) => m.data.type === 'result').length).toBe(2);
    const results = (await received(page)).filter((m) => m.data.type === 'result');
    expect(results[0]!.data).toMatchObject({ id: 1, ok: true, value: 1.5 });
    expect(results[1]!.data).toMatchObject({ id: 2, ok: true, value: { rate: 1.5, playing: false } });
  });

  it('ignores malformed commands from the allowed origin', async () => {
    const { page, frame } = await openHost(host);
    for (const junk of [
      'play',
      { aloud: 1, type: 'command', command: 'eval', arg: 'window.__pwned=1', id: 1 },
      { aloud: 2, type: 'command', command: 'play', id: 2 },
      { aloud: 1, type: 'command', command: 'seek', arg: 42, id: 3 },
      { aloud: 1, type: 'command', command: 'setRate', arg: 'fast', id: 4 },
    ]) {
      await post(page, junk);
    }
    await post(page, { aloud: 1, type: 'command', command: 'getState', id: 99 });
    await expect.poll(async () => (await received(page)).some((m) => m.data.id === 99)).toBe(true);
    expect((await received(page)).filter((m) => m.data.type === 'result').map((m) => m.data.id)).toEqual([99]);
    expect(await frameSpoken(frame)).toEqual([]);
    expect(await frame.evaluate(() => window.__pwned)).toBeUndefined();
  });

  it('a page on another origin that frames the same URL is ignored and hears nothing', async () => {
    const { page, frame } = await openHost(stranger);
    await post(page, { aloud: 1, type: 'command', command: 'play', id: 1 });
    await post(page, { aloud: 1, type: 'command', command: 'getState', id: 2 });
    // Give a reply every chance to arrive.
    await page.waitForTimeout(1500);
    expect(await frameSpoken(frame)).toEqual([]);
    expect(await received(page)).toEqual([]);
    // The listener can still press Play inside the frame itself.
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => frameSpoken(frame), { timeout: 10_000 }).toContain('The second player starts with this sentence.');
    expect(await received(page)).toEqual([]);
  });

  it('runs under the strict CSP with no violations and no errors, in the page or the frame', async () => {
    const { page, frame } = await openHost(host);
    await post(page, { aloud: 1, type: 'command', command: 'play', id: 1 });
    await expect.poll(() => frameSpoken(frame), { timeout: 10_000 }).toContain('It has only two sentences.');
    expect(await violations(page)).toEqual([]);
    expect(await frame.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
    expect(opened!.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
