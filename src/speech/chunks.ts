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
 * A fixed character cap, kept for callers that want one. The Web Speech
 * engine no longer cuts at 200 characters: at rate 1 that is ~13.3 s of an
 * average voice, only ~1.7 s under Chrome's ~15 s cut-off, and a slower voice
 * runs past it. It cuts by estimated spoken time instead (chunkLengthFor).
 */
export const DEFAULT_MAX_CHUNK = 200;

/** Characters per second of an average voice at rate 1 (about 170 words a minute). */
export const CHARS_PER_SECOND = 15;

/** Milliseconds per character of an average voice at rate 1. */
export const DEFAULT_MS_PER_CHAR = 1000 / CHARS_PER_SECOND;

/**
 * How long one utterance should take at most: Chrome's network voices stop
 * an utterance after ~15 s without an end event; 10 s leaves a third of the
 * limit for a voice slower than estimated.
 */
export const DEFAULT_TARGET_CHUNK_MS = 10_000;

/**
 * The longest chunk, in characters, that should be spoken within `targetMs`
 * at `rate` by a voice taking `msPerChar` per character at rate 1 (measured
 * on what it already said, else the average voice).
 */
export function chunkLengthFor(targetMs: number, rate: number, msPerChar = DEFAULT_MS_PER_CHAR): number {
  const perChar = Math.max(1, msPerChar) / Math.max(0.1, rate);
  return Math.max(20, Math.floor(targetMs / perChar));
}

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

/** Estimated speaking time of `text` at `rate`, in milliseconds (`msPerChar` at rate 1: the voice's measured speed). */
export function estimateDurationMs(text: string, rate: number, msPerChar = DEFAULT_MS_PER_CHAR): number {
  return (text.length * msPerChar) / Math.max(0.1, rate);
}

/**
 * Estimated start time (ms from the start of the utterance) of each word:
 * time is shared out in proportion to characters, counting the space and
 * punctuation before a word, which is a fair proxy for syllables and pauses.
 */
export function estimateWordTimes(
  text: string,
  rate: number,
  msPerChar = DEFAULT_MS_PER_CHAR,
): Array<WordSpan & { atMs: number }> {
  const perChar = msPerChar / Math.max(0.1, rate);
  return wordSpans(text).map((w) => ({ ...w, atMs: w.index * perChar }));
}
