import { html, type TemplateResult } from 'lit';

/**
 * The player's icons: 24-unit SVG paths painted in currentColor, so they
 * follow the theme and forced colours. One mapping everywhere (screen, lock
 * screen, headphones): skip-to-start/end (bar and triangle) move by SECTION
 * like previoustrack/nexttrack; rewind/fast-forward (two triangles) move by
 * SENTENCE like seekbackward/seekforward.
 */
export const icon = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

export const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  replay: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  // ⏮ ⏭: a bar and a triangle.
  prevSection: 'M6 6h2v12H6zm3.5 6 8.5 6V6z',
  nextSection: 'M16 6h2v12h-2zM6 18l8.5-6L6 6z',
  // ⏪ ⏩: two triangles.
  prevSentence: 'M11 18V6l-8.5 6zm.5-6 8.5 6V6z',
  nextSentence: 'M4 18l8.5-6L4 6zm9-12v12l8.5-6z',
  // Three dots in a column (the "more" convention).
  more: 'M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
};
