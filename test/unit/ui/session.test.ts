// The player's speaking session on its own: one store over one engine, made
// per article language, requests queued until it is there, older choices
// cancelled by newer ones. The engine chooser is replaced by one that makes
// fake engines and records the language each was made for.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlayerStore } from '../../../src/player/types.ts';
import type { SpeechEngine } from '../../../src/speech/types.ts';
import { FakeSpeechEngine, makeArticle } from '../../support/fake-engine.ts';

const made: { lang: string; engine: FakeSpeechEngine }[] = [];
vi.mock('../../../src/speech/select-engine.ts', () => ({
  createSessionSpeech: ({ lang }: { lang: string }) => {
    const engine = new FakeSpeechEngine();
    made.push({ lang, engine });
    return engine;
  },
}));

const { Session } = await import('../../../src/ui/player/session.ts');

const article = (lang = 'en-GB') => makeArticle([{ paragraphs: [['One.', 'Two.', 'Three.']] }], { lang, title: '' });

function setup(owner: { engine?: SpeechEngine | null; lang?: string; rate?: number; voice?: string } = {}) {
  const o = { engine: null as SpeechEngine | null, lang: '', rate: 1, voice: '', isConnected: true, ...owner };
  const stored: (PlayerStore | null)[] = [];
  let engineless = 0;
  const session = new Session(o, {
    stored: (s) => stored.push(s),
    changed: () => {},
    engineless: () => void engineless++,
    remembers: () => false,
  });
  return { session, owner: o, stored, engineless: () => engineless };
}

afterEach(() => {
  made.length = 0;
});

describe('the player session', () => {
  it('queues requests made before its store exists and runs them in order once it is made', async () => {
    const page = new FakeSpeechEngine();
    const { session, stored } = setup({ engine: page });
    const opening = session.open(article());
    const seen: string[] = [];
    session.request((s) => seen.push(`a:${s.state.status}`), true);
    session.request((s) => (s.nextSentence(), seen.push(`b:${s.state.position?.sentenceId}`)), true);
    expect(seen).toEqual([]);
    await opening;
    expect(stored).toHaveLength(1);
    expect(seen).toEqual(['a:ready', 'b:s1p1s2']);
    // The page's engine speaks: the session made none.
    expect(made).toEqual([]);
    expect(session.engine).toBe(page);
  });

  it('makes the store only once what must see its first commit (remembering) is ready; requests wait with it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const o = { engine: new FakeSpeechEngine() as SpeechEngine | null, lang: '', rate: 1, voice: '', isConnected: true };
    const stored: (PlayerStore | null)[] = [];
    const session = new Session(o, { stored: (s) => stored.push(s), changed: () => {}, engineless: () => {}, remembers: () => true, waitFor: () => gate });
    const opening = session.open(article());
    const seen: string[] = [];
    session.request((s) => seen.push(s.state.status), true);
    await new Promise((r) => setTimeout(r, 20));
    expect(stored).toEqual([]);
    expect(seen).toEqual([]);
    release();
    await opening;
    expect(stored).toHaveLength(1);
    expect(seen).toEqual(['ready']);
  });

  it('without an article to wait for, a request is dropped with a warning; a failing one never throws into the page', async () => {
    const { session } = setup({ engine: new FakeSpeechEngine() });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    session.request(() => expect.unreachable(), false, 'play');
    expect(warn).toHaveBeenCalledWith('<aloud-player>: play() ignored: no article is loaded yet.');
    await session.open(article());
    expect(() =>
      session.request(() => {
        throw new Error('boom');
      }, true, 'seek'),
    ).not.toThrow();
    expect(warn).toHaveBeenLastCalledWith('<aloud-player>: seek failed', expect.any(Error));
    warn.mockRestore();
  });

  it('makes its own engine for the article language, and a new one when an article in another language comes', async () => {
    const { session, stored } = setup();
    await session.open(article('en-GB'));
    expect(made.map((m) => m.lang)).toEqual(['en-GB']);
    const first = session.store!;
    // Same language: the same store takes the article.
    session.attach(article('en-US'));
    expect(session.store).toBe(first);
    // Another language: the old session ends (engine disposed), a new one is chosen.
    session.attach(article('de'));
    expect(made[0]!.engine.disposed).toBe(true);
    await vi.waitFor(() => expect(session.store).not.toBeNull());
    expect(made.map((m) => m.lang)).toEqual(['en-GB', 'de']);
    expect(stored.map((s) => (s ? 'store' : null))).toEqual(['store', null, 'store']);
  });

  it('a page engine is never disposed by the session; reopening keeps the place', async () => {
    const page = new FakeSpeechEngine();
    const { session } = setup({ engine: page });
    const a = article();
    await session.open(a);
    session.reopen(a, 's1p1s3');
    await vi.waitFor(() => expect(session.store?.state.position?.sentenceId).toBe('s1p1s3'));
    expect(page.disposed).toBe(false);
  });

  it('a newer choice cancels one still being made: only the last makes a store', async () => {
    const { session, stored } = setup();
    const older = session.open(article('en-GB'));
    session.drop();
    const newer = session.open(article('fr'));
    await Promise.all([older, newer]);
    expect(stored).toHaveLength(1);
    expect(session.store?.state.article?.lang).toBe('fr');
  });

  it('an element no longer on the page gets no store', async () => {
    const { session, owner, stored } = setup({ engine: new FakeSpeechEngine() });
    const opening = session.open(article());
    owner.isConnected = false;
    await opening;
    expect(stored).toEqual([]);
    expect(session.store).toBeNull();
  });

  it('the lang attribute overrides the article’s language, in the engine and in the store', async () => {
    const { session } = setup({ lang: 'en-US' });
    await session.open(article('en-GB'));
    expect(made.map((m) => m.lang)).toEqual(['en-US']);
    expect(session.store?.state.article?.lang).toBe('en-US');
  });

  it('a page that swaps its engine needs a new session', async () => {
    const page = new FakeSpeechEngine();
    const { session } = setup({ engine: page });
    expect(session.speaksWith(new FakeSpeechEngine())).toBe(true);
    await session.open(article());
    expect(session.speaksWith(page)).toBe(true);
    expect(session.speaksWith(new FakeSpeechEngine())).toBe(false);
  });
});
