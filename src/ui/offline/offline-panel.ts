import { LitElement, html, css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PlayerStore } from '../../player/types.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { createPersistence, type Persistence, type ResumeOffer } from '../controllers/persistence.ts';
import type { SavedSettings } from '../../storage/settings.ts';
import { AloudResumePrompt } from './resume-prompt.ts';
import { AloudSaveToggle } from './save-toggle.ts';
import { AloudStorageNotice } from './storage-notice.ts';
import type { UiStrings } from '../strings.ts';
import { LocaleController } from '../locale.ts';

type PlayerHost = HTMLElement & ReactiveControllerHost & { store?: PlayerStore | null; src?: string; strings?: UiStrings };

/**
 * Everything offline for one player, in one element: the storage notice,
 * the resume prompt and the "Save for offline" toggle, with the player's
 * store connected to storage (settings applied, place offered and saved).
 *
 * Put it in the player's `extras` slot and it finds the store itself:
 * `<aloud-player src="…"><aloud-offline-panel slot="extras"></aloud-offline-panel></aloud-player>`.
 * Or set `store` and `src` from code.
 *
 * @attr ui-lang - The interface language when no player gives it its words (else the nearest `lang`, else English).
 * @fires aloud-resume - Bubbles from the prompt when the listener resumed (the player may focus Play/Pause).
 * @fires aloud-start-over - Likewise for "Start over".
 * @fires aloud-settings - `detail` is the saved settings once read (follow-along lives in the player).
 */
export class AloudOfflinePanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.5rem;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The player's store; default: the enclosing `<aloud-player>`'s `store`. */
  @property({ attribute: false }) store: PlayerStore | null = null;
  /** The article's URL; default: the enclosing player's `src`. */
  @property() src = '';
  /** Default: the page-wide storage. */
  @property({ attribute: false }) storage: AloudStorage | undefined;
  /**
   * Leave "Save for offline" out: set by the player that renders this panel
   * itself (its More menu has the item). A panel slotted into a player leaves
   * it out whenever that player has a `src`, for the same reason.
   */
  @property({ type: Boolean, attribute: false }) hideSave = false;
  /**
   * The interface words; default: the enclosing player's, else resolved for
   * this element as the player's are (`ui-lang`, else the nearest `lang`).
   */
  @property({ attribute: false }) strings: UiStrings | null = null;

  private readonly _locale = new LocaleController(this, () => ({
    uiLang: this.getAttribute('ui-lang'),
    off: !!(this.strings ?? this._host?.strings),
  }));
  /** The host player's words at its last render: the panel re-renders when they change. */
  private _hostStrings: UiStrings | undefined;

  @state() private _offer: ResumeOffer | null = null;
  @state() private _current: PlayerStore | null = null;
  @state() private _articleVersion = 0;
  private _persistence: Persistence | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _host: PlayerHost | null = null;
  /**
   * False until the first update: properties set before a late upgrade (lazy
   * loading) are only restored then, and the store must not be connected to
   * the wrong storage meanwhile.
   */
  private _ready = false;
  /** Learns of a new store after each render of the host player: no polling, no player changes. */
  private readonly _watcher: ReactiveController = {
    hostUpdated: () => {
      if (this._host?.strings !== this._hostStrings) this.requestUpdate();
      if (this._ready) this._sync();
    },
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this._findHost();
    // Moved in the DOM: properties are long restored, reconnect at once.
    if (this.hasUpdated) {
      this._ready = true;
      this._sync();
    }
  }

  private _findHost(): void {
    const host = (this.closest('aloud-player') ?? this.parentElement) as PlayerHost | null;
    if (host && typeof host.addController === 'function') {
      this._host = host;
      host.addController(this._watcher);
    } else if (host?.localName === 'aloud-player') {
      // The panel's script ran before the player's: wait for the player to be defined (and upgraded).
      void customElements.whenDefined('aloud-player').then(() => {
        if (!this.isConnected || this._host) return;
        this._findHost();
        if (this._ready) this._sync();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._host?.removeController(this._watcher);
    this._host = null;
    this._ready = false;
    this._connect(null);
  }

  override willUpdate(): void {
    this._ready = true;
    this._sync();
  }

  private _sync(): void {
    const store = this.store ?? this._host?.store ?? null;
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
    this._persistence = createPersistence(store, {
      ...(this.storage ? { storage: this.storage } : {}),
      onOffer: (o) => (this._offer = o),
      onSettings: (s: SavedSettings) =>
        this.dispatchEvent(new CustomEvent('aloud-settings', { detail: s, bubbles: true, composed: true })),
    });
    // The toggle saves the article as loaded: re-render when it changes.
    this._unsubscribe = store.subscribe((e) => {
      if (e.changes.has('article')) this._articleVersion++;
    });
  }

  /** Remember the follow-along switch (call from the player when the listener flips it). */
  setFollowAlong(on: boolean): void {
    this._persistence?.setFollowAlong(on);
  }

  private _resume(): void {
    this._persistence?.resume();
    this._afterPrompt();
  }

  private _startOver(): void {
    this._persistence?.startOver();
    this._afterPrompt();
  }

  /** The prompt that had focus is gone: keep focus in this region rather than lose it to the page. */
  private async _afterPrompt(): Promise<void> {
    await this.updateComplete;
    const toggle = this.renderRoot.querySelector('aloud-save-toggle');
    await toggle?.updateComplete;
    toggle?.shadowRoot?.querySelector('button')?.focus();
  }

  override render() {
    const article = this._current?.state.article ?? null;
    const src = this.src || this._host?.src || '';
    this._hostStrings = this._host?.strings;
    const t = this.strings ?? this._hostStrings ?? this._locale.strings;
    return html`<aloud-storage-notice .storage=${this.storage} .strings=${t}></aloud-storage-notice>
      <aloud-resume-prompt .offer=${this._offer} .strings=${t} @aloud-resume=${this._resume} @aloud-start-over=${this._startOver}></aloud-resume-prompt>
      ${src && article && !this.hideSave && !this._host?.src
        ? html`<aloud-save-toggle .storage=${this.storage} .strings=${t} url=${src} .article=${article} data-v=${this._articleVersion}></aloud-save-toggle>`
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
