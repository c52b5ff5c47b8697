import { afterEach, describe, expect, it, vi } from 'vitest';
import { audioBytes, audioKey, cachedFile, createAudioCache, sentenceAudioCache, type CachedAudio } from '../../../src/storage/audio-cache.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { freshStorage, simulateQuota } from '../../support/storage-helpers.ts';

afterEach(() => vi.restoreAllMocks());

/** `n` samples of a recognisable ramp, so a round trip proves the bytes. */
const audio = (n: number, seed = 1): CachedAudio => ({
  sampleRate: 22050,
  samples: Int16Array.from({ length: n }, (_, i) => (i * seed) % 30000),
  words: [
    { charIndex: 0, charLength: 5, timeMs: 0 },
    { charIndex: 6, charLength: 4, timeMs: 310 },
  ],
});

describe('audioKey', () => {
  it('differs by text, voice, rate and pitch, and is stable', () => {
    const k = audioKey('Mosul fell.', 'en-us', 1);
    expect(audioKey('Mosul fell.', 'en-us', 1)).toBe(k);
    const others = [
      audioKey('Mosul fell!', 'en-us', 1),
      audioKey('Mosul fell.', 'en-gb', 1),
      audioKey('Mosul fell.', 'en-us', 1.5),
      audioKey('Mosul fell.', 'en-us', 1, 1.2),
    ];
    expect(new Set([k, ...others]).size).toBe(5);
  });
  it('treats float noise in the rate as the same rate', () => {
    expect(audioKey('a', 'v', 1.1)).toBe(audioKey('a', 'v', 1.1000000000000001));
  });
  it('has no collisions over many similar sentences', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20000; i++) keys.add(audioKey(`Sentence number ${i}.`, 'v', 1));
    expect(keys.size).toBe(20000);
  });
});

describe('createAudioCache', () => {
  it('round-trips samples (Int16 and Float32) and word timings', async () => {
    const { storage, problems } = freshStorage();
    const cache = createAudioCache({ storage });
    const a = audio(1000, 3);
    await cache.put('k1', a);
    const f: CachedAudio = { sampleRate: 24000, samples: Float32Array.from([0.5, -0.25, 0]), words: [] };
    await cache.put('k2', f);
    const got = (await cache.get('k1'))!;
    expect(got.samples).toBeInstanceOf(Int16Array);
    expect([...got.samples]).toEqual([...a.samples]);
    expect(got.words).toEqual(a.words);
    expect(got.sampleRate).toBe(22050);
    const back = (await cache.get('k2'))!;
    expect(back.samples).toBeInstanceOf(Float32Array);
    expect([...back.samples]).toEqual([0.5, -0.25, 0]);
    expect(await cache.get('missing')).toBeUndefined();
    // Floats are kept as 16-bit: 2 bytes a sample, not 4.
    expect(await cache.usage()).toBe(audioBytes(a) + audioBytes({ ...f, samples: new Int16Array(3) }));
    expect(problems).toEqual([]);
  });

  it('gives a 16-bit synthesizer\'s float samples (x / 32768) back exactly, in half the bytes', async () => {
    const { storage } = freshStorage();
    const cache = createAudioCache({ storage });
    const ints = Int16Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 65536) - 32768);
    const floats = Float32Array.from(ints, (x) => x / 32768);
    await cache.put('f', { sampleRate: 22050, samples: floats, words: [] });
    const got = (await cache.get('f'))!;
    expect(got.samples).toBeInstanceOf(Float32Array);
    expect(got.samples).toEqual(floats);
    expect(await cache.usage()).toBe(audioBytes({ sampleRate: 22050, samples: ints, words: [] }));
    // Out-of-range floats are clamped, not wrapped.
    await cache.put('clip', { sampleRate: 22050, samples: Float32Array.from([1.5, -2]), words: [] });
    expect([...(await cache.get('clip'))!.samples]).toEqual([32767 / 32768, -1]);
  });

  it('stays within the byte budget by evicting the least recently used', async () => {
    const { storage } = freshStorage();
    let t = 0;
    const one = audioBytes(audio(1000));
    const cache = createAudioCache({ storage, budgetBytes: one * 3, now: () => ++t });
    await cache.put('a', audio(1000));
    await cache.put('b', audio(1000));
    await cache.put('c', audio(1000));
    expect(await cache.keys()).toEqual(['a', 'b', 'c']);
    // Using "a" makes "b" the least recently used.
    expect(await cache.get('a')).toBeDefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.keys()).toEqual(['b', 'c', 'a']);
    await cache.put('d', audio(1000));
    expect(await cache.keys()).toEqual(['c', 'a', 'd']);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.usage()).toBeLessThanOrEqual(one * 3);
    // A big one pushes out as many as it needs, oldest first.
    await cache.put('big', audio(2000));
    expect(await cache.keys()).toEqual(['d', 'big']);
    expect(await storage.get('audio', 'c')).toBeUndefined();
  });

  it('replacing a key does not count it twice', async () => {
    const { storage } = freshStorage();
    const one = audioBytes(audio(1000));
    const cache = createAudioCache({ storage, budgetBytes: one * 2 });
    await cache.put('a', audio(1000));
    await cache.put('b', audio(1000));
    await cache.put('b', audio(1000, 2));
    expect(await cache.keys()).toEqual(['a', 'b']);
  });

  it('skips audio larger than the whole budget', async () => {
    const { storage } = freshStorage();
    const cache = createAudioCache({ storage, budgetBytes: 100 });
    await cache.put('huge', audio(1000));
    expect(await cache.get('huge')).toBeUndefined();
  });

  it('on QuotaExceededError evicts more and retries once, then gives up quietly (one report)', async () => {
    const { storage, problems } = freshStorage();
    let t = 0;
    const one = audioBytes(audio(1000));
    const cache = createAudioCache({ storage, budgetBytes: one * 4, now: () => ++t });
    for (const k of ['a', 'b', 'c']) await cache.put(k, audio(1000));
    // The browser refuses the first attempt: the retry with half the budget succeeds.
    let refusals = 1;
    let restore = simulateQuota((_v, key) => key === 'd' && refusals-- > 0);
    await cache.put('d', audio(1000));
    restore();
    expect(await cache.keys()).toEqual(['c', 'd']);
    expect(problems).toEqual([]);
    // Now it refuses everything: put resolves, nothing is lost, one report.
    restore = simulateQuota(() => true);
    await expect(cache.put('e', audio(1000))).resolves.toBeUndefined();
    await expect(cache.put('f', audio(1000))).resolves.toBeUndefined();
    restore();
    expect(await cache.keys()).toEqual(['c', 'd']);
    expect(problems.map(([k]) => k)).toEqual(['quota']);
  });

  it('a corrupt sample record is a miss, and its index entry goes too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    const cache = createAudioCache({ storage });
    await cache.put('k', audio(10));
    await storage.set('audio', 'k', { v: 1, sampleRate: 22050, samples: [1, 2, 3], words: [] });
    expect(await cache.get('k')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 10));
    expect(await cache.keys()).toEqual([]);
    expect(problems.map(([k]) => k)).toEqual(['corrupt']);
  });

  it('with storage blocked, get misses and put resolves', async () => {
    const cache = createAudioCache({ storage: openStorage({ indexedDB: null }) });
    await expect(cache.put('k', audio(10))).resolves.toBeUndefined();
    expect(await cache.get('k')).toBeUndefined();
  });

  it('clear() empties it', async () => {
    const { storage } = freshStorage();
    const cache = createAudioCache({ storage });
    await cache.put('k', audio(10));
    expect(await cache.clear()).toBe(true);
    expect(await cache.usage()).toBe(0);
    expect(await cache.get('k')).toBeUndefined();
  });
});

describe('cachedFile (the fallback voice data)', () => {
  const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251).buffer;
  function fileServer(files: Record<string, ArrayBuffer>) {
    const calls: string[] = [];
    let online = true;
    const f: typeof fetch = async (input) => {
      calls.push(String(input));
      if (!online) throw new TypeError('Failed to fetch');
      const b = files[String(input)];
      return b ? new Response(b.slice(0)) : new Response('no', { status: 404 });
    };
    return { fetch: f, calls, offline: () => (online = false) };
  }

  it('fetches once, then serves the stored bytes (offline too)', async () => {
    const { storage } = freshStorage();
    const srv = fileServer({ '/assets/espeak-en-abc123.data': bytes(5000) });
    const opts = { storage, fetch: srv.fetch, controlled: false };
    const first = await cachedFile('espeak-en', '/assets/espeak-en-abc123.data', opts);
    srv.offline();
    const second = await cachedFile('espeak-en', '/assets/espeak-en-abc123.data', opts);
    expect(new Uint8Array(second)).toEqual(new Uint8Array(first));
    expect(srv.calls).toHaveLength(1);
  });

  it('replaces the stored file when the build gives a new URL', async () => {
    const { storage } = freshStorage();
    const srv = fileServer({ '/a-v1.data': bytes(10), '/a-v2.data': bytes(20) });
    const opts = { storage, fetch: srv.fetch, controlled: false };
    await cachedFile('voice', '/a-v1.data', opts);
    expect((await cachedFile('voice', '/a-v2.data', opts)).byteLength).toBe(20);
    expect((await cachedFile('voice', '/a-v2.data', opts)).byteLength).toBe(20);
    expect(srv.calls).toEqual(['/a-v1.data', '/a-v2.data']);
  });

  it('writes no second copy under a service worker (its precache holds the file)', async () => {
    const { storage } = freshStorage();
    const srv = fileServer({ '/v.data': bytes(10) });
    await cachedFile('voice', '/v.data', { storage, fetch: srv.fetch, controlled: true });
    await cachedFile('voice', '/v.data', { storage, fetch: srv.fetch, controlled: true });
    expect(srv.calls).toHaveLength(2);
    expect(await storage.get('files', 'voice')).toBeUndefined();
  });

  it('rejects on a missing file; storage trouble alone never rejects', async () => {
    const srv = fileServer({ '/v.data': bytes(10) });
    await expect(cachedFile('voice', '/nope.data', { storage: freshStorage().storage, fetch: srv.fetch })).rejects.toThrow(/404/);
    const blocked = openStorage({ indexedDB: null });
    expect((await cachedFile('voice', '/v.data', { storage: blocked, fetch: srv.fetch, controlled: false })).byteLength).toBe(10);
  });

  it('on quota, clears sentence audio to make room for the voice data', async () => {
    const { storage, problems } = freshStorage();
    const cache = createAudioCache({ storage });
    await cache.put('k', audio(100));
    let refusals = 1;
    const restore = simulateQuota((_v, key) => key === 'voice' && refusals-- > 0);
    const srv = fileServer({ '/v.data': bytes(10) });
    await cachedFile('voice', '/v.data', { storage, fetch: srv.fetch, controlled: false });
    restore();
    expect(await cache.keys()).toEqual([]);
    expect(await storage.get('files', 'voice')).toBeDefined();
    expect(problems).toEqual([]);
  });
});

describe('sentenceAudioCache (what the fallback engine is given)', () => {
  it('finds audio by what shapes the sound, stored under audioKey', async () => {
    const { storage } = freshStorage();
    const engineCache = sentenceAudioCache({ storage });
    const key = { text: 'Mosul fell.', voice: 'gmw/en-US', rate: 1.5, pitch: 1 };
    await engineCache.put(key, audio(100));
    expect((await engineCache.get(key))?.samples).toEqual(audio(100).samples);
    expect(await engineCache.get({ ...key, rate: 2 })).toBeUndefined();
    // The same record the rest of the cache (eviction, budget) sees.
    expect(await createAudioCache({ storage }).get(audioKey('Mosul fell.', 'gmw/en-US', 1.5, 1))).toBeDefined();
  });
});
