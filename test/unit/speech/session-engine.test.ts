// The session engine: Web Speech and the fallback behind one engine,
// chosen per utterance, switched only between utterances, never two
// sounding at once; late voices, network voices that fail and a
// synthesizer that keeps failing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionEngine, type SessionEngineOptions } from '../../../src/speech/session-engine.ts';
import type { EngineChange, SpeechEngine, UtteranceRequest, VoiceInfo } from '../../../src/speech/types.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { FakeSynth, FakeUtterance } from '../../support/fake-synth.ts';
import { createWebSpeechEngine } from '../../../src/speech/webspeech-engine.ts';
import { eventTypes, recorder } from '../../support/utterance-recorder.ts';

const webVoice = (id: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  id,
  name: id,
  lang: 'en-US',
  isDefault: false,
  localService: true,
  engine: 'webspeech',
  ...extra,
});
const LOCAL = webVoice('Local English');
const NETWORK = webVoice('Online English (Natural)', { localService: false });

const req = (text: string, extra: Partial<UtteranceRequest> = {}): UtteranceRequest => ({
  text,
  lang: 'en-US',
  rate: 1,
  volume: 1,
  ...extra,
});

/** A Web Speech stand-in whose voices arrive when the test says so. */
function lateWeb() {
  const engine = new FakeSpeechEngine({ voices: [] });
  let voices: VoiceInfo[] = [];
  const waiting: ((v: VoiceInfo[]) => void)[] = [];
  engine.getVoices = () =>
    voices.length > 0 ? Promise.resolve(voices) : new Promise<VoiceInfo[]>((resolve) => waiting.push(resolve));
  const arrive = (list: VoiceInfo[]) => {
    voices = list;
    for (const w of waiting.splice(0)) w(list);
  };
  const timeOut = () => {
    for (const w of waiting.splice(0)) w([]);
  };
  return { engine, arrive, timeOut };
}

function setup(web: SpeechEngine | null, options: Partial<SessionEngineOptions> = {}) {
  const fallback = new FakeSpeechEngine({ voices: [] });
  const loads: string[] = [];
  let release: (() => void) | null = null;
  const gate = options.loadFallback === undefined ? null : undefined;
  const session = createSessionEngine({
    lang: 'en-US',
    web,
    loadFallback: (lang) => {
      loads.push(lang);
      return gate === null ? Promise.resolve(fallback) : new Promise((r) => (release = () => r(fallback)));
    },
    preloadAfterMs: 3000,
    ...options,
  });
  const changes: EngineChange[] = [];
  session.subscribe!((c) => changes.push(c));
  return { session, fallback, loads, changes, release: () => release?.() };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('first sound without waiting for voices', () => {
  it('with no platform voice known, speaks through the fallback at once', async () => {
    const { engine: web } = lateWeb();
    const { session, fallback, loads } = setup(web);
    const a = recorder();
    session.speak(req('Hello.'), a.events);
    await flush();
    expect(loads).toEqual(['en-US']);
    expect(fallback.queuedTexts).toEqual(['Hello.']);
    expect(fallback.lastRequest?.voice?.engine).toBe('fallback');
    expect(web.spoken).toEqual([]);
    fallback.finishCurrent();
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
  });

  it('with a platform voice for the language, Web Speech speaks and the fallback is never loaded', async () => {
    const web = new FakeSpeechEngine({ voices: [LOCAL] });
    const { session, loads } = setup(web);
    await flush();
    session.speak(req('Hello.'), recorder().events);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(web.queuedTexts).toEqual(['Hello.']);
    expect(web.lastRequest?.voice?.id).toBe(LOCAL.id);
    expect(loads).toEqual([]);
  });

  it('preloads the fallback when no platform voice has come after a while, and on prepare()', async () => {
    const { engine: web } = lateWeb();
    const a = setup(web);
    await vi.advanceTimersByTimeAsync(2999);
    expect(a.loads).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.loads).toEqual(['en-US']);
    const b = setup(lateWeb().engine);
    b.session.prepare!();
    expect(b.loads).toEqual(['en-US']);
  });

  it('no Web Speech at all: the fallback is loaded at once', async () => {
    const { loads } = setup(null);
    expect(loads).toEqual(['en-US']);
  });
});

describe('a platform voice that arrives later', () => {
  it('is announced to subscribers, and its first utterance waits for the fallback’s to end: never two at once', async () => {
    const late = lateWeb();
    const { session, fallback, changes } = setup(late.engine);
    const a = recorder();
    const b = recorder();
    session.speak(req('One.'), a.events);
    await flush();
    session.speak(req('Two.'), b.events);
    await flush();
    fallback.fireStart();
    late.arrive([LOCAL]);
    await flush();
    expect(changes.at(-1)?.voices.map((v) => v.id)).toContain(LOCAL.id);
    const c = recorder();
    session.speak(req('Three.', { voice: LOCAL }), c.events);
    await flush();
    expect(late.engine.spoken).toEqual([]); // still behind One and Two
    fallback.fireEnd();
    fallback.fireStart();
    expect(late.engine.spoken).toEqual([]);
    fallback.fireEnd();
    expect(late.engine.queuedTexts).toEqual(['Three.']);
    late.engine.finishCurrent();
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    expect(eventTypes(c.log)).toEqual(['start', 'end']);
    expect(fallback.maxSpeaking + late.engine.maxSpeaking).toBeLessThanOrEqual(2);
  });
});

describe('a network voice that fails', () => {
  it('the failed sentence and the rest go to a local voice of the language, told once, no error seen', async () => {
    const web = new FakeSpeechEngine({ voices: [NETWORK, LOCAL] });
    const { session, changes } = setup(web);
    await flush();
    const a = recorder();
    const b = recorder();
    session.speak(req('One.', { voice: NETWORK }), a.events);
    session.speak(req('Two.', { voice: NETWORK }), b.events);
    web.fireStart();
    web.fireError('network');
    await flush();
    expect(web.queuedTexts).toEqual(['One.', 'Two.']);
    expect(web.queue.map((u) => u.request.voice?.id)).toEqual([LOCAL.id, LOCAL.id]);
    const replaced = changes.filter((c) => c.replaced);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.replaced).toMatchObject({ reason: 'network', from: { id: NETWORK.id }, to: { id: LOCAL.id } });
    expect(replaced[0]!.voices.map((v) => v.id)).not.toContain(NETWORK.id);
    web.finishCurrent();
    web.finishCurrent();
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
  });

  it('with no local platform voice, the fallback takes over from that sentence', async () => {
    const web = new FakeSpeechEngine({ voices: [NETWORK] });
    const { session, fallback, changes } = setup(web);
    await flush();
    const a = recorder();
    session.speak(req('One.', { voice: NETWORK }), a.events);
    web.fireStart();
    web.fireError('network');
    await flush();
    expect(fallback.queuedTexts).toEqual(['One.']);
    expect(changes.find((c) => c.replaced)?.replaced?.to.engine).toBe('fallback');
    fallback.finishCurrent();
    expect(eventTypes(a.log)).toEqual(['start', 'end']);
  });
});

describe('Web Speech that keeps failing', () => {
  it('one failure is reported (the store retries); the second in a row moves the rest to the fallback', async () => {
    const web = new FakeSpeechEngine({ voices: [LOCAL] });
    const { session, fallback, changes } = setup(web);
    await flush();
    const a = recorder();
    session.speak(req('One.'), a.events);
    web.fireError('synthesis-failed');
    expect(a.log.map((e) => e.code ?? e.type)).toEqual(['synthesis-failed']);
    const b = recorder();
    session.speak(req('One.'), b.events);
    web.fireError('synthesis-failed');
    await flush();
    expect(b.log).toEqual([]);
    expect(fallback.queuedTexts).toEqual(['One.']);
    expect(changes.find((c) => c.replaced)?.replaced?.reason).toBe('failing');
    fallback.finishCurrent();
    expect(eventTypes(b.log)).toEqual(['start', 'end']);
    // For the rest of the session.
    session.speak(req('Two.'), recorder().events);
    await flush();
    expect(fallback.queuedTexts).toEqual(['Two.']);
    expect(web.spoken.map((r) => r.text)).toEqual(['One.', 'One.']);
  });

  it('a success in between resets the count', async () => {
    const web = new FakeSpeechEngine({ voices: [LOCAL] });
    const { session, fallback } = setup(web);
    await flush();
    for (const text of ['One.', 'Two.']) {
      session.speak(req(text), recorder().events);
      web.fireError('synthesis-failed');
      session.speak(req(text), recorder().events);
      web.finishCurrent();
    }
    expect(fallback.spoken).toEqual([]);
  });

  it('where the fallback cannot speak the language, the failures reach the store as before', async () => {
    const web = new FakeSpeechEngine({ voices: [webVoice('Japanese', { lang: 'ja-JP' })] });
    const { session, loads } = setup(web, { lang: 'ja' });
    await flush();
    const logs = [recorder(), recorder()];
    for (const r of logs) {
      session.speak(req('こんにちは。', { lang: 'ja' }), r.events);
      web.fireError('synthesis-failed');
    }
    expect(logs.map((r) => r.log.map((e) => e.code))).toEqual([['synthesis-failed'], ['synthesis-failed']]);
    expect(loads).toEqual([]);
  });
});

describe('cancel, no voice, dispose', () => {
  it('cancel() drops both engines’ queues and their late events', async () => {
    const { engine: web } = lateWeb();
    const { session, fallback } = setup(web);
    const a = recorder();
    session.speak(req('One.'), a.events);
    await flush();
    fallback.fireStart();
    session.cancel();
    expect(fallback.queue).toEqual([]);
    fallback.fireStale('end');
    expect(eventTypes(a.log)).toEqual(['start']);
  });

  it('a cancel while the fallback is still loading: nothing speaks when it arrives', async () => {
    const { engine: web } = lateWeb();
    const s = setup(web, { loadFallback: undefined });
    const gated = createSessionEngine({
      lang: 'en-US',
      web,
      loadFallback: () => new Promise((r) => setTimeout(() => r(s.fallback), 500)),
    });
    gated.speak(req('One.'), recorder().events);
    gated.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.fallback.spoken).toEqual([]);
  });

  it('nothing speaks the language: no-voice, never silence', async () => {
    const { session } = setup(null, { lang: 'ja' });
    const a = recorder();
    session.speak(req('こんにちは。', { lang: 'ja' }), a.events);
    await flush();
    expect(a.log.map((e) => e.code)).toEqual(['no-voice']);
  });

  it('dispose() disposes both engines', async () => {
    const web = new FakeSpeechEngine({ voices: [] });
    const { session, fallback } = setup(web);
    session.prepare!();
    await flush();
    session.dispose();
    expect(web.disposed).toBe(true);
    expect(fallback.disposed).toBe(true);
  });
});

describe('a passage in another language', () => {
  it('goes to the engine that speaks it, in order, and the next English sentence goes back to Web Speech', async () => {
    const web = new FakeSpeechEngine({ voices: [LOCAL] });
    const { session, fallback, loads } = setup(web);
    await flush();
    const voices = await session.getVoices();
    // What the store asks for: the English voice, then the best French voice it was offered.
    const french = voices.find((v) => v.lang.startsWith('fr'))!;
    expect(french.engine).toBe('fallback');
    const [a, b, c, d] = [recorder(), recorder(), recorder(), recorder()];
    session.speak(req('One.', { voice: LOCAL }), a.events);
    session.speak(req('Deux.', { lang: 'fr', voice: french }), b.events);
    session.speak(req('Trois, sans voix.', { lang: 'fr' }), c.events);
    session.speak(req('Four.', { voice: LOCAL }), d.events);
    await flush();
    // Nothing for the fallback before the English one ended: never two at once.
    expect(web.queuedTexts).toEqual(['One.']);
    expect(fallback.spoken).toEqual([]);
    web.finishCurrent();
    await flush();
    expect(loads).toEqual(['en-US']);
    expect(fallback.spoken.map((r) => [r.text, r.lang, r.voice?.id])).toEqual([
      ['Deux.', 'fr', french.id],
      // No voice asked for: the session finds the French one itself.
      ['Trois, sans voix.', 'fr', french.id],
    ]);
    expect(web.spoken.map((r) => r.text)).toEqual(['One.']);
    fallback.finishCurrent();
    fallback.finishCurrent();
    await flush();
    expect(web.spoken.map((r) => [r.text, r.voice?.id])).toEqual([
      ['One.', LOCAL.id],
      ['Four.', LOCAL.id],
    ]);
    web.finishCurrent();
    expect([a, b, c, d].map((r) => eventTypes(r.log))).toEqual([
      ['start', 'end'],
      ['start', 'end'],
      ['start', 'end'],
      ['start', 'end'],
    ]);
  });
});

describe('a passage in another language, prepared ahead', () => {
  it('loads the fallback and its pack for the language while the English before it is still sounding', async () => {
    const web = new FakeSpeechEngine({ voices: [LOCAL] });
    const { session, fallback, loads } = setup(web);
    const prepared: (string | undefined)[] = [];
    Object.assign(fallback, { prepare: (lang?: string) => void prepared.push(lang) });
    await flush();
    const french = (await session.getVoices()).find((v) => v.lang.startsWith('fr'))!;
    session.speak(req('One.', { voice: LOCAL }), recorder().events);
    web.fireStart();
    session.speak(req('Deux.', { lang: 'fr-FR', voice: french }), recorder().events);
    await flush();
    // Still sounding: nothing handed to the fallback, but it is loaded and told which language comes.
    expect(web.current?.state).toBe('speaking');
    expect(loads).toEqual(['en-US']);
    expect(prepared).toEqual(['fr-FR']);
    expect(fallback.spoken).toEqual([]);
    web.finishCurrent();
    await flush();
    expect(fallback.spoken.map((r) => r.text)).toEqual(['Deux.']);
  });
});

describe('a synthesizer an earlier page wedged (Chromium on Linux after an empty utterance)', () => {
  const LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
  const SENTENCE = 'Iraqi forces are locked in an intense battle for the city.';

  async function wedgedSession() {
    const synth = new FakeSynth();
    // Another page spoke '' in this browser: `speaking` stays true, nothing ever starts.
    synth.speak(new FakeUtterance(''));
    const web = createWebSpeechEngine({ synth, Utterance: FakeUtterance, userAgent: LINUX });
    const s = setup(web);
    await flush();
    return { synth, ...s };
  }

  it('goes on with the fallback from the same sentence at the first deadline, told once, no error reaching the store', async () => {
    const { session, fallback, changes, synth } = await wedgedSession();
    expect(synth.wedged).toBe(true);
    const a = recorder();
    session.speak(req(SENTENCE), a.events);
    // The voice is taken for one without events (1.5 s), then given 2 × its estimate + 5 s.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(fallback.queuedTexts).toEqual([SENTENCE]);
    expect(changes.filter((c) => c.replaced).map((c) => c.replaced!.reason)).toEqual(['failing']);
    expect(a.log.filter((e) => e.type === 'error')).toEqual([]);
    fallback.finishCurrent();
    expect(eventTypes(a.log).filter((t) => t === 'end')).toEqual(['end']);
    // The rest of the session speaks through the fallback, told no more.
    session.speak(req('Next.'), recorder().events);
    await flush();
    expect(fallback.queuedTexts).toEqual(['Next.']);
    expect(changes.filter((c) => c.replaced)).toHaveLength(1);
  });

  it('a voice without events that has finished a sentence here is cut off, not wedged: it goes on from a safe point', async () => {
    const synth = new FakeSynth({ noEvents: true, cutoffMs: 4000 });
    const web = createWebSpeechEngine({ synth, Utterance: FakeUtterance, userAgent: LINUX });
    const { session, fallback, changes } = setup(web);
    await flush();
    const first = recorder();
    session.speak(req(SENTENCE), first.events);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(eventTypes(first.log)).toContain('end');
    session.speak(req(`${SENTENCE} ${SENTENCE}`), recorder().events);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(changes.filter((c) => c.replaced)).toEqual([]);
    expect(fallback.spoken).toEqual([]);
    expect(synth.log.filter((e) => e.type === 'speak').length).toBeGreaterThan(2);
  });
});
