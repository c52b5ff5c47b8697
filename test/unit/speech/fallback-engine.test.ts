import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFallbackEngine } from '../../../src/speech/fallback/fallback-engine.ts';
import type { EspeakSynthesizer, Synthesis } from '../../../src/speech/fallback/espeak.ts';
import { eventTypes, recorder } from '../../support/utterance-recorder.ts';

/** An AudioContext whose clock is Date.now() (fake timers), frozen while suspended. */
class FakeAudioContext {
  state: 'running' | 'suspended' | 'closed';
  starts: Array<{ at: number; duration: number }> = [];
  stopped = 0;
  private base = Date.now();
  private frozenAt: number | null = null;
  private offset = 0;
  destination = {};
  constructor(initial: 'running' | 'suspended' = 'running') {
    this.state = initial;
    if (initial === 'suspended') this.frozenAt = Date.now();
  }
  get currentTime(): number {
    const now = this.frozenAt ?? Date.now();
    return (now - this.base - this.offset) / 1000;
  }
  async suspend(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'suspended';
    this.frozenAt = Date.now();
  }
  async resume(): Promise<void> {
    if (this.state !== 'suspended' || this.blocked) return;
    this.offset += Date.now() - this.frozenAt!;
    this.frozenAt = null;
    this.state = 'running';
  }
  blocked = false;
  async close(): Promise<void> {
    this.state = 'closed';
  }
  createBuffer(_channels: number, length: number, sampleRate: number) {
    const data = new Float32Array(length);
    return { duration: length / sampleRate, getChannelData: () => data };
  }
  createGain() {
    return { gain: { value: 1 }, connect: (d: unknown) => d, disconnect: () => {} };
  }
  createBufferSource() {
    const ctx = this;
    return {
      buffer: null as null | { duration: number },
      onended: null,
      connect: (g: unknown) => g,
      disconnect: () => {},
      start(at: number) {
        ctx.starts.push({ at, duration: this.buffer!.duration });
      },
      stop() {
        ctx.stopped++;
      },
    };
  }
}

/** Synthesizes 100 ms of "audio" per word, one word event per word. */
const fakeSynth: EspeakSynthesizer = {
  lang: 'en',
  voices: [],
  synthesize(text, options = {}): Synthesis {
    const rate = options.rate ?? 1;
    const words = [...text.matchAll(/\S+/g)].map((m, i) => ({ charIndex: m.index, charLength: m[0].length, timeMs: (i * 100) / rate }));
    const durationMs = (words.length * 100) / rate;
    const sampleRate = 22050;
    return { samples: new Float32Array(Math.round((durationMs / 1000) * sampleRate)), sampleRate, durationMs, words };
  },
};

const realSynthesize = fakeSynth.synthesize.bind(fakeSynth);

function setup(state: 'running' | 'suspended' = 'running') {
  const ctx = new FakeAudioContext(state);
  const loads: string[] = [];
  const engine = createFallbackEngine({
    audioContext: () => ctx as unknown as AudioContext,
    loadSynthesizer: async (lang) => {
      loads.push(lang);
      return fakeSynth;
    },
  });
  return { ctx, engine, loads };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('fallback engine scheduling (scripted synthesizer, fake audio clock)', () => {
  it('schedules each sentence to start at the exact time the previous one ends', async () => {
    const { ctx, engine } = setup();
    const a = recorder();
    const b = recorder();
    const c = recorder();
    engine.speak({ text: 'one two three', lang: 'en', rate: 1, volume: 1 }, a.events);
    engine.speak({ text: 'four five', lang: 'en', rate: 1, volume: 1 }, b.events);
    engine.speak({ text: 'six', lang: 'en', rate: 1, volume: 1 }, c.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(eventTypes(c.log)).toEqual(['start', 'end']);
    expect(ctx.starts).toHaveLength(3);
    for (let i = 1; i < ctx.starts.length; i++) {
      const prev = ctx.starts[i - 1]!;
      expect(ctx.starts[i]!.at).toBeCloseTo(prev.at + prev.duration, 3);
    }
  });

  it('fires word boundaries from the synthesizer timing on the audio clock', async () => {
    const { engine } = setup();
    const a = recorder();
    engine.speak({ text: 'alpha beta gamma delta', lang: 'en-GB', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(1000);
    const b = a.log.filter((e) => e.type === 'boundary');
    expect(b.map((e) => e.charIndex)).toEqual([0, 6, 11, 17]);
    const start = a.log[0]!.at;
    // 100 ms per word: the engine wakes when each word is due.
    b.forEach((e, i) => expect(Math.abs(e.at - start - i * 100)).toBeLessThanOrEqual(55));
  });

  it('plays a long sentence clause by clause, back to back, with one start, one end and offsets into the whole text', async () => {
    const { ctx, engine } = setup();
    const synthesized: string[] = [];
    const spy = vi.spyOn(fakeSynth, 'synthesize').mockImplementation((text, opts) => {
      synthesized.push(text);
      return realSynthesize(text, opts);
    });
    const text = 'Mosul\'s liberation is "imminent," but the battle "still remains a difficult fight," with days left.';
    const a = recorder();
    engine.speak({ text, lang: 'en', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(3000);
    spy.mockRestore();
    expect(synthesized).toEqual([
      'Mosul\'s liberation is "imminent,"',
      'but the battle "still remains a difficult fight,"',
      'with days left.',
    ]);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    const words = a.log.filter((e) => e.type === 'boundary').map((e) => text.slice(e.charIndex).split(' ')[0]);
    expect(words).toEqual(text.split(' '));
    expect(ctx.starts).toHaveLength(3);
    for (let i = 1; i < 3; i++) expect(ctx.starts[i]!.at).toBeCloseTo(ctx.starts[i - 1]!.at + ctx.starts[i - 1]!.duration, 3);
  });

  it('pause freezes the clock and the events; resume continues', async () => {
    const { engine } = setup();
    const a = recorder();
    engine.speak({ text: 'a b c d e f g h', lang: 'en', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(320);
    engine.pause();
    const n = a.log.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(a.log.length).toBe(n);
    engine.resume();
    await vi.advanceTimersByTimeAsync(2000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(a.log.filter((e) => e.type === 'boundary')).toHaveLength(8);
  });

  it('cancel stops the sources and no events follow', async () => {
    const { ctx, engine } = setup();
    const a = recorder();
    const b = recorder();
    engine.speak({ text: 'a b c d e f g h', lang: 'en', rate: 1, volume: 1 }, a.events);
    engine.speak({ text: 'queued', lang: 'en', rate: 1, volume: 1 }, b.events);
    await vi.advanceTimersByTimeAsync(250);
    engine.cancel();
    const n = a.log.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(a.log.length).toBe(n);
    expect(b.log).toEqual([]);
    expect(ctx.stopped).toBe(2);
  });

  it('passes rate to the synthesizer, not to playback', async () => {
    const { ctx, engine } = setup();
    engine.speak({ text: 'a b c d', lang: 'en', rate: 2, volume: 1 }, {});
    await vi.advanceTimersByTimeAsync(10);
    expect(ctx.starts[0]!.duration).toBeCloseTo(0.2, 2);
  });

  it('loads only the pack of the language spoken, and reports no-voice for others', async () => {
    const { engine, loads } = setup();
    const a = recorder();
    engine.speak({ text: 'hallo', lang: 'de-AT', rate: 1, volume: 1 }, {});
    engine.speak({ text: 'konnichiwa', lang: 'ja', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(loads).toEqual(['de']);
    expect(a.log.map((e) => e.code)).toEqual(['no-voice']);
  });

  it('reports not-allowed when the AudioContext stays suspended (no user gesture)', async () => {
    const { ctx, engine } = setup('suspended');
    ctx.blocked = true;
    const a = recorder();
    engine.speak({ text: 'hello there', lang: 'en', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(2000);
    expect(a.log.map((e) => e.code ?? e.type)).toEqual(['not-allowed']);
  });
});

describe('fallback engine with a streaming synthesizer (a cold first sentence)', () => {
  /** The words of `text` from `from` to `to`, 100 ms each, timed from the part's own start. */
  function part(text: string, from: number, to: number): Synthesis {
    const all = [...text.matchAll(/\S+/g)];
    const words = all.slice(from, to).map((m, i) => ({ charIndex: m.index, charLength: m[0].length, timeMs: i * 100 }));
    const sampleRate = 22050;
    return { samples: new Float32Array(Math.round(words.length * 0.1 * sampleRate)), sampleRate, durationMs: words.length * 100, words };
  }

  it('plays the parts as they come, back to back, then the rest: one start, every word once in order, one end', async () => {
    const ctx = new FakeAudioContext('running');
    const store = new Map<string, import('../../../src/speech/types.ts').CachedSynthesis>();
    const text = 'one two three four five six seven';
    const engine = createFallbackEngine({
      audioContext: () => ctx as unknown as AudioContext,
      audioCache: { get: async () => undefined, put: async (k, audio) => void store.set(k.text, audio) },
      loadSynthesizer: async () => ({
        ...fakeSynth,
        // Two words at once, one more 100 ms later, the rest after 250 ms (before the parts have played).
        synthesize: (t, _o, onPart) =>
          new Promise<Synthesis>((resolve) => {
            onPart!(part(t, 0, 2));
            setTimeout(() => onPart!(part(t, 2, 3)), 100);
            setTimeout(() => resolve(part(t, 3, 7)), 250);
          }),
      }),
    });
    const a = recorder();
    engine.speak({ text, lang: 'en', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(50);
    // Sounding before the synthesis is done.
    expect(ctx.starts).toHaveLength(1);
    expect(eventTypes(a.log)).toEqual(['start']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(a.log.filter((e) => e.type === 'boundary').map((e) => text.slice(e.charIndex).split(' ')[0])).toEqual(text.split(' '));
    expect(ctx.starts.map((x) => Math.round(x.duration * 10))).toEqual([2, 1, 4]);
    for (let i = 1; i < 3; i++) expect(ctx.starts[i]!.at).toBeCloseTo(ctx.starts[i - 1]!.at + ctx.starts[i - 1]!.duration, 3);
    // The cache keeps the whole sentence as one piece, timed from its start.
    const kept = store.get(text)!;
    expect(kept.words.map((w) => w.timeMs)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(kept.samples.length).toBe(Math.round(0.2 * 22050) + Math.round(0.1 * 22050) + Math.round(0.4 * 22050));
  });

  it('asks for parts only while the listener waits: a sentence queued behind audio comes in one answer', async () => {
    const ctx = new FakeAudioContext('running');
    const streamed: Record<string, boolean> = {};
    const engine = createFallbackEngine({
      audioContext: () => ctx as unknown as AudioContext,
      loadSynthesizer: async () => ({
        ...fakeSynth,
        synthesize: (t, o, onPart) => {
          streamed[t] = !!onPart;
          return realSynthesize(t, o);
        },
      }),
    });
    engine.speak({ text: 'first sentence here', lang: 'en', rate: 1, volume: 1 }, {});
    await vi.advanceTimersByTimeAsync(50);
    engine.speak({ text: 'second one', lang: 'en', rate: 1, volume: 1 }, {});
    await vi.advanceTimersByTimeAsync(1000);
    expect(streamed).toEqual({ 'first sentence here': true, 'second one': false });
  });

  it('drops parts that arrive after cancel()', async () => {
    const ctx = new FakeAudioContext('running');
    let later: ((p: Synthesis) => void) | undefined;
    const engine = createFallbackEngine({
      audioContext: () => ctx as unknown as AudioContext,
      loadSynthesizer: async () => ({
        ...fakeSynth,
        synthesize: (t, _o, onPart) =>
          new Promise<Synthesis>((resolve) => {
            later = onPart;
            setTimeout(() => resolve(part(t, 1, 2)), 300);
          }),
      }),
    });
    const a = recorder();
    engine.speak({ text: 'one two', lang: 'en', rate: 1, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(10);
    engine.cancel();
    later!(part('one two', 0, 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(ctx.starts).toHaveLength(0);
    expect(a.log).toEqual([]);
  });
});

describe('fallback engine audio cache', () => {
  function cachedSetup() {
    const ctx = new FakeAudioContext('running');
    const loads: string[] = [];
    const synthesized: string[] = [];
    const store = new Map<string, import('../../../src/speech/types.ts').CachedSynthesis>();
    const keyOf = (k: import('../../../src/speech/types.ts').SynthesisKey) => JSON.stringify(k);
    const engine = createFallbackEngine({
      audioContext: () => ctx as unknown as AudioContext,
      loadSynthesizer: async (lang) => {
        loads.push(lang);
        return {
          ...fakeSynth,
          synthesize(text, options) {
            synthesized.push(text);
            return realSynthesize(text, options);
          },
        };
      },
      audioCache: {
        get: async (k) => store.get(keyOf(k)),
        put: async (k, audio) => void store.set(keyOf(k), audio),
      },
    });
    return { ctx, engine, loads, synthesized, store };
  }

  it('plays a piece heard before from the cache: no synthesis, no eSpeak load, the same events', async () => {
    const first = cachedSetup();
    const a = recorder();
    first.engine.speak({ text: 'alpha beta gamma', lang: 'en', rate: 1.5, volume: 1 }, a.events);
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.synthesized).toEqual(['alpha beta gamma']);
    expect(first.store.size).toBe(1);

    // A later visit: a new engine over the same cache.
    const second = cachedSetup();
    for (const [k, v] of first.store) second.store.set(k, v);
    const b = recorder();
    second.engine.speak({ text: 'alpha beta gamma', lang: 'en', rate: 1.5, volume: 1 }, b.events);
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.synthesized).toEqual([]);
    expect(second.loads).toEqual([]);
    expect(eventTypes(b.log)).toEqual(eventTypes(a.log));
    expect(b.log.filter((e) => e.type === 'boundary').map((e) => e.charIndex)).toEqual([0, 6, 11]);
  });

  it('synthesizes again when the rate differs, and keeps playing when the cache fails', async () => {
    const { engine, synthesized, store } = cachedSetup();
    engine.speak({ text: 'one two', lang: 'en', rate: 1, volume: 1 }, recorder().events);
    engine.speak({ text: 'one two', lang: 'en', rate: 2, volume: 1 }, recorder().events);
    await vi.advanceTimersByTimeAsync(1000);
    expect(synthesized).toEqual(['one two', 'one two']);
    expect(store.size).toBe(2);

    const ctx = new FakeAudioContext('running');
    const broken = createFallbackEngine({
      audioContext: () => ctx as unknown as AudioContext,
      loadSynthesizer: async () => fakeSynth,
      audioCache: { get: () => Promise.reject(new Error('blocked')), put: () => Promise.reject(new Error('full')) },
    });
    const c = recorder();
    broken.speak({ text: 'still heard', lang: 'en', rate: 1, volume: 1 }, c.events);
    await vi.advanceTimersByTimeAsync(1000);
    expect(eventTypes(c.log)).toEqual(['start', 'end']);
  });
});

describe('fallback engine prepare(lang)', () => {
  it('loads the pack of a language before anything in it is spoken, and only packs it ships', async () => {
    const { engine, loads } = setup();
    engine.prepare!('fr-FR');
    engine.prepare!('ja');
    engine.prepare!();
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toEqual(['fr']);
  });
});
