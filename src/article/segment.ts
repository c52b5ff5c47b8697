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
 * A few boundaries Intl does not propose are added: "…" before a capital, a
 * bullet glyph (•) standing between spaces, and the later markers of an
 * inline list ("1) First item 2) Second item").
 *
 * Contract of splitSentences: sentences in order, each trimmed and non-empty,
 * inner whitespace runs (JS \s) collapsed to one space, or to nothing where a
 * line break stands between two characters of a script written without
 * spaces (a soft wrap: 天気が⏎いい reads 天気がいい). Joined with single
 * spaces they equal the input with whitespace collapsed and trimmed — except
 * between two sentences the source wrote with no space at all, which only
 * happens next to a script written without spaces (Chinese, Japanese, Thai…):
 * there the separator is "". segmentSentences gives the source offsets, so the
 * exact separator is always known.
 */
import { langTable, type LangTable } from './segment-lang.ts';
import { isWs, isLineBreak, isNoSpaceScript, FULL_STOPS, ELLIPSIS, isTerminal, isQuoteOrBracket, isDigit, caseAt, isGluedStop } from './segment-chars.ts';
import { decide } from './segment-rules.ts';
import { extraCandidates } from './segment-candidates.ts';

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
        const glued = (isNoSpaceScript(c) || isGluedStop(c)) && j < len && !isWs(text.charCodeAt(j));
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
  return NEEDS_COLLAPSE.test(t) ? t.replace(/\s+/g, softWrapGap) : t;
}

/** One space, or none for a wrapped line between two CJK characters (今日は天気が⏎いいです). */
function softWrapGap(run: string, at: number, t: string): string {
  return /[\n\r\u2028]/.test(run) && isNoSpaceScript(t.charCodeAt(at - 1)) && isNoSpaceScript(t.charCodeAt(at + run.length)) ? '' : ' ';
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
