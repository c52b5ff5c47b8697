/**
 * Candidate boundaries Intl.Segmenter does not propose, for segment.ts to
 * decide with the rules of segment-rules.ts: "…" before whitespace, bullets
 * in mid-line, glued Armenian and Ethiopic stops, and the later markers of an
 * inline list.
 */
import { isWs, isLineBreak, ELLIPSIS, isTerminal, isQuoteOrBracket, isDigit, isGluedStop } from './segment-chars.ts';

const EXTRA_RE = /[\u2026\u2022\u2023\u25a0\u25aa\u25b8\u25ba\u25cf\u25e6\u0589\u1362\u1367\u1368]/g;

/**
 * Boundaries Intl does not propose: "…" followed by whitespace (decided like
 * "..."), and a bullet glyph standing between spaces in mid-line (forced; stored
 * as -pos-1). One native regex pass over the text.
 */
export function extraCandidates(text: string): number[] | null {
  let out: number[] | null = null;
  EXTRA_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const len = text.length;
  while ((m = EXTRA_RE.exec(text)) !== null) {
    const i = m.index;
    if (isGluedStop(text.charCodeAt(i))) {
      // Armenian and Ethiopic stops need no space: the next sentence may start right after.
      if (i + 1 < len && !isWs(text.charCodeAt(i + 1)) && !isTerminal(text.charCodeAt(i + 1))) (out ??= []).push(i + 1);
    } else if (text.charCodeAt(i) === ELLIPSIS) {
      let k = i + 1;
      while (k < len && isQuoteOrBracket(text.charCodeAt(k))) k++;
      if (k < len && isWs(text.charCodeAt(k))) {
        let b = k;
        while (b < len && isWs(text.charCodeAt(b))) b++;
        if (b < len) (out ??= []).push(b);
      }
    } else if (i > 0 && isWs(text.charCodeAt(i - 1)) && !isLineBreak(text.charCodeAt(i - 1)) && i + 1 < len && isWs(text.charCodeAt(i + 1))) {
      (out ??= []).push(-i - 1);
    }
  }
  return listChain(text, out);
}

// A marker at a word start: "1.", "2)", "1.)", "a.", "• 9.", "⁃10.".
const MARKER_RE = /(?<![^\s:;])([\u2022\u2043]\s?)?(\d{1,3}|[A-Za-z])(\.\)|[.)])(?=\s)/g;

/**
 * An inline list, "1) The first item 2) The second item": markers counting
 * up by one from a first one that opens the text, a line or a colon, in one
 * style. Each later marker starts an item (a forced candidate), so an item
 * without a final mark still ends where the next marker begins. A lone "2."
 * in prose is no chain: it needs the "1." before it.
 */
function listChain(text: string, out: number[] | null): number[] | null {
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prev = -2;
  let style = '';
  while ((m = MARKER_RE.exec(text)) !== null) {
    const tok = m[2]!;
    const digit = isDigit(tok.charCodeAt(0));
    const value = digit ? Number(tok) : tok.charCodeAt(0);
    const s = (digit ? 'd' : tok < 'a' ? 'u' : 'l') + (m[1] ? 'b' : '') + m[3];
    if (prev >= 0 && s === style && value === prev + 1) {
      (out ??= []).push(-m.index - 1);
      prev = value;
      continue;
    }
    let k = m.index;
    while (k > 0 && isWs(text.charCodeAt(k - 1)) && !isLineBreak(text.charCodeAt(k - 1))) k--;
    const head = k === 0 || isLineBreak(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 58;
    const first = m[1] !== undefined || (digit ? value === 1 : tok === 'a' || tok === 'A');
    prev = head && first ? value : -2;
    style = s;
  }
  return out;
}
