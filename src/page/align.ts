/**
 * Aligning an article's sentences with the text of the page they came from.
 * Pure string code (no DOM), so it is tested in Node.
 *
 * The pipeline changes text in ways that never touch letters: it collapses
 * white space, drops control characters and inserts spaces ("(CNN)Iraqi" →
 * "(CNN) Iraqi"), and a table row's cells are joined with ", ". So both sides
 * are compared with every ignorable character removed (white space, control
 * and zero-width characters, soft hyphens); an exact match of what remains is
 * the fast path, and a loose, order-preserving match handles inserted
 * punctuation.
 */

/**
 * Whether a UTF-16 code unit carries no visible text: the characters
 * collapseWhitespace() turns into one space or removes (JS `\s`, C0 controls,
 * DEL, ZWSP, BOM), plus the soft hyphen, which is invisible unless a line
 * breaks at it.
 */
export function isIgnorable(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0x7f) return false;
  return (
    code === 0x7f ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text` without its ignorable characters. */
export function compact(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (isIgnorable(text.charCodeAt(i))) {
      if (i > from) out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * How many visible characters of `text` come before UTF-16 offset `offset`:
 * a position in the display text turned into a position in its compact form.
 */
export function compactOffset(text: string, offset: number): number {
  let n = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (!isIgnorable(text.charCodeAt(i))) n++;
  return n;
}

/**
 * The visible characters of a run of text pieces (a page's text nodes, in
 * order), each traced back to its piece and its offset in that piece.
 */
export interface CharStream {
  /** Every visible character, concatenated. */
  readonly chars: string;
  /** For each character of `chars`: the index of its piece. */
  readonly piece: Int32Array;
  /** For each character of `chars`: its UTF-16 offset inside its piece. */
  readonly offset: Int32Array;
}

/** Builds the {@link CharStream} of text pieces. */
export function buildStream(pieces: readonly string[]): CharStream {
  let total = 0;
  for (const p of pieces) total += p.length;
  const piece = new Int32Array(total);
  const offset = new Int32Array(total);
  const parts: string[] = [];
  let n = 0;
  for (let p = 0; p < pieces.length; p++) {
    const text = pieces[p]!;
    for (let i = 0; i < text.length; i++) {
      if (isIgnorable(text.charCodeAt(i))) continue;
      piece[n] = p;
      offset[n] = i;
      n++;
    }
    parts.push(compact(text));
  }
  return { chars: parts.join(''), piece: piece.subarray(0, n), offset: offset.subarray(0, n) };
}

/**
 * Where one sentence lies in the stream: `[start, end)` over stream indices.
 * `map`, present only after a loose match, gives the stream index of each
 * compact sentence character (-1 where the page has no such character, e.g.
 * the ", " the parser put between table cells).
 */
export interface StreamSpan {
  start: number;
  end: number;
  map?: Int32Array;
}

// The loose matcher looks this far ahead in the page for the sentence's next
// characters before deciding the sentence has a character the page lacks.
const RESYNC_WINDOW = 64;
const PROBE = 3;
// A loose match must find most of the sentence, or it is no match at all.
const MIN_MATCHED = 0.8;

/**
 * Finds the sentences of an article, in order, in the page's stream. Each
 * search starts where the previous sentence ended, so text the article left
 * out (headings, a date line, a byline) is stepped over, and a repeated
 * sentence ("Yes.") maps to its own occurrence. `null` for a sentence the
 * page does not contain (the page changed since the article was read);
 * the search then carries on from the last match.
 *
 * @param items compact texts (see {@link compact}), in article order.
 * @param anchorOnly indices of items that may match but never move the
 *   search on (section headings: a heading that fails to match where it
 *   stands must not let a later match skip sentences).
 */
export function alignItems(stream: CharStream, items: readonly string[], anchorOnly?: ReadonlySet<number>): (StreamSpan | null)[] {
  const out: (StreamSpan | null)[] = [];
  let cursor = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const span = item ? matchAt(stream.chars, item, cursor) : null;
    out.push(span);
    if (span && !anchorOnly?.has(i)) cursor = span.end;
  }
  return out;
}

function matchAt(chars: string, item: string, from: number): StreamSpan | null {
  const exact = chars.indexOf(item, from);
  if (exact >= 0) return { start: exact, end: exact + item.length };
  return looseMatch(chars, item, from);
}

function looseMatch(chars: string, item: string, from: number): StreamSpan | null {
  // Anchor on the longest prefix (8 down to 3 characters) the page has.
  let j = -1;
  for (let k = Math.min(8, item.length); k >= Math.min(PROBE, item.length) && j < 0; k--) {
    j = chars.indexOf(item.slice(0, k), from);
  }
  if (j < 0) return null;
  const map = new Int32Array(item.length).fill(-1);
  let matched = 0;
  let i = 0;
  while (i < item.length && j < chars.length) {
    if (item.charCodeAt(i) === chars.charCodeAt(j)) {
      map[i++] = j++;
      matched++;
      continue;
    }
    // The page has extra characters here, or the sentence has one the page lacks.
    const next = chars.indexOf(item.slice(i, i + PROBE), j);
    if (next >= 0 && next - j <= RESYNC_WINDOW) j = next;
    else i++;
  }
  if (matched < item.length * MIN_MATCHED) return null;
  let start = -1;
  let last = -1;
  for (const at of map) {
    if (at < 0) continue;
    if (start < 0) start = at;
    last = at;
  }
  return { start, end: last + 1, map };
}

/**
 * The stream range `[start, end)` of compact characters `[from, to)` of a
 * matched item, or null when none of them is on the page.
 */
export function spanSlice(span: StreamSpan, from: number, to: number): { start: number; end: number } | null {
  if (to <= from) return null;
  if (!span.map) {
    const start = span.start + from;
    const end = Math.min(span.end, span.start + to);
    return end > start ? { start, end } : null;
  }
  let start = -1;
  let last = -1;
  for (let i = Math.max(0, from); i < Math.min(to, span.map.length); i++) {
    const at = span.map[i]!;
    if (at < 0) continue;
    if (start < 0) start = at;
    last = at;
  }
  return start < 0 ? null : { start, end: last + 1 };
}
