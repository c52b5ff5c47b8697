import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer, ContextRoot } from '@lit/context';
import type { PlayerStore } from '../../player/types.ts';
import { getStorage, type AloudStorage } from '../../storage/db.ts';
import type { Persistence, ResumeOffer } from '../controllers/persistence.ts';
import { rememberingContext } from '../controllers/remembering-context.ts';
import type { SavedSettings } from '../../storage/settings.ts';
import { AloudResumePrompt } from './resume-prompt.ts';
import { AloudSaveToggle } from './save-toggle.ts';
import { AloudStorageNotice } from './storage-notice.ts';
import type { UiStrings } from '../strings.ts';
import { LocaleController } from '../locale.ts';

// On its own only (inside a player, the player remembers): loaded when a store is given.
// Through the player's remembering chunk, which holds it: one chunk for both, no shared one.
const persistenceChunk = () => import('../controllers/remembering.ts');

// A panel the page defined before its player was running asks for the player's
// remembering before the player has made it: the root holds that request and
// asks again once the player provides (one root for the page, made with the panel).
new ContextRoot().attach(document.documentElement);

/**
 * Everything offline for one player, in one element: the storage notice,
 * the resume prompt and the "Save for offline" toggle.
 *
 * Inside an `<aloud-player>` (in its `extras` slot, or the one the `offline`
 * attribute shows) the panel is a view of the player's remembering, which it
 * receives as a Lit context: the player applies saved settings, offers and
 * saves the place, and the panel shows the offer and reports the choice:
 * `<aloud-player src="…"><aloud-offline-panel slot="extras"></aloud-offline-panel></aloud-player>`.
 * On its own, set `store` and `src` from code and the panel connects that
 * store to storage itself.
 *
 * @attr ui-lang - The interface language when no player gives it its words (else the nearest `lang`, else English).
 * @fires aloud-resume - Bubbles from the prompt when the listener resumed (the player may focus Play/Pause).
 * @fires aloud-start-over - Likewise for "Start over".
 * @fires aloud-settings - On its own (not in a player): `detail` is the saved settings once read.
 */
export class AloudOfflinePanel extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** On its own: the store to remember for (inside a player, the player's remembering is used). */
  @property({ attribute: false }) store: PlayerStore | null = null;
  /** The article's URL; default: the enclosing player's `src`. */
  @property() src = '';
  /** Default: the player's storage, else the page-wide one. */
  @property({ attribute: false }) storage: AloudStorage | undefined;
  /**
   * Leave "Save for offline" out: set by the player that renders this panel
   * itself (its More menu has the item). A panel in a player leaves it out
   * whenever that player has a `src`, for the same reason.
   */
  @property({ type: Boolean, attribute: false }) hideSave = false;
  /**
   * The interface words; default: the enclosing player's, else resolved for
   * this element as the player's are (`ui-lang`, else the nearest `lang`).
   */
  @property({ attribute: false }) strings: UiStrings | null = null;

  /** The enclosing player's remembering; undefined on its own. */
  private readonly _player = new ContextConsumer(this, { context: rememberingContext, subscribe: true });
  private readonly _locale = new LocaleController(this, () => ({
    uiLang: this.getAttribute('ui-lang'),
    off: !!(this.strings ?? this._player.value?.strings),
  }));

  @state() private _offer: ResumeOffer | null = null;
  @state() private _articleVersion = 0;
  /** On its own: the store connected to storage, and its persistence. */
  private _current: PlayerStore | null = null;
  private _persistence: Persistence | null = null;
  private _unsubscribe: (() => void) | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connect(null);
    this.#unwatch?.();
    this.#unwatch = null;
    this.#watched = null;
  }

  /** A storage problem shows the notice: the panel re-renders to show itself. */
  #watched: AloudStorage | null = null;
  #unwatch: (() => void) | null = null;
  #watchProblems(storage: AloudStorage): void {
    if (storage === this.#watched || !this.isConnected) return;
    this.#unwatch?.();
    this.#watched = storage;
    this.#unwatch = storage.addProblemListener(() => this.requestUpdate());
  }

  override willUpdate(): void {
    // Inside a player the player remembers; never both.
    const store = this._player.value ? null : this.store;
    if (store !== this._current) this._connect(store);
  }

  private _connect(store: PlayerStore | null): void {
    this._persistence?.dispose();
    this._unsubscribe?.();
    this._persistence = null;
    this._unsubscribe = null;
    this._current = store;
    this._offer = null;
    if (!store) return;
    void persistenceChunk().then(({ createPersistence }) => {
      if (store !== this._current || this._persistence) return;
      this._persistence = createPersistence(store, {
        ...(this.storage ? { storage: this.storage } : {}),
        onOffer: (o) => (this._offer = o),
        onSettings: (s: SavedSettings) =>
          this.dispatchEvent(new CustomEvent('aloud-settings', { detail: s, bubbles: true, composed: true })),
      });
    });
    // The toggle saves the article as loaded: re-render when it changes.
    this._unsubscribe = store.subscribe((e) => {
      if (e.changes.has('article')) this._articleVersion++;
    });
  }

  /** On its own: remember the follow-along switch (in a player, the player does). */
  setFollowAlong(on: boolean): void {
    this._persistence?.setFollowAlong(on);
  }

  private _resume(): void {
    if (this._player.value) this._player.value.resume();
    else this._persistence?.resume();
    void this._afterPrompt();
  }

  private _startOver(): void {
    if (this._player.value) this._player.value.startOver();
    else this._persistence?.startOver();
    void this._afterPrompt();
  }

  /** The prompt that had focus is gone: keep focus in this region rather than lose it to the page. */
  private async _afterPrompt(): Promise<void> {
    await this.updateComplete;
    const toggle = this.renderRoot.querySelector('aloud-save-toggle');
    await toggle?.updateComplete;
    toggle?.shadowRoot?.querySelector('button')?.focus();
  }

  override render() {
    const player = this._player.value;
    const article = player ? player.article : (this._current?.state.article ?? null);
    const src = this.src || player?.src || '';
    const t = this.strings ?? player?.strings ?? this._locale.strings;
    const storage = this.storage ?? player?.storage;
    const offer = player ? player.offer : this._offer;
    const save = !!(src && article && !this.hideSave && !player?.src);
    const watched = storage ?? getStorage();
    this.#watchProblems(watched);
    // Nothing to show (no offer, no toggle, no storage problem): the panel takes no room in the player.
    this.hidden = !offer && !save && watched.problems.size === 0;
    return html`<aloud-storage-notice .storage=${storage} .strings=${t}></aloud-storage-notice>
      <aloud-resume-prompt .offer=${offer} .strings=${t} @aloud-resume=${this._resume} @aloud-start-over=${this._startOver}></aloud-resume-prompt>
      ${save
        ? html`<aloud-save-toggle .storage=${storage} .strings=${t} url=${src} .article=${article} data-v=${this._articleVersion}></aloud-save-toggle>`
        : ''}`;
  }
}

// Only the pieces the panel uses (the saved list is a page-level piece: ./define.ts).
for (const [name, ctor] of [
  ['aloud-resume-prompt', AloudResumePrompt],
  ['aloud-save-toggle', AloudSaveToggle],
  ['aloud-storage-notice', AloudStorageNotice],
  ['aloud-offline-panel', AloudOfflinePanel],
] as const) {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

declare global {
  interface HTMLElementTagNameMap {
    'aloud-offline-panel': AloudOfflinePanel;
  }
}
