/**
 * Pronunciation lexicons: how a publisher wants a word or phrase said
 * ("Mosul" → "Mo-sool"), applied to the speech text only. The rules and the
 * format are in docs/speech-text.md; the shape is `$defs.lexicon` of
 * schema/article.schema.json (and schema/lexicon.schema.json for a site-wide
 * file).
 *
 * Pure: nothing here knows a player. A player compiles the lexicons it has
 * (the article's own first, then a site-wide one) and respells each text it
 * is about to speak, mapping the engine's word offsets back with `span`.
 */
import type { Lexicon } from './model.ts';
import { LANG_TAG } from './validate.ts';

export type { Lexicon } from './model.ts';

/** A text with lexicon entries applied, and the way back to the original's offsets. */
export interface Respelled {
  /** What to speak. */
  readonly text: string;
  /**
   * The span of the original text that [start, end) of `text` came from: a
   * span inside a replacement maps to the whole word it replaced, anything
   * else shifts by the replacements before it.
   */
  span(start: number, end: number): [number, number];
}

/** One or more lexicons, ready to apply. */
export interface CompiledLexicon {
  /** Entries over all languages (after dropping the bad ones). */
  readonly size: number;
  /** `text` with every entry for `lang` applied, or null when none applies. */
  respell(text: string, lang: string): Respelled | null;
}

/** A lexicon as read, with a message for every entry left out. */
export interface LexiconCheck {
  lexicon: Lexicon;
  problems: string[];
}

/** More entries than this are left out: each one is an alternative in a regular expression. */
export const MAX_ENTRIES = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeof v);

/**
 * Reads an untrusted value as a lexicon: every well-formed entry is kept,
 * every bad one is left out with a message naming it. A `$schema` key is
 * ignored. Never throws.
 */
export function checkLexicon(value: unknown): LexiconCheck {
  const lexicon: Lexicon = {};
  const problems: string[] = [];
  if (!isObject(value)) return { lexicon, problems: [`expected an object of languages, got ${show(value)}`] };
  let count = 0;
  for (const [tag, group] of Object.entries(value)) {
    if (tag === '$schema') continue;
    if (tag !== '*' && !LANG_TAG.test(tag)) {
      problems.push(`"${tag.slice(0, 40)}": expected a BCP 47 language tag like "en" or "*" for every language`);
      continue;
    }
    if (!isObject(group)) {
      problems.push(`"${tag}": expected an object of words, got ${show(group)}`);
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [word, spoken] of Object.entries(group)) {
      if (!word.trim()) problems.push(`"${tag}": an empty word`);
      else if (typeof spoken !== 'string' || !spoken.trim()) problems.push(`"${tag}" "${word.slice(0, 40)}": expected how it is said, got ${show(spoken)}`);
      else if (count >= MAX_ENTRIES) {
        problems.push(`more than ${MAX_ENTRIES} entries: the rest are left out`);
        break;
      } else {
        kept[word] = spoken;
        count++;
      }
    }
    lexicon[tag] = kept;
  }
  return { lexicon, problems };
}

/**
 * Fetches and checks a site-wide lexicon file. Never rejects: a file that
 * cannot be fetched or parsed gives an empty lexicon and one problem.
 */
export async function loadLexicon(
  url: string,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<LexiconCheck> {
  const get = options.fetch ?? fetch;
  try {
    const res = await get(url, { signal: options.signal, credentials: 'same-origin' });
    if (!res.ok) return { lexicon: {}, problems: [`could not be fetched (HTTP ${res.status})`] };
    const text = await res.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { lexicon: {}, problems: [`is not JSON (${(e as Error).message})`] };
    }
    return checkLexicon(value);
  } catch (e) {
    return { lexicon: {}, problems: [`could not be fetched (${(e as Error)?.message ?? e})`] };
  }
}

/** One entry ready to match: its words, and how it is said. */
interface Entry {
  /** The key's words (split at white space; lower-cased for an entry that matches any case). */
  parts: string[];
  anyCase: boolean;
  spoken: string;
  /** The key's length, for "longest first". */
  length: number;
  /** Whether the key ends with a word character (then no word character may follow it). */
  endsInWord: boolean;
}

/** Entries by the lower-cased first word of their key, each list longest first. */
type ForLang = Map<string, Entry[]>;

/** Subtags in a tag: "*" matches everything and counts least. */
const specificity = (tag: string): number => (tag === '*' ? 0 : tag.split('-').length);

/** Whether a lexicon group for `tag` applies to text in `lang` ("en" applies to "en-GB"). */
export function groupApplies(tag: string, lang: string): boolean {
  if (tag === '*') return true;
  const t = tag.toLowerCase().replace(/_/g, '-');
  const l = lang.toLowerCase().replace(/_/g, '-');
  return l === t || l.startsWith(`${t}-`);
}

const collapse = (s: string): string => s.trim().replace(/\s+/g, ' ');
/** A key written in lower case matches any case; any other key only its own. */
const anyCase = (key: string): boolean => key === key.toLowerCase();

const WORD = /[\p{L}\p{M}\p{N}_]+/uy;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/uy;
const SPACE = /\s+/y;

/** Whether a word character (a whole code point) starts at `i`. */
function wordAt(text: string, i: number): boolean {
  WORD_CHAR.lastIndex = i;
  return i >= 0 && i < text.length && WORD_CHAR.test(text);
}

/** Whether a word character ends just before `i` (a surrogate pair counts as one). */
function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  return wordAt(text, low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1);
}

/** The first token at `i`: a run of word characters, or one other character. */
function headAt(text: string, i: number): string {
  WORD.lastIndex = i;
  const m = WORD.exec(text);
  if (m) return m[0];
  const code = text.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Compiles lexicons for {@link CompiledLexicon.respell}. For the same word,
 * an earlier lexicon wins over a later one (pass the article's own before a
 * site-wide one) and, within one, a more specific language over a less
 * specific one (`en-GB` over `en` over `*`).
 *
 * Entries are indexed by their first word, so a text is read once, word by
 * word, whatever the size of the lexicon (no regular expression of all keys).
 */
export function compileLexicon(...lexicons: readonly Lexicon[]): CompiledLexicon {
  const groups = lexicons.flatMap((lexicon, order) =>
    Object.entries(lexicon).map(([tag, words]) => ({ tag, order, words })),
  );
  groups.sort((a, b) => a.order - b.order || specificity(b.tag) - specificity(a.tag));
  const size = groups.reduce((n, g) => n + Object.keys(g.words).length, 0);
  const cache = new Map<string, ForLang | null>();

  function forLang(lang: string): ForLang | null {
    const cached = cache.get(lang);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    const byHead: ForLang = new Map();
    for (const group of groups) {
      if (!groupApplies(group.tag, lang)) continue;
      for (const [word, said] of Object.entries(group.words)) {
        const key = collapse(word);
        const spoken = collapse(said);
        const any = anyCase(key);
        // The same key (and, for a lower-case key, the same key in any case) is taken once: the first wins.
        const id = `${any ? 'i' : 'x'}${key}`;
        if (!key || !spoken || seen.has(id)) continue;
        seen.add(id);
        const head = headAt(key, 0).toLowerCase();
        let list = byHead.get(head);
        if (!list) byHead.set(head, (list = []));
        list.push({ parts: key.split(' '), anyCase: any, spoken, length: key.length, endsInWord: wordBefore(key, key.length) });
      }
    }
    // Longest first; at the same length an exact-case entry before an any-case one.
    for (const list of byHead.values()) list.sort((a, b) => b.length - a.length || Number(a.anyCase) - Number(b.anyCase));
    const compiled = byHead.size > 0 ? byHead : null;
    cache.set(lang, compiled);
    return compiled;
  }

  return {
    size,
    respell(text, lang) {
      const c = forLang(lang);
      return c ? respellWith(c, text) : null;
    },
  };
}

/** Where `entry` ends if it matches `text` at `i`, else -1. */
function matchAt(entry: Entry, text: string, i: number): number {
  let at = i;
  for (let p = 0; p < entry.parts.length; p++) {
    if (p > 0) {
      SPACE.lastIndex = at;
      if (!SPACE.test(text)) return -1;
      at = SPACE.lastIndex;
    }
    const part = entry.parts[p]!;
    const piece = text.slice(at, at + part.length);
    if ((entry.anyCase ? piece.toLowerCase() : piece) !== part) return -1;
    at += part.length;
  }
  // Whole words: no word character may touch a key's word end ("C++" has none to touch).
  return entry.endsInWord && wordAt(text, at) ? -1 : at;
}

interface Edit {
  /** Where the replaced word was in the original: [from, to). */
  from: number;
  to: number;
  /** Where its spoken form is in the output: [at, at + length). */
  at: number;
  length: number;
}

function respellWith(byHead: ForLang, text: string): Respelled | null {
  const edits: Edit[] = [];
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const head = headAt(text, i);
    const isWord = wordAt(text, i);
    // A key starting with a word starts only where a word starts.
    const candidates = /\s/.test(head) || (isWord && wordBefore(text, i)) ? undefined : byHead.get(head.toLowerCase());
    let matched = false;
    for (const entry of candidates ?? []) {
      const end = matchAt(entry, text, i);
      if (end < 0) continue;
      out += text.slice(copied, i);
      edits.push({ from: i, to: end, at: out.length, length: entry.spoken.length });
      out += entry.spoken;
      copied = i = end;
      matched = true;
      break;
    }
    // Not here: on to the next token (a spoken form is never looked up again).
    if (!matched) i += isWord ? head.length : Math.max(1, head.length);
  }
  if (edits.length === 0) return null;
  out += text.slice(copied);
  const back = (offset: number, isEnd: boolean): number => {
    let shift = 0;
    for (const e of edits) {
      const inside = isEnd ? offset > e.at && offset <= e.at + e.length : offset >= e.at && offset < e.at + e.length;
      if (inside) return isEnd ? e.to : e.from;
      if (offset < e.at + (isEnd ? 1 : 0)) break;
      shift = e.to - (e.at + e.length);
    }
    return Math.min(text.length, Math.max(0, offset + shift));
  };
  return {
    text: out,
    span: (start, end) => {
      const s = back(start, false);
      return [s, Math.max(s, back(end, true))];
    },
  };
}
