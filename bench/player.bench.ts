// Player store latencies on a zero-latency fake engine: how long our own code
// takes from a request (play, skip, rate change) to the engine's speak(), and
// across the hand-over from one sentence to the next. The baseline is the same
// fake engine driven directly, with no store in between, in the same process.
import { createPlayerStore } from '../src/player/store.ts';
import type { PlayerStore } from '../src/player/types.ts';
import type { UtteranceEvents, UtteranceRequest } from '../src/speech/types.ts';
import { FakeSpeechEngine, makeArticle, type FakeSectionSpec } from '../test/support/fake-engine.ts';

const ITERATIONS = 5000;
const WARMUP = 500;

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const us = (ms: number) => `${(ms * 1000).toFixed(1).padStart(7)} µs`;

function report(name: string, samples: number[], baseline: number[], goalMs: number): void {
  const m = stats(samples);
  const b = stats(baseline);
  const verdict = m.p95 < goalMs ? 'within goal' : 'OVER GOAL';
  console.log(
    `${name.padEnd(30)} median ${us(m.median)}  p95 ${us(m.p95)}   baseline median ${us(b.median)}  p95 ${us(b.p95)}   goal < ${goalMs} ms: ${verdict}`,
  );
}

/** A long article: 10 sections × 3 paragraphs × 5 sentences. */
function bigArticle() {
  const sections: FakeSectionSpec[] = [];
  for (let s = 0; s < 10; s++) {
    sections.push({
      heading: `Section ${s + 1}`,
      paragraphs: Array.from({ length: 3 }, (_, p) =>
        Array.from({ length: 5 }, (_, k) => `Sentence ${k + 1} of paragraph ${p + 1} in section ${s + 1}, of ordinary length for news.`),
      ),
    });
  }
  return makeArticle(sections);
}

/** A fake engine that notes when speak() is first called after `arm()`. */
function timedEngine() {
  const engine = new FakeSpeechEngine();
  let armed = false;
  let speakAt = 0;
  const speak = engine.speak.bind(engine);
  engine.speak = (r: UtteranceRequest, e: UtteranceEvents) => {
    if (armed) {
      speakAt = performance.now();
      armed = false;
    }
    return speak(r, e);
  };
  return {
    engine,
    arm() {
      armed = true;
      speakAt = 0;
    },
    get speakAt() {
      return speakAt;
    },
  };
}

function newStore(engine: FakeSpeechEngine): PlayerStore {
  const store = createPlayerStore({ engine });
  store.subscribe(() => {
    /* a listener, as the UI has: emitting is part of the cost */
  });
  store.load(bigArticle());
  return store;
}

/** Request → speak(): `prepare` puts the store in the state, `request` is timed. */
function measureRequest(prepare: (store: PlayerStore, engine: FakeSpeechEngine) => void, request: (store: PlayerStore, i: number) => void): number[] {
  const t = timedEngine();
  const store = newStore(t.engine);
  const out: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    prepare(store, t.engine);
    t.arm();
    const t0 = performance.now();
    request(store, i);
    if (t.speakAt === 0) throw new Error('the request did not reach the engine');
    if (i >= WARMUP) out.push(t.speakAt - t0);
  }
  store.dispose();
  return out;
}

/** Baseline: the same fake engine's speak() called directly, no store. */
function baselineSpeak(): number[] {
  const engine = new FakeSpeechEngine();
  const req: UtteranceRequest = { text: 'Sentence one of ordinary length.', lang: 'en', rate: 1, volume: 1 };
  const events: UtteranceEvents = {};
  const out: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    engine.cancel();
    const t0 = performance.now();
    engine.speak(req, events);
    const t1 = performance.now();
    if (i >= WARMUP) out.push(t1 - t0);
    if (engine.spoken.length > 1000) engine.clearCalls();
  }
  return out;
}

/** Sentence hand-over: from the engine's end of one utterance until the next one's start is committed. */
function measureGap(): { gap: number[]; endHandler: number[]; queuedAhead: number; total: number } {
  const engine = new FakeSpeechEngine();
  const store = newStore(engine);
  const gap: number[] = [];
  const endHandler: number[] = [];
  let queuedAhead = 0;
  let total = 0;
  let n = 0;
  while (gap.length < ITERATIONS) {
    if (store.state.status !== 'playing') {
      store.play();
      engine.fireStart();
    }
    // Was the next utterance already in the engine when this one ended? (no gap of ours at all)
    if (store.state.position?.flatIndex !== 149) {
      if (engine.queue.length >= 2) queuedAhead++;
      total++;
    }
    const t0 = performance.now();
    engine.fireEnd();
    const t1 = performance.now();
    if (engine.current) engine.fireStart();
    const t2 = performance.now();
    if (++n > WARMUP) {
      endHandler.push(t1 - t0);
      gap.push(t2 - t0);
    }
    if (engine.spoken.length > 1000) engine.clearCalls();
  }
  store.dispose();
  return { gap, endHandler, queuedAhead, total };
}

/** Baseline for the gap: the fake engine's own end → start with do-nothing handlers. */
function baselineGap(): number[] {
  const engine = new FakeSpeechEngine();
  const req: UtteranceRequest = { text: 'Sentence.', lang: 'en', rate: 1, volume: 1 };
  const events: UtteranceEvents = { onStart() {}, onEnd() {} };
  const out: number[] = [];
  engine.speak(req, events);
  engine.fireStart();
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    engine.speak(req, events);
    const t0 = performance.now();
    engine.fireEnd();
    engine.fireStart();
    const t1 = performance.now();
    if (i >= WARMUP) out.push(t1 - t0);
    if (engine.spoken.length > 1000) engine.clearCalls();
  }
  return out;
}

export async function run(): Promise<void> {
  console.log(`zero-latency fake engine, ${ITERATIONS} iterations after ${WARMUP} warm-up; 150-sentence article; one listener subscribed`);
  const base = baselineSpeak();

  const play = measureRequest(
    (store) => store.stop(),
    (store) => store.play(),
  );
  report('play → speak()', play, base, 2);

  const playing = (store: PlayerStore, engine: FakeSpeechEngine) => {
    if (store.state.status !== 'playing' || engine.current?.state !== 'speaking') {
      if (store.state.status === 'ended' || store.state.position?.flatIndex === 149) store.seek('s1p1s1');
      store.play();
      if (engine.current?.state === 'queued') engine.fireStart();
    }
    if (engine.spoken.length > 1000) engine.clearCalls();
  };
  const skip = measureRequest(
    (store, engine) => {
      playing(store, engine);
      if (store.state.position && store.state.position.flatIndex >= 148) store.seek('s1p1s1');
      playing(store, engine);
    },
    (store) => store.nextSentence(),
  );
  report('nextSentence → speak()', skip, base, 2);

  const rate = measureRequest(
    (store, engine) => {
      playing(store, engine);
      engine.fireBoundary();
    },
    (store, i) => store.setRate(i % 2 ? 1.5 : 1.25),
  );
  report('setRate → speak() (live)', rate, base, 2);

  const g = measureGap();
  const gb = baselineGap();
  report('end → next start committed', g.gap, gb, 1);
  report('end handler alone', g.endHandler, gb, 1);
  console.log(`next utterance already queued in the engine when a sentence ended: ${g.queuedAhead} of ${g.total} (last sentences excluded)`);
  await Promise.resolve();
}
