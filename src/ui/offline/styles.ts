import { css } from 'lit';

/**
 * Shared by the offline pieces. They sit inside <aloud-player>'s shadow root,
 * so its private custom properties (--_accent…) reach them; the fallbacks
 * keep them usable on their own.
 */
export const offlineStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    color: inherit;
    min-height: 44px;
    min-width: 44px;
    border: 1px solid var(--_border, #767b83);
    border-radius: var(--_radius, 0.5rem);
    background: var(--_surface, #f2f4f7);
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_fg, currentColor);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus, #0b57d0);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent, #0b57d0);
    color: var(--_on-accent, #ffffff);
    border-color: var(--_accent, #0b57d0);
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .muted {
    color: var(--_muted, #52575e);
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    .primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    button.saved {
      border-width: 3px;
    }
  }
`;
