import type { Article } from '../../article/model.ts';
import type { SpeechEngine } from '../../speech/types.ts';
import { primaryLanguage } from '../../speech/voices.ts';
import type { PlayerChangeEvent, PlayerStore } from '../../player/types.ts';
import { once } from '../lazy.ts';

// The store and the engine chooser are chunks, fetched in parallel while the
// article loads (see `prefetch`): nothing can play before an article is
// there, so the first paint need not carry them. Naming the one export used
// (rather than taking the whole module) keeps the bundler from adding a
// runtime helper chunk the browser would fetch one round trip later.
const storeMaker = once(() => import('../../player/store.ts').then((m) => m.createPlayerStore));
const engineChooser = once(() => import('../../speech/select-engine.ts').then((m) => m.createSessionSpeech));

/** What the session reads of its element: the public properties that choose the engine and the store's start. */
export interface SessionOwner {
  /** An engine the page gave; otherwise the session makes one per article language. */
  readonly engine: SpeechEngine | null;
  /** The `lang` attribute: overrides the article's language. */
  readonly lang: string;
  readonly rate: number;
  readonly voice: string;
  readonly isConnected: boolean;
}

/** What the session tells its element. */
export interface SessionEvents {
  /** A store was made (already holding the article), or the one there was dropped (`null`). */
  stored(store: PlayerStore | null): void;
  /** Every commit of the store. */
  changed(e: PlayerChangeEvent): void;
  /** No engine could be made: the text can still be read. */
  engineless(): void;
  /** Whether the page asked the player to remember (the fallback voice then caches its audio). */
  remembers(): boolean;
  /**
   * What must see the store from its first commit (remembering: a speed set
   * at once is saved, saved settings come before the first Play). The store
   * is made once it has settled; undefined for nothing to wait for.
   */
  waitFor?(): Promise<unknown> | undefined;
}

/**
 * The player's speaking session: one store over one engine, made for the
 * article's language and made again when the language, the engine or the
 * article's language changes. Requests that come before the store is there
 * (its chunk loading, the engine being chosen) wait for it, in order; a
 * newer choice cancels an older one still being made. The element renders
 * what the store commits; it never holds a store or an engine itself.
 */
export class Session {
  #store: PlayerStore | null = null;
  #unsubscribe: (() => void) | null = null;
  /** The engine this session made (and so disposes); a page's engine belongs to the page. */
  #ownEngine: SpeechEngine | null = null;
  /** The language `#ownEngine` was chosen for. */
  #engineLang = '';
  #engine: SpeechEngine | null = null;
  #queued: ((s: PlayerStore) => void)[] = [];
  #run = 0;

  constructor(
    private readonly owner: SessionOwner,
    private readonly on: SessionEvents,
  ) {}

  get store(): PlayerStore | null {
    return this.#store;
  }

  /** The engine speaking now, else the page's: for warm-up and gesture unlocks. */
  get engine(): SpeechEngine | null {
    return this.#engine ?? this.owner.engine;
  }

  /** Fetches the store's and the engine chooser's chunks and asks for voices, while the article loads. */
  static prefetch(withEngine: boolean): void {
    storeMaker().catch(() => undefined);
    if (!withEngine) return;
    engineChooser().catch(() => undefined);
    // Browsers load their voice list on the first ask (Chrome), and
    // speech-dispatcher takes seconds: ask now, not at the click.
    globalThis.speechSynthesis?.getVoices();
  }

  /** A new article (or none): into the store there is, or a new session where the engine was chosen for another language. */
  attach(article: Article | null): void {
    if (!article) return this.drop();
    if (this.#store && !this.#madeFor(article)) {
      // Web Speech may have no voice for this language where the fallback has: choose again.
      this.drop();
      void this.open(article);
    } else if (this.#store) this.#load(this.#store, article);
    else void this.open(article);
  }

  /** Drops the session and makes a new one at `at` (a new engine or language). */
  reopen(article: Article, at?: string): void {
    this.drop();
    void this.open(article, at);
  }

  /** Makes the store (and, without a page engine, the engine) for `article`, at sentence `at`. */
  async open(article: Article, at?: string): Promise<void> {
    const run = ++this.#run;
    const lang = this.#lang(article);
    let engine = this.owner.engine;
    let create: Awaited<ReturnType<typeof storeMaker>>;
    try {
      const [make, choose] = await Promise.all([storeMaker(), engine ? null : engineChooser(), this.on.waitFor?.()]);
      create = make;
      if (run !== this.#run || !this.owner.isConnected) return;
      if (!engine) {
        // Where the page asked the player to remember (storage is opt-in), the fallback
        // voice keeps its pack and each sentence's audio: heard again without synthesis, offline too.
        const fallbackStorage = this.on.remembers() ? import('../../storage/audio-cache.ts').then((m) => m.fallbackStorage()) : undefined;
        // Returned at once: Play never waits for voices (the session speaks with the fallback until one comes).
        engine = this.#ownEngine = choose!({ lang, fallbackStorage });
        this.#engineLang = lang;
      }
    } catch {
      if (run === this.#run) this.on.engineless();
      return;
    }
    if (run !== this.#run || !this.owner.isConnected || this.#store) return;
    const store = create({ engine, rate: this.owner.rate, preferredVoiceId: this.owner.voice || null });
    this.#store = store;
    this.#engine = engine;
    this.#unsubscribe = store.subscribe((e) => this.on.changed(e));
    this.#load(store, article, at);
    this.on.stored(store);
    const queued = this.#queued;
    this.#queued = [];
    for (const q of queued) q(store);
  }

  /** Ends the session: the store disposed, the engine too if the session made it, waiting requests dropped. */
  drop(): void {
    this.#run++;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    const had = this.#store;
    this.#store?.dispose();
    this.#store = null;
    this.#engine = null;
    this.#ownEngine?.dispose();
    this.#ownEngine = null;
    this.#queued = [];
    if (had) this.on.stored(null);
  }

  /**
   * Runs a request on the store, or queues it while the store is being made
   * (`waiting`: an article is there to make it for). Never throws into the page.
   */
  request(fn: (s: PlayerStore) => void, waiting: boolean, name = ''): void {
    try {
      // Every request comes from a user gesture or from the page's code; unlocking is harmless
      // for the latter, and iOS needs it in the former before speech will start.
      this.engine?.unlock?.();
      if (this.#store) fn(this.#store);
      else if (waiting) this.#queued.push(fn);
      else if (name) console.warn(`<aloud-player>: ${name}() ignored: no article is loaded yet.`);
    } catch (error) {
      console.warn(`<aloud-player>: ${name || 'request'} failed`, error);
    }
  }

  /** Whether `engine` is the one the session speaks with (a page that swaps its engine needs a new session). */
  speaksWith(engine: SpeechEngine | null): boolean {
    return !this.#engine || this.#engine === engine;
  }

  #lang(article: Article): string {
    return this.owner.lang || article.lang;
  }

  /** False when the session made its engine for a language other than this article's. */
  #madeFor(article: Article): boolean {
    if (!this.#ownEngine || this.#engine !== this.#ownEngine) return true;
    return primaryLanguage(this.#engineLang) === primaryLanguage(this.#lang(article));
  }

  #load(store: PlayerStore, article: Article, at?: string): void {
    const lang = this.owner.lang;
    store.load(lang && lang !== article.lang ? { ...article, lang } : article);
    if (at) store.seek(at);
  }
}
