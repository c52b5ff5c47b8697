/**
 * The Web Speech engine: `speechSynthesis` behind the SpeechEngine interface,
 * with every known pitfall handled (see docs/speech.md, "Pitfalls"). This
 * file keeps the queue, the watchdog and the events; the rest lives beside
 * it: webspeech-types.ts (the browser's shapes, options), webspeech-platform.ts
 * (user-agent and visibility detection, error names), webspeech-voices.ts,
 * webspeech-timing.ts (chunk planning, resume points, speed measure) and
 * webspeech-estimated-boundaries.ts.
 *
 * The synthesizer and utterance constructor are injectable so the engine is
 * tested in Node against scripted fakes that reproduce each pitfall.
 */
import type { SpeechErrorCode, UtteranceHandle } from './types.ts';
import { DEFAULT_MS_PER_CHAR, DEFAULT_TARGET_CHUNK_MS, wordLengthAt, type TextChunk } from './chunks.ts';
import type { SynthLike, UtteranceLike, WebSpeechEngine, WebSpeechEngineOptions } from './webspeech-types.ts';
import { detectCanPause, documentVisibility, mapError, needsGestureUnlock, SILENT_UNLOCK_TEXT } from './webspeech-platform.ts';
import { createWebSpeechVoices } from './webspeech-voices.ts';
import { deliver } from './deliver.ts';
import {
  estimatedMs as estimatedMsAt,
  MAX_STALLS,
  newJob,
  newNative,
  planChunks,
  safeResumePoint as safeResumePointAt,
  speedSample,
  type Job,
  type Native,
} from './webspeech-timing.ts';
import { createBoundaryEstimator } from './webspeech-estimated-boundaries.ts';
import { judgeHead } from './webspeech-watchdog.ts';

export type { SynthLike, UtteranceLike, VisibilitySource, VoiceLike, WebSpeechEngine, WebSpeechEngineOptions } from './webspeech-types.ts';
export { detectCanPause, needsGestureUnlock, SILENT_UNLOCK_TEXT, usesSpeechDispatcher } from './webspeech-platform.ts';

/**
 * Creates the Web Speech engine. Throws if no synthesizer is available;
 * use createSpeechEngine() (select-engine.ts) to fall back automatically.
 */
export function createWebSpeechEngine(options: WebSpeechEngineOptions = {}): WebSpeechEngine {
  const g = globalThis as unknown as {
    speechSynthesis?: SynthLike;
    SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
    navigator?: { userAgent?: string; maxTouchPoints?: number };
    document?: {
      visibilityState?: string;
      addEventListener?(type: string, cb: () => void): void;
      removeEventListener?(type: string, cb: () => void): void;
    };
  };
  const synth = options.synth ?? g.speechSynthesis;
  const Utterance = options.Utterance ?? g.SpeechSynthesisUtterance;
  if (!synth || !Utterance) throw new Error('speechSynthesis is not available');
  const voicesTimeoutMs = options.voicesTimeoutMs ?? 3000;
  const voicesPollMs = options.voicesPollMs ?? 250;
  const maxChunkLength = options.maxChunkLength ?? Infinity;
  const targetChunkMs = options.targetChunkMs ?? DEFAULT_TARGET_CHUNK_MS;
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const networkStartTimeoutMs = options.networkStartTimeoutMs ?? 15_000;
  const silentStartMs = options.silentStartMs ?? 1500;
  const tickMs = options.tickMs ?? 250;
  const visibility = options.visibility ?? documentVisibility(g.document);
  const userAgent = options.userAgent ?? g.navigator?.userAgent ?? '';
  const canPause = options.canPause ?? detectCanPause(userAgent);
  const gestureUnlock =
    options.gestureUnlock ?? needsGestureUnlock(userAgent, options.maxTouchPoints ?? g.navigator?.maxTouchPoints ?? 0);

  let generation = 0;
  let nextId = 1;
  let jobs: Job[] = [];
  let natives: Native[] = [];
  let paused: 'no' | 'native' = 'no';
  let ticker: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  /**
   * Set by our pause(), cleared once `paused` reads false: Chromium updates
   * `paused` only on the platform's resume event, which a voice without
   * events never sends, so after our own resume() a stale `paused` must not
   * pass for a platform pause (the watchdog would never count again).
   */
  let ourPauseLatch = false;
  /** The page was hidden while we had speech paused natively: iOS may have interrupted it. */
  let hiddenWhilePaused = false;
  const voices = createWebSpeechVoices(synth, { timeoutMs: voicesTimeoutMs, pollMs: voicesPollMs });
  /** True once anything was handed to the synthesizer: an unlock then has no purpose. */
  let unlocked = false;
  let disposed = false;
  /** Voices (by key) that have produced real boundary events: no estimation for them. */
  const realBoundaryVoices = new Set<string>();
  /**
   * Whether a voice (by key) fires start/end events. Until it is known, and
   * for a voice that fires none, utterances are handed over one at a time so
   * `speaking === false` means ours ended.
   */
  const voiceEvents = new Map<string, 'events' | 'silent'>();
  /** Voices that have finished an utterance here: a stall of theirs is a cut-off, not a wedged synthesizer. */
  const proven = new Set<string>();
  /** Measured ms per character at rate 1, per voice (start→end of what it already said). */
  const voiceSpeed = new Map<string, number>();
  const unsubscribeVisibility = visibility?.subscribe(onVisibilityChange) ?? null;

  function msPerChar(job: Job): number {
    return voiceSpeed.get(job.voiceKey) ?? DEFAULT_MS_PER_CHAR;
  }

  function isHidden(): boolean {
    try {
      return visibility?.hidden() ?? false;
    } catch {
      return false;
    }
  }

  /** The platform paused speech without us asking (iOS when the page is hidden or the phone locks). */
  function platformPaused(): boolean {
    return paused === 'no' && !ourPauseLatch && synth!.paused === true;
  }

  // ---- the watchdog -------------------------------------------------------
  //
  // One ticker while anything is queued. Each tick counts the time since the
  // last one towards the head utterance, but only while the page is visible
  // and nothing (we or the platform) has paused speech: a locked phone or a
  // background tab never makes an utterance look stuck.

  function armWatchdog(): void {
    if (disposed || natives.length === 0) return stopTicker();
    if (ticker) return;
    lastTick = Date.now();
    ticker = setInterval(tick, tickMs);
  }

  function stopTicker(): void {
    if (ticker) clearInterval(ticker);
    ticker = null;
  }

  function startTimeoutFor(rec: Native): number {
    // A network voice may take several seconds to fetch its first audio.
    return rec.job.network ? networkStartTimeoutMs : startTimeoutMs;
  }

  function tick(): void {
    const now = Date.now();
    // A tick delayed by a busy or suspended page must not count as one long wait.
    const dt = Math.min(now - lastTick, tickMs * 4);
    lastTick = now;
    if (disposed || natives.length === 0) return stopTicker();
    if (paused !== 'no') return;
    if (synth!.paused === false) ourPauseLatch = false;
    const hidden = isHidden();
    const held = platformPaused();
    setFrozen(hidden || held);
    const head = natives[0];
    if (!head || head.chunk.text === '' || !head.handed || head.done) return;
    const verdict = judgeHead(head, {
      speaking: synth!.speaking,
      pending: synth!.pending,
      hidden,
      held,
      known: voiceEvents.get(head.job.voiceKey),
      handed: handedCount(),
      dt,
      now,
      startTimeoutMs: startTimeoutFor(head),
      silentStartMs,
      estimatedMs: estimatedMs(head),
    });
    if (verdict === 'silent-start') silentStart(head);
    else if (verdict === 'finish') finishNative(head, { restart: false });
    else if (verdict === 'stall') onStall(head);
    else if (verdict === 'no-start') onNoStart(head);
  }

  function handedCount(): number {
    return natives.filter((n) => n.handed && !n.done && n.chunk.text !== '').length;
  }

  const estimatedMs = (rec: Native): number => estimatedMsAt(rec, msPerChar(rec.job));
  const safeResumePoint = (rec: Native): number => safeResumePointAt(rec, voiceSpeed.get(rec.job.voiceKey));

  function onNoStart(rec: Native): void {
    if (rec.job.retries < 1) {
      // Chromium on Linux has dropped an utterance spoken right after
      // cancel(): flush and try once more before giving up.
      rec.job.retries++;
      restartQueue();
    } else {
      failJob(rec.job, rec.job.network ? 'network' : 'synthesis-failed', 'The speech engine did not start speaking.', {
        flush: true,
      });
    }
  }

  /**
   * Started, then neither end nor error (Chrome's ~15 s cut-off, a voice
   * without events whose `speaking` never drops): the synthesizer's queue is
   * stuck behind it. Flush it and go on from the last word known to be heard.
   */
  function onStall(rec: Native): void {
    const job = rec.job;
    if (rec.silent && !proven.has(job.voiceKey)) {
      // Taken for a voice without events, it never finished anything: a
      // wedged synthesizer looks just so (speaking, silent, for ever). Say
      // so at once, so the listener waits one deadline, not four.
      failJob(job, job.network ? 'network' : 'synthesis-failed', 'The speech engine took the sentence and never spoke it.', { flush: true, stuck: true });
      return;
    }
    const at = Math.max(job.spokenTo, safeResumePoint(rec));
    if (at <= job.stalledAt) job.stalls++;
    else job.stalls = 0;
    job.stalledAt = at;
    if (job.stalls >= MAX_STALLS) {
      failJob(job, job.network ? 'network' : 'synthesis-failed', 'Speech stopped and did not go on.', { flush: true });
      return;
    }
    job.spokenTo = at;
    restartQueue();
  }

  function silentStart(rec: Native): void {
    voiceEvents.set(rec.job.voiceKey, 'silent');
    rec.started = true;
    rec.silent = true;
    rec.startedAt = rec.queuedBehind ? Date.now() : rec.handedAt;
    const job = rec.job;
    if (!job.started) {
      job.started = true;
      deliver(() => job.events.onStart?.());
      if (rec.gen !== generation || rec.done) return;
    }
    // Audio began when it was handed over (one at a time, to an idle
    // synthesizer), or just now if another utterance was ahead of it.
    estimator.start(rec, rec.queuedBehind ? Date.now() : rec.handedAt);
  }

  function onVisibilityChange(): void {
    if (disposed) return;
    lastTick = Date.now();
    if (isHidden()) {
      setFrozen(true);
      const head = natives[0];
      if (head) head.interrupted = true;
      if (paused === 'native') hiddenWhilePaused = true;
      return;
    }
    if (paused !== 'no') return;
    const head = natives[0];
    // Back again. If the platform paused our utterance (iOS) or dropped it
    // while hidden, resume() is not to be trusted there: speak it again from
    // the last word heard.
    if (head && head.handed && head.started && !head.done && (platformPaused() || synth!.speaking === false)) {
      head.job.spokenTo = Math.max(head.job.spokenTo, safeResumePoint(head));
      restartQueue();
      return;
    }
    if (head && head.handed && !head.started && !head.done && platformPaused()) {
      restartQueue();
      return;
    }
    setFrozen(platformPaused());
  }

  // ---- estimated boundaries -------------------------------------------------

  const estimator = createBoundaryEstimator({
    msPerChar,
    live: (rec) => rec.gen === generation && !rec.done,
    hasRealBoundaries: (rec) => realBoundaryVoices.has(rec.job.voiceKey),
    emit: (rec, charIndex, charLength) => emitBoundary(rec, charIndex, charLength, true),
  });

  function setFrozen(on: boolean): void {
    estimator.freeze(on || paused === 'native');
  }

  function emitBoundary(rec: Native, charIndex: number, charLength: number, estimated: boolean): void {
    rec.job.lastBoundary = charIndex;
    const { events } = rec.job;
    // Never past the word just guessed: safeResumePoint stops at the last boundary.
    const heardTo = estimated ? safeResumePoint(rec) : undefined;
    deliver(() => events.onBoundary?.({ charIndex, charLength, estimated, heardTo }));
  }

  // ---- the queue ----------------------------------------------------------

  function chunksFrom(job: Job, from: number): TextChunk[] {
    return planChunks(job, from, { targetChunkMs, maxChunkLength, msPerChar: msPerChar(job) });
  }

  function feed(job: Job, from: number): void {
    job.fed = true;
    const voice = voices.nativeFor(job.request);
    if (voice) {
      job.voiceKey = voice.voiceURI || voice.name;
      job.network = voice.localService === false;
    }
    const chunks = chunksFrom(job, from);
    if (chunks.length === 0) {
      // Nothing (left) to say: complete on a later tick, in queue order.
      const rec = makeNative(job, { text: '', offset: from }, true);
      rec.handed = true;
      natives.push(rec);
      return;
    }
    chunks.forEach((chunk, i) => {
      const rec = makeNative(job, chunk, i === chunks.length - 1);
      const u = rec.utterance;
      u.lang = job.request.lang;
      if (voice) u.voice = voice;
      u.rate = job.request.rate;
      u.pitch = job.request.pitch ?? 1;
      u.volume = job.request.volume;
      natives.push(rec);
    });
    handOver();
  }

  /**
   * Gives queued utterances to the synthesizer in order. Its own queue keeps
   * sentences gap-free, but only for voices known to fire events: a voice
   * that fires none (or is not known yet) gets one utterance at a time, so
   * `speaking` turning false tells that ours ended.
   */
  function handOver(): void {
    if (disposed) return;
    const waiting = natives.filter((n) => n.handed && !n.done && n.chunk.text !== '');
    for (const rec of natives) {
      if (rec.handed || rec.done) continue;
      const evented = (n: Native): boolean => voiceEvents.get(n.job.voiceKey) === 'events';
      if (waiting.length > 0 && !(evented(rec) && waiting.every(evented))) return;
      rec.handed = true;
      rec.handedAt = Date.now();
      unlocked = true;
      synth!.speak(rec.utterance);
      waiting.push(rec);
    }
  }

  function makeNative(job: Job, chunk: TextChunk, last: boolean): Native {
    const utterance = new Utterance!(chunk.text);
    const rec = newNative(job, chunk, last, generation, utterance);
    const live = (): boolean => rec.gen === generation && !rec.done && !disposed;
    utterance.onstart = () => {
      if (!live()) return;
      voiceEvents.set(job.voiceKey, 'events');
      if (rec.started && !rec.silent) return;
      const wasSilent = rec.silent;
      rec.started = true;
      rec.silent = false;
      rec.startedAt = Date.now();
      rec.waited = 0;
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
        if (!live()) return;
      }
      // A slow voice taken for a silent one: its audio starts only now.
      if (wasSilent && estimator.rec === rec) estimator.retime(rec);
      else estimator.start(rec);
      handOver();
    };
    utterance.onboundary = (ev) => {
      if (!live()) return;
      if (ev.name && ev.name !== 'word') return;
      realBoundaryVoices.add(job.voiceKey);
      rec.realBoundary = true;
      rec.realBoundaries++;
      rec.waitedAtBoundary = rec.waited;
      if (estimator.rec === rec) estimator.stop();
      const index = Math.max(0, Math.min(ev.charIndex, chunk.text.length));
      const length = ev.charLength && ev.charLength > 0 ? ev.charLength : wordLengthAt(chunk.text, index);
      emitBoundary(rec, chunk.offset + index, length, false);
    };
    utterance.onend = () => {
      if (!live()) return;
      voiceEvents.set(job.voiceKey, 'events');
      finishNative(rec, { restart: false });
    };
    utterance.onerror = (ev) => {
      if (!live()) return;
      let code = mapError(ev?.error);
      // Chromium reports every platform failure as synthesis-failed; on a
      // network voice (Google, Edge "Natural") that is the network failing.
      if (code === 'synthesis-failed' && job.network) code = 'network';
      // That speak() was outside a gesture after all: the next unlock() must speak.
      if (code === 'not-allowed') unlocked = false;
      failJob(job, code, `Speech failed: ${ev?.error ?? 'unknown error'}`);
    };
    return rec;
  }

  /** Learns the voice's speed from a chunk that ran from start to end undisturbed. */
  function measure(rec: Native): void {
    const sample = speedSample(rec, Date.now());
    if (sample === null) return;
    const old = voiceSpeed.get(rec.job.voiceKey);
    voiceSpeed.set(rec.job.voiceKey, old === undefined ? sample : (old + sample) / 2);
  }

  /** A chunk finished (or the watchdog gave up on it): move to the next. */
  function finishNative(rec: Native, { restart }: { restart: boolean }): void {
    if (!restart) {
      measure(rec);
      proven.add(rec.job.voiceKey);
    }
    rec.done = true;
    if (estimator.rec === rec) estimator.stop();
    natives = natives.filter((n) => n !== rec);
    const job = rec.job;
    job.spokenTo = rec.chunk.offset + rec.chunk.text.length;
    if (rec.last) {
      jobs = jobs.filter((j) => j !== job);
      if (!job.started) {
        job.started = true;
        deliver(() => job.events.onStart?.());
      }
      deliver(() => job.events.onEnd?.());
    }
    if (restart) restartQueue();
    else {
      handOver();
      armWatchdog();
      completeEmpty();
    }
  }

  function failJob(job: Job, code: SpeechErrorCode, message: string, { flush = false, stuck = false } = {}): void {
    jobs = jobs.filter((j) => j !== job);
    for (const n of natives) if (n.job === job) n.done = true;
    natives = natives.filter((n) => n.job !== job);
    if (estimator.rec?.job === job) estimator.stop();
    const gen = generation;
    deliver(() => job.events.onError?.(stuck ? { code, message, stuck } : { code, message }));
    if (gen !== generation) return; // the listener cancelled or paused
    // The synthesizer may still hold this job's other chunks, or (after an
    // interruption from outside) report the rest as canceled: flush it and
    // queue what is left afresh, so one failure never cascades.
    if (natives.length > 0) restartQueue();
    else if (flush) {
      // Given up on a hang: the synthesizer still holds it, and would hold
      // every later utterance behind it.
      generation++;
      synth!.cancel();
      if (synth!.paused === true) synth!.resume();
    } else armWatchdog();
  }

  /** Empty requests have no native utterance: complete them when they reach the head. */
  function completeEmpty(): void {
    const head = natives[0];
    if (!head || head.chunk.text !== '' || paused !== 'no') return;
    const gen = generation;
    queueMicrotask(() => {
      if (gen !== generation || head.done || natives[0] !== head || paused !== 'no') return;
      finishNative(head, { restart: false });
    });
  }

  /** Flushes the synthesizer and speaks every job again from where it got to. */
  function restartQueue(): void {
    generation++;
    estimator.stop();
    for (const n of natives) n.done = true;
    natives = [];
    synth!.cancel();
    // Chrome keeps a paused synthesizer paused across cancel(), and iOS
    // leaves it paused after hiding the page: nothing would start again.
    if (synth!.paused === true) synth!.resume();
    setFrozen(isHidden());
    for (const j of jobs) feed(j, j.spokenTo);
    armWatchdog();
    completeEmpty();
  }

  // ---- the interface ------------------------------------------------------

  const engine: WebSpeechEngine = {
    kind: 'webspeech',
    canPause,
    getVoices: voices.get,
    speak(request, events) {
      const handle: UtteranceHandle = { id: nextId++ };
      if (disposed) return handle;
      const job = newJob(handle, request, events);
      if (voices.known()?.length === 0 && voices.read().length === 0) {
        const gen = generation;
        queueMicrotask(() => {
          if (gen === generation && !disposed)
            deliver(() => events.onError?.({ code: 'no-voice', message: 'No speech voices are available.' }));
        });
        return handle;
      }
      jobs.push(job);
      const wasIdle = natives.length === 0;
      feed(job, 0);
      armWatchdog();
      if (wasIdle) completeEmpty();
      return handle;
    },
    pause() {
      if (paused !== 'no' || disposed) return;
      // Where pause() cannot be trusted (it wedges speech-dispatcher, it
      // cancels on Android) it is never called: speech stops as by cancel().
      // Pausing there is the caller's (the store's one emulation: stop, then
      // speak again from the last word heard, `heardTo`).
      if (!canPause) return engine.cancel();
      paused = 'native';
      ourPauseLatch = true;
      synth.pause();
      const head = natives[0];
      if (head) head.interrupted = true;
      setFrozen(true);
    },
    resume() {
      if (disposed) return;
      if (paused === 'native') {
        paused = 'no';
        const head = natives[0];
        if (hiddenWhilePaused && head && head.handed && head.started) {
          // Hidden while paused: iOS may have interrupted the utterance, and
          // then resume() says it resumed but nothing sounds. Speak it again
          // from the last word instead.
          hiddenWhilePaused = false;
          ourPauseLatch = false;
          head.job.spokenTo = Math.max(head.job.spokenTo, safeResumePoint(head));
          restartQueue();
          return;
        }
        hiddenWhilePaused = false;
        synth.resume();
        lastTick = Date.now();
        setFrozen(isHidden() || platformPaused());
        armWatchdog();
      }
    },
    cancel() {
      generation++;
      stopTicker();
      estimator.stop();
      for (const n of natives) n.done = true;
      natives = [];
      jobs = [];
      const wasPaused = paused === 'native';
      paused = 'no';
      hiddenWhilePaused = false;
      estimator.reset(isHidden());
      synth.cancel();
      // Chrome keeps a paused synthesizer paused across cancel(): later
      // utterances would never start.
      if (wasPaused || synth.paused === true) synth.resume();
    },
    unlock() {
      if (!gestureUnlock || unlocked || disposed) return;
      unlocked = true;
      const u = new Utterance(SILENT_UNLOCK_TEXT);
      u.volume = 0;
      synth.speak(u);
    },
    dispose() {
      if (disposed) return;
      engine.cancel();
      unsubscribeVisibility?.();
      disposed = true;
    },
  };
  return engine;
}
