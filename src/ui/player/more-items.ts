/**
 * The More menu's items and the voice dialog: a lazy chunk (see
 * more-menu.ts), so the voice list, the sleep timer's choices and their
 * words cost the first paint nothing. Views only: every choice is a request
 * to the player, and what is checked is read back from what it committed.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { PlayerState } from '../../player/types.ts';
import type { VoiceInfo } from '../../speech/types.ts';
import type { CoreStrings, UiStrings } from '../strings.ts';
import { menuStrings, type MenuStrings } from '../menu-strings.ts';
import { offlineOf } from '../offline/strings.ts';
import { voiceGroups } from './voice-options.ts';
import { dialogStyles } from './dialog.styles.ts';

/** Adopted into the player's shadow root when this chunk loads: the first paint does not carry them. */
export const styles = [
  dialogStyles,
  css`
  [role='menu'] {
    position: absolute;
    z-index: 1;
    top: calc(100% + 0.25rem);
    inset-inline-end: 0;
    width: max-content;
    max-width: min(20rem, calc(100vw - 2rem));
    display: grid;
    padding: 0.25rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menu'] button {
    justify-content: flex-start;
    text-align: start;
    background: transparent;
    border-color: transparent;
  }
  [role='menu'] button {
    width: 100%;
  }
  /* One column for the check mark, kept by every item so their words line up. */
  [role='menu'] [role^='menuitem']::before {
    content: '' / '';
    width: 1.25em;
    flex: none;
  }
  [role='menu'] [aria-checked='true']::before {
    content: '✓' / '';
  }
  /* The sleep timer's submenu opens in place, under its item: one panel, also at 280 px. */
  [role='menu'] #sleep-menu {
    position: static;
    width: auto;
    max-width: none;
    padding: 0 0 0.25rem;
    padding-inline-start: 1.25em;
    background: none;
    border: 0;
    box-shadow: none;
  }
  #sleep::after {
    content: '›' / '';
    margin-inline-start: auto;
    padding-inline-start: 0.75rem;
  }
  #sleep:dir(rtl)::after {
    content: '‹' / '';
  }
  #sleep[aria-expanded='true']::after {
    content: '⌄' / '';
  }
  [role='separator'] {
    border-top: 1px solid var(--_border);
    margin: 0.25rem 0;
  }
    @media (forced-colors: active) {
      [role='menu'] {
        border: 1px solid ButtonText;
      }
    }
  `,
];

type SleepMode = 'end-of-section' | number;

/** What the items show. */
export interface MoreModel {
  state: PlayerState | null;
  /** The article's language: the voices offered are the ones that can read it. */
  lang: string;
  sleepMode: SleepMode | null;
  sleepLeftMs: number | null;
  /** Null where the browser has no screen wake lock (the item is left out). */
  keepAwake: boolean | null;
  followAlong: boolean;
  /** The listener's (or page's) chosen voice id; empty for automatic. */
  chosenVoice: string;
  /** Whether the article is saved for offline listening; null where the player does not remember (the item is left out). */
  saved: boolean | null;
}

/** What the items ask for. */
export interface MoreActions {
  setVoice(id: string | null): void;
  setSleep(mode: SleepMode | null): void;
  setKeepAwake(on: boolean): void;
  setFollowAlong(on: boolean): void;
  setSaved(on: boolean): void;
  help(): void;
  /** Opens the voice dialog (filled in by the menu). */
  voiceDialog?(): void;
}

/** The menu the items are in (more-menu.ts). */
interface Menu {
  close(refocus: boolean): void;
  /** The sleep timer's submenu is open. */
  sub: boolean;
  changed(): Promise<unknown>;
}

const items = (root: ParentNode, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];

/** The menu's own items, in order (not those of the submenu). */
export const menuItems = (root: ParentNode): HTMLElement[] => items(root, '#more-menu [role^="menuitem"]').filter((i) => !i.closest('#sleep-menu'));
/** The sleep timer submenu's choices, while it is open. */
const subItems = (root: ParentNode): HTMLElement[] => items(root, '#sleep-menu [role^="menuitem"]');

/** Opens or closes the sleep timer's submenu; opened, focus goes to its checked choice, closed, back to its item. */
async function setSub(root: ParentNode, menu: Menu, open: boolean): Promise<void> {
  menu.sub = open;
  await menu.changed();
  const sub = subItems(root);
  (open ? (sub.find((i) => i.getAttribute('aria-checked') === 'true') ?? sub[0]) : root.querySelector<HTMLElement>('#sleep'))?.focus();
}

/**
 * Arrows move (wrapping), Home/End go to the ends, Escape closes and gives
 * focus back to the button. On "Sleep timer", the arrow toward the reading
 * end (Right, Left in right-to-left) opens its submenu; inside it, the other
 * arrow or Escape closes it, back on its item.
 */
export function onMenuKey(e: KeyboardEvent, menu: Menu): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const root = (e.currentTarget as Element).getRootNode() as ParentNode;
  const target = e.target as HTMLElement;
  const inSub = !!target.closest('#sleep-menu');
  const list = inSub ? subItems(root) : menuItems(root);
  const at = list.indexOf(target);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
  const rtl = target.matches(':dir(rtl)');
  const inward = e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
  const outward = e.key === (rtl ? 'ArrowRight' : 'ArrowLeft');
  if ((inSub && (outward || e.key === 'Escape')) || (!inSub && inward && target.id === 'sleep')) {
    e.preventDefault();
    e.stopPropagation();
    void setSub(root, menu, !inSub);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    menu.close(true);
  } else if (to !== undefined) {
    // Handled here, so the player's shortcuts (arrows = sentence) do not also run.
    e.preventDefault();
    list[(to + list.length) % list.length]?.focus();
  }
}

/** Tab (or a click elsewhere) leaves the menu: it closes, and focus stays where it went. */
export function onMenuFocusOut(e: FocusEvent, menu: Menu): void {
  const next = e.relatedTarget as Element | null;
  if (next && !(e.currentTarget as Element).contains(next) && next.id !== 'more') menu.close(false);
}

/** An item did its job: the menu closes and focus returns to its button (the voice dialog takes focus itself). The sleep item opens or closes its submenu. */
export function onMenuClick(e: Event, menu: Menu): void {
  const item = (e.target as Element).closest('[role^="menuitem"]');
  if (item?.id === 'sleep') void setSub(item.getRootNode() as ParentNode, menu, !menu.sub);
  else if (item) menu.close(!item.hasAttribute('data-dialog'));
}

const SLEEP: readonly (SleepMode | null)[] = [null, 'end-of-section', 15, 30, 60];

type Strings = CoreStrings & MenuStrings;

// Merged once per catalogue: the voice dialog is rendered with every render of the player.
const merged = new WeakMap<UiStrings, Strings>();

/** The catalogue with the menu's words: English's come with this chunk, other languages have their own. */
function words(t: UiStrings): Strings {
  let w = merged.get(t);
  if (!w) merged.set(t, (w = { ...menuStrings, ...t }));
  return w;
}

/**
 * "Automatic: Daniel (English (United Kingdom))": what automatic resolved to,
 * once the voice is known. A name that already says its language
 * ("Microsoft Zira - English (United States)") is not told it twice.
 */
function automatic(t: Strings, s: PlayerState | null, lang: string): string {
  const v = s?.voice;
  if (!v) return t.automaticVoice(lang);
  const language = t.languageName(v.lang);
  return t.automaticNamed(v.name.includes(language) ? v.name : `${v.name} (${language})`);
}

/** What the sleep item says the timer is doing: "Off", "End of this section", "12 min left". */
function sleepState(t: Strings, m: MoreModel): string {
  if (m.sleepLeftMs !== null) return t.sleepLeft(m.sleepLeftMs);
  return m.sleepMode === 'end-of-section' ? t.sleepEndOfSection : t.sleepOff;
}

export function renderItems(ui: UiStrings, m: MoreModel, a: MoreActions, menu: Pick<Menu, 'sub'>): TemplateResult {
  const t = words(ui);
  const s = m.state;
  const chosen = m.chosenVoice;
  const voiceName = chosen && s?.voice ? s.voice.name : automatic(t, s, m.lang);
  const item = (role: string, label: unknown, run: () => void, checked?: boolean, id?: string) =>
    html`<button type="button" role=${role} tabindex="-1" id=${id ?? nothing}
      aria-checked=${checked === undefined ? nothing : checked ? 'true' : 'false'} @click=${run}>${label}</button>`;
  return html`${html`<button type="button" role="menuitem" tabindex="-1" data-dialog aria-haspopup="dialog"
      @click=${() => a.voiceDialog?.()}>${t.voiceItem(voiceName)}</button>`}
    <button type="button" role="menuitem" tabindex="-1" id="sleep" aria-haspopup="menu" aria-expanded=${menu.sub ? 'true' : 'false'}
      aria-controls=${menu.sub ? 'sleep-menu' : nothing}>${t.sleepItem(sleepState(t, m))}</button>
    ${menu.sub
      ? html`<div role="menu" id="sleep-menu" aria-labelledby="sleep">
          ${SLEEP.map((mode) =>
            item('menuitemradio', mode === null ? t.sleepOff : mode === 'end-of-section' ? t.sleepEndOfSection : t.sleepMinutes(mode), () => a.setSleep(mode), m.sleepMode === mode),
          )}
        </div>`
      : nothing}
    <div role="separator"></div>
    ${m.keepAwake === null ? nothing : item('menuitemcheckbox', t.keepScreenOn, () => a.setKeepAwake(!m.keepAwake), m.keepAwake, 'keep-awake')}
    ${item('menuitemcheckbox', t.followAlong, () => a.setFollowAlong(!m.followAlong), m.followAlong, 'follow')}
    ${m.saved === null ? nothing : item('menuitemcheckbox', offlineOf(ui).saveForOffline, () => a.setSaved(!m.saved), m.saved, 'save-offline')}
    ${item('menuitem', t.keyboardHelp, a.help)}`;
}

/** The voice picker: a native select in a small modal dialog (lists can hold thousands of voices, too many for a menu). */
export function renderVoiceDialog(ui: UiStrings, m: MoreModel, a: MoreActions): TemplateResult {
  const t = words(ui);
  const s = m.state;
  const chosen = m.chosenVoice;
  return html`<dialog id="voice-dialog" part="voice-dialog" aria-labelledby="voice-title"
    @close=${(e: Event) => ((e.currentTarget as Element).getRootNode() as ShadowRoot).querySelector<HTMLElement>('#more')?.focus()}>
    <h2 id="voice-title">${t.voice}</h2>
    <div part="voice" class="field">
      <label for="voice">${t.voice}</label>
      <select id="voice" @change=${(e: Event) => a.setVoice((e.target as HTMLSelectElement).value || null)}>
        ${guard([s?.voices, chosen, m.lang, s?.voice], () => voiceOptions(t, s, s?.voices ?? [], chosen, m.lang))}
      </select>
    </div>
    <button type="button" @click=${(e: Event) => (e.target as Element).closest('dialog')?.close()}>${t.done}</button>
  </dialog>`;
}

/** Rendered only when the voices, the choice or the language change: lists can hold thousands. */
function voiceOptions(t: Strings, s: PlayerState | null, voices: readonly VoiceInfo[], chosen: string, lang: string): TemplateResult {
  return html`<option value="" ?selected=${!chosen}>${automatic(t, s, lang)}</option>
    ${voiceGroups(voices, lang, t.languageName).map(
      (g) => html`<optgroup label=${g.label}>
        ${g.voices.map((v) => html`<option value=${v.id} ?selected=${v.id === chosen}>${v.name}</option>`)}
      </optgroup>`,
    )}`;
}
