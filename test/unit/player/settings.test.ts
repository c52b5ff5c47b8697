import { describe, expect, it } from 'vitest';
import { RATE_STEP, roundRate, stepRate } from '../../../src/player/settings.ts';
import { MAX_RATE, MIN_RATE } from '../../../src/player/types.ts';
import { strings as t } from '../../../src/ui/strings.ts';

describe('one rate rounding', () => {
  it('rounds to the step without float noise', () => {
    expect(RATE_STEP).toBe(0.1);
    expect(roundRate(1.2000000000000002)).toBe(1.2);
    expect(roundRate(1.25)).toBe(1.3);
    expect(roundRate(0.7000000000000001)).toBe(0.7);
  });
  it('steps on the step and stays within the limits', () => {
    expect(stepRate(1, 1)).toBe(1.1);
    expect(stepRate(1.1, 1)).toBe(1.2);
    expect(stepRate(1, -1)).toBe(0.9);
    expect(stepRate(1.25, 1)).toBe(1.4);
    expect(stepRate(MAX_RATE, 1)).toBe(MAX_RATE);
    expect(stepRate(MIN_RATE, -1)).toBe(MIN_RATE);
    let r = MIN_RATE;
    for (let i = 0; i < 25; i++) r = stepRate(r, 1);
    expect(r).toBe(MAX_RATE);
  });
  it('is what the speed label shows', () => {
    expect(t.rateShort(1.2000000000000002)).toBe('1.2×');
    expect(t.rateLong(1)).toBe('1 times speed');
  });
});
