// When page mode resumes following after the listener scrolled the page:
// on a change they asked for (Play, a seek or skip), not on the next sentence.
import { describe, expect, it } from 'vitest';
import { isJump } from '../../../src/page/page-mode.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, Position } from '../../../src/player/types.ts';

const at = (flatIndex: number): Position => ({ sectionIndex: 0, paragraphIndex: 0, sentenceIndex: flatIndex, flatIndex, sentenceId: `s${flatIndex}` });
const state = (status: PlayerState['status'], flat: number | null) => ({ status, position: flat === null ? null : at(flat) }) as PlayerState;
const change = (changes: PlayerChange[], previous: PlayerState, next: PlayerState): PlayerChangeEvent => ({
  changes: new Set(changes),
  previous,
  state: next,
});

describe('isJump', () => {
  it('is false when playback moves on to the next sentence by itself', () => {
    expect(isJump(change(['position'], state('playing', 4), state('playing', 5)))).toBe(false);
  });
  it('is true for a move anywhere else: a seek, a section skip, a previous sentence', () => {
    expect(isJump(change(['position'], state('playing', 4), state('playing', 12)))).toBe(true);
    expect(isJump(change(['position'], state('playing', 4), state('playing', 3)))).toBe(true);
    expect(isJump(change(['position'], state('paused', 4), state('paused', 4 + 7)))).toBe(true);
  });
  it('is true when playing starts (Play), false for a word or a pause', () => {
    expect(isJump(change(['status'], state('paused', 4), state('playing', 4)))).toBe(true);
    expect(isJump(change(['status'], state('ready', null), state('playing', 0)))).toBe(true);
    expect(isJump(change(['status'], state('playing', 4), state('paused', 4)))).toBe(false);
    expect(isJump(change(['word'], state('playing', 4), state('playing', 4)))).toBe(false);
  });
  it('is false for the first position of a new article (nothing to jump from)', () => {
    expect(isJump(change(['position'], state('ready', null), state('ready', 0)))).toBe(false);
  });
});
