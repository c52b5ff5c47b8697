import type { VoiceInfo } from '../../speech/types.ts';
import { primaryLanguage as primary } from '../../speech/voices.ts';

export interface VoiceGroup {
  /** The optgroup label, e.g. "English (United Kingdom)". */
  label: string;
  voices: VoiceInfo[];
}

/**
 * The player's one voice grouping: the voices worth offering for an article
 * in `lang`, grouped by regional variant (labelled by `languageName`, the
 * interface language's names), the article's exact variant first
 * (the package's `groupVoicesByLanguage` is for a page's own all-languages menu).
 *
 * Voices that cannot read the article's language are left out rather than
 * listed disabled: speech-dispatcher alone lists ~13,000 voices, and a voice
 * that would mangle every word is never a useful choice. (Decision recorded
 * in docs/player.md.)
 */
export function voiceGroups(voices: readonly VoiceInfo[], lang: string, languageName: (tag: string) => string): VoiceGroup[] {
  const want = primary(lang);
  const exact = lang.toLowerCase().replace('_', '-');
  const byTag = new Map<string, VoiceInfo[]>();
  for (const v of voices) {
    if (primary(v.lang) !== want) continue;
    const tag = v.lang.replace('_', '-');
    let list = byTag.get(tag);
    if (!list) byTag.set(tag, (list = []));
    list.push(v);
  }
  const groups = [...byTag].map(([tag, list]) => ({
    tag,
    label: languageName(tag),
    voices: list.sort((a, b) => Number(b.localService) - Number(a.localService) || a.name.localeCompare(b.name)),
  }));
  groups.sort((a, b) => Number(b.tag.toLowerCase() === exact) - Number(a.tag.toLowerCase() === exact) || a.label.localeCompare(b.label));
  return groups.map(({ label, voices }) => ({ label, voices }));
}
