import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Article } from '../../article/model.ts';
import type { Remembering, RememberingHost } from '../controllers/remembering.ts';
import { LazyPart, lazy } from '../lazy.ts';
import { deepActiveElement } from './dom.ts';

// At module level: tsc leaves an import() inside a class field unrewritten for lib/.
const rememberingChunk = () => import('../controllers/remembering.ts');
const panelChunk = () => import('../offline/offline-panel.ts');

/** The player, as its offline wiring reads it. */
export type OfflineHost = RememberingHost & { readonly offline: boolean };

/** What the wiring tells the player. */
export interface OfflineEvents {
  /** The saved follow-along switch, once read. */
  followAlong(on: boolean): void;
  /** Words for the live region. */
  say(message: string): void;
  /** The article the player shows now (remembering is made once there is one). */
  article(): Article | null;
}

/**
 * Where the page asked the player to remember (the `offline` attribute, or
 * an `<aloud-offline-panel>` in the `extras` slot, also one slotted later):
 * the remembering controller (a lazy chunk: store ↔ storage, the saved
 * state, the context the panels are views of), the offline panel's chunk
 * (the one the `offline` attribute shows, or the definition of a slotted one
 * the page did not load), and focus kept in the player when the resume
 * prompt that had it goes away. Pages that ask for none of it load none of it.
 */
export class OfflineWiring implements ReactiveController {
  /** The offline panel's module (it defines its elements, guarded, when it is evaluated). */
  readonly #panel = new LazyPart(() => lazy(panelChunk(), 'the offline panel'));
  readonly #remembering: LazyPart<Remembering>;
  readonly #on: OfflineEvents;

  constructor(
    private readonly host: OfflineHost & ReactiveControllerHost & HTMLElement,
    on: OfflineEvents,
  ) {
    this.#on = on;
    this.#remembering = new LazyPart(() =>
      lazy(rememberingChunk(), 'remembering').then((m) => m && new m.Remembering(host, { followAlong: on.followAlong, say: on.say })),
    );
    host.addController(this);
    // A resume prompt removes the button that had focus: hand focus to Play/Pause
    // rather than losing it to the page (the one time the player moves focus itself).
    const refocus = () =>
      void host.updateComplete.then(() => {
        const active = deepActiveElement();
        if (!active || active === document.body || !active.isConnected) host.focus();
      });
    host.addEventListener('aloud-resume', refocus);
    host.addEventListener('aloud-start-over', refocus);
  }

  hostConnected(): void {
    const slotted = this.host.querySelector('aloud-offline-panel');
    if (slotted && !customElements.get('aloud-offline-panel')) this.loadPanel();
  }

  /** Remembering once made (the More menu's saved state, follow-along, the swap of an updated article). */
  get remembering(): Remembering | null {
    return this.#remembering.value;
  }

  /** Articles and settings are remembered only where the page asked for it. */
  remembers(): boolean {
    return this.host.offline || this.host.querySelector('aloud-offline-panel') !== null;
  }

  /** Remembering, made (and loaded) where the page asked for it; undefined where it did not, or its chunk failed. */
  get(): Promise<Remembering | undefined> | undefined {
    return this.remembers() ? this.#remembering.get() : undefined;
  }

  /**
   * The offline panel is a lazy chunk: loaded for the `offline` attribute,
   * or to upgrade an `<aloud-offline-panel>` the page put in the `extras`
   * slot without loading its script.
   */
  loadPanel(): void {
    if (!this.#panel.value) void this.#panel.get().then((m) => m && this.host.requestUpdate());
  }

  /** The extras slot, and the panel the `offline` attribute shows (its More menu has Save, so the panel leaves it out). */
  render(): TemplateResult {
    return html`<slot name="extras" @slotchange=${this.#onExtras}></slot>
      ${this.host.offline && this.#panel.value && !this.host.querySelector('aloud-offline-panel')
        ? html`<aloud-offline-panel .hideSave=${true}></aloud-offline-panel>`
        : nothing}`;
  }

  /** A panel put in the `extras` slot later: the player now remembers, and the panel is a view of it. */
  readonly #onExtras = (): void => {
    if (!this.host.querySelector('aloud-offline-panel')) return;
    this.loadPanel();
    if (this.#on.article()) void this.#remembering.get();
  };
}
