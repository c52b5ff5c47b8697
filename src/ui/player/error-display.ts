import { html, type TemplateResult } from 'lit';
import type { UiStrings } from '../strings.ts';
import { once } from '../lazy.ts';
import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import type { PlayerErrorInfo } from '../../player/types.ts';
import { shownError, type ErrorCode, type ShownError } from './errors.ts';

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
  /** The language errors are said in: the article's, else the interface's. */
  lang(): string;
  /** The heading level of the panel's title. */
  level(): number;
  /** "Try again": loads the article again. */
  reload(): void;
}

/**
 * How the player shows an error: the panel (title, advice, "Try again" where
 * a second try can succeed), the announcement, and the `aloud-error` event,
 * each once. The panel and its English words are a chunk: until it is here
 * the panel stays empty (a few milliseconds: it is fetched beside the
 * article), and if it cannot load the plain message serves.
 */
export class ErrorDisplay {
  #view: ErrorsView | null = null;
  /** The panel's chunk could not load (offline, a broken deploy): the plain message serves. */
  #noView = false;
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

  /** A failed load from the article source: sorted into its kind and shown. False for one a newer load replaced. */
  failed(e: unknown): boolean {
    const code = (e as { code?: ArticleLoadErrorCode }).code;
    if (code === 'aborted') return false;
    this.show(shownError(code, e instanceof Error ? e.message : String(e), this.owner.lang(), true, (e as { status?: number }).status));
    return true;
  }

  /** An error by code that no second try can mend (no voice, page mode's element missing): shown in place of the player. */
  showCode(code: ErrorCode, message = '', detail?: string): void {
    this.show(shownError(code, message, this.owner.lang(), false, detail));
  }

  /** A store error as shown (never a retry: the store's errors are not the element's fetch). */
  ofStore(error: PlayerErrorInfo): ShownError {
    return shownError(error.code, error.message, this.owner.lang());
  }

  /** A store error: announced (the store's change fires the event). */
  announce(e: ShownError): void {
    this.#withView((v) => this.owner.say((t) => (v ? v.errorAnnouncement(e, t) : e.message)));
  }

  clear(): void {
    this.loadError = null;
  }

  /** The panel for `e`; its "Try again" clears the error, says it is loading (asked for, so said) and loads again. */
  render(e: ShownError, t: UiStrings): TemplateResult {
    if (this.#view) return this.#view.renderError(e, this.owner.level(), this.#retry, t);
    // The message is the lower layer's, in English: shown only where the panel cannot come.
    if (!this.#noView) this.prefetch();
    return html`<div part="error" class="error">${this.#noView ? html`<p>${e.message}</p>` : ''}</div>`;
  }

  readonly #retry = (): void => {
    this.clear();
    this.owner.say((t) => t.loading);
    this.owner.reload();
  };

  /** Runs `then` with the view (loading it if need be), or with none if it cannot load. */
  #withView(then: (v?: ErrorsView) => void): void {
    if (this.#view) return then(this.#view);
    errorsView().then(
      (v) => {
        this.#view = v;
        then(v);
        this.owner.requestUpdate();
      },
      () => {
        this.#noView = true;
        then();
        this.owner.requestUpdate();
      },
    );
  }
}
