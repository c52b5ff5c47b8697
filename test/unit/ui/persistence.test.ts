import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import type {
  PlayerChange,
  PlayerChangeEvent,
  PlayerState,
  PlayerStore,
  Position,
} from '../../../src/player/types.ts';
import type { VoiceInfo } from '../../../src/speech/types.ts';
import { openStorage, type AloudStorage } from '../../../src/storage/db.ts';
import { clearPosition, loadPosition, savePosition } from '../../../src/storage/positions.ts';
import { resumeOffer, switchAtBoundary, type ResumeOffer } from '../../../src/player/resume.ts';
import { createPersistence } from '../../../src/ui/controllers/persistence.ts';
import { offlineStrings } from '../../../src/ui/offline/strings.ts';
import { loadSettings, saveSetting, saveVoice } from '../../../src/storage/settings.ts';
import { freshStorage, makeArticle } from '../../support/storage-helpers.ts';
import { idleState } from '../../support/idle-state.ts';

/** The resume button's name, as the prompt builds it from an offer. */
const labelOf = (o: ResumeOffer | null | undefined) => (o ? offlineStrings.resumeFrom(o.heading ?? o.snippet) : undefined);

afterEach(() => vi.restoreAllMocks());

const voice = (id: string, lang = 'en-US'): VoiceInfo => ({
  id,
  name: id,
  lang,
  isDefault: false,
  localService: true,
  engine: 'webspeech',
});

/** A store that obeys requests at once, computing change sets as the real one does. */
class FakeStore implements PlayerStore {
  state: PlayerState = idleState();
  calls: string[] = [];
  private listeners = new Set<(e: PlayerChangeEvent) => void>();

  commit(patch: Partial<PlayerState>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    const changes = new Set<PlayerChange>();
    for (const k of Object.keys(patch) as Array<keyof PlayerState>) {
      if (next[k] !== previous[k]) changes.add(k as PlayerChange);
    }
    if (changes.size === 0) return;
    this.state = next;
    for (const l of [...this.listeners]) l({ changes, state: next, previous });
  }
  private positionOf(id: string, article = this.state.article): Position | null {
    let flat = 0;
    for (const [sectionIndex, s] of (article?.sections ?? []).entries())
      for (const [paragraphIndex, p] of s.paragraphs.entries())
        for (const [sentenceIndex, x] of p.sentences.entries()) {
          if (x.id === id) return { sectionIndex, paragraphIndex, sentenceIndex, flatIndex: flat, sentenceId: id };
          flat++;
        }
    return null;
  }
  subscribe(l: (e: PlayerChangeEvent) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  load(article: Article) {
    const first = article.sections[0]!.paragraphs[0]!.sentences[0]!.id;
    this.commit({ article, status: 'ready', position: this.positionOf(first, article) });
  }
  play() {
    this.calls.push('play');
    this.commit({ status: 'playing' });
  }
  pause() {
    this.calls.push('pause');
    this.commit({ status: 'paused' });
  }
  toggle() {}
  stop() {}
  seek(id: string) {
    this.calls.push(`seek ${id}`);
    this.commit({ position: this.positionOf(id) });
  }
  nextSentence() {}
  previousSentence() {}
  nextSection() {}
  previousSection() {}
  setRate(rate: number) {
    this.calls.push(`rate ${rate}`);
    this.commit({ rate });
  }
  setVoice(id: string | null) {
    this.calls.push(`voice ${id}`);
    this.commit({ voice: this.state.voices.find((v) => v.id === id) ?? null });
  }
  setVolume(volume: number) {
    this.calls.push(`volume ${volume}`);
    this.commit({ volume });
  }
  setAnnounceHeadings() {}
  setLexicon() {}
  fail() {}
  setLoading() {}
  dispose() {}
}

/** A manual clock for the throttle. */
function manualClock() {
  let t = 1_000_000;
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > end) break;
        timers.shift();
        t = due.at;
        due.fn();
      }
      t = end;
    },
  };
}

/** Counts position writes (the cost the throttle exists to bound). */
function countingStorage(storage: AloudStorage) {
  const writes: unknown[] = [];
  const wrapped: AloudStorage = {
    ...storage,
    set: (store, key, value) => {
      if (store === 'positions') writes.push(value);
      return storage.set(store, key, value);
    },
  };
  return { storage: wrapped, writes };
}

const settle = () => new Promise((r) => setTimeout(r, 15));
const article = makeArticle('mosul', 3, 4);

class FakeTarget extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

describe('positions', () => {
  it('saves, loads and clears a place per article key', async () => {
    const { storage } = freshStorage();
    expect(await loadPosition(storage, 'a')).toBeUndefined();
    await savePosition(storage, 'a', { sentenceId: 's2p1s3', heading: 'Heading 2' }, 5);
    await savePosition(storage, 'b', { sentenceId: 's1p1s2' }, 6);
    expect(await loadPosition(storage, 'a')).toEqual({ v: 1, sentenceId: 's2p1s3', heading: 'Heading 2', at: 5 });
    await clearPosition(storage, 'a');
    expect(await loadPosition(storage, 'a')).toBeUndefined();
    expect((await loadPosition(storage, 'b'))?.sentenceId).toBe('s1p1s2');
  });

  it('offers "Resume from \'<heading>\'", the sentence\'s first words in an untitled section, nothing at the very start or for a vanished id', () => {
    const at = 1;
    expect(labelOf(resumeOffer(article, { sentenceId: 's2p1s3', at }))).toBe("Resume from 'Heading 2'");
    const lead = resumeOffer(article, { sentenceId: 's1p1s2', at })!;
    expect(lead.heading).toBeUndefined();
    expect(labelOf(lead)).toBe("Resume from 'Sentence 2 of section 1 has…'");
    expect(resumeOffer(article, { sentenceId: 's1p1s1', at })).toBeUndefined();
    expect(resumeOffer(article, { sentenceId: 's9p9s9', at })).toBeUndefined();
  });

  it('drops a corrupt position record and reports it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    await storage.set('positions', 'a', { v: 1, sentenceId: 42, at: 'yesterday' });
    expect(await loadPosition(storage, 'a')).toBeUndefined();
    expect(problems.map(([k]) => k)).toEqual(['corrupt']);
  });
});

describe('createPersistence', () => {
  function setup(storage: AloudStorage, opts: { offers?: Array<ResumeOffer | null> } = {}) {
    const store = new FakeStore();
    const clock = manualClock();
    const win = new FakeTarget();
    const doc = new FakeTarget();
    const offers = opts.offers ?? [];
    store.load(article);
    const p = createPersistence(store, {
      storage,
      throttleMs: 2000,
      ...clock,
      window: win,
      document: doc,
      onOffer: (o) => offers.push(o),
    });
    return { store, clock, win, doc, p, offers };
  }

  it('applies saved speed and volume on load, and the saved voice for the language once voices arrive', async () => {
    const { storage } = freshStorage();
    await saveSetting(storage, 'rate', 1.7);
    await saveSetting(storage, 'volume', 0.6);
    await saveVoice(storage, 'en', 'chosen');
    const { store, p } = setup(storage);
    await p.ready;
    expect(store.state.rate).toBe(1.7);
    expect(store.state.volume).toBe(0.6);
    expect(store.calls).not.toContain('voice chosen');
    // The store's own automatic pick arrives with the voices list...
    store.commit({ voices: [voice('auto'), voice('chosen')], voice: voice('auto') });
    expect(store.state.voice?.id).toBe('chosen');
    await settle();
    // ...and was never remembered as the listener's choice.
    expect((await loadSettings(storage)).voices).toEqual({ en: 'chosen' });
  });

  it("does not apply a stored speed outside this player's range (storage checks only that it is a speed)", async () => {
    const { storage } = freshStorage();
    expect(await saveSetting(storage, 'rate', 9)).toBe(true);
    const { store, p } = setup(storage);
    const before = store.state.rate;
    await p.ready;
    expect(store.state.rate).toBe(before);
    expect(store.calls.filter((c) => c.startsWith('rate'))).toEqual([]);
  });

  it('remembers what the listener changes, and not what it merely re-applied', async () => {
    const { storage } = freshStorage();
    const spy = vi.spyOn(storage, 'set');
    await saveSetting(storage, 'rate', 1.5);
    spy.mockClear();
    const { store, p } = setup(storage);
    await p.ready;
    await settle();
    expect(spy.mock.calls.filter(([s]) => s === 'settings')).toEqual([]);
    store.commit({ voices: [voice('a'), voice('b')], voice: voice('a') });
    store.setVoice('b');
    store.setRate(2.25);
    store.setVolume(0.2);
    p.setFollowAlong(false);
    await p.flush();
    expect(await loadSettings(storage)).toEqual({ rate: 2.25, volume: 0.2, followAlong: false, voices: { en: 'b' } });
  });

  it('lets a change made before saved settings arrive win over the saved value', async () => {
    const { storage } = freshStorage();
    await saveSetting(storage, 'rate', 1.5);
    const { store, p } = setup(storage);
    store.setRate(0.8);
    await p.ready;
    await p.flush();
    expect(store.state.rate).toBe(0.8);
    expect((await loadSettings(storage)).rate).toBe(0.8);
  });

  it('offers the saved place (not forced); resume() seeks there and plays', async () => {
    const { storage } = freshStorage();
    await savePosition(storage, 'mosul', { sentenceId: 's3p1s2', heading: 'Heading 3' });
    const { store, p, offers } = setup(storage);
    await p.ready;
    expect(labelOf(p.offer)).toBe("Resume from 'Heading 3'");
    expect(offers.map((o) => o?.sentenceId)).toEqual(['s3p1s2']);
    expect(store.calls).toEqual([]);
    expect(p.resume()).toBe(true);
    expect(store.calls).toEqual(['seek s3p1s2', 'play']);
    expect(store.state.position?.sentenceId).toBe('s3p1s2');
    expect(p.offer).toBeNull();
    expect(p.resume()).toBe(false);
  });

  it('startOver() withdraws the offer and forgets the place', async () => {
    const { storage } = freshStorage();
    await savePosition(storage, 'mosul', { sentenceId: 's3p1s2' });
    const { p, offers } = setup(storage);
    await p.ready;
    p.startOver();
    await p.flush();
    expect(offers.at(-1)).toBeNull();
    expect(await loadPosition(storage, 'mosul')).toBeUndefined();
  });

  it('withdraws the offer when the listener presses play instead', async () => {
    const { storage } = freshStorage();
    await savePosition(storage, 'mosul', { sentenceId: 's2p1s1' });
    const { store, p } = setup(storage);
    await p.ready;
    store.play();
    expect(p.offer).toBeNull();
  });

  it('throttles saves while playing to one per 2 s, keeping the latest place', async () => {
    const { storage: base } = freshStorage();
    const { storage, writes } = countingStorage(base);
    const { store, clock, p } = setup(storage);
    await p.ready;
    store.play();
    const ids = article.sections.flatMap((s) => s.paragraphs.flatMap((x) => x.sentences.map((y) => y.id)));
    // A sentence every 500 ms for 5.5 s: 12 position changes.
    for (const id of ids) {
      store.commit({ position: { sectionIndex: Number(id[1]) - 1, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 0, sentenceId: id } });
      clock.advance(500);
    }
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.length).toBeLessThanOrEqual(4);
    clock.advance(2000);
    await p.flush();
    expect((await loadPosition(base, 'mosul'))?.sentenceId).toBe(ids.at(-1));
  });

  it('saves at once on pause, on pagehide and when the page is hidden', async () => {
    const { storage: base } = freshStorage();
    const { storage, writes } = countingStorage(base);
    const { store, p, win, doc } = setup(storage);
    await p.ready;
    store.play();
    store.seek('s1p1s2');
    expect(writes.length).toBe(1);
    store.seek('s1p1s3');
    expect(writes.length).toBe(1);
    store.pause();
    expect(writes.length).toBe(2);
    store.play();
    store.seek('s2p1s1');
    win.dispatchEvent(new Event('pagehide'));
    expect(writes.length).toBe(3);
    store.seek('s2p1s2');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(writes.length).toBe(4);
    await p.flush();
    expect(await loadPosition(base, 'mosul')).toMatchObject({ sentenceId: 's2p1s2', heading: 'Heading 2' });
    // Nothing changed since: hiding again writes nothing.
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(writes.length).toBe(4);
  });

  it('never saves the untouched start before the listener plays (the saved place stays on offer)', async () => {
    const { storage } = freshStorage();
    await savePosition(storage, 'mosul', { sentenceId: 's3p1s1' });
    const { p, win } = setup(storage);
    await p.ready;
    win.dispatchEvent(new Event('pagehide'));
    p.dispose();
    await settle();
    expect((await loadPosition(storage, 'mosul'))?.sentenceId).toBe('s3p1s1');
  });

  it('forgets the place when the article ends', async () => {
    const { storage } = freshStorage();
    const { store, p } = setup(storage);
    await p.ready;
    store.play();
    store.seek('s3p1s4');
    await p.flush();
    expect(await loadPosition(storage, 'mosul')).toBeDefined();
    store.commit({ status: 'ended' });
    await p.flush();
    expect(await loadPosition(storage, 'mosul')).toBeUndefined();
  });

  it('round trip: listen, pause, come back in a new visit and be offered the same place at the same speed', async () => {
    const factory = new IDBFactory();
    const first = setup(openStorage({ indexedDB: factory }));
    await first.p.ready;
    first.store.setRate(1.8);
    first.store.play();
    first.store.seek('s2p1s3');
    first.store.pause();
    await first.p.flush();
    first.p.dispose();

    const second = setup(openStorage({ indexedDB: factory }));
    await second.p.ready;
    expect(second.store.state.rate).toBe(1.8);
    expect(second.p.offer?.sentenceId).toBe('s2p1s3');
    second.p.resume();
    expect(second.store.state.position?.sentenceId).toBe('s2p1s3');
  });

  it('with storage blocked, playback requests still work and nothing throws', async () => {
    const problems: string[] = [];
    const storage = openStorage({ indexedDB: null, onProblem: (k) => problems.push(k) });
    const { store, p, win } = setup(storage);
    await p.ready;
    expect(p.offer).toBeNull();
    store.play();
    store.seek('s2p1s1');
    store.setRate(2);
    store.pause();
    win.dispatchEvent(new Event('pagehide'));
    await p.flush();
    expect(store.state).toMatchObject({ status: 'paused', rate: 2 });
    expect(problems).toEqual(['unavailable']);
  });

  it('a new article gets its own offer; a pending save goes to the old article', async () => {
    const { storage } = freshStorage();
    const other = makeArticle('other', 2, 2);
    await savePosition(storage, 'other', { sentenceId: 's2p1s2' });
    const { store, p, offers } = setup(storage);
    await p.ready;
    store.play();
    store.seek('s1p1s2');
    store.seek('s1p1s3'); // throttled: pending
    store.load(other);
    await p.flush();
    await settle();
    expect((await loadPosition(storage, 'mosul'))?.sentenceId).toBe('s1p1s3');
    expect(labelOf(offers.at(-1))).toBe("Resume from 'Heading 2'");
  });
});

describe('switchAtBoundary', () => {
  it('while playing, waits for the next sentence boundary, then keeps the place in the new copy and plays on', () => {
    const store = new FakeStore();
    store.load(article);
    store.play();
    store.seek('s2p1s2');
    const updated = makeArticle('mosul', 4, 4, 'Updated title');
    switchAtBoundary(store, updated);
    expect(store.state.article).toBe(article);
    store.seek('s2p1s3'); // the boundary: the next sentence starts
    expect(store.state.article).toBe(updated);
    expect(store.state.position?.sentenceId).toBe('s2p1s3');
    expect(store.calls.at(-1)).toBe('play');
    expect(store.state.status).toBe('playing');
  });

  it('when the sentence is gone, goes to the nearest earlier surviving one; when not playing, switches at once', () => {
    const store = new FakeStore();
    store.load(article);
    store.seek('s2p1s4');
    const updated = structuredClone(article);
    updated.sections[1]!.paragraphs[0]!.sentences.splice(2, 2);
    switchAtBoundary(store, updated);
    expect(store.state.article).toBe(updated);
    expect(store.state.position?.sentenceId).toBe('s2p1s2');
    expect(store.calls).not.toContain('play');
  });

  it('can be cancelled before the boundary', () => {
    const store = new FakeStore();
    store.load(article);
    store.play();
    const cancel = switchAtBoundary(store, makeArticle('mosul', 1, 1));
    cancel();
    store.seek('s1p1s2');
    expect(store.state.article).toBe(article);
  });

  it('with persistence attached, the swap at the saved place offers nothing', async () => {
    const { storage } = freshStorage();
    await savePosition(storage, 'mosul', { sentenceId: 's3p1s1' });
    const store = new FakeStore();
    store.load(article);
    const offers: Array<ResumeOffer | null> = [];
    const p = createPersistence(store, { storage, window: null, document: null, onOffer: (o) => offers.push(o) });
    await p.ready;
    p.resume();
    store.pause();
    await p.flush();
    switchAtBoundary(store, makeArticle('mosul', 3, 4, 'Updated'));
    await p.flush();
    await settle();
    expect(store.state.position?.sentenceId).toBe('s3p1s1');
    expect(offers.filter(Boolean)).toHaveLength(1);
  });
});
