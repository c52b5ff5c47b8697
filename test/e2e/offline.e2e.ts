// Offline and resume on the built demo: listen, pause, lose the network,
// reload, and play on from the same sentence at the same speed. The service
// worker serves the app and the seed; IndexedDB holds the place and speed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serve, useE2eSession, utterances, waitForSpoken } from './support/index.ts';

const e2e = useE2eSession(() => serve({ csp: "default-src 'self'" }));

/** The sentence utterances (not title or headings) that started, in order. */
async function startedTexts(page: Page): Promise<Array<{ text: string; rate: number }>> {
  return (await utterances(page)).filter((u) => u.startedAt !== undefined).map((u) => ({ text: u.text, rate: u.rate }));
}

describe('offline and resume', () => {
  it('after one online visit, reloading offline shows the seed and resumes at the same sentence and speed', async () => {
    const opened = await e2e.open({ width: 1280, fakeSpeech: { wordMs: 40 } });
    const { page, context, errors } = opened;
    await page.goto(e2e.server.url('/'));
    // autoUpdate: the worker installs, precaches, claims this page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();

    // The speed chip is a slider: five steps of 0.1 up.
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await speed.getAttribute('aria-valuenow')).toBe('1.5');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // Listen into the second section, then pause.
    await waitForSpoken(page, /Iraqi forces are locked in an intense battle/, 30_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const before = await startedTexts(page);
    const last = before.at(-1)!;
    expect(last.rate).toBe(1.5);
    // Give the pause's save a moment to commit before the network goes away.
    await page.waitForTimeout(300);

    await context.setOffline(true);
    const requestsBefore = e2e.server.requests.length;
    await page.reload();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 15_000 });
    expect(e2e.server.requests.length).toBe(requestsBefore);

    const resume = page.getByRole('button', { name: /^Resume from '/ });
    await resume.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Start over' }).waitFor();
    await resume.click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    const after = await startedTexts(page);
    // The first thing heard after the reload is the sentence where we paused,
    // or its section heading just before it when that sentence opens a section.
    const at = after.findIndex((u) => u.text === last.text);
    expect(at, `heard after reload: ${JSON.stringify(after.map((u) => u.text))}`).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThanOrEqual(1);
    expect(after[at]!.rate).toBe(1.5);
    expect(await page.getByRole('slider', { name: 'Speed' }).getAttribute('aria-valuenow')).toBe('1.5');
    expect(errors).toEqual([]);
  });
});
