// The store's side of a speech session: the busy state while a voice is
// prepared (and a press then is a cancel), voices that arrive after Play
// (taken at a sentence boundary when the choice is automatic), and a voice
// the engine gave up on (replaced, told once as a notice).
import { describe, expect, it } from 'vitest';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { EngineChange, VoiceInfo } from '../../../src/speech/types.ts';
import { FakeSpeechEngine, makeArticle } from '../../support/fake-engine.ts';

const article = () =>
  makeArticle([{ paragraphs: [['One.', 'Two.', 'Three.', 'Four.']] }], { title: '' });

const voice = (id: string, engine: VoiceInfo['engine'], extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  id,
  name: id,
  lang: 'en-US',
  isDefault: false,
  localService: true,
  engine,
  ...extra,
});
const ESPEAK = voice('gmw/en-US', 'fallback');
const PLATFORM = voice('Platform English', 'webspeech');

function engineWithChanges(initial: VoiceInfo[]) {
  const engine = new FakeSpeechEngine({ voices: initial });
  return { engine, emit: (c: EngineChange) => engine.emitChange(c), listeners: { get size() { return engine.changeListenerCount; } } };
}

async function setup(initial: VoiceInfo[] = [ESPEAK], preferredVoiceId: string | null = null) {
  const { engine, emit, listeners } = engineWithChanges(initial);
  const store = createPlayerStore({ engine, preferredVoiceId, announceHeadings: false });
  store.load(article());
  await Promise.resolve(); // getVoices()
  await Promise.resolve();
  return { engine, emit, listeners, store };
}

describe('preparing a voice', () => {
  it('is a state of its own, and a press then cancels to a clear, playable state', async () => {
    const { engine, store } = await setup();
    store.toggle();
    expect(store.state).toMatchObject({ status: 'ready', starting: true });
    expect(engine.queue.length).toBeGreaterThan(0);
    store.toggle(); // the listener gives up waiting
    expect(store.state).toMatchObject({ status: 'ready', starting: false });
    expect(engine.queue).toEqual([]);
    expect(engine.callsOf('cancel').length).toBeGreaterThan(0);
    store.toggle(); // and can start again
    expect(store.state.starting).toBe(true);
    engine.fireStart();
    expect(store.state).toMatchObject({ status: 'playing', starting: false, position: { sentenceId: 's1p1s1' } });
  });

  it('ends when the first utterance fails too: the error is shown, not a busy button', async () => {
    const { engine, store } = await setup();
    store.play();
    engine.fireError('not-allowed');
    expect(store.state.starting).toBe(false);
    expect(store.state.error?.code).toBe('not-allowed');
  });
});

describe('voices after Play', () => {
  it('a platform voice that arrives is taken at the next utterance, without cutting the one sounding', async () => {
    const { engine, emit, store } = await setup();
    expect(store.state.voice?.id).toBe(ESPEAK.id);
    store.play();
    engine.fireStart();
    const cancels = engine.callsOf('cancel').length;
    emit({ voices: [PLATFORM, ESPEAK] });
    expect(store.state.voice?.id).toBe(PLATFORM.id);
    expect(engine.callsOf('cancel').length).toBe(cancels); // nothing re-spoken
    expect(store.state.status).toBe('playing');
    // What was already queued keeps its voice; what is asked for next gets the new one.
    engine.fireEnd();
    engine.fireStart();
    engine.fireEnd();
    expect(engine.spoken.map((r) => [r.text, r.voice?.id])).toEqual([
      ['One.', ESPEAK.id],
      ['Two.', ESPEAK.id],
      ['Three.', PLATFORM.id],
      ['Four.', PLATFORM.id],
    ]);
  });

  it('the listener’s own choice is kept when other voices arrive', async () => {
    const { emit, store } = await setup([ESPEAK], ESPEAK.id);
    emit({ voices: [PLATFORM, ESPEAK] });
    expect(store.state.voice?.id).toBe(ESPEAK.id);
    expect(store.state.voices.map((v) => v.id)).toEqual([PLATFORM.id, ESPEAK.id]);
  });

  it('a voice the engine gave up on is replaced, with one notice, and the choice becomes automatic', async () => {
    const NETWORK = voice('Online Natural', 'webspeech', { localService: false });
    const { engine, emit, store } = await setup([NETWORK, ESPEAK], NETWORK.id);
    store.play();
    engine.fireStart();
    const seen: unknown[] = [];
    store.subscribe((e) => e.changes.has('notice') && seen.push(e.state.notice));
    emit({ voices: [ESPEAK], replaced: { reason: 'network', from: NETWORK, to: ESPEAK } });
    expect(store.state.voice?.id).toBe(ESPEAK.id);
    expect(store.state.notice).toEqual({ code: 'voice-replaced', reason: 'network', from: NETWORK, to: ESPEAK });
    expect(seen).toHaveLength(1);
    expect(store.state.status).toBe('playing');
    // Later arrivals no longer bring back the voice that failed.
    emit({ voices: [PLATFORM, ESPEAK] });
    expect(store.state.voice?.id).toBe(PLATFORM.id);
    expect(seen).toHaveLength(1);
  });

  it('stops listening to the engine when disposed', async () => {
    const { listeners, store } = await setup();
    expect(listeners.size).toBe(1);
    store.dispose();
    expect(listeners.size).toBe(0);
  });
});

describe('the first voice list', () => {
  it('a change reported before getVoices() answers is not overwritten by that older answer', async () => {
    const engine = new FakeSpeechEngine({ voices: [ESPEAK] });
    let answer: (v: VoiceInfo[]) => void = () => {};
    engine.getVoices = () => new Promise((r) => (answer = r));
    const store = createPlayerStore({ engine });
    store.load(article());
    engine.emitChange({ voices: [PLATFORM, ESPEAK] });
    answer([ESPEAK]);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.state.voices.map((v) => v.id)).toEqual([PLATFORM.id, ESPEAK.id]);
    expect(store.state.voice?.id).toBe(PLATFORM.id);
  });
});
