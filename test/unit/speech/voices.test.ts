import { describe, expect, it } from 'vitest';
import { canSpeak, chooseVoice, groupVoicesByLanguage, primaryLanguage } from '../../../src/speech/voices.ts';
import type { VoiceInfo } from '../../../src/speech/types.ts';

function voice(id: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo {
  return { id, name: id, lang, isDefault: false, localService: true, engine: 'webspeech', ...extra };
}

// Shaped like speech-dispatcher's list: the default is Afrikaans.
const linux = [
  voice('af', 'af', { isDefault: true }),
  voice('de', 'de-DE'),
  voice('en-us', 'en-US'),
  voice('en-gb', 'en-GB'),
  voice('fr', 'fr-FR'),
];

describe('canSpeak', () => {
  it('matches on the primary language, whatever the region or separator', () => {
    expect(canSpeak(voice('a', 'en-US'), 'en-GB')).toBe(true);
    expect(canSpeak(voice('a', 'en_GB'), 'en')).toBe(true);
    expect(canSpeak(voice('a', 'EN'), 'en-gb')).toBe(true);
    expect(canSpeak(voice('a', 'de-DE'), 'en')).toBe(false);
    expect(canSpeak(voice('a', 'af'), 'en')).toBe(false);
    expect(canSpeak(voice('a', 'en'), '')).toBe(false);
  });
  it('primaryLanguage lower-cases the first subtag', () => {
    expect(primaryLanguage('EN_gb')).toBe('en');
  });
});

describe('chooseVoice', () => {
  it('never falls back to the platform default of another language', () => {
    expect(chooseVoice(linux, 'ja')).toBeNull();
    expect(chooseVoice([voice('af', 'af', { isDefault: true })], 'en')).toBeNull();
  });
  it('prefers the exact region', () => {
    expect(chooseVoice(linux, 'en-GB')?.id).toBe('en-gb');
    expect(chooseVoice(linux, 'en-US')?.id).toBe('en-us');
    expect(chooseVoice(linux, 'en_gb')?.id).toBe('en-gb');
  });
  it('falls back to the same language in another region', () => {
    expect(chooseVoice(linux, 'en-AU')?.lang).toMatch(/^en-/);
    expect(chooseVoice(linux, 'fr-CA')?.id).toBe('fr');
  });
  it('within the language prefers local voices, then the default', () => {
    const list = [
      voice('net', 'en-US', { localService: false, isDefault: true }),
      voice('local', 'en-US'),
      voice('localDefault', 'en-US', { isDefault: true }),
    ];
    expect(chooseVoice(list, 'en-AU')?.id).toBe('localDefault');
    expect(chooseVoice(list.slice(0, 2), 'en-US')?.id).toBe('local');
  });
  it('for a bare language tag prefers a voice tagged with just that language', () => {
    expect(chooseVoice([voice('us', 'en-US'), voice('bare', 'en')], 'en')?.id).toBe('bare');
    expect(chooseVoice([voice('us', 'en-US'), voice('gb', 'en-GB')], 'en')?.id).toBe('us');
  });
  it('honours the preferred voice only when it can speak the language', () => {
    expect(chooseVoice(linux, 'en-GB', 'en-us')?.id).toBe('en-us');
    expect(chooseVoice(linux, 'en-GB', 'de')?.id).toBe('en-gb');
    expect(chooseVoice(linux, 'en-GB', 'missing')?.id).toBe('en-gb');
  });
  it('returns null for an empty list', () => {
    expect(chooseVoice([], 'en')).toBeNull();
  });
});

describe('groupVoicesByLanguage', () => {
  it("puts the article's language first with human names, the rest alphabetically", () => {
    const groups = groupVoicesByLanguage(linux, 'en', 'fr-FR');
    expect(groups.map((g) => g.label)).toEqual(['French', 'Afrikaans', 'English', 'German']);
    expect(groups.map((g) => g.matchesArticle)).toEqual([true, false, false, false]);
    expect(groups.find((g) => g.language === 'en')?.voices.map((v) => v.lang)).toEqual(['en-GB', 'en-US']);
  });
  it('names languages in the display language', () => {
    const groups = groupVoicesByLanguage(linux, 'de', 'en');
    expect(groups[0]?.label).toBe('Englisch');
    expect(groups[0]?.voices).toHaveLength(2);
  });
  it('keeps every voice exactly once', () => {
    const groups = groupVoicesByLanguage(linux, 'en');
    expect(groups.flatMap((g) => g.voices).map((v) => v.id).sort()).toEqual(linux.map((v) => v.id).sort());
    expect(groups.every((g) => !g.matchesArticle)).toBe(true);
  });
});
