import { css } from 'lit';

// Colours: every text/background pair meets WCAG AA (4.5:1); focus rings and
// control borders meet 3:1 against the background, in both schemes.

/** The dark scheme's colours: for theme=auto under a dark preference, and for theme=dark. */
const darkColours = css`
  --_bg: var(--aloud-bg, #16181d);
  --_fg: var(--aloud-fg, #f1f2f4);
  --_muted: var(--aloud-muted, #b9bec7);
  --_accent: var(--aloud-accent, #8ab4f8);
  --_on-accent: var(--aloud-on-accent, #0b1a33);
  --_border: var(--aloud-border, #8b919b);
  --_surface: var(--aloud-surface, #23262d);
  --_highlight: var(--aloud-highlight, #4d4100);
  --_word: var(--aloud-word, #ffd24d);
  --_focus: var(--aloud-focus, #8ab4f8);
  --_danger: var(--aloud-danger, #ffb4ab);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_bg: var(--aloud-bg, #ffffff);
    --_fg: var(--aloud-fg, #1a1a1a);
    --_muted: var(--aloud-muted, #52575e);
    --_accent: var(--aloud-accent, #0b57d0);
    --_on-accent: var(--aloud-on-accent, #ffffff);
    --_border: var(--aloud-border, #767b83);
    --_surface: var(--aloud-surface, #f2f4f7);
    --_highlight: var(--aloud-highlight, #fff1a8);
    --_word: var(--aloud-word, #8a4b00);
    --_word-fg: var(--aloud-word-fg, var(--_bg));
    --_mark: var(--aloud-highlight-underline, var(--_word));
    --_focus: var(--aloud-focus, #0b57d0);
    --_danger: var(--aloud-danger, #b3261e);
    --_radius: var(--aloud-radius, 0.5rem);
    --_font: var(--aloud-font, system-ui, sans-serif);
    --_text-font: var(--aloud-text-font, Georgia, 'Times New Roman', serif);
    display: block;
    color-scheme: light;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--_font);
    line-height: 1.5;
    border-radius: var(--_radius);
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkColours}
    }
  }
  :host([theme='dark']) {
    ${darkColours}
  }

  * {
    box-sizing: border-box;
  }
  /* The container for the wide layout; not the host, whose containment would trap the fixed mini-player. */
  .base {
    container-type: inline-size;
    padding: 1rem;
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  /* "Skip player" and where it lands: hidden like .sr-only until focused. */
  .sr-only,
  .skip-link:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  header > * {
    margin: 0;
  }
  .kicker,
  .byline {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  /* Page mode without the CSS Custom Highlight API: the current sentence, shown under the bar. */
  .caption {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_highlight);
    font-family: var(--_text-font);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  button,
  select {
    font: inherit;
    color: inherit;
    min-height: 44px;
    min-width: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  input[type='range'] {
    accent-color: var(--_accent);
    min-height: 44px;
    margin: 0;
  }
  .compact {
    padding: 0.5rem;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
  }
  button:hover {
    border-color: var(--_fg);
  }
  .icon {
    padding: 0;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
    fill-rule: evenodd;
    flex: none;
  }
  .play {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);

  }

  .layout {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr);
      align-items: start;
    }
  }

  .text-wrap {
    position: relative;
    min-width: 0;
  }
  .text {
    font-family: var(--_text-font);
    font-size: var(--aloud-text-size, 1.125rem);
    line-height: 1.7;
    max-height: var(--aloud-text-max-height, 70vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    overflow-wrap: anywhere;
    padding: 0 0.5rem;
  }
  .text blockquote {
    margin-inline: 1rem 0;
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_border);
  }
  .text .credit {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .s {
    cursor: pointer;
    border-radius: 0.2em;
  }
  .s:hover {
    text-decoration: underline dotted;
  }
  /* WCAG 1.4.11: the tint alone is faint against the page, so an underline
     of at least 3:1 against both marks the sentence; the word inverts
     (a dark word on a light tint, a light one on a dark tint), at least 3:1
     against the sentence. test/e2e/highlight-contrast.e2e.ts measures it. */
  .s.current {
    background: var(--_highlight);
    text-decoration: underline 2px var(--_mark);
    text-underline-offset: 0.25em;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  ::highlight(aloud-word) {
    background-color: var(--_word);
    color: var(--_word-fg);
  }
  .back {
    position: sticky;
    bottom: 0.5rem;
    margin: 0.5rem auto 0;
    display: flex;
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }

  .busy {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  .play .spinner {
    width: 1.1rem;
    height: 1.1rem;
    flex: none;
    border-color: transparent;
    border-top-color: currentColor;
    border-right-color: currentColor;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 4s;
    }
  }
  .error {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  .error > * {
    margin: 0 0 0.5rem;
  }
  .error .detail {
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    /* System colours from the top: with theme="dark" the forced palette must not mix schemes. */
    :host {
      color-scheme: light dark;
      color: CanvasText;
      background: Canvas;
    }
    .kicker,
    .byline,
    .detail {
      color: CanvasText;
    }
    button,
    select,
    dialog,
    .error {
      border: 1px solid ButtonText;
    }
    .play,
    .back {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .s.current {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      text-decoration-color: HighlightText;
      outline: 2px solid CanvasText;
    }
    /* A gap of Canvas in the Highlight: the one system pair every
       high-contrast theme keeps apart (CanvasText on Highlight is not). */
    ::highlight(aloud-word) {
      background-color: Canvas;
      color: CanvasText;
    }
  }
`;
