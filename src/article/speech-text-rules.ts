/**
 * Rewrite rules behind `speechText` (see docs/speech-text.md for why each
 * exists and what was measured with eSpeak NG).
 *
 * A rule is a global, Unicode regular expression and a replacement that sees
 * the match in context. Rules run in order over the whole sentence; each one
 * only fires where the surrounding words make the reading unambiguous
 * (St. before a capitalised word is Saint, after one it is Street).
 */

/** What a replacement sees. */
export interface RuleMatch {
  /** The matched text. */
  match: string;
  /** Named groups of the rule's expression. */
  groups: Record<string, string | undefined>;
  /** Where the match starts in `input`. */
  offset: number;
  input: string;
}

export interface Rule {
  re: RegExp;
  to: (m: RuleMatch) => string;
  /** A cheap test that must pass before `re` runs at all. */
  gate?: RegExp | undefined;
}

/**
 * @param gate a plain (non-global) expression a text must contain for the
 *   rule to apply: most sentences hold no dash or URL, and a simple scan is
 *   far cheaper than a lookbehind tried at every position.
 */
export function rule(source: string, to: string | ((m: RuleMatch) => string), gate?: RegExp): Rule {
  return { re: new RegExp(source, 'gu'), to: typeof to === 'string' ? () => to : to, gate };
}

/** Runs `rules` over `text` in order. */
export function applyRules(text: string, rules: readonly Rule[]): string {
  let out = text;
  for (const r of rules) {
    if (r.gate && !r.gate.test(out)) continue;
    out = out.replace(r.re, (...args: unknown[]) => {
      // replace() passes: match, ...captures, offset, input, groups (when named).
      const last = args[args.length - 1];
      const hasGroups = typeof last === 'object' && last !== null;
      const input = args[args.length - (hasGroups ? 2 : 1)] as string;
      const offset = args[args.length - (hasGroups ? 3 : 2)] as number;
      const groups = (hasGroups ? last : {}) as Record<string, string | undefined>;
      return r.to({ match: args[0] as string, groups, offset, input });
    });
  }
  return out;
}

// --- Building blocks (regular-expression source) -------------------------

/** Start of a word: not inside a word, a number or an abbreviation. */
export const WORD_START = "(?<![\\p{L}\\p{M}\\p{N}_.'’])";
/** End of a word. */
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}_])';
/** Followed by a capitalised word (a name), maybe after an opening quote. */
export const BEFORE_NAME = '(?=\\s+["“‘«]?\\p{Lu})';
/**
 * True when a capitalised word or a token with a digit ("Elm", "5th", "42"),
 * then a space, comes right before the match: a street or a person's name.
 * Checked in code rather than as a leading lookbehind, which V8 would try
 * at every position of every sentence.
 */
export function afterName(m: RuleMatch): boolean {
  return AFTER_NAME_RE.test(m.input.slice(Math.max(0, m.offset - 64), m.offset));
}
const AFTER_NAME_RE = /(?:^|[^\p{L}\p{M}\p{N}'’-])(?:\p{Lu}[\p{L}\p{M}'’-]*|\p{N}[\p{L}\p{N}]*),?\s$/u;

/** True when only closing punctuation and spaces follow `end` in `input`. */
export function atEnd(input: string, end: number): boolean {
  return /^["'”’»)\]]*\s*$/u.test(input.slice(end));
}

/** True when nothing but opening punctuation precedes `offset`. */
export function atStart(input: string, offset: number): boolean {
  return /^\s*["'“‘«(\[¡¿]*$/u.test(input.slice(0, offset));
}

/**
 * An abbreviation's period also ends the sentence when the abbreviation is
 * last: keep one so the engine still hears a full stop.
 */
export function keepStop(m: RuleMatch, word: string): string {
  return m.match.endsWith('.') && atEnd(m.input, m.offset + m.match.length) ? `${word}.` : word;
}

/** A common word ("for example") is capitalised only when it starts the sentence. */
export function common(m: RuleMatch, word: string): string {
  const w = atStart(m.input, m.offset) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  return keepStop(m, w);
}

/** Expands a title or common abbreviation found in `table` (keyed without the period). */
export function lookup(table: Record<string, string>, m: RuleMatch, asCommon = false): string {
  const key = (m.groups['a'] ?? m.match).replace(/\.$/, '');
  const word = table[key] ?? table[key.toLowerCase()];
  if (word === undefined) return m.match;
  return asCommon ? common(m, word) : keepStop(m, word);
}

export function alternation(table: Record<string, string>): string {
  // Longest first, so "Sept" wins over "Sep" and "Thurs" over "Thu".
  return Object.keys(table)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

// --- Universal rules (every language) ------------------------------------

const BULLETS = '•◦‣⁃▪▫●○■□◆◇∙⦁';
const BULLET_GATE = new RegExp(`[${BULLETS}·]`, 'u');

/**
 * Rules that hold in every language and run first: URLs read as their host,
 * bullet glyphs dropped, a closing bracket glued to the next word
 * ("(CNN)Iraqi") separated.
 */
export const UNIVERSAL: readonly Rule[] = [
  // A URL is read as its host: "https://www.example.com/a?b" → "example.com".
  // The path must end on a non-punctuation character, so a sentence's final
  // period or a closing bracket after the URL stays in the text.
  rule(
    "(?<![\\p{L}\\p{N}@.])(?:(?:https?|ftp)://(?:[^\\s/?#@]*@)?(?:www\\.)?|www\\.)(?<host>[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*)(?::\\d+)?(?:[/?#](?:[^\\s]*[^\\s.,;:!?'\"”’)\\]>])?)?",
    (m) => m.groups['host'] ?? m.match,
    /:\/\/|www\./,
  ),
  // A bullet that opens the text is only a glyph; between items it is a pause.
  rule(`^(?:\\s*[${BULLETS}])+\\s*`, '', BULLET_GATE),
  rule(`\\s+[${BULLETS}·]+\\s+`, ', ', BULLET_GATE),
  // "(CNN)Iraqi": a closing bracket glued to a capitalised word.
  rule('\\)(?=\\p{Lu}\\p{Ll})', ') ', /\)/),
];

const DOUBLE_HYPHEN = /--/;
const SPACED_HYPHEN = /\s-\s/;

/**
 * Universal rules that run after the language's: whether a hyphen stands
 * beside a word is only known once abbreviations are words.
 */
export const UNIVERSAL_LAST: readonly Rule[] = [
  // "--" is a typewriter em dash and " - " a dash typed with a hyphen: both
  // become the em dash they stand for, which engines read as a pause
  // (eSpeak NG: 226 ms, against 110 ms for "--" and 150 ms for a comma).
  // "--verbose" (no space after) and "11-story" are not dashes.
  rule('^\\s*--+\\s*', '', DOUBLE_HYPHEN),
  rule('(?<=\\S)\\s*--+\\s*$', '', DOUBLE_HYPHEN),
  rule('(?<=[,;:!?…])\\s+--+\\s+', ' ', DOUBLE_HYPHEN),
  rule('\\s+--+\\s+', ' — ', DOUBLE_HYPHEN),
  // A spaced hyphen beside a word; between numbers ("3 - 2") it may be maths.
  rule('(?<=[\\p{L}"”’)\\]])\\s+-\\s+|\\s+-\\s+(?=["“‘(\\[]?\\p{L})', ' — ', SPACED_HYPHEN),
  rule('(?<=[\\p{L}\\p{N}"”’)\\]])--+(?=["“‘(\\[]?[\\p{L}\\p{N}])', ' — ', DOUBLE_HYPHEN),
];

/**
 * An ISO date in running text ("2017-06-29"), which eSpeak NG reads as
 * "two thousand and seventeen dash zero six dash twenty-nine", written the
 * way `lang` writes dates in prose. Only for languages whose long form the
 * engine reads well (German "29. Juni" is read as a sentence break).
 */
export function isoDates(lang: string): Rule {
  let format: Intl.DateTimeFormat | undefined;
  return rule(`(?<![\\p{L}\\p{N}_./-])(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?![\\p{L}\\p{N}_/-]|[.:][\\p{L}\\p{N}])`, (m) => {
    const [y, mo, d] = [Number(m.groups['y']), Number(m.groups['m']), Number(m.groups['d'])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    // 2017-02-30 rolls over to March: not a date, leave it to the engine.
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return m.match;
    format ??= new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    return format.format(date);
  }, /\d{4}-\d\d-/);
}

// --- German --------------------------------------------------------------

export const GERMAN: readonly Rule[] = [
  rule(`${WORD_START}(?<a>[zZ]\\.\\s?B)\\.`, (m) => common(m, 'zum Beispiel')),
  rule(`${WORD_START}(?<a>[dD]\\.\\s?h)\\.`, (m) => common(m, 'das heißt')),
  rule(`${WORD_START}(?<a>[uU]\\.\\s?a)\\.`, (m) => common(m, 'unter anderem')),
  rule(`${WORD_START}usw\\.`, (m) => common(m, 'und so weiter')),
  rule(`${WORD_START}bzw\\.`, (m) => common(m, 'beziehungsweise')),
  rule(`${WORD_START}ca\\.(?=\\s*\\p{N})`, (m) => common(m, 'circa')),
  rule(`${WORD_START}Nr\\.(?=\\s*\\p{N})`, (m) => keepStop(m, 'Nummer')),
  rule(`${WORD_START}Dr\\.${BEFORE_NAME}`, 'Doktor'),
  rule(`${WORD_START}Prof\\.${BEFORE_NAME}`, 'Professor'),
  // "2,5 Mio." — eSpeak NG says "mio"; singular only after exactly 1.
  rule(`(?<=(?<n>\\p{N}[\\p{N}.,]*)\\s)(?<a>Mio|Mrd)\\.`, (m) => {
    const one = m.groups['n'] === '1';
    const word = m.groups['a'] === 'Mio' ? (one ? 'Million' : 'Millionen') : one ? 'Milliarde' : 'Milliarden';
    return keepStop(m, word);
  }),
  // "Hauptstr. 5", "Berliner Str." — eSpeak NG spells "Str." out.
  rule('(?<=\\p{Ll})str\\.', (m) => keepStop(m, 'straße')),
  rule(`${WORD_START}Str\\.`, (m) => (afterName(m) ? keepStop(m, 'Straße') : m.match)),
];

// --- French --------------------------------------------------------------

export const FRENCH: readonly Rule[] = [
  // "M. Dupont", but not the second initial of "J. M. Dupont".
  rule(`(?<!\\p{Lu}\\.\\s?)${WORD_START}M\\.${BEFORE_NAME}`, 'Monsieur'),
  rule(`${WORD_START}MM\\.${BEFORE_NAME}`, 'Messieurs'),
  rule(`${WORD_START}(?<a>Mmes|Mme|Mlles|Mlle)\\.?${WORD_END}`, (m) =>
    keepStop(m, { Mme: 'Madame', Mmes: 'Mesdames', Mlle: 'Mademoiselle', Mlles: 'Mesdemoiselles' }[m.groups['a'] ?? ''] ?? m.match),
  ),
  rule(`${WORD_START}Dr\\.?${BEFORE_NAME}`, 'Docteur'),
  rule(`${WORD_START}Pr\\.?${BEFORE_NAME}`, 'Professeur'),
  rule(`${WORD_START}[pP]\\.\\s?ex\\.`, (m) => common(m, 'par exemple')),
  rule(`${WORD_START}c\\.-à-d\\.`, (m) => common(m, "c'est-à-dire")),
  rule(`${WORD_START}(?<a>[nN])(?:°|º|o\\.)\\s?(?=\\p{N})`, (m) => `${m.groups['a'] === 'N' ? 'Numéro' : 'numéro'} `),
  isoDates('fr'),
];

// --- Spanish -------------------------------------------------------------

const ES_TITLES: Record<string, string> = {
  Sr: 'señor',
  Sra: 'señora',
  Srta: 'señorita',
  Dr: 'doctor',
  Dra: 'doctora',
  Av: 'avenida',
};

export const SPANISH: readonly Rule[] = [
  rule(`${WORD_START}(?<a>${alternation(ES_TITLES)})\\.${BEFORE_NAME}`, (m) => common(m, ES_TITLES[m.groups['a'] ?? ''] ?? m.match)),
  rule(`${WORD_START}(?<a>Uds?)\\.`, (m) => common(m, m.groups['a'] === 'Uds' ? 'ustedes' : 'usted')),
  rule(`${WORD_START}[pP]\\.\\s?ej\\.`, (m) => common(m, 'por ejemplo')),
  rule(`${WORD_START}EE\\.\\s?UU\\.`, (m) => keepStop(m, 'Estados Unidos')),
  rule(`${WORD_START}etc\\.`, (m) => common(m, 'etcétera')),
  rule(`${WORD_START}(?:[nN]úm\\.|[nN]\\.?º)\\s?(?=\\p{N})`, (m) => `${common(m, 'número')} `),
  isoDates('es'),
];
