/**
 * The English words of the offline pieces, and the words for storage's
 * problem codes (storage itself returns codes only): the `offline` part of
 * the catalogue (src/ui/strings.ts), kept in the offline chunk because only
 * the offline pieces use it. Other languages give it inside their one file.
 */
import type { StorageProblemKind } from '../../storage/db.ts';
import { format } from '../format.ts';
import { dates, sizes } from '../format-extra.ts';
import type { UiStrings } from '../strings.ts';

const f = { ...format('en'), ...dates('en'), size: sizes('en') };

/** "850 bytes", "12 kB", "1.4 MB" in English. */
export const humanSize = f.size;

export const offlineStrings = {
  /** "850 bytes", "12 kB", "1.4 MB". */
  size: (bytes: number) => f.size(bytes),
  resumeGroup: 'Continue listening',
  lastListened: (at: number) => `You were last listening on ${f.dateTime(at)}.`,
  /** The resume button's name: the saved sentence's section heading, or its first words. */
  resumeFrom: (where: string) => `Resume from '${f.isolate(where)}'`,
  startOver: 'Start over',
  saveForOffline: 'Save for offline',
  /** The same button once saved: what pressing it now does. */
  removeOffline: 'Remove offline copy',
  savedAnnounce: 'Saved for offline.',
  removedAnnounce: 'Offline copy removed.',
  savedNote: 'Saved: this article plays without a connection.',
  saveFailed: "This article couldn't be saved for offline listening in this browser window.",
  savedListEmpty: 'No articles are saved for offline listening.',
  savedListLabel: 'Articles saved for offline listening',
  savedOn: (at: number) => `saved ${f.date(at)}`,
  remove: 'Remove',
  removed: (title: string) => `Removed ${f.isolate(title)} from offline articles.`,
  dismiss: 'Dismiss',
  /** Told once per kind of storage problem (the notice and the live region). */
  problemUnavailable:
    "Your place and settings can't be saved in this browser window (storage is blocked). Listening still works.",
  problemQuota: 'Storage is full, so some articles or audio could not be kept for offline listening. Listening still works.',
  problemCorrupt: 'Some saved data was damaged and has been forgotten (your place or a setting may be reset).',
  problemVersion: 'Some data saved by an older version of the player could not be used and has been reset.',
};

export type OfflineStrings = typeof offlineStrings;

/** The offline words of a catalogue: its own, or English's (kept here, in the offline chunk). */
export const offlineOf = (s: UiStrings): OfflineStrings => s.offline ?? offlineStrings;

const PROBLEM_KEYS = {
  unavailable: 'problemUnavailable',
  quota: 'problemQuota',
  corrupt: 'problemCorrupt',
  version: 'problemVersion',
} as const satisfies Record<StorageProblemKind, keyof OfflineStrings>;

/** The words for one of storage's problem codes, in `s` (English by default). */
export function problemMessage(kind: StorageProblemKind, s: OfflineStrings = offlineStrings): string {
  return s[PROBLEM_KEYS[kind]];
}
