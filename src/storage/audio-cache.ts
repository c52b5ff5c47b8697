/**
 * Sentence audio of the fallback engine, kept so a sentence heard before
 * plays again without synthesis (offline too), within a byte budget with
 * least-recently-used eviction; and the engine's voice data file.
 *
 * Samples live in `audio`; their size and last use in `audio-index`, so
 * eviction and touching a record's last use never read or rewrite samples.
 */
import type { SynthesisCache, SynthesisKey } from '../speech/types.ts';
import { checkRecord, getStorage, type AloudStorage, type RecordSpec, type StoreName, type WriteOp } from './db.ts';

/** A word's place in the sentence text and in the audio. */
export interface WordTiming {
  /** UTF-16 offset into the text that was synthesized. */
  charIndex: number;
  charLength: number;
  /** Start of the word in the audio, ms. */
  timeMs: number;
}

/** One synthesized sentence. */
export interface CachedAudio {
  sampleRate: number;
  /**
   * Mono samples, given back in the type they were put in. Float samples are
   * stored as 16-bit: exact for a 16-bit synthesizer's x / 32768, otherwise
   * within 1/65536 (inaudible).
   */
  samples: Int16Array | Float32Array;
  words: readonly WordTiming[];
}

/**
 * What the fallback engine accepts as its `audioCache` option. Both methods
 * resolve whatever happens to storage; a miss is `undefined`.
 */
export interface SentenceAudioCache {
  get(key: string): Promise<CachedAudio | undefined>;
  put(key: string, audio: CachedAudio): Promise<void>;
}

interface AudioRecord extends CachedAudio {
  v: 1;
  /** Float samples stored as 16-bit (half the bytes); give them back as floats. */
  float?: true;
}

/**
 * eSpeak's samples are 16-bit; the engine hands them over as x / 32768, so
 * storing floats as Int16 is exact for them and halves what the budget holds.
 */
function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32768)));
  return out;
}
function toFloat32(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! / 32768;
  return out;
}
interface IndexRecord {
  v: 1;
  bytes: number;
  lastUsed: number;
}

const AUDIO: RecordSpec<AudioRecord> = {
  version: 1,
  valid: (r) =>
    typeof r.sampleRate === 'number' &&
    r.sampleRate > 0 &&
    (r.samples instanceof Int16Array || r.samples instanceof Float32Array) &&
    Array.isArray(r.words) &&
    r.words.every(
      (w: unknown) =>
        typeof w === 'object' &&
        w !== null &&
        typeof (w as WordTiming).charIndex === 'number' &&
        typeof (w as WordTiming).charLength === 'number' &&
        typeof (w as WordTiming).timeMs === 'number',
    ),
};
const INDEX: RecordSpec<IndexRecord> = {
  version: 1,
  valid: (r) => typeof r.bytes === 'number' && r.bytes >= 0 && typeof r.lastUsed === 'number',
};

/** 53-bit string hash (cyrb53), two seeds: a 106-bit key, ample for sentence counts. */
function hash53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The cache key of a sentence's audio: a hash of exactly what shapes the
 * sound. `rate` is rounded to hundredths so 1.1 and 1.1000000000000001 share.
 */
export function audioKey(text: string, voiceId: string, rate: number, pitch = 1): string {
  const s = `${voiceId}\u0000${Math.round(rate * 100)}\u0000${Math.round(pitch * 100)}\u0000${text}`;
  return `${hash53(s, 1)}.${hash53(s, 2)}.${text.length}`;
}

/** Bytes a record costs, near enough for a budget: samples plus a little per word. */
export function audioBytes(audio: CachedAudio): number {
  return audio.samples.byteLength + audio.words.length * 32 + 64;
}

export interface AudioCacheOptions {
  storage?: AloudStorage;
  /** Default 20 MB. */
  budgetBytes?: number;
  now?: () => number;
}

/** The cache plus what the player's settings and the tests need. */
export interface AudioCache extends SentenceAudioCache {
  /** Bytes of audio currently stored. */
  usage(): Promise<number>;
  /** Keys, least recently used first. */
  keys(): Promise<string[]>;
  clear(): Promise<boolean>;
}

export const DEFAULT_AUDIO_BUDGET = 20 * 1024 * 1024;

/** A {@link SentenceAudioCache} over IndexedDB. */
export function createAudioCache(options: AudioCacheOptions = {}): AudioCache {
  const storage = options.storage ?? getStorage();
  const budget = options.budgetBytes ?? DEFAULT_AUDIO_BUDGET;
  const now = options.now ?? Date.now;

  const readIndex = async (): Promise<Array<[string, IndexRecord]>> => {
    const out: Array<[string, IndexRecord]> = [];
    for (const [key, raw] of await storage.entries('audio-index')) {
      const r = checkRecord(storage, 'audio-index', key, raw, INDEX);
      if (r && typeof key === 'string') out.push([key, r]);
    }
    return out.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
  };

  const drop = (key: string): WriteOp[] => [
    { store: 'audio', key, value: undefined },
    { store: 'audio-index', key, value: undefined },
  ];

  /** Oldest-first deletions until `incoming` more bytes fit in `limit`. */
  const evictFor = (index: Array<[string, IndexRecord]>, key: string, incoming: number, limit: number): WriteOp[] => {
    const others = index.filter(([k]) => k !== key);
    let total = others.reduce((n, [, r]) => n + r.bytes, 0);
    const ops: WriteOp[] = [];
    for (const [k, r] of others) {
      if (total + incoming <= limit) break;
      ops.push(...drop(k));
      total -= r.bytes;
    }
    return ops;
  };

  return {
    async get(key) {
      const raw = await storage.get('audio', key);
      const record = checkRecord(storage, 'audio', key, raw, AUDIO);
      if (!record) {
        // A damaged or orphaned sample record must not keep its index entry's bytes.
        if (raw !== undefined) void storage.del('audio-index', key);
        return undefined;
      }
      const bytes = audioBytes(record);
      // Touch quietly: a failed touch only makes eviction slightly less exact.
      void storage.tryWrite([{ store: 'audio-index', key, value: { v: 1, bytes, lastUsed: now() } satisfies IndexRecord }]);
      const samples = record.float && record.samples instanceof Int16Array ? toFloat32(record.samples) : record.samples;
      return { sampleRate: record.sampleRate, samples, words: record.words };
    },

    async put(key, audio) {
      const float = audio.samples instanceof Float32Array;
      const record: AudioRecord = {
        v: 1,
        sampleRate: audio.sampleRate,
        samples: audio.samples instanceof Float32Array ? toInt16(audio.samples) : audio.samples,
        words: audio.words.map((w) => ({ charIndex: w.charIndex, charLength: w.charLength, timeMs: w.timeMs })),
      };
      if (float) record.float = true;
      const bytes = audioBytes(record);
      if (bytes > budget) return;
      const ops: WriteOp[] = [
        { store: 'audio', key, value: record },
        { store: 'audio-index', key, value: { v: 1, bytes, lastUsed: now() } satisfies IndexRecord },
      ];
      const index = await readIndex();
      let result = await storage.tryWrite([...evictFor(index, key, bytes, budget), ...ops]);
      if (result === 'quota') {
        // The browser's limit is below ours: halve what we keep and retry once.
        result = await storage.tryWrite([...evictFor(index, key, bytes, budget / 2), ...ops]);
      }
      if (result !== true) storage.report(result);
    },

    async usage() {
      return (await readIndex()).reduce((n, [, r]) => n + r.bytes, 0);
    },

    async keys() {
      return (await readIndex()).map(([k]) => k);
    },

    async clear() {
      const stores: StoreName[] = ['audio', 'audio-index'];
      return (
        (await storage.transact(stores, 'readwrite', async (tx) => {
          for (const s of stores) tx.objectStore(s).clear();
          return true;
        })) ?? false
      );
    },
  };
}

interface FileRecord {
  v: 1;
  url: string;
  data: ArrayBuffer;
}
const FILE: RecordSpec<FileRecord> = {
  version: 1,
  valid: (r) => typeof r.url === 'string' && r.data instanceof ArrayBuffer,
};

/**
 * The bytes of a data file (the fallback engine's voice data), from
 * IndexedDB when the stored copy came from the same `url`, otherwise from
 * the network, then kept under `name`. Because bundled asset URLs carry a
 * content hash, a new build's file replaces the old one under the same name
 * and stale data is never served.
 *
 * Where a service worker controls the page (the demo), its precache already
 * holds the file, so no second copy is written. Rejects only when the file
 * is neither stored nor fetchable.
 */
export async function cachedFile(
  name: string,
  url: string,
  options: { storage?: AloudStorage; fetch?: typeof fetch; controlled?: boolean } = {},
): Promise<ArrayBuffer> {
  const storage = options.storage ?? getStorage();
  const stored = checkRecord(storage, 'files', name, await storage.get('files', name), FILE);
  if (stored?.url === url) return stored.data;
  const res = await (options.fetch ?? globalThis.fetch)(url);
  if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`);
  const data = await res.arrayBuffer();
  const controlled = options.controlled ?? Boolean(globalThis.navigator?.serviceWorker?.controller);
  if (!controlled) {
    const op: WriteOp = { store: 'files', key: name, value: { v: 1, url, data } satisfies FileRecord };
    let result = await storage.tryWrite([op]);
    if (result === 'quota') {
      // Voice data matters more than old sentence audio: make room and retry once.
      await createAudioCache({ storage }).clear();
      result = await storage.tryWrite([op]);
    }
    if (result !== true) storage.report(result);
  }
  return data;
}

/**
 * The cache as the fallback speech engine asks for it: keyed by what shapes
 * the sound, stored under {@link audioKey}.
 */
export function sentenceAudioCache(options: AudioCacheOptions = {}): SynthesisCache {
  const cache = createAudioCache(options);
  const keyOf = (k: SynthesisKey) => audioKey(k.text, k.voice, k.rate, k.pitch);
  return {
    get: (k) => cache.get(keyOf(k)),
    put: (k, audio) => cache.put(keyOf(k), audio),
  };
}

/**
 * What the fallback speech engine keeps in storage: each sentence's audio,
 * and its voice pack (under one name per language, so a new build's pack
 * replaces the old one).
 */
export function fallbackStorage(): {
  audioCache: SynthesisCache;
  fetchPack: (url: URL, lang: string) => Promise<ArrayBuffer>;
} {
  return {
    audioCache: sentenceAudioCache(),
    fetchPack: (url, lang) => cachedFile(`voice-pack-${lang}`, url.href),
  };
}
