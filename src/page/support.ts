/** Whether this browser has the CSS Custom Highlight API (`Highlight` and `CSS.highlights`). */
export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}
