import { describe, it, expect, vi, beforeEach } from 'vitest';
import { SleepTimer } from '../../../../src/ui/hands-free/index.ts';
import { article, FakeStore, FakeHost, FakeClock } from '../../../support/hands-free-fakes.ts';

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
