/**
 * Sentence segmentation for many languages (docs/segmentation.md).
 *
 * Intl.Segmenter (sentence granularity, UAX #29) proposes the boundaries; a
 * small set of general rules then keeps or drops each one, looking only at the
 * few characters around it:
 *   - the token before a period: a known abbreviation of the language (prefix,
 *     numeric or general class), a single letter, a dotted initialism, an
 *     ordinal number where the language writes them "3.";
 *   - what follows: lower case, a digit, a common sentence opener of the
 *     language, a proper noun, an uncased script;
 *   - quotes and brackets around the break (moved to the sentence they belong to);
 *   - line breaks (paragraph break, soft wrap, bullet lines).
 * A few boundaries Intl does not propose are added: "…" before a capital, and a
 * bullet glyph (•) standing between spaces.
 *
 * Contract of splitSentences: sentences in order, each trimmed and non-empty,
 * inner whitespace runs (JS \s) collapsed to one space. Joined with single
 * spaces they equal the input with whitespace collapsed and trimmed — except
 * between two sentences the source wrote with no space at all, which only
 * happens next to a script written without spaces (Chinese, Japanese, Thai…):
 * there the separator is "". segmentSentences gives the source offsets, so the
 * exact separator is always known.
 */
import { langTable, matches, type LangTable } from './segment-lang.ts';

export interface SentenceSpan {
  /** The sentence, trimmed, whitespace runs collapsed. */
  text: string;
  /** Offset of its first character in the input (UTF-16 code units). */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** What the segmenter needs from Intl.Segmenter: the start of each segment. */
interface Proposer {
  segment(text: string): Iterable<{ index: number }>;
}

const segmenters = new Map<string, Proposer>();

function segmenterFor(lang: string): Proposer {
  let s = segmenters.get(lang);
  if (!s) {
    if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') s = FALLBACK;
    else {
      try {
        s = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
      } catch {
        s = new Intl.Segmenter(undefined, { granularity: 'sentence' });
      }
    }
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * For engines without Intl.Segmenter (Firefox before 125): a break after
 * terminal marks and closing quotes followed by whitespace, after a terminal of
 * a script written without spaces, and after every line break. The rules then
 * decide these as they decide Intl's.
 */
const FALLBACK: Proposer = {
  segment(text: string) {
    const out: { index: number }[] = [{ index: 0 }];
    const len = text.length;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (isLineBreak(c)) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (i + 1 < len) out.push({ index: i + 1 });
      } else if (isTerminal(c) && c !== ELLIPSIS) {
        let j = i + 1;
        while (j < len && isTerminal(text.charCodeAt(j))) j++;
        while (j < len && isQuoteOrBracket(text.charCodeAt(j))) j++;
        const glued = isNoSpaceScript(c) && j < len && !isWs(text.charCodeAt(j));
        if (glued) out.push({ index: j });
        else if (j < len && isWs(text.charCodeAt(j)) && !isLineBreak(text.charCodeAt(j))) {
          let k = j;
          while (k < len && isWs(text.charCodeAt(k)) && !isLineBreak(text.charCodeAt(k))) k++;
          // As UAX #29 (SB6, SB8): no break after a full stop before a digit or lower case.
          const next = k < len ? caseAt(text, k) : 2;
          const stop = FULL_STOPS.has(text.charCodeAt(j - 1)) || FULL_STOPS.has(c);
          if (k < len && !isLineBreak(text.charCodeAt(k)) && !(stop && (next === -1 || isDigit(text.charCodeAt(k))))) {
            out.push({ index: k });
          }
        }
        i = j - 1;
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------- characters

/** Exactly the characters of JS `\s`. */
function isWs(c: number): boolean {
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

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

/** Characters of scripts written without spaces between sentences. */
function isNoSpaceScript(c: number): boolean {
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

const FULL_STOPS = new Set([0x2e, 0x2024, 0xfe52, 0xff0e]);
const OTHER_TERMINALS = new Set(
  [...'!?։؟۔܀܁܂।॥።፧፨᙮‼‽⁇⁈⁉。꓿！？｡︒﹖﹗߹჻᰻᱾᱿'].map((ch) => ch.codePointAt(0)!),
);
const ELLIPSIS = 0x2026;

function isTerminal(c: number): boolean {
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

function isOpener(c: number, de: boolean): boolean {
  if (ALWAYS_OPEN.has(c)) return true;
  if (de) return c === RAQ || c === RSAQ;
  return c === LDQ || c === LSQ || c === LAQ || c === LSAQ;
}

function isCloser(c: number, de: boolean): boolean {
  if (ALWAYS_CLOSE.has(c)) return true;
  if (de) return c === LDQ || c === LSQ || c === LAQ || c === LSAQ || c === RDQ || c === RSQ;
  return c === RDQ || c === RSQ || c === RAQ || c === RSAQ;
}

/** Any quote or bracket, either way, straight quotes included. */
function isQuoteOrBracket(c: number): boolean {
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

const BULLETS = new Set([...'•·‣◦▪▫●○■□►▸➢➤✓✔–—-*+'].map((c) => c.charCodeAt(0)));

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

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const q = quickCase(c);
  if (q !== 3) return q !== 2;
  if (c >= 0xd800 && c <= 0xdfff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]!);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 1 upper, -1 lower, 0 uncased letter, 2 not a letter. */
function caseAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const q = quickCase(c);
  if (q !== 3) return q;
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
  if (UPPER.test(ch)) return 1;
  if (LOWER.test(ch)) return -1;
  return LETTER.test(ch) ? 0 : 2;
}

function hasLetterOrDigit(text: string, from: number, to: number): boolean {
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

// ---------------------------------------------------------------- token rules

const enum Cls {
  None,
  Prefix,
  Numeric,
  General,
  Suffix,
}

/**
 * Classifies the token that ends just before the full stop at `dot`.
 * `numericFallback` is set when the token is a numeric abbreviation (joined only
 * before a number); the general class may still apply to it.
 */
function classifyToken(text: string, dot: number, floor: number, L: LangTable, b: number): Cls {
  // Letters run, then chains "U.S", "z. B", "Lt. Gen".
  let i = dot;
  let j = i;
  const stop = Math.max(floor, i - L.maxLen - 1);
  while (j > stop && isLetterAt(text, j - 1)) j--;
  // A word longer than any abbreviation, not part of a dotted chain.
  if (i - j > L.maxLen) return Cls.None;
  // A surrogate pair counts two units: fine, only used as a length bound.
  if (j === i) {
    // Digits: ordinals "3." in languages that write them so; list numbers.
    while (j > floor && isDigit(text.charCodeAt(j - 1))) j--;
    const n = i - j;
    if (n >= 1 && n <= 3 && L.ordinals && (j === floor || isWs(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 40)) {
      return Cls.General;
    }
    return Cls.None;
  }
  const last = text.slice(j, i);
  const single = i - j === 1 || (i - j === 2 && text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff);
  // Quick exit: not an abbreviation, not an initial, not in a dotted chain.
  if (!single && !L.any.has(last.toLowerCase()) && text.charCodeAt(j - 1) !== 46 && !(text.charCodeAt(j - 1) === 32 && text.charCodeAt(j - 2) === 46)) {
    return Cls.None;
  }
  // Build the chain key.
  let key = last;
  let compact = true; // every link joined without spaces
  let runs = 1;
  let shortRuns = last.length <= 3;
  let k = j;
  while (runs < 5) {
    let p: number;
    let spaced = false;
    if (k - 1 >= floor && text.charCodeAt(k - 1) === 46) p = k - 1;
    else if (k - 2 >= floor && text.charCodeAt(k - 1) === 32 && text.charCodeAt(k - 2) === 46) {
      p = k - 2;
      spaced = true;
    } else break;
    let q = p;
    while (q > floor && isLetterAt(text, q - 1)) q--;
    if (q === p || p - q > 4) break;
    if (spaced && p - q > 3) break;
    key = text.slice(q, p) + '.' + key;
    if (spaced) compact = false;
    if (p - q > 3) shortRuns = false;
    runs++;
    k = q;
  }
  if (runs > 1) {
    if (matches(L.prefix, key)) return Cls.Prefix;
    if (matches(L.suffix, key)) return Cls.Suffix;
    if (matches(L.general, key)) return Cls.General;
  }
  // The first part of a known multi-part abbreviation ("EE." of "EE. UU.").
  let f = b;
  while (f < text.length && f - b < 4 && isLetterAt(text, f)) f++;
  if (f > b && f - b <= 3 && text.charCodeAt(f) === 46) {
    const fkey = key + '.' + text.slice(b, f);
    if (matches(L.prefix, fkey) || matches(L.general, fkey) || matches(L.suffix, fkey)) return Cls.Prefix;
  }
  if (matches(L.prefix, last)) return Cls.Prefix;
  if (matches(L.suffix, last)) return Cls.Suffix;
  if (matches(L.numeric, last)) return Cls.Numeric;
  if (matches(L.general, last)) return Cls.General;
  if (runs > 1 && compact && shortRuns) return Cls.General; // U.S.A., a.m., Ph.D.
  // A single letter: an initial (J. R. R. Tolkien, А. С. Пушкин).
  if (single) return Cls.General;
  return Cls.None;
}

/** Index of the first character of what follows, past opening punctuation and dashes. */
function skipOpeners(text: string, b: number, end: number): number {
  let i = b;
  let n = 0;
  while (i < end && n < 4) {
    const c = text.charCodeAt(i);
    if (isQuoteOrBracket(c) || c === 0x2013 || c === 0x2014 || c === 0x2d) {
      i++;
      n++;
      // "— спросила она": a dash, a space, then the continuation.
      if (c !== 0x2d && i < end && isWs(text.charCodeAt(i)) && c !== 0x22 && !isQuoteOrBracket(c)) i++;
    } else break;
  }
  return i;
}

/** Does the text at b look like the start of a new sentence? (for general-class tokens) */
function startsSentence(text: string, b: number, L: LangTable): boolean {
  const end = text.length;
  let i = b;
  for (let n = 0; i < end && n < 4; n++) {
    const c = text.charCodeAt(i);
    if (c === 0xbf || c === 0xa1) return true; // ¿ ¡
    if (isQuoteOrBracket(c) || c === 0x2013 || c === 0x2014) i++;
    else break;
  }
  if (i >= end) return false;
  const cs = caseAt(text, i);
  if (cs === -1 || cs === 2) return false; // lower case, digit, symbol
  if (cs === 0) return true; // uncased script: no evidence either way, keep the break
  let j = i + 1;
  while (j < end && j - i < 24 && caseAt(text, j) !== 2) j++;
  if (j - i === 1 && text.charCodeAt(j) === 46) return false; // another initial
  const word = text.slice(i, j);
  if (L.starters.has(word)) return true;
  return false;
}

/** A capitalised word (not an acronym) or an uncased letter at b, past openers. */
function capitalisedWordAt(text: string, b: number): boolean {
  const i = skipOpeners(text, b, text.length);
  if (i >= text.length) return false;
  const cs = caseAt(text, i);
  if (cs === 0) return true;
  if (cs !== 1) return false;
  const n = caseAt(text, i + 1);
  return n === -1;
}

function nextIsLower(text: string, b: number): boolean {
  const i = skipOpeners(text, b, text.length);
  return i < text.length && caseAt(text, i) === -1;
}

function nextIsLowerOrDigit(text: string, b: number): boolean {
  const i = skipOpeners(text, b, text.length);
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return isDigit(c) || caseAt(text, i) === -1;
}

function nextIsDigit(text: string, b: number): boolean {
  const c = text.charCodeAt(b);
  return isDigit(c) || (c === 35 /* # */ && isDigit(text.charCodeAt(b + 1)));
}

/** A bullet glyph (or "-", "*") followed by whitespace at b. */
function isBulletAt(text: string, b: number): boolean {
  return BULLETS.has(text.charCodeAt(b)) && (b + 1 >= text.length || isWs(text.charCodeAt(b + 1)));
}

/** A numbered list marker at b: "1. ", "2) ", "(a) ". */
function isListMarkerAt(text: string, b: number): boolean {
  let i = b;
  if (text.charCodeAt(i) === 40) i++;
  const s = i;
  while (i < text.length && i - s < 4 && isDigit(text.charCodeAt(i))) i++;
  if (i === s) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
    i++;
  }
  const m = text.charCodeAt(i);
  if (m !== 46 && m !== 41) return false;
  return i + 1 < text.length && isWs(text.charCodeAt(i + 1));
}

/** "1.", "a)", "iv.", "•" alone: a list marker, not a sentence. */
function isListMarker(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n === 1) return BULLETS.has(text.charCodeAt(s));
  if (n > 6) return false;
  const last = text.charCodeAt(e - 1);
  if (last !== 46 && last !== 41) return false;
  let i = s;
  if (text.charCodeAt(i) === 40) i++;
  let digits = 0;
  let letters = 0;
  for (; i < e - 1; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else return false;
  }
  if (digits > 0 && letters === 0) return digits <= 3;
  if (letters > 0 && digits === 0) return letters === 1 || /^[ivxlcdm]+$/i.test(text.slice(e - 1 - letters, e - 1));
  return false;
}

// ---------------------------------------------------------------- the decision

/**
 * Decide a candidate boundary: the current sentence runs from `cur`, the
 * candidate next sentence begins at `p` (the Intl boundary; whitespace before it
 * belongs to the previous segment). Returns the split offset, or -1 to join.
 */
function decide(text: string, cur: number, p: number, nextBoundary: number, L: LangTable, forced: boolean): number {
  const len = text.length;
  // e: end of the current sentence's content; b: start of the next one's.
  let e = p;
  while (e > cur && isWs(text.charCodeAt(e - 1))) e--;
  let b = p;
  while (b < len && isWs(text.charCodeAt(b))) b++;
  if (e <= cur || b >= len) return -1;

  // Opening quotes/brackets Intl left at the end of the sentence (no space:
  // 你呢？“好的。” or こんにちは。「元気？」) belong to the next one.
  if (e === b) {
    let k = e;
    while (k > cur && isOpener(text.charCodeAt(k - 1), L.deQuotes)) k--;
    if (k < e && k > cur) {
      e = k;
      b = k;
    }
  } else {
    // Closing quotes/brackets Intl put at the start of the next sentence (after
    // a space, as in French « Bonjour ! » dit-il): they belong to this one.
    let k = b;
    while (k < len && k - b < 3) {
      const c = text.charCodeAt(k);
      const straight = c === 0x22 || c === 0x27;
      if (!(isCloser(c, L.deQuotes) || straight)) break;
      const after = k + 1 < len ? text.charCodeAt(k + 1) : 32;
      if (!(isWs(after) || isTerminal(after) || after === 44 || after === 59 || after === 58 || isCloser(after, L.deQuotes))) break;
      if (straight && !oddCount(text, cur, e, c)) break;
      k++;
    }
    if (k > b) {
      // Terminal marks or commas glued after the closer stay with it.
      while (k < len && (isTerminal(text.charCodeAt(k)) || text.charCodeAt(k) === 44)) k++;
      e = k;
      b = k;
      while (b < len && isWs(text.charCodeAt(b))) b++;
      if (b >= len || b >= nextBoundary) return -1;
    }
  }

  const sp = e === b ? e : b;

  // Line breaks in the gap.
  let breaks = 0;
  for (let i = e; i < b; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      breaks++;
    }
  }
  if (breaks >= 2) return sp; // paragraph break
  if ((breaks > 0 || forced) && (isBulletAt(text, b) || isListMarkerAt(text, b))) return sp;
  if (forced) return sp;

  // No space between them: only a boundary next to a script written without spaces.
  if (e === b && !isNoSpaceScript(text.charCodeAt(e - 1)) && !isNoSpaceScript(text.charCodeAt(b))) return -1;

  // List markers and punctuation-only pieces are not sentences.
  if (isListMarker(text, skipWsFwd(text, cur, e), e)) return -1;
  if (!hasLetterOrDigit(text, cur, e)) return -1;
  if (!hasLetterOrDigit(text, b, Math.min(nextBoundary, len))) return -1;

  // The terminal mark, past closing quotes and brackets.
  let t = e - 1;
  while (t > cur && (isQuoteOrBracket(text.charCodeAt(t)) || isWs(text.charCodeAt(t)))) t--;
  const closed = t < e - 1;
  const c = text.charCodeAt(t);

  if (!isTerminal(c)) {
    if (breaks === 0) return sp;
    return softWrap(text, cur, e, b, L) ? -1 : sp;
  }

  if (FULL_STOPS.has(c)) {
    const prev = text.charCodeAt(t - 1);
    if (t > cur && (FULL_STOPS.has(prev) || prev === ELLIPSIS)) return ellipsis(text, b);
    // A Latin full stop glued to Chinese or Japanese text ends no sentence (我在U.S.工作).
    if (c === 46 && t === e - 1 && e === b && isNoSpaceScript(text.charCodeAt(b))) return -1;
    const cls = classifyToken(text, t, cur, L, b);
    switch (cls) {
      case Cls.Prefix:
        return closed && startsSentence(text, b, L) ? sp : -1;
      case Cls.Numeric:
        if (nextIsDigit(text, b)) return -1;
        // Without a number: "p." is still a single letter, "no." a word.
        return singleLetterOrSplit(text, t, cur, b, L, sp);
      case Cls.General:
        return startsSentence(text, b, L) ? sp : -1;
      case Cls.Suffix:
        return startsSentence(text, b, L) || capitalisedWordAt(text, b) ? sp : -1;
      default:
        return nextIsLower(text, b) ? -1 : sp;
    }
  }
  if (c === ELLIPSIS) return ellipsis(text, b);

  // ? ! and the other terminals.
  if (nextIsLower(text, b)) return -1;
  if (closed && L.quotatives.length) {
    for (const q of L.quotatives) if (text.startsWith(q, b)) return -1;
  }
  if (closed && L.speechVerbs.size && attribution(text, b, L)) return -1;
  return sp;

  function ellipsis(text: string, b: number): number {
    return nextIsLowerOrDigit(text, b) || !startsLikeSentence(text, b) ? -1 : sp;
  }
}

/**
 * A quoted question or exclamation followed by its attribution: one to three
 * capitalised words that are not sentence openers (a name), then a verb of
 * saying, then the end of the clause (`"Are we safe?" Maria asked.`).
 */
function attribution(text: string, b: number, L: LangTable): boolean {
  const len = text.length;
  let i = b;
  for (let w = 0; w < 4; w++) {
    let j = i;
    while (j < len && j - i < 24 && isLetterAt(text, j)) j++;
    if (j === i) return false;
    const word = text.slice(i, j);
    if (w > 0 && L.speechVerbs.has(word)) {
      const c = j < len ? text.charCodeAt(j) : 46;
      return c === 46 || c === 44 || c === 33 || c === 63 || c === 59;
    }
    if (caseAt(text, i) !== 1 || L.starters.has(word)) return false;
    if (text.charCodeAt(j) !== 32) return false;
    i = j + 1;
  }
  return false;
}

/** After an ellipsis: a capital or an uncased letter (or ¿ ¡) starts a sentence. */
function startsLikeSentence(text: string, b: number): boolean {
  const c0 = text.charCodeAt(b);
  if (c0 === 0xbf || c0 === 0xa1) return true;
  const i = skipOpeners(text, b, text.length);
  if (i >= text.length) return false;
  const cs = caseAt(text, i);
  return cs === 1 || cs === 0;
}

function singleLetterOrSplit(text: string, t: number, cur: number, b: number, L: LangTable, sp: number): number {
  const isSingle = t - 1 >= cur && isLetterAt(text, t - 1) && (t - 2 < cur || !isLetterAt(text, t - 2));
  if (isSingle) return startsSentence(text, b, L) ? sp : -1;
  return nextIsLower(text, b) ? -1 : sp;
}

function skipWsFwd(text: string, i: number, end: number): number {
  while (i < end && isWs(text.charCodeAt(i))) i++;
  return i;
}

function oddCount(text: string, from: number, to: number, c: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) n++;
  return (n & 1) === 1;
}

/** A single line break after a line without a final mark: a soft wrap? */
function softWrap(text: string, cur: number, e: number, b: number, L: LangTable): boolean {
  const last = text.charCodeAt(e - 1);
  // Continuation punctuation at the end of the line.
  if (last === 44 || last === 59 || last === 58 || last === 0x2d || last === 0x2013 || last === 0x2014 || last === 47 || last === 38 || last === 0x060c || last === 0x3001 || last === 0xff0c) {
    return true;
  }
  if (isOpener(last, L.deQuotes)) return true;
  if (isBulletAt(text, b)) return false;
  if (nextIsLowerOrDigit(text, b)) return true;
  // The line ends with a function word ("the", "of", "and").
  let j = e;
  while (j > cur && isLetterAt(text, j - 1)) j--;
  if (j < e && e - j <= 12) {
    const w = text.slice(j, e);
    if (L.joiners.has(w)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- extra candidates

const EXTRA_RE = /[\u2026\u2022\u2023\u25a0\u25aa\u25b8\u25ba\u25cf\u25e6]/g;

/**
 * Boundaries Intl does not propose: "…" followed by whitespace (decided like
 * "..."), and a bullet glyph standing between spaces in mid-line (forced; stored
 * as -pos-1). One native regex pass over the text.
 */
function extraCandidates(text: string): number[] | null {
  let out: number[] | null = null;
  EXTRA_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const len = text.length;
  while ((m = EXTRA_RE.exec(text)) !== null) {
    const i = m.index;
    if (text.charCodeAt(i) === ELLIPSIS) {
      let k = i + 1;
      while (k < len && isQuoteOrBracket(text.charCodeAt(k))) k++;
      if (k < len && isWs(text.charCodeAt(k))) {
        let b = k;
        while (b < len && isWs(text.charCodeAt(b))) b++;
        if (b < len) (out ??= []).push(b);
      }
    } else if (i > 0 && isWs(text.charCodeAt(i - 1)) && !isLineBreak(text.charCodeAt(i - 1)) && i + 1 < len && isWs(text.charCodeAt(i + 1))) {
      (out ??= []).push(-i - 1);
    }
  }
  return out;
}


// ---------------------------------------------------------------- long inputs

/**
 * V8's Intl.Segmenter slows down quadratically on long strings (1 MB takes
 * about a minute), so long inputs are cut into chunks of a few thousand
 * characters at seams where a sentence may end: whitespace after a terminal
 * mark, else right after a terminal mark of a script without spaces, else a
 * line break. Such a seam is added as a candidate and decided like any other;
 * a seam of last resort (any whitespace, or anywhere) is not a candidate.
 */
const CHUNK = 4096;

function intlChunked(text: string, seg: Proposer, cands: number[]): void {
  const len = text.length;
  let pos = 0;
  while (pos < len) {
    let end = len;
    let candidate = false;
    if (len - pos > CHUNK * 1.5) {
      [end, candidate] = findSeam(text, pos + CHUNK, Math.min(len, pos + 2 * CHUNK));
    }
    const chunk = text.slice(pos, end);
    for (const s of seg.segment(chunk)) if (s.index > 0) cands.push(pos + s.index);
    if (end < len && candidate) cands.push(end);
    pos = end;
  }
}

function findSeam(text: string, from: number, to: number): [number, boolean] {
  let lineBreak = -1;
  let space = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) {
      let k = i - 1;
      while (k > from && isQuoteOrBracket(text.charCodeAt(k))) k--;
      let j = i;
      while (j < to && isWs(text.charCodeAt(j))) j++;
      if (j >= to) break;
      if (isTerminal(text.charCodeAt(k))) return [j, true];
      if (lineBreak < 0 && isLineBreak(c)) lineBreak = j;
      if (space < 0) space = j;
      i = j - 1;
    } else if (isTerminal(c) && c !== 46 && isNoSpaceScript(c)) {
      let j = i + 1;
      while (j < to && isQuoteOrBracket(text.charCodeAt(j))) j++;
      if (j < to && !isWs(text.charCodeAt(j))) return [j, true];
    }
  }
  if (lineBreak >= 0) return [lineBreak, true];
  if (space >= 0) return [space, false];
  let at = from;
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff) at++; // never between a surrogate pair
  return [at, false];
}

// ---------------------------------------------------------------- public API

let lastLang: string | null = null;
let lastTable: LangTable | undefined;
let lastSeg: Proposer | undefined;

/** Calls `emit(start, end)` for each sentence's trimmed span, in order. */
function segmentCore(text: string, lang: string, onSpan: (s: number, e: number) => void): void {
  if (typeof text !== 'string' || text.length === 0) return;
  if (lang !== lastLang) {
    lastLang = lang;
    lastTable = langTable(lang);
    lastSeg = segmenterFor(lang);
  }
  const L = lastTable!;
  const seg = lastSeg!;

  // Intl's proposals, then the extra candidates merged in order.
  const cands: number[] = [];
  if (text.length <= 2 * CHUNK) {
    for (const s of seg.segment(text)) if (s.index > 0) cands.push(s.index);
  } else intlChunked(text, seg, cands);
  const extra = extraCandidates(text);
  let forcedAt: Set<number> | null = null;
  if (extra) {
    forcedAt = new Set();
    for (const x of extra) {
      const pos = x < 0 ? -x - 1 : x;
      if (x < 0) forcedAt.add(pos);
      cands.push(pos);
    }
    cands.sort((a, b) => a - b);
  }

  let cur = 0;
  for (let n = 0; n < cands.length; n++) {
    const p = cands[n]!;
    if (p <= cur || (n > 0 && p === cands[n - 1])) continue;
    let m = n + 1;
    while (m < cands.length && cands[m]! <= p) m++;
    const next = m < cands.length ? cands[m]! : text.length;
    const sp = decide(text, cur, p, next, L, forcedAt !== null && forcedAt.has(p));
    if (sp > cur) {
      emit(text, cur, sp, onSpan);
      cur = sp;
    }
  }
  emit(text, cur, text.length, onSpan);
}

const NEEDS_COLLAPSE = /\s\s|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function emit(text: string, s: number, e: number, onSpan: (s: number, e: number) => void): void {
  while (s < e && isWs(text.charCodeAt(s))) s++;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  if (e > s) onSpan(s, e);
}

function collapsed(text: string, s: number, e: number): string {
  const t = text.slice(s, e);
  return NEEDS_COLLAPSE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Test hook: segment as in an engine without Intl.Segmenter. */
export function segmentWithoutIntl(text: string, lang: string): string[] {
  const saved = [lastLang, lastTable, lastSeg] as const;
  lastLang = lang;
  lastTable = langTable(lang);
  lastSeg = FALLBACK;
  try {
    return splitSentences(text, lang);
  } finally {
    [lastLang, lastTable, lastSeg] = saved;
  }
}

/** Sentences of `text` with their offsets in it. */
export function segmentSentences(text: string, lang: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  segmentCore(text, lang, (s, e) => out.push({ text: collapsed(text, s, e), start: s, end: e }));
  return out;
}

/**
 * The sentences of `text` in order, each trimmed and non-empty, whitespace runs
 * collapsed. See the module comment for the exact contract.
 */
export function splitSentences(text: string, lang: string): string[] {
  const out: string[] = [];
  segmentCore(text, lang, (s, e) => out.push(collapsed(text, s, e)));
  return out;
}

/**
 * Joins sentences back as the source had them: one space where the source had
 * whitespace between two sentences, nothing where it had none (CJK).
 */
export function joinSpans(text: string, spans: SentenceSpan[]): string {
  let out = '';
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (i > 0) out += s.start > spans[i - 1]!.end ? ' ' : '';
    out += s.text;
  }
  void text;
  return out;
}
