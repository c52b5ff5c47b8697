import { describe, expect, it } from 'vitest';
import { settler } from '../../../src/player/settle.ts';
import { FakeClock } from '../../support/fake-engine.ts';

const on = (clock: FakeClock) => (fn: () => void, ms: number) => {
  const id = clock.setTimeout(fn, ms);
  return () => clock.clearTimeout(id);
};

describe('settler', () => {
  it('runs once, ms after the last of many requests', () => {
    const clock = new FakeClock();
    let runs = 0;
    const s = settler(() => runs++, 400, on(clock));
    for (let i = 0; i < 10; i++) {
      s.request();
      clock.advance(100);
    }
    expect(runs).toBe(0);
    clock.advance(299);
    expect(runs).toBe(0);
    clock.advance(1);
    expect(runs).toBe(1);
    clock.advance(10_000);
    expect(runs).toBe(1);
  });

  it('cancel drops the pending run', () => {
    const clock = new FakeClock();
    let runs = 0;
    const s = settler(() => runs++, 400, on(clock));
    s.request();
    s.cancel();
    clock.advance(1000);
    expect(runs).toBe(0);
    expect(clock.pending).toBe(0);
  });
});
