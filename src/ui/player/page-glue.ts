import { adoptStyles, css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { PlayerChangeEvent, PlayerState } from '../../player/types.ts';
import { PageModeController, type PageModeHost } from '../../page/page-mode.ts';
import { strings as t } from '../strings.ts';

const styles = css`
  .caption {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_highlight);
    font-family: var(--_text-font);
  }
`;

/** What page mode tells the player element. */
export interface PageGlueOptions {
  target(): string;
  lang(): string;
  /** The listener's follow-along switch: whether the page scrolls to the sentence. */
  following(): boolean;
  /** The page element is missing or has nothing to read. */
  onError(code: 'missing-element' | 'empty-article', message: string): void;
}

/**
 * `<aloud-player for="story">`: the element's side of page mode, around
 * src/page's PageModeController (which reads the page's element into the
 * player's `article` and highlights the store's place in the page). A lazy
 * chunk, loaded only when `for` is set.
 */
export class PageGlue {
  readonly controller: PageModeController;

  constructor(host: PageModeHost & LitElement, options: PageGlueOptions) {
    const root = host.renderRoot as ShadowRoot;
    // Beside the player's own styles (adoptStyles alone would replace them).
    if (styles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    else adoptStyles(root, [styles]);
    this.controller = new PageModeController(host, {
      target: options.target,
      lang: options.lang,
      following: options.following,
      onError: (error) => options.onError(error.code, error.message),
    });
  }

  /**
   * PageModeController repaints on position, word and status changes; the
   * end of a title or heading announcement changes none of them, so the
   * first body sentence after one is shown from here.
   */
  onChange({ state: s, changes }: PlayerChangeEvent): void {
    const h = this.controller.highlighter;
    if (h && changes.has('announcing') && !s.announcing && (s.status === 'playing' || s.status === 'paused')) {
      h.show(s.position?.sentenceId ?? null, s.word?.sentenceId === s.position?.sentenceId ? s.word : null);
    }
  }

  /**
   * Where the browser cannot paint highlights (no CSS Custom Highlight API),
   * the current sentence is shown as a caption instead. Not a live region:
   * sentences are never announced one by one.
   */
  caption(state: PlayerState | null, lang: string): TemplateResult | typeof nothing {
    const h = this.controller.highlighter;
    const pos = state?.position;
    if (!h || h.highlighting || !pos || (state.status !== 'playing' && state.status !== 'paused')) return nothing;
    const text = state.article?.sections[pos.sectionIndex]?.paragraphs
      .flatMap((para) => para.sentences)
      .find((x) => x.id === pos.sentenceId)?.text;
    return text ? html`<p part="caption" class="caption" lang=${lang}><span class="sr-only">${t.nowReading}: </span>${text}</p>` : nothing;
  }
}
