import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { Article } from '../../src/article/model.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, Position } from '../../src/player/types.ts';
import { readFileSync } from 'node:fs';
import { keepAliveWav } from '../../src/ui/hands-free/keep-alive-wav.ts';
import {
  KeepAliveAudio,
  MediaSessionController,
  SleepTimer,
  WakeLockController,
  type AudioLike,
  type Clock,
  type HandsFreeStore,
  type MediaSessionLike,
  type WakeLockSentinelLike,
} from '../../src/ui/hands-free/index.ts';
import { idleState } from '../support/idle-state.ts';

// ---------------------------------------------------------------- fakes

const article: Article = {
  version: 1,
  id: 'a1',
  lang: 'en',
  title: 'Why Mosul matters',
  byline: 'By Jane Doe, CNN',
  sections: [
    { id: 's1', paragraphs: [{ id: 's1p1', sentences: [{ id: 's1p1s1', text: 'One.' }, { id: 's1p1s2', text: 'Two.' }] }] },
    { id: 's2', heading: 'Next', paragraphs: [{ id: 's2p1', sentences: [{ id: 's2p1s1', text: 'Three.' }] }] },
    { id: 's3', heading: 'Last', paragraphs: [{ id: 's3p1', sentences: [{ id: 's3p1s1', text: 'Four.' }] }] },
  ],
};

const positions: Position[] = [
  { sectionIndex: 0, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 0, sentenceId: 's1p1s1' },
  { sectionIndex: 0, paragraphIndex: 0, sentenceIndex: 1, flatIndex: 1, sentenceId: 's1p1s2' },
  { sectionIndex: 1, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 2, sentenceId: 's2p1s1' },
  { sectionIndex: 2, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 3, sentenceId: 's3p1s1' },
];

/** A store that records requests and lets the test commit state changes. */
class FakeStore implements HandsFreeStore {
  state: PlayerState = idleState();
  calls: string[] = [];
  private listeners = new Set<(e: PlayerChangeEvent) => void>();
  subscribe(l: (e: PlayerChangeEvent) => void) {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  get listenerCount() {
    return this.listeners.size;
  }
  commit(patch: Partial<PlayerState>, changes: PlayerChange[]) {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    const e: PlayerChangeEvent = { changes: new Set(changes), state: this.state, previous };
    for (const l of [...this.listeners]) l(e);
  }
  at(i: number, status: PlayerState['status'] = this.state.status) {
    const position = positions[i]!;
    const changes: PlayerChange[] = ['position'];
    if (position.sectionIndex !== this.state.position?.sectionIndex) changes.push('section');
    if (status !== this.state.status) changes.push('status');
    this.commit({ position, status }, changes);
  }
  play = () => void this.calls.push('play');
  pause = () => void this.calls.push('pause');
  stop = () => void this.calls.push('stop');
  nextSection = () => void this.calls.push('nextSection');
  previousSection = () => void this.calls.push('previousSection');
  nextSentence = () => void this.calls.push('nextSentence');
  previousSentence = () => void this.calls.push('previousSentence');
}

class FakeHost {
  controllers: { hostConnected?(): void; hostDisconnected?(): void }[] = [];
  updates = 0;
  addController(c: { hostConnected?(): void; hostDisconnected?(): void }) {
    this.controllers.push(c);
  }
  requestUpdate() {
    this.updates++;
  }
  connect() {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

class FakeSession implements MediaSessionLike {
  metadata: MediaMetadata | null = null;
  playbackState: MediaSessionPlaybackState = 'none';
  handlers = new Map<MediaSessionAction, MediaSessionActionHandler>();
  refuse = new Set<MediaSessionAction>();
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
    if (this.refuse.has(action)) throw new TypeError(`${action} is not supported`);
    if (handler) this.handlers.set(action, handler);
    else this.handlers.delete(action);
  }
  press(action: MediaSessionAction) {
    const h = this.handlers.get(action);
    if (!h) throw new Error(`no handler for ${action}`);
    h({ action });
  }
}

class FakeAudio implements AudioLike {
  src = '';
  loop = false;
  preload = '';
  paused = true;
  plays = 0;
  rejectPlay = false;
  private listeners = new Map<string, Set<() => void>>();
  play() {
    this.plays++;
    if (this.rejectPlay) return Promise.reject(new DOMException('no', 'NotAllowedError'));
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    if (this.paused) return;
    this.paused = true;
    this.emit('pause');
  }
  removeAttribute(name: string) {
    if (name === 'src') this.src = '';
  }
  load() {}
  addEventListener(t: string, l: () => void) {
    if (!this.listeners.has(t)) this.listeners.set(t, new Set());
    this.listeners.get(t)!.add(l);
  }
  removeEventListener(t: string, l: () => void) {
    this.listeners.get(t)?.delete(l);
  }
  emit(t: string) {
    for (const l of this.listeners.get(t) ?? []) l();
  }
}

/** A manual clock: advance() runs due timers in order. */
class FakeClock implements Clock {
  t = 1_000_000;
  private seq = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers.delete(h as number);
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

// ---------------------------------------------------------------- keep-alive clip

describe('keepAliveWav (keep-alive.wav)', () => {
  const wav = keepAliveWav();
  const view = new DataView(wav.buffer);
  const text = (at: number, n: number) => String.fromCharCode(...wav.subarray(at, at + n));
  const levels = (bytes: Uint8Array) => {
    let sum = 0;
    let peak = 0;
    const n = bytes.length - 44;
    for (let i = 44; i < bytes.length; i++) {
      const s = (bytes[i]! - 128) / 128;
      sum += s * s;
      peak = Math.max(peak, Math.abs(s));
    }
    return { dbfs: 20 * Math.log10(Math.sqrt(sum / n)), peak };
  };

  it('is the file the player ships, byte for byte', () => {
    const shipped = readFileSync(new URL('../../src/ui/hands-free/keep-alive.wav', import.meta.url));
    expect(new Uint8Array(shipped)).toEqual(wav);
  });

  it('is a valid mono 8-bit PCM WAV whose header sizes match its length', () => {
    expect(text(0, 4)).toBe('RIFF');
    expect(text(8, 4)).toBe('WAVE');
    expect(text(12, 4)).toBe('fmt ');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(8);
    expect(view.getUint32(28, true)).toBe(view.getUint32(24, true)); // byte rate = sample rate × 1
    expect(text(36, 4)).toBe('data');
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(view.getUint32(40, true)).toBe(wav.length - 44);
  });

  it('lasts more than five seconds (Chrome ignores shorter media)', () => {
    const seconds = view.getUint32(40, true) / view.getUint32(24, true);
    expect(seconds).toBeGreaterThan(5);
  });

  it('is not silent, but quiet: RMS near -60 dBFS, peaks at one 8-bit step, spread through the clip', () => {
    const { dbfs, peak } = levels(wav);
    expect(dbfs).toBeGreaterThan(-61);
    expect(dbfs).toBeLessThan(-59);
    expect(peak).toBe(1 / 128);
    // No stretch of a second without sound: every 1 s window has some.
    for (let w = 0; w < 6; w++) {
      const window = wav.subarray(44 + w * 8000, 44 + (w + 1) * 8000);
      expect(window.some((b) => b !== 128)).toBe(true);
    }
  });

  it('is deterministic and follows the level asked for', () => {
    expect(keepAliveWav()).toEqual(wav);
    expect(levels(keepAliveWav(6, -50)).dbfs).toBeCloseTo(-50, 0);
    expect(keepAliveWav(6, -60, 7)).not.toEqual(wav);
  });
});

describe('KeepAliveAudio', () => {
  it('creates nothing until started, then loops keep-alive.wav and pauses on stop', () => {
    const audio = new FakeAudio();
    const create = vi.fn(() => audio);
    const k = new KeepAliveAudio({ createAudio: create });
    expect(create).not.toHaveBeenCalled();
    k.start();
    expect(create).toHaveBeenCalledTimes(1);
    // A file beside the module (a blob: or data: URL would break under a strict CSP).
    expect(audio.src).toMatch(/\/keep-alive\.wav(\?|$)/);
    expect(audio.src).not.toMatch(/^(blob|data):/);
    expect(audio.loop).toBe(true);
    expect(audio.paused).toBe(false);
    expect(k.active).toBe(true);
    k.stop();
    expect(audio.paused).toBe(true);
    expect(k.active).toBe(false);
    k.start();
    expect(create).toHaveBeenCalledTimes(1); // reused
    k.dispose();
    expect(audio.src).toBe('');
    expect(audio.paused).toBe(true);
  });

  it('unlock() plays for an instant inside the gesture, then pauses unless started meanwhile', async () => {
    const audio = new FakeAudio();
    const onInterrupted = vi.fn();
    const k = new KeepAliveAudio({ createAudio: () => audio, onInterrupted });
    k.unlock();
    expect(audio.plays).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(audio.paused).toBe(true);
    expect(k.active).toBe(false);
    expect(onInterrupted).not.toHaveBeenCalled();

    k.unlock();
    k.start(); // speech began before play() settled: keep playing
    await Promise.resolve();
    await Promise.resolve();
    expect(audio.paused).toBe(false);
    const plays = audio.plays;
    k.unlock(); // already playing: nothing to do
    expect(audio.plays).toBe(plays);
  });

  it('uses a given src instead of generating one', () => {
    const audio = new FakeAudio();
    new KeepAliveAudio({ createAudio: () => audio, src: '/keep-alive.wav' }).start();
    expect(audio.src).toBe('/keep-alive.wav');
  });

  it('reports a pause it did not cause, and not its own', () => {
    const audio = new FakeAudio();
    const onInterrupted = vi.fn();
    const k = new KeepAliveAudio({ createAudio: () => audio, onInterrupted });
    k.start();
    k.stop();
    expect(onInterrupted).not.toHaveBeenCalled();
    k.start();
    audio.emit('pause'); // the late event of the stop() above: the clip plays again
    expect(onInterrupted).not.toHaveBeenCalled();
    audio.pause(); // the system took audio focus
    expect(onInterrupted).toHaveBeenCalledTimes(1);
  });

  it('swallows a refused play() and stops trying after a source error', async () => {
    const audio = new FakeAudio();
    audio.rejectPlay = true;
    const k = new KeepAliveAudio({ createAudio: () => audio });
    expect(() => k.start()).not.toThrow();
    await Promise.resolve(); // an unhandled rejection would fail the run
    audio.emit('error');
    const plays = audio.plays;
    k.start();
    expect(audio.plays).toBe(plays);
  });

  it('is a no-op when making the element throws', () => {
    const k = new KeepAliveAudio({
      createAudio: () => {
        throw new Error('no media');
      },
    });
    expect(() => {
      k.start();
      k.stop();
      k.dispose();
    }).not.toThrow();
  });
});

// ---------------------------------------------------------------- media session

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
    expect([...session.handlers.keys()].sort()).toEqual(map.map(([a]) => a).sort());
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
    expect(session.handlers.size).toBe(7);
    expect(session.metadata).not.toBeNull();
    expect(session.playbackState).toBe('playing');
  });

  it('can start without a store and follow the store it is given later', () => {
    const c = new MediaSessionController(host, null, { mediaSession: session, createMetadata, keepAlive });
    host.connect();
    expect(session.handlers.size).toBe(0);
    store.commit({ article, status: 'playing' }, ['article', 'status']);
    c.store = store;
    expect(session.handlers.size).toBe(7);
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
    expect(session.handlers.size).toBe(7);
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

describe('WakeLockController', () => {
  class FakeSentinel implements WakeLockSentinelLike {
    released = false;
    async release() {
      this.released = true;
    }
  }
  class FakeWakeLock {
    sentinels: FakeSentinel[] = [];
    refuse = false;
    async request(type: 'screen') {
      expect(type).toBe('screen');
      if (this.refuse) throw new DOMException('battery saver', 'NotAllowedError');
      const s = new FakeSentinel();
      this.sentinels.push(s);
      return s;
    }
    get held() {
      return this.sentinels.filter((s) => !s.released).length;
    }
  }
  class FakeDocument {
    visibilityState: DocumentVisibilityState = 'visible';
    listeners = new Set<() => void>();
    addEventListener(_t: 'visibilitychange', l: () => void) {
      this.listeners.add(l);
    }
    removeEventListener(_t: 'visibilitychange', l: () => void) {
      this.listeners.delete(l);
    }
    set(v: DocumentVisibilityState) {
      this.visibilityState = v;
      for (const l of this.listeners) l();
    }
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  let store: FakeStore;
  let host: FakeHost;
  let lock: FakeWakeLock;
  let doc: FakeDocument;
  beforeEach(() => {
    store = new FakeStore();
    host = new FakeHost();
    lock = new FakeWakeLock();
    doc = new FakeDocument();
  });
  const make = (enabled = true) => new WakeLockController(host, store, { enabled, wakeLock: lock, visibility: doc });

  it('holds the lock only while playing, when enabled', async () => {
    const c = make();
    host.connect();
    await settle();
    expect(lock.held).toBe(0);
    store.at(0, 'playing');
    await settle();
    expect(lock.held).toBe(1);
    expect(c.held).toBe(true);
    store.at(1); // more playing does not ask again
    await settle();
    expect(lock.sentinels).toHaveLength(1);
    store.commit({ status: 'paused' }, ['status']);
    await settle();
    expect(lock.held).toBe(0);
    expect(c.held).toBe(false);
  });

  it('is off by default and follows the enabled switch', async () => {
    const c = new WakeLockController(host, store, { wakeLock: lock, visibility: doc });
    host.connect();
    store.at(0, 'playing');
    await settle();
    expect(lock.held).toBe(0);
    c.enabled = true;
    await settle();
    expect(lock.held).toBe(1);
    expect(host.updates).toBeGreaterThan(0);
    c.enabled = false;
    await settle();
    expect(lock.held).toBe(0);
  });

  it('asks again when the page comes back into view after the browser dropped it', async () => {
    make();
    host.connect();
    store.at(0, 'playing');
    await settle();
    // The browser releases the lock when the page is hidden.
    lock.sentinels[0]!.released = true;
    doc.set('hidden');
    await settle();
    expect(lock.sentinels).toHaveLength(1);
    doc.set('visible');
    await settle();
    expect(lock.sentinels).toHaveLength(2);
    expect(lock.held).toBe(1);
  });

  it('releases a lock that arrives after playback stopped', async () => {
    make();
    host.connect();
    store.at(0, 'playing');
    store.commit({ status: 'paused' }, ['status']); // before the request resolved
    await settle();
    expect(lock.sentinels).toHaveLength(1);
    expect(lock.held).toBe(0);
  });

  it('releases on disconnect and stops listening', async () => {
    make();
    host.connect();
    store.at(0, 'playing');
    await settle();
    host.disconnect();
    await settle();
    expect(lock.held).toBe(0);
    expect(doc.listeners.size).toBe(0);
    expect(store.listenerCount).toBe(0);
  });

  it('follows a store set after construction, and lets go of the old one', async () => {
    const c = new WakeLockController(host, null, { enabled: true, wakeLock: lock, visibility: doc });
    host.connect();
    store.at(0, 'playing');
    c.store = store;
    await settle();
    expect(lock.held).toBe(1);
    c.store = new FakeStore(); // idle
    await settle();
    expect(lock.held).toBe(0);
    expect(store.listenerCount).toBe(0);
  });

  it('carries on when the request is refused, and is a no-op without the API', async () => {
    lock.refuse = true;
    const c = make();
    host.connect();
    store.at(0, 'playing');
    await settle();
    expect(c.held).toBe(false);
    const none = new WakeLockController(host, store, { enabled: true, wakeLock: null, visibility: null });
    expect(none.supported).toBe(false);
    expect(() => host.connect()).not.toThrow();
  });
});

// ---------------------------------------------------------------- sleep timer

describe('SleepTimer', () => {
  let store: FakeStore;
  let host: FakeHost;
  let clock: FakeClock;
  beforeEach(() => {
    store = new FakeStore();
    host = new FakeHost();
    clock = new FakeClock();
    store.commit({ article, status: 'ready' }, ['article', 'status']);
  });
  const make = (opts = {}) => {
    const t = new SleepTimer(host, store, { clock, ...opts });
    host.connect();
    return t;
  };

  it('pauses after the chosen minutes, not before, and reports the time left', () => {
    const onFire = vi.fn();
    const t = make({ onFire, graceMs: 0 });
    store.at(0, 'playing');
    t.set(15);
    expect(t.mode).toBe(15);
    expect(t.remainingMs).toBe(15 * 60_000);
    clock.advance(14 * 60_000 + 59_000);
    expect(store.calls).toEqual([]);
    expect(t.remainingMs).toBe(1000);
    clock.advance(1000);
    expect(store.calls).toEqual(['pause']);
    expect(onFire).toHaveBeenCalledTimes(1);
    expect(t.mode).toBeNull();
    expect(t.remainingMs).toBeNull();
  });

  it('re-renders the host once a minute while counting down', () => {
    const t = make();
    store.at(0, 'playing');
    t.set(30);
    const before = host.updates;
    clock.advance(10 * 60_000);
    expect(host.updates - before).toBe(10);
  });

  it('waits for the current sentence to end before pausing, up to a grace period', () => {
    const t = make({ graceMs: 20_000 });
    store.at(0, 'playing');
    t.set(15);
    clock.advance(15 * 60_000);
    expect(store.calls).toEqual([]); // mid-sentence
    store.at(1); // the next sentence starts: the last one was heard whole
    expect(store.calls).toEqual(['pause']);

    t.set(15);
    clock.advance(15 * 60_000 + 20_000); // no sentence change: give up waiting
    expect(store.calls).toEqual(['pause', 'pause']);
  });

  it('does not pause when the listener has already paused', () => {
    const onFire = vi.fn();
    const t = make({ onFire });
    store.at(0, 'playing');
    t.set(15);
    store.commit({ status: 'paused' }, ['status']);
    clock.advance(15 * 60_000);
    expect(store.calls).toEqual([]);
    expect(onFire).not.toHaveBeenCalled();
    expect(t.mode).toBeNull();
  });

  it('end of section: pauses when playback flows into the next section', () => {
    const t = make();
    store.at(0, 'playing');
    t.set('end-of-section');
    store.at(1);
    expect(store.calls).toEqual([]);
    store.at(2); // last sentence of section 1 ended, section 2 began
    expect(store.calls).toEqual(['pause']);
    expect(t.mode).toBeNull();
  });

  it('end of section follows the listener when they skip to another section', () => {
    const t = make();
    store.at(0, 'playing');
    t.set('end-of-section');
    store.at(3); // jumped to the last section: not an end
    expect(store.calls).toEqual([]);
    expect(t.mode).toBe('end-of-section');
    store.at(2); // jumped back: still not an end
    store.at(3); // flowed on from section 2 into 3: the end of section 2
    expect(store.calls).toEqual(['pause']);
  });

  it('end of section armed before playback uses the first section reached', () => {
    make().set('end-of-section');
    store.at(0, 'playing');
    store.at(1);
    store.at(2);
    expect(store.calls).toEqual(['pause']);
  });

  it('cancel, replace and the end of the article disarm it', () => {
    const t = make();
    store.at(0, 'playing');
    t.set(15);
    t.cancel();
    clock.advance(60 * 60_000);
    expect(store.calls).toEqual([]);
    t.set(15);
    t.set(60); // replaces: the 15 minutes no longer count
    clock.advance(30 * 60_000);
    expect(store.calls).toEqual([]);
    expect(t.remainingMs).toBe(30 * 60_000);
    store.commit({ status: 'ended' }, ['status']);
    expect(t.mode).toBeNull();
    expect(clock.timers.size).toBe(0);
    expect(store.listenerCount).toBe(0);
  });

  it('stops counting when the host disconnects', () => {
    const t = make();
    store.at(0, 'playing');
    t.set(15);
    host.disconnect();
    clock.advance(60 * 60_000);
    expect(store.calls).toEqual([]);
    expect(t.mode).toBeNull();
    expect(store.listenerCount).toBe(0);
  });

  it('keeps an armed timer across a change of store, and pauses the new one', () => {
    const t = make({ graceMs: 0 });
    store.at(0, 'playing');
    t.set(15);
    const next = new FakeStore();
    next.at(0, 'playing');
    t.store = next;
    expect(store.listenerCount).toBe(0);
    clock.advance(15 * 60_000);
    expect(store.calls).toEqual([]);
    expect(next.calls).toEqual(['pause']);
  });

  it('rejects minutes that are not a positive number', () => {
    const t = make();
    expect(() => t.set(0)).toThrow(RangeError);
    expect(() => t.set(Number.NaN)).toThrow(RangeError);
    expect(t.mode).toBeNull();
  });
});
