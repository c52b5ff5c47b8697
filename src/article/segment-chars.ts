/**
 * Character classes for the sentence segmenter (segment.ts): whitespace, line
 * breaks, terminal marks, quotes and brackets, bullets and letter case. Plain
 * code-unit tests, because they run at every candidate boundary.
 */

/** Exactly the characters of JS `\s`. */
export function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

/** Characters of scripts written without spaces between sentences. */
export function isNoSpaceScript(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) || // full-width and half-width forms
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x0f00 && c <= 0x0fff) || // Tibetan
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) || // Khmer
    (c >= 0xd840 && c <= 0xd87f) // high surrogates of CJK extensions B–F
  );
}

/**
 * Full stops of scripts that need no space after them (Armenian ։, Ethiopic
 * ። ፧ ፨): a sentence may start right after one.
 */
export function isGluedStop(c: number): boolean {
  return c === 0x589 || c === 0x1362 || c === 0x1367 || c === 0x1368;
}

export const FULL_STOPS = new Set([0x2e, 0x2024, 0xfe52, 0xff0e]);
const OTHER_TERMINALS = new Set(
  [...'!?։؟۔܀܁܂।॥።፧፨᙮‼‽⁇⁈⁉。꓿！？｡︒﹖﹗߹჻᰻᱾᱿'].map((ch) => ch.codePointAt(0)!),
);
export const ELLIPSIS = 0x2026;

export function isTerminal(c: number): boolean {
  return FULL_STOPS.has(c) || OTHER_TERMINALS.has(c) || c === ELLIPSIS;
}

// Quotes and brackets. Straight quotes are ambiguous and handled apart.
const ALWAYS_OPEN = new Set([...'([{「『【〔〈《｢〖〘（［｛‚„'].map((c) => c.charCodeAt(0)));
const ALWAYS_CLOSE = new Set([...')]}」』】〕〉》｣〗〙）］｝'].map((c) => c.charCodeAt(0)));
const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const LAQ = 0xab; // «
const RAQ = 0xbb; // »
const LSAQ = 0x2039; // ‹
const RSAQ = 0x203a; // ›

export function isOpener(c: number, de: boolean): boolean {
  if (ALWAYS_OPEN.has(c)) return true;
  if (de) return c === RAQ || c === RSAQ;
  return c === LDQ || c === LSQ || c === LAQ || c === LSAQ;
}

export function isCloser(c: number, de: boolean): boolean {
  if (ALWAYS_CLOSE.has(c)) return true;
  if (de) return c === LDQ || c === LSQ || c === LAQ || c === LSAQ || c === RDQ || c === RSQ;
  return c === RDQ || c === RSQ || c === RAQ || c === RSAQ;
}

/** Any quote or bracket, either way, straight quotes included. */
export function isQuoteOrBracket(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    ALWAYS_OPEN.has(c) ||
    ALWAYS_CLOSE.has(c) ||
    c === LDQ ||
    c === RDQ ||
    c === LSQ ||
    c === RSQ ||
    c === LAQ ||
    c === RAQ ||
    c === LSAQ ||
    c === RSAQ ||
    c === 0x201e ||
    c === 0x201a ||
    c === 0xff02 ||
    c === 0xff07
  );
}

export const BULLETS = new Set([...'•·‣⁃◦▪▫●○■□►▸➢➤✓✔–—-*+'].map((c) => c.charCodeAt(0)));

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Fast answers for the common scripts: 1 upper, -1 lower, 0 uncased letter, 2 not a letter, 3 unknown. */
function quickCase(c: number): number {
  if (c < 128) return (c >= 65 && c <= 90) ? 1 : (c >= 97 && c <= 122) ? -1 : 2;
  if (c >= 0xc0 && c <= 0xff) return c === 0xd7 || c === 0xf7 ? 2 : c <= 0xde ? 1 : -1;
  if (c >= 0x0400 && c <= 0x045f) return c <= 0x042f ? 1 : -1; // Cyrillic
  if (c >= 0x3041 && c <= 0x30ff) return c === 0x30fb ? 2 : 0; // kana (not ・)
  if (c >= 0x4e00 && c <= 0x9fff) return 0; // CJK ideographs
  if (c >= 0x0621 && c <= 0x064a) return 0; // Arabic letters
  if (c >= 0x0904 && c <= 0x0939) return 0; // Devanagari letters
  if (c >= 0x3000 && c <= 0x303f) return 2; // CJK punctuation
  if (c >= 0xff01 && c <= 0xff0f) return 2; // full-width punctuation
  return 3;
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const q = quickCase(c);
  if (q !== 3) return q !== 2;
  if (c >= 0xd800 && c <= 0xdfff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]!);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 1 upper, -1 lower, 0 uncased letter, 2 not a letter. */
export function caseAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const q = quickCase(c);
  if (q !== 3) return q;
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
  if (UPPER.test(ch)) return 1;
  if (LOWER.test(ch)) return -1;
  return LETTER.test(ch) ? 0 : 2;
}

export function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    } else {
      const q = quickCase(c);
      if (q === 2) continue;
      if (q !== 3) return true;
      if (!isWs(c) && LETTER_OR_NUMBER.test(text[i]!)) return true;
    }
  }
  return false;
}
