// Embedding with one script tag and <aloud-player src>: the built widget on
// a blog page under `Content-Security-Policy: default-src 'self'`, fed
// hostile articles (markup written as text, handler strings in JSON fields,
// scripts and templates in an HTML source) and broken ones. Nothing may run,
// nothing may leak into the page's globals, nothing may throw into the page.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { spokenTexts, useE2eSession, waitForSpoken } from './support/index.ts';
import { pwned, recordViolations, serveHost, violations } from './support/csp-host.ts';
import { loadStrings, SUPPORTED } from '../../src/ui/locale.ts';
import { strings } from '../../src/ui/strings.ts';

/** A bare host page: the widget's script tag and whatever body the test needs. */
const hostPage = (body: string, withWidget = true) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="/fixtures/host.css">
${withWidget ? '<script type="module" src="/aloud-player.js"></script>' : ''}
</head><body><main>${body}</main></body></html>`;

const e2e = useE2eSession(() => serveHost({
  files: {
    '/t/html-source.html': hostPage('<aloud-player src="/fixtures/articles/hostile.html"></aloud-player>'),
    '/t/broken.html': hostPage(
      ['/fixtures/articles/missing.json', '/fixtures/articles/invalid.json', '/fixtures/articles/not-an-article.json']
        .map((src) => `<aloud-player src="${src}"></aloud-player>`)
        .join('\n'),
    ),
    '/t/languages.html': hostPage(
      SUPPORTED.map((lang) => `<section lang="${lang}"><aloud-player src="/fixtures/articles/short.json" ui-lang="${lang}"></aloud-player></section>`).join('\n'),
    ),
    '/t/bare.html': hostPage('<p>A page that loads the widget later.</p><aloud-player src="/fixtures/articles/short.json"></aloud-player>', false),
  },
}));

async function open(path: string): Promise<Page> {
  const opened = await e2e.open({ width: 1280, serviceWorkers: 'block', fakeSpeech: { wordMs: 20 } });
  await recordViolations(opened.page);
  await opened.page.goto(e2e.server.url(path));
  return opened.page;
}

/** Errors of our making: the page's own missing photo and favicon are the host's business. */
const ourErrors = () => e2e.opened!.errors.filter((e) => !/favicon|missing-photo|404 \(Not Found\)/.test(e));

const play = (player: Locator) => player.getByRole('button', { name: 'Play', exact: true });

describe('the widget on a blog page, under a strict CSP', () => {
  it('plays a hostile JSON article: markup and handler strings are shown and spoken as text, nothing runs', async () => {
    const page = await open('/fixtures/blog-page.html');
    const first = page.locator('#first');
    await play(first).click();
    await waitForSpoken(page, 'The last sentence is harmless.');
    const spoken = await spokenTexts(page);
    expect(spoken).toContain('This sentence shows <img src=x onerror="window.__pwned=1"> as plain text.');
    expect(spoken).toContain('A script tag <script>window.__pwned=1</script> is only words here.');
    // Written out literally in the player's text, never as elements.
    const text = await first.locator('[part="text"]').textContent();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<template><img src=x onerror="window.__pwned=1"></template> is shown, not parsed.');
    expect(await first.locator('[part="header"]').textContent()).toContain('Hostile title <iframe src="javascript:window.__pwned=1"></iframe>');
    const injected = await page.evaluate(() => {
      const root = document.querySelector('#first')!.shadowRoot!;
      return root.querySelectorAll('img, iframe, template, a[href^="javascript"], [onerror], [onclick]').length;
    });
    expect(injected).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(await violations(page)).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });

  it('reads an HTML source inertly: scripts, templates, handlers, SVG and noscript never run or play', async () => {
    const page = await open('/t/html-source.html');
    const player = page.locator('aloud-player');
    await play(player).click();
    await waitForSpoken(page, /is read as text\.$/);
    const spoken = (await spokenTexts(page)).join('\n');
    expect(spoken).toContain('The first paragraph is safe to read.');
    expect(spoken).toContain('A paragraph with a handler attribute reads normally.');
    expect(spoken).toContain('Escaped markup <img src=x onerror="window.__pwned=1"> is read as text.');
    expect(spoken).not.toMatch(/Template words|SVG words|Noscript words|__pwned = 1/);
    expect(await pwned(page)).toBeUndefined();
    expect(await violations(page)).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });

  it('a missing, a damaged and a non-article src each show an error in the player, never in the page', async () => {
    const page = await open('/t/broken.html');
    const players = page.locator('aloud-player');
    await expect.poll(() => players.locator('[part="error"]').count(), { timeout: 10_000 }).toBe(3);
    const headings = await players.locator('[part="error"] :is(h1, h2, h3, h4, h5, h6)').allTextContents();
    expect(headings).toHaveLength(3);
    expect(headings[0]).toMatch(/was not found/i);
    expect(headings[1]).toMatch(/file is damaged/i);
    expect(headings[2]).toMatch(/not an article/i);
    expect(await pwned(page)).toBeUndefined();
    expect(await violations(page)).toEqual([]);
    // The 404 is the browser's own network log line; no exception reached the page.
    expect(e2e.opened!.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });

  it('every interface language loads its own chunk under the strict CSP: the controls and the More menu in that language', async () => {
    const page = await open('/t/languages.html');
    for (const lang of SUPPORTED) {
      const t = lang === 'en' ? strings : await loadStrings(lang);
      const player = page.locator(`section[lang="${lang}"] aloud-player`);
      await player.getByRole('button', { name: t.play, exact: true }).waitFor();
      expect(await player.locator('[part="base"]').getAttribute('lang'), lang).toBe(lang);
      // The More menu's items are a chunk of their own, with the language's words.
      await player.getByRole('button', { name: t.more, exact: true }).click();
      await player.getByRole('menuitem', { name: t.keyboardHelp, exact: true }).waitFor();
      await page.keyboard.press('Escape');
    }
    const rtl = await page.locator('section[lang="ar"] aloud-player [part="base"]').getAttribute('dir');
    expect(rtl).toBe('rtl');
    expect(await violations(page)).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });

  it('writes no globals: only the custom element is added to the page', async () => {
    const page = await open('/t/bare.html');
    const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.addScriptTag({ url: '/aloud-player.js', type: 'module' });
    await play(page.locator('aloud-player')).waitFor();
    const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
    expect(after.filter((k) => !before.includes(k))).toEqual([]);
    expect(await page.evaluate(() => typeof customElements.get('aloud-player'))).toBe('function');
    expect(await violations(page)).toEqual([]);
    expect(ourErrors()).toEqual([]);
  });

  it('two players on one page: starting one pauses the other', async () => {
    const page = await open('/fixtures/blog-page.html');
    const first = page.locator('#first');
    const second = page.locator('#second');
    await page.evaluate(() => window.__fakeSpeech.configure({ wordMs: 400 }));
    await play(first).click();
    await first.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await play(second).click();
    await waitForSpoken(page, 'The second player starts with this sentence.');
    await second.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await play(first).waitFor();
    // One voice at a time: the first player's utterance is no longer speaking.
    const current = await page.evaluate(() => window.__fakeSpeech.current?.text ?? '');
    expect(current).toMatch(/A second, shorter story|The second player starts/);
    expect(ourErrors()).toEqual([]);
  });
});
