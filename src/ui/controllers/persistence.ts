/**
 * Remembering, as wiring between the player store and storage: saved speed,
 * volume and voice applied on load, the saved place offered (never forced),
 * the place saved as playback advances. It lives above both layers because it
 * knows both; storage stays plain reads and writes, the store knows nothing
 * of storage. The element creates one when `offline` is set, so settings and
 * place are remembered whether or not an `<aloud-offline-panel>` is shown;
 * the panel and the resume prompt show its offer and report the choice.
 */
import type { Article } from '../../article/model.ts';
import { MAX_RATE, MIN_RATE, type PlayerChangeEvent, type PlayerStore } from '../../player/types.ts';
import { locateSentence, resumeOffer, type ResumeOffer } from '../../player/resume.ts';
import { getStorage, type AloudStorage } from '../../storage/db.ts';
import { clearPosition, loadPosition, savePosition } from '../../storage/positions.ts';
import { loadSettings, saveSetting, saveVoice, voiceLanguageKey, type SavedSettings } from '../../storage/settings.ts';

export type { ResumeOffer };

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
    // Storage checks only that a speed is a speed; this player's range is decided here.
    if (s.rate !== undefined && (s.rate < MIN_RATE || s.rate > MAX_RATE)) delete s.rate;
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
      if (settings?.rate !== state.rate && state.rate >= MIN_RATE && state.rate <= MAX_RATE) {
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
