/**
 * The keyboard help dialog's content: a lazy chunk, loaded when the listener
 * first asks for help (? or the button), so its table and words cost pages
 * that never open it nothing. The <dialog> itself stays in the element,
 * which owns opening, closing and where focus returns.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { helpStrings, type HelpStrings } from '../help-strings.ts';
import { strings as english, type UiStrings } from '../strings.ts';
import { KEYMAP } from '../keymap.ts';
export { dialogStyles as styles } from './dialog.styles.ts';
import type { ShortcutAction } from '../controllers/shortcuts.ts';

/** The help table's rows: the actions each one names (the same keys in every language). */
const ROWS: readonly (readonly [keyof HelpStrings['rows'], readonly ShortcutAction[]])[] = [
  ['toggle', ['toggle']],
  ['sentence', ['previousSentence', 'nextSentence']],
  ['section', ['previousSection', 'nextSection']],
  ['start', ['start']],
  ['end', ['end']],
  ['rate', ['slower', 'faster']],
  ['help', ['help']],
];

const NAMED: Record<string, keyof HelpStrings['keys']> = {
  ' ': 'space',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

/** A keymap key as the help names it: "Shift + Left arrow", "Space", "K". */
function keyName(key: string, h: HelpStrings): string {
  const shift = key.startsWith('Shift+');
  const k = shift ? key.slice(6) : key;
  const name = NAMED[k] ? h.keys[NAMED[k]] : k.toUpperCase();
  return shift ? `${h.keys.shift} + ${name}` : name;
}

/** The keys of a help row's actions, interleaved (Left arrow, Right arrow, then the next pair), each named once. */
function rowKeys(actions: readonly ShortcutAction[], h: HelpStrings): string {
  const lists = actions.map((a) => KEYMAP.find((m) => m[0] === a)?.[1] ?? []);
  const names = new Set<string>();
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) {
    for (const l of lists) if (l[i]) names.add(keyName(l[i]!, h));
  }
  return [...names].join(h.keys.separator);
}

/** The help table's rows, [keys, action], in one language: also the README's table (test/unit/ui/keymap.test.ts). */
export const helpRows = (h: HelpStrings = helpStrings): [string, string][] =>
  ROWS.map(([row, actions]) => [rowKeys(actions, h), h.rows[row]]);

export function renderHelp(globalShortcuts: boolean, close: () => void, s: UiStrings = english): TemplateResult {
  const h = s.help ?? helpStrings;
  return html`<h2 id="help-title">${s.keyboardHelp}</h2>
    <p>${h.helpIntro}</p>
    <table>
      <thead><tr><th scope="col">${h.key}</th><th scope="col">${h.action}</th></tr></thead>
      <tbody>
        ${helpRows(h).map(([k, a]) => html`<tr><td><kbd>${k}</kbd></td><td>${a}</td></tr>`)}
      </tbody>
    </table>
    <p>${h.helpText}</p>
    ${globalShortcuts ? html`<p>${h.helpGlobal}</p>` : nothing}
    <button type="button" @click=${close}>${h.close}</button>`;
}
