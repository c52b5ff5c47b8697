/** Clamping of the user-adjustable playback settings. */
import { MAX_RATE, MIN_RATE } from './types.ts';

/**
 * Clamps a speech rate to MIN_RATE–MAX_RATE and rounds it to hundredths, so a
 * slider's float noise (1.1000000000000001) is not a "change". NaN gives null
 * (ignore the request).
 */
export function clampRate(rate: number): number | null {
  if (Number.isNaN(rate)) return null;
  return Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * 100) / 100;
}

/** Clamps a volume to 0–1, rounded to hundredths; NaN gives null. */
export function clampVolume(volume: number): number | null {
  if (Number.isNaN(volume)) return null;
  return Math.round(Math.min(1, Math.max(0, volume)) * 100) / 100;
}
