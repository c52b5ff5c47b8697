import type { PlayerState } from '../../src/player/types.ts';

/** A fresh player state as a new store starts: idle, no article, rate and volume 1. */
export function idleState(): PlayerState {
  return {
    status: 'idle',
    article: null,
    position: null,
    word: null,
    announcing: null,
    rate: 1,
    volume: 1,
    voice: null,
    voices: [],
    announceHeadings: true,
    error: null,
    starting: false,
    notice: null,
  };
}
