/**
 * The engine a player session speaks through: the platform's Web Speech and
 * the bundled eSpeak NG fallback behind the one SpeechEngine interface,
 * choosing per utterance and switching only between utterances.
 *
 * Why one engine over two instead of choosing once: the choice cannot wait.
 * Web Speech voices arrive late (1.5–6 s on Linux, later on iOS), and a
 * listener who presses Play before must hear something within a second, so
 * the fallback starts at once; when a platform voice arrives the store
 * moves to it at a sentence boundary. Voices also fail mid-article (a
 * network voice offline, a synthesizer that stops starting utterances):
 * the rest of the session goes on with another voice from the sentence
 * where it failed, and the store is told (`subscribe`) so the listener is.
 *
 * Utterances are kept in order across engines: one queued for the other
 * engine waits until every earlier one has ended, so two never sound at
 * once and the switch is exactly at an utterance boundary.
 */
import type {
  EngineChange,
  SpeechEngine,
  SpeechErrorCode,
  UtteranceEvents,
  UtteranceHandle,
  UtteranceRequest,
  VoiceInfo,
} from './types.ts';
import { chooseVoice } from './voices.ts';
import { deliver } from './deliver.ts';
import { FALLBACK_VOICES, packFor } from './fallback/languages.ts';

export interface SessionEngineOptions {
  /** The article's language (BCP 47): what the fallback is preloaded for. */
  lang: string;
  /** The platform's Web Speech engine, or null where there is none. */
  web: SpeechEngine | null;
  /**
   * Loads the fallback engine (a lazy chunk). `audioContext` is one created
   * inside the listener's gesture, where the session had to make it (iOS keeps
   * a context made outside one suspended). Null: no fallback in this build.
   */
  loadFallback: ((lang: string, shared: { audioContext?: () => AudioContext }) => Promise<SpeechEngine>) | null;
  /** How long to keep looking for Web Speech voices that have not arrived. Default 30 s. */
  voicesWatchMs?: number;
  /** Load the fallback after this long with no platform voice for the language. Default 3000 ms. */
  preloadAfterMs?: number;
  /** Synthesis failures of Web Speech in a row before the rest goes to the fallback. Default 2. */
  maxWebFailures?: number;
}

type Target = 'web' | 'fallback' | 'none';

interface Job {
  handle: UtteranceHandle;
  request: UtteranceRequest;
  events: UtteranceEvents;
  target: Target;
  dispatched: boolean;
  started: boolean;
  /** Bumped whenever the job is handed to an engine again: events of an older hand-over are stale. */
  epoch: number;
}

const FAILING: readonly SpeechErrorCode[] = ['synthesis-failed', 'no-voice', 'unknown'];

/** Creates the session engine. Construction starts looking for voices at once. */
export function createSessionEngine(options: SessionEngineOptions): SpeechEngine {
  const { web, loadFallback } = options;
  const voicesWatchMs = options.voicesWatchMs ?? 30_000;
  const maxWebFailures = Math.max(1, options.maxWebFailures ?? 2);
  const fallbackVoices: readonly VoiceInfo[] = loadFallback ? FALLBACK_VOICES : [];

  let webVoices: VoiceInfo[] = [];
  /** Web Speech voices given up on for this session (network voices that failed). */
  const brokenVoices = new Set<string>();
  /** Web Speech as a whole given up on (it kept failing). */
  let webBroken = false;
  let webFailures = 0;
  let fallback: SpeechEngine | null = null;
  let fallbackLoad: Promise<SpeechEngine> | null = null;
  let fallbackBroken = false;
  let ctx: AudioContext | null = null;
  let jobs: Job[] = [];
  let generation = 0;
  let nextId = 1;
  let disposed = false;
  /** Engines handed anything since the last cancel: only they are cancelled. */
  const used = new Set<SpeechEngine>();
  const listeners = new Set<(change: EngineChange) => void>();
  let preloadTimer: ReturnType<typeof setTimeout> | null = null;
  let watchTimer: ReturnType<typeof setTimeout> | null = null;

  const fallbackSpeaks = (lang: string): boolean => !!loadFallback && !fallbackBroken && packFor(lang) !== null;
  const usableWeb = (): VoiceInfo[] => (web && !webBroken ? webVoices.filter((v) => !brokenVoices.has(v.id)) : []);
  const webVoiceFor = (lang: string): VoiceInfo | null => chooseVoice(usableWeb(), lang);
  const allVoices = (): VoiceInfo[] => [...usableWeb(), ...(fallbackBroken ? [] : fallbackVoices)];

  function notify(change: Omit<EngineChange, 'voices'> = {}): void {
    const full: EngineChange = { voices: allVoices(), ...change };
    for (const l of [...listeners]) deliver(() => l(full));
  }

  // ---- finding voices: from construction, not from the first Play ----

  function watchVoices(): void {
    if (!web) return;
    const t0 = Date.now();
    const look = (): void => {
      void web.getVoices().then((list) => {
        if (disposed) return;
        if (list.length > 0) {
          webVoices = list;
          if (preloadTimer && webVoiceFor(options.lang)) {
            clearTimeout(preloadTimer);
            preloadTimer = null;
          }
          notify();
        } else if (Date.now() - t0 < voicesWatchMs) {
          // getVoices() itself waits (events and a poll) before giving up; a
          // pause between rounds keeps an engine that answers at once from spinning.
          watchTimer = setTimeout(look, 1000);
        }
      });
    };
    look();
  }

  function ensureFallback(): Promise<SpeechEngine> {
    if (!loadFallback) return Promise.reject(Object.assign(new Error('This build has no fallback voice.'), { code: 'no-voice' }));
    fallbackLoad ??= loadFallback(options.lang, { audioContext: () => (ctx ??= new AudioContext()) }).then(
      (engine) => {
        if (disposed) engine.dispose();
        fallback = engine;
        return engine;
      },
      (err: unknown) => {
        fallbackBroken = true;
        notify();
        throw err;
      },
    );
    return fallbackLoad;
  }

  // ---- routing ----

  /** Which engine speaks a request, and with which voice. */
  function route(request: UtteranceRequest): { target: Target; request: UtteranceRequest } {
    const v = request.voice;
    const asFallback = (): { target: Target; request: UtteranceRequest } => ({
      target: 'fallback',
      request: { ...request, voice: v?.engine === 'fallback' ? v : (chooseVoice(fallbackVoices, request.lang) ?? undefined) },
    });
    if (v?.engine === 'fallback' && fallbackSpeaks(request.lang)) return asFallback();
    if (v?.engine === 'webspeech' && usableWeb().some((w) => w.id === v.id)) return { target: 'web', request };
    const webVoice = webVoiceFor(request.lang);
    if (webVoice) return { target: 'web', request: { ...request, voice: webVoice } };
    if (fallbackSpeaks(request.lang)) return asFallback();
    // Nothing known speaks it: Web Speech, if any, reports no-voice itself (or finds a voice meanwhile).
    return { target: web && !webBroken ? 'web' : 'none', request };
  }

  /** Hands the jobs over in order: a job for another engine waits until every earlier one ended. */
  function drain(): void {
    let target: Target | null = null;
    for (const job of jobs) {
      target ??= job.target;
      if (job.target !== target) return;
      if (!job.dispatched) dispatch(job);
    }
  }

  function dispatch(job: Job): void {
    job.dispatched = true;
    const epoch = ++job.epoch;
    const gen = generation;
    const live = (): boolean => !disposed && gen === generation && job.epoch === epoch && jobs.includes(job);
    const events = relay(job, live);
    if (job.target === 'none') {
      queueMicrotask(() => live() && events.onError?.({ code: 'no-voice', message: 'No voice on this device can read this language.' }));
      return;
    }
    if (job.target === 'web') {
      used.add(web!);
      web!.speak(job.request, events);
      return;
    }
    const speakWith = (engine: SpeechEngine): void => {
      if (!live()) return;
      used.add(engine);
      engine.speak(job.request, events);
    };
    if (fallback) speakWith(fallback);
    else
      ensureFallback().then(speakWith, (err: unknown) => {
        if (!live()) return;
        const code = (err as { code?: SpeechErrorCode }).code ?? (/HTTP|fetch|network/i.test(String(err)) ? 'network' : 'synthesis-failed');
        events.onError?.({ code, message: err instanceof Error ? err.message : String(err) });
      });
  }

  /** The inner engine's events, passed on once each, with failures turned into a switch where one helps. */
  function relay(job: Job, live: () => boolean): UtteranceEvents {
    return {
      onStart: () => {
        if (!live() || job.started) return;
        job.started = true;
        deliver(() => job.events.onStart?.());
      },
      onBoundary: (b) => {
        if (live()) deliver(() => job.events.onBoundary?.(b));
      },
      onEnd: () => {
        if (!live()) return;
        if (job.target === 'web') webFailures = 0;
        jobs = jobs.filter((j) => j !== job);
        if (!job.started) {
          job.started = true;
          deliver(() => job.events.onStart?.());
        }
        deliver(() => job.events.onEnd?.());
        if (!disposed) drain();
      },
      onError: (e) => {
        if (!live()) return;
        if (job.target === 'web' && replaceAfter(job, e.code, e.stuck)) return;
        jobs = jobs.filter((j) => j !== job);
        deliver(() => job.events.onError?.(e));
        if (!disposed) drain();
      },
    };
  }

  /**
   * A Web Speech failure that another voice can get past: the failed
   * utterance and every later one go to that voice, from the start of the
   * failed one (one repeat of its first words at worst, nothing lost).
   * A stuck synthesizer counts as failing at once: nothing will speak on it.
   */
  function replaceAfter(job: Job, code: SpeechErrorCode, stuck = false): boolean {
    const from = job.request.voice ?? null;
    let reason: 'network' | 'failing';
    if (code === 'network') {
      reason = 'network';
      if (from) brokenVoices.add(from.id);
      else webBroken = true;
    } else if (FAILING.includes(code)) {
      webFailures = stuck ? maxWebFailures : webFailures + 1;
      if (webFailures < maxWebFailures || !fallbackSpeaks(job.request.lang)) return false;
      reason = 'failing';
      webBroken = true;
    } else return false;
    const moving = jobs.filter((j) => j.target === 'web');
    let to: VoiceInfo | null = null;
    for (const j of moving) {
      const next = route({ ...j.request, voice: undefined });
      j.target = next.target;
      j.request = next.request;
      j.dispatched = false;
      to ??= next.request.voice ?? null;
    }
    if (!to || job.target === 'none') {
      // Nothing else speaks this language: report the failure after all.
      for (const j of moving) j.target = 'web';
      if (reason === 'network' && from) brokenVoices.delete(from.id);
      webBroken = false;
      if (reason === 'failing') webFailures = 0;
      return false;
    }
    // Web Speech may still hold the later utterances: flush it (its cancel is silent to us).
    web!.cancel();
    used.delete(web!);
    notify({ replaced: { reason, from, to } });
    drain();
    return true;
  }

  /** Where the article's next utterance would go, with no voice asked for. */
  const defaultTarget = (): Target => route({ text: '', lang: options.lang, rate: 1, volume: 1 }).target;
  /** The engine speaking now, or that would speak next. */
  const headTarget = (): Target => jobs[0]?.target ?? defaultTarget();

  function head(): SpeechEngine | null {
    const t = headTarget();
    return t === 'web' ? web : t === 'fallback' ? fallback : null;
  }

  const engine: SpeechEngine = {
    get kind() {
      return headTarget() === 'fallback' ? 'fallback' : 'webspeech';
    },
    get canPause() {
      // Until the fallback is loaded its queued utterances cannot be held: cancel and re-speak instead.
      return head()?.canPause ?? false;
    },
    async getVoices() {
      return allVoices();
    },
    speak(request, events) {
      const handle: UtteranceHandle = { id: nextId++ };
      if (disposed) return handle;
      const routed = route(request);
      jobs.push({ handle, request: routed.request, events, target: routed.target, dispatched: false, started: false, epoch: 0 });
      // Queued behind another engine's utterance (a French quote after English): load what it needs meanwhile.
      if (routed.target === 'fallback' && jobs[0]?.target !== 'fallback') {
        ensureFallback().then((f) => f.prepare?.(request.lang), () => {});
      }
      drain();
      return handle;
    },
    pause() {
      head()?.pause();
    },
    resume() {
      head()?.resume();
    },
    cancel() {
      generation++;
      jobs = [];
      for (const e of used) e.cancel();
      used.clear();
    },
    unlock() {
      web?.unlock?.();
      if (fallback) fallback.unlock?.();
      else if (defaultTarget() === 'fallback' && typeof AudioContext !== 'undefined') {
        // Made and resumed inside the gesture, for the fallback still loading.
        ctx ??= new AudioContext();
        if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
      }
    },
    prepare() {
      if (!disposed && !fallback && defaultTarget() === 'fallback') {
        ensureFallback().catch(() => {});
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      engine.cancel();
      disposed = true;
      listeners.clear();
      if (preloadTimer) clearTimeout(preloadTimer);
      if (watchTimer) clearTimeout(watchTimer);
      web?.dispose();
      fallback?.dispose();
      if (!fallback) void fallbackLoad?.then((f) => f.dispose(), () => {});
      void ctx?.close().catch(() => {});
    },
  };

  watchVoices();
  if (loadFallback && packFor(options.lang)) {
    if (!web) engine.prepare!();
    else {
      preloadTimer = setTimeout(() => {
        preloadTimer = null;
        if (!webVoiceFor(options.lang)) engine.prepare!();
      }, options.preloadAfterMs ?? 3000);
    }
  }
  return engine;
}

