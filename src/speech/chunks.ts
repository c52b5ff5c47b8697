/**
 * Text helpers shared by the engines: cutting long sentences into
 * utterance-sized chunks and estimating word timing when a voice gives no
 * boundary events.
 */

export interface TextChunk {
  text: string;
  /** UTF-16 offset of `text` in the original string. */
  offset: number;
}

export interface WordSpan {
  /** UTF-16 offset of the word. */
  index: number;
  length: number;
}

/**
 * Chrome's network voices stop speaking an utterance after about 15 s. At
 * normal speed 200 characters take about 13 s, so chunks under 200
 * characters finish in time; slower rates shrink the limit in proportion.
 */
export const DEFAULT_MAX_CHUNK = 200;

/** Characters per second of an average voice at rate 1 (about 170 words a minute). */
export const CHARS_PER_SECOND = 15;

// Where a clause ends: a comma, semicolon, colon or closing bracket (and any
// closing quotes after it) followed by space, or a dash (—, –, or " - " /
// " -- ") surrounded by space.
const CLAUSE_END = /[,;:)\]]["'”’»)\]]*(?=\s)|\s[—–-]{1,2}(?=\s)|[—–](?=\S)/g;

/**
 * Splits `text` into chunks no longer than `maxLength`, cutting at clause
 * boundaries when one is available, else at the last space, else anywhere.
 * Whitespace between chunks is dropped; each chunk's offset points into the
 * original text so boundary offsets can be mapped back.
 */
export function splitIntoChunks(text: string, maxLength = DEFAULT_MAX_CHUNK): TextChunk[] {
  const max = Math.max(20, Math.floor(maxLength));
  const chunks: TextChunk[] = [];
  let start = skipSpace(text, 0);
  while (start < text.length) {
    if (text.length - start <= max) {
      chunks.push({ text: text.slice(start).trimEnd(), offset: start });
      break;
    }
    const window = text.slice(start, start + max + 1);
    let cut = -1;
    for (const m of window.matchAll(CLAUSE_END)) {
      const end = m.index + m[0].length;
      // A clause cut that leaves a tiny first chunk is worse than a space cut.
      if (end <= max && end >= max / 4) cut = end;
    }
    if (cut < 0) {
      const space = window.lastIndexOf(' ', max);
      cut = space > 0 ? space : max;
    }
    chunks.push({ text: text.slice(start, start + cut).trimEnd(), offset: start });
    start = skipSpace(text, start + cut);
  }
  return chunks.filter((c) => c.text.length > 0);
}

/**
 * Cuts `text` only where a clause ends (never between two words of one
 * clause), merging clauses so that every piece but the last has at least
 * `minLength` characters. The fallback engine synthesizes a long sentence
 * piece by piece so its first words sound sooner: eSpeak ends a piece that
 * ends in a comma with the same pause it would make inside the sentence.
 */
export function splitAtClauses(text: string, minLength = 30): TextChunk[] {
  const pieces: TextChunk[] = [];
  let start = skipSpace(text, 0);
  for (const m of text.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    if (end - start < minLength || text.length - end < minLength / 2) continue;
    const piece = text.slice(start, end).trimEnd();
    if (piece) pieces.push({ text: piece, offset: start });
    start = skipSpace(text, end);
  }
  const rest = text.slice(start).trimEnd();
  if (rest) pieces.push({ text: rest, offset: start });
  return pieces;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** The words of `text` (runs of non-space characters) with their offsets. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(/\S+/g)) spans.push({ index: m.index, length: m[0].length });
  return spans;
}

/** The length of the word starting at `index` (for engines that omit charLength). */
export function wordLengthAt(text: string, index: number): number {
  const m = /^\S+/.exec(text.slice(index));
  return m ? m[0].length : 0;
}

/** Estimated speaking time of `text` at `rate`, in milliseconds. */
export function estimateDurationMs(text: string, rate: number): number {
  return (text.length / CHARS_PER_SECOND / Math.max(0.1, rate)) * 1000;
}

/**
 * Estimated start time (ms from the start of the utterance) of each word:
 * time is shared out in proportion to characters, counting the space and
 * punctuation before a word, which is a fair proxy for syllables and pauses.
 */
export function estimateWordTimes(text: string, rate: number): Array<WordSpan & { atMs: number }> {
  const msPerChar = 1000 / CHARS_PER_SECOND / Math.max(0.1, rate);
  return wordSpans(text).map((w) => ({ ...w, atMs: w.index * msPerChar }));
}
