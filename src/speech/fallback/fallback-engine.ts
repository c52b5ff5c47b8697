/**
 * The fallback engine, Aloud's own Web Speech polyfill: eSpeak NG run in a
 * module worker (in this thread where there are no workers: Node), played
 * through Web Audio, with the same interface and events as the Web Speech
 * engine. Import this module dynamically (select-engine.ts does): it pulls
 * in the GPL-3.0 eSpeak code and forms its own chunk.
 */
import type {
  CachedSynthesis,
  SpeechEngine,
  SpeechErrorCode,
  SynthesisCache,
  SynthesisKey,
  UtteranceEvents,
  UtteranceHandle,
  UtteranceRequest,
  VoiceInfo,
} from '../types.ts';
import { chooseVoice } from '../voices.ts';
import { splitAtClauses, type TextChunk } from '../chunks.ts';
import { FALLBACK_VOICES, packFor, type FallbackLanguage } from './languages.ts';
import { loadEspeak, type FallbackSynthesizer, type LoadOptions, type Synthesis } from './espeak.ts';
import { canUseWorker, workerSynthesizers, type WorkerSynthesizerOptions } from './worker-synthesizer.ts';

export interface FallbackEngineOptions extends LoadOptions, Pick<WorkerSynthesizerOptions, 'loadTimeoutMs' | 'synthesisTimeoutMs' | 'warmUp'> {
  /**
   * Sentence audio kept across visits (IndexedDB, by the player when storage
   * is on): a piece found there plays without loading or running eSpeak,
   * offline too.
   */
  audioCache?: SynthesisCache;
  /** Supplies the AudioContext (default: a new one on first use). */
  audioContext?: () => AudioContext;
  /**
   * Play a slow synthesis in parts as the worker makes them (a cold first
   * sentence sounds ~10× sooner). Default true; benchmarks turn it off to
   * compare.
   */
  stream?: boolean;
  /** Start loading this language's data at once instead of on the first speak(). */
  preload?: string;
  /** Replaces eSpeak (tests drive the scheduling with a scripted synthesizer). */
  loadSynthesizer?: (lang: FallbackLanguage) => Promise<FallbackSynthesizer>;
  /**
   * Where eSpeak runs. Default: a module worker where the platform has
   * workers (browsers), so synthesis never blocks the page; on this thread
   * elsewhere (Node). `false` forces this thread; a function supplies the
   * worker (tests start broken ones).
   */
  worker?: false | (() => Worker);
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
  started: boolean;
}

/**
 * One clause of an utterance, synthesized and played on its own: a long
 * sentence starts sounding after its first clause is synthesized, and the
 * main thread is never blocked for a whole long sentence at once.
 */
interface Segment {
  job: Job;
  piece: TextChunk;
  first: boolean;
  last: boolean;
  audio: Synthesis | null;
  source: AudioBufferSourceNode | null;
  gain: GainNode | null;
  /** AudioContext time at which its audio starts. */
  startAt: number;
  started: boolean;
  nextWord: number;
  preparing: boolean;
  /**
   * Audio handed over early while its piece was still being synthesized
   * (a cold first sentence): the piece goes on in the segment after it.
   */
  part: boolean;
}

/** How far ahead (s) a source is scheduled so the first sample is not clipped. */
const LEAD = 0.02;
/** Segments synthesized and scheduled ahead of the one playing. */
const AHEAD = 2;
/**
 * How early (ms) an event may fire, not heard or seen (less than a frame).
 * A timer is set for the middle of that window, so one that wakes a little
 * early, or a heard clock that jitters, still finds the event due: set for
 * its edge (4 ms before, no slack), the timer often woke a fraction of a
 * millisecond short and had to wake again (1.7 wake-ups per word measured
 * on a quiet machine, 3.3 under load, against ~1 now).
 */
const DUE_EARLY_MS = 12;
const WAKE_SLACK_MS = 6;
/**
 * Longest sleep between two looks at the audio clock while playing (ms).
 * A sleep is worked out on the audio clock, which can only fall behind the
 * timers (stopped by a platform, or drifting by parts per million): a wake
 * that comes early sleeps again for the rest, so the cap costs accuracy
 * nothing. At 250 ms it added a wake-up between most words at speed 1
 * (words ~300 ms apart) and 16 per four-second sentence without word
 * listeners; at 1 s, one in four of those.
 */
const MAX_SLEEP_MS = 1000;
/** Clauses shorter than this are merged with the next (each piece costs a synthesis call). */
const MIN_PIECE = 30;

/** Creates the fallback engine. Audio is created lazily, so construction is cheap. */
export function createFallbackEngine(options: FallbackEngineOptions = {}): FallbackEngine {
  let ctx: AudioContext | null = null;
  let queue: Segment[] = [];
  let generation = 0;
  let nextId = 1;
  let paused = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let autoplayTimer: ReturnType<typeof setTimeout> | null = null;

  function audio(): AudioContext {
    if (!ctx) {
      ctx = options.audioContext ? options.audioContext() : new AudioContext();
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    }
    return ctx;
  }

  /**
   * Back from a locked phone or a hidden tab: a platform that suspended the
   * audio (iOS interrupts it) does not resume it by itself. Everything is
   * scheduled on the audio clock, which stopped with the sound, so resuming
   * goes on at the very sample where it stopped: nothing skipped, nothing
   * said twice. A refusal (no gesture) leaves it to the listener's Play.
   */
  function onVisible(): void {
    if (document.visibilityState !== 'visible' || !ctx || paused || disposed || ctx.state === 'running' || !queue[0]?.source) return;
    void ctx.resume().then(
      () => tick(),
      () => {},
    );
  }

  function deliver(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      // A failing listener must not stop the queue.
      console.error(err);
    }
  }

  const inWorker =
    !options.loadSynthesizer && options.worker !== false && (typeof options.worker === 'function' || canUseWorker())
      ? workerSynthesizers({ ...options, createWorker: typeof options.worker === 'function' ? options.worker : undefined })
      : null;

  function synthesizer(lang: string): Promise<FallbackSynthesizer> {
    const pack = packFor(lang);
    if (!pack) return Promise.reject(Object.assign(new Error(`No fallback voice for ${lang}`), { code: 'no-voice' }));
    if (options.loadSynthesizer) return options.loadSynthesizer(pack);
    return inWorker ? inWorker.load(pack) : loadEspeak(pack, options);
  }
  if (options.preload) synthesizer(options.preload).catch(() => {});

  function stopAudio(seg: Segment): void {
    if (seg.source) {
      try {
        seg.source.stop();
      } catch {
        // never started
      }
      seg.source.disconnect();
      seg.gain?.disconnect();
    }
    seg.source = null;
    seg.gain = null;
  }

  function fail(job: Job, code: SpeechErrorCode, message: string): void {
    for (const s of queue) if (s.job === job) stopAudio(s);
    queue = queue.filter((s) => s.job !== job);
    const gen = generation;
    deliver(() => job.events.onError?.({ code, message }));
    if (gen !== generation) return;
    // What was scheduled after it must move up: schedule again from now.
    for (const s of queue) if (s.source && !s.started) stopAudio(s);
    pump();
  }

  /** Synthesizes the first pieces of the queue, then schedules them. */
  function pump(): void {
    if (disposed) return;
    const gen = generation;
    let pieces = 0;
    for (const seg of queue) {
      if (seg.part) continue;
      if (pieces++ >= AHEAD) break;
      if (seg.audio || seg.preparing) continue;
      seg.preparing = true;
      // Parts only when the listener is waiting for this piece: behind audio
      // already scheduled it is made ahead of time, and one answer costs the
      // page the fewest tasks.
      const waiting = !queue.slice(0, queue.indexOf(seg)).some((s) => s.audio);
      const onPart = (audio: Synthesis): void => {
        if (gen !== generation || !queue.includes(seg)) return;
        // Played before the rest of its piece, which keeps the piece's end.
        queue.splice(queue.indexOf(seg), 0, { ...seg, audio, preparing: false, part: true, last: false });
        seg.first = false;
        schedule();
      };
      prepare(seg, waiting ? onPart : undefined)
        .then((audio) => {
          if (gen !== generation || !queue.includes(seg)) return;
          seg.audio = audio;
          seg.preparing = false;
          schedule();
        })
        .catch((err: unknown) => {
          if (gen !== generation || !queue.includes(seg)) return;
          seg.preparing = false;
          const code =
            (err as { code?: SpeechErrorCode }).code ?? (/HTTP|fetch/i.test(String(err)) ? 'network' : 'synthesis-failed');
          fail(seg.job, code, err instanceof Error ? err.message : String(err));
        });
    }
    schedule();
  }

  /** The segment's audio: from the cache when it was heard before, else synthesized (and kept). */
  async function prepare(seg: Segment, onPart: ((audio: Synthesis) => void) | undefined): Promise<Synthesis> {
    const { request } = seg.job;
    const voice = request.voice?.engine === 'fallback' ? request.voice.id : undefined;
    const cache = options.audioCache;
    const key: SynthesisKey = { text: seg.piece.text, voice: voice ?? request.lang, rate: request.rate, pitch: request.pitch ?? 1 };
    const hit = cache ? await cache.get(key).catch(() => undefined) : undefined;
    if (hit) return fromCache(hit);
    const synth = await synthesizer(request.lang);
    const parts: Synthesis[] = [];
    const audio = await synth.synthesize(
      seg.piece.text,
      { voice, rate: request.rate, pitch: request.pitch },
      options.stream === false || !onPart
        ? undefined
        : (part) => {
            parts.push(part);
            onPart(part);
          },
    );
    // Keeping it must never hold up or break playback.
    if (cache) void cache.put(key, parts.length ? joined([...parts, audio]) : audio).catch(() => undefined);
    return audio;
  }

  /** Gives each synthesized segment a start time exactly at the end of the one before. */
  function schedule(): void {
    if (disposed) return;
    let previousEnd = 0;
    // Every segment ready in a row (pump() bounds how many pieces that is).
    for (const seg of queue) {
      if (!seg.audio) break;
      if (!seg.source) {
        const c = audio();
        if (c.state === 'suspended' && !paused) void c.resume().catch(() => {});
        const buffer = c.createBuffer(1, Math.max(1, seg.audio.samples.length), seg.audio.sampleRate);
        buffer.getChannelData(0).set(seg.audio.samples);
        const source = c.createBufferSource();
        source.buffer = buffer;
        const gain = c.createGain();
        gain.gain.value = Math.max(0, Math.min(1, seg.job.request.volume));
        source.connect(gain).connect(c.destination);
        source.onended = () => {
          source.disconnect();
          gain.disconnect();
        };
        // Back to back with the previous segment: no gap of our own.
        seg.startAt = Math.max(c.currentTime + LEAD, previousEnd);
        source.start(seg.startAt);
        seg.source = source;
        seg.gain = gain;
      }
      previousEnd = seg.startAt + seg.audio.durationMs / 1000;
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
    const seg = queue[0];
    if (!seg?.audio || !seg.source) return;
    const { job, piece } = seg;
    const a = seg.audio;
    const now = heardTime(ctx) + DUE_EARLY_MS / 1000;
    if (!seg.started) {
      if (now < seg.startAt) return wakeIn(seg.startAt - now);
      seg.started = true;
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
        if (gen !== generation) return;
      }
    }
    const elapsedMs = (now - seg.startAt) * 1000;
    // Nobody listens for words: no wake-up for each of them (each is a task on the page's thread).
    if (!job.events.onBoundary) seg.nextWord = a.words.length;
    while (seg.nextWord < a.words.length && a.words[seg.nextWord]!.timeMs <= elapsedMs) {
      const w = a.words[seg.nextWord++]!;
      deliver(() =>
        job.events.onBoundary?.({ charIndex: piece.offset + w.charIndex, charLength: w.charLength, estimated: false }),
      );
      if (gen !== generation) return;
    }
    if (elapsedMs < a.durationMs) {
      const upcoming = a.words[seg.nextWord];
      return wakeIn(((upcoming ? Math.min(upcoming.timeMs, a.durationMs) : a.durationMs) - elapsedMs) / 1000);
    }
    // Its last samples may still be playing (events fire up to DUE_EARLY_MS
    // early): the source disconnects itself when it has ended.
    queue.shift();
    if (seg.last) {
      deliver(() => job.events.onEnd?.());
      if (gen !== generation) return;
    }
    pump();
  }

  /**
   * The audio clock at the speaker. `currentTime` moves in steps of the
   * output buffer (about 10 ms in Chromium on Linux, measured), so a timer
   * set for a word often woke to find the clock a step short and had to wake
   * again; the output timestamp says which context time was heard when, so
   * the time in between is interpolated, and events follow what is heard
   * rather than what is rendered (~30 ms ahead). Falls back to `currentTime`
   * where the timestamp is missing or stale (suspended, just resumed).
   */
  function heardTime(c: AudioContext): number {
    if (c.state === 'running' && typeof c.getOutputTimestamp === 'function') {
      const { contextTime, performanceTime } = c.getOutputTimestamp();
      if (contextTime !== undefined && performanceTime !== undefined && performanceTime > 0) {
        const since = (performance.now() - performanceTime) / 1000;
        if (since >= 0 && since < 0.1) return contextTime + since;
      }
    }
    return c.currentTime;
  }

  function wakeIn(seconds: number): void {
    // Wakes when the next word or the end is due: each wake-up is a task on
    // the page's thread (0.1–0.2 ms even when empty, on the benchmark
    // machine), and a 50 ms heartbeat added several per word.
    timer = setTimeout(tick, Math.max(1, Math.min(MAX_SLEEP_MS, seconds * 1000 + WAKE_SLACK_MS)));
  }

  /**
   * Without a user gesture the browser may keep the AudioContext suspended
   * and the clock never moves: report not-allowed so the UI can ask for a tap.
   */
  function watchAutoplay(): void {
    if (autoplayTimer || !ctx || ctx.state === 'running' || paused) return;
    const head = queue[0];
    if (!head?.source) return;
    autoplayTimer = setTimeout(() => {
      autoplayTimer = null;
      if (ctx && ctx.state !== 'running' && !paused && queue[0] === head && !head.started) {
        fail(head.job, 'not-allowed', 'Audio is blocked until the page is tapped or clicked.');
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
        req = { ...req, voice: chooseVoice(FALLBACK_VOICES, req.lang) ?? undefined };
      }
      const job: Job = { handle, request: req, events, started: false };
      // Clause by clause only when the listener would wait for it: behind
      // speech already queued it is made whole, in the background, and one
      // piece costs the page one answer and one end instead of several.
      const pieces = queue.length > 0 ? [{ text: req.text, offset: 0 }] : splitAtClauses(req.text, MIN_PIECE);
      if (pieces.length === 0) pieces.push({ text: '', offset: 0 });
      pieces.forEach((piece, i) =>
        queue.push({
          job,
          piece,
          first: i === 0,
          last: i === pieces.length - 1,
          audio: null,
          source: null,
          gain: null,
          startAt: 0,
          started: false,
          nextWord: 0,
          preparing: false,
          part: false,
        }),
      );
      // The audio device starts while the first piece is synthesized, not after.
      if (!ctx && (options.audioContext || typeof AudioContext !== 'undefined')) {
        const c = audio();
        if (c.state === 'suspended' && !paused) void c.resume().catch(() => {});
      }
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
      for (const s of queue) stopAudio(s);
      queue = [];
      if (timer) clearTimeout(timer);
      timer = null;
      if (paused) {
        paused = false;
        void ctx?.resume();
      }
    },
    prepare(lang) {
      // A passage in another language is coming: fetch its voice pack now, not at the switch.
      if (!disposed && lang && packFor(lang)) synthesizer(lang).catch(() => {});
    },
    unlock() {
      const c = audio();
      if (c.state === 'suspended' && !paused) void c.resume();
    },
    dispose() {
      engine.cancel();
      disposed = true;
      inWorker?.dispose();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      void ctx?.close().catch(() => {});
      ctx = null;
    },
  };
  return engine;
}

/** Streamed parts and the rest as one piece of audio, as the cache keeps it. */
function joined(parts: Synthesis[]): Synthesis {
  const samples = new Float32Array(parts.reduce((n, p) => n + p.samples.length, 0));
  const words: Synthesis['words'] = [];
  let at = 0;
  let ms = 0;
  for (const p of parts) {
    samples.set(p.samples, at);
    for (const w of p.words) words.push({ ...w, timeMs: w.timeMs + ms });
    at += p.samples.length;
    ms += p.durationMs;
  }
  const sampleRate = parts[0]!.sampleRate;
  return { samples, sampleRate, durationMs: (samples.length / sampleRate) * 1000, words };
}

function fromCache(hit: CachedSynthesis): Synthesis {
  const samples =
    hit.samples instanceof Float32Array ? hit.samples : Float32Array.from(hit.samples, (x) => x / 32768);
  return {
    samples,
    sampleRate: hit.sampleRate,
    durationMs: (samples.length / hit.sampleRate) * 1000,
    words: [...hit.words],
  };
}
