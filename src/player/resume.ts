/**
 * Coming back to an article: what to offer from a remembered place, and how
 * to carry the place over when the article changed under the listener. Pure
 * decisions over articles and the store; where places are kept is storage's
 * business, and when to use these is the persistence controller's.
 */
import type { Article } from '../article/model.ts';
import type { PlayerStore } from './types.ts';

/** Where a sentence id sits in an article: its section's heading and its text. */
export function locateSentence(
  article: Article,
  sentenceId: string,
): { heading: string | undefined; text: string; sectionIndex: number } | undefined {
  for (const [sectionIndex, section] of article.sections.entries())
    for (const p of section.paragraphs)
      for (const s of p.sentences) if (s.id === sentenceId) return { heading: section.heading, text: s.text, sectionIndex };
  return undefined;
}

/**
 * What the resume prompt offers. Words only, no sentence of English: the UI
 * names the button (`resumeFrom(heading ?? snippet)` in ui/offline/strings.ts).
 */
export interface ResumeOffer {
  sentenceId: string;
  /** The section heading of the saved sentence in the article as it is now, if titled. */
  heading?: string;
  /** The saved sentence's first words, for an untitled section. */
  snippet: string;
  /** When the place was saved (ms since epoch). */
  at: number;
}

/** Builds the offer for a saved place, or `undefined` when the sentence no longer exists or is the very first one. */
export function resumeOffer(article: Article, saved: { sentenceId: string; at: number }): ResumeOffer | undefined {
  const found = locateSentence(article, saved.sentenceId);
  if (!found) return undefined;
  const first = article.sections[0]?.paragraphs[0]?.sentences[0]?.id;
  if (first === saved.sentenceId) return undefined;
  const words = found.text.split(/\s+/).filter(Boolean);
  const snippet = words.slice(0, 6).join(' ') + (words.length > 6 ? '…' : '');
  const offer: ResumeOffer = { sentenceId: saved.sentenceId, snippet, at: saved.at };
  if (found.heading !== undefined) offer.heading = found.heading;
  return offer;
}

/**
 * Where to continue after an article was replaced by a newer copy: the
 * same sentence id when it still exists (ids are stable), otherwise the
 * nearest earlier sentence of the old copy that survives, otherwise the
 * first sentence.
 */
export function placeAfterUpdate(previous: Article, next: Article, sentenceId: string): string | undefined {
  const ids = (a: Article) => a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)));
  const nextIds = new Set(ids(next));
  if (nextIds.has(sentenceId)) return sentenceId;
  const old = ids(previous);
  for (let i = old.indexOf(sentenceId) - 1; i >= 0; i--) if (nextIds.has(old[i]!)) return old[i];
  return ids(next)[0];
}

/**
 * Swaps in an updated copy of the article (from `cachedLoad`'s `onUpdate`)
 * without losing the place: at once when not playing, otherwise at the next
 * sentence boundary, which is then spoken again from its start. The place is
 * the same sentence id when it survives, else the nearest earlier surviving
 * one. Returns a function that cancels a pending swap.
 */
export function switchAtBoundary(store: PlayerStore, next: Article): () => void {
  const apply = () => {
    const { article, position, status } = store.state;
    const at = article && position ? placeAfterUpdate(article, next, position.sentenceId) : undefined;
    store.load(next);
    if (at) store.seek(at);
    if (status === 'playing') store.play();
  };
  if (store.state.status !== 'playing') {
    apply();
    return () => {};
  }
  const off = store.subscribe((e) => {
    if (!e.changes.has('position')) return;
    off();
    apply();
  });
  return off;
}
