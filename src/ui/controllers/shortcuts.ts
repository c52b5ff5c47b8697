import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { globalAction, localAction } from '../keymap.ts';

export type ShortcutAction =
  | 'toggle'
  | 'previousSentence'
  | 'nextSentence'
  | 'previousSection'
  | 'nextSection'
  | 'start'
  | 'end'
  | 'slower'
  | 'faster'
  | 'help';

/** `on`: keys work while focus is inside the player. `global`: also page-wide with Alt+Shift. `off`: none. */
export type ShortcutMode = 'on' | 'global' | 'off';

export interface ShortcutOptions {
  mode(): ShortcutMode;
  run(action: ShortcutAction): void;
}

/** Keys a focused native control handles itself, and must keep. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const ACTIVATION_KEYS = new Set([' ', 'Enter']);

/** Does the element the key went to handle this key itself? */
function ownsKey(target: Element | undefined, key: string): boolean {
  if (!target) return false;
  if (target.closest('dialog')) return true;
  const tag = target.localName;
  if (tag === 'select' || tag === 'textarea' || (target as HTMLElement).isContentEditable) return true;
  if (tag === 'input') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return SLIDER_KEYS.has(key);
    if (type === 'checkbox' || type === 'radio' || type === 'button' || type === 'submit') return ACTIVATION_KEYS.has(key);
    return true; // text-like inputs own every key
  }
  if (tag === 'button' || tag === 'summary' || (tag === 'a' && target.hasAttribute('href'))) return ACTIVATION_KEYS.has(key);
  return false;
}

/**
 * Keyboard shortcuts bound to the player element (never `document` unless
 * the page opts in with `shortcuts="global"`). Keys with Ctrl, Meta or Alt
 * are left alone so browser and screen-reader commands keep working.
 */
export class ShortcutsController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ShortcutOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onLocal);
    document.addEventListener('keydown', this.onGlobal);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onLocal);
    document.removeEventListener('keydown', this.onGlobal);
  }

  private readonly onLocal = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || this.options.mode() === 'off') return;
    const action = localAction(e);
    if (!action || ownsKey(e.composedPath()[0] as Element | undefined, e.key)) return;
    e.preventDefault();
    this.options.run(action);
  };

  private readonly onGlobal = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (this.options.mode() !== 'global') return;
    const action = globalAction(e);
    if (!action) return;
    e.preventDefault();
    this.options.run(action);
  };
}
