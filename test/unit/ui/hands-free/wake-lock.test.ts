import { describe, it, expect, beforeEach } from 'vitest';
import { WakeLockController, type WakeLockSentinelLike } from '../../../../src/ui/hands-free/index.ts';
import { FakeStore, FakeHost } from '../../../support/hands-free-fakes.ts';

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
