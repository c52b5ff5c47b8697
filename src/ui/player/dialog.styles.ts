import { css } from 'lit';

/** The player's dialogs (keyboard help, voice): adopted by their lazy chunks when first loaded. */
export const dialogStyles = css`
  dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(40rem, calc(100vw - 2rem));
    padding: 1.25rem;
  }
  dialog select {
    display: block;
    max-width: 100%;
    margin: 0.25rem 0 1rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog h2 {
    margin-top: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  kbd {
    font-family: ui-monospace, monospace;
  }
`;
