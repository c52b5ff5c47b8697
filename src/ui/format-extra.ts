/**
 * The formats only lazy pieces need (the offline pieces, the catalogues of
 * languages other than English), kept out of the widget entry: dates, sizes
 * and plural forms, through Intl in one interface language.
 */
import { format } from './format.ts';

/** A date ("2 Dec 2026"), or a date and time, as the language writes them. */
export function dates(lang: string): { date(at: number): string; dateTime(at: number): string } {
  const d = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const dt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return { date: (at) => d.format(at), dateTime: (at) => dt.format(at) };
}

/** "850 bytes", "12 kB", "1.4 MB" (decimal units, as the browser's storage figures are). */
export function sizes(lang: string): (bytes: number) => string {
  const b = new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const kb = new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const mb = new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return (n) => (n < 1000 ? b.format(n) : n < 1_000_000 ? kb.format(Math.round(n / 1000)) : mb.format(n / 1_000_000));
}

/** Picks the form for `n` by the language's plural rules (`other` where the language has no form of its own). */
export function plural(lang: string): (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => string {
  const rules = new Intl.PluralRules(lang);
  return (n, forms) => forms[rules.select(n)] ?? forms.other;
}

/** Everything a catalogue formats with, in one language (for src/ui/locales/*). */
export function formats(lang: string) {
  return { ...format(lang), ...dates(lang), size: sizes(lang), plural: plural(lang) };
}
