/**
 * The keyboard help dialog's content: a lazy chunk, loaded when the listener
 * first asks for help (? or the button), so its table and words cost pages
 * that never open it nothing. The <dialog> itself stays in the element,
 * which owns opening, closing and where focus returns.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { helpStrings as h } from '../help-strings.ts';
import { strings as t } from '../strings.ts';
import { KEYMAP } from '../keymap.ts';
export { dialogStyles as styles } from './dialog.styles.ts';
import type { ShortcutAction } from '../controllers/shortcuts.ts';

/** The keys of a help row's actions, interleaved (Left arrow, Right arrow, then the next pair), each named once. */
function rowKeys(actions: readonly ShortcutAction[]): string {
  const lists = actions.map((a) => KEYMAP.find((m) => m[0] === a)?.[1] ?? []);
  const names = new Set<string>();
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) {
    for (const l of lists) if (l[i]) names.add(h.keyName(l[i]!));
  }
  return [...names].join(', ');
}

/** The help table's rows, [keys, action]: also the README's table (test/unit/ui/keymap.test.ts). */
export const helpRows = (): [string, string][] => h.shortcutRows.map(([actions, what]) => [rowKeys(actions), what]);

export function renderHelp(globalShortcuts: boolean, close: () => void): TemplateResult {
  return html`<h2 id="help-title">${t.keyboardHelp}</h2>
    <p>${h.helpIntro}</p>
    <table>
      <thead><tr><th scope="col">${h.key}</th><th scope="col">${h.action}</th></tr></thead>
      <tbody>
        ${helpRows().map(([k, a]) => html`<tr><td><kbd>${k}</kbd></td><td>${a}</td></tr>`)}
      </tbody>
    </table>
    <p>${h.helpText}</p>
    ${globalShortcuts ? html`<p>${h.helpGlobal}</p>` : nothing}
    <button type="button" @click=${close}>${h.close}</button>`;
}
