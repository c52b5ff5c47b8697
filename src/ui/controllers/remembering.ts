/**
 * Remembering for one player, owned by the element wherever the page asks
 * for it (`offline`, or an `<aloud-offline-panel>` in the `extras` slot), and
 * a lazy chunk so pages that do not ask never load storage:
 *
 * - the player's store wired to storage ({@link createPersistence}): saved
 *   speed, volume, voice and follow-along applied, the place offered and saved;
 * - whether the article is saved for offline (the More menu's item), in step
 *   with every save toggle on the page (`aloud-saved-change`);
 * - the {@link rememberingContext} the offline panel and its prompt are views of.
 *
 * It reads the element's public properties after each of its renders (a new
 * store, `src`, words) and needs nothing else from it.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../../article/model.ts';
import type { PlayerStore } from '../../player/types.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { isSaved, saveOffline, type SavedChange } from '../offline/save.ts';
import type { UiStrings } from '../strings.ts';
import { createPersistence, type Persistence, type ResumeOffer } from './persistence.ts';
import { switchAtBoundary } from '../../player/resume.ts';
import { rememberingContext, type Remembered } from './remembering-context.ts';

/** The player, as remembering reads it. */
export type RememberingHost = ReactiveControllerHost &
  HTMLElement & {
    readonly store: PlayerStore | null;
    readonly src: string;
    readonly storage: AloudStorage | undefined;
    readonly strings: UiStrings;
  };

/** What remembering tells the player. */
export interface RememberingEvents {
  /** The saved follow-along switch, once read (it lives in the element, not the store). */
  followAlong(on: boolean): void;
  /** Words for the live region. */
  say(message: string): void;
}

export { createPersistence };

export class Remembering implements ReactiveController {
  /** Whether the article at `src` is saved for offline; null until read. */
  saved: boolean | null = null;
  #savedFor = '';
  #store: PlayerStore | null = null;
  #persistence: Persistence | null = null;
  #offer: ResumeOffer | null = null;
  /** An updated copy of the article waiting for a sentence boundary, and its cancel. */
  #pending: Article | null = null;
  #cancelPending: (() => void) | null = null;
  readonly #provider: ContextProvider<typeof rememberingContext>;

  constructor(
    private readonly host: RememberingHost,
    private readonly on: RememberingEvents,
  ) {
    this.#provider = new ContextProvider(host, { context: rememberingContext });
    host.addController(this);
    this.sync();
  }

  hostConnected(): void {
    this.host.ownerDocument.addEventListener('aloud-saved-change', this.#onSavedChange);
  }

  hostDisconnected(): void {
    this.host.ownerDocument.removeEventListener('aloud-saved-change', this.#onSavedChange);
    this.#connect(null);
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Follows the player's store, `src` and words (after each render, and at once when a store is made). */
  sync(): void {
    const { store, src } = this.host;
    if (store !== this.#store) this.#connect(store);
    if (src !== this.#savedFor) this.#readSaved(src);
    this.#publish();
  }

  /** The More menu's item: save or unsave, said once when stored. */
  async setSaved(on: boolean, article: Article | null): Promise<void> {
    const { src, storage, strings } = this.host;
    const r = await saveOffline(this.host, src, on, { article, storage }, strings);
    if (r.ok && src === this.host.src) this.saved = on;
    this.on.say(r.message);
    this.host.requestUpdate();
  }

  setFollowAlong(on: boolean): void {
    this.#persistence?.setFollowAlong(on);
  }

  /**
   * The network's copy of the cached article differs from the one playing:
   * swapped in at the next sentence boundary at the same place
   * (`switchAtBoundary`), with the element's `lang` kept. A newer copy
   * replaces one still waiting.
   */
  update(next: Article, lang: string): void {
    const store = this.#store;
    if (!store) return;
    this.#pending = lang && lang !== next.lang ? { ...next, lang } : next;
    this.#cancelPending?.();
    this.#cancelPending = switchAtBoundary(store, this.#pending);
  }

  /** Whether the store's new `article` is the updated copy swapped in (the element redraws the text quietly). */
  switched(article: Article): boolean {
    if (article !== this.#pending) return false;
    this.#pending = null;
    this.#cancelPending = null;
    return true;
  }

  #connect(store: PlayerStore | null): void {
    this.#cancelPending?.();
    this.#pending = this.#cancelPending = null;
    this.#persistence?.dispose();
    this.#persistence = null;
    this.#store = store;
    this.#setOffer(null);
    if (!store) return;
    const { storage } = this.host;
    this.#persistence = createPersistence(store, {
      ...(storage ? { storage } : {}),
      onOffer: (o) => this.#setOffer(o),
      onSettings: (s) => s.followAlong !== undefined && this.on.followAlong(s.followAlong),
    });
  }

  #setOffer(offer: ResumeOffer | null): void {
    if (offer === this.#offer) return;
    this.#offer = offer;
    this.#publish();
  }

  /** A new snapshot for the views only when something in it changed. */
  #publish(): void {
    const { src, storage, strings } = this.host;
    const article = this.#store?.state.article ?? null;
    const old = this.#provider.value;
    if (old && old.offer === this.#offer && old.article === article && old.src === src && old.storage === storage && old.strings === strings) return;
    const next: Remembered = {
      offer: this.#offer,
      article,
      src,
      storage,
      strings,
      resume: () => this.#persistence?.resume(),
      startOver: () => this.#persistence?.startOver(),
    };
    this.#provider.setValue(next);
  }

  #readSaved(src: string): void {
    this.#savedFor = src;
    this.saved = null;
    if (!src) return;
    void isSaved(src, this.host.storage).then(
      (on) => {
        if (src !== this.host.src) return;
        this.saved = on;
        this.host.requestUpdate();
      },
      () => {},
    );
  }

  // Saved or unsaved by a save toggle anywhere on the page: the menu shows the same.
  readonly #onSavedChange = (e: Event): void => {
    const { url, saved } = (e as CustomEvent<SavedChange>).detail;
    if (url !== this.host.src || saved === this.saved) return;
    this.saved = saved;
    this.host.requestUpdate();
  };
}
