import { describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { keepAliveWav } from '../../../../src/ui/hands-free/keep-alive-wav.ts';
import { KeepAliveAudio } from '../../../../src/ui/hands-free/index.ts';
import { FakeAudio } from '../../../support/hands-free-fakes.ts';

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
    const shipped = readFileSync(new URL('../../../../src/ui/hands-free/keep-alive.wav', import.meta.url));
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
