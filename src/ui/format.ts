/**
 * Numbers, times, speeds and language names in one interface language,
 * through Intl, so a catalogue never formats a value by hand (an Arabic
 * interface writes its own digits and keeps "1.5×" in one piece). Dates,
 * sizes and plural forms, which only lazy pieces use, are in ./format-extra.ts.
 */

/** A character of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** 'rtl' for Arabic, Hebrew, Persian and Urdu, else 'ltr'. */
export const dirOf = (lang: string): 'ltr' | 'rtl' => (/^(ar|he|fa|ur)(?![a-z])/i.test(lang) ? 'rtl' : 'ltr');

export interface Format {
  /** A plain number: "3", in the language's digits. */
  number(n: number): string;
  /** A playback speed, "1.5×"; in a right-to-left language isolated left to right, so it never shows as "×1.5". */
  rate(rate: number): string;
  /** m:ss, or h:mm:ss past an hour, in the language's digits (isolated in a right-to-left language). */
  clock(seconds: number): string;
  /** "−3:29": time left, the minus inside the same isolate as the digits, so it stays on their left in any line. */
  remaining(seconds: number): string;
  /** "German", "Deutsch (Österreich)": a language named in the interface language; the tag itself if the runtime cannot. */
  language(tag: string): string;
  /**
   * Text from elsewhere (a title, a heading, a voice name) set into an
   * interface sentence: wrapped in FSI…PDI so its own direction cannot
   * reorder the sentence around it. Left as is where nothing can go wrong
   * (a left-to-right interface and no right-to-left letter in the text),
   * so English names stay exactly as they read.
   */
  isolate(text: string): string;
}

/** The formats of one interface language. */
export function format(lang: string): Format {
  const rtl = dirOf(lang) === 'rtl';
  // U+2066 LRI … U+2069 PDI: digits and signs read left to right inside any line.
  const ltr = (s: string) => (rtl ? `\u2066${s}\u2069` : s);
  // English writes numbers under 1,000 with at most two decimals exactly as
  // String() does (ASCII digits, "." for decimals, no grouping), and those are
  // what the first paint shows (section numbers, times, speeds): they skip
  // building ICU number formatters on the way to the first paint, which cost
  // the "ready" time measurably on the build machine. Anything else goes
  // through Intl (test/unit/ui/locales.test.ts checks the two agree).
  const plain = (x: number) => lang === 'en' && Math.abs(x) < 1000 && Number.isInteger(x * 100);
  const intl = (o?: Intl.NumberFormatOptions) => {
    let nf: Intl.NumberFormat | undefined;
    return { format: (x: number) => (nf ??= new Intl.NumberFormat(lang, o)).format(x) };
  };
  const nf = intl();
  const nf2 = intl({ minimumIntegerDigits: 2 });
  const rf = intl({ maximumFractionDigits: 2 });
  const n = { format: (x: number) => (plain(x) ? String(x) : nf.format(x)) };
  const n2 = { format: (x: number) => (plain(x) && x >= 0 ? String(x).padStart(2, '0') : nf2.format(x)) };
  const rate = { format: (x: number) => (plain(x) ? String(x) : rf.format(x)) };
  const clock = (seconds: number) => {
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor(s / 60) % 60;
    const ss = n2.format(s % 60);
    return h ? `${n.format(h)}:${n2.format(m)}:${ss}` : `${n.format(m)}:${ss}`;
  };
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(lang, { type: 'language', languageDisplay: 'standard' });
  } catch {
    // An old runtime: languages are named by their tags.
  }
  return {
    number: (x) => n.format(x),
    rate: (x) => ltr(`${rate.format(x)}×`),
    clock: (seconds) => ltr(clock(seconds)),
    remaining: (seconds) => ltr(`−${clock(seconds)}`),
    language(tag) {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    isolate: (text) => (rtl || RTL_CHAR.test(text) ? `\u2068${text}\u2069` : text),
  };
}
