/**
 * The listener's place in each article: plain reads and writes. What to do
 * with a saved place (offer it, save as playback advances) is the persistence
 * controller's job (ui/controllers/persistence.ts), which owns the wiring
 * between the player store and storage.
 */
import { readRecord, type AloudStorage, type RecordSpec } from './db.ts';

/** A remembered place in one article. */
export interface SavedPosition {
  v: 1;
  sentenceId: string;
  /** The heading of the sentence's section when it was saved (absent for an untitled lead). */
  heading?: string;
  /** When it was saved (ms since epoch). */
  at: number;
}

const POSITION: RecordSpec<SavedPosition> = {
  version: 1,
  valid: (r) =>
    typeof r.sentenceId === 'string' &&
    r.sentenceId.length > 0 &&
    typeof r.at === 'number' &&
    (r.heading === undefined || typeof r.heading === 'string'),
};

/** The saved place for an article key, if any (damaged records are dropped and reported). */
export function loadPosition(storage: AloudStorage, articleKey: string): Promise<SavedPosition | undefined> {
  return readRecord(storage, 'positions', articleKey, POSITION);
}

export function savePosition(
  storage: AloudStorage,
  articleKey: string,
  place: { sentenceId: string; heading?: string | undefined },
  now = Date.now(),
): Promise<boolean> {
  const record: SavedPosition = { v: 1, sentenceId: place.sentenceId, at: now };
  if (place.heading !== undefined) record.heading = place.heading;
  return storage.set('positions', articleKey, record);
}

export function clearPosition(storage: AloudStorage, articleKey: string): Promise<boolean> {
  return storage.del('positions', articleKey);
}

