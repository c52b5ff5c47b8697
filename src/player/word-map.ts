/**
 * Maps a word boundary in the spoken text (the sentence's `speak`) to the
 * displayed text (`text`), for follow-along highlighting.
 */

const WORD = /\S+/g;

/** The word of `text` that contains or follows `index`, as [start, end). */
function wordAt(text: string, index: number): [number, number] {
  WORD.lastIndex = 0;
  let last: [number, number] | null = null;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (index < end) return [start, end];
    last = [start, end];
  }
  return last ?? [0, text.length];
}

/**
 * Display offsets [start, end) for a boundary at `charIndex` (length
 * `charLength`, 0 when the engine did not say) in `spoken`.
 *
 * When the spoken and displayed texts are the same the mapping is exact. When
 * they differ (abbreviations expanded, URLs shortened) there is no alignment
 * in the article format, so the boundary's relative place in the spoken text
 * is carried over and snapped to the displayed word there: close enough to
 * follow along, never outside the sentence.
 */
export function mapBoundary(display: string, spoken: string, charIndex: number, charLength: number): [number, number] {
  if (display === spoken) {
    const [ws, we] = wordAt(display, charIndex);
    if (charLength > 0 && charIndex >= 0 && charIndex + charLength <= display.length) {
      return [charIndex, charIndex + charLength];
    }
    return [Math.max(ws, Math.min(charIndex, we)), we];
  }
  const ratio = spoken.length > 0 ? Math.min(1, Math.max(0, charIndex / spoken.length)) : 0;
  return wordAt(display, Math.floor(ratio * display.length));
}
