/**
 * The listener's place in each article, and the connector that keeps the
 * player store and storage in step (settings applied on load, the saved
 * place offered, changes saved as playback advances).
 */
import type { Article } from '../article/model.ts';
import type { PlayerChangeEvent, PlayerStore } from '../player/types.ts';
import { getStorage, readRecord, type AloudStorage, type RecordSpec } from './db.ts';
import { loadSettings, saveSetting, saveVoice, voiceLanguageKey, type SavedSettings } from './settings.ts';
import { placeAfterUpdate } from './article-cache.ts';

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

/** What the resume prompt offers. */
export interface ResumeOffer {
  sentenceId: string;
  /** The section heading of the saved sentence in the article as it is now, if titled. */
  heading?: string;
  /** The saved sentence's first words, for an untitled section. */
  snippet: string;
  /** The button's name, e.g. "Resume from 'Key trading city'". */
  label: string;
  /** When the place was saved (ms since epoch). */
  at: number;
}

/** Builds the offer for a saved place, or `undefined` when the sentence no longer exists or is the very first one. */
export function resumeOffer(article: Article, saved: SavedPosition): ResumeOffer | undefined {
  const found = locateSentence(article, saved.sentenceId);
  if (!found) return undefined;
  const first = article.sections[0]?.paragraphs[0]?.sentences[0]?.id;
  if (first === saved.sentenceId) return undefined;
  const words = found.text.split(/\s+/).filter(Boolean);
  const snippet = words.slice(0, 6).join(' ') + (words.length > 6 ? '…' : '');
  const offer: ResumeOffer = {
    sentenceId: saved.sentenceId,
    snippet,
    label: `Resume from '${found.heading ?? snippet}'`,
    at: saved.at,
  };
  if (found.heading !== undefined) offer.heading = found.heading;
  return offer;
}

type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface PersistenceOptions {
  /** Default: the page-wide {@link getStorage}. */
  storage?: AloudStorage;
  /** The key a place is saved under. Default: the article's `id`. */
  articleKey?: (article: Article) => string;
  /** Least time between two saves while playing. Default 2000 ms. */
  throttleMs?: number;
  /** Clock and timers, injectable for tests. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Where `pagehide` fires; default `window` when there is one, `null` for none. */
  window?: Listenable | null;
  /** Where `visibilitychange` fires; default `document` when there is one, `null` for none. */
  document?: (Listenable & { visibilityState?: DocumentVisibilityState }) | null;
  /** The resume prompt's offer for the current article, or `null` to hide the prompt. */
  onOffer?(offer: ResumeOffer | null): void;
  /** The saved settings once read (the element applies follow-along itself). */
  onSettings?(settings: SavedSettings): void;
}

/** What {@link createPersistence} returns to the element. */
export interface Persistence {
  /** Resolves once saved settings are applied and the first offer (if any) has been made. */
  readonly ready: Promise<void>;
  /** The current offer, or `null`. */
  readonly offer: ResumeOffer | null;
  /** Go to the offered place and play from it. `false` when there was nothing to resume. */
  resume(): boolean;
  /** Decline the offer: forget the saved place and stay at the start. */
  startOver(): void;
  /** Remember the follow-along switch (it lives in the element, not the store). */
  setFollowAlong(on: boolean): void;
  /** Save the current place now if it changed since the last save. */
  flush(): Promise<void>;
  /** Save pending changes and stop listening. */
  dispose(): void;
}

/**
 * Connects a player store to storage. Saved speed, volume and voice are
 * applied as soon as they are read (unless the listener already changed
 * them); the saved place is offered through `onOffer`, never forced; the
 * place is saved at most every `throttleMs` while playing and at once on
 * pause, `pagehide` and a hidden page. Storage failures never reach the
 * store: at worst nothing is remembered.
 */
export function createPersistence(store: PlayerStore, options: PersistenceOptions = {}): Persistence {
  const storage = options.storage ?? getStorage();
  const keyOf = options.articleKey ?? ((a: Article) => a.id);
  const throttleMs = options.throttleMs ?? 2000;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const win = options.window !== undefined ? options.window : typeof window === 'undefined' ? null : window;
  const doc = options.document !== undefined ? options.document : typeof document === 'undefined' ? null : document;

  let settings: SavedSettings | null = null;
  /** Settings the listener changed before saved ones arrived: theirs win. */
  const touched = new Set<'rate' | 'volume' | 'voice'>();
  /** Voice applied per language key, so a later voices list does not override the listener. */
  const voiceDone = new Set<string>();
  let offer: ResumeOffer | null = null;
  let offerFor: Article | null = null;
  let lastSave = -Infinity;
  let timer: unknown;
  let dirty = false;
  let disposed = false;
  const pending = new Set<Promise<unknown>>();

  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const setOffer = (next: ResumeOffer | null) => {
    if (offer === next) return;
    offer = next;
    options.onOffer?.(next);
  };

  const applyVoice = () => {
    const { article, voices, voice } = store.state;
    if (!settings || !article || voices.length === 0) return;
    const lang = voiceLanguageKey(article.lang);
    if (voiceDone.has(lang) || touched.has('voice')) return;
    const wanted = settings.voices[lang];
    if (wanted === undefined) return;
    voiceDone.add(lang);
    if (voice?.id !== wanted && voices.some((v) => v.id === wanted)) store.setVoice(wanted);
  };

  const applySettings = (s: SavedSettings) => {
    settings = s;
    if (disposed) return;
    if (s.rate !== undefined && !touched.has('rate') && store.state.rate !== s.rate) store.setRate(s.rate);
    if (s.volume !== undefined && !touched.has('volume') && store.state.volume !== s.volume) store.setVolume(s.volume);
    applyVoice();
    options.onSettings?.(s);
  };

  const offerFromStorage = async (article: Article) => {
    offerFor = article;
    const saved = await loadPosition(storage, keyOf(article));
    // Stale if another article arrived meanwhile, or if the listener already started.
    if (disposed || offerFor !== article || store.state.article !== article) return;
    const status = store.state.status;
    if (status === 'playing' || status === 'paused') return;
    // Already there (an updated copy was swapped in at this place): nothing to offer.
    if (saved && store.state.position?.sentenceId === saved.sentenceId) return;
    setOffer(saved ? (resumeOffer(article, saved) ?? null) : null);
  };

  const writePlace = (): Promise<unknown> => {
    const { article, position } = store.state;
    if (!article || !position) return Promise.resolve();
    const heading = article.sections[position.sectionIndex]?.heading;
    return savePosition(storage, keyOf(article), { sentenceId: position.sentenceId, heading }, now());
  };

  const flushNow = (): Promise<void> => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (!dirty) return Promise.resolve();
    dirty = false;
    lastSave = now();
    const p = writePlace();
    track(p);
    return p.then(() => undefined);
  };

  const placeChanged = () => {
    dirty = true;
    const wait = lastSave + throttleMs - now();
    if (wait <= 0) void flushNow();
    else timer ??= setTimer(() => void flushNow(), wait);
  };

  const onChange = (e: PlayerChangeEvent) => {
    const { changes, state } = e;
    if (changes.has('article')) {
      // A new article: its own place, its own offer. A pending save belongs to the old one.
      void flushNowFor(e.previous);
      setOffer(null);
      if (state.article) track(offerFromStorage(state.article));
      applyVoice();
    }
    if (changes.has('voices')) applyVoice();
    if (changes.has('rate')) {
      touched.add('rate');
      if (settings?.rate !== state.rate) {
        if (settings) settings.rate = state.rate;
        track(saveSetting(storage, 'rate', state.rate, now()));
      }
    }
    if (changes.has('volume')) {
      touched.add('volume');
      if (settings?.volume !== state.volume) {
        if (settings) settings.volume = state.volume;
        track(saveSetting(storage, 'volume', state.volume, now()));
      }
    }
    // A voice change in the same commit as a new voices list or article is the
    // store's own automatic choice, not the listener's: do not remember it.
    if (changes.has('voice') && !changes.has('voices') && !changes.has('article') && state.voice && state.article) {
      touched.add('voice');
      const lang = voiceLanguageKey(state.article.lang);
      if (settings?.voices[lang] !== state.voice.id) {
        if (settings) settings.voices[lang] = state.voice.id;
        track(saveVoice(storage, lang, state.voice.id, now()));
      }
    }
    if (changes.has('status')) {
      if (state.status === 'playing') setOffer(null);
      if (state.status === 'ended' && state.article) {
        // Finished: next visit starts at the top, with nothing to offer.
        dirty = false;
        if (timer !== undefined) clearTimer(timer);
        timer = undefined;
        track(clearPosition(storage, keyOf(state.article)));
        return;
      }
    }
    const listening = state.status === 'playing' || state.status === 'paused';
    if (changes.has('position') && listening && !changes.has('article')) placeChanged();
    if (changes.has('status') && state.status === 'paused' && e.previous.status === 'playing') {
      dirty = true;
      void flushNow();
    }
  };

  /** Saves a pending place of the article that is being replaced. */
  const flushNowFor = (previous: PlayerChangeEvent['previous']): Promise<void> => {
    if (!dirty || !previous.article || !previous.position) return flushNow();
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    dirty = false;
    lastSave = now();
    const heading = previous.article.sections[previous.position.sectionIndex]?.heading;
    const p = savePosition(storage, keyOf(previous.article), { sentenceId: previous.position.sentenceId, heading }, now());
    track(p);
    return p.then(() => undefined);
  };

  const onPageHide = () => void flushNow();
  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') void flushNow();
  };

  const unsubscribe = store.subscribe(onChange);
  win?.addEventListener('pagehide', onPageHide);
  doc?.addEventListener('visibilitychange', onVisibility);

  const ready = (async () => {
    const initial = store.state.article;
    const tasks: Promise<unknown>[] = [loadSettings(storage).then(applySettings)];
    if (initial) tasks.push(offerFromStorage(initial));
    await Promise.all(tasks);
  })();

  return {
    ready,
    get offer() {
      return offer;
    },
    resume() {
      const o = offer;
      if (!o || !store.state.article || !locateSentence(store.state.article, o.sentenceId)) return false;
      setOffer(null);
      store.seek(o.sentenceId);
      if (store.state.status !== 'playing') store.play();
      return true;
    },
    startOver() {
      const article = store.state.article;
      setOffer(null);
      if (article) track(clearPosition(storage, keyOf(article)));
    },
    setFollowAlong(on) {
      if (settings) settings.followAlong = on;
      track(saveSetting(storage, 'followAlong', on, now()));
    },
    async flush() {
      await flushNow();
      await Promise.all([...pending]);
    },
    dispose() {
      if (disposed) return;
      void flushNow();
      disposed = true;
      unsubscribe();
      win?.removeEventListener('pagehide', onPageHide);
      doc?.removeEventListener('visibilitychange', onVisibility);
    },
  };
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
