import { describe, expect, it } from 'vitest';
import { EventBridge } from '../../../src/ui/controllers/event-bridge.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, Position } from '../../../src/player/types.ts';

const article = {
  sections: [
    { id: 'intro', heading: undefined },
    { id: 'two', heading: 'Two' },
  ],
} as unknown as PlayerState['article'];

const at = (sentenceId: string, flatIndex: number, sectionIndex: number): Position =>
  ({ sentenceId, flatIndex, sectionIndex }) as Position;

const base = { status: 'ready', article, position: at('a', 0, 0), error: null } as unknown as PlayerState;

function harness() {
  const fired: [string, unknown][] = [];
  const bridge = new EventBridge((type, detail) => fired.push([type, detail]), (e) => ({ code: e.code, message: `shown: ${e.message}` }));
  let state = base;
  const commit = (next: Partial<PlayerState>, changes: PlayerChange[], quiet = false) => {
    const previous = state;
    state = { ...state, ...next };
    const e: PlayerChangeEvent = { state, previous, changes: new Set(changes) };
    return bridge.onChange(e, quiet);
  };
  return { fired, commit };
}

describe('EventBridge: store changes → aloud-* events, only real changes', () => {
  it('fires play once, pause only after a play, and end', () => {
    const { fired, commit } = harness();
    commit({ status: 'paused' }, ['status']);
    expect(fired).toEqual([]);
    commit({ status: 'playing' }, ['status']);
    commit({ status: 'playing' }, ['status']);
    commit({ status: 'paused' }, ['status']);
    const r = commit({ status: 'ended' }, ['status']);
    expect(fired).toEqual([
      ['aloud-play', { sentenceId: 'a' }],
      ['aloud-pause', { sentenceId: 'a' }],
      ['aloud-end', {}],
    ]);
    expect(r.ended).toBe(true);
  });

  it('fires sentence, and section only when the section changes, and reports it', () => {
    const { fired, commit } = harness();
    // The first move tells the page its section too (nothing was told before).
    expect(commit({ position: at('b', 1, 0) }, ['position']).section).toBe(0);
    expect(commit({ position: at('b2', 2, 0) }, ['position']).section).toBe(-1);
    const r = commit({ position: at('c', 3, 1) }, ['position', 'section']);
    expect(r.section).toBe(1);
    expect(fired).toEqual([
      ['aloud-sentence', { sentenceId: 'b', index: 1, sectionIndex: 0 }],
      ['aloud-section', { sectionIndex: 0, sectionId: 'intro', heading: undefined }],
      ['aloud-sentence', { sentenceId: 'b2', index: 2, sectionIndex: 0 }],
      ['aloud-sentence', { sentenceId: 'c', index: 3, sectionIndex: 1 }],
      ['aloud-section', { sectionIndex: 1, sectionId: 'two', heading: 'Two' }],
    ]);
  });

  it('says nothing for a position that comes with a new article, or for quiet commits', () => {
    const { fired, commit } = harness();
    commit({ position: at('b', 1, 0) }, ['position', 'article']);
    commit({ position: at('c', 2, 1) }, ['position'], true);
    commit({ status: 'paused' }, ['status'], true);
    expect(fired).toEqual([]);
  });

  it('does not repeat a sentence it already told', () => {
    const { fired, commit } = harness();
    commit({ position: at('c', 2, 1) }, ['position']);
    commit({ position: at('c', 2, 1), word: null }, ['position', 'word']);
    expect(fired.map(([type]) => type)).toEqual(['aloud-sentence', 'aloud-section']);
  });

  it('fires an error with the words shown, and returns them', () => {
    const { fired, commit } = harness();
    const r = commit({ error: { code: 'synthesis-failed', message: 'boom' } }, ['error']);
    expect(fired).toEqual([['aloud-error', { code: 'synthesis-failed', message: 'shown: boom' }]]);
    expect(r.error).toEqual({ code: 'synthesis-failed', message: 'shown: boom' });
  });
});
