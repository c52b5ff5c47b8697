// Engine errors and misbehaving engines: what the user sees, and that the
// place in the article is never lost.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import { createPlayerStore, type PlayerStoreOptions } from '../../../src/player/store.ts';
import type { PlayerChangeEvent } from '../../../src/player/types.ts';
import { FakeClock, FakeSpeechEngine, makeArticle, type FakeEngineOptions } from '../../support/fake-engine.ts';

const article = (): Article =>
  makeArticle([
    { paragraphs: [['One.', 'Two.', 'Three.', 'Four.', 'Five.']] },
    { heading: 'Next', paragraphs: [['Six.']] },
  ]);

function setup(options: Partial<PlayerStoreOptions> = {}, engineOptions: FakeEngineOptions = {}) {
  const engine = new FakeSpeechEngine(engineOptions);
  const store = createPlayerStore({ engine, announceHeadings: false, ...options });
  const events: PlayerChangeEvent[] = [];
  store.subscribe((e) => events.push(e));
  store.load(article());
  const texts = () => engine.spoken.map((r) => r.text);
  const id = () => store.state.position?.sentenceId;
  return { engine, store, events, texts, id };
}

describe('not-allowed (needs a user gesture)', () => {
  it('on the first play: stays ready with the error; the next play clears it on start', () => {
    const h = setup();
    h.store.play();
    h.engine.fireError('not-allowed');
    expect(h.store.state).toMatchObject({ status: 'ready', error: { code: 'not-allowed' }, position: { sentenceId: 's1p1s1' } });
    expect(h.engine.queue).toEqual([]);
    h.store.play();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', error: null });
  });

  it('mid-article: pauses at the same sentence', () => {
    const h = setup();
    h.store.play();
    h.engine.finishCurrent();
    h.engine.fireStart();
    h.engine.fireError('not-allowed');
    expect(h.store.state).toMatchObject({ status: 'paused', error: { code: 'not-allowed' }, position: { sentenceId: 's1p1s2' } });
    h.engine.clearCalls();
    h.store.play();
    expect(h.texts()[0]).toBe('Two.');
  });
});

describe('no-voice', () => {
  it('keeps the place and shows the error; choosing a voice clears it', async () => {
    const h = setup();
    await Promise.resolve();
    h.store.play();
    h.engine.fireError('no-voice');
    expect(h.store.state).toMatchObject({ status: 'ready', error: { code: 'no-voice' } });
    h.store.setVoice(h.store.state.voice?.id ?? 'x');
    expect(h.store.state.error?.code).toBe('no-voice'); // same voice: no change
    h.store.setVoice(null); // back to the engine's own choice
    expect(h.store.state).toMatchObject({ error: null, voice: null, position: { sentenceId: 's1p1s1' } });
  });
});

describe('synthesis-failed', () => {
  it('retries an utterance once, from where it got to', () => {
    const h = setup();
    h.store.play();
    h.engine.fireStart();
    h.engine.clearCalls();
    h.engine.fireError('synthesis-failed');
    expect(h.texts()).toEqual(['One.', 'Two.']);
    h.engine.fireStart();
    h.engine.fireEnd();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', error: null, position: { sentenceId: 's1p1s2' } });
  });

  it('skips it after the retry fails, with a notice, and plays on', () => {
    const h = setup();
    h.store.play();
    h.engine.fireStart();
    h.engine.fireError('synthesis-failed');
    h.engine.clearCalls();
    h.engine.fireError('synthesis-failed');
    expect(h.store.state).toMatchObject({ status: 'playing', error: { code: 'synthesis-failed' } });
    expect(h.texts()).toEqual(['Two.', 'Three.']);
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ error: null, position: { sentenceId: 's1p1s2' } });
  });

  it('pauses after three failed utterances in a row instead of racing through the article', () => {
    const h = setup();
    h.store.play();
    h.engine.fireStart();
    for (let i = 0; i < 6; i++) h.engine.fireError('synthesis-failed');
    expect(h.store.state).toMatchObject({ status: 'paused', error: { code: 'synthesis-failed' } });
    expect(h.engine.queue).toEqual([]);
    h.engine.clearCalls();
    // Stopped where the trouble began: nothing unheard is skipped.
    expect(h.store.state.position?.sentenceId).toBe('s1p1s1');
    h.store.play();
    expect(h.texts()[0]).toBe('One.');
  });

  it('a success in between resets the count', () => {
    const h = setup({ maxConsecutiveFailures: 2 });
    h.store.play();
    h.engine.fireError('synthesis-failed');
    h.engine.fireError('synthesis-failed'); // "One." skipped
    h.engine.finishCurrent(); // "Two." fine
    h.engine.fireError('synthesis-failed');
    h.engine.fireError('synthesis-failed'); // "Three." skipped
    expect(h.store.state.status).toBe('playing');
  });

  it('failing the last sentence ends the article', () => {
    const h = setup();
    h.store.seek('s2p1s1');
    h.store.play();
    h.engine.fireError('network');
    h.engine.fireError('network');
    expect(h.store.state).toMatchObject({ status: 'ended', error: { code: 'synthesis-failed' } });
  });
});

describe('interrupted', () => {
  it('from someone else (not our cancel): pauses in place, nothing lost', () => {
    const h = setup();
    h.store.play();
    h.engine.fireStart();
    h.engine.fireBoundary();
    h.engine.fireError('interrupted');
    expect(h.store.state).toMatchObject({ status: 'paused', error: null, position: { sentenceId: 's1p1s1' } });
    expect(h.engine.queue).toEqual([]);
  });

  it('stale interrupted errors of our own cancels (raw speechSynthesis) are ignored', () => {
    const h = setup({}, { reportInterrupted: true });
    h.store.play();
    h.engine.fireStart();
    h.store.nextSentence();
    h.store.setRate(2);
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', rate: 2, position: { sentenceId: 's1p1s2' } });
    h.store.stop();
    expect(h.store.state.status).toBe('ready');
  });
});

describe('a canPause=false engine', () => {
  it('never gets pause() or resume() from the store', () => {
    const h = setup({}, { canPause: false });
    h.store.play();
    h.engine.fireStart();
    h.store.pause();
    h.store.play();
    h.engine.fireStart();
    h.store.toggle();
    h.store.toggle();
    expect(h.engine.callsOf('pause')).toEqual([]);
    expect(h.engine.callsOf('resume')).toEqual([]);
  });
});

describe('an engine that never says start', () => {
  it('stays in ready and can still be stopped and moved', () => {
    const h = setup();
    h.store.play();
    expect(h.store.state.status).toBe('ready');
    h.store.nextSentence();
    expect(h.store.state.position?.sentenceId).toBe('s1p1s2');
    expect(h.engine.queuedTexts).toEqual(['Two.', 'Three.']);
    h.store.stop();
    expect(h.engine.queue).toEqual([]);
  });
});

describe('voices that arrive after load', () => {
  it('commit the list and pick a voice of the article language', async () => {
    const clock = new FakeClock();
    const engine = new FakeSpeechEngine({
      voices: [
        { id: 'af', name: 'Afrikaans', lang: 'af', isDefault: true, localService: true, engine: 'webspeech' },
        { id: 'us', name: 'US', lang: 'en-US', isDefault: false, localService: true, engine: 'webspeech' },
      ],
    });
    const store = createPlayerStore({ engine, now: clock.now });
    store.load(article());
    expect(store.state.voice).toBeNull();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.state.voice?.id).toBe('us');
    expect(store.state.voices).toHaveLength(2);
  });
});

describe('an engine whose speak() throws', () => {
  it('is treated as failed utterances: the store gives up with an error instead of hanging', () => {
    const h = setup();
    h.engine.speak = () => {
      throw new Error('engine disposed');
    };
    h.store.play();
    expect(h.store.state).toMatchObject({ status: 'ready', error: { code: 'synthesis-failed' } });
    expect(h.store.state.error?.message).toMatch(/engine disposed/);
    expect(h.store.state.position?.sentenceId).toBe('s1p1s1');
  });
});
