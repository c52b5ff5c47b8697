/**
 * Listener settings remembered across visits: speed, volume, follow-along
 * and a voice per language.
 *
 * One record per setting rather than one settings object, so two tabs that
 * change different settings at the same moment both keep their change
 * (last writer wins per setting, never per bundle), and one damaged record
 * resets only itself.
 */
import { checkRecord, type AloudStorage, type RecordSpec } from './db.ts';

/** What is remembered. Every field is optional: absent means "never chosen". */
export interface SavedSettings {
  rate?: number;
  volume?: number;
  followAlong?: boolean;
  /** Voice id per primary language subtag ("en", "fr"…). */
  voices: Record<string, string>;
}

export type SettingName = 'rate' | 'volume' | 'followAlong';

interface SettingRecord<T> {
  v: 1;
  value: T;
  /** When it was chosen (ms since epoch). */
  at: number;
}

const spec = (ok: (value: unknown) => boolean): RecordSpec<SettingRecord<unknown>> => ({
  version: 1,
  valid: (r) => typeof r.at === 'number' && ok(r.value),
});

const inRange = (lo: number, hi: number) => (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

/**
 * Storage knows no player, so it checks only that a speed is a speed (a
 * positive multiple, at most 10); whether the player supports it is the
 * persistence controller's call (ui/controllers/persistence.ts).
 */
const SPECS: Record<SettingName | 'voice', RecordSpec<SettingRecord<unknown>>> = {
  rate: spec((x) => inRange(0, 10)(x) && (x as number) > 0),
  volume: spec(inRange(0, 1)),
  followAlong: spec((x) => typeof x === 'boolean'),
  voice: spec((x) => typeof x === 'string' && x.length > 0 && x.length <= 512),
};

const VOICE_PREFIX = 'voice:';

/** The key a voice is remembered under: the primary subtag, lower case ("en-GB" → "en"). */
export function voiceLanguageKey(lang: string): string {
  return (lang.split(/[-_]/)[0] ?? lang).toLowerCase();
}

/** Every remembered setting; damaged records are dropped (and reported once). */
export async function loadSettings(storage: AloudStorage): Promise<SavedSettings> {
  const result: SavedSettings = { voices: {} };
  for (const [key, raw] of await storage.entries('settings')) {
    if (typeof key !== 'string') continue;
    const isVoice = key.startsWith(VOICE_PREFIX);
    const s = isVoice ? SPECS.voice : SPECS[key as SettingName];
    if (!s) continue;
    const record = checkRecord(storage, 'settings', key, raw, s);
    if (!record) continue;
    if (isVoice) result.voices[key.slice(VOICE_PREFIX.length)] = record.value as string;
    else (result as unknown as Record<string, unknown>)[key] = record.value;
  }
  return result;
}

/** Remembers one setting. Resolves `false` when it could not be stored (reported once). */
export function saveSetting<K extends SettingName>(
  storage: AloudStorage,
  name: K,
  value: NonNullable<SavedSettings[K]>,
  now = Date.now(),
): Promise<boolean> {
  if (!SPECS[name].valid({ v: 1, value, at: now })) return Promise.resolve(false);
  return storage.set('settings', name, { v: 1, value, at: now } satisfies SettingRecord<unknown>);
}

/** Remembers the voice chosen for a language. */
export function saveVoice(storage: AloudStorage, lang: string, voiceId: string, now = Date.now()): Promise<boolean> {
  if (!SPECS.voice.valid({ v: 1, value: voiceId, at: now })) return Promise.resolve(false);
  return storage.set('settings', VOICE_PREFIX + voiceLanguageKey(lang), { v: 1, value: voiceId, at: now });
}
