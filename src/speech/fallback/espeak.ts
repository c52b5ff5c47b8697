/**
 * eSpeak NG (WebAssembly build compiled to JS, GPL-3.0) with one language's
 * voice data: text in, 16-bit samples and word timings out. No Web Audio
 * here, so Node (the benchmark) can use it as well as the browser.
 *
 * This module and everything it imports form the fallback chunk: only
 * import it dynamically.
 */
import type { EspeakModule, EspeakModuleArgs, ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';

type CreateDataFile = EspeakModule['FS_createDataFile'];
type EspeakFactory = (args?: EspeakModuleArgs) => Promise<EspeakModule>;
import { PACK_MAGIC, type FallbackLanguage } from './languages.ts';

export interface PackFile {
  path: string;
  start: number;
  end: number;
}

export interface VoicePack {
  lang: string;
  files: Map<string, Uint8Array>;
  voices: Array<{ id: string; name: string; lang: string }>;
}

/** Reads a pack written by scripts/build-voice-data.ts. */
export function parsePack(buffer: ArrayBuffer): VoicePack {
  const bytes = new Uint8Array(buffer);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== PACK_MAGIC) throw new Error('Not an eSpeak voice pack');
  const headerLength = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    lang: string;
    files: PackFile[];
    voices: VoicePack['voices'];
  };
  const base = 8 + headerLength;
  const files = new Map<string, Uint8Array>();
  for (const f of header.files) files.set(f.path, bytes.subarray(base + f.start, base + f.end));
  return { lang: header.lang, files, voices: header.voices };
}

/**
 * Where a language's pack lives: next to this module, so it is found
 * wherever the widget is served from (Vite emits the files as assets).
 */
export function packUrl(lang: FallbackLanguage): URL {
  return PACK_URLS[lang]();
}

/**
 * eSpeak's code: a copy of the package's espeak-ng.js made by
 * scripts/build-voice-data.ts (see there why), loaded by URL so bundlers
 * copy the already minified file as is: re-minifying wasm2js output makes it
 * bigger (1.7 MB instead of 0.84 MB). Types are declared for the package name.
 */
const CODE_URL = (): URL => new URL('./data/espeak-ng.js?no-inline', import.meta.url);

// One static `new URL()` per pack so Vite emits each as its own asset file;
// `?no-inline` keeps Vite's library mode (the widget build) from inlining
// 0.7 MB packs into the chunk as base64. Dev servers ignore the query.
const PACK_URLS: Record<FallbackLanguage, () => URL> = {
  en: () => new URL('./data/en.espeak?no-inline', import.meta.url),
  de: () => new URL('./data/de.espeak?no-inline', import.meta.url),
  fr: () => new URL('./data/fr.espeak?no-inline', import.meta.url),
  es: () => new URL('./data/es.espeak?no-inline', import.meta.url),
};

export interface SynthesisWord {
  /** UTF-16 offset into the text. */
  charIndex: number;
  charLength: number;
  /** When the word starts, in ms from the start of the audio. */
  timeMs: number;
}

export interface Synthesis {
  /** Mono samples in [-1, 1]. */
  samples: Float32Array;
  sampleRate: number;
  durationMs: number;
  words: SynthesisWord[];
}

export interface SynthesisOptions {
  /** eSpeak voice path under lang/ ("gmw/en-US"); default: the pack's language. */
  voice?: string;
  /** 0.5–3, 1 = 175 words a minute. */
  rate?: number;
  /** 0–2, 1 = normal. */
  pitch?: number;
}

/**
 * Receives audio while synthesis goes on. When it is called, the synthesis
 * finally returned is only the rest: the parts and then the rest, played
 * back to back, are the whole text (word times are from each one's start,
 * character offsets from the text's).
 */
export type PartSink = (part: Synthesis) => void;

/** What the fallback engine synthesizes with: eSpeak on this thread, or in the worker. */
export interface FallbackSynthesizer {
  readonly lang: string;
  readonly voices: VoicePack['voices'];
  /** With `onPart`, a synthesizer may hand over the start of the audio early (it need not). */
  synthesize(text: string, options?: SynthesisOptions, onPart?: PartSink): Synthesis | Promise<Synthesis>;
}

/** eSpeak on this thread. */
export interface EspeakSynthesizer extends FallbackSynthesizer {
  /** Synthesizes `text` synchronously (tens to hundreds of ms for a sentence). */
  synthesize(text: string, options?: SynthesisOptions, onPart?: PartSink): Synthesis;
}

/**
 * Streaming (`onPart`), measured in Chromium's worker and in Node: warm,
 * eSpeak makes a sentence in ~20 ms, and one message is cheapest; cold (its
 * code still in V8's interpreter, the first sentences after start-up) the
 * seed sentence took 400–900 ms, but its first 100 ms of audio came after
 * ~50 ms and the rest at about 6× real time. So audio is handed over only
 * once a synthesis has run this long…
 */
const STREAM_AFTER_MS = 30;
/**
 * …and then again when as much audio as was handed over is ready (parts
 * double: the seed sentence goes in ~6 messages, not one per 100 ms), or
 * sooner when what was handed over and not yet heard falls under this
 * (counted from the first part, as if it started playing at once).
 */
const STREAM_MARGIN_MS = 150;

export interface LoadOptions {
  /**
   * How to fetch a pack; default fetch(). Node passes a file reader; the
   * player, its IndexedDB copy. Runs on the page's thread even when eSpeak
   * runs in a worker: the returned buffer is then transferred (detached), so
   * return a buffer nobody else keeps using.
   */
  fetchPack?: (url: URL, lang: FallbackLanguage) => Promise<ArrayBuffer>;
  /** Override the pack location. */
  packUrl?: (lang: FallbackLanguage) => URL;
}

/** eSpeak's words per minute at rate 1, and the limits its synthesizer accepts. */
const BASE_WPM = 175;
const MIN_WPM = 80;
const MAX_WPM = 450;

/** Maps 1-based code point positions (eSpeak's) to UTF-16 offsets. */
function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return offsets;
}

const cache = new Map<string, Promise<EspeakSynthesizer>>();

/**
 * Loads eSpeak NG with the voice data of `lang` only. Cached per language;
 * the first call costs the code import (~250 KB gzip), the pack fetch
 * (~0.4 MB gzip) and eSpeak's start-up.
 */
export function loadEspeak(lang: FallbackLanguage, options: LoadOptions = {}): Promise<EspeakSynthesizer> {
  let p = cache.get(lang);
  if (!p) {
    p = load(lang, options);
    cache.set(lang, p);
    p.catch(() => cache.delete(lang));
  }
  return p;
}

let code: Promise<{ default: EspeakFactory }> | null = null;

/**
 * Starts importing eSpeak's code (~250 KB gzip) without a language: the
 * worker does it as soon as it starts, while the main thread fetches the
 * pack. Idempotent; a failed import may be tried again.
 */
export function preloadEspeakCode(): Promise<unknown> {
  if (!code) {
    code = import(/* @vite-ignore */ CODE_URL().href) as Promise<{ default: EspeakFactory }>;
    code.catch(() => (code = null));
  }
  return code;
}

/** Fetches a pack by URL; fails with the HTTP status in the message (the engine reports it as `network`). */
export async function fetchArrayBuffer(url: URL): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Voice data ${url.pathname}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

async function load(lang: FallbackLanguage, options: LoadOptions): Promise<EspeakSynthesizer> {
  const url = (options.packUrl ?? packUrl)(lang);
  const [, buffer] = await Promise.all([preloadEspeakCode(), (options.fetchPack ?? fetchArrayBuffer)(url, lang)]);
  return startEspeak(buffer);
}

/**
 * Starts an eSpeak instance on a pack already in memory (the worker's way in:
 * it never needs the packs' URLs, so its bundle does not reference them).
 */
export async function startEspeak(buffer: ArrayBuffer): Promise<EspeakSynthesizer> {
  const { default: factory } = (await preloadEspeakCode()) as { default: EspeakFactory };
  const pack = parsePack(buffer);
  const args: EspeakModuleArgs = {
    // The package's JS would fetch its 24 MB espeak-ng.data next to itself
    // (it ignores locateFile). Handing over an empty "preloaded" package
    // stops that; the file list baked into the JS is then served from our
    // pack by name, and files of other languages are simply not created.
    getPreloadedPackage: () => new ArrayBuffer(0),
    print: () => {},
    printErr: () => {},
  };
  // Emscripten assigns Module.FS_createDataFile during start-up and the file
  // packager calls it through Module (runWithFS, which runs before any
  // preRun hook of ours): a setter wraps whatever it assigns.
  let createDataFile: CreateDataFile | undefined;
  Object.defineProperty(args, 'FS_createDataFile', {
    configurable: true,
    enumerable: true,
    set(fn: CreateDataFile) {
      createDataFile = fn;
    },
    get(): CreateDataFile | undefined {
      const create = createDataFile;
      if (!create) return undefined;
      return (parent, name, _data, canRead, canWrite) => {
        const bytes = name === null ? pack.files.get(parent) : undefined;
        if (!bytes) return undefined;
        // canOwn false: the bytes are a view into the pack's buffer.
        return create(parent, name, bytes, canRead, canWrite, false);
      };
    },
  });
  const module = await factory(args);
  const worker = new module.eSpeakNGWorker();
  // No warm-up phrase: measured, it cost 100–200 ms of CPU at load and did
  // not make the first real sentence faster.
  return makeSynthesizer(worker, pack);
}

function makeSynthesizer(worker: ESpeakNGWorker, pack: VoicePack): EspeakSynthesizer {
  const sampleRate = worker.get_samplerate();
  let currentVoice: string | null = null;
  const defaultVoice = pack.voices.find((v) => v.lang.toLowerCase().split('-')[0] === pack.lang && !v.id.includes('-'))?.id ?? pack.voices[0]?.id;
  return {
    lang: pack.lang,
    voices: pack.voices,
    synthesize(text, options = {}, onPart) {
      const voice = options.voice && pack.voices.some((v) => v.id === options.voice) ? options.voice : defaultVoice;
      if (voice && voice !== currentVoice) {
        if (worker.set_voice(voice) !== 0) throw new Error(`eSpeak could not load voice ${voice}`);
        currentVoice = voice;
      }
      worker.rate = Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, BASE_WPM * (options.rate ?? 1))));
      worker.pitch = Math.round(Math.min(99, Math.max(0, 50 * (options.pitch ?? 1))));
      let chunks: Int16Array[] = [];
      const words: SynthesisWord[] = [];
      const offsets = codePointOffsets(text);
      let length = 0;
      const t0 = performance.now();
      // What was handed to onPart already: samples, words, and when the first part went.
      let sent = 0;
      let sentWords = 0;
      let firstSentAt = 0;
      /** The audio since the last part, and the words in it, timed from its start. */
      const take = (all: boolean): Synthesis => {
        const out = new Float32Array(length - sent);
        let at = 0;
        for (const c of chunks) {
          for (let i = 0; i < c.length; i++) out[at + i] = c[i]! / 32768;
          at += c.length;
        }
        const startMs = (sent / sampleRate) * 1000;
        const endMs = (length / sampleRate) * 1000;
        let n = sentWords;
        // A word that starts in audio not made yet goes with the next part.
        while (n < words.length && (all || words[n]!.timeMs < endMs)) n++;
        const partWords = words.slice(sentWords, n).map((w) => ({ ...w, timeMs: Math.max(0, w.timeMs - startMs) }));
        chunks = [];
        sent = length;
        sentWords = n;
        return { samples: out, sampleRate, durationMs: endMs - startMs, words: partWords };
      };
      worker.synthesize(text, (samples, events) => {
        if (samples.length > 0) {
          chunks.push(samples);
          length += samples.length;
        }
        for (const e of events) {
          if (e.type !== 'word') continue;
          const startCp = Math.max(0, e.text_position - 1);
          let start = offsets[Math.min(startCp, offsets.length - 1)]!;
          let end = offsets[Math.min(startCp + e.word_length, offsets.length - 1)]!;
          // eSpeak reports the word after a spoken-as-pause dash ("--") at
          // the dash: move such events onto the word that follows.
          if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) {
            const next = /[^\s]*[\p{L}\p{N}][^\s]*/u.exec(text.slice(end));
            if (!next) continue;
            start = end + next.index;
            end = start + next[0].length;
          }
          const previous = words.at(-1);
          if (previous && start <= previous.charIndex) continue; // never report a word twice
          words.push({ charIndex: start, charLength: end - start, timeMs: e.audio_position });
        }
        if (onPart && length > sent) {
          const now = performance.now();
          if (now - t0 >= STREAM_AFTER_MS) {
            const aheadMs = (sent / sampleRate) * 1000 - (firstSentAt ? now - firstSentAt : 0);
            if (!firstSentAt || aheadMs < STREAM_MARGIN_MS || length - sent >= sent) {
              firstSentAt ||= now;
              onPart(take(false));
            }
          }
        }
        return false; // keep going
      });
      return take(true);
    },
  };
}
