/**
 * The page's side of the fallback voice's worker (espeak-worker.ts): eSpeak
 * loads and synthesizes there, so the page's thread only posts text and
 * receives samples (transferred, not copied) and word timings.
 *
 * The voice pack is fetched here, on the page's thread, and transferred to
 * the worker: the `fetchPack` hook (the player's IndexedDB copy of the pack)
 * is a function of the page and cannot be sent to a worker, and a fetch is
 * no main-thread work worth moving (the bytes arrive off-thread; the only
 * cost here is a promise). The worker starts importing eSpeak's code while
 * the pack downloads, so both load at once, as on the in-thread path.
 *
 * Nothing here can hang: every request has a deadline, and a worker that
 * crashes, fails to load or misses a deadline is terminated, every pending
 * request fails with a coded error (`network` or `synthesis-failed`, as the
 * engine reports them), and the next request starts a new worker.
 */
import type { SpeechErrorCode } from '../types.ts';
import {
  fetchArrayBuffer,
  packUrl,
  type FallbackSynthesizer,
  type LoadOptions,
  type PartSink,
  type Synthesis,
  type SynthesisOptions,
  type SynthesisWord,
  type VoicePack,
} from './espeak.ts';
import type { FallbackLanguage } from './languages.ts';

/** Page → worker. */
export type WorkerRequest =
  | { id: number; type: 'load'; lang: FallbackLanguage; pack: ArrayBuffer; warmUp?: boolean }
  | { id: number; type: 'synthesize'; lang: FallbackLanguage; text: string; options: SynthesisOptions; stream?: boolean };

/** Worker → page, one per request, with the request's id (a streamed synthesis sends `part`s before its answer). */
export type WorkerReply =
  | { id: number; type: 'loaded'; voices: VoicePack['voices'] }
  | { id: number; type: 'part'; samples: Float32Array; sampleRate: number; words: SynthesisWord[] }
  | {
      id: number;
      type: 'synthesized';
      samples: Float32Array;
      sampleRate: number;
      words: SynthesisWord[];
      /** The worker's own time in eSpeak for this text (benchmarks, tests). */
      busyMs: number;
    }
  | { id: number; type: 'failed'; message: string };

export interface WorkerSynthesizerOptions extends LoadOptions {
  /** Starts the worker (default: espeak-worker.ts beside this module). Tests pass broken ones. */
  createWorker?: () => Worker;
  /** Deadline for loading a language in the worker (code + start-up), ms. Default 30 s. */
  loadTimeoutMs?: number;
  /** Deadline for one synthesis answer, ms. Default 20 s (a clause takes 10–500 ms). */
  synthesisTimeoutMs?: number;
  /**
   * Let eSpeak speak a few short phrases to itself after loading, while
   * nothing is asked of it, so the first real sentence runs compiled code
   * (espeak-worker.ts). Default true; benchmarks turn it off to compare.
   */
  warmUp?: boolean;
}

/** The worker's synthesizer: `synthesize` answers asynchronously. */
export interface WorkerSynthesizer extends FallbackSynthesizer {
  synthesize(text: string, options?: SynthesisOptions, onPart?: PartSink): Promise<Synthesis & { busyMs: number }>;
}

export interface WorkerSynthesizers {
  /** eSpeak for `lang`, loaded in the worker (started on first use). Cached per language. */
  load(lang: FallbackLanguage): Promise<WorkerSynthesizer>;
  /** Terminates the worker; pending requests fail. */
  dispose(): void;
}

/** True where module workers can run this (browsers; not Node). */
export function canUseWorker(): boolean {
  return typeof Worker === 'function' && typeof URL === 'function';
}

function coded(message: string, code: SpeechErrorCode): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * The default worker: same-origin and module-typed, so `default-src 'self'`
 * allows it (no blob: or data: URL, no eval). Bundlers (Vite for the widget
 * and the demo, a publisher's bundler on lib/) see only the `.js` URL and
 * emit the worker beside the chunk (Vite resolves it to the .ts source); a
 * tsc build (lib/) has espeak-worker.js beside this file. Servers of the
 * TypeScript source as is (web-test-runner, Vite's dev server) have only the
 * .ts, whose URL is made at run time so that no bundler looks for a file
 * lib/ does not ship.
 */
function defaultWorker(): Worker {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) {
    // Built at run time, not a `new URL('…', import.meta.url)` literal, which bundlers would try to resolve.
    here.pathname = here.pathname.replace(/[^/]*$/, 'espeak-worker.ts');
    here.search = '';
    return new Worker(here, { type: 'module', name: 'aloud-espeak' });
  }
  return new Worker(new URL('./espeak-worker.js', import.meta.url), { type: 'module', name: 'aloud-espeak' });
}

interface Pending {
  resolve(reply: WorkerReply): void;
  onPart?: PartSink;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Loads and runs eSpeak in a module worker. Nothing starts until the first `load`. */
export function workerSynthesizers(options: WorkerSynthesizerOptions = {}): WorkerSynthesizers {
  const loadTimeoutMs = options.loadTimeoutMs ?? 30_000;
  const synthesisTimeoutMs = options.synthesisTimeoutMs ?? 20_000;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const loaded = new Map<FallbackLanguage, Promise<WorkerSynthesizer>>();

  /** Ends this worker: everything pending fails with `err`; the next request starts afresh. */
  function tearDown(err: Error): void {
    worker?.terminate();
    worker = null;
    loaded.clear();
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(err);
    }
  }

  function start(): Worker {
    if (worker) return worker;
    let w: Worker;
    try {
      w = (options.createWorker ?? defaultWorker)();
    } catch (err) {
      throw coded(`The fallback voice could not start: ${err instanceof Error ? err.message : String(err)}`, 'synthesis-failed');
    }
    w.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const p = pending.get(reply?.id);
      if (!p) return;
      if (reply.type === 'part') {
        const { samples, sampleRate, words } = reply;
        p.onPart?.({ samples, sampleRate, durationMs: (samples.length / sampleRate) * 1000, words });
        return;
      }
      pending.delete(reply.id);
      clearTimeout(p.timer);
      p.resolve(reply);
    });
    w.addEventListener('error', (event: Event) => {
      if (w !== worker) return;
      // Handled here: not an uncaught error of the host page.
      event.preventDefault();
      const message = event instanceof ErrorEvent ? event.message : '';
      tearDown(
        message
          ? coded(`The fallback voice stopped: ${message}`, 'synthesis-failed')
          : // A bare error event: the worker's script did not load (missing file, offline).
            coded('The fallback voice could not be loaded (its worker script failed to load).', 'network'),
      );
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) tearDown(coded('The fallback voice sent an unreadable answer.', 'synthesis-failed'));
    });
    worker = w;
    return w;
  }

  function request(message: WorkerRequest, transfer: Transferable[], timeoutMs: number, onPart?: PartSink): Promise<WorkerReply> {
    const w = start();
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        // No answer: the worker is stuck or died without a word. Start over next time.
        if (w === worker) tearDown(coded(`The fallback voice did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'synthesis-failed'));
      }, timeoutMs);
      pending.set(message.id, { resolve, reject, timer, onPart });
      w.postMessage(message, transfer);
    }).then((reply) => {
      if (reply.type === 'failed') throw new Error(reply.message);
      return reply;
    });
  }

  async function loadIn(lang: FallbackLanguage): Promise<WorkerSynthesizer> {
    // The worker first, so its code import overlaps the pack download.
    start();
    const pack = await (options.fetchPack ?? fetchArrayBuffer)((options.packUrl ?? packUrl)(lang), lang);
    const reply = await request({ id: nextId++, type: 'load', lang, pack, warmUp: options.warmUp ?? true }, [pack], loadTimeoutMs);
    if (reply.type !== 'loaded') throw coded(`Unexpected answer from the fallback voice: ${reply.type}`, 'synthesis-failed');
    return {
      lang,
      voices: reply.voices,
      async synthesize(text, opts = {}, onPart) {
        // After a crash the new worker must load the language again first.
        await load(lang);
        const out = await request(
          { id: nextId++, type: 'synthesize', lang, text, options: opts, stream: !!onPart },
          [],
          synthesisTimeoutMs,
          onPart,
        );
        if (out.type !== 'synthesized') throw coded(`Unexpected answer from the fallback voice: ${out.type}`, 'synthesis-failed');
        return {
          samples: out.samples,
          sampleRate: out.sampleRate,
          durationMs: (out.samples.length / out.sampleRate) * 1000,
          words: out.words,
          busyMs: out.busyMs,
        };
      },
    };
  }

  function load(lang: FallbackLanguage): Promise<WorkerSynthesizer> {
    let p = loaded.get(lang);
    if (!p) {
      const attempt = loadIn(lang);
      p = attempt;
      loaded.set(lang, attempt);
      attempt.catch(() => {
        if (loaded.get(lang) === attempt) loaded.delete(lang);
      });
    }
    return p;
  }

  return {
    load,
    dispose() {
      tearDown(coded('The fallback voice was closed.', 'interrupted'));
    },
  };
}
