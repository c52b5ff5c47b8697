// The flat sentence index and the spoken→displayed word mapping the store relies on.
import { describe, expect, it } from 'vitest';
import { indexArticle } from '../../../src/player/cursor.ts';
import { clampRate, clampVolume } from '../../../src/player/settings.ts';
import { mapBoundary } from '../../../src/player/word-map.ts';
import { makeArticle } from '../../support/fake-engine.ts';

describe('indexArticle', () => {
  const article = makeArticle([
    { paragraphs: [['A.', 'B.'], [], ['C.']] },
    { heading: 'Empty', paragraphs: [] },
    { heading: 'Two', paragraphs: [['D.']] },
    { heading: 'Three', paragraphs: [['E.', 'F.']] },
  ]);
  const ix = indexArticle(article);

  it('numbers every sentence and keeps section/paragraph/sentence indices', () => {
    expect(ix.sentences.map((s) => s.position.sentenceId)).toEqual(['s1p1s1', 's1p1s2', 's1p3s1', 's3p1s1', 's4p1s1', 's4p1s2']);
    expect(ix.sentences[2]?.position).toEqual({ sectionIndex: 0, paragraphIndex: 2, sentenceIndex: 0, flatIndex: 2, sentenceId: 's1p3s1' });
    expect(ix.indexOf('s4p1s2')).toBe(5);
    expect(ix.indexOf('nope')).toBe(-1);
  });

  it('skips sections without sentences when moving by section', () => {
    expect(ix.sectionStarts).toEqual([0, -1, 3, 4]);
    expect(ix.nextSectionStart(1)).toBe(3);
    expect(ix.previousSectionStart(3)).toBe(0);
    expect(ix.previousSectionStart(0)).toBe(-1);
    expect(ix.nextSectionStart(5)).toBe(-1);
    expect(ix.sectionStartOf(5)).toBe(4);
    expect([0, 1, 2, 3, 4, 5].map((i) => ix.isSectionStart(i))).toEqual([true, false, false, true, true, false]);
  });

  it('gives each sentence one frozen Position object', () => {
    expect(Object.isFrozen(ix.sentences[0]?.position)).toBe(true);
    expect(indexArticle(article).sentences[0]?.position).not.toBe(ix.sentences[0]?.position);
  });
});

describe('mapBoundary', () => {
  it('is exact when spoken and displayed texts are the same', () => {
    expect(mapBoundary('The quick fox.', 'The quick fox.', 4, 5)).toEqual([4, 9]);
    expect(mapBoundary('The quick fox.', 'The quick fox.', 4, 0)).toEqual([4, 9]); // length unknown: to the word's end
    expect(mapBoundary('The quick fox.', 'The quick fox.', 3, 0)).toEqual([4, 9]); // on a space: the next word
  });

  it('carries the relative place over when the spoken form differs, staying inside the text', () => {
    expect(mapBoundary('Dr. Who won.', 'Doctor Who won.', 0, 6)).toEqual([0, 3]);
    expect(mapBoundary('Dr. Who won.', 'Doctor Who won.', 11, 4)).toEqual([8, 12]);
    expect(mapBoundary('Dr. Who won.', 'Doctor Who won.', 999, 4)).toEqual([8, 12]);
  });
});

describe('settings', () => {
  it('clamps and rounds, and refuses NaN', () => {
    expect(clampRate(0)).toBe(0.5);
    expect(clampRate(4)).toBe(3);
    expect(clampRate(1.234)).toBe(1.23);
    expect(clampRate(Number.NaN)).toBeNull();
    expect(clampVolume(-3)).toBe(0);
    expect(clampVolume(0.505)).toBe(0.51);
    expect(clampVolume(Number.NaN)).toBeNull();
  });
});
