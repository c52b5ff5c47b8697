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

/**
 * Until the page asks for speech, eSpeak speaks to itself: its code runs in
 * V8's interpreter at first, and the seed sentence took 400–1300 ms cold
 * against ~20–40 ms after ten short phrases (Node, same V8, measured; one
 * phrase did not help). One phrase a task, so a request waits at most one
 * phrase (tens of ms), and none once the page has asked for anything: real
 * sentences warm it as well. The audio is thrown away.
 */
const WARM_UP = [
  'Hello there.',
  'The quick brown fox jumps over the lazy dog.',
  'One, two, three; four and five?',
  'It was the best of times.',
  'She sells sea shells by the sea shore.',
  'Numbers like 42 and 1,000 are read aloud.',
  'Where are you going, my friend?',
  'Listen to this article.',
  'Every sentence is spoken once, in order.',
  'That is all for now.',
];
let asked = false;
const FIRST_WARM_UP_AFTER_MS = 100;

function warmUp(synth: Awaited<ReturnType<typeof startEspeak>>, lang: string, next = 0): void {
  if (asked || next >= WARM_UP.length) return;
  setTimeout(() => {
    if (asked || started.get(lang) === undefined) return;
    try {
      synth.synthesize(WARM_UP[next]!);
    } catch {
      return; // a real request will report what is wrong
    }
    warmUp(synth, lang, next + 1);
    // The first phrase waits: a page that loaded the voice to speak at once
    // sends its sentence as soon as it hears `loaded`.
  }, next === 0 ? FIRST_WARM_UP_AFTER_MS : 0);
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function failed(id: number, err: unknown): void {
  reply({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
}

scope.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg.type === 'synthesize') asked = true;
  synthesizer(msg.lang, msg.type === 'load' ? msg.pack : undefined)
    .then((synth) => {
      if (msg.type === 'load') {
        if (msg.warmUp) warmUp(synth, msg.lang);
        return reply({ id: msg.id, type: 'loaded', voices: synth.voices });
      }
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
