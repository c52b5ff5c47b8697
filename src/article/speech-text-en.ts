/**
 * English speech-text rules (see docs/speech-text.md). Titles and
 * abbreviations are expanded only where the next or previous word settles
 * their meaning; numbers are left to the engine except the forms eSpeak NG
 * is known to misread (currency amounts, decades, ranges, ISO dates).
 */
import {
  afterName,
  alternation,
  BEFORE_NAME,
  common,
  isoDates,
  keepStop,
  lookup,
  rule,
  WORD_END,
  WORD_START,
  type Rule,
  type RuleMatch,
} from './speech-text-rules.ts';

/** Titles expanded before a capitalised name ("Col. Ryan Dillon"). */
const EN_TITLES: Record<string, string> = {
  Adm: 'Admiral',
  Brig: 'Brigadier',
  Capt: 'Captain',
  Cmdr: 'Commander',
  Col: 'Colonel',
  Cpl: 'Corporal',
  Det: 'Detective',
  Dr: 'Doctor',
  Ft: 'Fort',
  Gen: 'General',
  Gov: 'Governor',
  Insp: 'Inspector',
  Lt: 'Lieutenant',
  Maj: 'Major',
  // eSpeak NG says "M S" with a 300 ms pause; "Miz" is how it is spoken.
  Ms: 'Miz',
  Mt: 'Mount',
  Pres: 'President',
  Prof: 'Professor',
  Pvt: 'Private',
  Rep: 'Representative',
  Rev: 'Reverend',
  Sen: 'Senator',
  Sgt: 'Sergeant',
  St: 'Saint',
  Supt: 'Superintendent',
};

/** Words after a name or number: "Elm Dr.", "5th Ave.", "Smith Jr.". */
const EN_AFTER_NAME: Record<string, string> = {
  Ave: 'Avenue',
  Blvd: 'Boulevard',
  Dr: 'Drive',
  Jr: 'Junior',
  Rd: 'Road',
  Sr: 'Senior',
  St: 'Street',
};

const EN_MONTHS: Record<string, string> = {
  Jan: 'January',
  Feb: 'February',
  Mar: 'March',
  Apr: 'April',
  Jun: 'June',
  Jul: 'July',
  Aug: 'August',
  Sep: 'September',
  Sept: 'September',
  Oct: 'October',
  Nov: 'November',
  Dec: 'December',
};

const EN_DAYS: Record<string, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Tues: 'Tuesday',
  Wed: 'Wednesday',
  Weds: 'Wednesday',
  Thu: 'Thursday',
  Thur: 'Thursday',
  Thurs: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

/** A day number, maybe ordinal, then a space: "29 ", "1st ". */
const AFTER_DAY = /(?:^|[^\p{L}\p{N}.])\p{N}{1,2}(?:st|nd|rd|th)?\s$/u;

const FULL_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = `(?:${FULL_MONTHS}|${alternation(EN_MONTHS)})${WORD_END}`;

/** Latin abbreviations and the like, anywhere in a sentence. */
const EN_COMMON: Record<string, string> = {
  'e.g': 'for example',
  'e. g': 'for example',
  'i.e': 'that is',
  'i. e': 'that is',
  etc: 'et cetera',
  approx: 'approximately',
};

/** "5th St. Bridge" is a street whatever follows; "Visit St. Louis" is a saint. */
const AFTER_NUMBER = /(?:^|[^\p{L}\p{N}])\p{N}[\p{L}\p{N}]*\s$/u;

function title(m: RuleMatch): string {
  if (m.groups['a'] === 'St' && AFTER_NUMBER.test(m.input.slice(Math.max(0, m.offset - 16), m.offset))) {
    return keepStop(m, 'Street');
  }
  return lookup(EN_TITLES, m);
}

/** A word directly followed by a digit ("No.1") needs a space before it. */
function spaced(m: RuleMatch, word: string): string {
  return /^\S/.test(m.input.slice(m.offset + m.match.length)) ? `${word} ` : word;
}

// eSpeak NG reads every amount symbol-first: "$5.2 billion" is "dollar five
// point two billion", "$1.50" is "dollar one point five zero". Written as
// words after the number, every engine gets them right.
const CURRENCIES: Record<string, readonly [one: string, many: string, cent?: string, cents?: string]> = {
  $: ['dollar', 'dollars', 'cent', 'cents'],
  US$: ['US dollar', 'US dollars', 'cent', 'cents'],
  C$: ['Canadian dollar', 'Canadian dollars', 'cent', 'cents'],
  A$: ['Australian dollar', 'Australian dollars', 'cent', 'cents'],
  '£': ['pound', 'pounds', 'penny', 'pence'],
  '€': ['euro', 'euros', 'cent', 'cents'],
  '¥': ['yen', 'yen'],
};
const MAGNITUDES: Record<string, string> = {
  thousand: 'thousand',
  k: 'thousand',
  K: 'thousand',
  million: 'million',
  m: 'million',
  mn: 'million',
  billion: 'billion',
  bn: 'billion',
  trillion: 'trillion',
  tn: 'trillion',
};
const CURRENCY =
  '(?<![\\p{L}\\p{N}])(?<cur>US\\$|C\\$|A\\$|[$£€¥])\\s?(?<whole>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<dec>\\d+))?' +
  '(?:\\s(?<word>thousand|million|billion|trillion)(?![\\p{L}\\p{N}])|(?<abbr>k|K|mn|m|bn|tn)(?![\\p{L}\\p{N}]))?';

function currency(m: RuleMatch): string {
  const { cur = '', whole = '', dec, word, abbr } = m.groups;
  const names = CURRENCIES[cur];
  if (!names) return m.match;
  const [one, many, cent, cents] = names;
  const magnitude = word ?? (abbr === undefined ? undefined : MAGNITUDES[abbr]);
  const amount = dec === undefined ? whole : `${whole}.${dec}`;
  if (magnitude) return `${amount} ${magnitude} ${many}`;
  if (dec !== undefined && dec.length === 2 && cent && cents) {
    const c = Number(dec);
    const small = `${c} ${c === 1 ? cent : cents}`;
    if (whole === '0') return small;
    return c === 0 ? `${whole} ${whole === '1' ? one : many}` : `${whole} ${whole === '1' ? one : many} ${small}`;
  }
  return `${amount} ${amount === '1' ? one : many}`;
}

// "the 1990s" is "nineteen hundred and ninety z" to eSpeak NG, "the '90s"
// is "ninety z": decades are written out.
const DECADE = "(?<![\\p{L}\\p{N}'’])(?:(?<century>1\\d|20)(?<d>\\d)0|['’]?(?<short>[1-9])0)['’]?s(?![\\p{L}\\p{N}])";
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const DECADES = ['', 'tens', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];

function decade(m: RuleMatch): string {
  const { century, d, short } = m.groups;
  if (short !== undefined) return DECADES[Number(short)] ?? m.match;
  const c = Number(century);
  if (d === '0') return c === 20 ? 'two thousands' : `${TEENS[c - 10]} hundreds`;
  return `${TEENS[c - 10]} ${DECADES[Number(d)]}`;
}

export const ENGLISH: readonly Rule[] = [
  // Titles first: in "Lt. Gen. Smith" both see a capitalised word next.
  rule(`${WORD_START}(?<a>${alternation(EN_TITLES)})\\.${BEFORE_NAME}`, title),
  // British style without the period, only where the bare form is no word.
  rule(`${WORD_START}(?<a>Dr|St)${BEFORE_NAME}`, title),
  rule(`${WORD_START}(?<a>Ave|Blvd|Dr|Rd|St|Sr|Jr)\\.`, (m) => (afterName(m) ? lookup(EN_AFTER_NAME, m) : m.match)),
  rule(`${WORD_START}(?<a>Jr)${WORD_END}`, (m) => (afterName(m) ? lookup(EN_AFTER_NAME, m) : m.match)),
  // "No. 5", "nos. 3 and 4": a number follows; "No, thanks" is left alone.
  rule(`${WORD_START}(?<a>[Nn]os?)\\.(?=\\s*#?\\p{N})`, (m) => spaced(m, common(m, /s/i.test(m.match.slice(2, 3)) ? 'numbers' : 'number'))),
  // "#1 hit": eSpeak NG says "hash one". Hashtags (#MeToo) are left alone.
  rule('(?<![\\p{L}\\p{N}&#])#(?=\\p{N})', (m) => spaced(m, common(m, 'number')), /#/),
  rule(`${WORD_START}(?<a>[Ff]igs?)\\.(?=\\s*\\p{N})`, (m) => spaced(m, common(m, /s\.$/.test(m.match) ? 'figures' : 'figure'))),
  rule(`${WORD_START}ca\\.(?=\\s*\\p{N})`, (m) => spaced(m, common(m, 'circa'))),
  rule(`${WORD_START}Ph\\.\\s?D\\.`, (m) => keepStop(m, 'PhD'), /Ph\./),
  // Months before a day or year ("Jan. 5", "Sept 2017"), or after a day ("29 Jun 2017").
  rule(`${WORD_START}(?<a>${alternation(EN_MONTHS)})\\.?(?=,?\\s+\\p{N})`, (m) => lookup(EN_MONTHS, m)),
  rule(`${WORD_START}(?<a>${alternation(EN_MONTHS)})(?:\\.|${WORD_END})`, (m) =>
    AFTER_DAY.test(m.input.slice(Math.max(0, m.offset - 8), m.offset)) ? lookup(EN_MONTHS, m) : m.match,
  ),
  // Days only in a date: "Thu June 29", "Tue, Oct. 5", "Fri 29 June".
  rule(`${WORD_START}(?<a>${alternation(EN_DAYS)})\\.?(?=,?\\s+(?:${MONTH}|\\p{N}))`, (m) => lookup(EN_DAYS, m)),
  rule(`${WORD_START}(?<a>[Ee]\\.\\s?g|[Ii]\\.\\s?e|etc|approx)\\.`, (m) => lookup(EN_COMMON, m, true)),
  rule(`${WORD_START}vs${WORD_END}\\.?`, (m) => common(m, 'versus')),
  rule(`${WORD_START}v\\.${BEFORE_NAME}`, (m) => (afterName(m) ? 'versus' : m.match)),
  // "10–20": eSpeak NG says "ten twenty"; a range is read "to".
  rule('(?<=\\p{N})\\s?–\\s?(?=\\p{N})', ' to ', /–/),
  // Currency before "bn" below: "$1.5bn" is "1.5 billion dollars".
  rule(CURRENCY, currency, /[$£€¥]/),
  // "1.5bn people": eSpeak NG says "B N".
  rule(`(?<=\\p{N})\\s?bn${WORD_END}`, ' billion', /bn/),
  rule(DECADE, decade, /0['’]?s/),
  isoDates('en'),
];
