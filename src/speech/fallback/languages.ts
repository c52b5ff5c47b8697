/**
 * What the fallback engine ships, known without loading it: this file holds
 * no eSpeak code, so the main bundle can list fallback voices and decide
 * whether the fallback can speak a language before fetching anything.
 */
import type { VoiceInfo } from '../types.ts';

/** Languages with a voice data pack (built by scripts/build-voice-data.ts). */
export const FALLBACK_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type FallbackLanguage = (typeof FALLBACK_LANGUAGES)[number];

/** First four bytes of a pack file. */
export const PACK_MAGIC = 'ESPK';

/**
 * The voices offered by the fallback engine: one per language and common
 * region. `id` is the eSpeak voice path under espeak-ng-data/lang/.
 */
export const FALLBACK_VOICES: readonly VoiceInfo[] = /* @__PURE__ */ [
  { id: 'gmw/en', name: 'eSpeak English (Great Britain)', lang: 'en-GB' },
  { id: 'gmw/en-US', name: 'eSpeak English (America)', lang: 'en-US' },
  { id: 'gmw/de', name: 'eSpeak German', lang: 'de-DE' },
  { id: 'roa/fr', name: 'eSpeak French (France)', lang: 'fr-FR' },
  { id: 'roa/es', name: 'eSpeak Spanish (Spain)', lang: 'es-ES' },
].map((v) => ({ ...v, isDefault: false, localService: true, engine: 'fallback' as const }));

/** The pack holding `lang`, or null when the fallback cannot speak it. */
export function packFor(lang: string): FallbackLanguage | null {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (FALLBACK_LANGUAGES as readonly string[]).includes(primary) ? (primary as FallbackLanguage) : null;
}
