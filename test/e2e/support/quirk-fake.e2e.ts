// The quirk lab's tools test themselves: each quirk switch of the fake
// speechSynthesis does what the real engine does, the speech clock records
// what sounded, and the heard-alignment catches a skip, a repeat and a cut
// word. A failure in quirk-lab.e2e.ts is then about the player.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { heardUtterances, launchChromium, openPage, serve, speechLog, type FakeSpeechConfig, type TestServer } from './index.ts';
import { checkHeard, heardWords, type ScriptPart } from './heard.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await serve({
    root: import.meta.dirname,
    files: {
      '/blank.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><button id="b">Speak</button></body></html>`,
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withFake<T>(config: FakeSpeechConfig, fn: (page: Page) => Promise<T>, context = {}): Promise<T> {
  const opened = await openPage(browser, { fakeSpeech: config, ...context });
  try {
    await opened.page.goto(server.url('/blank.html'));
    return await fn(opened.page);
  } finally {
    await opened.close();
  }
}

/** Speaks texts from page script (no gesture); returns once queued. */
const speak = (page: Page, texts: string[], voiceURI?: string) =>
  page.evaluate(
    ([ts, uri]) => {
      (window as unknown as { errors: string[] }).errors ??= [];
      for (const t of ts) {
        const u = new SpeechSynthesisUtterance(t);
        u.lang = 'en-US';
        if (uri) u.voice = speechSynthesis.getVoices().find((v) => v.voiceURI === uri) ?? null;
        u.onerror = (e) => (window as unknown as { errors: string[] }).errors.push(`${t}:${e.error}`);
        speechSynthesis.speak(u);
      }
    },
    [texts, voiceURI ?? null] as const,
  );
const errors = (page: Page) => page.evaluate(() => (window as unknown as { errors?: string[] }).errors ?? []);

describe('quirk switches of the fake speechSynthesis', () => {
  it('records what sounded: all of an ended utterance, the whole words before a cancel and the word cut off', async () => {
    await withFake({ wordMs: 300 }, async (page) => {
      await speak(page, ['one two', 'alpha beta gamma delta epsilon zeta']);
      await page.waitForFunction(() => window.__fakeSpeech.current?.text.startsWith('alpha'));
      await page.waitForTimeout(750); // about two and a half words (more on a busy machine)
      await page.evaluate(() => speechSynthesis.cancel());
      const [first, second] = await heardUtterances(page);
      expect([first!.heard, first!.partial, first!.stoppedBy]).toEqual(['one two', '', 'end']);
      expect(second!.stoppedBy).toBe('cancel');
      const whole = second!.heard.split(' ');
      expect(whole.length).toBeGreaterThanOrEqual(2);
      expect(whole.length).toBeLessThan(6);
      expect('alpha beta gamma delta epsilon zeta'.startsWith(second!.heard + second!.partial)).toBe(true);
      // The word under way when it stopped is partly heard, not heard.
      expect(second!.partial).toBe(' ' + 'alpha beta gamma delta epsilon zeta'.split(' ')[whole.length]);
    });
  });

  it("cut-off (Chrome's 15 s): the sound stops with no event, speaking stays true and the queue waits for cancel()", async () => {
    await withFake({ wordMs: 20, cutOffWords: 3 }, async (page) => {
      await speak(page, ['a b c d e f', 'next']);
      await page.waitForFunction(() => window.__fakeSpeech.log.some((e) => e.type === 'cut'));
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => [speechSynthesis.speaking, speechSynthesis.pending])).toEqual([true, true]);
      expect((await speechLog(page)).filter((e) => e.type === 'end')).toEqual([]);
      expect((await heardUtterances(page)).map((h) => h.heard)).toEqual(['a b c']);
      await page.evaluate(() => speechSynthesis.cancel());
      await speak(page, ['after']);
      await page.waitForFunction(() => window.__fakeSpeech.heard.some((h) => h.text === 'after' && h.stoppedBy === 'end'));
    });
  });

  it('no events: no start, boundary or end, but speaking turns false when the sound ends', async () => {
    await withFake({ wordMs: 20, events: false }, async (page) => {
      const fired = await page.evaluate(
        () =>
          new Promise<string[]>((done) => {
            const out: string[] = [];
            const u = new SpeechSynthesisUtterance('one two three');
            for (const t of ['start', 'boundary', 'end']) u.addEventListener(t, () => out.push(t));
            speechSynthesis.speak(u);
            const poll = setInterval(() => {
              if (!speechSynthesis.speaking && !speechSynthesis.pending) {
                clearInterval(poll);
                setTimeout(() => done(out), 50);
              }
            }, 5);
          }),
      );
      expect(fired).toEqual([]);
      expect((await heardUtterances(page)).map((h) => h.stoppedBy)).toEqual(['end']);
    });
  });

  it('pause wedges (speech-dispatcher): nothing starts again, not after resume(), cancel() or a new speak()', async () => {
    await withFake({ wordMs: 500, pauseWedges: true }, async (page) => {
      await speak(page, ['one two three four']);
      await page.waitForFunction(() => window.__fakeSpeech.speaking);
      await page.evaluate(() => speechSynthesis.pause());
      await page.evaluate(() => {
        speechSynthesis.resume();
        speechSynthesis.cancel();
      });
      await speak(page, ['later']);
      await page.waitForTimeout(2500); // longer than both utterances would take
      expect(await page.evaluate(() => window.__fakeSpeech.wedgedBy)).toBe('pause');
      expect((await heardUtterances(page)).map((h) => h.text)).toEqual(['one two three four']);
    });
  });

  it('Android: pause() cancels (interrupted) and resume() does nothing; the rate is ignored', async () => {
    await withFake({ wordMs: 50, pauseCancels: true, ignoreRate: true }, async (page) => {
      const ms = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const u = new SpeechSynthesisUtterance('one two three four');
            u.rate = 2;
            const t0 = performance.now();
            u.onend = () => done(performance.now() - t0);
            speechSynthesis.speak(u);
          }),
      );
      expect(ms).toBeGreaterThanOrEqual(190); // four words at rate 1, not 100 ms at rate 2
      await page.evaluate(() => window.__fakeSpeech.configure({ wordMs: 300 }));
      await speak(page, ['again one two three four']);
      await page.waitForFunction(() => window.__fakeSpeech.speaking);
      await page.evaluate(() => {
        speechSynthesis.pause();
        speechSynthesis.resume();
      });
      await page.waitForTimeout(300);
      expect(await errors(page)).toEqual(['again one two three four:interrupted']);
      expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    });
  });

  it("iOS gesture: speak() from script fails 'not-allowed'; one speak() in a real click unlocks the rest", async () => {
    await withFake({ wordMs: 10, needsGesture: 'task' }, async (page) => {
      await speak(page, ['too early']);
      await page.waitForTimeout(50);
      expect(await errors(page)).toEqual(['too early:not-allowed']);
      // In the click's task, but after an await of a timer: still refused (WebKit wants the gesture's task).
      await page.evaluate(() =>
        document.getElementById('b')!.addEventListener('click', () => {
          setTimeout(() => speechSynthesis.speak(new SpeechSynthesisUtterance('late in the click')), 10);
          (window as unknown as { clicked: boolean }).clicked = true;
        }),
      );
      await page.click('#b');
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => window.__fakeSpeech.utterances.map((u) => [u.text, u.error ?? u.state]))).toEqual([
        ['too early', 'not-allowed'],
        ['late in the click', 'not-allowed'],
      ]);
      await page.evaluate(() =>
        document.getElementById('b')!.addEventListener('click', () => speechSynthesis.speak(new SpeechSynthesisUtterance('in the click'))),
      );
      await page.click('#b');
      await page.waitForTimeout(100);
      await speak(page, ['from script now']);
      await page.waitForFunction(() => window.__fakeSpeech.heard.some((h) => h.text === 'from script now' && h.stoppedBy === 'end'));
    });
  });

  it('iOS hidden page: the sound stops with no event and stays stopped when visible, until resume()', async () => {
    await withFake({ wordMs: 400, stopWhenHidden: true, emulateVisibility: true }, async (page) => {
      await speak(page, ['one two three four five']);
      await page.waitForFunction(() => window.__fakeSpeech.speaking);
      await page.waitForTimeout(500);
      const seen = await page.evaluate(() => {
        const states: string[] = [];
        document.addEventListener('visibilitychange', () => states.push(document.visibilityState));
        window.__fakeSpeech.setVisibility('hidden');
        return states.concat(String(document.hidden));
      });
      expect(seen).toEqual(['hidden', 'true']);
      await page.evaluate(() => window.__fakeSpeech.setVisibility('visible'));
      await page.waitForTimeout(2500); // longer than the rest of the utterance
      const held = (await heardUtterances(page))[0]!;
      expect(held.stoppedBy).toBe('sounding');
      expect(held.heard.split(' ').length).toBeLessThan(5);
      await page.evaluate(() => speechSynthesis.resume());
      await page.waitForFunction(() => window.__fakeSpeech.heard[0]?.stoppedBy === 'end');
    });
  });

  it("network voices fail with 'network' offline, mid-utterance too; the local voice goes on", async () => {
    const opened = await openPage(browser, { fakeSpeech: { profile: 'edge-natural', wordMs: 300 } });
    try {
      const { page, context } = opened;
      await page.goto(server.url('/blank.html'));
      const aria = 'Microsoft Aria Online (Natural) - English (United States)';
      const david = 'Microsoft David - English (United States)';
      await speak(page, ['one two three four five six'], aria);
      await page.waitForFunction(() => window.__fakeSpeech.speaking);
      await page.waitForTimeout(750);
      await context.setOffline(true);
      await page.waitForFunction(() => !window.__fakeSpeech.speaking);
      await speak(page, ['still natural'], aria);
      await speak(page, ['local voice'], david);
      await page.waitForFunction(() => window.__fakeSpeech.heard.some((h) => h.text === 'local voice' && h.stoppedBy === 'end'));
      expect(await errors(page)).toEqual(['one two three four five six:network', 'still natural:network']);
      const heard = await heardUtterances(page);
      expect(heard.map((h) => [h.text, h.stoppedBy])).toEqual([
        ['one two three four five six', 'error'],
        ['local voice', 'end'],
      ]);
      // Cut mid-way: some words heard, not all.
      expect(heard[0]!.heard.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(heard[0]!.heard.length).toBeLessThan('one two three four five six'.length);
      expect(heard[1]!.heard).toBe('local voice');
    } finally {
      await opened.close();
    }
  });

  it('profiles are presets the explicit config overrides', async () => {
    await withFake({ profile: 'linux-speech-dispatcher', voicesAfterMs: 0 }, async (page) => {
      const c = await page.evaluate(() => ({ ...window.__fakeSpeech.config, voices: speechSynthesis.getVoices().length }));
      expect([c.pauseWedges, c.boundaries, c.voicesAfterMs, c.voices]).toEqual([true, false, 0, 3]);
    });
  });
});

describe('checkHeard', () => {
  const script: ScriptPart[] = [
    { kind: 'title', id: 'a', text: 'The title' },
    { kind: 'sentence', id: 'a', text: 'One two three four.' },
    { kind: 'sentence', id: 'b', text: 'Five six seven.' },
  ];
  const w = (s: string) => s.split(' ');

  it('passes everything in order, once', () => {
    expect(checkHeard(script, w('The title One two three four. Five six seven.')).ok).toBe(true);
  });

  it('fails a skipped word, naming it and the part it belongs to', () => {
    const v = checkHeard(script, w('The title One two four. Five six seven.'), { repeats: 1 });
    expect(v.ok).toBe(false);
    expect(v.outOfPlace).toMatchObject({ word: 'four.', expected: 'three', part: { id: 'a', kind: 'sentence' } });
  });

  it('allows a repeat of the current sentence only as often as allowed', () => {
    const again = w('The title One two One two three four. Five six seven.');
    expect(checkHeard(script, again, { repeats: 1 }).ok).toBe(true);
    expect(checkHeard(script, again, { repeats: 0 }).ok).toBe(false);
    // Back into an earlier sentence is not a repeat of the current one.
    expect(checkHeard(script, w('The title One two three four. Five One two three four. Five six seven.'), { repeats: 1 }).ok).toBe(false);
  });

  it('fails a missing end, listing what was not heard', () => {
    const v = checkHeard(script, w('The title One two three four. Five'));
    expect(v.ok).toBe(false);
    expect(v.missing.map((m) => [m.part.id, m.heardWords, m.words])).toEqual([['b', 1, 3]]);
  });

  it('heardWords drops silent utterances and words cut off mid-way', () => {
    const base = { rate: 1, voiceUsed: null, startedAt: 0 };
    expect(
      heardWords([
        { ...base, text: '.', volume: 0, stoppedBy: 'end', heard: '.', partial: '' },
        { ...base, text: 'One two three', volume: 1, stoppedBy: 'cancel', heard: 'One', partial: ' two' },
      ]),
    ).toEqual(['One']);
  });
});
