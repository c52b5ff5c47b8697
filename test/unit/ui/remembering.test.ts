// The player's remembering on its own, with no offline panel anywhere: a
// real store over a fake engine, storage on a private fake IndexedDB, and a
// host that is only an event target with Lit's controller hooks. Views ask
// for the context as the panel does (a context-request event).
import { ContextEvent as ContextRequestEvent } from '@lit/context';
import { describe, expect, it } from 'vitest';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { PlayerStore } from '../../../src/player/types.ts';
import type { AloudStorage } from '../../../src/storage/db.ts';
import { loadPosition, savePosition } from '../../../src/storage/positions.ts';
import { loadSettings, saveSetting } from '../../../src/storage/settings.ts';
import { setSaved } from '../../../src/storage/article-cache.ts';
import { Remembering, type RememberingHost } from '../../../src/ui/controllers/remembering.ts';
import { rememberingContext, type Remembered } from '../../../src/ui/controllers/remembering-context.ts';
import { strings } from '../../../src/ui/strings.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { freshStorage, makeArticle } from '../../support/storage-helpers.ts';

const tick = () => new Promise((r) => setTimeout(r, 20));
async function until(fn: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !fn(); i++) await tick();
  if (!fn()) throw new Error(`timed out waiting for ${what}`);
}

/** A player as remembering sees it: public properties, controller hooks, events. */
class Host extends EventTarget {
  store: PlayerStore | null = null;
  src = '/a1.json';
  strings = strings;
  readonly ownerDocument = new EventTarget();
  updates = 0;
  readonly controllers: { hostConnected?(): void; hostUpdated?(): void; hostDisconnected?(): void }[] = [];
  constructor(readonly storage: AloudStorage) {
    super();
  }
  addController(c: (typeof this.controllers)[number]): void {
    this.controllers.push(c);
    c.hostConnected?.();
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  /** What Lit does after each render. */
  rendered(): void {
    for (const c of this.controllers) c.hostUpdated?.();
  }
  updateComplete = Promise.resolve(true);
}

function setup(storage: AloudStorage) {
  const host = new Host(storage);
  const store = createPlayerStore({ engine: new FakeSpeechEngine({ auto: { msPerChar: 20 } }) });
  const follow: boolean[] = [];
  const said: string[] = [];
  const remembering = new Remembering(host as unknown as RememberingHost, { followAlong: (on) => follow.push(on), say: (m) => said.push(m) });
  /** A view (the panel) asking for the context; every value it is given, newest last. */
  const seen: (Remembered | undefined)[] = [];
  const view = new EventTarget();
  host.dispatchEvent(new ContextRequestEvent(rememberingContext, view as unknown as Element, (v) => seen.push(v), true));
  return { host, store, remembering, follow, said, seen };
}

describe('remembering, owned by the player', () => {
  it('applies saved settings and offers the saved place with no panel on the page; a view resumes through the context', async () => {
    const { storage } = freshStorage();
    await saveSetting(storage, 'rate', 1.6);
    await saveSetting(storage, 'followAlong', false);
    await savePosition(storage, 'a1', { sentenceId: 's2p1s2', heading: 'Section 2' });
    const { host, store, follow, seen } = setup(storage);
    store.load(makeArticle('a1'));
    host.store = store;
    host.rendered();
    await until(() => store.state.rate === 1.6, 'the saved speed');
    await until(() => follow.length > 0, 'the follow-along setting');
    expect(follow).toEqual([false]);
    await until(() => !!seen.at(-1)?.offer, 'the offer in the context');
    const offer = seen.at(-1)!;
    // The heading is the article's (the saved one may be stale).
    expect(offer.offer).toMatchObject({ sentenceId: 's2p1s2', heading: 'Heading 2' });
    expect(offer).toMatchObject({ src: '/a1.json', storage, article: store.state.article });
    offer.resume();
    expect(store.state.position?.sentenceId).toBe('s2p1s2');
    expect(store.state.starting || store.state.status === 'playing').toBe(true);
    expect(seen.at(-1)!.offer).toBe(null);
  });

  it('saves the place and the speed as the listener goes, and stops when the store goes', async () => {
    const { storage } = freshStorage();
    const { host, store } = setup(storage);
    store.load(makeArticle('a1'));
    host.store = store;
    host.rendered();
    store.setRate(2);
    store.seek('s3p1s1');
    store.play();
    await until(() => store.state.status === 'playing', 'playing');
    store.pause();
    await tick();
    expect((await loadPosition(storage, 'a1'))?.sentenceId).toBe('s3p1s1');
    expect((await loadSettings(storage)).rate).toBe(2);
    // A new session (another store): the old one is no longer watched.
    host.store = null;
    host.rendered();
    store.setRate(1.2);
    await tick();
    expect((await loadSettings(storage)).rate).toBe(2);
  });

  it('reads whether src is saved, and follows a save toggle elsewhere on the page', async () => {
    const { storage } = freshStorage();
    await setSaved('/a1.json', true, { article: makeArticle('a1'), storage });
    const { host, remembering } = setup(storage);
    await until(() => remembering.saved === true, 'the saved state');
    host.ownerDocument.dispatchEvent(new CustomEvent('aloud-saved-change', { detail: { url: '/a1.json', saved: false } }));
    expect(remembering.saved).toBe(false);
    // Another article's change is not this one's.
    host.ownerDocument.dispatchEvent(new CustomEvent('aloud-saved-change', { detail: { url: '/other.json', saved: true } }));
    expect(remembering.saved).toBe(false);
    // A new src is read again.
    host.src = '/b.json';
    host.rendered();
    expect(remembering.saved).toBe(null);
    await until(() => remembering.saved === false, 'the new src read');
  });

  it('swaps an updated copy in at the same place, keeping the element lang, and knows it as the swap only once', async () => {
    const { storage } = freshStorage();
    const { host, store, remembering } = setup(storage);
    const first = makeArticle('a1');
    store.load(first);
    host.store = store;
    host.rendered();
    store.seek('s2p1s2');
    const next = { ...makeArticle('a1'), title: 'Updated' };
    remembering.update(next, 'en-GB');
    // Not playing: swapped at once, at the same sentence, with the player's lang.
    const swapped = store.state.article!;
    expect(swapped).not.toBe(first);
    expect(swapped).toMatchObject({ title: 'Updated', lang: 'en-GB' });
    expect(store.state.position?.sentenceId).toBe('s2p1s2');
    expect(remembering.switched(swapped)).toBe(true);
    expect(remembering.switched(swapped)).toBe(false);
    expect(remembering.switched(first)).toBe(false);
  });
});
