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

interface Entry {
  /** The word as written, white space collapsed (lower-cased for a key that matches any case). */
  key: string;
  spoken: string;
}

interface ForLang {
  exact: RegExp | null;
  any: RegExp | null;
  exactWords: Map<string, string>;
  anyWords: Map<string, string>;
}

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

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function pattern(keys: readonly string[], flags: string): RegExp | null {
  if (keys.length === 0) return null;
  // Longest first: "New York Times" before "New York".
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  const alternatives = sorted.map((key) => {
    const body = key.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+');
    // Whole words: no letter, mark or digit may touch a key's word end ("C++" has none to touch).
    const before = WORD_CHAR.test(key[0]!) ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
    const after = WORD_CHAR.test(key.at(-1)!) ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
    return `${before}${body}${after}`;
  });
  return new RegExp(alternatives.join('|'), flags);
}

/**
 * Compiles lexicons for {@link CompiledLexicon.respell}. For the same word,
 * an earlier lexicon wins over a later one (pass the article's own before a
 * site-wide one) and, within one, a more specific language over a less
 * specific one (`en-GB` over `en` over `*`).
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
    const exactWords = new Map<string, string>();
    const anyWords = new Map<string, string>();
    for (const group of groups) {
      if (!groupApplies(group.tag, lang)) continue;
      for (const [word, spoken] of Object.entries(group.words)) {
        const entry: Entry = { key: collapse(word), spoken: collapse(spoken) };
        if (!entry.key || !entry.spoken) continue;
        const words = anyCase(entry.key) ? anyWords : exactWords;
        if (!words.has(entry.key)) words.set(entry.key, entry.spoken);
      }
    }
    const compiled: ForLang | null =
      exactWords.size + anyWords.size === 0
        ? null
        : { exact: pattern([...exactWords.keys()], 'gu'), any: pattern([...anyWords.keys()], 'giu'), exactWords, anyWords };
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

interface Edit {
  /** Where the replaced word was in the original: [from, to). */
  from: number;
  to: number;
  /** Where its spoken form is in the output: [at, at + length). */
  at: number;
  length: number;
}

function firstMatch(re: RegExp | null, text: string, from: number): RegExpExecArray | null {
  if (!re) return null;
  re.lastIndex = from;
  return re.exec(text);
}

function respellWith(c: ForLang, text: string): Respelled | null {
  const edits: Edit[] = [];
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const a = firstMatch(c.exact, text, from);
    const b = firstMatch(c.any, text, from);
    // The leftmost match, and at the same place the longer one.
    const m = !a ? b : !b ? a : a.index < b.index || (a.index === b.index && a[0].length >= b[0].length) ? a : b;
    if (!m) break;
    const written = collapse(m[0]);
    const spoken = m === a ? c.exactWords.get(written) : c.anyWords.get(written.toLowerCase());
    if (spoken === undefined) {
      // Case folding of the pattern and toLowerCase disagree (rare scripts): leave it.
      from = m.index + 1;
      continue;
    }
    out += text.slice(copied, m.index);
    edits.push({ from: m.index, to: m.index + m[0].length, at: out.length, length: spoken.length });
    out += spoken;
    copied = from = m.index + m[0].length;
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
