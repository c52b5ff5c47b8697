// The sticky mini-player on a phone with a notch and a home indicator: the
// built widget on the news page in page mode with `sticky`, Chromium told the
// device's safe-area insets (CDP Emulation.setSafeAreaInsetsOverride), the
// page scrolled away from the player while it plays. The bar must keep its
// controls clear of the insets, at the bottom and (mini-position="top") at the top.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eSession } from './support/index.ts';
import { fixtureText, serveHost } from './support/csp-host.ts';

const page = (attrs: string) =>
  fixtureText('news-page.html')
    .replace('<aloud-player for="story" theme="light">', `<aloud-player for="story" theme="light" ${attrs}>`)
    // A phone page that draws under the notch, as the insets need.
    .replace('content="width=device-width, initial-scale=1"', 'content="width=device-width, initial-scale=1, viewport-fit=cover"');

const e2e = useE2eSession(() =>
  serveHost({ files: { '/bottom.html': { body: page('sticky'), type: 'text/html' }, '/top.html': { body: page('sticky mini-position="top"'), type: 'text/html' } } }),
);

const INSETS = { top: 44, bottom: 34, left: 12, right: 16 };

async function playingScrolledAway(path: string): Promise<Page> {
  const { page: p } = await e2e.open({ width: 375, serviceWorkers: 'block', fakeSpeech: { wordMs: 200 } });
  await p.setViewportSize({ width: 375, height: 740 });
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Emulation.setSafeAreaInsetsOverride' as never, { insets: INSETS } as never);
  await p.goto(e2e.server.url(path));
  await p.evaluate(() => document.querySelector<HTMLElement>('.cookie-banner')?.remove());
  await p.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
  await p.locator('aloud-player').getByRole('button', { name: 'Pause', exact: true }).first().waitFor();
  await p.waitForTimeout(300); // follow-along settles
  await p.mouse.wheel(0, 1800); // the listener scrolls on, away from the player
  await p.locator('aloud-player [part="mini-player"]').waitFor();
  await p.waitForTimeout(400); // the bar's entrance
  return p;
}

const geometry = (p: Page) =>
  p.locator('aloud-player [part="mini-player"]').evaluate((bar) => {
    const s = getComputedStyle(bar);
    const r = bar.getBoundingClientRect();
    const controls = [...bar.querySelectorAll('button')].map((b) => b.getBoundingClientRect()).filter((c) => c.width > 1 && c.height > 1);
    return {
      padding: [s.paddingTop, s.paddingRight, s.paddingBottom, s.paddingLeft].map((v) => parseFloat(v)),
      bar: { top: r.top, bottom: r.bottom },
      controls: { left: Math.min(...controls.map((c) => c.left)), right: Math.max(...controls.map((c) => c.right)), top: Math.min(...controls.map((c) => c.top)), bottom: Math.max(...controls.map((c) => c.bottom)) },
      width: innerWidth,
      height: innerHeight,
    };
  });

describe('the sticky mini-player and the safe areas', () => {
  it('at the bottom: its controls stay clear of the home indicator and the side insets', async () => {
    const g = await geometry(await playingScrolledAway('/bottom.html'));
    expect(g.bar.bottom).toBeCloseTo(g.height, 0);
    expect(g.padding[2]).toBe(INSETS.bottom);
    expect([g.padding[1], g.padding[3]]).toEqual([INSETS.right, INSETS.left]);
    expect(g.controls.bottom).toBeLessThanOrEqual(g.height - INSETS.bottom);
    expect(g.controls.left).toBeGreaterThanOrEqual(INSETS.left);
    expect(g.controls.right).toBeLessThanOrEqual(g.width - INSETS.right);
  });

  it('with mini-position="top": clear of the notch', async () => {
    const g = await geometry(await playingScrolledAway('/top.html'));
    expect(g.bar.top).toBeCloseTo(0, 0);
    expect(g.padding[0]).toBe(INSETS.top);
    expect(g.controls.top).toBeGreaterThanOrEqual(INSETS.top);
  });
});
