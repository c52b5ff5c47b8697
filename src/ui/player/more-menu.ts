import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { UiStrings as Strings } from '../strings.ts';
import { addStyles, lazy } from '../lazy.ts';
import { ICONS, icon } from './icons.ts';
import type { MoreActions, MoreModel } from './more-items.ts';

export type { MoreActions, MoreModel } from './more-items.ts';

type Items = typeof import('./more-items.ts');

// At module level, not in the class field: tsc's rewriteRelativeImportExtensions
// misses an import() inside a field initializer it moves into the constructor,
// and lib/ then asks for './more-items.ts'.
const loadItems = () => lazy(import('./more-items.ts'), 'the More menu');

/**
 * The bar's one "More" menu, as the WAI-ARIA menu button pattern: Enter,
 * Space or Down opens it on the first item (Up on the last), arrows move,
 * Home/End go to the ends, Escape closes it and gives focus back to the
 * button, Tab closes it and moves on. The button is in the first paint; the
 * items (voice, sleep timer, keep screen on, follow along, keyboard help)
 * are a lazy chunk fetched when a pointer or focus comes near the button.
 */
export class MoreMenu {
  #open = false;
  /** The sleep timer's submenu is open (the items' chunk opens and closes it). */
  sub = false;
  #items: Items | null = null;
  #load: Promise<unknown> | null = null;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {}

  get open(): boolean {
    return this.#open;
  }

  /** The menu's button, its items when open, and the voice dialog once loaded. */
  render(t: Strings, m: MoreModel, a: MoreActions): TemplateResult {
    const items = this.#items;
    const act: MoreActions = { ...a, voiceDialog: () => this.#showVoice() };
    return html`<div class="more">
      <button id="more" type="button" class="icon" aria-haspopup="menu" aria-expanded=${this.#open ? 'true' : 'false'} @click=${() => void this.toggle(0)} @keydown=${this.#onButtonKey}
        @pointerenter=${this.preload} @focus=${this.preload}>${icon(ICONS.more)}<span class="sr-only">${t.more}</span></button>
      <div id="more-menu" part="menu" role="menu" aria-labelledby="more" ?hidden=${!this.#open}
        @keydown=${(e: KeyboardEvent) => items?.onMenuKey(e, this)} @focusout=${(e: FocusEvent) => items?.onMenuFocusOut(e, this)}
        @click=${(e: Event) => items?.onMenuClick(e, this)}>
        ${this.#open && items ? items.renderItems(t, m, act, this) : nothing}
      </div>
      ${items ? items.renderVoiceDialog(t, m, act) : nothing}
    </div>`;
  }

  /** Fetch the items before they are needed (a no-op once loaded). */
  readonly preload = (): Promise<unknown> =>
    (this.#load ??= loadItems().then((m) => {
      if (m) addStyles(this.host.renderRoot, m.styles);
      this.#items = m ?? null;
    }));

  /** Open (focusing item `at`, -1 for the last) or close; `stay`: an open menu stays open and takes focus. */
  async toggle(at: number, stay = false): Promise<void> {
    if (this.#open && !stay) return this.close(true);
    await this.preload();
    if (!this.#items) return;
    this.#open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#items.menuItems(this.host.renderRoot).at(at)?.focus();
  }

  close(refocus: boolean): void {
    if (!this.#open) return;
    this.#open = false;
    this.sub = false;
    this.host.requestUpdate();
    if (refocus) this.host.renderRoot.querySelector<HTMLElement>('#more')?.focus();
  }

  /** Re-renders, resolving once done (the items' chunk, after the submenu opened or closed). */
  changed(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  readonly #onButtonKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    void this.toggle(e.key === 'ArrowUp' ? -1 : 0, true);
  };

  async #showVoice(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLDialogElement>('#voice-dialog')?.showModal();
  }
}
