// axe (WCAG 2.2 AA) on the built demo in every state a listener meets, at a
// desktop and a 320 px phone width, light and dark, under forced colors and
// at 200 % zoom;
// no sideways scrolling at 320 px; a screenshot of each state for people to
// look at (test-results/screenshots/).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  openPage,
  screenshot,
  serve,
  tabTo,
  useE2eSession,
  waitForSpoken,
  type OpenOptions,
} from './support/index.ts';

const e2e = useE2eSession(() => serve({ csp: "default-src 'self'" }));

const WIDTHS = [1280, 320] as const;

async function expectNoSidewaysScroll(page: Page, width: number, state: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page scrolls sideways at ${width} px while ${state}`).toBeLessThanOrEqual(width);
}

/** Check one state: axe, reflow, and a screenshot named after it. */
async function check(page: Page, name: string, width: number): Promise<void> {
  await expectNoAxeViolations(page, `${name} at ${width} px`);
  await expectNoSidewaysScroll(page, width, name);
  await screenshot(page, name);
}

/**
 * Walk idle → playing → paused → help open → help closed, by keyboard,
 * checking each. Speech is manual so "playing" holds still on a sentence.
 */
async function walkStates(options: OpenOptions & { width: number }, prefix: string, forced = false): Promise<void> {
  const opened = await openPage(e2e.browser, { serviceWorkers: 'block', fakeSpeech: { mode: 'manual', wordMs: 80 }, ...options });
  const { page } = opened;
  const { width } = options;
  try {
    if (forced) await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(e2e.server.url('/'));
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.waitFor();
    await check(page, `${prefix}-idle`, width);

    await tabTo(page, play);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    // Past the title and the first heading, onto a sentence with its word highlight.
    await waitForSpoken(page, /liberation of Mosul/);
    await page.evaluate(() => window.__fakeSpeech.finish());
    await waitForSpoken(page, 'Story highlights');
    await page.evaluate(() => window.__fakeSpeech.finish());
    await waitForSpoken(page, /^Remains of an iconic mosque/);
    await page.waitForTimeout(400); // a few word boundaries in
    await check(page, `${prefix}-playing`, width);
    if (width < 600) {
      // On a phone the text starts below the controls: show the highlight too.
      await page.getByText(/^Remains of an iconic mosque/).scrollIntoViewIfNeeded();
      await screenshot(page, `${prefix}-playing-text`);
    }

    await page.keyboard.press('Space');
    await play.waitFor();
    await check(page, `${prefix}-paused`, width);

    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await check(page, `${prefix}-help`, width);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(opened.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  } finally {
    await opened.close();
  }
}

describe('accessibility of the demo in every state', () => {
  for (const width of WIDTHS) {
    it(`light at ${width} px: idle, playing, paused, help open`, async () => {
      await walkStates({ width, colorScheme: 'light' }, 'light', false);
    });
    it(`dark at ${width} px: idle, playing, paused, help open`, async () => {
      await walkStates({ width, colorScheme: 'dark' }, 'dark', false);
    });
    it(`forced colors at ${width} px: idle, playing, paused, help open`, async () => {
      await walkStates({ width, colorScheme: 'light' }, 'forced', true);
    });
  }

  it('at 200 % zoom (a 1280 px window at 2×, 640 CSS px): idle, playing, paused, help open', async () => {
    await walkStates({ width: 640, deviceScaleFactor: 2, colorScheme: 'light' }, 'zoom200', false);
  });

  it('dark mode really changes the player (the check above is not light twice)', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const opened = await openPage(e2e.browser, { width: 1280, colorScheme, serviceWorkers: 'block' });
      try {
        await opened.page.goto(e2e.server.url('/'));
        await opened.page.getByRole('button', { name: 'Play', exact: true }).waitFor();
        colours.push(
          await opened.page.evaluate(() => {
            const player = document.querySelector('aloud-player')!;
            const base = player.shadowRoot?.querySelector('[part~="base"]') ?? player;
            return getComputedStyle(base).backgroundColor + ' ' + getComputedStyle(base).color;
          }),
        );
      } finally {
        await opened.close();
      }
    }
    expect(colours[0]).not.toBe(colours[1]);
  });
});
