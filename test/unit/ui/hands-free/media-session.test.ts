import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Article } from '../../../../src/article/model.ts';
import { KeepAliveAudio, MediaSessionController } from '../../../../src/ui/hands-free/index.ts';
import { article, FakeStore, FakeHost, FakeSession, FakeAudio } from '../../../support/hands-free-fakes.ts';
import { estimateTimes, indexArticle, WORDS_PER_MINUTE } from '../../../../src/ui/player/article-index.ts';

describe('MediaSessionController', () => {
  let store: FakeStore;
  let host: FakeHost;
  let session: FakeSession;
  let audio: FakeAudio;
  let keepAlive: KeepAliveAudio;
  const createMetadata = (init: MediaMetadataInit) => ({ ...init }) as unknown as MediaMetadata;

  beforeEach(() => {
    store = new FakeStore();
    host = new FakeHost();
    session = new FakeSession();
    audio = new FakeAudio();
    keepAlive = new KeepAliveAudio({ createAudio: () => audio });
  });

  const make = (opts = {}) =>
    new MediaSessionController(host, store, { mediaSession: session, createMetadata, keepAlive, ...opts });

  it('registers with its host and does nothing before it connects', () => {
    make();
    expect(host.controllers).toHaveLength(1);
    expect(session.handlers.size).toBe(0);
    expect(store.listenerCount).toBe(0);
  });

  it('maps every action to the store: track = section, seek = sentence', () => {
    make();
    host.connect();
    const map: [MediaSessionAction, string][] = [
      ['play', 'play'],
      ['pause', 'pause'],
      ['stop', 'stop'],
      ['previoustrack', 'previousSection'],
      ['nexttrack', 'nextSection'],
      ['seekbackward', 'previousSentence'],
      ['seekforward', 'nextSentence'],
    ];
    for (const [action, request] of map) {
      store.calls = [];
      session.press(action);
      expect(store.calls, action).toEqual([request]);
    }
    expect([...session.handlers.keys()].sort()).toEqual([...map.map(([a]) => a), 'seekto'].sort());
  });

  describe('the lock-screen scrubber', () => {
    // The fake article's sentences: "One." "Two." "Three." "Four.": one word each, 4 words in all.
    const perWord = 60 / WORDS_PER_MINUTE; // seconds at rate 1
    const last = (): MediaPositionState | undefined => session.positions[session.positions.length - 1];

    it('reports duration and position estimated from the article (estimateTimes), at rate 1, with the speed as playbackRate', () => {
      make();
      host.connect();
      store.commit({ article, status: 'ready' }, ['article', 'status']);
      store.at(0, 'playing');
      expect(last()).toEqual({ duration: 4 * perWord, position: 0, playbackRate: 1 });
      store.at(2);
      expect(last()).toEqual({ duration: 4 * perWord, position: 2 * perWord, playbackRate: 1 });
      store.commit({ rate: 1.5 }, ['rate']);
      expect(last()).toEqual({ duration: 4 * perWord, position: 2 * perWord, playbackRate: 1.5 });
    });

    it('matches the player\'s own estimate, from the player\'s index when it gives one', () => {
      const index = indexArticle(article);
      const asked: Article[] = [];
      make({ index: (a: Article) => (asked.push(a), index) });
      host.connect();
      store.commit({ article, status: 'ready' }, ['article', 'status']);
      store.at(3, 'playing');
      const { elapsed, remaining } = estimateTimes(index, 3, 1);
      expect(last()).toEqual({ duration: elapsed + remaining, position: elapsed, playbackRate: 1 });
      expect(asked.every((a) => a === article)).toBe(true);
    });

    it('is told once per sentence, speed or status, not on every word', () => {
      make();
      host.connect();
      store.commit({ article, status: 'ready' }, ['article', 'status']);
      store.at(1, 'playing');
      const n = session.positions.length;
      for (let i = 0; i < 5; i++) store.commit({ word: { sentenceId: 's1p1s2', start: i, end: i + 1, estimated: true } }, ['word']);
      expect(session.positions.length).toBe(n);
      store.commit({ status: 'paused' }, ['status']);
      expect(session.positions.length).toBe(n + 1);
    });

    it('clears when the article goes and when the player leaves', () => {
      make();
      host.connect();
      store.commit({ article, status: 'ready' }, ['article', 'status']);
      store.at(0, 'playing');
      store.commit({ article: null, position: null, status: 'idle' }, ['article', 'position', 'status']);
      expect(last()).toBeUndefined();
      store.commit({ article, status: 'ready' }, ['article', 'status']);
      expect(last()).toBeDefined();
      host.disconnect();
      expect(last()).toBeUndefined();
    });

    it('seekto goes to the sentence that starts nearest the time', () => {
      make();
      host.connect();
      store.commit({ article, status: 'playing' }, ['article', 'status']);
      const seek = (seconds: number) => {
        store.calls = [];
        session.press('seekto', { seekTime: seconds });
        return store.calls;
      };
      expect(seek(0)).toEqual(['seek s1p1s1']);
      expect(seek(0.9 * perWord)).toEqual(['seek s1p1s2']); // nearer the second start than the first
      expect(seek(2.4 * perWord)).toEqual(['seek s2p1s1']);
      expect(seek(2.6 * perWord)).toEqual(['seek s3p1s1']);
      expect(seek(99)).toEqual(['seek s3p1s1']); // past the end: the last sentence
      expect(seek(-5)).toEqual(['seek s1p1s1']);
      expect(seek(Number.NaN)).toEqual([]);
    });

    it('a browser without setPositionState (or one that throws) still gets the controls', () => {
      const bare = new FakeSession();
      Object.defineProperty(bare, 'setPositionState', { value: undefined });
      const c = new MediaSessionController(host, store, { mediaSession: bare, createMetadata, keepAlive });
      host.connect();
      store.commit({ article, status: 'playing' }, ['article', 'status']);
      expect(bare.handlers.size).toBe(8);
      c.dispose();
      session.setPositionState = () => {
        throw new TypeError('nope');
      };
      make();
      host.connect();
      expect(() => store.at(1, 'playing')).not.toThrow();
    });
  });

  it('the play action starts the clip at once, inside the gesture; unlock() reaches the clip', async () => {
    const c = make();
    host.connect();
    c.unlock();
    expect(audio.plays).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(audio.paused).toBe(true);
    session.press('play');
    expect(audio.paused).toBe(false);
  });

  it('sets metadata from the article: title, byline as artist, album', () => {
    store.commit({ article, status: 'ready' }, ['article', 'status']);
    make();
    host.connect();
    expect(session.metadata).toEqual({ title: 'Why Mosul matters', artist: 'By Jane Doe, CNN', album: 'Aloud' });
    const other = { ...article, title: 'Another', byline: undefined };
    store.commit({ article: other }, ['article']);
    expect(session.metadata).toEqual({ title: 'Another', artist: '', album: 'Aloud' });
  });

  it('adds artwork from the option or the article image, and survives artwork that throws', () => {
    store.commit({ article: { ...article, image: 'https://example.org/a.jpg' } as Article }, ['article']);
    make({ album: 'CNN' });
    host.connect();
    expect(session.metadata).toMatchObject({ album: 'CNN', artwork: [{ src: 'https://example.org/a.jpg' }] });
    host.disconnect();

    const picky = (init: MediaMetadataInit) => {
      if (init.artwork) throw new TypeError('bad URL');
      return createMetadata(init);
    };
    host = new FakeHost();
    make({ artwork: () => [{ src: 'bad:' }], createMetadata: picky });
    host.connect();
    expect(session.metadata).toEqual({ title: 'Why Mosul matters', artist: 'By Jane Doe, CNN', album: 'Aloud' });
  });

  it('keeps playbackState and the keep-alive clip in step with the store', () => {
    make();
    host.connect();
    store.commit({ article, status: 'ready' }, ['article', 'status']);
    expect(session.playbackState).toBe('none');
    expect(audio.paused).toBe(true);
    store.at(0, 'playing');
    expect(session.playbackState).toBe('playing');
    expect(audio.paused).toBe(false);
    const plays = audio.plays;
    store.commit({ word: { sentenceId: 's1p1s1', start: 0, end: 3, estimated: false } }, ['word']);
    expect(audio.plays).toBe(plays); // word updates do not poke the element
    store.commit({ status: 'paused' }, ['status']);
    expect(session.playbackState).toBe('paused');
    expect(audio.paused).toBe(true);
    store.commit({ status: 'ended' }, ['status']);
    expect(session.playbackState).toBe('none');
  });

  it('pauses the store when the system interrupts the clip while playing', () => {
    new MediaSessionController(host, store, {
      mediaSession: session,
      createMetadata,
      keepAlive: undefined,
    });
    // The default keep-alive needs an Audio constructor: give it one.
    const a = new FakeAudio();
    vi.stubGlobal('Audio', function () {
      return a;
    });
    try {
      host.connect();
      store.at(0, 'playing');
      expect(a.paused).toBe(false);
      a.pause();
      expect(store.calls).toEqual(['pause']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('removes handlers, metadata and the clip on disconnect, and listens no more', () => {
    make();
    host.connect();
    store.commit({ article }, ['article']);
    store.at(0, 'playing');
    host.disconnect();
    expect(session.handlers.size).toBe(0);
    expect(session.metadata).toBeNull();
    expect(session.playbackState).toBe('none');
    expect(audio.paused).toBe(true);
    expect(store.listenerCount).toBe(0);
    // Reconnecting restores everything.
    host.connect();
    expect(session.handlers.size).toBe(8);
    expect(session.metadata).not.toBeNull();
    expect(session.playbackState).toBe('playing');
  });

  it('can start without a store and follow the store it is given later', () => {
    const c = new MediaSessionController(host, null, { mediaSession: session, createMetadata, keepAlive });
    host.connect();
    expect(session.handlers.size).toBe(0);
    store.commit({ article, status: 'playing' }, ['article', 'status']);
    c.store = store;
    expect(session.handlers.size).toBe(8);
    expect(session.playbackState).toBe('playing');
    expect(session.metadata).toMatchObject({ title: 'Why Mosul matters' });
    session.press('nexttrack');
    expect(store.calls).toEqual(['nextSection']);

    const next = new FakeStore();
    c.store = next;
    expect(store.listenerCount).toBe(0);
    expect(next.listenerCount).toBe(1);
    expect(session.playbackState).toBe('none'); // the new store is idle
    expect(audio.paused).toBe(true);
    session.press('nexttrack');
    expect(next.calls).toEqual(['nextSection']);
    expect(store.calls).toEqual(['nextSection']);
    c.store = null;
    expect(session.handlers.size).toBe(0);
  });

  it('with two players on a page, the one playing owns the session; leaving does not clear the other', () => {
    const other = new FakeStore();
    const otherHost = new FakeHost();
    const otherAudio = new FakeAudio();
    make();
    new MediaSessionController(otherHost, other, {
      mediaSession: session,
      createMetadata,
      keepAlive: new KeepAliveAudio({ createAudio: () => otherAudio }),
    });
    store.commit({ article, status: 'ready' }, ['article', 'status']);
    other.commit({ article: { ...article, title: 'Second' }, status: 'ready' }, ['article', 'status']);
    host.connect();
    otherHost.connect();
    // The first connected owns it until another plays.
    expect(session.metadata).toMatchObject({ title: 'Why Mosul matters' });
    other.at(0, 'playing');
    expect(session.metadata).toMatchObject({ title: 'Second' });
    expect(session.playbackState).toBe('playing');
    session.press('nexttrack');
    expect(other.calls).toEqual(['nextSection']);
    expect(store.calls).toEqual([]);
    // The first player's own changes no longer touch the session.
    store.commit({ status: 'paused' }, ['status']);
    expect(session.playbackState).toBe('playing');
    // The first leaves the page: the second keeps its controls.
    host.disconnect();
    expect(session.handlers.size).toBe(8);
    expect(session.metadata).toMatchObject({ title: 'Second' });
    // The second leaves: now the session is cleared.
    otherHost.disconnect();
    expect(session.handlers.size).toBe(0);
    expect(session.metadata).toBeNull();
    expect(otherAudio.paused).toBe(true);
  });

  it('skips actions the browser refuses and still handles the rest', () => {
    session.refuse.add('stop');
    make();
    expect(() => host.connect()).not.toThrow();
    expect(session.handlers.has('stop')).toBe(false);
    session.press('nexttrack');
    expect(store.calls).toEqual(['nextSection']);
  });

  it('is a no-op without a media session (and in Node by default)', () => {
    const c = new MediaSessionController(host, store, { keepAlive: false });
    expect(c.keepAlive).toBeNull();
    expect(() => {
      host.connect();
      store.commit({ article }, ['article']);
      store.at(0, 'playing');
      host.disconnect();
    }).not.toThrow();
  });
});

// ---------------------------------------------------------------- wake lock
