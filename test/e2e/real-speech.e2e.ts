// Our Web Speech engine against Chromium's REAL speechSynthesis, backed by
// speech-dispatcher + espeak-ng (Debian packages). Never calls pause(): on
// this backend it wedges speech-dispatcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchRealSpeech, type RealSpeech } from './support/real-speech/harness.ts';
import type { createWebSpeechEngine } from '../../src/speech/webspeech-engine.ts';

type Api = { createWebSpeechEngine: typeof createWebSpeechEngine };
type Ev = { u: string; type: string; t: number; code?: string; charIndex?: number; estimated?: boolean };
declare global {
  interface Window {
    aloudSpeech: Api;
    engine: ReturnType<typeof createWebSpeechEngine>;
    events: Ev[];
  }
}

let rs: RealSpeech;

// ALSA's null device swallows audio faster than real time: an utterance
// lasts only as long as espeak-ng takes to synthesize it (~400 characters a
// second here). Cancel tests therefore use long texts and cancel at once.
const LONG = Array.from(
  { length: 8 },
  () =>
    'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul, still under ISIS control, ' +
    'with days rather than weeks left to go.',
).join(' ');

beforeAll(async () => {
  rs = await launchRealSpeech();
  await rs.page.evaluate(() => {
    window.events = [];
    window.engine = window.aloudSpeech.createWebSpeechEngine({ voicesTimeoutMs: 15_000 });
  });
});

afterAll(async () => {
  await rs?.page.evaluate(() => window.engine.cancel()).catch(() => {});
  await rs?.close();
});

/** Speaks through our engine, recording its events under `name`. */
function speak(name: string, text: string): Promise<void> {
  return rs.page.evaluate(
    ([u, text]) => {
      const log = (type: string, extra: Partial<Ev> = {}) => window.events.push({ u, type, t: performance.now(), ...extra });
      window.engine.speak(
        { text, lang: 'en', rate: 1.5, volume: 0.1 },
        {
          onStart: () => log('start'),
          onEnd: () => log('end'),
          onError: (e) => log('error', { code: e.code }),
          onBoundary: (b) => log('boundary', { charIndex: b.charIndex, estimated: b.estimated }),
        },
      );
    },
    [name, text] as const,
  );
}

async function waitFor(pred: (events: Ev[]) => boolean, timeoutMs = 20_000): Promise<Ev[]> {
  const t0 = Date.now();
  for (;;) {
    const events = await rs.page.evaluate(() => window.events);
    if (pred(events)) return events;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Web Speech engine on real speechSynthesis (speech-dispatcher + espeak-ng)', () => {
  it('finds English voices after they arrive, and knows pause() is unsafe here', async () => {
    const { voices, canPause, ua } = await rs.page.evaluate(async () => ({
      voices: await window.engine.getVoices(),
      canPause: window.engine.canPause,
      ua: navigator.userAgent,
    }));
    expect(voices.length).toBeGreaterThan(0);
    expect(voices.some((v) => v.lang.toLowerCase().startsWith('en'))).toBe(true);
    expect(ua).toMatch(/Linux/);
    expect(canPause).toBe(false);
  });

  it('speaks queued utterances in order: start and end of each, boundaries estimated', async () => {
    await speak('a', 'Iraqi forces are locked in battle.');
    await speak('b', 'The end is near.');
    const events = await waitFor((e) => e.some((x) => x.u === 'b' && (x.type === 'end' || x.type === 'error')));
    const seq = events.filter((e) => e.type !== 'boundary').map((e) => `${e.u}:${e.type}`);
    expect(seq).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    const boundaries = events.filter((e) => e.type === 'boundary');
    expect(boundaries.length).toBeGreaterThan(0);
    // The backend sends none, so every boundary is our estimate.
    expect(boundaries.every((b) => b.estimated === true)).toBe(true);
    const a = boundaries.filter((b) => b.u === 'a').map((b) => b.charIndex!);
    expect(a).toEqual([...a].sort((x, y) => x - y));
  });

  it('the raw backend reports interrupted on cancel and sends no boundary events', async () => {
    const raw = await rs.page.evaluate(
      (text) =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('en'));
          const u = new SpeechSynthesisUtterance(text);
          if (voice) u.voice = voice;
          u.volume = 0.1;
          u.onboundary = () => seen.push('boundary');
          u.onstart = () => {
            seen.push('start');
            setTimeout(() => speechSynthesis.cancel(), 100);
          };
          u.onend = () => {
            seen.push('end');
            resolve(seen);
          };
          u.onerror = (e) => {
            seen.push(`error:${e.error}`);
            resolve(seen);
          };
          speechSynthesis.speak(u);
          setTimeout(() => resolve(seen), 15_000);
        }),
      LONG,
    );
    expect(raw).toEqual(['start', 'error:interrupted']);
  });

  it('after cancel() no events of the cancelled utterance reach the caller, and speech goes on', async () => {
    await rs.page.evaluate(() => (window.events = []));
    await speak('long', LONG);
    await speak('queued', 'This one never plays.');
    await waitFor((e) => e.some((x) => x.u === 'long' && x.type === 'start'), 20_000);
    await rs.page.evaluate(() => {
      window.engine.cancel();
      window.events.push({ u: '-', type: 'cancelled', t: performance.now() });
    });
    await speak('after', 'Fresh start.');
    const events = await waitFor((e) => e.some((x) => x.u === 'after' && (x.type === 'end' || x.type === 'error')));
    await new Promise((r) => setTimeout(r, 1000));
    const final = await rs.page.evaluate(() => window.events);
    const cut = final.findIndex((e) => e.type === 'cancelled');
    const stale = final.slice(cut + 1).filter((e) => e.u === 'long' || e.u === 'queued');
    expect(stale).toEqual([]);
    expect(final.filter((e) => e.u === 'queued')).toEqual([]);
    expect(events.filter((e) => e.u === 'after' && e.type !== 'boundary').map((e) => e.type)).toEqual(['start', 'end']);
  });
});
