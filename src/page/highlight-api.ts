/**
 * The CSS Custom Highlight API as the player uses it, shared by the player's
 * own text view and page mode: both paint under the same names, so one
 * `::highlight()` rule styles either.
 */

/** Highlight names in `CSS.highlights` (style them with `::highlight(name)`). */
export const SENTENCE_HIGHLIGHT = 'aloud-sentence';
export const WORD_HIGHLIGHT = 'aloud-word';

/** Whether this browser has the CSS Custom Highlight API (`Highlight` and `CSS.highlights`). */
export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}
