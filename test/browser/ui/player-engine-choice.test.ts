/// <reference types="mocha" />
// The player makes its own engine (no `engine` injected) for the article's
// language. Web Speech here has an English voice only: an English article is
// read by Web Speech, and a German one, loaded next into the same player,
// must make the player choose again (the bundled German fallback voice)
// rather than keep an engine that cannot speak German.
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import { FakeSynth, FakeUtterance, fakeVoice } from '../../support/fake-synth.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { until } from '../support/player.ts';

const realSynth = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
const realUtterance = Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance');

afterEach(() => {
  for (const el of document.querySelectorAll('aloud-player')) el.remove();
  if (realSynth) Object.defineProperty(window, 'speechSynthesis', realSynth);
  else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  if (realUtterance) Object.defineProperty(window, 'SpeechSynthesisUtterance', realUtterance);
});

describe('aloud-player engine choice', () => {
  it('chooses the engine again when the next article is in another language', async () => {
    const synth = new FakeSynth({ voices: [fakeVoice('English', 'en-US')] });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });

    const el = document.createElement('aloud-player');
    el.article = sampleArticle();
    document.body.append(el);
    const english = await until(() => el.store?.state.voice, 'an English voice', 10_000);
    expect(english.engine).to.equal('webspeech');
    expect(english.lang).to.match(/^en/);

    el.article = sampleArticle({ id: 'beispiel', lang: 'de', title: 'Ein Beispiel' });
    const german = await until(
      () => (el.store?.state.article?.lang === 'de' ? el.store.state.voice : null),
      'a German voice',
      15_000,
    );
    expect(german.lang).to.match(/^de/);
    expect(german.engine).to.equal('fallback');
    expect(el.store!.state.error).to.equal(null);
  });
});

describe('aloud-player with voices that arrive after Play', () => {
  it('speaks through the fallback at once, then moves to the platform voice at a sentence boundary, nothing skipped or repeated', async () => {
    // Voices come 2.5 s after load (as speech-dispatcher's do); the listener presses Play at once.
    const synth = new FakeSynth({ voices: [fakeVoice('English', 'en-US')], voicesAfterMs: 2500, msPerChar: 20 });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
    const el = document.createElement('aloud-player');
    el.article = sampleArticle();
    el.rate = 2;
    const sentences: number[] = [];
    el.addEventListener('aloud-sentence', (e) => sentences.push(e.detail.index));
    let webStartsAtFirstSound = -1;
    el.addEventListener('aloud-play', () => {
      if (webStartsAtFirstSound < 0) webStartsAtFirstSound = synth.log.filter((e) => e.type === 'start').length;
    });
    document.body.append(el);
    await until(() => el.store, 'the store', 10_000);
    el.play();
    // First sound from the fallback, long before the platform's voices exist.
    await until(() => el.playing, 'playing', 10_000);
    expect(webStartsAtFirstSound).to.equal(0);
    // Then the platform voice is taken, and Web Speech speaks the rest.
    await until(() => el.store!.state.voice?.engine === 'webspeech', 'the platform voice', 10_000);
    await until(() => synth.log.some((e) => e.type === 'start'), 'Web Speech speaking', 10_000);
    await until(() => el.state === 'ended', 'the end', 30_000);
    // Every sentence once, in order, across the switch.
    expect(sentences).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(synth.maxSounding).to.equal(1);
    expect(el.store!.state.error).to.equal(null);
  });
});
