import { ArticleParseError } from './parse-error.ts';

/**
 * Small text helpers shared by the source parsers. Pure string code: safe in
 * Node and in the browser bundle.
 */

/** Strips a leading byte-order mark and turns CRLF / CR line ends into LF. */
export function normalizeSource(source: string): string {
  const noBom = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return noBom.replace(/\r\n?/g, '\n');
}

// Control characters other than tab and newline carry no text and would only
// confuse the segmenter and the speech engine.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

/**
 * Collapses every run of white space (tabs, newlines, NBSP and the other
 * Unicode spaces included) into one ASCII space and trims the ends, so that a
 * paragraph's text is one clean line.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

// A news-wire export loses the markup between "(CNN)" and the first word:
// "Mosul, Iraq (CNN)Iraqi forces". The general shape: a bracketed name of one
// to three capitalised words (CNN, AP, Reuters, CNN Business) glued to a word
// that starts with a capital and a small letter, which well-formed prose never
// does, so inserting the space cannot damage a correct text.
const GLUED_DATELINE =
  /\((\p{Lu}[\p{L}\d&.]{0,15}(?: \p{Lu}[\p{L}\d&.]{0,15}){0,2})\)(?=\p{Lu}\p{Ll})/gu;

/** Inserts the lost space in a glued dateline: "(CNN)Iraqi" → "(CNN) Iraqi". */
export function repairGluedDateline(text: string): string {
  return text.replace(GLUED_DATELINE, '($1) ');
}

/** Cleans one block of text into a paragraph: whitespace and datelines. */
export function cleanBlock(text: string): string {
  return repairGluedDateline(collapseWhitespace(text));
}

/**
 * A URL- and file-name-safe id: lower-case ASCII letters, digits and single
 * hyphens. Letters with accents lose them; other scripts are dropped, so the
 * result may be empty (callers fall back to something else then).
 */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/** Returns the YYYY-MM-DD prefix of an ISO-like date when it is a real date. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  return `${y}-${mo}-${d}`;
}

/** Drops a leading "By " from a byline: the player says "by" itself if it wants. */
export function cleanByline(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const byline = collapseWhitespace(text).replace(/^by\b[:\s]*/i, '');
  return byline || undefined;
}

// Credits close a news story: "X reported from Y", "X contributed to this
// report", "Y wrote this story from Z", "Reporting by X", "Editing by Y".
const CREDIT_PATTERNS = [
  /\b(?:reported|contributed|wrote|filed|compiled)\b.*\b(?:from|to this|this (?:story|report|article))\b/i,
  /^[—–-]?\s*(?:additional |further )?(?:reporting|writing|editing|research|photography) by\b/i,
  /\bcontributed (?:reporting|to this)\b/i,
];

/** Whether a sentence reads as a reporting credit rather than story text. */
export function isCreditSentence(sentence: string): boolean {
  return CREDIT_PATTERNS.some((re) => re.test(sentence));
}

/**
 * Runs a parse step, turning a stack overflow (a document nested thousands
 * of levels deep, which recursive parsers such as marked cannot follow) into
 * the pipeline's own error.
 */
export function tooDeepIsUnparsable<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new ArticleParseError('unparsable', 'the document is nested too deeply to read');
    }
    throw e;
  }
}
