import { html, type TemplateResult } from 'lit';
import type { UiStrings } from '../strings.ts';
import { once } from '../lazy.ts';
import type { ErrorCode, ShownError } from './errors.ts';

// The error panel and its words: a chunk fetched beside the article (like
// the validator), so it is here by the time a load can fail.
type ErrorsView = typeof import('./errors-view.ts');
const errorsView = once(() => import('./errors-view.ts'));

/** What the display needs of its element. */
export interface ErrorDisplayOwner {
  /** Says words of the catalogue in the live region. */
  say(text: (t: UiStrings) => string): void;
  /** Fires `aloud-error`. */
  fire(code: ErrorCode, message: string): void;
  /** Re-renders once the panel's chunk is here. */
  requestUpdate(): void;
}

/**
 * How the player shows an error: the panel (title, advice, "Try again" where
 * a second try can succeed), the announcement, and the `aloud-error` event,
 * each once. The panel and its English words are a chunk: until it is here
 * (or if it cannot load) the plain message serves.
 */
export class ErrorDisplay {
  #view: ErrorsView | null = null;
  /** The load error shown in place of the player (not the store's: the store holds its own). */
  loadError: ShownError | null = null;

  constructor(private readonly owner: ErrorDisplayOwner) {}

  /** Fetches the panel's chunk ahead of need (beside an article fetch). */
  prefetch(): void {
    this.#withView(() => {});
  }

  /** A load error: shown in place of the player, announced and fired once. */
  show(e: ShownError): void {
    this.loadError = e;
    this.owner.requestUpdate();
    this.#withView((v) => {
      this.owner.say((t) => (v ? v.errorAnnouncement(e, t) : e.message));
      this.owner.fire(e.code, v ? v.eventMessage(e) : e.message);
    });
  }

  /** A store error: announced (the store's change fires the event). */
  announce(e: ShownError): void {
    this.#withView((v) => this.owner.say((t) => (v ? v.errorAnnouncement(e, t) : e.message)));
  }

  clear(): void {
    this.loadError = null;
  }

  /** The panel for `e`. */
  render(e: ShownError, level: number, retry: () => void, t: UiStrings): TemplateResult {
    if (this.#view) return this.#view.renderError(e, level, retry, t);
    this.prefetch();
    return html`<div part="error" class="error"><p>${e.message}</p></div>`;
  }

  /** Runs `then` with the view (loading it if need be), or with none if it cannot load. */
  #withView(then: (v?: ErrorsView) => void): void {
    if (this.#view) return then(this.#view);
    errorsView().then(
      (v) => {
        this.#view = v;
        then(v);
        this.owner.requestUpdate();
      },
      () => then(),
    );
  }
}
