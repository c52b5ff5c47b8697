/**
 * Sentence segmentation. PLACEHOLDER: raw Intl.Segmenter until the rules land.
 * Contract: returns the sentences of `text` in order, each trimmed, non-empty;
 * joined with single spaces they equal the text with whitespace collapsed.
 */
export function splitSentences(text: string, lang: string): string[] {
  const seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const out: string[] = [];
  for (const s of seg.segment(text)) {
    const t = s.segment.trim();
    if (t) out.push(t);
  }
  return out;
}
