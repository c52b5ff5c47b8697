import { describe, expect, it } from 'vitest';
import { EventBridge } from '../../../src/ui/controllers/event-bridge.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, Position } from '../../../src/player/types.ts';
import { indexArticle } from '../../../src/ui/player/article-index.ts';

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

describe('EventBridge: aloud-progress (fake clock)', () => {
  // Four sentences of 4, 4, 8 and 16 words: 32 words, 12 s at rate 1 (160 words a minute).
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  const real = {
    sections: [
      { id: 's1', paragraphs: [{ sentences: [{ id: 'a', text: words(4) }, { id: 'b', text: words(4) }] }] },
      { id: 's2', heading: 'Two', paragraphs: [{ sentences: [{ id: 'c', text: words(8) }, { id: 'd', text: words(16) }] }] },
    ],
  } as unknown as NonNullable<PlayerState['article']>;
  const index = indexArticle(real);
  const ids = ['a', 'b', 'c', 'd'];
  const pos = (flat: number) => at(ids[flat]!, flat, flat < 2 ? 0 : 1);

  function clocked() {
    let now = 0;
    const fired: [string, Record<string, unknown>][] = [];
    const bridge = new EventBridge(
      (type, detail) => fired.push([type, detail as Record<string, unknown>]),
      (e) => e,
      () => index,
      () => now,
    );
    let state = { ...base, article: real, rate: 1, position: pos(0), status: 'ready' } as PlayerState;
    const commit = (next: Partial<PlayerState>, changes: PlayerChange[]) => {
      const previous = state;
      state = { ...state, ...next };
      bridge.onChange({ state, previous, changes: new Set(changes) }, false);
    };
    const progress = () => fired.filter(([type]) => type === 'aloud-progress').map(([, d]) => d);
    return { commit, progress, fired, bridge, tick: (ms: number) => (now += ms) };
  }

  it('carries fraction, sentence, section and the estimated times', () => {
    const { commit, progress } = clocked();
    commit({ status: 'paused' }, ['status']);
    commit({ position: pos(2) }, ['position']);
    expect(progress()).toEqual([{ fraction: 0.25, sentenceId: 'c', sectionIndex: 1, elapsedSeconds: 3, totalSeconds: 12 }]);
    // At twice the speed the times halve; the fraction does not change.
    commit({ rate: 2, position: pos(1) }, ['rate', 'position']);
    expect(progress()[1]).toEqual({ fraction: 0.125, sentenceId: 'b', sectionIndex: 0, elapsedSeconds: 0.8, totalSeconds: 6 });
  });

  it('while playing on by itself: at most once a second', () => {
    const { commit, progress, tick } = clocked();
    commit({ status: 'playing' }, ['status']);
    tick(1500);
    commit({ position: pos(1) }, ['position']);
    tick(400);
    commit({ position: pos(2) }, ['position']);
    tick(599);
    commit({ position: pos(3) }, ['position']);
    expect(progress().map((d) => d['sentenceId'])).toEqual(['b']);
    tick(1);
    commit({ word: null }, ['word']);
    commit({ position: { ...pos(3), paragraphIndex: 0 } as never }, ['position']);
    // Same sentence again: nothing new to tell.
    expect(progress().map((d) => d['sentenceId'])).toEqual(['b']);
  });

  it('every sentence the listener jumps to fires at once, throttle or not', () => {
    const { commit, progress, tick } = clocked();
    commit({ status: 'playing' }, ['status']);
    commit({ position: pos(1) }, ['position']);
    tick(10);
    commit({ position: pos(0) }, ['position']); // back, while playing
    tick(10);
    commit({ position: pos(3) }, ['position']); // skip ahead, while playing
    tick(10);
    commit({ status: 'paused' }, ['status']);
    commit({ position: pos(2) }, ['position']); // a seek while paused
    expect(progress().map((d) => d['sentenceId'])).toEqual(['b', 'a', 'd', 'c']);
    // The next sentence while playing, 10 ms after a jump, is throttled.
    commit({ status: 'playing' }, ['status']);
    tick(10);
    commit({ position: pos(3) }, ['position']);
    expect(progress()).toHaveLength(4);
  });

  it('a next sentence the listener asked for fires at once; the request counts for one move only', () => {
    const { commit, progress, bridge, tick } = clocked();
    commit({ status: 'playing' }, ['status']);
    commit({ position: pos(1) }, ['position']);
    tick(10);
    bridge.jump();
    commit({ position: pos(2) }, ['position']);
    expect(progress().map((d) => d['sentenceId'])).toEqual(['b', 'c']);
    // Used up: the next natural advance inside the second is throttled again.
    tick(10);
    commit({ position: pos(3) }, ['position']);
    expect(progress()).toHaveLength(2);
  });

  it('ends with fraction 1 just before aloud-end, once; a stop fires neither', () => {
    const { commit, fired } = clocked();
    commit({ position: pos(3) }, ['position']);
    fired.length = 0;
    commit({ status: 'playing' }, ['status']);
    commit({ status: 'ready' }, ['status']); // stop
    expect(fired.map(([t]) => t)).toEqual(['aloud-play']);
    commit({ status: 'playing' }, ['status']);
    commit({ status: 'ended' }, ['status']);
    commit({ status: 'ended' }, ['status']);
    expect(fired.map(([t]) => t)).toEqual(['aloud-play', 'aloud-play', 'aloud-progress', 'aloud-end']);
    expect(fired[2]![1]).toEqual({ fraction: 1, sentenceId: 'd', sectionIndex: 1, elapsedSeconds: 12, totalSeconds: 12 });
  });
});
