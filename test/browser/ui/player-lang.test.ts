/// <reference types="mocha" />
// Languages and pronunciation through the whole player: the element makes
// its own engine over a fake `speechSynthesis` with an English and a French
// voice. A French quote in an English article is spoken in French with the
// French voice and the English voice returns after it; a site-wide lexicon
// (lexicon="…") changes what is said, never what is shown or highlighted;
// a bad lexicon is a console warning, and the article still plays.
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import type { Article } from '../../../src/article/model.ts';
import type { AloudPlayer } from '../../../src/ui/player/aloud-player.ts';
import { FakeSynth, FakeUtterance, fakeVoice } from '../../support/fake-synth.ts';
import type { UtteranceLike } from '../../../src/speech/webspeech-engine.ts';
import { axeViolations } from '../support/axe.ts';
import { until } from '../support/player.ts';

const FIXTURES = '/test/browser/support/fixtures';
const realSynth = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
const realUtterance = Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance');
const realWarn = console.warn;

/** Every utterance handed to the synthesizer: its text, language and voice. */
class RecordingSynth extends FakeSynth {
  readonly given: { text: string; lang: string; voice: string | null }[] = [];
  override speak(u: UtteranceLike): void {
    this.given.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
    super.speak(u);
  }
}

function article(): Article {
  return {
    version: 1,
    id: 'paris',
    lang: 'en',
    title: 'In Paris',
    sections: [
      {
        id: 's1',
        paragraphs: [
          { id: 's1p1', sentences: [{ id: 's1p1s1', text: 'The ISIS fighters left Mosul.' }] },
          { id: 's1p2', kind: 'quote', lang: 'fr', sentences: [{ id: 's1p2s1', text: 'Ils ont quitté Mossoul.' }] },
          { id: 's1p3', sentences: [{ id: 's1p3s1', text: 'Then the city was quiet.' }] },
        ],
      },
    ],
  };
}

let synth: RecordingSynth;

beforeEach(() => {
  synth = new RecordingSynth({ voices: [fakeVoice('English', 'en-US'), fakeVoice('Français', 'fr-FR')], msPerChar: 3 });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
});

afterEach(() => {
  for (const el of document.querySelectorAll('aloud-player')) el.remove();
  if (realSynth) Object.defineProperty(window, 'speechSynthesis', realSynth);
  else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  if (realUtterance) Object.defineProperty(window, 'SpeechSynthesisUtterance', realUtterance);
  console.warn = realWarn;
});

async function playToEnd(el: AloudPlayer): Promise<void> {
  await until(() => el.store?.state.voice?.engine === 'webspeech', 'the platform voice', 10_000);
  el.play();
  await until(() => el.state === 'ended', 'the end', 20_000);
}

function mount(attrs: Record<string, string> = {}): AloudPlayer {
  const el = document.createElement('aloud-player');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.article = article();
  el.rate = 3;
  document.body.append(el);
  return el;
}

describe('aloud-player: a quote in another language', () => {
  it('speaks the French quote with the French voice, in French, and goes back to the English voice', async () => {
    const el = mount();
    await playToEnd(el);
    const body = synth.given.filter((g) => g.text !== 'In Paris');
    expect(body).to.deep.equal([
      { text: 'The ISIS fighters left Mosul.', lang: 'en', voice: 'English' },
      { text: 'Ils ont quitté Mossoul.', lang: 'fr', voice: 'Français' },
      { text: 'Then the city was quiet.', lang: 'en', voice: 'English' },
    ]);
    // The voice the listener sees (and may change) stays the article's.
    expect(el.store!.state.voice?.name).to.equal('English');
    expect(synth.maxSounding).to.equal(1);
    // The text says its language too, for screen readers; axe checks the tag.
    const quote = el.shadowRoot!.querySelector('blockquote')!;
    expect(quote.lang).to.equal('fr');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});

describe('aloud-player: a quote no platform voice speaks', () => {
  it('goes to the bundled fallback (its French pack, real eSpeak NG audio) and back to Web Speech', async () => {
    synth = new RecordingSynth({ voices: [fakeVoice('English', 'en-US')], msPerChar: 3 });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    const el = mount();
    const sentences: string[] = [];
    el.addEventListener('aloud-sentence', (e) => sentences.push(e.detail.sentenceId));
    await until(() => el.store?.state.voice?.engine === 'webspeech', 'the platform voice', 10_000);
    el.play();
    await until(() => el.state === 'ended', 'the end', 30_000);
    expect(sentences).to.deep.equal(['s1p2s1', 's1p3s1']);
    // Web Speech never got the French; the English after it came back to it.
    expect(synth.given.map((g) => g.text)).to.deep.equal(['In Paris', 'The ISIS fighters left Mosul.', 'Then the city was quiet.']);
    expect(el.store!.state.error).to.equal(null);
    expect(el.store!.state.voice?.name).to.equal('English');
  });
});

describe('aloud-player lexicon="…"', () => {
  it('says the words as the lexicon says, per language, and highlights the shown words', async () => {
    const el = mount({ lexicon: `${FIXTURES}/lexicon.json` });
    const words: string[] = [];
    // Every word highlighted while the first sentence is spoken, as shown text.
    el.addEventListener('aloud-play', () => {
      const unsubscribe = el.store!.subscribe((e) => {
        const w = e.state.word;
        if (!e.changes.has('word') || !w) return;
        const shown = e.state.article!.sections[0]!.paragraphs[0]!.sentences[0]!;
        if (w.sentenceId === shown.id) words.push(shown.text.slice(w.start, w.end));
        else unsubscribe();
      });
    });
    // Wait for the lexicon before Play, as a page that preloads it would.
    await until(() => performance.getEntriesByName(new URL(`${FIXTURES}/lexicon.json`, location.href).href).length > 0, 'the lexicon fetched', 10_000);
    await new Promise((r) => setTimeout(r, 100));
    await playToEnd(el);
    expect(synth.given.map((g) => g.text)).to.deep.equal([
      'In Paris',
      'The eye-sis fighters left Mo-sool.',
      'Ils ont quitté Mo-soul.',
      'Then the city was quiet.',
    ]);
    expect(words).to.deep.equal(['The', 'ISIS', 'fighters', 'left', 'Mosul.']);
    // Shown text is the article's.
    expect(el.shadowRoot!.querySelector('[data-id="s1p1s1"]')!.textContent).to.equal('The ISIS fighters left Mosul.');
  });

  it("uses the article's own lexicon, before the site's, and warns about its bad entries", async () => {
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const el = document.createElement('aloud-player');
    el.setAttribute('lexicon', `${FIXTURES}/lexicon.json`);
    // The article says "Moss-ul" for Mosul; the site's "Mo-sool" gives way, its "eye-sis" still applies.
    el.article = { ...article(), lexicon: { en: { Mosul: 'Moss-ul', quiet: 7 as unknown as string } } };
    el.rate = 3;
    document.body.append(el);
    await until(() => warnings.length > 0, 'a warning', 10_000);
    expect(warnings).to.deep.equal([
      `<aloud-player>: the article's lexicon: "en" "quiet": expected how it is said, got number. Speech goes on without what was left out.`,
    ]);
    await until(() => performance.getEntriesByName(new URL(`${FIXTURES}/lexicon.json`, location.href).href).length > 0, 'the lexicon fetched', 10_000);
    await new Promise((r) => setTimeout(r, 100));
    await playToEnd(el);
    expect(synth.given[1]!.text).to.equal('The eye-sis fighters left Moss-ul.');
    expect(synth.given[3]!.text).to.equal('Then the city was quiet.');
  });

  it('a bad or missing lexicon is one clear console warning each, and the article plays as written', async () => {
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const el = mount({ lexicon: `${FIXTURES}/bad-lexicon.json` });
    await until(() => warnings.length > 0, 'a warning', 10_000);
    expect(warnings[0]).to.contain('bad-lexicon.json');
    expect(warnings[0]).to.contain('"English": expected a BCP 47 language tag');
    expect(warnings[0]).to.contain('"en" "ISIS": expected how it is said');
    await new Promise((r) => setTimeout(r, 100));
    await playToEnd(el);
    // Its good entry still applies; the rest is read as written.
    expect(synth.given[1]!.text).to.equal('The ISIS fighters left Mo-sool.');
    expect(el.store!.state.error).to.equal(null);

    el.lexicon = `${FIXTURES}/no-such-lexicon.json`;
    await until(() => warnings.length > 1, 'a second warning', 10_000);
    expect(warnings[1]).to.match(/no-such-lexicon\.json: could not be fetched \(HTTP 404\)/);
    el.store!.seek('s1p1s1');
    await until(() => el.state !== 'ended', 'ready again', 5000);
    el.play();
    await until(() => el.state === 'ended', 'the end again', 20_000);
    expect(synth.given.at(-3)!.text).to.equal('The ISIS fighters left Mosul.');
    expect(el.store!.state.error).to.equal(null);
  });
});
