import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getStorage, type AloudStorage, type StorageProblemKind } from '../../storage/db.ts';
import { offlineOf, problemMessage } from './strings.ts';
import { strings as english, type UiStrings } from '../strings.ts';
import { offlineStyles } from './styles.ts';

/**
 * A plain, one-time notice of what storage could not do ("Your place and
 * settings can't be saved in this browser window (storage is blocked).
 * Listening still works."). Each kind of problem is shown once per page;
 * the listener can dismiss it.
 *
 * @fires aloud-announce - `detail: { message }` once per problem, for the player's polite live region.
 * @csspart notice - The notice box.
 */
export class AloudStorageNotice extends LitElement {
  static override styles = offlineStyles;

  /** Default: the page-wide storage. */
  @property({ attribute: false }) storage: AloudStorage | undefined;
  /** The interface words (set by the panel or player; default English). */
  @property({ attribute: false }) strings: UiStrings = english;

  @state() private _kinds: StorageProblemKind[] = [];
  @state() private _dismissed = false;
  private _off: (() => void) | undefined;
  private _watching: AloudStorage | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._off?.();
    this._off = undefined;
    this._watching = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('storage') && this.isConnected) this._watch();
    // Nothing to say: no box at all (its panel then takes no room either).
    this.hidden = this._dismissed || this._kinds.length === 0;
  }

  private _watch(): void {
    const storage = this.storage ?? getStorage();
    if (storage === this._watching) return;
    this._off?.();
    this._watching = storage;
    this._kinds = [...storage.problems];
    this._off = storage.addProblemListener((kind) => {
      if (this._kinds.includes(kind)) return;
      this._kinds = [...this._kinds, kind];
      this._dismissed = false;
      this.dispatchEvent(new CustomEvent('aloud-announce', { detail: { message: problemMessage(kind, offlineOf(this.strings)) }, bubbles: true, composed: true }));
    });
  }

  override render() {
    if (this._dismissed || this._kinds.length === 0) return nothing;
    const t = offlineOf(this.strings);
    return html`<div part="notice" role="note">
      ${this._kinds.map((k) => html`<p>${problemMessage(k, t)}</p>`)}
      <button type="button" @click=${() => (this._dismissed = true)}>${t.dismiss}</button>
    </div>`;
  }
}
