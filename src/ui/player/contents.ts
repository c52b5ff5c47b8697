import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { UiStrings as Strings } from '../strings.ts';
import { heading } from './article-view.ts';

/** What the contents show. */
export interface ContentsModel {
  strings: Strings;
  labels: readonly (string | null)[];
  /** The section being read (aria-current). */
  current: number;
  headingLevel: number;
}

/**
 * The table of contents as one composite widget: one Tab stop (roving
 * tabindex), Up/Down (and Left/Right, for the one-row narrow layout) move,
 * Home/End go to the ends, Enter or Space jumps there. The Tab stop follows
 * the section being read until the listener moves it, then stays where they
 * left it (as the APG's composite widgets do).
 */
export class Contents {
  /** The entry holding the Tab stop; null: the current section's. */
  #focus: number | null = null;

  constructor(private readonly jump: (section: number) => void) {}

  /** Rendered again only when the sections, the current one, the Tab stop or the words change: the player renders at every word. */
  render(m: ContentsModel): TemplateResult {
    const t = m.strings;
    const stop = Math.min(this.#focus ?? m.current, m.labels.length - 1);
    return html`<nav part="toc" aria-labelledby="toc-title" @keydown=${this.#onKey}>
      ${heading(m.headingLevel, t.contents, 'toc-title')}
      <ol>
        ${guard([m.labels, m.current, stop, t], () =>
          m.labels.map(
          (label, i) => html`<li><button type="button" tabindex=${i === stop ? 0 : -1} aria-current=${i === m.current ? 'true' : 'false'}
            @click=${() => {
              this.#focus = i;
              this.jump(i);
            }}>${label ?? t.untitledSection}</button></li>`,
          ),
        )}
      </ol>
    </nav>`;
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const last = buttons.length - 1;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: last };
    const to = moves[e.key];
    if (to === undefined) return;
    // Handled here, so the player's shortcuts (arrows = sentence) do not also run.
    e.preventDefault();
    this.#move(buttons, Math.max(0, Math.min(last, to)));
  };

  #move(buttons: HTMLButtonElement[], to: number): void {
    this.#focus = to;
    for (const [i, b] of buttons.entries()) b.tabIndex = i === to ? 0 : -1;
    buttons[to]?.focus();
  }
}
