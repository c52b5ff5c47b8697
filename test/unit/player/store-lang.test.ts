// The store and languages: each sentence is asked for in its own language,
// with a voice for it, and the listener's voice comes back after it; and the
// pronunciation lexicon changes only what the engine is given.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import { compileLexicon } from '../../../src/article/lexicon.ts';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { VoiceInfo } from '../../../src/speech/types.ts';
import { FakeClock, FakeSpeechEngine, makeArticle } from '../../support/fake-engine.ts';

const voice = (id: string, lang: string, engine: VoiceInfo['engine'] = 'webspeech'): VoiceInfo => ({
  id,
  name: id,
  lang,
  isDefault: false,
  localService: true,
  engine,
});
const EN_US = voice('en-us', 'en-US');
const EN_GB = voice('en-gb', 'en-GB');
const FR = voice('fr', 'fr-FR');
const FR_FALLBACK = voice('roa/fr', 'fr-FR', 'fallback');

/** English, then a quote in French, then English again; a German sentence; a Japanese one. */
function article(): Article {
  const a = makeArticle(
    [
      {
        paragraphs: [
          ['He stood up.'],
          ['Je pense, donc je suis.', 'Voilà.'],
          ['Then he sat down.'],
          ['A British aside.'],
          ['Und ein Satz auf Deutsch.', '日本語の文。'],
        ],
      },
    ],
    { lang: 'en-US', title: 'Paris' },
  );
  const ps = a.sections[0]!.paragraphs;
  ps[1]!.lang = 'fr';
  ps[3]!.lang = 'en-GB';
  ps[4]!.lang = 'de';
  ps[4]!.sentences[1]!.lang = 'ja';
  return a;
}

async function setup(voices: VoiceInfo[], preferredVoiceId: string | null = null, a = article()) {
  const engine = new FakeSpeechEngine({ voices });
  const store = createPlayerStore({ engine, now: new FakeClock().now, preferredVoiceId, announceHeadings: false });
  await Promise.resolve();
  await Promise.resolve();
  store.load(a);
  /** Plays the whole article; returns [text, lang, voice id] of each utterance. */
  const playAll = () => {
    store.play();
    for (let i = 0; i < 20 && engine.current; i++) engine.finishCurrent();
    return engine.spoken.map((r) => [r.text, r.lang, r.voice?.id ?? null]);
  };
  return { engine, store, playAll };
}

describe('a sentence in another language', () => {
  it('is asked for in its language with a voice for it, and the article voice returns after it', async () => {
    const h = await setup([EN_US, EN_GB, FR]);
    expect(h.store.state.voice?.id).toBe('en-us');
    expect(h.playAll()).toEqual([
      ['He stood up.', 'en-US', 'en-us'],
      ['Je pense, donc je suis.', 'fr', 'fr'],
      ['Voilà.', 'fr', 'fr'],
      ['Then he sat down.', 'en-US', 'en-us'],
      // Another English: the article's voice speaks English, so it stays.
      ['A British aside.', 'en-GB', 'en-us'],
      // Nothing speaks German or Japanese here: the article's voice reads them rather than stopping.
      ['Und ein Satz auf Deutsch.', 'en-US', 'en-us'],
      ['日本語の文。', 'en-US', 'en-us'],
    ]);
    expect(h.store.state.status).toBe('ended');
    expect(h.store.state.error).toBeNull();
    // The article's voice is still the one shown and remembered.
    expect(h.store.state.voice?.id).toBe('en-us');
  });

  it('keeps the listener\'s chosen voice for its own language; other languages get their best voice', async () => {
    const h = await setup([EN_US, EN_GB, FR_FALLBACK, FR]);
    h.store.setVoice('en-gb');
    const spoken = h.playAll();
    expect(spoken.map((s) => s[2])).toEqual(['en-gb', 'fr', 'fr', 'en-gb', 'en-gb', 'en-gb', 'en-gb']);
  });

  it('a chosen voice of another language applies to that language (a French voice picked for French quotes)', async () => {
    // The listener once picked the eSpeak French voice: it cannot read the English article, but reads its French.
    const h = await setup([EN_US, FR, FR_FALLBACK], 'roa/fr');
    expect(h.store.state.voice?.id).toBe('en-us');
    expect(h.playAll().slice(0, 4).map((s) => s[2])).toEqual(['en-us', 'roa/fr', 'roa/fr', 'en-us']);
  });

  it('with no voice list yet, passes the language on and lets the engine choose', async () => {
    const h = await setup([]);
    expect(h.playAll().slice(0, 2)).toEqual([
      ['He stood up.', 'en-US', null],
      ['Je pense, donc je suis.', 'fr', null],
    ]);
  });

  it('title and headings are spoken in the article\'s language', async () => {
    const a = makeArticle([{ heading: 'Citations', paragraphs: [['Bonjour.']] }], { lang: 'en', title: 'Paris' });
    a.sections[0]!.paragraphs[0]!.lang = 'fr';
    const engine = new FakeSpeechEngine({ voices: [EN_US, FR] });
    const store = createPlayerStore({ engine, now: new FakeClock().now });
    await Promise.resolve();
    store.load(a);
    store.play();
    for (let i = 0; i < 5 && engine.current; i++) engine.finishCurrent();
    expect(engine.spoken.map((r) => [r.text, r.lang, r.voice?.id])).toEqual([
      ['Paris', 'en', 'en-us'],
      ['Citations', 'en', 'en-us'],
      ['Bonjour.', 'fr', 'fr'],
    ]);
  });
});

describe('setLexicon', () => {
  const lexicon = compileLexicon(
    { en: { ISIS: 'eye-sis' }, fr: { Mossoul: 'Mo-soul' } },
    { '*': { Mosul: 'Mo-sool' }, en: { ISIS: 'ignored: the first lexicon wins' } },
  );
  const news = (): Article => {
    const a = makeArticle([{ heading: 'ISIS in Mosul', paragraphs: [['ISIS left Mosul.'], ['Mossoul et Mosul.'], [['Col. ISIS said.', 'Colonel ISIS said.']]] }], {
      lang: 'en',
      title: 'Mosul',
    });
    a.sections[0]!.paragraphs[1]!.lang = 'fr';
    return a;
  };

  it('respells what the engine is given, per language, titles and headings too; the article is untouched', async () => {
    const a = news();
    const before = JSON.stringify(a);
    const engine = new FakeSpeechEngine({ voices: [EN_US, FR] });
    const store = createPlayerStore({ engine, now: new FakeClock().now });
    store.setLexicon(lexicon);
    await Promise.resolve();
    store.load(a);
    store.play();
    for (let i = 0; i < 8 && engine.current; i++) engine.finishCurrent();
    expect(engine.spoken.map((r) => r.text)).toEqual([
      'Mo-sool',
      'eye-sis in Mo-sool',
      'eye-sis left Mo-sool.',
      'Mo-soul et Mo-sool.',
      // Applied to the speech text (`speak`), on top of the speech-text rules.
      'Colonel eye-sis said.',
    ]);
    expect(JSON.stringify(a)).toBe(before);
    expect(store.state.article).toBe(a);
  });

  it('maps word boundaries in the respelled text back to the shown words', async () => {
    const engine = new FakeSpeechEngine({ voices: [EN_US, FR] });
    const store = createPlayerStore({ engine, now: new FakeClock().now, announceHeadings: false });
    store.setLexicon(lexicon);
    await Promise.resolve();
    store.load(news());
    store.play();
    engine.fireStart();
    const shown = 'ISIS left Mosul.';
    const heard: string[] = [];
    // The fake fires a boundary at each word of what it was given.
    while (engine.fireBoundary()) {
      const w = store.state.word!;
      heard.push(shown.slice(w.start, w.end));
    }
    expect(engine.current?.request.text).toBe('eye-sis left Mo-sool.');
    expect(heard).toEqual(['ISIS', 'left', 'Mosul.']);
    // A boundary with no length, in the middle of a replacement: the word it replaced.
    engine.fireBoundary(15, 0);
    expect(shown.slice(store.state.word!.start, store.state.word!.end)).toBe('Mosul');
  });

  it('applies from the next utterance and can be removed', async () => {
    const engine = new FakeSpeechEngine({ voices: [EN_US] });
    const store = createPlayerStore({ engine, now: new FakeClock().now, announceHeadings: false });
    await Promise.resolve();
    store.load(makeArticle([{ paragraphs: [['Mosul one.', 'Mosul two.', 'Mosul three.', 'Mosul four.', 'Mosul five.']] }], { lang: 'en' }));
    store.play();
    store.setLexicon(compileLexicon({ en: { Mosul: 'Mo-sool' } }));
    engine.finishCurrent();
    engine.finishCurrent();
    store.setLexicon(null);
    for (let i = 0; i < 5 && engine.current; i++) engine.finishCurrent();
    // Two were queued before each change (the store keeps a lookahead of two).
    expect(engine.spoken.map((r) => r.text)).toEqual(['Mosul one.', 'Mosul two.', 'Mo-sool three.', 'Mo-sool four.', 'Mosul five.']);
  });
});
