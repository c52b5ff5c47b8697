/**
 * Speech text: what a speech engine should be given for a sentence whose
 * display text it would misread. See docs/speech-text.md for every rule and
 * the eSpeak NG measurements behind it.
 */
import { applyRules, FRENCH, GERMAN, SPANISH, UNIVERSAL, UNIVERSAL_LAST, type Rule } from './speech-text-rules.ts';
import { ENGLISH } from './speech-text-en.ts';

/** Language rules by primary subtag; other languages get the universal ones only. */
const BY_LANGUAGE: Readonly<Record<string, readonly Rule[]>> = {
  en: ENGLISH,
  de: GERMAN,
  fr: FRENCH,
  es: SPANISH,
};

/**
 * Returns what an engine should say for `text` in `lang` (a BCP 47 tag), or
 * `undefined` when that is the display text itself (up to whitespace).
 *
 * English, German, French and Spanish get their abbreviation rules; every
 * language gets the universal ones (URLs read as their host, bullet glyphs
 * dropped, typewriter dashes as a pause, "(CNN)Iraqi" separated). Numbers,
 * dates and times are left to the engine. Pure: `text` is never changed.
 *
 * @example speechText('Col. Ryan Dillon said', 'en') // 'Colonel Ryan Dillon said'
 * @example speechText('No, thanks.', 'en')            // undefined
 */
export function speechText(text: string, lang: string): string | undefined {
  const rules = BY_LANGUAGE[lang.toLowerCase().split(/[-_]/)[0] ?? ''] ?? [];
  // One expansion can make the context for the next ("Col. Jr." → "Colonel
  // Jr." → "Colonel Junior"); repeat until nothing changes, which on real
  // sentences is the second pass.
  let out = collapse(text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = collapse(applyRules(applyRules(applyRules(out, UNIVERSAL), rules), UNIVERSAL_LAST));
    if (next === out) break;
    out = next;
  }
  // An empty result (a lone bullet) is no better than the text itself.
  return out === '' || out === collapse(text) ? undefined : out;
}

const MAX_PASSES = 4;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
