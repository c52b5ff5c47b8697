import { css } from 'lit';

/**
 * The bar, the More menu and the contents. Mobile first: from 280 px the bar
 * is three rows (Play · label · More, then skip buttons · speed, then the
 * scrubber); from 36rem two. Container queries, not media queries: the
 * player is as wide as the column a page gives it.
 */
export const barStyles = css`
  .base {
    position: relative;
  }
  /* Narrow: the title, byline and contents give the first screen back to the text. */
  @container (max-width: 35.99rem) {
    #title {
      font-size: 1.25rem;
    }
    nav {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    nav > :first-child {
      flex: none;
    }
    .layout {
      gap: 0.5rem;
    }
    nav ol {
      margin: 0;
    }
  }
  .bar {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas: 'play label more' 'skip skip speed' 'progress progress progress';
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-width: 0;
  }
  @container (min-width: 36rem) {
    .bar {
      grid-template-columns: auto auto minmax(0, 1fr) auto auto;
      grid-template-areas: 'play label label speed more' 'play skip progress progress progress';
    }
  }
  .play {
    grid-area: play;
    border-radius: 999px;
    min-width: 3rem;
    min-height: 3rem;
  }
  @container (max-width: 23.99rem) {
    .play {
      padding: 0;
    }
    .play-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  .label {
    grid-area: label;
    margin: 0;
    min-width: 0;
    display: grid;
    font-size: 0.9375rem;
    color: var(--_muted);
  }
  /* The words may wrap; the length never leaves the last word (a no-break space before it, none inside it). */
  .len {
    white-space: nowrap;
  }
  @container (max-width: 23.99rem) {
    .label {
      font-size: 0.875rem;
    }
  }
  .bar-title {
    color: var(--_fg);
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* The title in its own direction (it is cut at its own end), placed at the interface's start. */
  .label:dir(ltr) .bar-title {
    text-align: left;
  }
  .label:dir(rtl) .bar-title {
    text-align: right;
  }
  /* Time runs left to right in every language, as in platform media players: the skip
     buttons, their arrow keys and the timeline stay in that order (and agree with their icons)
     while the rest of the bar mirrors. */
  .skip,
  .progress {
    direction: ltr;
  }
  .skip {
    grid-area: skip;
    display: flex;
    gap: 0.25rem;
  }
  .skip button {
    min-width: 40px;
    min-height: 40px;
  }
  .progress {
    grid-area: progress;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
  }
  .progress input {
    flex: 1 1 auto;
    min-width: 4rem;
  }
  .time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
  }
  .chip {
    grid-area: speed;
    justify-self: end;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 40px;
    min-width: 3.75rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .more {
    grid-area: more;
    position: relative;
    justify-self: end;
  }
  .skip-link {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: 0.5rem;
    z-index: 2;
    padding: 0.5rem 0.75rem;
    background: var(--_bg);
  }
  #player-end {
    top: auto;
    bottom: 0.5rem;
  }

  nav {
    min-width: 0;
  }
  /* The text starts at its first line, not a heading's margin below the contents. */
  .text > section:first-child > :first-child {
    margin-top: 0;
  }
  nav > :first-child {
    font-size: 1rem;
    margin: 0;
  }
  nav ol {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    display: flex;
    gap: 0.25rem;
    overflow-x: auto;
  }
  nav li {
    flex: none;
  }
  nav button {
    justify-content: flex-start;
    text-align: start;
    background: transparent;
    border-color: transparent;
    max-width: 16rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    display: block;
  }
  @container (min-width: 48rem) {
    nav ol {
      display: grid;
      overflow: visible;
    }
    nav button {
      width: 100%;
      max-width: none;
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
  nav button[aria-current='true'] {
    border-color: var(--_accent);
    border-inline-start-width: 4px;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .label,
    .bar-title,
    .time {
      color: CanvasText;
    }
    .chip {
      border: 1px solid ButtonText;
    }
    nav button[aria-current='true'] {
      border-color: Highlight;
    }
  }
`;
