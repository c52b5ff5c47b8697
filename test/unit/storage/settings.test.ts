import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings, saveSetting, saveVoice, voiceLanguageKey } from '../../../src/storage/settings.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { IDBFactory } from 'fake-indexeddb';
import { freshStorage } from '../../support/storage-helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('settings', () => {
  it('starts empty and remembers speed, volume, follow-along and a voice per language', async () => {
    const { storage, problems } = freshStorage();
    expect(await loadSettings(storage)).toEqual({ voices: {} });
    expect(await saveSetting(storage, 'rate', 1.5)).toBe(true);
    expect(await saveSetting(storage, 'volume', 0.4)).toBe(true);
    expect(await saveSetting(storage, 'followAlong', false)).toBe(true);
    expect(await saveVoice(storage, 'en-GB', 'voice-gb')).toBe(true);
    expect(await saveVoice(storage, 'fr', 'voice-fr')).toBe(true);
    expect(await loadSettings(storage)).toEqual({
      rate: 1.5,
      volume: 0.4,
      followAlong: false,
      voices: { en: 'voice-gb', fr: 'voice-fr' },
    });
    expect(problems).toEqual([]);
  });

  it('survives a new connection (a later visit)', async () => {
    const factory = new IDBFactory();
    await saveSetting(openStorage({ indexedDB: factory }), 'rate', 2);
    expect((await loadSettings(openStorage({ indexedDB: factory }))).rate).toBe(2);
  });

  it('refuses to store out-of-range values rather than storing nonsense', async () => {
    const { storage } = freshStorage();
    expect(await saveSetting(storage, 'rate', 11)).toBe(false);
    expect(await saveSetting(storage, 'volume', -1)).toBe(false);
    expect(await saveSetting(storage, 'rate', Number.NaN)).toBe(false);
    expect(await saveVoice(storage, 'en', '')).toBe(false);
    expect(await loadSettings(storage)).toEqual({ voices: {} });
  });

  it('drops only the damaged setting, keeps the rest, warns and reports "corrupt" once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    await saveSetting(storage, 'volume', 0.5);
    await storage.set('settings', 'rate', { v: 1, value: 'fast', at: 1 });
    await storage.set('settings', 'voice:en', 'not a record');
    expect(await loadSettings(storage)).toEqual({ volume: 0.5, voices: {} });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(problems.map(([k]) => k)).toEqual(['corrupt']);
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.get('settings', 'rate')).toBeUndefined();
  });

  it('discards a record from an older format with a warning ("version")', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    await storage.set('settings', 'rate', { v: 0, value: 1.2 });
    expect(await loadSettings(storage)).toEqual({ voices: {} });
    expect(warn).toHaveBeenCalledOnce();
    expect(problems.map(([k]) => k)).toEqual(['version']);
  });

  it('two tabs changing different settings at once both keep their change', async () => {
    const factory = new IDBFactory();
    const tabA = openStorage({ indexedDB: factory });
    const tabB = openStorage({ indexedDB: factory });
    await Promise.all([saveSetting(tabA, 'rate', 1.25), saveSetting(tabB, 'volume', 0.3), saveVoice(tabA, 'en', 'x')]);
    expect(await loadSettings(tabB)).toEqual({ rate: 1.25, volume: 0.3, voices: { en: 'x' } });
  });

  it('with storage blocked: loads nothing, saves nothing, never throws', async () => {
    const problems: string[] = [];
    const storage = openStorage({ indexedDB: null, onProblem: (k) => problems.push(k) });
    expect(await loadSettings(storage)).toEqual({ voices: {} });
    expect(await saveSetting(storage, 'rate', 1.5)).toBe(false);
    expect(problems).toEqual(['unavailable']);
  });

  it('keys voices by primary language subtag', () => {
    expect(voiceLanguageKey('en-GB')).toBe('en');
    expect(voiceLanguageKey('ZH_hant_TW')).toBe('zh');
    expect(voiceLanguageKey('fr')).toBe('fr');
  });
});
