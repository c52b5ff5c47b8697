// The one way the player holds a part made from a lazy chunk.
import { describe, expect, it, vi } from 'vitest';
import { LazyPart, lazy } from '../../../src/ui/lazy.ts';

describe('LazyPart', () => {
  it('makes its part once, shared by every get() while loading, then holds it', async () => {
    const make = vi.fn(async () => ({ made: true }));
    const part = new LazyPart(make);
    expect(part.value).toBeNull();
    const [a, b] = await Promise.all([part.get(), part.get()]);
    expect(a).toBe(b);
    expect(part.value).toBe(a);
    await part.get();
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('after a chunk failed to load (a warning, no throw), the next get() asks again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = true;
    const part = new LazyPart(() => lazy(fail ? Promise.reject(new Error('offline')) : Promise.resolve(7), 'the part'));
    expect(await part.get()).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('<aloud-player>: the part could not be loaded.');
    expect(part.value).toBeNull();
    fail = false;
    expect(await part.get()).toBe(7);
    expect(part.value).toBe(7);
    warn.mockRestore();
  });
});
