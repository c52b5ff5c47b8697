/**
 * Chooses the engine for an article: the platform's Web Speech when it has a
 * voice for the article's language, else the eSpeak NG fallback, which is
 * imported only then (its own lazy chunk, GPL-3.0: see docs/licensing.md).
 */
import type { SpeechEngine } from './types.ts';
import type { FallbackEngineOptions } from './fallback/fallback-engine.ts';
import { canSpeak } from './voices.ts';
import { createWebSpeechEngine, usesSpeechDispatcher, type WebSpeechEngineOptions } from './webspeech-engine.ts';
import { packFor } from './fallback/languages.ts';
import { createSessionEngine, type SessionEngineOptions } from './session-engine.ts';

export interface SelectEngineOptions {
  /** The article's language (BCP 47). */
  lang: string;
  /** Force an engine; 'fallback' still yields Web Speech if the fallback lacks the language. */
  prefer?: 'webspeech' | 'fallback';
  /** Passed to the Web Speech engine (tests inject a fake synthesizer here). */
  webSpeech?: WebSpeechEngineOptions;
  /**
   * How long to wait for Web Speech voices before using the fallback.
   * Default 3000 ms, 6000 ms where speech-dispatcher provides them (Linux
   * desktops), which was seen taking over 6 s on a busy machine.
   */
  voicesTimeoutMs?: number;
  /**
   * Loads the fallback engine. Default: a dynamic import of
   * ./fallback/fallback-engine.ts with the article's language preloaded.
   * Builds without the fallback pass a function that rejects.
   */
  loadFallback?: (lang: string) => Promise<SpeechEngine>;
  /**
   * Storage for the default fallback: its sentence audio cache and how it
   * fetches voice packs (the player passes its IndexedDB copies, loaded
   * lazily). Storage that cannot be had only means no caching.
   */
  fallbackStorage?: Promise<Pick<FallbackEngineOptions, 'audioCache' | 'fetchPack'>>;
}

/**
 * Build flag: `define: { __ALOUD_FALLBACK__: 'false' }` in a Vite config
 * removes the fallback (GPL-3.0) from the build — the dynamic import below
 * becomes dead code and its chunks are never emitted. Unset means included.
 */
declare const __ALOUD_FALLBACK__: boolean | undefined;

async function defaultLoadFallback(
  lang: string,
  storage?: SelectEngineOptions['fallbackStorage'],
  shared: { audioContext?: () => AudioContext } = {},
): Promise<SpeechEngine> {
  if (typeof __ALOUD_FALLBACK__ !== 'undefined' && !__ALOUD_FALLBACK__) {
    throw new Error('This build of Aloud has no fallback voice.');
  }
  const { createFallbackEngine } = await import('./fallback/fallback-engine.ts');
  const stored = storage ? await storage.catch(() => ({})) : {};
  return createFallbackEngine({ ...stored, ...shared, preload: lang });
}

/** Options of createSessionSpeech: as createSpeechEngine's, without the wait. */
export type SessionSpeechOptions = Omit<SelectEngineOptions, 'voicesTimeoutMs' | 'prefer'> &
  Pick<SessionEngineOptions, 'voicesWatchMs' | 'preloadAfterMs' | 'maxWebFailures'>;

/**
 * The engine a player uses, returned at once: Web Speech where it exists
 * and the fallback where it ships the language, chosen per utterance by
 * createSessionEngine (session-engine.ts). Voices are looked for from now,
 * not from the first Play, and Play never waits for them: with no platform
 * voice known yet, the fallback speaks, and the store moves to a platform
 * voice when one arrives.
 */
export function createSessionSpeech(options: SessionSpeechOptions): SpeechEngine {
  const web = hasSynth(options.webSpeech) ? createWebSpeechEngine({ voicesTimeoutMs: 3000, ...options.webSpeech }) : null;
  const load = options.loadFallback;
  const fallbackShipped = typeof __ALOUD_FALLBACK__ === 'undefined' || __ALOUD_FALLBACK__;
  return createSessionEngine({
    lang: options.lang,
    web,
    loadFallback: load
      ? (lang) => load(lang)
      : fallbackShipped
        ? (lang, shared) => defaultLoadFallback(lang, options.fallbackStorage, shared)
        : null,
    voicesWatchMs: options.voicesWatchMs,
    preloadAfterMs: options.preloadAfterMs,
    maxWebFailures: options.maxWebFailures,
  });
}

function hasSynth(options: WebSpeechEngineOptions | undefined): boolean {
  if (options?.synth && options.Utterance) return true;
  const g = globalThis as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown };
  return Boolean((options?.synth ?? g.speechSynthesis) && (options?.Utterance ?? g.SpeechSynthesisUtterance));
}

/**
 * Resolves to the engine that should read an article in `lang`:
 * 1. Web Speech, when `speechSynthesis` exists and, after waiting for the
 *    voices to arrive, lists a voice that can speak `lang`;
 * 2. otherwise the fallback engine, when it ships `lang`;
 * 3. otherwise Web Speech if it exists at all (its voices are offered in the
 *    picker; speak() reports `no-voice`), else the fallback (which reports
 *    `no-voice` on speak()).
 * Never rejects unless the fallback fails to load and there is no Web Speech.
 */
export async function createSpeechEngine(options: SelectEngineOptions): Promise<SpeechEngine> {
  const { lang } = options;
  const loadFallback = options.loadFallback ?? ((l: string) => defaultLoadFallback(l, options.fallbackStorage));
  const fallbackSpeaks = packFor(lang) !== null;

  if (options.prefer === 'fallback' && fallbackSpeaks) return loadFallback(lang);

  let web: SpeechEngine | null = null;
  if (hasSynth(options.webSpeech)) {
    const ua = options.webSpeech?.userAgent ?? (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
    web = createWebSpeechEngine({
      ...options.webSpeech,
      voicesTimeoutMs:
        options.voicesTimeoutMs ?? options.webSpeech?.voicesTimeoutMs ?? (usesSpeechDispatcher(ua) ? 6000 : 3000),
    });
    const voices = await web.getVoices();
    if (options.prefer === 'webspeech' && voices.length > 0) return web;
    if (voices.some((v) => canSpeak(v, lang))) return web;
  }
  if (fallbackSpeaks) {
    try {
      const fallback = await loadFallback(lang);
      web?.dispose();
      return fallback;
    } catch (err) {
      if (!web) throw err;
    }
  }
  if (web) return web;
  return loadFallback(lang);
}
