/**
 * The fallback voice's module worker: eSpeak NG runs here, so a sentence's
 * synthesis (tens to hundreds of ms) never blocks the page. Started by
 * worker-synthesizer.ts; the page fetches each voice pack (through its
 * `fetchPack` hook, which may read IndexedDB) and transfers it here.
 *
 * Protocol: worker-synthesizer.ts (WorkerRequest / WorkerReply).
 */
import { preloadEspeakCode, startEspeak, type Synthesis } from './espeak.ts';
import type { WorkerReply, WorkerRequest } from './worker-synthesizer.ts';

// The project's tsconfig has the DOM library, not WebWorker (the two
// conflict): this is the part of DedicatedWorkerGlobalScope used here.
const scope = globalThis as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

// eSpeak's code (0.8 MB of JavaScript to fetch and compile) loads while the
// page is still fetching the pack; errors surface with the first `load`.
preloadEspeakCode().catch(() => {});

const started = new Map<string, ReturnType<typeof startEspeak>>();

/** The language's eSpeak, started once from the pack the page sent; a failed start may be retried with a new pack. */
function synthesizer(lang: string, pack?: ArrayBuffer): ReturnType<typeof startEspeak> {
  let p = started.get(lang);
  if (!p) {
    if (!pack) return Promise.reject(new Error(`No voice pack for ${lang} was sent to the worker`));
    const attempt = startEspeak(pack);
    p = attempt;
    started.set(lang, attempt);
    attempt.catch(() => {
      if (started.get(lang) === attempt) started.delete(lang);
    });
  }
  return p;
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function failed(id: number, err: unknown): void {
  reply({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
}

scope.addEventListener('message', (event) => {
  const msg = event.data;
  synthesizer(msg.lang, msg.type === 'load' ? msg.pack : undefined)
    .then((synth) => {
      if (msg.type === 'load') return reply({ id: msg.id, type: 'loaded', voices: synth.voices });
      const t0 = performance.now();
      // Parts leave while eSpeak goes on (a cold first sentence starts sounding
      // after its first ~100 ms of audio, not after the whole sentence).
      const onPart = msg.stream
        ? (part: Synthesis) =>
            reply({ id: msg.id, type: 'part', samples: part.samples, sampleRate: part.sampleRate, words: part.words }, [part.samples.buffer])
        : undefined;
      const out = synth.synthesize(msg.text, msg.options, onPart);
      const busyMs = performance.now() - t0;
      // Transferred, not copied: the page gets the samples without a copy.
      reply(
        { id: msg.id, type: 'synthesized', samples: out.samples, sampleRate: out.sampleRate, words: out.words, busyMs },
        [out.samples.buffer],
      );
    })
    .catch((err: unknown) => failed(msg.id, err));
});
