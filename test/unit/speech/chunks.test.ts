import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chunkLengthFor,
  DEFAULT_MS_PER_CHAR,
  DEFAULT_TARGET_CHUNK_MS,
  estimateDurationMs,
  estimateWordTimes,
  splitAtClauses,
  splitIntoChunks,
  wordLengthAt,
  wordSpans,
} from '../../../src/speech/chunks.ts';

describe('splitIntoChunks', () => {
  it('leaves a short sentence whole', () => {
    expect(splitIntoChunks('  A short one.  ', 200)).toEqual([{ text: 'A short one.', offset: 2 }]);
    expect(splitIntoChunks('', 200)).toEqual([]);
  });

  it('cuts at the last clause boundary that fits, before a plain space', () => {
    const text = 'one two three four five, six seven eight nine ten eleven twelve thirteen';
    const chunks = splitIntoChunks(text, 40);
    expect(chunks[0]).toEqual({ text: 'one two three four five,', offset: 0 });
    expect(chunks.map((c) => c.text).join(' ')).toBe(text);
  });

  it('treats dashes, semicolons and colons as clause boundaries', () => {
    expect(splitIntoChunks('aaaa bbbb cccc dddd -- eeee ffff gggg hhhh iiii', 30)[0]!.text).toBe('aaaa bbbb cccc dddd --');
    expect(splitIntoChunks('aaaa bbbb cccc dddd — eeee ffff gggg hhhh iiii', 30)[0]!.text).toBe('aaaa bbbb cccc dddd —');
    expect(splitIntoChunks('aaaa bbbb cccc dddd; eeee ffff gggg hhhh iiii', 30)[0]!.text).toBe('aaaa bbbb cccc dddd;');
    expect(splitIntoChunks('aaaa bbbb cccc dddd: eeee ffff gggg hhhh iiii', 30)[0]!.text).toBe('aaaa bbbb cccc dddd:');
  });

  it('does not cut inside a hyphenated word or a number', () => {
    const chunks = splitIntoChunks('the eight-month battle for 1,000 homes went on and on and on and on', 30);
    for (const c of chunks) expect(c.text).not.toMatch(/(-|\d,)$/);
    expect(chunks.map((c) => c.text).join(' ')).toContain('eight-month battle for 1,000');
  });

  it('cuts a text with no spaces hard at the limit', () => {
    const chunks = splitIntoChunks('x'.repeat(95), 40);
    expect(chunks.map((c) => c.text.length)).toEqual([40, 40, 15]);
  });

  it('property: every chunk is a slice of the original at its offset, within the limit, losing only whitespace', () => {
    const text = fc.stringMatching(/^[a-z ,;:—\-.]{0,600}$/);
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 250 }), (t, max) => {
        const chunks = splitIntoChunks(t, max);
        let last = -1;
        for (const c of chunks) {
          expect(c.text.length).toBeLessThanOrEqual(max);
          expect(c.text.length).toBeGreaterThan(0);
          expect(t.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
          expect(c.offset).toBeGreaterThan(last);
          last = c.offset;
        }
        expect(chunks.map((c) => c.text).join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
      }),
    );
  });
});

describe('splitAtClauses', () => {
  const seed =
    'Mosul\'s liberation is "imminent," but the battle "still remains ... a difficult fight," with days -- rather than weeks -- left to go.';

  it('cuts only at clause ends, merging short clauses', () => {
    expect(splitAtClauses(seed, 30).map((c) => c.text)).toEqual([
      'Mosul\'s liberation is "imminent,"',
      'but the battle "still remains ... a difficult fight,"',
      'with days -- rather than weeks -- left to go.',
    ]);
  });

  it('leaves a sentence without clause breaks whole, and keeps a short tail attached', () => {
    const plain = 'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul still under ISIS control.';
    expect(splitAtClauses(plain)).toEqual([{ text: plain, offset: 0 }]);
    expect(splitAtClauses('A fairly long opening clause here, ok.', 10)).toHaveLength(1);
    expect(splitAtClauses('', 30)).toEqual([]);
  });

  it('property: pieces are slices of the text at their offsets, in order, losing only whitespace', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ,;:—\-.]{0,300}$/), fc.integer({ min: 1, max: 60 }), (t, min) => {
        const pieces = splitAtClauses(t, min);
        let last = -1;
        for (const p of pieces) {
          expect(t.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
          expect(p.offset).toBeGreaterThan(last);
          last = p.offset;
        }
        expect(pieces.map((p) => p.text).join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
      }),
    );
  });
});

describe('word timing estimates', () => {
  it('finds words with their offsets and lengths', () => {
    expect(wordSpans(' Hi  there, you.')).toEqual([
      { index: 1, length: 2 },
      { index: 5, length: 6 },
      { index: 12, length: 4 },
    ]);
    expect(wordLengthAt('Hi there', 3)).toBe(5);
  });

  it('spaces words in proportion to characters and shrinks with rate', () => {
    const slow = estimateWordTimes('one two three', 1);
    const fast = estimateWordTimes('one two three', 2);
    expect(slow.map((w) => w.index)).toEqual([0, 4, 8]);
    expect(slow[0]!.atMs).toBe(0);
    expect(slow[2]!.atMs).toBeCloseTo(slow[1]!.atMs * 2);
    expect(fast[2]!.atMs).toBeCloseTo(slow[2]!.atMs / 2);
  });
});

describe('chunk length by spoken time', () => {
  it('aims at the time target: the average voice at rate 1 says 150 characters in 10 s, well under the ~15 s cut-off', () => {
    expect(DEFAULT_TARGET_CHUNK_MS).toBe(10_000);
    expect(chunkLengthFor(DEFAULT_TARGET_CHUNK_MS, 1)).toBe(150);
    expect(estimateDurationMs('x'.repeat(150), 1)).toBeCloseTo(10_000);
  });

  it('grows with the rate and shrinks for a voice measured slower', () => {
    expect(chunkLengthFor(10_000, 2)).toBe(300);
    expect(chunkLengthFor(10_000, 0.5)).toBe(75);
    // A voice measured at 100 ms a character (10 characters a second).
    expect(chunkLengthFor(10_000, 1, 100)).toBe(100);
    expect(chunkLengthFor(10_000, 1.5, 100)).toBe(150);
  });

  it('never goes below 20 characters, whatever the measure says', () => {
    expect(chunkLengthFor(10_000, 0.1, 100_000)).toBe(20);
  });

  it('times words with the measured speed when one is given', () => {
    const avg = estimateWordTimes('one two three', 1);
    const slow = estimateWordTimes('one two three', 1, DEFAULT_MS_PER_CHAR * 2);
    expect(slow[2]!.atMs).toBeCloseTo(avg[2]!.atMs * 2);
    expect(estimateDurationMs('one two three', 1, 100)).toBe(1300);
  });
});
