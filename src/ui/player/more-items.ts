/**
 * The More menu's items and the voice dialog: a lazy chunk (see
 * more-menu.ts), so the voice list, the sleep timer's choices and their
 * words cost the first paint nothing. Views only: every choice is a request
 * to the player, and what is checked is read back from what it committed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { PlayerState } from '../../player/types.ts';
import type { VoiceInfo } from '../../speech/types.ts';
import type { Strings } from '../strings.ts';
import { languageName } from '../strings.ts';
import { voiceGroups } from './voice-options.ts';

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
}

/** What the items ask for. */
export interface MoreActions {
  setVoice(id: string | null): void;
  setSleep(mode: SleepMode | null): void;
  setKeepAwake(on: boolean): void;
  setFollowAlong(on: boolean): void;
  help(): void;
  /** Opens the voice dialog (filled in by the menu). */
  voiceDialog?(): void;
}

const SLEEP: readonly (SleepMode | null)[] = [null, 'end-of-section', 15, 30, 60];

/** "Automatic: Daniel (English (United Kingdom))": what automatic resolved to, once the voice is known. */
function automatic(t: Strings, s: PlayerState | null, lang: string): string {
  const v = s?.voice;
  return v ? t.automaticNamed(`${v.name} (${languageName(v.lang)})`) : t.automaticVoice(lang);
}

export function renderItems(t: Strings, m: MoreModel, a: MoreActions): TemplateResult {
  const s = m.state;
  const chosen = m.chosenVoice;
  const voiceName = chosen && s?.voice ? s.voice.name : automatic(t, s, m.lang);
  const item = (role: string, label: unknown, run: () => void, checked?: boolean, id?: string) =>
    html`<button type="button" role=${role} tabindex="-1" id=${id ?? nothing}
      aria-checked=${checked === undefined ? nothing : checked ? 'true' : 'false'} @click=${run}>${label}</button>`;
  return html`${html`<button type="button" role="menuitem" tabindex="-1" data-dialog aria-haspopup="dialog"
      @click=${() => a.voiceDialog?.()}>${t.voiceItem(voiceName)}</button>`}
    <div role="group" aria-labelledby="sleep-label">
      <span id="sleep-label" class="menu-label">${t.sleepTimer}${m.sleepLeftMs !== null ? ` (${t.sleepLeft(m.sleepLeftMs)})` : ''}</span>
      ${SLEEP.map((mode) =>
        item('menuitemradio', mode === null ? t.sleepOff : mode === 'end-of-section' ? t.sleepEndOfSection : t.sleepMinutes(mode), () => a.setSleep(mode), m.sleepMode === mode),
      )}
    </div>
    <div role="separator"></div>
    ${m.keepAwake === null ? nothing : item('menuitemcheckbox', t.keepScreenOn, () => a.setKeepAwake(!m.keepAwake), m.keepAwake, 'keep-awake')}
    ${item('menuitemcheckbox', t.followAlong, () => a.setFollowAlong(!m.followAlong), m.followAlong, 'follow')}
    ${item('menuitem', t.keyboardHelp, a.help)}`;
}

/** The voice picker: a native select in a small modal dialog (lists can hold thousands of voices, too many for a menu). */
export function renderVoiceDialog(t: Strings, m: MoreModel, a: MoreActions): TemplateResult {
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
    ${voiceGroups(voices, lang).map(
      (g) => html`<optgroup label=${g.label}>
        ${g.voices.map((v) => html`<option value=${v.id} ?selected=${v.id === chosen}>${v.name}</option>`)}
      </optgroup>`,
    )}`;
}
