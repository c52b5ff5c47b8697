/**
 * The keyboard help dialog's content: a lazy chunk, loaded when the listener
 * first asks for help (? or the button), so its table and words cost pages
 * that never open it nothing. The <dialog> itself stays in the element,
 * which owns opening, closing and where focus returns.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { helpStrings as h } from '../help-strings.ts';
import { strings as t } from '../strings.ts';

export function renderHelp(globalShortcuts: boolean, close: () => void): TemplateResult {
  return html`<h2 id="help-title">${t.keyboardHelp}</h2>
    <p>${h.helpIntro}</p>
    <table>
      <thead><tr><th scope="col">${h.key}</th><th scope="col">${h.action}</th></tr></thead>
      <tbody>
        ${h.shortcutRows.map(([k, a]) => html`<tr><td><kbd>${k}</kbd></td><td>${a}</td></tr>`)}
      </tbody>
    </table>
    <p>${h.helpText}</p>
    ${globalShortcuts ? html`<p>${h.helpGlobal}</p>` : nothing}
    <button type="button" @click=${close}>${h.close}</button>`;
}
