/**
 * Time in the Web Speech engine: what it keeps of each sentence (a job) and
 * each utterance of it (a chunk), how long a chunk should take, where a
 * stopped chunk can go on from without losing a word, and how the voice's
 * speed is learnt. Pure functions over those records; the engine owns them.
 */
import type { UtteranceEvents, UtteranceHandle, UtteranceRequest } from './types.ts';
import type { UtteranceLike } from './webspeech-types.ts';
import {
  chunkLengthFor,
  DEFAULT_MS_PER_CHAR,
  estimateDurationMs,
  estimateWordTimes,
  splitIntoChunks,
  type TextChunk,
  type WordSpan,
} from './chunks.ts';

export interface Job {
  handle: UtteranceHandle;
  request: UtteranceRequest;
  events: UtteranceEvents;
  started: boolean;
  /** Offset from which the text is still to be said (end of the last finished chunk, or a resume point). */
  spokenTo: number;
  /** Offset of the last word boundary delivered (real or estimated). */
  lastBoundary: number;
  /** Whether its utterances are in the synthesizer's queue (this generation). */
  fed: boolean;
  /** Times the watchdog re-queued it because it never started. */
  retries: number;
  /** Times it was re-queued after a stall (cut-off, stuck silent voice) without getting further. */
  stalls: number;
  /** The resume point of the last stall, to tell progress from a loop. */
  stalledAt: number;
  voiceKey: string;
  /** The native voice is a network voice (localService false). */
  network: boolean;
}

export interface Native {
  gen: number;
  job: Job;
  chunk: TextChunk;
  last: boolean;
  utterance: UtteranceLike;
  /** Handed to synth.speak() (voices without events get one utterance at a time). */
  handed: boolean;
  /** Date.now() when handed over. */
  handedAt: number;
  started: boolean;
  /** Started by inference: the voice fires no events, so start and end are read off `speaking`. */
  silent: boolean;
  /** Date.now() of the (real or inferred) start. */
  startedAt: number;
  /** Time counted towards the watchdog: only while it heads the queue, the page is visible and nothing is paused. */
  waited: number;
  /** A real boundary event arrived for this chunk. */
  realBoundary: boolean;
  /** Date.now() when a silent chunk was first seen no longer speaking while the page was hidden (0: not seen). */
  goneAt: number;
  /** Another utterance (not ours) was seen queued ahead of it. */
  queuedBehind: boolean;
  /** For how long (counted like `waited`). */
  behindMs: number;
  /** How many (a voice that gives only a few is not judged by their gaps). */
  realBoundaries: number;
  /** `waited` at the last real boundary. */
  waitedAtBoundary: number;
  /** It was paused or hidden at some point: its start→end time is no measure of the voice's speed. */
  interrupted: boolean;
  done: boolean;
}

export interface Estimation {
  rec: Native;
  words: Array<WordSpan & { atMs: number }>;
  next: number;
  /** Date.now() at which the chunk would have started, adjusted for pauses. */
  origin: number;
  pausedAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Faster than any voice speaks at rate 1 (40 characters a second): the floor of a measured speed when cutting chunks. */
export const MIN_MS_PER_CHAR = 25;

/** Chrome's network voices stop an utterance after about this long. */
export const CUTOFF_MS = 15_000;

/**
 * With only estimated boundaries the engine does not know how far a cut-off
 * utterance got. It assumes the voice was this many times slower than
 * estimated (unmeasured voice / measured voice) so the resume point lies
 * before what was heard: a few words said twice, none lost.
 */
export const SLOW_FACTOR_UNMEASURED = 2;
export const SLOW_FACTOR_MEASURED = 1.5;

/** Longest silence between two real boundaries inside a chunk before it counts as cut off. */
export const BOUNDARY_GAP_MS = 4000;

/** How long another page script's utterance ahead of ours is waited for before the watchdog counts again. */
export const FOREIGN_WAIT_MS = 30_000;

/** Stalls at the same place (after one retry there) before the job is reported as failed. */
export const MAX_STALLS = 1;

/** A job for a request, nothing said yet. */
export function newJob(handle: UtteranceHandle, request: UtteranceRequest, events: UtteranceEvents): Job {
  return {
    handle,
    request,
    events,
    started: false,
    spokenTo: 0,
    lastBoundary: 0,
    fed: false,
    retries: 0,
    stalls: 0,
    stalledAt: -1,
    voiceKey: request.voice?.id ?? `lang:${request.lang}`,
    network: request.voice ? !request.voice.localService : false,
  };
}

/** A chunk's record, not yet handed to the synthesizer. */
export function newNative(job: Job, chunk: TextChunk, last: boolean, gen: number, utterance: UtteranceLike): Native {
  return {
    gen,
    job,
    chunk,
    last,
    utterance,
    handed: false,
    handedAt: 0,
    started: false,
    silent: false,
    startedAt: 0,
    waited: 0,
    realBoundary: false,
    realBoundaries: 0,
    goneAt: 0,
    queuedBehind: false,
    behindMs: 0,
    waitedAtBoundary: 0,
    interrupted: false,
    done: false,
  };
}

/** The chunk's estimated duration at the request's rate. */
export function estimatedMs(rec: Native, msPerChar: number): number {
  return estimateDurationMs(rec.chunk.text, rec.job.request.rate, msPerChar);
}

/** The last boundary delivered is the chunk's last word. */
export function atLastWord(rec: Native): boolean {
  const rest = rec.job.request.text.slice(rec.job.lastBoundary, rec.chunk.offset + rec.chunk.text.length);
  return !/\S\s+\S/.test(rest);
}

/**
 * Where to go on after this chunk stopped without an end. A real boundary
 * is the word that was sounding: say it again. Estimated boundaries only
 * guess, so go back to where a voice much slower than estimated would have
 * got within the time it could have been heard (at most Chrome's cut-off).
 * Without any start event nothing is known to have been heard: the chunk's
 * first word. `measured` is the voice's measured ms per character, if any.
 */
export function safeResumePoint(rec: Native, measured: number | undefined): number {
  const { job, chunk } = rec;
  if (rec.realBoundary) return Math.max(chunk.offset, Math.min(job.lastBoundary, chunk.offset + chunk.text.length));
  if (!rec.started || rec.silent) return chunk.offset;
  const msPerChar = measured ?? DEFAULT_MS_PER_CHAR;
  const slow = measured !== undefined ? SLOW_FACTOR_MEASURED : SLOW_FACTOR_UNMEASURED;
  const heardMs = Math.min(rec.waited, CUTOFF_MS) / slow;
  // A rate above 1 is not counted on: Android's speech service may play
  // every utterance at its own rate, and the voice's speed measured at
  // another rate says nothing about that.
  const rate = Math.max(0.1, Math.min(1, job.request.rate));
  const words = estimateWordTimes(chunk.text, rate, msPerChar);
  let at = chunk.offset;
  for (const w of words) {
    // A word counts only if it would have been said to its end.
    const endMs = w.atMs + (w.length * msPerChar) / rate;
    if (endMs > heardMs) break;
    at = chunk.offset + w.index;
  }
  // The last fully heard word is said again, and never a word past the
  // estimated boundaries shown (they stop while the page is hidden).
  return Math.min(at, job.lastBoundary >= chunk.offset ? job.lastBoundary : chunk.offset);
}

/**
 * The chunks of a job's text from `from` on. Cut by time, not characters:
 * each chunk should take about `targetChunkMs` at this rate with this
 * voice's measured speed, well inside Chrome's ~15 s limit.
 * `maxChunkLength`, when set, caps it further (at rate 1).
 */
export function planChunks(
  job: Job,
  from: number,
  { targetChunkMs, maxChunkLength, msPerChar }: { targetChunkMs: number; maxChunkLength: number; msPerChar: number },
): TextChunk[] {
  const text = job.request.text;
  // A measure faster than any voice at rate 1 (a glitch, or a silent audio
  // device that plays faster than real time) must not buy chunks long
  // enough to be cut off if the next one runs at a real pace.
  const byTime = chunkLengthFor(targetChunkMs, job.request.rate, Math.max(MIN_MS_PER_CHAR, msPerChar));
  const cap = maxChunkLength * Math.min(1, Math.max(0.1, job.request.rate));
  return splitIntoChunks(text.slice(from), Math.min(byTime, cap)).map((c) => ({
    text: c.text,
    offset: c.offset + from,
  }));
}

/** One measure of the voice's speed (ms per character at rate 1) from a chunk that ran start to end undisturbed, or null. */
export function speedSample(rec: Native, endedAt: number): number | null {
  if (!rec.started || rec.interrupted || rec.chunk.text.length < 20) return null;
  const ms = endedAt - rec.startedAt;
  if (ms <= 0) return null;
  return (ms * Math.max(0.1, rec.job.request.rate)) / rec.chunk.text.length;
}
