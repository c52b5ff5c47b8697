import { html, nothing, type TemplateResult } from 'lit';
import type { UiStrings } from '../strings.ts';
import { heading } from './article-view.ts';
import { errorDetail, errorHelp, type ShownError } from './errors.ts';

/** An error as the player shows it, in the catalogue `t`: what happened, any detail, what to do, and "Try again" where it can help. */
export function renderError(err: ShownError, t: UiStrings, level: number, retry: () => void): TemplateResult {
  const detail = errorDetail(err, t);
  return html`<div part="error" class="error">
    ${heading(level, t.errorTitle[err.kind])}
    ${detail ? html`<p class="detail">${detail}</p>` : nothing}
    <p>${errorHelp(err, t)}</p>
    ${err.retry ? html`<button type="button" @click=${retry}>${t.tryAgain}</button>` : nothing}
  </div>`;
}
