import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { AloudStorage } from '../../storage/db.ts';
import { listSaved, remove, type SavedArticle } from '../../storage/article-cache.ts';
import { offlineOf } from './strings.ts';
import type { UiStrings } from '../strings.ts';
import { LocaleController } from '../locale.ts';
import { offlineStyles } from './styles.ts';

/**
 * The articles saved for offline listening: title, size and date, and a
 * "Remove <title>" button each. After a removal, focus moves to the next
 * item's button (or the previous one, or the list's message when it is
 * empty), so keyboard users never land on nothing.
 *
 * @fires aloud-announce - `detail: { message }` after a removal ("Removed … from offline articles.").
 * @attr ui-lang - The interface language when no player gives it its words (else the nearest `lang`, else English).
 * @csspart list - The list.
 */
export class AloudSavedList extends LitElement {
  static override styles = offlineStyles;

  /** Default: the page-wide storage. */
  @property({ attribute: false }) storage: AloudStorage | undefined;
  /** The interface words; default: resolved for this element as the player's are (`ui-lang`, else the nearest `lang`). */
  @property({ attribute: false }) strings: UiStrings | null = null;

  private readonly _locale = new LocaleController(this, () => ({ uiLang: this.getAttribute('ui-lang'), off: !!this.strings }));

  private _items = new Task(this, {
    task: async ([storage]: readonly [AloudStorage | undefined]) => listSaved(storage ? { storage } : {}),
    args: () => [this.storage] as const,
  });

  /** Reads the list again (after "Save for offline" changed it). */
  refresh(): Promise<void> {
    return this._items.run();
  }

  private async _remove(item: SavedArticle, index: number): Promise<void> {
    await remove(item.url, this.storage);
    await this._items.run();
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li button')];
    const next = buttons[Math.min(index, buttons.length - 1)];
    (next ?? this.renderRoot.querySelector<HTMLElement>('.empty'))?.focus();
    this.dispatchEvent(
      new CustomEvent('aloud-announce', { detail: { message: offlineOf(this.strings ?? this._locale.strings).removed(item.title) }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const t = offlineOf(this.strings ?? this._locale.strings);
    return this._items.render({
      pending: () => html`<p class="muted" aria-busy="true"></p>`,
      complete: (items) =>
        items.length === 0
          ? html`<p class="empty" tabindex="-1">${t.savedListEmpty}</p>`
          : html`<ul part="list" aria-label=${t.savedListLabel}>
              ${items.map(
                (item, i) => html`<li>
                  <span class="title" dir="auto">${item.title}</span>
                  <span class="muted">${t.size(item.bytes)}, ${t.savedOn(item.fetchedAt)}</span>
                  <button type="button" @click=${() => this._remove(item, i)}>
                    ${t.remove}<span class="vh"> ${item.title}</span>
                  </button>
                </li>`,
              )}
            </ul>`,
      error: () => html`<p class="empty" tabindex="-1">${t.savedListEmpty}</p>`,
    });
  }
}
