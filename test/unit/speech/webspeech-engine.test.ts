import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSpeechEngine, detectCanPause, needsGestureUnlock, type WebSpeechEngineOptions } from '../../../src/speech/webspeech-engine.ts';
import { FakeSynth, FakeUtterance, fakeVoice, type FakeSynthScript } from '../../support/fake-synth.ts';
import type { UtteranceRequest } from '../../../src/speech/types.ts';
import { eventTypes, recorder } from '../../support/utterance-recorder.ts';
import { createPlayerStore } from '../../../src/player/store.ts';
import { makeArticle } from '../../support/fake-engine.ts';

const WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const LINUX_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const MAC_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';

const SEED =
  'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul still under ISIS control.';

function req(text: string, extra: Partial<UtteranceRequest> = {}): UtteranceRequest {
  return { text, lang: 'en-US', rate: 1, volume: 1, ...extra };
}

function setup(script: FakeSynthScript = {}, opts: Partial<WebSpeechEngineOptions> = {}) {
  const synth = new FakeSynth(script);
  const engine = createWebSpeechEngine({ synth, Utterance: FakeUtterance, userAgent: WINDOWS_UA, ...opts });
  return { synth, engine };
}

/**
 * What the listener heard of `sentence`, from the fake's record of what was
 * sounding: every word, in order, each once, except at most `maxRepeats`
 * words said again after a recovery. A word counts only if it sounded to its end.
 */
function expectHeardOnce(synth: FakeSynth, sentence: string, maxRepeats: number): void {
  const words = [...sentence.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const seq: number[] = [];
  for (const span of synth.heard) {
    const off = sentence.indexOf(span.text);
    if (off < 0) continue;
    words.forEach((w, i) => {
      if (w.start >= off + span.from && w.end <= off + span.to) seq.push(i);
    });
  }
  let next = 0;
  let repeats = 0;
  for (const i of seq) {
    if (i === next) next++;
    else if (i < next) repeats++;
    else expect.fail(`word ${next} ("${sentence.slice(words[next]!.start, words[next]!.end)}") was never heard`);
  }
  expect(next, `heard ${next} of ${words.length} words of "${sentence.slice(0, 30)}…"`).toBe(words.length);
  expect(repeats, "words said twice").toBeLessThanOrEqual(maxRepeats);
}

/** A page whose visibility the test drives; the fake synthesizer is told first, as the platform acts before the event. */
function page() {
  let hidden = false;
  const subs = new Set<() => void>();
  return {
    visibility: {
      hidden: () => hidden,
      subscribe(cb: () => void) {
        subs.add(cb);
        return () => subs.delete(cb);
      },
    },
    setHidden(synth: FakeSynth, h: boolean) {
      hidden = h;
      synth.setHidden(h);
      for (const cb of subs) cb();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('voices', () => {
  it('waits for voices that arrive late with voiceschanged', async () => {
    const { engine } = setup({ voicesAfterMs: 1800, voices: [fakeVoice('Daniel', 'en-GB')] });
    let got: unknown = null;
    void engine.getVoices().then((v) => (got = v));
    await vi.advanceTimersByTimeAsync(1000);
    expect(got).toBeNull();
    await vi.advanceTimersByTimeAsync(800);
    expect(got).toEqual([
      { id: 'Daniel', name: 'Daniel', lang: 'en-GB', isDefault: false, localService: true, engine: 'webspeech' },
    ]);
  });

  it('polls for voices when voiceschanged never fires', async () => {
    const { engine } = setup({ voicesAfterMs: 1000, fireVoicesChanged: false });
    const p = engine.getVoices();
    await vi.advanceTimersByTimeAsync(1300);
    expect(await p).toHaveLength(1);
  });

  it('resolves [] after the timeout when there are none, and speak() then reports no-voice', async () => {
    const { engine, synth } = setup({ voices: [] }, { voicesTimeoutMs: 2000 });
    let got: unknown = null;
    void engine.getVoices().then((v) => (got = v));
    await vi.advanceTimersByTimeAsync(1999);
    expect(got).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toEqual([]);
    const r = recorder();
    engine.speak(req('Hello there.'), r.events);
    await vi.advanceTimersByTimeAsync(10);
    expect(r.log.map((e) => e.code)).toEqual(['no-voice']);
    expect(synth.log.filter((e) => e.type === 'speak')).toHaveLength(0);
  });

  it('picks a voice of the request language, not the platform default', async () => {
    const { engine, synth } = setup({
      voices: [fakeVoice('Afrikaans', 'af', { default: true }), fakeVoice('German', 'de-DE'), fakeVoice('US', 'en-US')],
    });
    const spoken: FakeUtterance[] = [];
    const speak = synth.speak.bind(synth);
    synth.speak = (u) => {
      spoken.push(u as FakeUtterance);
      speak(u);
    };
    engine.speak(req('Hello.', { lang: 'en-GB' }), {});
    engine.speak(req('Hallo.', { lang: 'de', voice: { id: 'German', name: 'German', lang: 'de-DE', isDefault: false, localService: true, engine: 'webspeech' } }), {});
    // A voice not yet known to fire events gets one utterance at a time.
    await vi.advanceTimersByTimeAsync(3000);
    expect(spoken.map((u) => u.voice?.name)).toEqual(['US', 'German']);
    expect(spoken.map((u) => u.lang)).toEqual(['en-GB', 'de']);
  });
});

describe('speaking and queueing', () => {
  it('speaks queued sentences in order, one at a time, each queued before the previous ends', async () => {
    const { engine, synth } = setup();
    const a = recorder();
    const b = recorder();
    engine.speak(req('First sentence here.'), a.events);
    engine.speak(req('Second one.'), b.events);
    await vi.advanceTimersByTimeAsync(5000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(b.log[0]!.at).toBeGreaterThanOrEqual(a.log.at(-1)!.at);
    expect(synth.maxSounding).toBe(1);
    // The second was already in the synthesizer's queue when the first ended: no gap of ours.
    const order = synth.log.map((e) => `${e.type}:${e.text}`);
    expect(order.indexOf('speak:Second one.')).toBeLessThan(order.indexOf('end:First sentence here.'));
  });

  it('completes an empty request with start and end', async () => {
    const { engine } = setup();
    const r = recorder();
    engine.speak(req(''), r.events);
    await vi.advanceTimersByTimeAsync(10);
    expect(eventTypes(r.log)).toEqual(['start', 'end']);
  });

  it('survives a listener that throws', async () => {
    const { engine } = setup();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = recorder();
    engine.speak(req('One.'), { onStart: () => { throw new Error('boom'); } });
    engine.speak(req('Two.'), r.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(eventTypes(r.log)).toEqual(['start', 'end']);
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });
});

describe("Chrome's ~15 s cut-off", () => {
  const long =
    'The recapture of the Great Mosque of al-Nuri, where Abu Bakr al-Baghdadi declared the ISIS caliphate in 2014, ' +
    'marks a major stride in the eight-month battle to seize the city from the terrorist group; coalition officials said ' +
    'the fighting was fierce, the streets narrow and mined, and the civilians trapped inside numbered in the thousands: ' +
    'a difficult fight — with days rather than weeks left to go, according to the spokesman who spoke from Baghdad on Thursday.';

  it('speaks a long sentence as clause-sized utterances that each finish before the cut-off', async () => {
    const { engine, synth } = setup({ cutoffMs: 15_000 });
    const r = recorder();
    engine.speak(req(long), r.events);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(eventTypes(r.log)).toEqual(['start', 'end']);
    const spoken = synth.log.filter((e) => e.type === 'speak').map((e) => e.text);
    expect(spoken.length).toBeGreaterThan(2);
    for (const t of spoken) expect(t.length).toBeLessThanOrEqual(200);
    // Each chunk ends at a clause boundary or the end of the sentence.
    for (const t of spoken.slice(0, -1)) expect(t).toMatch(/[,;:]$|\s[—–-]$/);
    expect(spoken.join(' ').replace(/\s+/g, ' ')).toBe(long);
  });

  it('maps boundary offsets of every chunk back into the original sentence', async () => {
    const { engine } = setup({ cutoffMs: 15_000 });
    const r = recorder();
    engine.speak(req(long), r.events);
    await vi.advanceTimersByTimeAsync(60_000);
    const real = r.log.filter((e) => e.type === 'boundary' && !e.estimated);
    const words = [...long.matchAll(/\S+/g)].map((m) => m[0]);
    expect(real.map((b) => long.slice(b.charIndex, b.charIndex! + b.charLength!))).toEqual(words);
  });

  it('at slow rates cuts shorter chunks, since each character takes longer', async () => {
    const { engine, synth } = setup({ cutoffMs: 15_000 });
    engine.speak(req(long, { rate: 0.5 }), {});
    await vi.advanceTimersByTimeAsync(120_000);
    const spoken = synth.log.filter((e) => e.type === 'speak').map((e) => e.text);
    for (const t of spoken) expect(t.length).toBeLessThanOrEqual(100);
  });

  it('watchdog: an utterance cut off without end or error goes on from the last confirmed word, nothing lost', async () => {
    // Chunking by time disabled so the single utterance runs into the cut-off.
    const { engine, synth } = setup({ cutoffMs: 15_000 }, { targetChunkMs: 120_000 });
    const a = recorder();
    const b = recorder();
    engine.speak(req(long), a.events);
    engine.speak(req('Next sentence.'), b.events);
    await vi.advanceTimersByTimeAsync(18_000);
    expect(eventTypes(b.log)).toEqual([]); // stuck, as Chrome is
    await vi.advanceTimersByTimeAsync(60_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(synth.log.some((e) => e.type === 'cancel')).toBe(true);
    // Every word heard, in order; the word sounding at each cut-off may be said again.
    expectHeardOnce(synth, long, 3);
    expectHeardOnce(synth, 'Next sentence.', 0);
  });

  it('watchdog: an utterance dropped once (Chromium after cancel) is retried and plays', async () => {
    let dropped = 0;
    const { engine } = setup({ swallow: (t) => t === 'Dropped once.' && dropped++ === 0 }, { startTimeoutMs: 3000 });
    // The voice has spoken (so it is known to fire events), then a cancel.
    engine.speak(req('Warm.'), {});
    await vi.advanceTimersByTimeAsync(1000);
    engine.cancel();
    const a = recorder();
    const b = recorder();
    engine.speak(req('Dropped once.'), a.events);
    engine.speak(req('Next.'), b.events);
    await vi.advanceTimersByTimeAsync(2900);
    expect(a.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
  });

  it('watchdog: an utterance that never starts fails with synthesis-failed after one retry, and the next one plays', async () => {
    const { engine } = setup({ swallow: (t) => t === 'Lost.' }, { startTimeoutMs: 3000 });
    engine.speak(req('Warm.'), {});
    await vi.advanceTimersByTimeAsync(1000);
    const a = recorder();
    const b = recorder();
    engine.speak(req('Lost.'), a.events);
    engine.speak(req('Found.'), b.events);
    await vi.advanceTimersByTimeAsync(5900);
    expect(a.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(a.log.map((e) => e.code ?? e.type)).toEqual(['synthesis-failed']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
  });
});

describe('cancel', () => {
  for (const cancelFires of ['error', 'end'] as const) {
    it(`delivers no events of cancelled utterances when cancel fires ${cancelFires} on them`, async () => {
      const { engine, synth } = setup({ cancelFires });
      const a = recorder();
      const b = recorder();
      const c = recorder();
      engine.speak(req(SEED), a.events);
      engine.speak(req('Queued behind it.'), b.events);
      await vi.advanceTimersByTimeAsync(1000);
      const before = a.log.length;
      engine.cancel();
      // The new utterance is queued before the stale events of the old ones arrive.
      engine.speak(req('After the cancel.'), c.events);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(a.log.length).toBe(before);
      expect(eventTypes(a.log)).toEqual(['start']);
      expect(b.log).toEqual([]);
      expect(eventTypes(c.log)).toEqual(['start', 'end']);
      // The backend really did report the cancelled ones.
      expect(synth.log.filter((e) => e.text === SEED && (e.type === 'error' || e.type === 'end')).length).toBe(1);
      expect(synth.maxSounding).toBe(1);
    });
  }

  it('reports an interruption it did not cause', async () => {
    const { engine, synth } = setup();
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(500);
    synth.cancel(); // another page or the OS
    await vi.advanceTimersByTimeAsync(10);
    expect(a.log.map((e) => e.code ?? e.type).filter((t) => t !== 'boundary')).toEqual(['start', 'interrupted']);
  });

  it('after an interruption from outside, reports it once and goes on with the queue', async () => {
    const { engine, synth } = setup();
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED), a.events);
    engine.speak(req('The next sentence.'), b.events);
    await vi.advanceTimersByTimeAsync(500);
    synth.cancel(); // fires interrupted on the first, canceled on the queued one
    await vi.advanceTimersByTimeAsync(5000);
    expect(a.log.map((e) => e.code ?? e.type).filter((t) => t !== 'boundary')).toEqual(['start', 'interrupted']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
  });
});

describe('pause', () => {
  it('detects where pause() cannot be trusted', () => {
    expect(detectCanPause(ANDROID_UA)).toBe(false);
    expect(detectCanPause(LINUX_UA)).toBe(false);
    expect(detectCanPause('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(false);
    expect(detectCanPause(WINDOWS_UA)).toBe(true);
    expect(detectCanPause('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15')).toBe(true);
    expect(detectCanPause('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148')).toBe(true);
    expect(detectCanPause('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36')).toBe(true);
  });

  it('pauses and resumes natively where it works, with no events while paused', async () => {
    const { engine, synth } = setup({ boundaries: false });
    expect(engine.canPause).toBe(true);
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(2000);
    engine.pause();
    const n = a.log.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(a.log.length).toBe(n); // neither the watchdog nor estimated boundaries fire while paused
    engine.resume();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(synth.log.filter((e) => e.type === 'pause')).toHaveLength(1);
    const idx = a.log.filter((e) => e.type === 'boundary').map((e) => e.charIndex!);
    expect(idx).toEqual([...SEED.matchAll(/\S+/g)].map((m) => m.index));
  });

  for (const [name, ua] of [['Android', ANDROID_UA], ['Linux speech-dispatcher', LINUX_UA]] as const) {
    it(`on ${name} pause() never calls synth.pause(): it stops as cancel() does, resume() does nothing, and speech goes on after`, async () => {
      const { engine, synth } = setup({ pauseIsCancel: name === 'Android', cancelFires: 'error' }, { userAgent: ua });
      expect(engine.canPause).toBe(false);
      const a = recorder();
      const b = recorder();
      engine.speak(req(SEED), a.events);
      engine.speak(req('Then this.'), b.events);
      await vi.advanceTimersByTimeAsync(2500);
      engine.pause();
      const n = a.log.length;
      engine.resume();
      await vi.advanceTimersByTimeAsync(20_000);
      // Stopped for good: no events of the stopped utterances, nothing queued spoken.
      expect(a.log.length).toBe(n);
      expect(b.log).toEqual([]);
      expect(synth.log.some((e) => e.type === 'pause' || e.type === 'resume')).toBe(false);
      const later = recorder();
      engine.speak(req('Later.'), later.events);
      await vi.advanceTimersByTimeAsync(3000);
      expect(eventTypes(later.log)).toEqual(['start', 'end']);
      expect(synth.maxSounding).toBe(1);
    });
  }

  // The one pause emulation is the store's: stop, then speak again from the
  // last word heard. Without boundary events the engine only estimates where
  // the voice is, so the store must go on from `heardTo`, never past it.
  const emulatedNoBoundaries = [
    ['Linux speech-dispatcher, a voice 1.4 times slower than estimated', LINUX_UA, { msPerChar: 1400 / 15 }, 1],
    ['Android at speed 2, a rate it ignores', ANDROID_UA, { ignoreRate: true, pauseIsCancel: true }, 2],
  ] as const;
  for (const [name, ua, script, rate] of emulatedNoBoundaries) {
    it(`${name}, no boundaries: the store's pause mid-sentence resumes from a word already heard, none lost`, async () => {
      const { engine, synth } = setup({ boundaries: false, cancelFires: 'error', ...script }, { userAgent: ua });
      const store = createPlayerStore({ engine, rate });
      store.load(makeArticle([{ paragraphs: [[SEED]] }], { title: '', lang: 'en-US' }));
      store.play();
      // Well into the sentence: its estimated boundaries have run ahead of the voice.
      await vi.advanceTimersByTimeAsync(4000);
      store.pause();
      expect(store.state.status).toBe('paused');
      await vi.advanceTimersByTimeAsync(1000);
      store.play();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(store.state.status).toBe('ended');
      expect(synth.log.some((e) => e.type === 'pause')).toBe(false);
      expect(synth.log.filter((e) => e.type === 'speak')).toHaveLength(2); // it did resume mid-sentence
      expectHeardOnce(synth, SEED, 12);
    });
  }

  it('estimated boundaries carry heardTo: a point the voice has surely passed, even when it is slower than the guess', async () => {
    const { engine, synth } = setup({ boundaries: false, msPerChar: 1400 / 15 }, { userAgent: LINUX_UA });
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(4000);
    const guesses = a.log.filter((e) => e.type === 'boundary');
    expect(guesses.length).toBeGreaterThan(3);
    engine.cancel();
    // How far the voice really got (the fake's own record of what sounded).
    const reached = Math.max(...synth.heard.filter((h) => h.text === SEED).map((h) => h.to));
    const last = guesses.at(-1)!;
    expect(last.estimated).toBe(true);
    expect(last.charIndex).toBeGreaterThan(reached); // the guess ran ahead of the voice…
    expect(last.heardTo).toBeGreaterThan(0);
    expect(last.heardTo).toBeLessThanOrEqual(reached); // …the heard point did not
    for (const g of guesses) expect(g.heardTo).toBeLessThanOrEqual(g.charIndex!);
  });

  it('cancel while natively paused resumes the synthesizer so later speech is not stuck', async () => {
    const { engine } = setup();
    engine.speak(req(SEED), {});
    await vi.advanceTimersByTimeAsync(500);
    engine.pause();
    engine.cancel();
    const a = recorder();
    engine.speak(req('Fresh start.'), a.events);
    await vi.advanceTimersByTimeAsync(3000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
  });
});

describe('boundaries', () => {
  it('estimates word boundaries from the text and rate when the voice gives none', async () => {
    const { engine } = setup({ boundaries: false });
    const a = recorder();
    engine.speak(req(SEED, { rate: 2 }), a.events);
    await vi.advanceTimersByTimeAsync(20_000);
    const b = a.log.filter((e) => e.type === 'boundary');
    expect(b.every((e) => e.estimated)).toBe(true);
    expect(b.map((e) => SEED.slice(e.charIndex, e.charIndex! + e.charLength!))).toEqual(SEED.split(' '));
    const end = a.log.find((e) => e.type === 'end')!;
    expect(b.every((e) => e.at <= end.at)).toBe(true);
    // Spread over the utterance at the requested rate, not all at once.
    const span = b.at(-1)!.at - b[0]!.at;
    const duration = end.at - a.log[0]!.at;
    expect(span).toBeGreaterThan(duration * 0.6);
    expect(duration).toBeLessThan((SEED.length / 15) * 1000 * 0.6);
  });

  it('stops estimating once the voice gives real boundaries', async () => {
    const { engine } = setup({ boundaries: true });
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED), a.events);
    engine.speak(req('Second sentence with real boundaries.'), b.events);
    await vi.advanceTimersByTimeAsync(20_000);
    const first = a.log.filter((e) => e.type === 'boundary');
    const firstReal = first.findIndex((e) => !e.estimated);
    expect(firstReal).toBeGreaterThanOrEqual(0);
    expect(first.slice(firstReal).every((e) => !e.estimated)).toBe(true);
    expect(b.log.filter((e) => e.type === 'boundary').every((e) => !e.estimated)).toBe(true);
  });
});

describe('iOS user gesture', () => {
  it('surfaces not-allowed, and works after unlock() inside a gesture', async () => {
    const { engine, synth } = setup({ requireGesture: true }, { userAgent: IPHONE_UA });
    const a = recorder();
    engine.speak(req('Before the tap.'), a.events);
    await vi.advanceTimersByTimeAsync(100);
    expect(a.log.map((e) => e.code ?? e.type)).toEqual(['not-allowed']);
    synth.inGesture = true;
    engine.unlock();
    synth.inGesture = false;
    const b = recorder();
    engine.speak(req('After the tap.'), b.events);
    await vi.advanceTimersByTimeAsync(3000);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
  });

  it('the unlock utterance is silent and never empty (an empty one wedges Chromium on Linux)', async () => {
    const { engine, synth } = setup({}, { userAgent: IPHONE_UA });
    engine.unlock();
    engine.unlock();
    const spoken = synth.log.filter((e) => e.type === 'speak');
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.text.trim()).not.toBe('');
    const b = recorder();
    engine.speak(req('After the tap.'), b.events);
    await vi.advanceTimersByTimeAsync(3000);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(synth.wedged).toBe(false);
  });

  it('unlock() speaks nothing where no gesture unlock is needed (desktop, Linux, Android)', async () => {
    for (const userAgent of [WINDOWS_UA, LINUX_UA, ANDROID_UA, MAC_UA]) {
      const { engine, synth } = setup({}, { userAgent, maxTouchPoints: 0 });
      engine.unlock();
      expect(synth.log.filter((e) => e.type === 'speak'), userAgent).toEqual([]);
    }
  });

  it('unlock() after speech has started speaks nothing', async () => {
    const { engine, synth } = setup({}, { userAgent: IPHONE_UA });
    engine.speak(req('Already speaking.'), recorder().events);
    engine.unlock();
    expect(synth.log.filter((e) => e.type === 'speak').map((e) => e.text)).toEqual(['Already speaking.']);
  });

  it('needsGestureUnlock: iPhone, iPad, and iPadOS in desktop mode (a Mac UA with touch)', () => {
    expect(needsGestureUnlock(IPHONE_UA)).toBe(true);
    expect(needsGestureUnlock(IPHONE_UA.replace('iPhone', 'iPad'))).toBe(true);
    expect(needsGestureUnlock(MAC_UA, 5)).toBe(true);
    expect(needsGestureUnlock(MAC_UA, 0)).toBe(false);
    expect(needsGestureUnlock(ANDROID_UA, 5)).toBe(false);
    expect(needsGestureUnlock(LINUX_UA)).toBe(false);
  });
});

describe('never an empty utterance', () => {
  it('the fake models the Linux wedge: after an empty utterance nothing starts again', async () => {
    const synth = new FakeSynth();
    const empty = new FakeUtterance('');
    const errors: string[] = [];
    empty.onerror = (e) => errors.push(String(e.error));
    synth.speak(empty);
    const later = new FakeUtterance('Hello.');
    let started = false;
    later.onstart = () => (started = true);
    synth.speak(later);
    synth.cancel();
    synth.resume();
    synth.speak(later);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(errors).toEqual(['synthesis-failed']);
    expect(started).toBe(false);
  });

  it('empty, blank and fully spoken requests complete without reaching the synthesizer', async () => {
    const { engine, synth } = setup({}, { userAgent: LINUX_UA });
    const logs = ['', '   ', '\n'].map((text) => {
      const r = recorder();
      engine.speak(req(text), r.events);
      return r;
    });
    const after = recorder();
    engine.speak(req('Then this.'), after.events);
    await vi.advanceTimersByTimeAsync(5000);
    for (const r of logs) expect(eventTypes(r.log)).toEqual(['start', 'end']);
    expect(eventTypes(after.log)).toEqual(['start', 'end']);
    expect(synth.log.filter((e) => e.type === 'speak').map((e) => e.text)).toEqual(['Then this.']);
    expect(synth.wedged).toBe(false);
  });

  it("the store's pause at the very end of a sentence, then Play, sends no empty remainder", async () => {
    const { engine, synth } = setup({ boundaries: false }, { userAgent: LINUX_UA });
    const store = createPlayerStore({ engine });
    store.load(makeArticle([{ paragraphs: [['Short one.', 'Next one.']] }], { title: '', lang: 'en-US' }));
    store.play();
    await vi.advanceTimersByTimeAsync(700);
    store.pause();
    store.play();
    await vi.advanceTimersByTimeAsync(5000);
    expect(synth.log.filter((e) => e.type === 'speak').every((e) => e.text.trim() !== '')).toBe(true);
    expect(synth.wedged).toBe(false);
    expect(store.state.status).toBe('ended');
  });
});

describe('dispose', () => {
  it('cancels and stays silent afterwards', async () => {
    const { engine, synth } = setup();
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(300);
    engine.dispose();
    engine.speak(req('Ignored.'), a.events);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(eventTypes(a.log)).toEqual(['start']);
    expect(synth.log.filter((e) => e.type === 'speak')).toHaveLength(1);
  });
});

const ARTICLE = [
  SEED,
  'The recapture of the Great Mosque of al-Nuri marks a major stride in the eight-month battle to seize the city.',
  'Coalition officials said the fighting was fierce and the streets narrow.',
];

describe('voices that fire no events (Google voices on several platforms)', () => {
  it('the fake: no events reach the page, speaking and pending follow the queue as in Chromium', async () => {
    const synth = new FakeSynth({ noEvents: true });
    const one = new FakeUtterance('One two three.');
    const two = new FakeUtterance('Four.');
    let events = 0;
    for (const u of [one, two]) u.onstart = u.onend = u.onboundary = () => events++;
    synth.speak(one);
    synth.speak(two);
    expect([synth.speaking, synth.pending]).toEqual([true, true]);
    await vi.advanceTimersByTimeAsync(1000);
    expect([synth.speaking, synth.pending]).toEqual([true, false]); // "Four." is current
    await vi.advanceTimersByTimeAsync(2000);
    expect([synth.speaking, synth.pending]).toEqual([false, false]);
    expect(events).toBe(0);
    expect(synth.heard.map((h) => h.text)).toEqual(['One two three.', 'Four.']);
  });

  it('detects it, goes on with estimated start, boundaries and end, and every sentence is heard once, in order', async () => {
    const { engine, synth } = setup({ noEvents: true, voices: [fakeVoice('Google US English', 'en-US', { localService: false })] });
    const logs = ARTICLE.map((text) => {
      const r = recorder();
      engine.speak(req(text), r.events);
      return r;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    for (const [i, r] of logs.entries()) {
      expect(eventTypes(r.log)).toEqual(['start', 'end']);
      const b = r.log.filter((e) => e.type === 'boundary');
      expect(b.every((e) => e.estimated)).toBe(true);
      expect(b.map((e) => ARTICLE[i]!.slice(e.charIndex, e.charIndex! + e.charLength!))).toEqual(ARTICLE[i]!.split(' '));
      expectHeardOnce(synth, ARTICLE[i]!, 0);
    }
    // In order: each sentence starts after the previous one ended.
    for (let i = 1; i < logs.length; i++) expect(logs[i]!.log[0]!.at).toBeGreaterThanOrEqual(logs[i - 1]!.log.at(-1)!.at);
    // Never restarted (no cancel, each text handed over once) and never two at once.
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    expect(synth.log.filter((e) => e.type === 'speak').map((e) => e.text)).toEqual(ARTICLE);
    expect(synth.maxSounding).toBe(1);
  });

  it('hands such a voice one utterance at a time, so speaking === false means ours ended', async () => {
    const { engine, synth } = setup({ noEvents: true });
    const speakingAtHandOver: boolean[] = [];
    const speak = synth.speak.bind(synth);
    synth.speak = (u) => {
      speakingAtHandOver.push(synth.speaking);
      speak(u);
    };
    for (const text of ARTICLE) engine.speak(req(text), {});
    await vi.advanceTimersByTimeAsync(60_000);
    expect(speakingAtHandOver).toEqual([false, false, false]);
    const ended = synth.heard.map((h) => h.text);
    expect(ended).toEqual(ARTICLE);
  });

  it('ends each sentence close to when its audio ended (speaking polled), not on a guess', async () => {
    // A voice much slower than the average estimate.
    const { engine, synth } = setup({ noEvents: true, msPerChar: 120 });
    const r = recorder();
    engine.speak(req('A slow voice says this.'), r.events);
    await vi.advanceTimersByTimeAsync(10_000);
    const end = r.log.find((e) => e.type === 'end')!;
    const audioEnd = synth.log.find((e) => e.type === 'end')!; // the fake notes it even if it tells nobody
    expect(end.at - audioEnd.at).toBeGreaterThanOrEqual(0);
    expect(end.at - audioEnd.at).toBeLessThanOrEqual(500);
  });
});

describe('network voices (localService false)', () => {
  const google = fakeVoice('Google UK English Female', 'en-GB', { localService: false });

  it("a failing network voice reports 'network' (Chromium sends every platform error as synthesis-failed)", async () => {
    const { engine } = setup({ voices: [google], fail: () => 'synthesis-failed' });
    const r = recorder();
    engine.speak(req('Offline now.', { lang: 'en-GB' }), r.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.log.map((e) => e.code ?? e.type)).toEqual(['network']);
  });

  it('a failing local voice still reports synthesis-failed', async () => {
    const { engine } = setup({ fail: () => 'synthesis-failed' });
    const r = recorder();
    engine.speak(req('Broken.'), r.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.log.map((e) => e.code ?? e.type)).toEqual(['synthesis-failed']);
  });

  it('a slow first start (6 s) of a network voice is not a failure: no retry, no error, heard once', async () => {
    const { engine, synth } = setup({ voices: [google], firstStartDelayMs: 6000 });
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED, { lang: 'en-GB' }), a.events);
    engine.speak(req('And then this.', { lang: 'en-GB' }), b.events);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    expectHeardOnce(synth, SEED, 0);
    expectHeardOnce(synth, 'And then this.', 0);
  });

  it('a network voice that takes the text and never plays it ends in a stuck network error at its first deadline, not a hang', async () => {
    const { engine, synth } = setup({ voices: [google], swallow: () => true });
    const r = recorder();
    const next = recorder();
    engine.speak(req('Never heard.', { lang: 'en-GB' }), r.events);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.log.filter((e) => e.type === 'error')).toEqual([]); // not given up early
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.log.filter((e) => e.type === 'error').map((e) => e.code)).toEqual(['network']);
    // It never proved it can finish anything: no retry to double the silence (the session moves on).
    expect(synth.log.filter((e) => e.type === 'speak')).toHaveLength(1);
    engine.speak(req('Next.', { lang: 'en-GB' }), next.events);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next.log.filter((e) => e.type === 'error').map((e) => e.code)).toEqual(['network']);
  });
});

describe('chunks by spoken time (the ~15 s cut-off with room to spare)', () => {
  const long =
    'The recapture of the Great Mosque of al-Nuri, where Abu Bakr al-Baghdadi declared the ISIS caliphate in 2014, ' +
    'marks a major stride in the eight-month battle to seize the city from the terrorist group; coalition officials said ' +
    'the fighting was fierce, the streets narrow and mined, and the civilians trapped inside numbered in the thousands: ' +
    'a difficult fight — with days rather than weeks left to go, according to the spokesman who spoke from Baghdad on Thursday.';

  it('measures a slow voice on what it said and cuts later sentences so each takes about 10 s, never reaching the cut-off', async () => {
    // 9 characters a second: a 200-character chunk would take 22 s.
    const msPerChar = 1000 / 9;
    const { engine, synth } = setup({ cutoffMs: 15_000, msPerChar });
    engine.speak(req('A first sentence that lets the engine time this voice.'), {});
    // Fed once the voice has been heard (the store keeps two sentences queued,
    // so the third is fed when the first ends).
    await vi.advanceTimersByTimeAsync(8000);
    const r = recorder();
    engine.speak(req(long), r.events);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(eventTypes(r.log)).toEqual(['start', 'end']);
    const spoken = synth.log.filter((e) => e.type === 'speak' && long.includes(e.text)).map((e) => e.text);
    for (const t of spoken) expect(t.length * msPerChar).toBeLessThanOrEqual(11_000);
    // None was cut off: no flush was needed, and every word was heard once.
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    expectHeardOnce(synth, long, 0);
  });

  it('cuts longer chunks at a fast rate and shorter ones at a slow rate', async () => {
    for (const [rate, min, max] of [[2, 200, 300], [0.5, 40, 75]] as const) {
      const { engine, synth } = setup({ cutoffMs: 15_000 });
      engine.speak(req(long, { rate }), {});
      await vi.advanceTimersByTimeAsync(200_000);
      const spoken = synth.log.filter((e) => e.type === 'speak').map((e) => e.text);
      expect(Math.max(...spoken.map((t) => t.length)), `rate ${rate}`).toBeGreaterThan(min);
      for (const t of spoken) expect(t.length, `rate ${rate}`).toBeLessThanOrEqual(max);
      expectHeardOnce(synth, long, 0);
    }
  });

  it('after a cut-off with only estimated boundaries, goes on from a safe point before what was heard: no word lost', async () => {
    // A voice 1.7 times slower than the average and no boundary events: its
    // first chunk (cut for an average voice) runs past 15 s.
    const { engine, synth } = setup({ cutoffMs: 15_000, boundaries: false, msPerChar: 1000 / 9 });
    const r = recorder();
    const next = recorder();
    engine.speak(req(long), r.events);
    engine.speak(req('Next sentence.'), next.events);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(eventTypes(r.log)).toEqual(['start', 'end']);
    expect(eventTypes(next.log)).toEqual(['start', 'end']);
    expect(synth.log.some((e) => e.type === 'cancel')).toBe(true); // there was a cut-off
    // Some words said again (the estimate cannot know where the audio stopped), none lost.
    expectHeardOnce(synth, long, 10);
    expectHeardOnce(synth, 'Next sentence.', 0);
  });
});

describe('hidden pages and locked phones', () => {
  for (const boundaries of [true, false]) {
    it(`iOS pauses speech while hidden: nothing counts meanwhile, and coming back goes on from the last word (${boundaries ? 'real' : 'estimated'} boundaries)`, async () => {
      const p = page();
      const { engine, synth } = setup({ whenHidden: 'pause', boundaries }, { userAgent: IPHONE_UA, visibility: p.visibility });
      const a = recorder();
      const b = recorder();
      engine.speak(req(SEED), a.events);
      engine.speak(req('Then this one.'), b.events);
      await vi.advanceTimersByTimeAsync(3000);
      p.setHidden(synth, true);
      const n = synth.log.length;
      const events = a.log.length;
      await vi.advanceTimersByTimeAsync(120_000); // locked for two minutes
      expect(synth.log.slice(n).filter((e) => e.type !== 'pause')).toEqual([]); // no flush, no re-speak while hidden
      expect(a.log.length).toBe(events); // and no estimated words run on
      p.setHidden(synth, false);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(eventTypes(a.log)).toEqual(['start', 'end']);
      expect(eventTypes(b.log)).toEqual(['start', 'end']);
      expectHeardOnce(synth, SEED, boundaries ? 1 : 8);
      expectHeardOnce(synth, 'Then this one.', 0);
      expect(synth.maxSounding).toBe(1);
    });
  }

  it('a platform that drops the utterance while hidden: back again, it goes on from the last word', async () => {
    const p = page();
    const { engine, synth } = setup({ whenHidden: 'drop' }, { visibility: p.visibility });
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED), a.events);
    engine.speak(req('Then this one.'), b.events);
    await vi.advanceTimersByTimeAsync(3000);
    p.setHidden(synth, true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a.log.filter((e) => e.type === 'error')).toEqual([]);
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expectHeardOnce(synth, SEED, 1);
    expectHeardOnce(synth, 'Then this one.', 0);
  });

  it('a desktop tab in the background keeps speaking: nothing is restarted when it comes back', async () => {
    const p = page();
    const { engine, synth } = setup({ whenHidden: 'continue' }, { visibility: p.visibility });
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(2000);
    p.setHidden(synth, true);
    await vi.advanceTimersByTimeAsync(2000);
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    expectHeardOnce(synth, SEED, 0);
  });

  it('speech paused by the platform (paused true, not by us) stops the watchdog; it goes on when the platform resumes', async () => {
    const { engine, synth } = setup({ boundaries: false });
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(2000);
    synth.pause(); // the OS, e.g. an incoming call
    // Seen on the next watchdog tick (paused has no event we can rely on).
    await vi.advanceTimersByTimeAsync(300);
    const n = a.log.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a.log.length).toBe(n); // no estimated words, no watchdog restart
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    synth.resume();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expectHeardOnce(synth, SEED, 0);
    const idx = a.log.filter((e) => e.type === 'boundary').map((e) => e.charIndex!);
    expect(idx).toEqual([...SEED.matchAll(/\S+/g)].map((m) => m.index));
  });

  it('defaults to document.visibilityState when there is a document', async () => {
    const listeners = new Set<() => void>();
    const doc = {
      visibilityState: 'visible',
      addEventListener: (_t: string, cb: () => void) => listeners.add(cb),
      removeEventListener: (_t: string, cb: () => void) => listeners.delete(cb),
    };
    (globalThis as { document?: unknown }).document = doc;
    try {
      const { engine, synth } = setup({ whenHidden: 'pause' }, { userAgent: IPHONE_UA });
      expect(listeners.size).toBe(1);
      const a = recorder();
      engine.speak(req(SEED), a.events);
      await vi.advanceTimersByTimeAsync(3000);
      doc.visibilityState = 'hidden';
      synth.setHidden(true);
      for (const l of listeners) l();
      await vi.advanceTimersByTimeAsync(60_000);
      doc.visibilityState = 'visible';
      synth.setHidden(false);
      for (const l of listeners) l();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(eventTypes(a.log)).toEqual(['start', 'end']);
      expectHeardOnce(synth, SEED, 1);
      engine.dispose();
      expect(listeners.size).toBe(0);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});

describe('pause, hide, come back, resume (iOS)', () => {
  it('paused by the listener, then the phone locked: resume speaks again from the last word, since iOS resume() would stay silent', async () => {
    const p = page();
    const { engine, synth } = setup({ whenHidden: 'pause' }, { userAgent: IPHONE_UA, visibility: p.visibility });
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(3000);
    engine.pause();
    p.setHidden(synth, true);
    await vi.advanceTimersByTimeAsync(60_000);
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(1000);
    const resumedAt = Date.now();
    engine.resume();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expectHeardOnce(synth, SEED, 1);
    // The rest of the sentence (under 5 s) at once, not after a watchdog's wait (~18 s).
    expect(a.log.at(-1)!.at - resumedAt).toBeLessThan(6000);
  });

  it('a paused flag left stale by a voice without events does not freeze the watchdog after our own resume', async () => {
    const { engine, synth } = setup({ noEvents: true });
    // Chromium updates `paused` only on the platform's pause/resume events, which such a voice never sends.
    let stale = false;
    Object.defineProperty(synth, 'paused', { get: () => stale });
    const pause = synth.pause.bind(synth);
    synth.pause = () => {
      pause();
      stale = true;
    };
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED), a.events);
    engine.speak(req('Then this one.'), b.events);
    await vi.advanceTimersByTimeAsync(3000);
    engine.pause();
    await vi.advanceTimersByTimeAsync(1000);
    engine.resume(); // `paused` stays true from now on
    await vi.advanceTimersByTimeAsync(30_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expectHeardOnce(synth, SEED, 0);
    expectHeardOnce(synth, 'Then this one.', 0);
  });
});

describe('voices without events on a hidden page', () => {
  it('a desktop tab in the background: speech goes on sentence after sentence, nothing is said twice when it comes back', async () => {
    const p = page();
    const { engine, synth } = setup({ noEvents: true, whenHidden: 'continue' }, { visibility: p.visibility });
    const logs = ARTICLE.map((text) => {
      const r = recorder();
      engine.speak(req(text), r.events);
      return r;
    });
    await vi.advanceTimersByTimeAsync(3000);
    p.setHidden(synth, true);
    const hiddenAt = Date.now();
    await vi.advanceTimersByTimeAsync(30_000);
    // The next sentences were handed over while the tab was in the background.
    expect(synth.log.filter((e) => e.type === 'speak' && e.at > hiddenAt).map((e) => e.text)).toEqual(ARTICLE.slice(1));
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(30_000);
    for (const [i, r] of logs.entries()) {
      expect(eventTypes(r.log)).toEqual(['start', 'end']);
      expectHeardOnce(synth, ARTICLE[i]!, 0);
    }
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
  });

  it('dropped while hidden before it could have ended: back again, the sentence is said again, nothing skipped', async () => {
    const p = page();
    const { engine, synth } = setup({ noEvents: true, whenHidden: 'drop' }, { visibility: p.visibility });
    const a = recorder();
    const b = recorder();
    engine.speak(req(SEED), a.events);
    engine.speak(req('Then this one.'), b.events);
    await vi.advanceTimersByTimeAsync(3000);
    p.setHidden(synth, true);
    await vi.advanceTimersByTimeAsync(60_000);
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    // Nothing is known to have been heard of it (no events): it is said again from its start.
    expectHeardOnce(synth, SEED, 8);
    expectHeardOnce(synth, 'Then this one.', 0);
  });
});

describe('someone else speaking first', () => {
  it("with a voice without events, our start is not inferred while another utterance is ahead of ours (pending)", async () => {
    const { engine, synth } = setup({ noEvents: true });
    synth.speak(new FakeUtterance(ARTICLE[1]!)); // another script on the page, 7 s
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(30_000);
    const foreignEnd = synth.log.find((e) => e.type === 'end' && e.text === ARTICLE[1])!.at;
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(a.log[0]!.at).toBeGreaterThanOrEqual(foreignEnd);
    // Its estimated words follow its own audio, not the other one's.
    const boundaries = a.log.filter((e) => e.type === 'boundary');
    expect(boundaries[0]!.at).toBeGreaterThanOrEqual(foreignEnd);
    expectHeardOnce(synth, SEED, 0);
  });
});

describe('stale paused flag and a hidden tab', () => {
  it('after our own pause and resume of a voice without events, hiding the tab and coming back restarts nothing', async () => {
    const p = page();
    const { engine, synth } = setup({ noEvents: true, whenHidden: 'continue' }, { visibility: p.visibility });
    let stale = false;
    Object.defineProperty(synth, 'paused', { get: () => stale });
    const pause = synth.pause.bind(synth);
    synth.pause = () => {
      pause();
      stale = true;
    };
    const a = recorder();
    engine.speak(req(SEED), a.events);
    await vi.advanceTimersByTimeAsync(2000);
    engine.pause();
    engine.resume();
    await vi.advanceTimersByTimeAsync(1000);
    p.setHidden(synth, true);
    await vi.advanceTimersByTimeAsync(1000);
    p.setHidden(synth, false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(synth.log.filter((e) => e.type === 'cancel')).toEqual([]);
    expectHeardOnce(synth, SEED, 0);
  });
});

describe('speed measure floor', () => {
  it('a voice measured implausibly fast (a silent audio device) still gets chunks a real voice says in time', async () => {
    // 400 characters a second, as ALSA's null device plays speech-dispatcher here.
    const { engine, synth } = setup({ msPerChar: 2.5 });
    engine.speak(req('A first sentence that lets the engine time this voice.'), {});
    await vi.advanceTimersByTimeAsync(1000);
    const long = Array.from({ length: 10 }, () => SEED).join(' ');
    engine.speak(req(long), {});
    await vi.advanceTimersByTimeAsync(10_000);
    const spoken = synth.log.filter((e) => e.type === 'speak').map((e) => e.text).slice(1);
    expect(spoken.length).toBeGreaterThan(1);
    // 10 s at 40 characters a second at most.
    for (const t of spoken) expect(t.length).toBeLessThanOrEqual(400);
  });
});
