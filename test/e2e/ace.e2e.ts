// A second checker beside axe: IBM Equal Access (accessibility-checker-engine,
// rule set "IBM_Accessibility") on the built demo in every state a listener
// meets (idle, playing, paused, help open, error), in light, dark and forced
// colours, and on the embed guide with its three live players. Zero
// violations; the rules left out, and why, are in support/ace.ts and
// docs/testing.md.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAceViolations } from './support/ace.ts';
import { openPage, serve, tabTo, useE2eSession, waitForSpoken } from './support/index.ts';

const e2e = useE2eSession(() => serve({ csp: "default-src 'self'" }));

const SCHEMES = [
  { label: 'light', colorScheme: 'light' as const, forced: false },
  { label: 'dark', colorScheme: 'dark' as const, forced: false },
  { label: 'forced colours', colorScheme: 'dark' as const, forced: true },
];

async function open(scheme: (typeof SCHEMES)[number]): Promise<{ page: Page; close(): Promise<void> }> {
  const opened = await openPage(e2e.browser, {
    width: 1280,
    colorScheme: scheme.colorScheme,
    serviceWorkers: 'block',
    fakeSpeech: { mode: 'manual', wordMs: 80 },
  });
  if (scheme.forced) await opened.page.emulateMedia({ forcedColors: 'active' });
  return opened;
}

describe('IBM Equal Access finds nothing', () => {
  for (const scheme of SCHEMES) {
    it(`in the demo player idle, playing, paused, with help open, and in error (${scheme.label})`, async () => {
      const { page, close } = await open(scheme);
      try {
        await page.goto(e2e.server.url('/'));
        const play = page.getByRole('button', { name: 'Play', exact: true });
        await play.waitFor();
        await expectNoAceViolations(page, `idle, ${scheme.label}`);

        await tabTo(page, play);
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
        await waitForSpoken(page, /liberation of Mosul/);
        await page.evaluate(() => window.__fakeSpeech.finish());
        await waitForSpoken(page, 'Story highlights');
        await page.evaluate(() => window.__fakeSpeech.finish());
        await waitForSpoken(page, /^Remains of an iconic mosque/);
        await expectNoAceViolations(page, `playing, ${scheme.label}`);

        await page.keyboard.press('Space');
        await play.waitFor();
        await expectNoAceViolations(page, `paused, ${scheme.label}`);

        await page.keyboard.press('?');
        await page.getByRole('dialog').waitFor();
        await expectNoAceViolations(page, `help open, ${scheme.label}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });

        await page.evaluate(() => document.querySelector('aloud-player')!.setAttribute('src', '/no-such-article.json'));
        await page.locator('aloud-player [part="error"]').waitFor();
        await expectNoAceViolations(page, `error, ${scheme.label}`);
      } finally {
        await close();
      }
    });

    it(`on the embed guide with its live players (${scheme.label})`, async () => {
      const { page, close } = await open(scheme);
      try {
        await page.goto(e2e.server.url('/embed-guide.html'));
        await page.locator('aloud-player').first().getByRole('button', { name: 'Play', exact: true }).waitFor();
        await expectNoAceViolations(page, `embed guide, ${scheme.label}`);
        // The guide's iframe example is checked too: its absence is a failure, not a skip.
        await expect.poll(() => page.frames().some((f) => f.url().includes('/embed.html'))).toBe(true);
        const frame = page.frames().find((f) => f.url().includes('/embed.html'))!;
        await frame.getByRole('button', { name: 'Play', exact: true }).waitFor();
        await expectNoAceViolations(frame, `embed guide's iframe player, ${scheme.label}`);
      } finally {
        await close();
      }
    });
  }
});
