/**
 * The error panel and its words (a lazy chunk; errors.ts sorts the codes):
 * a title, one piece of advice that fits the cause, and "Try again" only
 * where it can help, in the player's interface language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorStrings } from '../error-strings.ts';
import type { UiStrings } from '../strings.ts';
import { heading } from './heading.ts';
import type { ShownError } from './errors.ts';

/** What happened, as the panel's heading, in the catalogue `s`. */
export const errorTitle = (e: ShownError, s?: UiStrings): string => (s?.errorTitle ?? errorStrings.errorTitle)[e.kind];

/** What to do about it, the panel's one paragraph, in the catalogue `s`. */
export function errorAdvice(e: ShownError, s?: UiStrings): string {
  const help = (s?.errorHelp ?? errorStrings.errorHelp)[e.kind];
  return typeof help === 'function' ? help(e.kind === 'noVoice' ? e.lang : e.detail) : help;
}

/** What the live region says for an error: what is on the panel, once. */
export const errorAnnouncement = (e: ShownError, s?: UiStrings): string => `${errorTitle(e, s)}. ${errorAdvice(e, s)}`;

/**
 * The `aloud-error` event's plain-English message: the lower layer's, or the
 * English advice where the code says it all (no voice, not allowed).
 */
export const eventMessage = (e: ShownError): string =>
  e.kind === 'noVoice' || e.kind === 'notAllowed' || !e.message ? errorAdvice(e) : e.message;

/** The error panel: a heading, the advice, and "Try again" where it can help. */
export function renderError(e: ShownError, level: number, retry: () => void, s: UiStrings): TemplateResult {
  return html`<div part="error" class="error">
    ${heading(level, errorTitle(e, s))}
    <p>${errorAdvice(e, s)}</p>
    ${e.retry ? html`<button type="button" @click=${retry}>${s.tryAgain}</button>` : nothing}
  </div>`;
}
