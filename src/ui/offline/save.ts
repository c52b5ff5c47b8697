/**
 * Saving an article for offline listening, as both of its controls do it
 * (the More menu's "Save for offline" and `<aloud-save-toggle>`): pin or
 * unpin the cached copy, ask the browser to keep the site's storage when
 * pinning, and say what happened in words for the live region. Every change
 * is also told to the page as `aloud-saved-change` (bubbling, composed), so
 * the other control on the page shows the same state.
 */
import type { Article } from '../../article/model.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { isSaved, setSaved } from '../../storage/article-cache.ts';
import type { UiStrings } from '../strings.ts';
import { offlineOf } from './strings.ts';

export { isSaved };

/** `detail` of `aloud-saved-change`. */
export interface SavedChange {
  url: string;
  saved: boolean;
}

/**
 * Saves (`want`) or unsaves `url` and returns whether it was stored and what
 * to announce; on success `from` fires `aloud-saved-change`.
 */
export async function saveOffline(
  from: EventTarget,
  url: string,
  want: boolean,
  options: { article?: Article | null; storage?: AloudStorage | undefined },
  t: UiStrings,
): Promise<{ ok: boolean; message: string }> {
  const { article, storage } = options;
  const ok = await setSaved(url, want, { ...(article ? { article } : {}), ...(storage ? { storage } : {}) });
  const words = offlineOf(t);
  if (!ok) return { ok, message: words.saveFailed };
  // Pinned copies are only safe from eviction where the browser keeps the site's storage.
  if (want) void navigator.storage?.persist?.().catch(() => false);
  from.dispatchEvent(new CustomEvent<SavedChange>('aloud-saved-change', { detail: { url, saved: want }, bubbles: true, composed: true }));
  return { ok, message: want ? words.savedAnnounce : words.removedAnnounce };
}
