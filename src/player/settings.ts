/** Clamping of the user-adjustable playback settings. */
/** The slowest and fastest speaking rate the player offers. */
export const MIN_RATE = 0.5;
export const MAX_RATE = 3;

/**
 * Clamps a speech rate to MIN_RATE–MAX_RATE and rounds it to hundredths, so a
 * slider's float noise (1.1000000000000001) is not a "change". NaN gives null
 * (ignore the request).
 */
export function clampRate(rate: number): number | null {
  if (Number.isNaN(rate)) return null;
  return Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * 100) / 100;
}

/** The speed control's step: the slider's, and the shortcuts' slower/faster. */
export const RATE_STEP = 0.1;

/** A rate rounded to the step, 1.25 → 1.3 (times ten, not divided by 0.1: no float noise): what the controls show. */
export const roundRate = (rate: number): number => Math.round(rate * 10) / 10;

/** `steps` steps faster (negative: slower) from `rate`, on the step and within the limits. */
export function stepRate(rate: number, steps: number): number {
  return clampRate(Math.round(rate * 10 + steps) / 10) ?? rate;
}

/** Clamps a volume to 0–1, rounded to hundredths; NaN gives null. */
export function clampVolume(volume: number): number | null {
  if (Number.isNaN(volume)) return null;
  return Math.round(Math.min(1, Math.max(0, volume)) * 100) / 100;
}
