import { html, nothing, type TemplateResult } from 'lit';
import type { PlayerState } from '../../player/types.ts';
import { MAX_RATE, MIN_RATE } from '../../player/types.ts';
import { roundRate, stepRate } from '../../player/settings.ts';
import type { UiStrings as Strings } from '../strings.ts';
import { estimateTimes, type ArticleIndex } from './article-index.ts';
import { ICONS, icon } from './icons.ts';

/** What the bar shows: the player's committed state, read each render. */
export interface BarModel {
  strings: Strings;
  state: PlayerState | null;
  index: ArticleIndex;
  rate: number;
  busy: boolean;
  /** Shown under the label where the page does not show the title itself (not in page mode or the full layout). */
  title: string | null;
  /** The article's title, always: it tells one player's skip toolbar from another's on a page with several. */
  articleTitle: string;
  /** The name of each section, as the scrubber says it ("Section 3 of 7: Why Mosul is crucial"). */
  sectionText(i: number): string;
  /** The "More" button and its menu, rendered by their own controller. */
  more: TemplateResult;
}

/** What the bar asks for: requests up, the player (and its store) decides. */
export interface BarActions {
  toggle(): void;
  /** A pointer over Play, or focus on it: warm the voice up before the press. */
  prepare(): void;
  previousSection(): void;
  previousSentence(): void;
  nextSentence(): void;
  nextSection(): void;
  /** To the first sentence of section `i`, not announced (the scrubber speaks its own value). */
  goToSection(i: number): void;
  /** To sentence `flat` (0-based over the article); the slider speaks its own value. */
  seekFlat(flat: number): void;
  setRate(rate: number): void;
}

/** A button drawn as an icon, named by its hidden text (and a tooltip for the pointer); `tabindex` set only in the toolbar. */
const iconButton = (label: string, d: string, run: () => void, tabindex?: number) =>
  html`<button type="button" part="transport-button" class="icon" title=${label} tabindex=${tabindex ?? nothing}
    @click=${run}>${icon(d)}<span class="sr-only">${label}</span></button>`;

/** Tapping the speed chip steps through these, as podcast apps do; arrows step by RATE_STEP. */
const PRESETS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 0.5, 0.75];

/**
 * The compact bar, shared by both layouts: Play, a label with the length,
 * previous/next section and sentence (one toolbar, one Tab stop), a
 * scrubber over the whole article that moves by sentence, elapsed and
 * remaining time, the speed chip and the More menu's button. It keeps only
 * what a render needs between frames: the scrubber's value while dragged
 * and which skip button holds the toolbar's Tab stop.
 */
export class Bar {
  /** The sentence under the thumb while the scrubber is dragged (null: follow the player). */
  #preview: number | null = null;
  #skipFocus = 0;

  constructor(
    private readonly actions: BarActions,
    private readonly requestUpdate: () => void,
  ) {}

  render(m: BarModel): TemplateResult {
    const t = m.strings;
    const s = m.state;
    const total = m.index.ids.length;
    const flat = this.#preview ?? s?.position?.flatIndex ?? 0;
    const times = estimateTimes(m.index, flat, m.rate);
    const length = times.elapsed + times.remaining;
    const section = m.index.sectionOf[flat] ?? 0;
    const a = this.actions;
    const skip = (i: number, label: string, d: string, run: () => void) =>
      iconButton(label, d, () => {
        this.#skipFocus = i;
        run();
      }, i === this.#skipFocus ? 0 : -1);
    return html`<div part="controls" class="bar" role="group" aria-label=${t.controls}>
      ${this.#play(m)}
      <p class="label">
        <span class="listen">${t.listenLabel}<span class="len">&nbsp;<span aria-hidden="true">·</span> ${t.minutes(length)}</span></span>
        ${m.title ? html`<span class="bar-title" dir="auto">${m.title}</span>` : nothing}
      </p>
      <div class="skip" role="toolbar" aria-label=${t.skipControls(m.articleTitle)} @keydown=${this.#onSkipKey}>
        ${skip(0, t.previousSection, ICONS.prevSection, a.previousSection)}
        ${skip(1, t.previousSentence, ICONS.prevSentence, a.previousSentence)}
        ${skip(2, t.nextSentence, ICONS.nextSentence, a.nextSentence)}
        ${skip(3, t.nextSection, ICONS.nextSection, a.nextSection)}
      </div>
      <div part="progress" class="progress">
        <span part="time" class="time" aria-hidden="true">${t.elapsedShort(times.elapsed)}</span>
        <input id="position" type="range" min="0" max=${total - 1} step="1" aria-label=${t.position}
          aria-valuetext=${t.positionText(m.sectionText(section), times.elapsed, length)}
          .value=${String(flat)}
          @input=${this.#onScrubInput} @change=${this.#onScrubChange} @keydown=${(e: KeyboardEvent) => this.#onScrubKey(e, m)} />
        <span part="time" class="time" aria-hidden="true">${t.remainingShort(times.remaining)}</span>
      </div>
      <div id="speed" part="speed" class="chip" role="slider" tabindex="0" aria-label=${t.speed}
        aria-valuemin=${MIN_RATE} aria-valuemax=${MAX_RATE} aria-valuenow=${m.rate} aria-valuetext=${t.rateLong(m.rate)}
        @click=${() => a.setRate(PRESETS.find((p) => p > m.rate + 0.01) ?? MIN_RATE)}
        @keydown=${(e: KeyboardEvent) => this.#onSpeedKey(e, m.rate)}>${t.rateShort(m.rate)}</div>
      ${m.more}
    </div>`;
  }

  /** Play / Pause / Play again, or busy while the voice is prepared (then a press cancels). */
  #play(m: BarModel, part = true): TemplateResult {
    const t = m.strings;
    const status = m.state?.status;
    const [label, d] = m.busy
      ? [t.preparingShort, ICONS.play]
      : status === 'playing'
        ? [t.pause, ICONS.pause]
        : status === 'ended'
          ? [t.playAgain, ICONS.replay]
          : [t.play, ICONS.play];
    return html`<button type="button" part=${part ? 'play-button' : nothing} class="play" aria-busy=${m.busy ? 'true' : nothing}
      aria-label=${m.busy ? t.preparingName : nothing} @click=${this.actions.toggle}
      @pointerenter=${this.actions.prepare} @focus=${this.actions.prepare}>
      ${m.busy ? html`<span class="spinner" aria-hidden="true"></span>` : icon(d)}<span class="play-text">${label}</span>
    </button>`;
  }

  /** The mini-player's controls: the same Play and section buttons, without the parts (the bar has them). */
  mini(m: BarModel): TemplateResult {
    const t = m.strings;
    return html`${this.#play(m, false)} ${iconButton(t.previousSection, ICONS.prevSection, this.actions.previousSection)}
    ${iconButton(t.nextSection, ICONS.nextSection, this.actions.nextSection)}`;
  }

  // The toolbar pattern: one Tab stop, arrows move between the four buttons.
  readonly #onSkipKey = (e: KeyboardEvent) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    this.#skipFocus = (this.#skipFocus + d + buttons.length) % buttons.length;
    for (const [i, b] of buttons.entries()) b.tabIndex = i === this.#skipFocus ? 0 : -1;
    buttons[this.#skipFocus]?.focus();
  };

  readonly #onScrubInput = (e: Event) => {
    this.#preview = Number((e.target as HTMLInputElement).value);
    this.requestUpdate();
  };

  readonly #onScrubChange = (e: Event) => {
    this.#preview = null;
    this.actions.seekFlat(Number((e.target as HTMLInputElement).value));
  };

  /** The slider keeps arrows (sentence), Home and End; PageUp/PageDown move by section rather than by tenths. */
  #onScrubKey(e: KeyboardEvent, m: BarModel): void {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const flat = m.state?.position?.flatIndex ?? 0;
    const section = m.index.sectionOf[flat] ?? 0;
    const atStart = m.index.sectionStart[section] === flat;
    // PageUp from mid-section goes to this section's start, as Previous section does.
    this.actions.goToSection(e.key === 'PageDown' ? section + 1 : atStart ? section - 1 : section);
  }

  #onSpeedKey(e: KeyboardEvent, rate: number): void {
    const steps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 5, PageDown: -5 };
    let next: number | null = null;
    if (e.key in steps) next = stepRate(rate, steps[e.key]!);
    else if (e.key === 'Home') next = MIN_RATE;
    else if (e.key === 'End') next = MAX_RATE;
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return;
    // Handled here, so the player's shortcuts (arrows = sentence) leave the slider's keys alone.
    e.preventDefault();
    if (roundRate(next) !== roundRate(rate)) this.actions.setRate(roundRate(next));
  }
}
