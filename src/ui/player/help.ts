import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { addStyles, lazy } from '../lazy.ts';
import type { UiStrings } from '../strings.ts';
import { deepActiveElement } from './dom.ts';

type RenderHelp = typeof import('./help-dialog.ts').renderHelp;

/**
 * The keyboard help dialog: a modal <dialog> whose content is a lazy chunk
 * loaded on first open (? or the More menu); focus goes back to where it
 * was when the dialog closes.
 */
export class HelpDialog {
  #render: RenderHelp | null = null;
  #returnFocus: HTMLElement | null = null;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {}

  #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part="help-dialog"]');
  }

  /** `returnTo`: where focus goes on close (default: what has focus now). */
  async open(returnTo?: HTMLElement | null): Promise<void> {
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return;
    this.#returnFocus = returnTo ?? deepActiveElement();
    if (!this.#render) {
      const m = await lazy(import('./help-dialog.ts'), 'the keyboard help');
      if (!m) return;
      addStyles(this.host.renderRoot, [m.styles]);
      this.#render = m.renderHelp;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    if (!dialog.open && dialog.isConnected) dialog.showModal();
  }

  /** `s`: the player's words (the dialog's own come with them, or in the chunk for English). */
  render(globalShortcuts: boolean, s: UiStrings): TemplateResult {
    return html`<dialog part="help-dialog" aria-labelledby="help-title" @close=${this.#closed}>
      ${this.#render ? this.#render(globalShortcuts, () => this.#dialog()?.close(), s) : nothing}
    </dialog>`;
  }

  readonly #closed = () => {
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (back?.isConnected) back.focus();
  };
}
