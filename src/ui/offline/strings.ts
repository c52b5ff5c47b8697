/**
 * Every word the offline pieces show, and the words for storage's problem
 * codes (storage itself returns codes only). Shaped like ../strings.ts:
 * `key: 'English text'`, or a function where a value is put in, so a second
 * language is one more file of the same shape.
 */
import type { StorageProblemKind } from '../../storage/db.ts';

const kb = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const mb = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "850 bytes", "12 kB", "1.4 MB" (decimal units, as the browser's storage figures are). */
export function humanSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return kb.format(Math.round(bytes / 1000));
  return mb.format(bytes / 1_000_000);
}

export const offlineStrings = {
  resumeGroup: 'Continue listening',
  lastListened: (at: number) => `You were last listening on ${dateTime.format(at)}.`,
  /** The resume button's name: the saved sentence's section heading, or its first words. */
  resumeFrom: (where: string) => `Resume from '${where}'`,
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
  savedOn: (at: number) => `saved ${date.format(at)}`,
  remove: 'Remove',
  removed: (title: string) => `Removed ${title} from offline articles.`,
  dismiss: 'Dismiss',
  /** Told once per kind of storage problem (the notice and the live region). */
  problemUnavailable:
    "Your place and settings can't be saved in this browser window (storage is blocked). Listening still works.",
  problemQuota: 'Storage is full, so some articles or audio could not be kept for offline listening. Listening still works.',
  problemCorrupt: 'Some saved data was damaged and has been forgotten (your place or a setting may be reset).',
  problemVersion: 'Some data saved by an older version of the player could not be used and has been reset.',
};

const PROBLEM_KEYS = {
  unavailable: 'problemUnavailable',
  quota: 'problemQuota',
  corrupt: 'problemCorrupt',
  version: 'problemVersion',
} as const satisfies Record<StorageProblemKind, keyof typeof offlineStrings>;

/** The words for one of storage's problem codes. */
export function problemMessage(kind: StorageProblemKind): string {
  return offlineStrings[PROBLEM_KEYS[kind]];
}
