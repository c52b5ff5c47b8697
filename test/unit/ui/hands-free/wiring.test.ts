// The hands-free pieces wired to the player's current store: each loaded
// once, each following a new store (or none), the timers only when asked.
import { describe, expect, it } from 'vitest';
import type { ReactiveController } from 'lit';
import { createPlayerStore } from '../../../../src/player/store.ts';
import { HandsFree } from '../../../../src/ui/hands-free/wiring.ts';
import { FakeSpeechEngine, makeArticle } from '../../../support/fake-engine.ts';

function setup() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  let slept = 0;
  const host = { addController: (c: ReactiveController) => controllers.push(c), requestUpdate: () => void updates++ };
  const wiring = new HandsFree(host, { index: () => null, slept: () => void slept++ });
  return { wiring, controllers, updates: () => updates, slept: () => slept };
}

const store = () => {
  const s = createPlayerStore({ engine: new FakeSpeechEngine() });
  s.load(makeArticle([{ paragraphs: [['One.', 'Two.']] }]));
  return s;
};

describe('the hands-free wiring', () => {
  it('loads nothing before a store, then the media controls once, following each new store', async () => {
    const { wiring, controllers } = setup();
    expect(wiring.sleep).toBeNull();
    const first = store();
    wiring.store = first;
    await new Promise((r) => setTimeout(r, 50));
    expect(controllers).toHaveLength(1);
    const second = store();
    wiring.store = second;
    wiring.store = null;
    wiring.store = second;
    await new Promise((r) => setTimeout(r, 50));
    expect(controllers, 'one Media Session controller for every store').toHaveLength(1);
    expect((controllers[0] as unknown as { store: unknown }).store).toBe(second);
  });

  it('loads the timers once when asked, on the current store, and a sleep setting reaches them', async () => {
    const { wiring, updates } = setup();
    const s = store();
    wiring.store = s;
    await Promise.all([wiring.loadTimers(), wiring.loadTimers()]);
    expect(wiring.sleep?.store).toBe(s);
    expect(wiring.wake?.store).toBe(s);
    await wiring.setSleep('end-of-section');
    expect(wiring.sleep?.mode).toBe('end-of-section');
    await wiring.setSleep(null);
    expect(wiring.sleep?.mode).toBeNull();
    expect(updates()).toBeGreaterThan(0);
    // A new store reaches the loaded timers too.
    const next = store();
    wiring.store = next;
    expect(wiring.sleep?.store).toBe(next);
    expect(wiring.wake?.store).toBe(next);
  });

  it('offers "Keep screen on" only where the Screen Wake Lock API exists', () => {
    const { wiring } = setup();
    expect(wiring.canWake).toBe(typeof navigator !== 'undefined' && 'wakeLock' in navigator);
  });
});
