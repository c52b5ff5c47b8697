// Property tests: for arbitrary text the segmenter never throws, returns no
// empty or untrimmed sentence, and its sentences concatenate back to the input
// modulo whitespace — joined with single spaces they equal the input with
// whitespace collapsed, except that two sentences the source wrote with no
// space between them (only possible next to CJK, Thai and the like) join with
// nothing. segmentSentences gives the offsets that tell which.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinSpans, segmentSentences, segmentWithoutIntl, splitSentences } from '../../../src/article/segment.ts';

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'ar', 'hi', 'zh', 'ja', 'ko', 'th', 'xx', ''];

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// Inside a sentence, a line break between two characters of a script written
// without spaces is a soft wrap and joins with nothing.
const NO_SPACE_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\ud840-\ud87f]/;
const innerCollapse = (s: string) =>
  s
    .replace(/\s+/g, (run, at: number, all: string) =>
      /[\n\r\u2028]/.test(run) && NO_SPACE_CHAR.test(all[at - 1] ?? '') && NO_SPACE_CHAR.test(all[at + run.length] ?? '') ? '' : ' ',
    )
    .trim();
const hasSoftWrap = (s: string) => innerCollapse(s) !== collapse(s);

// Pieces that exercise every rule: terminals of many scripts, quotes and
// brackets both ways, abbreviations, initials, numbers, bullets, whitespace of
// every kind.
const PIECES = [
  '.', '.', '!', '?', '?!', '…', '...', '。', '！', '？', '｡', '؟', '۔', '।', '॥', ',', ';', ':', '،',
  '"', "'", '“', '”', '‘', '’', '«', '»', '„', '「', '」', '『', '』', '(', ')', '[', ']', '¿', '¡',
  ' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u202f', '\u2028', '\u3000',
  'A', 'a', 'Z', 'z', 'I', 'The', 'the', 'he', 'He', 'Mr.', 'Dr.', 'U.S.', 'e.g.', 'etc.', 'Inc.', 'a.m.',
  'No.', 'z. B.', 'т. е.', 'г.', 'Он', 'да', 'é', 'Ä', 'ß', 'Д', 'д', 'Ω', 'ω',
  '你', '好', 'ア', 'の', 'と', '한', 'ا', 'ب', 'क', 'ि', 'ก', '😀', '𠀀',
  '1', '2', '3', '10', '2.5', '$', '€', '•', '·', '-', '*', '–', '—', '#',
];

const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(
  pieceText,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(' ', '.', '\n', 'a', 'B', '?', '”', '。'), maxLength: 80 }),
);

function checkContract(text: string, lang: string): void {
  const spans = segmentSentences(text, lang);
  const sentences = splitSentences(text, lang);
  expect(sentences).toEqual(spans.map((s) => s.text));
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(/\s\s|[^\S ]/.test(s.text)).toBe(false);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(text.slice(prevEnd, s.start).trim()).toBe('');
    expect(innerCollapse(text.slice(s.start, s.end))).toBe(s.text);
    prevEnd = s.end;
  }
  expect(text.slice(prevEnd).trim()).toBe('');
  if (!hasSoftWrap(text)) expect(joinSpans(text, spans)).toBe(collapse(text));
  // Where the source has whitespace between every two sentences, a plain
  // join with spaces is exact.
  if (!hasSoftWrap(text) && spans.every((s, i) => i === 0 || s.start > spans[i - 1]!.end)) {
    expect(sentences.join(' ')).toBe(collapse(text));
  }
  // Modulo whitespace, always.
  expect(sentences.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
}

// Text whose sentences may end with no space after them: CJK, Thai, Lao,
// Tibetan, Myanmar, Khmer, and the Ethiopic and Armenian full stops
// (። ፧ ፨ ։), which need none: joining such sentences with a space adds one.
const NO_SPACE_SCRIPT = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\ud840-\ud87f\u1362\u1367\u1368\u0589]/;

describe('splitSentences properties', () => {
  for (const lang of LANGS) {
    it(`never throws, no empty sentence, concatenates back (lang "${lang}")`, () => {
      fc.assert(
        fc.property(anyText, (text) => checkContract(text, lang)),
        { numRuns: 300 },
      );
    });
  }

  it('joined with single spaces equals the collapsed input when no script without spaces is involved', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGS), (text, lang) => {
        fc.pre(!NO_SPACE_SCRIPT.test(text));
        expect(splitSentences(text, lang).join(' ')).toBe(collapse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('without Intl.Segmenter: never throws, no empty sentence, concatenates back', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGS), (text, lang) => {
        const out = segmentWithoutIntl(text, lang);
        for (const s of out) expect(s.length > 0 && s === s.trim()).toBe(true);
        expect(out.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        if (!NO_SPACE_SCRIPT.test(text)) expect(out.join(' ')).toBe(collapse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('long arbitrary inputs (chunked path) keep the contract', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 5000, maxLength: 9000 }), fc.constantFrom('en', 'ja', 'ru'), (a, lang) => {
        checkContract(a.join(''), lang);
      }),
      { numRuns: 15 },
    );
  });
});
