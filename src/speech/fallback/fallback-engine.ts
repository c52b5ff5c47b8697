/**
 * The fallback engine, Aloud's own Web Speech polyfill: eSpeak NG run in the
 * page, played through Web Audio, with the same interface and events as the
 * Web Speech engine. Import this module dynamically (select-engine.ts does):
 * it pulls in the GPL-3.0 eSpeak code and forms its own chunk.
 */
import type { SpeechEngine, SpeechErrorCode, UtteranceEvents, UtteranceHandle, UtteranceRequest, VoiceInfo } from '../types.ts';
import { chooseVoice } from '../voices.ts';
import { FALLBACK_VOICES, packFor, type FallbackLanguage } from './languages.ts';
import { loadEspeak, type EspeakSynthesizer, type LoadOptions, type Synthesis } from './espeak.ts';

export interface FallbackEngineOptions extends LoadOptions {
  /** Supplies the AudioContext (default: a new one on first use). */
  audioContext?: () => AudioContext;
  /** Start loading this language's data at once instead of on the first speak(). */
  preload?: string;
  /** Replaces eSpeak (tests drive the scheduling with a scripted synthesizer). */
  loadSynthesizer?: (lang: FallbackLanguage) => Promise<EspeakSynthesizer>;
}

export interface FallbackEngine extends SpeechEngine {
  readonly kind: 'fallback';
  /** Call inside a user gesture: creates/resumes the AudioContext so audio may start. */
  unlock(): void;
}

interface Job {
  handle: UtteranceHandle;
  request: UtteranceRequest;
  events: UtteranceEvents;
  audio: Synthesis | null;
  source: AudioBufferSourceNode | null;
  gain: GainNode | null;
  /** AudioContext time at which its audio starts. */
  startAt: number;
  started: boolean;
  nextWord: number;
  preparing: boolean;
}

/** How far ahead (s) a source is scheduled so the first sample is not clipped. */
const LEAD = 0.02;

/** Creates the fallback engine. Audio is created lazily, so construction is cheap. */
export function createFallbackEngine(options: FallbackEngineOptions = {}): FallbackEngine {
  let ctx: AudioContext | null = null;
  let jobs: Job[] = [];
  let generation = 0;
  let nextId = 1;
  let paused = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function audio(): AudioContext {
    if (!ctx) {
      ctx = options.audioContext ? options.audioContext() : new AudioContext();
    }
    return ctx;
  }

  function deliver(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.error(err);
    }
  }

  function synthesizer(lang: string): Promise<EspeakSynthesizer> {
    const pack = packFor(lang);
    if (!pack) return Promise.reject(Object.assign(new Error(`No fallback voice for ${lang}`), { code: 'no-voice' }));
    return options.loadSynthesizer ? options.loadSynthesizer(pack) : loadEspeak(pack, options);
  }
  if (options.preload) synthesizer(options.preload).catch(() => {});

  function fail(job: Job, code: SpeechErrorCode, message: string): void {
    jobs = jobs.filter((j) => j !== job);
    stopAudio(job);
    deliver(() => job.events.onError?.({ code, message }));
    // Whatever was scheduled after it must move up: reschedule from now.
    for (const j of jobs) {
      if (j.source) {
        stopAudio(j);
      }
    }
    pump();
  }

  function stopAudio(job: Job): void {
    if (job.source) {
      job.source.onended = null;
      try {
        job.source.stop();
      } catch {
        // never started
      }
      job.source.disconnect();
      job.gain?.disconnect();
    }
    job.source = null;
    job.gain = null;
  }

  /** Synthesizes the first two jobs and schedules their audio back to back. */
  function pump(): void {
    if (disposed) return;
    const gen = generation;
    for (const job of jobs.slice(0, 2)) {
      if (job.audio || job.preparing) continue;
      job.preparing = true;
      synthesizer(job.request.lang)
        .then((synth) => {
          if (gen !== generation || !jobs.includes(job)) return;
          const voice = job.request.voice?.engine === 'fallback' ? job.request.voice.id : undefined;
          job.audio = synth.synthesize(job.request.text, { voice, rate: job.request.rate, pitch: job.request.pitch });
          job.preparing = false;
          schedule();
        })
        .catch((err: unknown) => {
          if (gen !== generation || !jobs.includes(job)) return;
          job.preparing = false;
          const code = (err as { code?: SpeechErrorCode }).code ?? (/HTTP|fetch/i.test(String(err)) ? 'network' : 'synthesis-failed');
          fail(job, code, err instanceof Error ? err.message : String(err));
        });
    }
    schedule();
  }

  /** Gives each synthesized job a start time right after the one before it. */
  function schedule(): void {
    if (disposed) return;
    let previousEnd = 0;
    for (const job of jobs.slice(0, 2)) {
      if (!job.audio) break;
      if (!job.source) {
        const c = audio();
        if (c.state === 'suspended' && !paused) void c.resume().catch(() => {});
        const buffer = c.createBuffer(1, Math.max(1, job.audio.samples.length), job.audio.sampleRate);
        buffer.getChannelData(0).set(job.audio.samples);
        const source = c.createBufferSource();
        source.buffer = buffer;
        const gain = c.createGain();
        gain.gain.value = Math.max(0, Math.min(1, job.request.volume));
        source.connect(gain).connect(c.destination);
        // Back to back with the previous utterance: no gap of our own.
        job.startAt = Math.max(c.currentTime + LEAD, previousEnd);
        source.start(job.startAt);
        job.source = source;
        job.gain = gain;
      }
      previousEnd = job.startAt + job.audio.durationMs / 1000;
    }
    watchAutoplay();
    tick();
  }

  /**
   * Fires the events that are due by the audio clock. The clock stops while
   * the context is suspended, so events pause with the sound.
   */
  function tick(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (disposed || paused || !ctx) return;
    const gen = generation;
    let dueIn = Infinity;
    while (jobs[0]?.audio && jobs[0].source) {
      const job = jobs[0];
      const a = job.audio!;
      const now = ctx.currentTime;
      if (!job.started) {
        if (now < job.startAt) {
          dueIn = job.startAt - now;
          break;
        }
        job.started = true;
        deliver(() => job.events.onStart?.());
        if (gen !== generation) return;
      }
      const elapsedMs = (now - job.startAt) * 1000;
      while (job.nextWord < a.words.length && a.words[job.nextWord]!.timeMs <= elapsedMs) {
        const w = a.words[job.nextWord++]!;
        deliver(() => job.events.onBoundary?.({ charIndex: w.charIndex, charLength: w.charLength, estimated: false }));
        if (gen !== generation) return;
      }
      if (elapsedMs < a.durationMs) {
        const nextWord = a.words[job.nextWord];
        dueIn = ((nextWord ? Math.min(nextWord.timeMs, a.durationMs) : a.durationMs) - elapsedMs) / 1000;
        break;
      }
      jobs.shift();
      job.source?.disconnect();
      job.gain?.disconnect();
      deliver(() => job.events.onEnd?.());
      if (gen !== generation) return;
      pump();
      return;
    }
    if (dueIn !== Infinity) {
      // Timers drift from the audio clock: wake up at most 50 ms apart.
      timer = setTimeout(tick, Math.max(1, Math.min(50, dueIn * 1000)));
    }
  }

  let autoplayTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Without a user gesture the browser may keep the AudioContext suspended
   * and the clock never moves: report not-allowed so the UI can ask for a tap.
   */
  function watchAutoplay(): void {
    if (autoplayTimer || !ctx || ctx.state === 'running' || paused) return;
    const head = jobs[0];
    if (!head?.source) return;
    autoplayTimer = setTimeout(() => {
      autoplayTimer = null;
      if (ctx && ctx.state !== 'running' && !paused && jobs[0] === head && !head.started) {
        fail(head, 'not-allowed', 'Audio is blocked until the page is tapped or clicked.');
      }
    }, 1500);
  }

  const engine: FallbackEngine = {
    kind: 'fallback',
    canPause: true,
    async getVoices(): Promise<VoiceInfo[]> {
      return [...FALLBACK_VOICES];
    },
    speak(request, events) {
      const handle: UtteranceHandle = { id: nextId++ };
      if (disposed) return handle;
      let req = request;
      if (!req.voice || req.voice.engine !== 'fallback') {
        const v = chooseVoice(FALLBACK_VOICES, req.lang);
        req = { ...req, voice: v ?? undefined };
      }
      jobs.push({
        handle,
        request: req,
        events,
        audio: null,
        source: null,
        gain: null,
        startAt: 0,
        started: false,
        nextWord: 0,
        preparing: false,
      });
      pump();
      return handle;
    },
    pause() {
      if (paused || disposed) return;
      paused = true;
      if (timer) clearTimeout(timer);
      timer = null;
      void ctx?.suspend();
    },
    resume() {
      if (!paused || disposed) return;
      paused = false;
      if (!ctx) return pump();
      void ctx.resume().then(() => {
        if (!paused) tick();
      });
    },
    cancel() {
      generation++;
      for (const j of jobs) stopAudio(j);
      jobs = [];
      if (timer) clearTimeout(timer);
      timer = null;
      if (paused) {
        paused = false;
        void ctx?.resume();
      }
    },
    unlock() {
      const c = audio();
      if (c.state === 'suspended' && !paused) void c.resume();
    },
    dispose() {
      engine.cancel();
      disposed = true;
      void ctx?.close().catch(() => {});
      ctx = null;
    },
  };
  return engine;
}
