import { expect } from '@esm-bundle/chai';
import { createFallbackEngine } from '../../../src/speech/fallback/fallback-engine.ts';
import { loadEspeak, type Synthesis } from '../../../src/speech/fallback/espeak.ts';
import { workerSynthesizers, type WorkerReply } from '../../../src/speech/fallback/worker-synthesizer.ts';
import { createWebSpeechEngine } from '../../../src/speech/webspeech-engine.ts';
import type { UtteranceEvents } from '../../../src/speech/types.ts';

const SEED =
  'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul still under ISIS control.';

type Ev = { type: string; t: number; charIndex?: number; charLength?: number; estimated?: boolean; code?: string };

function recorder(): { events: UtteranceEvents; log: Ev[]; ended: Promise<void> } {
  const log: Ev[] = [];
  let done!: () => void;
  const ended = new Promise<void>((r) => (done = r));
  return {
    log,
    ended,
    events: {
      onStart: () => log.push({ type: 'start', t: performance.now() }),
      onBoundary: (b) => log.push({ type: 'boundary', t: performance.now(), ...b }),
      onEnd: () => {
        log.push({ type: 'end', t: performance.now() });
        done();
      },
      onError: (e) => {
        log.push({ type: 'error', t: performance.now(), code: e.code });
        done();
      },
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PARAGRAPH =
  'Mosul\'s liberation is "imminent," but the battle "still remains ... a difficult fight," with days -- rather than weeks -- ' +
  'left to go, coalition spokesman Col. Ryan Dillon said Thursday from Baghdad, confirming Iraqi forces had seized the ' +
  'remains of an iconic mosque and minaret.';

/**
 * Watches the page's thread: a MessageChannel ping-pong runs whenever the
 * thread is free, so the longest gap between two pings is the longest time
 * the thread was blocked.
 */
function threadProbe(): { stop(): { pings: number; longestGapMs: number } } {
  const channel = new MessageChannel();
  let pings = 0;
  let longest = 0;
  let last = performance.now();
  let running = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    pings++;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return {
    stop() {
      running = false;
      longest = Math.max(longest, performance.now() - last);
      channel.port1.close();
      return { pings, longestGapMs: longest };
    },
  };
}

/** Counts the worker's answers while `fn` runs: every Worker the page starts is watched. */
async function watchingWorkers<T>(fn: () => Promise<T>): Promise<{ result: T; replies: string[]; workers: Worker[] }> {
  const Real = window.Worker;
  const replies: string[] = [];
  const workers: Worker[] = [];
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
      this.addEventListener('message', (e: MessageEvent<WorkerReply>) => replies.push(e.data.type));
    }
  };
  try {
    return { result: await fn(), replies, workers };
  } finally {
    window.Worker = Real;
  }
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / samples.length);
}

describe('fallback engine (eSpeak NG in Chromium)', function () {
  this.timeout(30_000);

  it('runs where headless Chromium has no Web Speech voices, so the fallback is what speaks', async () => {
    const voices = await createWebSpeechEngine({ voicesTimeoutMs: 1500 }).getVoices();
    expect(voices).to.deep.equal([]);
  });

  it('synthesizes the seed sentence into real, non-silent audio with word timings', async () => {
    const synth = await loadEspeak('en');
    const out = synth.synthesize(SEED);
    expect(out.sampleRate).to.equal(22050);
    expect(rms(out.samples)).to.be.above(0.02);
    const words = SEED.split(' ').length; // 19
    // 19 words at about 175 words a minute: 6.5 s; allow a wide band.
    expect(out.durationMs).to.be.within((words / 300) * 60_000, (words / 100) * 60_000);
    const idx = out.words.map((w) => w.charIndex);
    expect(idx[0]).to.equal(0);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).to.be.above(idx[i - 1]!);
    expect(out.words.length).to.be.at.least(words - 3);
    expect(SEED.slice(out.words.at(-1)!.charIndex)).to.equal('control.');
  });

  it("fetches only its own files, from the page's origin: the English pack, never the 24 MB espeak-ng.data", async () => {
    await loadEspeak('en');
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => /\/en\.espeak(\?|$)/.test(u))).to.equal(true);
    expect(urls.some((u) => u.includes('espeak-ng.data'))).to.equal(false);
    expect(urls.some((u) => /\/(de|fr|es)\.espeak/.test(u))).to.equal(false);
    for (const u of urls) expect(new URL(u).origin).to.equal(location.origin);
  });

  it('speaks at rate 2 audibly faster than at rate 1 (eSpeak rate, not playbackRate)', async () => {
    const synth = await loadEspeak('en');
    const r1 = synth.synthesize(SEED, { rate: 1 });
    const r2 = synth.synthesize(SEED, { rate: 2 });
    expect(r2.durationMs).to.be.below(r1.durationMs * 0.7);
    expect(r2.sampleRate).to.equal(r1.sampleRate);
  });

  it('fires start, word boundaries in order within the text, and end', async () => {
    const engine = createFallbackEngine();
    const r = recorder();
    const t0 = performance.now();
    engine.speak({ text: SEED, lang: 'en', rate: 2, volume: 0.2 }, r.events);
    await r.ended;
    engine.dispose();
    const types = r.log.map((e) => e.type).filter((t) => t !== 'boundary');
    expect(types).to.deep.equal(['start', 'end']);
    const b = r.log.filter((e) => e.type === 'boundary');
    expect(b.length).to.be.at.least(15);
    for (const e of b) {
      expect(e.estimated).to.equal(false);
      expect(e.charIndex! + e.charLength!).to.be.at.most(SEED.length);
      expect(SEED.slice(e.charIndex, e.charIndex! + e.charLength!)).to.match(/^\S+$/);
    }
    for (let i = 1; i < b.length; i++) expect(b[i]!.charIndex).to.be.above(b[i - 1]!.charIndex!);
    // The events follow the audio clock: the words are spread over seconds.
    expect(b.at(-1)!.t - b[0]!.t).to.be.above(1500);
    expect(performance.now() - t0).to.be.above(2000);
  });

  it('speaks a long sentence clause by clause with boundaries in order across the clauses', async () => {
    const text =
      'Mosul\'s liberation is "imminent," but the battle "still remains ... a difficult fight," with days -- rather than weeks -- left to go.';
    const engine = createFallbackEngine();
    const r = recorder();
    engine.speak({ text, lang: 'en', rate: 3, volume: 0.2 }, r.events);
    await r.ended;
    engine.dispose();
    expect(r.log.map((e) => e.type).filter((t) => t !== 'boundary')).to.deep.equal(['start', 'end']);
    const idx = r.log.filter((e) => e.type === 'boundary').map((e) => e.charIndex!);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).to.be.above(idx[i - 1]!);
    // Words of the later clauses are reported at their place in the whole sentence.
    expect(idx.some((i) => text.slice(i).startsWith('battle'))).to.equal(true);
    expect(idx.some((i) => text.slice(i).startsWith('left'))).to.equal(true);
  });

  it('plays queued utterances back to back, in order', async () => {
    const engine = createFallbackEngine();
    const a = recorder();
    const b = recorder();
    engine.speak({ text: 'First.', lang: 'en-GB', rate: 2, volume: 0.2 }, a.events);
    engine.speak({ text: 'Second.', lang: 'en-GB', rate: 2, volume: 0.2 }, b.events);
    await b.ended;
    engine.dispose();
    expect(a.log.map((e) => e.type).filter((t) => t !== 'boundary')).to.deep.equal(['start', 'end']);
    expect(b.log[0]!.type).to.equal('start');
    expect(b.log[0]!.t).to.be.at.least(a.log.at(-1)!.t);
  });

  it('cancel stops it with no further events', async () => {
    const engine = createFallbackEngine();
    const r = recorder();
    engine.speak({ text: SEED, lang: 'en', rate: 1, volume: 0.2 }, r.events);
    while (!r.log.some((e) => e.type === 'boundary')) await sleep(20);
    engine.cancel();
    const n = r.log.length;
    await sleep(1500);
    expect(r.log.length).to.equal(n);
    const after = recorder();
    engine.speak({ text: 'Still works.', lang: 'en', rate: 2, volume: 0.2 }, after.events);
    await after.ended;
    expect(after.log.map((e) => e.type).filter((t) => t !== 'boundary')).to.deep.equal(['start', 'end']);
    engine.dispose();
  });

  it('pause holds the events with the sound; resume finishes the sentence', async () => {
    const engine = createFallbackEngine();
    const r = recorder();
    engine.speak({ text: 'A short sentence to pause in the middle of.', lang: 'en', rate: 1.5, volume: 0.2 }, r.events);
    while (!r.log.some((e) => e.type === 'boundary')) await sleep(20);
    engine.pause();
    await sleep(100);
    const n = r.log.length;
    await sleep(1500);
    expect(r.log.length).to.equal(n);
    engine.resume();
    await r.ended;
    expect(r.log.at(-1)!.type).to.equal('end');
    engine.dispose();
  });

  it('a platform that suspends its audio on a locked phone: events wait with the sound, and the return resumes it where it stopped', async () => {
    let context: AudioContext | null = null;
    const engine = createFallbackEngine({ audioContext: () => (context = new AudioContext()) });
    const r = recorder();
    engine.speak({ text: 'A sentence the phone locks in the middle of, and then it comes back.', lang: 'en', rate: 1.5, volume: 0.2 }, r.events);
    while (!r.log.some((e) => e.type === 'boundary')) await sleep(20);
    // The platform, not the listener: the engine was not paused.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    // As iOS while locked: the audio is interrupted and nothing may resume it.
    const ctx = context!;
    ctx.resume = () => Promise.reject(new DOMException('Interrupted', 'InvalidStateError'));
    await ctx.suspend();
    document.dispatchEvent(new Event('visibilitychange'));
    // A word whose audio was already rendered when the sound stopped may still be told (tens of ms).
    await sleep(150);
    const n = r.log.length;
    await sleep(1200);
    expect(r.log.length, 'no word while the sound is held').to.equal(n);
    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    delete (ctx as unknown as Record<string, unknown>)['resume'];
    document.dispatchEvent(new Event('visibilitychange'));
    await r.ended;
    expect(context!.state).to.equal('running');
    const words = r.log.filter((e) => e.type === 'boundary').map((e) => e.charIndex);
    expect(words, 'every word once, in order').to.deep.equal([...new Set(words)].sort((a, b) => a! - b!));
    engine.dispose();
  });

  it('synthesizes in a module worker: the page keeps running while eSpeak works on a paragraph', async () => {
    const synths = workerSynthesizers();
    const synth = await synths.load('en');
    const text = `${PARAGRAPH} ${PARAGRAPH} ${PARAGRAPH}`;
    await synth.synthesize('Warm up.');
    const probe = threadProbe();
    const out = await synth.synthesize(text);
    const page = probe.stop();
    synths.dispose();
    expect(rms(out.samples)).to.be.above(0.02);
    expect(out.words.length).to.be.at.least(120);
    // The worker spent real time in eSpeak…
    expect(out.busyMs).to.be.above(30);
    // …while this thread answered pings all along, never stalled for even half of it.
    expect(page.pings).to.be.above(10);
    expect(page.longestGapMs).to.be.below(out.busyMs / 2);
  });

  it('streams a slow synthesis: its parts arrive before the answer and, joined with it, are the same audio and words as one answer', async () => {
    const text = `${PARAGRAPH} ${PARAGRAPH} ${PARAGRAPH}`;
    const synths = workerSynthesizers();
    const synth = await synths.load('en');
    // The same eSpeak, asked without a part sink: one answer.
    const whole = await synth.synthesize(text);
    const parts: { at: number; part: Synthesis }[] = [];
    const out = await synth.synthesize(text, {}, (part) => parts.push({ at: performance.now(), part }));
    const answeredAt = performance.now();
    synths.dispose();
    // Three paragraphs take eSpeak well over the 30 ms after which it streams, even warm.
    expect(out.busyMs).to.be.above(30);
    expect(parts.length).to.be.at.least(1);
    expect(parts[0]!.at).to.be.below(answeredAt);
    const all = [...parts.map((p) => p.part), out];
    const samples = new Float32Array(all.reduce((n, p) => n + p.samples.length, 0));
    const words: { charIndex: number; timeMs: number }[] = [];
    let at = 0;
    for (const p of all) {
      samples.set(p.samples, at);
      for (const w of p.words) words.push({ charIndex: w.charIndex, timeMs: w.timeMs + (at / p.sampleRate) * 1000 });
      at += p.samples.length;
    }
    // eSpeak varies a text's length by a few hundred samples from run to run
    // (seen in Node too, without streaming), so the audio is compared by
    // length and loudness, and the words by position and time.
    expect(Math.abs(samples.length - whole.samples.length)).to.be.below(whole.samples.length * 0.01);
    expect(rms(samples)).to.be.within(rms(whole.samples) * 0.9, rms(whole.samples) * 1.1);
    expect(words.map((w) => w.charIndex)).to.deep.equal(whole.words.map((w) => w.charIndex));
    words.forEach((w, i) => expect(Math.abs(w.timeMs - whole.words[i]!.timeMs)).to.be.below(50));
  });

  it('the engine speaks through its worker: eSpeak loads there and every piece is answered from there', async () => {
    const r = recorder();
    const { replies, workers } = await watchingWorkers(async () => {
      const engine = createFallbackEngine();
      engine.speak({ text: 'Through the worker, clause by clause, to the end.', lang: 'en', rate: 3, volume: 0.2 }, r.events);
      await r.ended;
      engine.dispose();
    });
    expect(r.log.map((e) => e.type).filter((t) => t !== 'boundary')).to.deep.equal(['start', 'end']);
    expect(r.log.filter((e) => e.type === 'boundary').length).to.be.at.least(5);
    expect(workers).to.have.length(1);
    expect(replies[0]).to.equal('loaded');
    expect(replies.filter((t) => t === 'synthesized').length).to.be.at.least(1);
    expect(replies).not.to.include('failed');
  });

  it('a worker script that does not load ends the utterance in a network error, not silence', async () => {
    const engine = createFallbackEngine({ worker: () => new Worker('/no-such-espeak-worker.js', { type: 'module' }) });
    const r = recorder();
    engine.speak({ text: 'Never heard.', lang: 'en', rate: 1, volume: 0.2 }, r.events);
    await r.ended;
    engine.dispose();
    expect(r.log.map((e) => e.code ?? e.type)).to.deep.equal(['network']);
  });

  it('a missing voice pack ends the utterance in a network error', async () => {
    const engine = createFallbackEngine({ packUrl: () => new URL('/no-such-pack.espeak', location.href) });
    const r = recorder();
    engine.speak({ text: 'Never heard.', lang: 'en', rate: 1, volume: 0.2 }, r.events);
    await r.ended;
    engine.dispose();
    expect(r.log.map((e) => e.code ?? e.type)).to.deep.equal(['network']);
  });

  it('a worker that throws ends the utterance in synthesis-failed', async () => {
    const crashing = URL.createObjectURL(
      new Blob(['self.onmessage = () => { throw new Error("eSpeak crashed"); };'], { type: 'text/javascript' }),
    );
    const engine = createFallbackEngine({ worker: () => new Worker(crashing, { type: 'module' }) });
    const r = recorder();
    engine.speak({ text: 'Never heard.', lang: 'en', rate: 1, volume: 0.2 }, r.events);
    await r.ended;
    engine.dispose();
    URL.revokeObjectURL(crashing);
    expect(r.log.map((e) => e.code ?? e.type)).to.deep.equal(['synthesis-failed']);
  });

  it('a worker that dies mid-article: the sentence fails after the deadline, the next one plays from a new worker', async () => {
    const engine = createFallbackEngine({ synthesisTimeoutMs: 1000 });
    const lost = recorder();
    let t0 = 0;
    const { workers } = await watchingWorkers(async () => {
      const loaded = recorder();
      engine.speak({ text: 'Loaded.', lang: 'en', rate: 3, volume: 0.2 }, loaded.events);
      await loaded.ended;
      t0 = performance.now();
      engine.speak({ text: 'This sentence is lost with the worker.', lang: 'en', rate: 1, volume: 0.2 }, lost.events);
    });
    // Gone without a word before it could answer, as a crashed or killed worker is.
    workers[0]!.terminate();
    await lost.ended;
    expect(lost.log.map((e) => e.code ?? e.type)).to.deep.equal(['synthesis-failed']);
    expect(performance.now() - t0).to.be.within(900, 5000);
    const next = recorder();
    engine.speak({ text: 'A new worker speaks.', lang: 'en', rate: 3, volume: 0.2 }, next.events);
    await next.ended;
    engine.dispose();
    expect(workers).to.have.length(1);
    expect(next.log.map((e) => e.type).filter((t) => t !== 'boundary')).to.deep.equal(['start', 'end']);
  });

  it('reports no-voice for a language it does not ship', async () => {
    const engine = createFallbackEngine();
    const r = recorder();
    engine.speak({ text: 'こんにちは', lang: 'ja', rate: 1, volume: 1 }, r.events);
    await r.ended;
    expect(r.log.map((e) => e.code ?? e.type)).to.deep.equal(['no-voice']);
    engine.dispose();
  });
});
