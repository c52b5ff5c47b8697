import type { ShortcutAction } from './controllers/shortcuts.ts';

/**
 * The one keymap: the shortcuts controller reads it, the help dialog and
 * the README's table are written from it (test/unit/ui/keymap.test.ts
 * checks the README). Each entry: an action, the keys that do it while focus
 * is in the player (`KeyboardEvent.key`; "Shift+" when Shift changes the
 * action), and the physical keys (`code`) that do it page-wide with Alt+Shift
 * (with Alt held, `key` is another character on macOS and many layouts).
 */
export const KEYMAP: readonly (readonly [ShortcutAction, readonly string[], readonly string[]])[] = [
  ['toggle', [' ', 'k', 'K'], ['Space', 'KeyK']],
  ['previousSentence', ['ArrowLeft'], ['ArrowLeft']],
  ['nextSentence', ['ArrowRight'], ['ArrowRight']],
  ['previousSection', ['Shift+ArrowLeft', 'PageUp'], ['PageUp']],
  ['nextSection', ['Shift+ArrowRight', 'PageDown'], ['PageDown']],
  ['start', ['Home'], ['Home']],
  ['end', ['End'], ['End']],
  ['slower', ['<'], ['Comma']],
  ['faster', ['>'], ['Period']],
  ['help', ['?'], ['Slash']],
];

const LOCAL = new Map<string, ShortcutAction>();
const GLOBAL = new Map<string, ShortcutAction>();
for (const [action, keys, codes] of KEYMAP) {
  for (const k of keys) LOCAL.set(k, action);
  for (const c of codes) GLOBAL.set(c, action);
}

/** The action of a key pressed while focus is in the player, if any. */
export function localAction(e: KeyboardEvent): ShortcutAction | null {
  return (e.shiftKey && LOCAL.get(`Shift+${e.key}`)) || LOCAL.get(e.key) || null;
}

/** The action of an Alt+Shift key pressed anywhere on the page, if any. */
export function globalAction(e: KeyboardEvent): ShortcutAction | null {
  return GLOBAL.get(e.code) ?? null;
}
