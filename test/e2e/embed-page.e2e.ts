// Page mode on a news page: <aloud-player for="story"> beside <article
// id="story">, the built widget, `Content-Security-Policy: default-src 'self'`.
// It must speak only the article body, highlight the sentence being spoken
// in place, follow the page's language, and never change the host's DOM.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { spokenTexts, useE2eSession, utterances, waitForSpoken } from './support/index.ts';
import { pwned, recordViolations, serveHost, violations } from './support/csp-host.ts';

const e2e = useE2eSession(() => serveHost());

// What a listener hears, in order: the title, the body, the one heading.
const BODY = [
  /^Floodgates open as the river rises$/,
  /^Engineers opened the old floodgates at dawn on Thursday, after a week of heavy rain upstream\.$/,
  /^The river rose by two metres overnight, according to the county's gauges\.$/,
  /^Homes on the low road$/,
  /^Residents of the low road were asked to move their cars to higher ground\.$/,
  /^One resident wrote the warning sign as <img src=x onerror="window\.__pwned=1"> on a chalkboard, which is exactly what the paper printed\.$/,
  /^We have never seen the water this high in November\.$/,
  /^The council will review the defences in the spring\.$/,
];
// Everything on the page a listener does not want read.
const CLUTTER = /cookies|Accept all|Riverside Courier|Sport|Weather|Breadcrumb|Home ›|Local news|Sam Reed|20 November|Share on|Email this|Photo|pours through|Advertisement|Insure|Template words|Noscript words|hidden note|Related stories|old bridge|drought|morning briefing|Sign up|Comments|Most read|Sidebar|Privacy/;

/**
 * Opens the news page and, from the moment the page is parsed (before the
 * widget runs), records every mutation outside the player element itself.
 */
async function openNews(speech: { wordMs?: number; mode?: 'auto' | 'manual' } = {}): Promise<Page> {
  const opened = await e2e.open({ width: 1280, serviceWorkers: 'block', fakeSpeech: { wordMs: 15, ...speech } });
  const { page } = opened;
  await recordViolations(page);
  await page.addInitScript(() => {
    const records: string[] = [];
    Object.defineProperty(window, '__hostMutations', { value: records });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      // Parsing is done and deferred scripts (the widget) have not run yet.
      Object.defineProperty(window, '__storyBefore', { value: document.getElementById('story')!.outerHTML });
      new MutationObserver((list) => {
        for (const m of list) {
          const target = m.target instanceof Element ? m.target : m.target.parentElement;
          if (target?.closest('aloud-player')) continue; // the player's own element may change
          records.push(`${m.type} ${target?.localName ?? '#'} ${m.attributeName ?? ''}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  await page.goto(e2e.server.url('/fixtures/news-page.html'));
  await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).waitFor();
  return page;
}

/**
 * CSP violations the widget caused. The news page's own <template> holds an
 * <img onerror>, which the browser's parser reports while it reads the host
 * page (no source file); a violation the widget caused names its script.
 */
const ourViolations = async (page: Page) => (await violations(page)).filter((v) => v.source !== '');

// The host's missing photo, favicon and its template's blocked handler (logged for the page itself) are not ours.
const ourErrors = () =>
  e2e.opened!.errors.filter((e) => !/favicon|missing-photo|404 \(Not Found\)/.test(e) && !/inline event handler.*\/news-page\.html\)$/.test(e));

/** The text of the host page's ranges in a named highlight. */
function highlightText(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h]
      .map((r) => r as Range)
      .filter((r) => r.startContainer.getRootNode() === document)
      .map((r) => r.toString().replace(/\s+/g, ' ').trim());
  }, name);
}

describe('page mode on a news page, under a strict CSP', () => {
  it('speaks the article body only: no menu, cookie banner, byline, captions, ads, related links or forms', async () => {
    const page = await openNews();
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    await waitForSpoken(page, 'The council will review the defences in the spring.');
    // Never an empty utterance (it wedges Chromium on Linux; the fake wedges too).
    const spoken = await spokenTexts(page);
    expect(spoken.length).toBe(BODY.length);
    spoken.forEach((text, i) => expect(text).toMatch(BODY[i]!));
    for (const text of spoken) expect(text).not.toMatch(CLUTTER);
    // The page says en-GB: the British voice reads it.
    const first = (await utterances(page)).find((u) => u.text)!;
    expect(first.lang).toBe('en-GB');
    expect(first.voiceURI).toBe('Fake English (United Kingdom)');
    expect(await pwned(page)).toBeUndefined();
    expect(await ourViolations(page)).toEqual([]);
    // …and the host's own is the only unattributed one: its template's handler, once.
    expect((await violations(page)).filter((v) => v.source === '').map((v) => v.directive)).toEqual(['script-src-attr']);
    expect(ourErrors()).toEqual([]);
  });

  it('highlights each sentence, and the title and heading while they are announced, in the page itself', async () => {
    const page = await openNews({ mode: 'manual' });
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    // Hold each utterance until the test has looked at the page.
    const finish = () => page.evaluate(() => window.__fakeSpeech.finish());
    await page.waitForFunction(() => window.__fakeSpeech.spoken.length > 0);
    for (let i = 0; i < BODY.length; i++) {
      await page.waitForFunction((n) => window.__fakeSpeech.spoken.length > n, i);
      const current = await page.evaluate((n) => window.__fakeSpeech.spoken[n]!, i);
      expect(current).toMatch(BODY[i]!);
      // The title, a body sentence, or the section heading while it is announced.
      await expect.poll(() => highlightText(page, 'aloud-sentence')).toEqual([current]);
      await finish();
    }
  });

  it('paints the current word where the voice reports word boundaries', async () => {
    const page = await openNews({ wordMs: 250 });
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    await waitForSpoken(page, /^Engineers opened/);
    await expect
      .poll(() => highlightText(page, 'aloud-word'), { timeout: 5000 })
      .toSatisfy((w: string[]) => w.length === 1 && 'Engineers opened the old floodgates at dawn on Thursday,'.split(' ').includes(w[0]!));
  });

  it('leaves the host DOM exactly as it was: zero mutations outside the player, the article unchanged', async () => {
    const page = await openNews();
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    await waitForSpoken(page, 'The council will review the defences in the spring.');
    await page.locator('aloud-player').getByRole('button', { name: 'Play again', exact: true }).waitFor();
    // Removing the player takes its highlights and stylesheet with it.
    const sheetsWith = await page.evaluate(() => document.adoptedStyleSheets.length);
    await page.evaluate(() => document.querySelector('aloud-player')!.remove());
    const state = await page.evaluate(() => ({
      mutations: (window as unknown as { __hostMutations: string[] }).__hostMutations,
      same: (window as unknown as { __storyBefore: string }).__storyBefore === document.getElementById('story')!.outerHTML,
      sheets: document.adoptedStyleSheets.length,
      highlights: ['aloud-sentence', 'aloud-word'].map((n) => [...(CSS.highlights.get(n) ?? [])].filter((r) => (r as Range).startContainer.getRootNode() === document).length),
    }));
    // The player removal itself is the one childList change on <main>.
    expect(state.mutations).toEqual(['childList main ']);
    expect(state.same).toBe(true);
    expect(sheetsWith).toBeGreaterThan(0);
    expect(state.sheets).toBe(0);
    expect(state.highlights).toEqual([0, 0]);
    expect(await ourViolations(page)).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });
});
