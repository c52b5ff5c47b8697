// The embed guide page of the built demo site (dist/embed-guide.html): its
// snippets are text, its live examples work, and it passes axe, under
// the strict CSP the guide itself recommends.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, spokenTexts, useE2eSession } from './support/index.ts';
import { recordViolations, serveHost, violations } from './support/csp-host.ts';

const e2e = useE2eSession(() => serveHost());

async function openGuide(options: { width?: number; colorScheme?: 'light' | 'dark'; forcedColors?: 'active' } = {}): Promise<Page> {
  const opened = await e2e.open({ width: options.width ?? 1280, serviceWorkers: 'block', colorScheme: options.colorScheme ?? 'light', fakeSpeech: { wordMs: 20 } });
  if (options.forcedColors) await opened.page.emulateMedia({ forcedColors: options.forcedColors });
  await recordViolations(opened.page);
  await opened.page.goto(e2e.server.url('/embed-guide.html'));
  // The three examples are up: two players and the frame's player.
  await opened.page.locator('#example-script aloud-player').getByRole('button', { name: 'Play', exact: true }).waitFor();
  await opened.page.locator('aloud-player[for="guide-story"]').getByRole('button', { name: 'Play', exact: true }).waitFor();
  await opened.page.locator('aloud-player[for="read-story"]').getByRole('button', { name: 'Play', exact: true }).waitFor();
  await opened.page.frameLocator('#example-iframe iframe').getByRole('button', { name: 'Play', exact: true }).waitFor();
  // …and the two in other interface languages, once their words have loaded.
  await opened.page.locator('#example-de aloud-player').getByRole('button', { name: 'Wiedergabe', exact: true }).waitFor();
  await opened.page.locator('#example-ar aloud-player').getByRole('button', { name: 'تشغيل', exact: true }).waitFor();
  return opened.page;
}

describe('the embed guide', () => {
  it('shows every snippet as text, with this site’s URLs', async () => {
    const page = await openGuide();
    const snippets = await page.locator('pre code').allTextContents();
    expect(snippets).toHaveLength(8);
    expect(snippets[0]).toContain(`<script type="module" src="${e2e.server.origin}/aloud-player.js"></script>`);
    expect(snippets[0]).toContain('<aloud-player src=');
    expect(snippets[1]).toContain('<aloud-player for="story"></aloud-player>');
    expect(snippets[2]).toContain(`${e2e.server.origin}/embed.html?src=`);
    expect(snippets[2]).toContain('origin=https%3A%2F%2Fyour.site');
    // Shown, never parsed: no element was made from the snippets.
    expect(await page.locator('pre code *').count()).toBe(0);
    // The commands table lists the protocol's own commands.
    expect(await page.locator('#commands th code').allTextContents()).toEqual([
      'play', 'pause', 'toggle', 'seek', 'nextSentence', 'previousSentence', 'nextSection', 'previousSection', 'setRate', 'getState',
    ]);
  });

  it('the iframe example answers the page’s commands and its events are listed', async () => {
    const page = await openGuide();
    await page.getByRole('button', { name: 'Send getState' }).click();
    await expect.poll(() => page.locator('#events').textContent()).toContain('"type":"result"');
    await page.getByRole('button', { name: 'Send play' }).click();
    await expect.poll(() => page.locator('#events').textContent(), { timeout: 10_000 }).toContain('aloud-play');
  });

  it('the language examples speak German by ui-lang and Arabic, mirrored, from their container', async () => {
    const page = await openGuide();
    const de = page.locator('#example-de aloud-player');
    await de.getByRole('slider', { name: 'Geschwindigkeit' }).waitFor();
    await de.getByRole('button', { name: 'Wiedergabe', exact: true }).waitFor();
    // The More menu's items are German too (they are a lazy chunk: the words come with them).
    await de.getByRole('button', { name: 'Mehr', exact: true }).click();
    await de.getByRole('menuitem', { name: 'Tastenkürzel' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await de.locator('[part="base"]').getAttribute('lang')).toBe('de');
    const ar = page.locator('#example-ar aloud-player');
    await ar.getByRole('slider', { name: 'السرعة' }).waitFor();
    const base = ar.locator('[part="base"]');
    expect([await base.getAttribute('lang'), await base.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(await base.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The page's own player stays English.
    await page.locator('#example-script aloud-player').getByRole('button', { name: 'Play', exact: true }).waitFor();
  });

  it('the page-mode example speaks the story and not its caption or ad', async () => {
    const page = await openGuide();
    await page.locator('aloud-player[for="guide-story"]').getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await spokenTexts(page)).join(' '), { timeout: 10_000 }).toContain('the timetable has not changed.');
    const spoken = (await spokenTexts(page)).join(' ');
    expect(spoken).not.toMatch(/caption|Advertisement|Share this story|Aloud team/);
  });

  it('the markers example skips the marked box and credit; its milestone log fills from aloud-progress, each once', async () => {
    const page = await openGuide();
    await page.locator('aloud-player[for="marked-story"]').getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await spokenTexts(page)).join(' '), { timeout: 10_000 }).toContain('moor along the whole quay again.');
    const spoken = (await spokenTexts(page)).join(' ');
    expect(spoken).toContain('three weeks ahead of the winter storms.');
    expect(spoken).not.toMatch(/Harbour Trust|Fact box|1871/);
    await expect.poll(() => page.locator('#milestones li').allTextContents(), { timeout: 10_000 }).toHaveLength(4);
    const items = await page.locator('#milestones li').allTextContents();
    expect(items.map((t) => t.split(' ')[0])).toEqual(['25', '50', '75', '100']);
    const snippets = await page.locator('pre code').allTextContents();
    expect(snippets.find((t) => t.includes('sendBeacon'))).toContain("addEventListener('aloud-progress'");
  });

  it('the read-markers example reads the headline and the two marked paragraphs only, in the page\'s order', async () => {
    const page = await openGuide();
    await page.locator('aloud-player[for="read-story"]').getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await spokenTexts(page)).join(' '), { timeout: 10_000 }).toContain('every day of the week.');
    const spoken = (await spokenTexts(page)).join(' ');
    expect(spoken).toContain('Ferry timetable changes from Monday');
    expect(spoken).not.toMatch(/Transport ·|min read|Advertisement|café|harbour office/);
    expect(spoken.indexOf('half an hour earlier')).toBeLessThan(spoken.indexOf('eleven at night'));
  });

  it('the analytics snippet, copied as shown onto a page with one player, sends 25, 50, 75 and 100 % once each', async () => {
    const page = await openGuide();
    const snippet = (await page.locator('#snippet-analytics').textContent())!;
    e2e.server.setFile('/t/analytics.js', snippet);
    e2e.server.setFile(
      '/t/analytics.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story</title>' +
        '<script type="module" src="/aloud-player.js"></script><script type="module" src="/t/analytics.js"></script></head>' +
        '<body><main><aloud-player src="/fixtures/articles/short.json"></aloud-player></main></body></html>',
    );
    await page.addInitScript(() => {
      const sent: [string, string][] = [];
      Object.defineProperty(window, '__beacons', { value: sent });
      navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => (sent.push([String(url), String(data)]), true);
    });
    await page.goto(e2e.server.url('/t/analytics.html'));
    await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
    const beacons = () => page.evaluate(() => (window as unknown as { __beacons: [string, string][] }).__beacons);
    await expect.poll(async () => (await beacons()).length, { timeout: 10_000 }).toBe(4);
    await page.waitForTimeout(300);
    const sent = await beacons();
    expect(sent.map(([url]) => url)).toEqual(Array(4).fill('/analytics/listen'));
    expect(sent.map(([, body]) => JSON.parse(body) as { article: string; percent: number })).toEqual(
      [25, 50, 75, 100].map((percent) => ({ article: '/t/analytics.html', percent })),
    );
    expect(await violations(page)).toEqual([]);
  });

  for (const [label, options] of [
    ['light, 1280 px', {}],
    ['dark, 320 px', { width: 320, colorScheme: 'dark' as const }],
    ['forced colours', { forcedColors: 'active' as const }],
  ] as const) {
    it(`passes axe (WCAG 2.2 AA), ${label}, with no CSP violations or errors`, async () => {
      const page = await openGuide(options);
      await expectNoAxeViolations(page, `embed guide, ${label}`);
      expect(await violations(page)).toEqual([]);
      expect(e2e.opened!.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    });
  }

  it('a copy button puts the snippet on the clipboard', async () => {
    const page = await openGuide();
    await e2e.opened!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.origin });
    await page.getByRole('button', { name: 'Copy the page-mode snippet' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toContain('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#snippet-page').textContent());
  });
});
