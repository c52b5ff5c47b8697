// Page mode's alignment of article sentences with the page's text pieces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignItems, buildStream, compact, compactOffset, isIgnorable, spanSlice, type CharStream, type StreamSpan } from '../../../src/page/align.ts';

/** The page text a span covers, read back through the stream's piece/offset tables. */
function textOf(pieces: string[], stream: CharStream, span: { start: number; end: number }): string {
  let out = '';
  for (let i = span.start; i < span.end; i++) out += pieces[stream.piece[i]!]![stream.offset[i]!];
  return out;
}

describe('ignorable characters', () => {
  it('are the ones the pipeline collapses or removes, and nothing visible', () => {
    for (const ch of [' ', '\n', '\t', '\u00a0', '\u2009', '\u200b', '\ufeff', '\u00ad', '\u3000', '\u0007']) {
      expect(isIgnorable(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(true);
    }
    for (const ch of ['a', ',', '(', '’', 'é', '中', '\u0301']) expect(isIgnorable(ch.charCodeAt(0)), ch).toBe(false);
    expect(compact(' (CNN) Iraqi\u00a0forces\n ')).toBe('(CNN)Iraqiforces');
  });

  it('compactOffset counts the visible characters before an offset', () => {
    const text = 'Iraqi forces  are';
    expect(compactOffset(text, 0)).toBe(0);
    expect(compactOffset(text, 6)).toBe(5);
    expect(compactOffset(text, text.indexOf('are'))).toBe(11);
    expect(compactOffset(text, 999)).toBe(14);
  });
});

describe('buildStream', () => {
  it('traces every visible character to its piece and offset', () => {
    const pieces = ['  Mosul, ', 'Iraq', ' (CNN)', 'Iraqi\n  forces'];
    const s = buildStream(pieces);
    expect(s.chars).toBe('Mosul,Iraq(CNN)Iraqiforces');
    expect(s.piece.length).toBe(s.chars.length);
    for (let i = 0; i < s.chars.length; i++) expect(pieces[s.piece[i]!]![s.offset[i]!]).toBe(s.chars[i]);
  });
});

describe('alignItems', () => {
  it('finds sentences across pieces, skipping text the article left out, in order', () => {
    const pieces = ['Story highlights', '\n', 'Yes. ', 'It ', 'was', ' here.', 'Related: other story', 'Yes.'];
    const stream = buildStream(pieces);
    const items = ['Story highlights', 'Yes.', 'It was here.', 'Yes.'].map(compact);
    const spans = alignItems(stream, items, new Set([0]));
    expect(spans.map((s) => s && textOf(pieces, stream, s))).toEqual(['Storyhighlights', 'Yes.', 'Itwashere.', 'Yes.']);
    // The second "Yes." is its own occurrence, after the related link.
    expect(spans[3]!.start).toBeGreaterThan(spans[2]!.end);
    expect(spans.every((s) => s && !s.map)).toBe(true);
  });

  it('an unmatched heading never moves the search past the sentences', () => {
    const pieces = ['First sentence. Second one mentions Mosul today.'];
    const stream = buildStream(pieces);
    // "Mosul" is not where the heading would be, but appears later in the text.
    const spans = alignItems(stream, ['Mosul', 'Firstsentence.', 'Secondonementions'].map(compact), new Set([0]));
    expect(spans[1]).not.toBeNull();
    expect(spans[2]).not.toBeNull();
  });

  it('a sentence the page lacks is null and the search carries on', () => {
    const pieces = ['One. Three.'];
    const stream = buildStream(pieces);
    const spans = alignItems(stream, ['One.', 'Two is gone entirely.', 'Three.'].map(compact));
    expect(spans[0]).not.toBeNull();
    expect(spans[1]).toBeNull();
    expect(textOf(pieces, stream, spans[2]!)).toBe('Three.');
  });

  it('matches loosely where the parser inserted punctuation (table cells joined with ", ")', () => {
    const pieces = ['Population', 'About 1.5 million', 'Next paragraph.'];
    const stream = buildStream(pieces);
    const [row, next] = alignItems(stream, ['Population, About 1.5 million', 'Next paragraph.'].map(compact));
    expect(row!.map).toBeDefined();
    expect(textOf(pieces, stream, row!)).toBe('PopulationAbout1.5million');
    // The comma has no page character; the words around it do.
    const comma = compact('Population, About 1.5 million').indexOf(',');
    expect(row!.map![comma]).toBe(-1);
    expect(textOf(pieces, stream, next!)).toBe('Nextparagraph.');
  });

  it('rejects a loose match that finds too little of the sentence', () => {
    const stream = buildStream(['The cat sat on the mat.']);
    expect(alignItems(stream, [compact('The dog ran in the park all day long.')])).toEqual([null]);
  });

  it('property: any sentences, any whitespace, any split into pieces: each maps back to itself', () => {
    const word = fc.stringMatching(/^[A-Za-zéü0-9,.’()-]{1,9}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 });
    const space = fc.constantFrom(' ', '\n  ', '\u00a0', '\t', '');
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 12 }), fc.array(space, { minLength: 1 }), fc.array(fc.nat(), { maxLength: 30 }), (sentences, spaces, cuts) => {
        // The page: sentence words with arbitrary whitespace (or none) between them.
        let page = '';
        let k = 0;
        for (const s of sentences) for (const w of s) page += w + (spaces[k++ % spaces.length] ?? ' ');
        // …cut into text nodes at arbitrary places.
        const points = [...new Set(cuts.map((c) => c % (page.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const p of points) {
          pieces.push(page.slice(from, p));
          from = p;
        }
        pieces.push(page.slice(from));
        const stream = buildStream(pieces);
        const items = sentences.map((s) => compact(s.join(' ')));
        const spans = alignItems(stream, items);
        spans.forEach((span, i) => {
          expect(span).not.toBeNull();
          expect(textOf(pieces, stream, span!)).toBe(items[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('spanSlice', () => {
  it('maps a word of an exact match', () => {
    const span: StreamSpan = { start: 10, end: 20 };
    expect(spanSlice(span, 2, 5)).toEqual({ start: 12, end: 15 });
    expect(spanSlice(span, 5, 5)).toBeNull();
    expect(spanSlice(span, 8, 50)).toEqual({ start: 18, end: 20 });
  });

  it('maps a word of a loose match, stepping over characters the page lacks', () => {
    const span: StreamSpan = { start: 3, end: 9, map: Int32Array.from([3, 4, -1, 5, 6, 8]) };
    expect(spanSlice(span, 1, 4)).toEqual({ start: 4, end: 6 });
    expect(spanSlice(span, 2, 3)).toBeNull();
  });
});
