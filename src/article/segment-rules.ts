/**
 * The rules of the sentence segmenter (segment.ts): classify the token before
 * a candidate boundary, look at what follows, and decide whether the boundary
 * stays, moves (past quotes and brackets) or goes. Also the few candidates
 * Intl.Segmenter does not propose ("…" before a capital, lone bullets).
 */
import { isWs, isLineBreak, isNoSpaceScript, FULL_STOPS, ELLIPSIS, isTerminal, isOpener, isCloser, isQuoteOrBracket, BULLETS, isLetterAt, isDigit, caseAt, hasLetterOrDigit, isGluedStop } from './segment-chars.ts';
import { matches, type LangTable } from './segment-lang.ts';

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
  // "N°. 5", "nº. 12": a number sign, an abbreviation before a number.
  const sign = text.charCodeAt(i - 1);
  if ((sign === 0xb0 || sign === 0xba) && i - 2 >= floor && (text.charCodeAt(i - 2) | 32) === 110) {
    if (i - 3 < floor || !isLetterAt(text, i - 3)) return Cls.Numeric;
  }
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
    return vowellessTitle(last) ? Cls.General : Cls.None;
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
  return vowellessTitle(last) ? Cls.General : Cls.None;
}

/**
 * "Cllr", "Hr", "Skt", "Sgt", "Pvt": a capitalised Latin-script token of
 * two to five letters with no vowel is no word of any Latin-script language,
 * so before a period it is an abbreviation, most often a title. General class:
 * joined before a name, a break before a sentence opener ("Hmm. I see.").
 */
function vowellessTitle(word: string): boolean {
  return /^[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]{1,4}$/.test(word);
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
  if (cs === 0) {
    // Uncased script: no evidence from case. Only a word that cannot open a
    // sentence (Persian را, که, و) says the abbreviation was inside one.
    if (!L.joiners.size) return true;
    let k = i;
    while (k < end && k - i < 24 && !isWs(text.charCodeAt(k))) k++;
    return !L.joiners.has(text.slice(i, k));
  }
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
  // "• 9.", "⁃10.": a bullet before the number is part of the marker.
  if (e - s > 1 && BULLETS.has(text.charCodeAt(s)) && !isDigit(text.charCodeAt(s))) {
    s++;
    if (isWs(text.charCodeAt(s))) s++;
  }
  const n = e - s;
  if (n === 1) return BULLETS.has(text.charCodeAt(s));
  if (n > 6) return false;
  const last = text.charCodeAt(e - 1);
  if (last !== 46 && last !== 41) return false;
  // "1.)" is one marker, as "1." and "1)" are.
  const end = last === 41 && text.charCodeAt(e - 2) === 46 ? e - 2 : e - 1;
  let i = s;
  if (text.charCodeAt(i) === 40) i++;
  let digits = 0;
  let letters = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else return false;
  }
  if (digits > 0 && letters === 0) return digits <= 3;
  if (letters > 0 && digits === 0) return letters === 1 || /^[ivxlcdm]+$/i.test(text.slice(end - letters, end));
  return false;
}

// ---------------------------------------------------------------- the decision

/**
 * Decide a candidate boundary: the current sentence runs from `cur`, the
 * candidate next sentence begins at `p` (the Intl boundary; whitespace before it
 * belongs to the previous segment). Returns the split offset, or -1 to join.
 */
export function decide(text: string, cur: number, p: number, nextBoundary: number, L: LangTable, forced: boolean): number {
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
  if (e === b && !isNoSpaceScript(text.charCodeAt(e - 1)) && !isNoSpaceScript(text.charCodeAt(b)) && !isGluedStop(text.charCodeAt(e - 1))) {
    return -1;
  }

  // List markers and punctuation-only pieces are not sentences.
  if (isListMarker(text, skipWsFwd(text, cur, e), e)) return -1;
  // "Items: 1.) First thing.": a marker closed by ")" at the end of a sentence
  // opens the next item; the break moves before it.
  if (text.charCodeAt(e - 1) === 41) {
    let m = e - 1;
    while (m > cur && !isWs(text.charCodeAt(m - 1))) m--;
    if (m > cur && isListMarker(text, m, e) && capitalisedWordAt(text, b)) return m;
  }
  if (!hasLetterOrDigit(text, cur, e)) return -1;
  if (!hasLetterOrDigit(text, b, Math.min(nextBoundary, len))) return -1;

  // The terminal mark, past closing quotes and brackets.
  let t = e - 1;
  while (t > cur && (isQuoteOrBracket(text.charCodeAt(t)) || isWs(text.charCodeAt(t)))) t--;
  const closed = t < e - 1;
  const c = text.charCodeAt(t);

  // Inside a pair that the sentence goes on after (《你好！世界》很好看): no break.
  if (!closed && breaks === 0 && isTerminal(c) && insideContinuingPair(text, cur, e, b, L)) return -1;

  if (!isTerminal(c)) {
    if (breaks === 0) return sp;
    return softWrap(text, cur, e, b, L) ? -1 : sp;
  }

  if (FULL_STOPS.has(c)) {
    const prev = text.charCodeAt(t - 1);
    if (t > cur && (FULL_STOPS.has(prev) || prev === ELLIPSIS)) return elidedInBrackets(text, t) ? -1 : ellipsis(text, b);
    // A spaced ellipsis ". . .": no sentence starts with its next dot, except
    // after a sentence's own full stop ("compounds. . . . The practice": in
    // Chicago's four dots the first is the stop, the three open the next).
    if (text.charCodeAt(b) === 46) return t > cur && isLetterAt(text, t - 1) && spacedEllipsisOpens(text, b) ? sp : -1;
    if (prev === 32 && t - 2 >= cur && text.charCodeAt(t - 2) === 46) {
      let k = t;
      let dots = 1;
      while (k - 2 >= cur && text.charCodeAt(k - 1) === 32 && text.charCodeAt(k - 2) === 46) {
        k -= 2;
        dots++;
      }
      // Three spaced dots standing apart are an omission inside the sentence;
      // a fourth, or a first dot glued to the word, is the sentence's end.
      if (dots === 3 && k > cur && isWs(text.charCodeAt(k - 1))) return -1;
      if (ellipsis(text, b) < 0) return -1;
      // "compounds. . . . The": the glued first dot ends the sentence; the
      // three after it open the next, as the omission they mark.
      return dots >= 4 && k > cur && isLetterAt(text, k - 1) ? k + 1 : sp;
    }
    // A Latin full stop glued to Chinese or Japanese text ends no sentence (我在U.S.工作).
    if (c === 46 && t === e - 1 && e === b && isNoSpaceScript(text.charCodeAt(b))) return -1;
    if (closed && citationFollows(text, b)) return -1;
    const cls = classifyToken(text, t, cur, L, b);
    switch (cls) {
      case Cls.Prefix:
        return closed && startsSentence(text, b, L) ? sp : -1;
      case Cls.Numeric:
        if (nextIsDigit(text, b)) return -1;
        // Without a number: "p." is still a single letter, "no." a word.
        return singleLetterOrSplit(text, t, cur, b, L, sp);
      case Cls.General:
        return startsSentence(text, b, L) || timeThenTitle(text, cur, t, b, L) ? sp : -1;
      case Cls.Suffix:
        return startsSentence(text, b, L) || capitalisedWordAt(text, b) ? sp : -1;
      default:
        return nextIsLower(text, b) ? -1 : sp;
    }
  }
  if (c === ELLIPSIS) return elidedInBrackets(text, t) ? -1 : ellipsis(text, b);

  // ? ! and the other terminals.
  if (nextIsLower(text, b)) return -1;
  if (citationFollows(text, b)) return -1;
  if (closed && L.quotatives.length) {
    for (const q of L.quotatives) if (text.startsWith(q, b)) return -1;
  }
  if (closed && L.speechVerbs.size && attribution(text, b, L)) return -1;
  return sp;

  function ellipsis(text: string, b: number): number {
    return nextIsLowerOrDigit(text, b) || !startsLikeSentence(text, b) ? -1 : sp;
  }
}

/** "[...]" or "[…]": an editor's mark for words left out, never a sentence end. */
function elidedInBrackets(text: string, t: number): boolean {
  if (text.charCodeAt(t + 1) !== 93) return false;
  let k = t;
  while (k > 0 && (text.charCodeAt(k - 1) === 46 || text.charCodeAt(k - 1) === ELLIPSIS)) k--;
  return text.charCodeAt(k - 1) === 91;
}

/** Three spaced dots at b, then a space and what starts a sentence. */
function spacedEllipsisOpens(text: string, b: number): boolean {
  if (!text.startsWith('. . .', b) || text.charCodeAt(b + 5) === 46 || !isWs(text.charCodeAt(b + 5))) return false;
  return startsLikeSentence(text, skipWsFwd(text, b + 5, text.length));
}

/**
 * A bracket right after a quote or a ?! that closes and is followed by the
 * sentence's own punctuation is a citation or an aside of the sentence before:
 * `"…stairways [...]" (Smith 55).`, `"Why?" (p. 4), he wrote`.
 */
function citationFollows(text: string, b: number): boolean {
  const open = text.charCodeAt(b);
  if (open !== 40 && open !== 91) return false;
  const close = open === 40 ? 41 : 93;
  const limit = Math.min(text.length, b + 80);
  for (let i = b + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === close) {
      const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 46;
      return isTerminal(n) || n === 44 || n === 59 || n === 58;
    }
    if (isLineBreak(c) || c === open) return false;
  }
  return false;
}

/**
 * "He left at 6 P.M. Mr. Smith then went": a time of day, then a title. A
 * title cannot qualify the time, so a new clause starts with it, unless the
 * time is the sentence's fronted adverbial ("At 5 a.m. Mr. Smith went").
 */
function timeThenTitle(text: string, cur: number, t: number, b: number, L: LangTable): boolean {
  if (t - 3 < cur || (text.charCodeAt(t - 1) | 32) !== 109 || text.charCodeAt(t - 2) !== 46) return false;
  const ap = text.charCodeAt(t - 3) | 32;
  if (ap !== 97 && ap !== 112) return false;
  let n = t - 4;
  if (n >= cur && text.charCodeAt(n) === 32) n--;
  if (n < cur || !isDigit(text.charCodeAt(n))) return false;
  let j = b;
  while (j < text.length && j - b < 6 && isLetterAt(text, j)) j++;
  if (j === b || text.charCodeAt(j) !== 46 || !matches(L.prefix, text.slice(b, j))) return false;
  while (n > cur && !isWs(text.charCodeAt(n - 1))) n--;
  // Words before the number: one ("At 5 a.m.") is a fronted adverbial.
  const before = text.slice(cur, n).trim();
  return before.length > 0 && before.includes(' ');
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
  // Chinese and Japanese are written without spaces: a line break between
  // two of their characters is only where the source wrapped the line.
  if (isNoSpaceScript(last) && isNoSpaceScript(text.charCodeAt(b))) return true;
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

const PAIRS: Record<number, number> = {
  0x300a: 0x300b, // 《》
  0x3008: 0x3009, // 〈〉
  0x300c: 0x300d, // 「」
  0x300e: 0x300f, // 『』
  0x28: 0x29, // ()
  0x5b: 0x5d, // []
  0xff08: 0xff09, // （）
  0xab: 0xbb, // «»
  0x201c: 0x201d, // “”
  0x201e: 0x201c, // „“ (German style)
};

/**
 * Is the boundary inside a quote or bracket opened in this sentence, whose
 * closer follows on the same line with no terminal mark before it? Then the
 * mark inside is part of a title or a quoted phrase the sentence runs on
 * after: `他说《你好！世界》很好看。`, `„Nein. Nie“, sagte er`.
 */
function insideContinuingPair(text: string, cur: number, e: number, b: number, L: LangTable): boolean {
  // A native regex scan finds the openers: most sentences have none.
  OPENERS_RE.lastIndex = cur;
  let want = -1;
  let open = -1;
  let m: RegExpExecArray | null;
  while ((m = OPENERS_RE.exec(text)) !== null && m.index < e) {
    const c = text.charCodeAt(m.index);
    // “ and « close „ and » in German-style languages.
    if (L.deQuotes && (c === 0x201c || c === 0xab)) continue;
    const close = PAIRS[c]!;
    // Searches stay inside the sentence and the next 300 characters: an
    // unbalanced quote must not make every boundary scan the whole text.
    let q = m.index + 1;
    while (q < e && text.charCodeAt(q) !== close) q++;
    if (q < e) {
      OPENERS_RE.lastIndex = q + 1;
      continue;
    }
    want = close;
    open = c;
    break;
  }
  if (want < 0) return false;
  const limit = Math.min(text.length, b + 300);
  for (let i = b; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === want) {
      let k = i - 1;
      while (k > b && isWs(text.charCodeAt(k))) k--;
      return !isTerminal(text.charCodeAt(k));
    }
    if (isLineBreak(c) || c === open) return false;
  }
  return false;
}

const OPENERS_RE = /[(\[\u00ab\u201c\u201e\u3008\u300a\u300c\u300e\uff08]/g;
