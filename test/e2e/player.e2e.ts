// The built demo, driven by keyboard alone, speaking through the fake
// speechSynthesis: what a keyboard user does, and what the speech engine hears.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasFocus,
  serve,
  speechLog,
  spokenTexts,
  tabTo,
  useE2eSession,
  utterances,
  waitForSpoken,
  type FakeSpeechConfig,
} from './support/index.ts';

const TITLE = /liberation of Mosul from ISIS/;
const FIRST_SENTENCE_TEXT = 'Remains of an iconic mosque and minaret have been retaken, Iraq and US-led coalition say';
const FIRST_SENTENCE = /^Remains of an iconic mosque/;
const SECTION_2 = /Iraqi forces are locked in an intense battle/;

/** expect.poll with room for a busy machine (the default gives up after 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });

const e2e = useE2eSession(() => serve({ csp: "default-src 'self'" }));

/** The demo, ready to play, with nothing focused yet. */
async function openDemo(speech: FakeSpeechConfig = {}): Promise<Page> {
  // The service worker would precache 1.7 MB per fresh context: offline has its own test.
  const opened = await e2e.open({ width: 1280, serviceWorkers: 'block', fakeSpeech: { wordMs: 120, ...speech } });
  const { page } = opened;
  await page.goto(e2e.server.url('/'));
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return page;
}

const playButton = (page: Page) => page.getByRole('button', { name: /^(Play|Pause|Play again)$/ });
const status = (page: Page) => page.getByRole('status');

async function tabToPlayAndStart(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Play', exact: true }));
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
}

describe('the demo by keyboard alone', () => {
  for (const [width, height] of [
    [375, 740],
    [1280, 800],
  ] as const) {
    it(`shows the article's first line in the first screen at ${width} × ${height}`, async () => {
      const opened = await e2e.open({ width, serviceWorkers: 'block' });
      const { page } = opened;
      await page.setViewportSize({ width, height });
      await page.goto(e2e.server.url('/'));
      const first = page.locator('aloud-player').first().locator('[part="sentence"]').first();
      await first.waitFor();
      const box = (await first.boundingBox())!;
      // The whole first line of the text is on the first screen, before any scrolling.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(box.y).toBeGreaterThan(0);
      expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(height);
    });
  }

  it('Tab reaches Play; Space speaks the title, the first heading, then the first sentences in order', async () => {
    const page = await openDemo();
    await tabToPlayAndStart(page);
    await waitForSpoken(page, /^They've been battling/);
    const spoken = await spokenTexts(page);
    expect(spoken[0]).toMatch(TITLE);
    expect(spoken[1]).toBe('Story highlights');
    expect(spoken[2]).toBe(FIRST_SENTENCE_TEXT);
    expect(spoken[3]).toMatch(/^They've been battling for control of Mosul/);
    // Spoken in the article's language with the en-US voice the fake offers.
    const first = (await utterances(page)).find((u) => u.text.trim() !== '')!;
    expect(first.lang).toMatch(/^en/);
    expect(first.voiceURI).toBe('Fake English (United States)');
    expect(e2e.opened!.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('Shift+→ goes to the next section and PageUp comes back; → skips a sentence', async () => {
    const page = await openDemo({ mode: 'manual' });
    await tabToPlayAndStart(page);
    await waitForSpoken(page, TITLE);
    await page.keyboard.press('Shift+ArrowRight'); // focus is on a button: the shortcut still applies
    await waitForSpoken(page, SECTION_2);
    await poll(() => page.getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext')).toMatch(
      /^Section 2 of 7/,
    );
    await poll(() => status(page).textContent()).toMatch(/section/i);

    await page.keyboard.press('ArrowRight');
    await waitForSpoken(page, /^Mosul's liberation is "imminent,"/);

    await page.keyboard.press('PageUp'); // early in a section: back to the start of this one
    await page.keyboard.press('PageUp'); // and again, to the section before
    await poll(() => page.getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext')).toMatch(
      /^Section 1 of 7: Story highlights/,
    );
    // Only one utterance may be speaking at a time: every skip cancels the last.
    const states = (await utterances(page)).map((u) => u.state);
    expect(states.filter((s) => s === 'speaking').length).toBeLessThanOrEqual(1);
  });

  it('> speeds up what is spoken next, < slows it down, and the Speed slider says so', async () => {
    const page = await openDemo({ mode: 'manual' });
    await tabToPlayAndStart(page);
    await waitForSpoken(page, TITLE);
    await page.keyboard.press('>');
    await poll(async () => (await utterances(page)).at(-1)?.rate).toBeCloseTo(1.1, 5);
    const speed = page.getByRole('slider', { name: 'Speed' });
    await poll(() => speed.getAttribute('aria-valuetext')).toBe('1.1 times speed');
    await page.keyboard.press('<');
    await page.keyboard.press('<');
    await poll(async () => (await utterances(page)).at(-1)?.rate).toBeCloseTo(0.9, 5);
    // The change applies live: the sentence being spoken is re-spoken at the new rate.
    await poll(() => page.evaluate(() => window.__fakeSpeech.current?.rate)).toBeCloseTo(0.9, 5);
  });

  it('the Speed slider keeps its own arrow keys (they change speed, not the sentence)', async () => {
    const page = await openDemo({ mode: 'manual' });
    await tabToPlayAndStart(page);
    await waitForSpoken(page, TITLE);
    const speed = page.getByRole('slider', { name: 'Speed' });
    await tabTo(page, speed);
    const before = (await spokenTexts(page)).length;
    await page.keyboard.press('ArrowRight');
    await poll(() => speed.getAttribute('aria-valuetext')).toBe('1.1 times speed');
    await poll(async () => (await utterances(page)).at(-1)?.rate).toBeCloseTo(1.1, 5);
    // Re-speaking the rest of the title at the new rate is fine; moving on is not.
    await poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(before);
    const spoken = await spokenTexts(page);
    for (const t of spoken.slice(before)) expect(spoken[0]!.endsWith(t), t).toBe(true);
  });

  it('Space pauses: speech stops and nothing new starts; Space again resumes the same sentence', async () => {
    const page = await openDemo({ wordMs: 200 });
    await tabToPlayAndStart(page);
    await waitForSpoken(page, FIRST_SENTENCE);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await poll(() => page.evaluate(() => window.__fakeSpeech.speaking || window.__fakeSpeech.paused)).toBe(
      false, // Linux Chromium cannot pause speech-dispatcher: the player cancels instead
    );
    const countAtPause = (await spokenTexts(page)).length;
    await page.waitForTimeout(800);
    expect((await spokenTexts(page)).length).toBe(countAtPause);
    expect((await speechLog(page)).some((e) => e.type === 'cancel')).toBe(true);

    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(countAtPause);
    const resumed = (await spokenTexts(page))[countAtPause]!;
    // Resumes inside the first sentence (from the word it stopped at), not further on.
    expect(resumed.length).toBeGreaterThan(0);
    expect(FIRST_SENTENCE_TEXT.endsWith(resumed)).toBe(true);
  });

  it('? opens the keyboard help, Escape closes it and gives focus back', async () => {
    const page = await openDemo();
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await tabTo(page, play);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await poll(() => dialog.textContent()).toMatch(/Space[\s\S]*Shift/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(play)).toBe(true);
    // Opening help must not have started or stopped anything.
    expect(await spokenTexts(page)).toEqual([]);
  });

  it('End goes to the last section; playing on to the end offers "Play again"', async () => {
    const page = await openDemo({ wordMs: 5 });
    await tabToPlayAndStart(page);
    await page.keyboard.press('End');
    await waitForSpoken(page, /Mosul is cultural capital|cultural capital/);
    const again = page.getByRole('button', { name: 'Play again' });
    await again.waitFor({ timeout: 20_000 });
    await poll(() => status(page).textContent()).toMatch(/end/i);
    const count = (await spokenTexts(page)).length;
    await page.keyboard.press('Space'); // focus stayed on the same (renamed) button
    await poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(count);
    expect((await spokenTexts(page))[count]).toMatch(TITLE);
  });

  it('Tab into the text, ↓ to the next sentence, Enter plays from there', async () => {
    const page = await openDemo({ mode: 'manual' });
    await tabTo(page, page.getByText(FIRST_SENTENCE_TEXT, { exact: true }));
    await page.keyboard.press('ArrowDown');
    const second = page.getByText(/^They've been battling for control of Mosul/);
    expect(await hasFocus(second)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForSpoken(page, /^They've been battling/);
    expect((await spokenTexts(page)).some((t) => FIRST_SENTENCE.test(t))).toBe(false);
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    // The player never moves focus by itself: it stays on the sentence.
    expect(await hasFocus(second)).toBe(true);
  });

  it('hands-free: the lock screen shows the article, follows play and pause, and the keep-alive clip loads under the strict CSP', async () => {
    const page = await openDemo({ mode: 'manual' });
    await tabToPlayAndStart(page);
    const session = () =>
      page.evaluate(() => ({
        title: navigator.mediaSession.metadata?.title,
        artist: navigator.mediaSession.metadata?.artist,
        album: navigator.mediaSession.metadata?.album,
        state: navigator.mediaSession.playbackState,
      }));
    await poll(async () => (await session()).state).toBe('playing');
    const s = await session();
    expect(s.title).toMatch(TITLE);
    expect(s.artist).toMatch(/^Nick Paton Walsh/);
    expect(s.album).toBe('Aloud');
    // The clip is a same-origin file, so 'self' allows it: fetched, no CSP violation.
    await poll(() => e2e.server.requests.some((r) => /keep-alive[^/]*\.wav$/.test(r.path) && r.status < 300)).toBe(true);
    await page.keyboard.press('Space');
    await poll(async () => (await session()).state).toBe('paused');
    expect(e2e.opened!.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('sleep timer, set by keyboard to the end of the section, pauses where the next section begins', async () => {
    const page = await openDemo({ wordMs: 15 });
    // The More menu, by keyboard: Enter opens it on its first item (Voice), then Sleep timer, whose
    // submenu ArrowRight opens on its checked choice (Off), then End of this section.
    const more = page.getByRole('button', { name: 'More', exact: true });
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    const sleep = page.getByRole('menuitem', { name: 'Sleep timer: Off', exact: true });
    await sleep.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(sleep)).toBe(true);
    await page.keyboard.press('ArrowRight');
    const endOfSection = page.getByRole('menuitemradio', { name: 'End of this section' });
    await endOfSection.waitFor();
    expect(await hasFocus(page.getByRole('menuitemradio', { name: 'Off', exact: true }))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(endOfSection)).toBe(true);
    await page.keyboard.press('Enter');
    // Chosen: the menu closes and focus is back on its button.
    await poll(() => hasFocus(more)).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Play', exact: true }), { backwards: true });
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 20_000 });
    await poll(() => status(page).textContent()).toMatch(/Sleep timer/);
    const spoken = await spokenTexts(page);
    // The whole first section was heard…
    expect(spoken.some((t) => /^They've been battling/.test(t))).toBe(true);
    // …and nothing after the first sentence of the next one.
    const next = spoken.findIndex((t) => SECTION_2.test(t));
    expect(next === -1 || next === spoken.length - 1).toBe(true);
    await page.waitForTimeout(300);
    expect((await spokenTexts(page)).length).toBe(spoken.length);
    // It was a one-off: the timer is off again.
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    await sleep.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByRole('menuitemradio', { name: 'Off', exact: true }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('the live region speaks for what the listener did, never for each sentence', async () => {
    const page = await openDemo({ wordMs: 20 });
    await status(page).evaluate((el) => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(el.textContent ?? '')).observe(el, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.filter((t) => t.trim()));
    await tabToPlayAndStart(page);
    // Three sections' worth of sentences and headings, played on by themselves…
    await waitForSpoken(page, /We are seeing the end of the fake/, 30_000);
    expect(await said()).toEqual([]);
    // …then one skip the listener asked for: one announcement, naming where they are.
    await page.keyboard.press('Shift+ArrowRight');
    await poll(said).toEqual([expect.stringMatching(/^Section \d of 7: /)]);
  });

  it('every control is reachable by Tab, in order, and Shift+Tab walks back without a trap', async () => {
    const page = await openDemo();
    // The skip buttons are one toolbar (arrows move inside it), the rest of the settings are in More.
    const names: [string, string][] = [
      ['button', 'Skip player'],
      ['button', 'Play'],
      ['button', 'Previous section'],
      ['slider', 'Position'],
      ['slider', 'Speed'],
      ['button', 'More'],
    ];
    const presses: number[] = [];
    for (const [role, name] of names) {
      presses.push(await tabTo(page, page.getByRole(role as 'button', { name, exact: true }), { max: 30 }));
    }
    // After the first, each control is the very next Tab stop.
    expect(presses.slice(1)).toEqual(names.slice(1).map(() => 1));
    await tabTo(page, page.getByRole('button', { name: 'Play', exact: true }), { backwards: true, max: 30 });
  });
});
