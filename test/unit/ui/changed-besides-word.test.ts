import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../../src/player/changes.ts';
import { changedBesidesWord } from '../../../src/ui/controllers/text-view.ts';
import type { PlayerState } from '../../../src/player/types.ts';
import { idleState } from '../../support/idle-state.ts';

const base: PlayerState = {
  ...idleState(),
  status: 'playing',
  position: { sentenceId: 's1', flatIndex: 0, sectionIndex: 0 } as PlayerState['position'],
  word: { sentenceId: 's1', start: 0, end: 4, estimated: false },
};

describe('changedBesidesWord', () => {
  it('is false for the same state and for a state whose word alone moved', () => {
    expect(changedBesidesWord(base, base)).toBe(false);
    const moved = { ...base, word: { ...base.word!, start: 5, end: 9 } };
    expect(changesBetween(base, moved)).toEqual(new Set(['word']));
    expect(changedBesidesWord(moved, base)).toBe(false);
  });

  it('is true when anything else changed, with the word or without it', () => {
    const paused = { ...base, status: 'paused' } as PlayerState;
    expect(changedBesidesWord(paused, base)).toBe(true);
    const next = { ...base, position: { sentenceId: 's2', flatIndex: 1, sectionIndex: 0 }, word: null } as PlayerState;
    expect(changedBesidesWord(next, base)).toBe(true);
  });

  it('is true from or to no state at all (the first store, or none)', () => {
    expect(changedBesidesWord(base, null)).toBe(true);
    expect(changedBesidesWord(base, undefined)).toBe(true);
    expect(changedBesidesWord(null, base)).toBe(true);
  });
});
