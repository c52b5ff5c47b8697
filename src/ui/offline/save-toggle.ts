import { LitElement, html, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article } from '../../article/model.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { isSaved, saveOffline, type SavedChange } from './save.ts';
import { offlineOf } from './strings.ts';
import { strings as english, type UiStrings } from '../strings.ts';
import { offlineStyles } from './styles.ts';

/**
 * The "Save for offline" control for the article being played: a native
 * button whose name is what pressing it does ("Save for offline", then
 * "Remove offline copy"), with the state in words beside it. A pressed-state
 * toggle named "Save for offline" left listeners unsure whether pressing it
 * again would save again or undo. Saving pins the article so eviction never
 * removes it, and asks the browser to keep the site's storage
 * (`navigator.storage.persist()`). Each change is announced once, when it is
 * stored ("Saved for offline", "Offline copy removed"), through the player's
 * live region; the focused button's new name is not relied on, as screen
 * readers do not all say it.
 *
 * @fires aloud-saved-change - `detail: { url, saved }` after a change was stored.
 * @fires aloud-announce - `detail: { message }` once per change or failure, for the player's live region.
 */
export class AloudSaveToggle extends LitElement {
  static override styles = offlineStyles;

  /** The article's URL (its cache key). */
  @property() url = '';
  /** The article as loaded, so it can be saved even if the cached copy was evicted. */
  @property({ attribute: false }) article: Article | null = null;
  /** Default: the page-wide storage. */
  @property({ attribute: false }) storage: AloudStorage | undefined;
  /** The interface words (set by the panel or player; default English). */
  @property({ attribute: false }) strings: UiStrings = english;

  @state() private _saved = false;
  @state() private _busy = false;
  @state() private _failed = false;

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('url') && this.url) void this._refresh();
  }

  private async _refresh(): Promise<void> {
    const url = this.url;
    const saved = await isSaved(url, this.storage);
    if (url === this.url) this._saved = saved;
  }

  private async _toggle(): Promise<void> {
    if (this._busy || !this.url) return;
    const want = !this._saved;
    this._busy = true;
    const { ok, message } = await saveOffline(this, this.url, want, { article: this.article, storage: this.storage }, this.strings);
    this._busy = false;
    this._failed = !ok;
    if (ok) this._saved = want;
    this._emit('aloud-announce', { message });
  }

  // The player's More menu saves too: show what it did.
  private readonly _onSavedChange = (e: Event) => {
    const { url, saved } = (e as CustomEvent<SavedChange>).detail;
    if (url === this.url && e.composedPath()[0] !== this) this._saved = saved;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('aloud-saved-change', this._onSavedChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('aloud-saved-change', this._onSavedChange);
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const t = offlineOf(this.strings);
    return html`<div class="row">
        <button type="button" class=${this._saved ? 'saved' : ''} aria-disabled=${this._busy ? 'true' : 'false'} @click=${this._toggle}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
            ${this._saved
              ? svg`<path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />`
              : svg`<path d="M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2z" />`}
          </svg>
          ${this._saved ? t.removeOffline : t.saveForOffline}
        </button>
        ${this._saved ? html`<span class="muted">${t.savedNote}</span>` : ''}
      </div>
      ${this._failed ? html`<p class="muted">${t.saveFailed}</p>` : ''}`;
  }
}
