/**
 * Voice choice: pure functions over VoiceInfo lists, shared by every engine
 * and by the voice picker in the UI.
 *
 * The platform's "default" voice is never trusted for language: on Linux
 * (speech-dispatcher) the voice marked default is Afrikaans, so an English
 * article read "by default" would be read with Afrikaans rules.
 */
import type { VoiceInfo } from './types.ts';

/** Normalises "en_GB" / "EN-gb" to "en-GB"-like comparable parts. */
function parts(tag: string): { language: string; region: string | null } {
  const bits = tag.trim().replace(/_/g, '-').split('-');
  const language = (bits[0] ?? '').toLowerCase();
  // The region is the first 2-letter or 3-digit subtag after the language
  // (skipping a script subtag such as "Latn").
  const region = bits.slice(1).find((b) => /^([a-z]{2}|\d{3})$/i.test(b)) ?? null;
  return { language, region: region ? region.toUpperCase() : null };
}

/** The primary language subtag, lower-cased ("en-GB" → "en"). */
export function primaryLanguage(tag: string): string {
  return parts(tag).language;
}

/**
 * Whether `voice` can speak text in `lang`: the same primary language
 * (an en-US voice can read an en-GB article; a de voice cannot).
 */
export function canSpeak(voice: Pick<VoiceInfo, 'lang'>, lang: string): boolean {
  const want = parts(lang).language;
  return want !== '' && parts(voice.lang).language === want;
}

/** Local voices first, then the platform default, then the given order. */
function rank(v: VoiceInfo): number {
  return (v.localService ? 0 : 2) + (v.isDefault ? 0 : 1);
}

/**
 * Picks the voice for an article in `lang`:
 * 1. `preferredId` when that voice exists and can speak `lang`;
 * 2. a voice of the exact region (en-GB for en-GB);
 * 3. a voice of the same language (en-* for en-GB, or for plain "en"),
 *    local voices first, then the platform default;
 * 4. otherwise null — never a voice of another language.
 * The platform's own voices come before the bundled fallback's: it is the
 * last resort, used when nothing else speaks the language. Within a step,
 * local voices are preferred over network ones, then the platform's default,
 * then the platform's order.
 */
export function chooseVoice(
  voices: readonly VoiceInfo[],
  lang: string,
  preferredId?: string | null,
): VoiceInfo | null {
  if (preferredId) {
    const preferred = voices.find((v) => v.id === preferredId);
    if (preferred && canSpeak(preferred, lang)) return preferred;
  }
  const want = parts(lang);
  const speakers = voices.filter((v) => canSpeak(v, lang));
  if (speakers.length === 0) return null;
  const platform = speakers.filter((v) => v.engine !== 'fallback');
  const sameLanguage = platform.length > 0 ? platform : speakers;
  const best = (list: VoiceInfo[]): VoiceInfo | null =>
    list.length === 0
      ? null
      : list.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  if (want.region) {
    const exact = best(sameLanguage.filter((v) => parts(v.lang).region === want.region));
    if (exact) return exact;
  } else {
    // A bare "en": a voice tagged just "en" is as exact as it gets.
    const bare = best(sameLanguage.filter((v) => parts(v.lang).region === null));
    if (bare) return bare;
  }
  return best(sameLanguage);
}

export interface VoiceGroup {
  /** Primary language subtag, e.g. "en". */
  language: string;
  /** Human name of the language in `displayLang`, e.g. "English". */
  label: string;
  /** True when these voices can speak the article's language. */
  matchesArticle: boolean;
  voices: VoiceInfo[];
}

function languageName(language: string, displayLang: string): string {
  try {
    const names = new Intl.DisplayNames([displayLang, 'en'], { type: 'language' });
    return names.of(language) ?? language;
  } catch {
    // An invalid tag from a platform voice list: show it as given.
    return language;
  }
}

/**
 * Groups every voice by primary language, for a page that builds its own
 * menu of all languages. The article's language comes first, then the others
 * by their human name in `displayLang`. Within a group voices are sorted by
 * region then name, so "English (UK)" voices sit together.
 *
 * Not the rule of `<aloud-player>`'s own picker, which lists only the voices
 * that can read the article, grouped by regional variant, local voices first
 * (src/ui/player/voice-options.ts; the reason is in docs/player.md).
 *
 * @param articleLang the article's language; its group is flagged `matchesArticle`.
 */
export function groupVoicesByLanguage(
  voices: readonly VoiceInfo[],
  displayLang: string,
  articleLang?: string,
): VoiceGroup[] {
  const article = articleLang ? parts(articleLang).language : null;
  const byLanguage = new Map<string, VoiceInfo[]>();
  for (const v of voices) {
    const language = parts(v.lang).language || 'und';
    let list = byLanguage.get(language);
    if (!list) byLanguage.set(language, (list = []));
    list.push(v);
  }
  const collator = new Intl.Collator(displayLang);
  const groups: VoiceGroup[] = [...byLanguage].map(([language, list]) => ({
    language,
    label: languageName(language, displayLang),
    matchesArticle: language === article,
    voices: [...list].sort(
      (a, b) => collator.compare(a.lang, b.lang) || collator.compare(a.name, b.name),
    ),
  }));
  return groups.sort(
    (a, b) =>
      Number(b.matchesArticle) - Number(a.matchesArticle) || collator.compare(a.label, b.label),
  );
}
