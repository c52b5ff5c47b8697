import { adoptStyles, css, html, nothing, type CSSResult, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { UiStrings } from '../strings.ts';

/** What the mini-player asks the player element. */
export interface MiniPlayerOptions {
  /** True while a listener would want the bar: playing, or paused after playing. */
  listening(): boolean;
  /** The article title shown in the bar. */
  title(): string;
  /** The article's language (the title's `lang`; its direction is found from its own letters). */
  lang(): string;
  /** The transport buttons, rendered by the player so they behave exactly as its own. */
  controls(): TemplateResult;
}

/** Adds a lazy piece's styles beside the player's own (adoptStyles alone would replace them). */
export function addStyles(root: ShadowRoot, sheet: CSSResult): void {
  if (sheet.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet];
  else adoptStyles(root, [sheet]); // no constructable stylesheets: Lit appends a <style>
}

const CLOSE = 'M6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';

/** Window edges covered by the player's own bars, in CSS px (for follow-along scrolling). */
export interface Insets {
  top: number;
  bottom: number;
}

// The stacking level is modest on purpose (9: above a page's ordinary
// positioned content, below the cookie banners, menus and dialogs that
// usually sit at 10 and up); a page raises it with --aloud-mini-player-z-index.
const styles = css`
  .mini {
    position: fixed;
    inset: auto 0 0;
    z-index: var(--aloud-mini-player-z-index, 9);
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem max(0.5rem, env(safe-area-inset-right)) max(0.5rem, env(safe-area-inset-bottom)) max(0.5rem, env(safe-area-inset-left));
    color: var(--_fg);
    background: var(--_bg);
    border-top: 2px solid var(--_border);
    box-shadow: 0 -2px 8px rgb(0 0 0 / 0.2);
    font-family: var(--_font);
  }
  :host([mini-position='top']) .mini {
    inset: 0 0 auto;
    padding-top: max(0.5rem, env(safe-area-inset-top));
    padding-bottom: 0.5rem;
    border-top: 0;
    border-bottom: 2px solid var(--_border);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  /* The title first (what is playing, then its controls), on at most two
     lines and never wider than it needs to be read: an ellipsis after that. */
  .mini p {
    flex: 1;
    min-width: 0;
    max-width: 40rem;
    margin: 0 auto 0 0;
    font-weight: 600;
    line-height: 1.3;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  /* A phone keeps the title readable: play, title and close only (the
     player itself, and its shortcuts, still skip). */
  @media (max-width: 30rem) {
    .mini [part='transport-button'] {
      display: none;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .mini {
      animation: rise 0.2s ease-out;
    }
    :host([mini-position='top']) .mini {
      animation-name: drop;
    }
  }
  @keyframes rise {
    from {
      transform: translateY(100%);
    }
  }
  @keyframes drop {
    from {
      transform: translateY(-100%);
    }
  }
  @media (forced-colors: active) {
    .mini {
      border-color: CanvasText;
    }
  }
`;

/**
 * The sticky mini-player (`<aloud-player sticky>`): when the player scrolls
 * out of view while the listener is listening, a compact bar stays fixed at
 * the bottom of the viewport (`mini-position="top"`: the top). Close hides
 * it until the player has been back in view. A page control that gets
 * keyboard focus under the bar is scrolled clear of it (WCAG 2.2, 2.4.11
 * Focus Not Obscured), and {@link obscured} tells follow-along how much of
 * the window it covers. A lazy chunk: pages that do not ask for it never
 * load it.
 */
export class MiniPlayerController implements ReactiveController {
  private offscreen = false;
  private closed = false;
  private observer: IntersectionObserver | null = null;
  constructor(
    private readonly host: LitElement & { readonly strings: UiStrings },
    private readonly options: MiniPlayerOptions,
  ) {
    host.addController(this);
    addStyles(host.renderRoot as ShadowRoot, styles);
    host.requestUpdate();
  }

  hostConnected(): void {
    if (this.observer || typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver((entries) => {
      const off = !entries[entries.length - 1]!.isIntersecting;
      if (!off) this.closed = false;
      if (off !== this.offscreen) {
        this.offscreen = off;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.offscreen = false;
    document.removeEventListener('focusin', this.unobscure, true);
  }

  hostUpdated(): void {
    const shown = this.bar() !== null;
    if (shown && this.host.isConnected) document.addEventListener('focusin', this.unobscure, true);
    else document.removeEventListener('focusin', this.unobscure, true);
  }

  /** How much of the window the bar covers now (nothing while it is hidden). */
  obscured(): Insets {
    const bar = this.bar();
    const h = bar ? bar.offsetHeight : 0;
    return this.top() ? { top: h, bottom: 0 } : { top: 0, bottom: h };
  }

  /** True while the player is out of view (for tests and the host). */
  get away(): boolean {
    return this.offscreen;
  }

  dispose(): void {
    this.hostDisconnected();
    this.host.removeController(this);
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.offscreen || this.closed || !this.options.listening()) return nothing;
    const t = this.host.strings;
    return html`<div part="mini-player" class="mini" role="region" aria-label=${t.miniPlayer}>
      <p lang=${this.options.lang()} dir="auto">${this.options.title()}</p>
      ${this.options.controls()}
      <button type="button" class="icon" title=${t.closeMiniPlayer} @click=${this.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${CLOSE}></path></svg><span class="sr-only">${t.closeMiniPlayer}</span>
      </button>
    </div>`;
  }

  private top(): boolean {
    return this.host.getAttribute('mini-position') === 'top';
  }

  private bar(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.mini');
  }

  private readonly close = (): void => {
    const root = this.host.renderRoot as ShadowRoot;
    const hadFocus = this.bar()?.contains(root.activeElement);
    this.closed = true;
    this.host.requestUpdate();
    // Focus was on Close, which goes: keep it in the player rather than lose it to the page.
    if (hadFocus) void this.host.updateComplete.then(() => this.host.focus({ preventScroll: true }));
  };

  private readonly unobscure = (e: FocusEvent): void => {
    const bar = this.bar();
    const target = e.target;
    if (!bar || !(target instanceof Element) || target === this.host || this.host.contains(target)) return;
    // Where the bar rests, not where its entrance animation has it now.
    const rect = target.getBoundingClientRect();
    if (this.top()) {
      const overlap = bar.offsetHeight - rect.top;
      if (overlap > 0) window.scrollBy({ top: -(overlap + 8) });
      return;
    }
    const overlap = rect.bottom - (window.innerHeight - bar.offsetHeight);
    if (overlap > 0) window.scrollBy({ top: overlap + 8 });
  };
}
