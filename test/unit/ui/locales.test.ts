import { describe, expect, it } from 'vitest';
import { strings } from '../../../src/ui/strings.ts';
import { helpStrings } from '../../../src/ui/help-strings.ts';
import { offlineStrings } from '../../../src/ui/offline/strings.ts';
import { errorStrings } from '../../../src/ui/error-strings.ts';
import { menuStrings } from '../../../src/ui/menu-strings.ts';
import { loadStrings, matchLang, SUPPORTED } from '../../../src/ui/locale.ts';
import { dirOf, format } from '../../../src/ui/format.ts';
import { dates, sizes } from '../../../src/ui/format-extra.ts';
import { helpRows } from '../../../src/ui/player/help-dialog.ts';
import type { Strings } from '../../../src/ui/strings.ts';

const english: Strings = { ...strings, help: helpStrings, offline: offlineStrings, ...errorStrings, ...menuStrings };
const AT = Date.UTC(2026, 10, 3, 14, 5);

/**
 * Every message with values: sample arguments, and what the output must
 * contain for them in language `lang` (each value formatted the way that
 * language writes it). A new function key fails the test until it is listed.
 */
const SAMPLES: Record<string, { args: unknown[]; has: (lang: string) => string[] }[]> = {
  rateShort: [{ args: [1.5], has: (l) => [format(l).number(1.5)] }],
  rateLong: [{ args: [1.5], has: (l) => [format(l).number(1.5)] }],
  automaticVoice: [{ args: ['fr'], has: (l) => [format(l).language('fr')] }],
  sectionText: [
    { args: [3, 12, 'Why Mosul is crucial'], has: (l) => [format(l).number(3), format(l).number(12), 'Why Mosul is crucial'] },
    { args: [3, 12], has: (l) => [format(l).number(3), format(l).number(12)] },
  ],
  sleepMinutes: [{ args: [15], has: (l) => [format(l).number(15)] }],
  sleepLeft: [{ args: [4.5 * 60_000], has: (l) => [format(l).number(5)] }],
  voiceReplaced: [
    { args: ['network', 'Samantha'], has: () => ['Samantha'] },
    { args: ['failing', 'Samantha'], has: () => ['Samantha'] },
  ],
  by: [{ args: ['Jane Doe, Reuters'], has: () => ['Jane Doe, Reuters'] }],
  languageName: [{ args: ['fr'], has: (l) => [format(l).language('fr')] }],
  'errorHelp.noVoice': [{ args: ['fr'], has: (l) => [format(l).language('fr')] }],
  'errorHelp.server': [{ args: ['503'], has: () => ['503'] }],
  listenTo: [{ args: ['Key trading city'], has: () => ['Key trading city'] }],
  skipControls: [{ args: ['Key trading city'], has: () => ['Key trading city'] }, { args: [], has: () => [] }],
  minutes: [{ args: [250], has: (l) => [format(l).number(4)] }],
  positionText: [{ args: ['Section 3 of 7', 69, 278], has: (l) => ['Section 3 of 7', format(l).clock(69), format(l).clock(278)] }],
  remainingShort: [{ args: [209], has: (l) => [format(l).remaining(209)] }],
  elapsedShort: [{ args: [69], has: (l) => [format(l).clock(69)] }],
  startOf: [{ args: ['Section 2 of 5'], has: () => ['Section 2 of 5'] }],
  automaticNamed: [{ args: ['Daniel'], has: () => ['Daniel'] }],
  voiceItem: [{ args: ['Daniel'], has: () => ['Daniel'] }],
  sleepItem: [{ args: ['12 min left'], has: () => ['12 min left'] }],
  'errorHelp.notFound': [{ args: ['404'], has: () => ['404'] }],
  'errorHelp.forbidden': [{ args: ['403'], has: () => ['403'] }],
  'errorHelp.noElement': [{ args: ['story'], has: () => ['story'] }],
  'offline.size': [{ args: [1_400_000], has: (l) => [sizes(l)(1_400_000)] }],
  'offline.lastListened': [{ args: [AT], has: (l) => [dates(l).dateTime(AT)] }],
  'offline.resumeFrom': [{ args: ['Key trading city'], has: () => ['Key trading city'] }],
  'offline.savedOn': [{ args: [AT], has: (l) => [dates(l).date(AT)] }],
  'offline.removed': [{ args: ['Key trading city'], has: () => ['Key trading city'] }],
};

/**
 * Values a language may share with English. `by` hands the article's own
 * byline back; key caps printed in Latin letters on that language's
 * keyboards keep their English names; a few words are simply the same word.
 */
const LATIN_KEY_CAPS = ['help.keys.shift', 'help.keys.pageUp', 'help.keys.pageDown', 'help.keys.home', 'help.keys.end'];
const SAME_AS_ENGLISH: Record<string, string[]> = {
  // "−3:29" beside the scrubber is written so in every left-to-right language.
  '*': ['by', 'remainingShort', 'elapsedShort', 'help.keys.separator'],
  // "Pause" and "Position" are the German and the French words; so are Introduction, Action and "15 minutes" in French.
  de: ['pause', 'position'],
  // "4 min" is the usual abbreviation in these languages too.
  fr: ['pause', 'position', 'untitledSection', 'sleepMinutes', 'help.action', 'minutes'],
  es: ['minutes'],
  // Italian keyboards print "Home".
  it: ['help.keys.home', 'minutes'],
  pt: [...LATIN_KEY_CAPS, 'minutes'],
  nl: [...LATIN_KEY_CAPS, 'minutes'],
  pl: [...LATIN_KEY_CAPS, 'minutes'],
  ar: LATIN_KEY_CAPS,
  // Intl writes "1.4 MB" in Hebrew, Japanese and Chinese as in English.
  he: ['offline.size', ...LATIN_KEY_CAPS],
  // Both write a speed "1.5×", as English does.
  ja: ['rateShort', 'offline.size', ...LATIN_KEY_CAPS],
  zh: ['rateShort', 'offline.size', ...LATIN_KEY_CAPS],
};

type Leaf = string | ((...args: never[]) => string);

/** Every leaf of a catalogue by its dotted path. */
function leaves(obj: object, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix + k;
    if (v && typeof v === 'object') for (const [p, x] of leaves(v, `${path}.`)) out.set(p, x);
    else out.set(path, v as Leaf);
  }
  return out;
}

/** What a leaf says: a string as is, a function for each of its samples. */
function outputs(path: string, leaf: Leaf): string[] {
  if (typeof leaf === 'string') return [leaf];
  return (SAMPLES[path] ?? []).map((s) => (leaf as (...a: unknown[]) => string)(...s.args));
}

const others = SUPPORTED.filter((l) => l !== 'en');
const catalogues = await Promise.all(others.map(async (l) => [l, (await loadStrings(l)) as Strings] as const));
const en = leaves(english);

describe('interface languages', () => {
  it('are the issue’s twelve, English first', () => {
    expect(SUPPORTED[0]).toBe('en');
    expect([...SUPPORTED].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'zh']);
  });

  it('every function message of English has samples', () => {
    const fns = [...en].filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(fns.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('English says every sample value', () => {
    for (const [path, leaf] of en) {
      for (const s of SAMPLES[path] ?? []) {
        const said = (leaf as (...a: unknown[]) => string)(...s.args);
        for (const want of s.has('en')) expect(said, path).toContain(want);
      }
    }
  });

  describe.each(catalogues)('%s', (lang, cat) => {
    const mine = leaves(cat);

    it('names itself, with its direction', () => {
      expect(cat.locale).toBe(lang);
      expect(dirOf(lang)).toBe(lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr');
    });

    it('has every key of English and no other, each of the same kind', () => {
      expect([...mine.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [k, v] of en) expect(typeof mine.get(k), k).toBe(typeof v);
    });

    it('keeps every value of every message (formatted the language’s way)', () => {
      for (const [path, leaf] of mine) {
        for (const s of SAMPLES[path] ?? []) {
          const said = (leaf as (...a: unknown[]) => string)(...s.args);
          for (const want of s.has(lang)) expect(said, `${lang} ${path} ${JSON.stringify(s.args)}`).toContain(want);
        }
      }
    });

    it('leaves no English behind (but for the listed words)', () => {
      const allowed = new Set([...SAME_AS_ENGLISH['*']!, ...(SAME_AS_ENGLISH[lang] ?? [])]);
      const same = [...mine]
        .filter(([path, leaf]) => outputs(path, leaf).join('\n') === outputs(path, en.get(path)!).join('\n'))
        .map(([path]) => path);
      expect(same.filter((p) => !allowed.has(p))).toEqual([]);
      // The allow-list stays true: a word translated since is taken off it.
      expect((SAME_AS_ENGLISH[lang] ?? []).filter((p) => !same.includes(p))).toEqual([]);
    });

    it('is plain text: no markup, no empty words, no untouched placeholders', () => {
      for (const [path, leaf] of mine) {
        for (const said of outputs(path, leaf)) {
          expect(said.trim(), path).not.toBe('');
          expect(said, path).not.toMatch(/<\/?[a-z][^>]*>|&[a-z#0-9]+;/i);
          expect(said, path).not.toMatch(/\$\{|\{\d\}|%s|undefined|NaN/);
        }
      }
    });

    it('names the same keys in its help table, in its own words', () => {
      const rows = helpRows(cat.help);
      const base = helpRows(helpStrings);
      expect(rows.map((r) => r[0].split(cat.help.keys.separator).length)).toEqual(base.map((r) => r[0].split(', ').length));
      // Letters and signs are shown as printed on the key, in every language.
      expect(rows[0]![0]).toContain('K');
      expect(rows.at(-1)![0]).toBe('?');
    });
  });
});

describe('matchLang: the catalogue for a tag', () => {
  it.each([
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['zh-Hans-CN', 'zh'],
    ['zh-CN', 'zh'],
    ['pt-BR', 'pt'],
    ['EN-gb', 'en'],
    ['ar-EG', 'ar'],
    ['iw', 'he'],
    ['xx', null],
    ['not a tag!', null],
    ['', null],
    [null, null],
  ] as const)('%s → %s', (tag, want) => {
    expect(matchLang(tag)).toBe(want);
  });
});

describe('formats', () => {
  it('write numbers, times and speeds the language’s way', () => {
    expect(format('en').rate(1.5)).toBe('1.5×');
    expect(format('de').rate(1.5)).toBe('1,5×');
    expect(format('en').clock(75)).toBe('1:15');
    expect(format('en').clock(3725)).toBe('1:02:05');
    // The runtime's digits for Arabic (ICU's choice), and the speed kept
    // left to right so it never reads "×1.5" in a right-to-left line.
    const ar = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('ar', o).format(n);
    expect(format('ar').rate(1.5)).toBe(`\u2066${ar(1.5)}×\u2069`);
    expect(format('ar').clock(75)).toBe(`\u2066${ar(1)}:${ar(15)}\u2069`);
  });

  it('write English numbers exactly as Intl does, also where they skip it', () => {
    const en = format('en');
    const nf = new Intl.NumberFormat('en');
    const rf = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    for (let x = 0; x <= 2500; x += 1) expect(en.number(x)).toBe(nf.format(x));
    for (let x = 0.5; x <= 3; x = Math.round((x + 0.05) * 100) / 100) expect(en.rate(x)).toBe(`${rf.format(x)}×`);
    for (const x of [1.1, 0.3 * 3, 1 / 3, 999.999, 1234.5, -3]) expect(en.number(x)).toBe(nf.format(x));
    for (let s = 0; s < 7300; s += 7) {
      const [h, m, ss] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
      const two = (v: number) => new Intl.NumberFormat('en', { minimumIntegerDigits: 2 }).format(v);
      expect(en.clock(s)).toBe(h ? `${nf.format(h)}:${two(m)}:${two(ss)}` : `${nf.format(m)}:${two(ss)}`);
    }
  });

  it('isolate text from elsewhere only where its direction could reorder the sentence', () => {
    expect(format('en').isolate('Why Mosul')).toBe('Why Mosul');
    expect(format('en').isolate('لماذا الموصل')).toBe('\u2068لماذا الموصل\u2069');
    expect(format('ar').isolate('Why Mosul')).toBe('\u2068Why Mosul\u2069');
  });

  it('keep the minus of the time left inside the digits\' isolate, in every language', async () => {
    const ar = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('ar', o).format(n);
    expect(format('en').remaining(209)).toBe('−3:29');
    expect(format('ar').remaining(209)).toBe(`\u2066−${ar(3)}:${ar(29, { minimumIntegerDigits: 2 })}\u2069`);
    for (const lang of SUPPORTED) {
      const t = await loadStrings(lang);
      expect(t.remainingShort(209), lang).toBe(format(lang).remaining(209));
    }
  });

  it('isolate in every language the names and numbers an interface sentence takes from elsewhere', async () => {
    const hebrewVoice = 'קול עברי';
    for (const lang of SUPPORTED) {
      // English keeps the menu's and the errors' words in their own chunks.
      const t = (lang === 'en' ? english : await loadStrings(lang)) as Strings;
      // A voice's name, and an HTTP status in a right-to-left line.
      expect(t.voiceItem(hebrewVoice), lang).toContain(`\u2068${hebrewVoice}\u2069`);
      if (dirOf(lang) === 'rtl') for (const key of ['server', 'notFound', 'forbidden'] as const) expect(t.errorHelp[key]('403'), `${lang} ${key}`).toContain('\u2068403\u2069');
    }
  });
});
