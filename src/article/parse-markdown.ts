import { Lexer, type Token, type Tokens } from 'marked';
import type { DraftParagraph, DraftSection, ParagraphKind } from './model.ts';
import type { ParsedDraft } from './build-article.ts';
import { cleanBlock, normalizeSource, tooDeepIsUnparsable } from './parse-util.ts';

/**
 * Parses Markdown with marked's lexer: tokens only, nothing is ever rendered
 * to HTML. `#` gives the title, `##`…`######` sections (with their level),
 * lists give items, block quotes give quotes. Inline markup becomes plain
 * text: links keep their text, emphasis is dropped, code spans stay as
 * written, inline HTML tags are dropped (their text stays). Code blocks,
 * block HTML, images and rules are left out: none of them reads well aloud.
 * Optional front matter between `---` lines sets title, byline, published,
 * lang and id; a block in another language ends with `{lang=fr}`.
 * Publisher markers are HTML comments (see {@link applyMarkers}).
 */
export function parseMarkdown(source: string): ParsedDraft {
  const { meta, body } = splitFrontMatter(normalizeSource(source));
  const draft: ParsedDraft = { sections: [] };
  const title = meta.get('title');
  if (title) draft.title = title;
  const byline = meta.get('byline') ?? meta.get('author');
  if (byline) draft.byline = byline;
  const published = meta.get('published') ?? meta.get('date');
  if (published) draft.published = published;
  const lang = meta.get('lang') ?? meta.get('language');
  if (lang) draft.lang = lang;
  const id = meta.get('id');
  if (id) draft.id = id;

  const sections: DraftSection[] = [{ paragraphs: [] }];
  const current = (): DraftSection => sections[sections.length - 1]!;
  const add = (kind: ParagraphKind, text: string): void => {
    const attrs = BLOCK_LANG.exec(text);
    const clean = cleanBlock(attrs ? text.slice(0, attrs.index) : text);
    if (clean) current().paragraphs.push(attrs ? { kind, text: clean, lang: attrs[1]! } : { kind, text: clean });
  };

  const walk = (tokens: readonly Token[], kind: ParagraphKind): void => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const heading = token as Tokens.Heading;
          const text = cleanBlock(inlineText(heading.tokens));
          if (!text) break;
          if (heading.depth === 1 && draft.title === undefined) {
            draft.title = text;
          } else if (heading.depth === 1 && text === draft.title) {
            // The front matter title repeated as "# Title": not a section.
          } else {
            sections.push({ heading: text, level: heading.depth, paragraphs: [] });
          }
          break;
        }
        case 'paragraph':
          add(kind, inlineText((token as Tokens.Paragraph).tokens));
          break;
        case 'text': {
          // Loose text at block level, e.g. inside a tight list item.
          const text = token as Tokens.Text;
          add(kind, text.tokens ? inlineText(text.tokens) : decodeEntities(text.text));
          break;
        }
        case 'list':
          for (const item of (token as Tokens.List).items) walkItem(item);
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens, 'quote');
          break;
        case 'table': {
          const table = token as Tokens.Table;
          for (const row of [table.header, ...table.rows]) {
            add(kind, row.map((cell) => cleanBlock(inlineText(cell.tokens))).filter(Boolean).join(', '));
          }
          break;
        }
        default:
          // code, html, hr, space, def: nothing a listener should hear.
          break;
      }
    }
  };
  // An item's own text is one paragraph; a nested list adds items after it.
  const walkItem = (item: Tokens.ListItem): void => {
    const own: DraftParagraph[] = [];
    const rest: Token[] = [];
    for (const token of item.tokens) {
      if (token.type === 'paragraph' || token.type === 'text') {
        const tokens = (token as Tokens.Paragraph).tokens;
        own.push({ kind: 'item', text: tokens ? inlineText(tokens) : (token as Tokens.Text).text });
      } else {
        rest.push(token);
      }
    }
    add('item', own.map((p) => p.text).join(' '));
    walk(rest, 'item');
  };

  const marked = applyMarkers(body);
  // A skipped `# title` still names the article, but is not announced.
  if (marked.skippedTitle !== undefined) {
    draft.title ??= marked.skippedTitle;
    draft.announceTitle = false;
  }
  tooDeepIsUnparsable(() => walk(new Lexer({ gfm: true }).lex(marked.body), 'paragraph'));
  draft.sections = sections;
  return draft;
}

const MARKER = /<!--\s*(\/?)aloud-(skip|read)\s*-->/g;

/**
 * The Markdown form of the HTML markers `data-aloud-skip` and
 * `data-aloud-read`: `<!-- aloud-skip -->…<!-- /aloud-skip -->` leaves out what
 * is between (inside a paragraph or across blocks); when any
 * `<!-- aloud-read -->…<!-- /aloud-read -->` pair is present, only what is
 * between such pairs is read, in order, plus the `# title`. A marker left
 * open runs to the end; markers inside fenced code are text, not markers.
 * The attributes themselves, on raw HTML in the source, work too.
 */
export function applyMarkers(source: string): { body: string; skippedTitle?: string } {
  if (!source.includes('aloud-')) return { body: source };
  const body = attributeMarkers(source);
  const fenced = fencedRanges(body);
  const marks: { at: number; end: number; close: boolean; kind: string }[] = [];
  for (const m of body.matchAll(MARKER)) {
    if (inFence(fenced, m.index)) continue;
    marks.push({ at: m.index, end: m.index + m[0].length, close: m[1] === '/', kind: m[2]! });
  }
  if (marks.length === 0) return { body };
  // Each piece of the body outside the markers, with whether it is skipped or inside a read pair.
  const pieces: { text: string; at: number; skip: boolean; read: boolean }[] = [];
  let skip = 0;
  let read = 0;
  let from = 0;
  for (const mark of [...marks, { at: body.length, end: body.length, close: false, kind: '' }]) {
    pieces.push({ text: body.slice(from, mark.at), at: from, skip: skip > 0, read: read > 0 });
    from = mark.end;
    const delta = mark.close ? -1 : 1;
    if (mark.kind === 'skip') skip = Math.max(0, skip + delta);
    else if (mark.kind === 'read') read = Math.max(0, read + delta);
  }
  // The document's first `# title`: kept, as in HTML, unless it is skipped.
  let title = '';
  let titlePiece: (typeof pieces)[number] | undefined;
  for (const p of pieces) {
    const h1 = [...p.text.matchAll(/^#[ \t]+\S.*$/gm)].find((m) => !inFence(fenced, p.at + m.index));
    if (h1) {
      title = h1[0];
      titlePiece = p;
      break;
    }
  }
  const skippedTitle = titlePiece?.skip ? { skippedTitle: title.replace(/^#+\s*|\s+#+\s*$/g, '') } : {};
  const reading = marks.some((m) => m.kind === 'read' && !m.close);
  // A piece left out across lines separates blocks; one inside a line joins its neighbours.
  const gap = (text: string) => (text.includes('\n') ? '\n\n' : '');
  const kept = (p: (typeof pieces)[number]) => !p.skip && (!reading || p.read);
  // Link reference definitions are not text: a `[report][r]` that is read still needs the `[r]: …` left out.
  const definitions = pieces
    .filter((p) => !kept(p))
    .flatMap((p) => [...p.text.matchAll(REFERENCE_DEFINITION)].filter((m) => !inFence(fenced, p.at + m.index)).map((m) => m[0]));
  const tail = definitions.length ? [`\n\n${definitions.join('\n')}\n`] : [];
  if (!reading) return { body: [...pieces.map((p) => (kept(p) ? p.text : gap(p.text))), ...tail].join(''), ...skippedTitle };
  const head = titlePiece && !titlePiece.skip && !titlePiece.read ? [title] : [];
  return { body: [...head, ...pieces.filter(kept).map((p) => p.text)].join('\n\n') + tail.join(''), ...skippedTitle };
}

/** `[label]: destination "title"`, a link reference definition on one line. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

/** An opening tag with `data-aloud-skip` or `data-aloud-read` (any value, or none: presence counts, as in HTML). */
const ATTRIBUTE_MARKER = /<([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?\sdata-aloud-(skip|read)(?=[\s=/>])(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * The HTML markers written in a Markdown source as raw HTML (`<span
 * data-aloud-skip>…</span>`, a `<div data-aloud-read>` around blocks) become
 * the comment markers: the element's opening tag and its matching closing tag
 * (same name, nesting counted). An element never closed is left alone (its
 * tag is dropped as all inline HTML is, its text read). Outside fenced code.
 */
function attributeMarkers(body: string): string {
  if (!body.includes('data-aloud-')) return body;
  const fenced = fencedRanges(body);
  const edits: { at: number; end: number; text: string }[] = [];
  for (const m of body.matchAll(ATTRIBUTE_MARKER)) {
    if (inFence(fenced, m.index) || edits.some((e) => m.index >= e.at && m.index < e.end)) continue;
    const [tag, kind] = [m[1]!, m[2]!];
    const open = m.index + m[0].length;
    const close = matchingClose(body, tag, open);
    if (close < 0) continue;
    edits.push({ at: m.index, end: open, text: `<!-- aloud-${kind} -->` });
    edits.push({ at: close, end: body.indexOf('>', close) + 1, text: `<!-- /aloud-${kind} -->` });
  }
  let out = '';
  let from = 0;
  for (const e of edits.sort((a, b) => a.at - b.at)) {
    out += body.slice(from, e.at) + e.text;
    from = e.end;
  }
  return out + body.slice(from);
}

/** Where the `</tag>` closing the element opened just before `from` starts, or -1. */
function matchingClose(body: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index;
  }
  return -1;
}

const inFence = (fenced: [number, number][], at: number) => fenced.some(([a, b]) => at >= a && at < b);

/** [start, end) of every fenced code block (``` or ~~~). */
function fencedRanges(body: string): [number, number][] {
  const out: [number, number][] = [];
  const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*$/gm;
  let open: { at: number; mark: string } | null = null;
  for (const m of body.matchAll(fence)) {
    if (!open) open = { at: m.index, mark: m[2]! };
    else if (m[2]![0] === open.mark[0] && m[2]!.length >= open.mark.length && !/\S/.test(m[0].slice(m[1]!.length + m[2]!.length))) {
      out.push([open.at, m.index + m[0].length]);
      open = null;
    }
  }
  if (open) out.push([open.at, body.length]);
  return out;
}

/**
 * A block's language, written as an attribute list at its very end (the
 * syntax of markdown-it-attrs and kramdown): `Je pense. {lang=fr}`,
 * `{: lang="fr"}`, alone on the block's last line or after its text.
 */
const BLOCK_LANG = /\s*\{:?\s*lang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)["']?\s*\}\s*$/;

// Inline tags whose content is code or markup, never prose to read.
const RAW_INLINE = /^<(script|style|template|noscript|iframe|textarea|svg|math|object)\b/i;

function inlineText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  // Inside "<script>…</script>" written inline: skip until the closing tag.
  let skipUntil: RegExp | undefined;
  for (const token of tokens) {
    if (skipUntil) {
      if (token.type === 'html' && skipUntil.test((token as Tokens.HTML).text)) skipUntil = undefined;
      continue;
    }
    switch (token.type) {
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        out += text.tokens ? inlineText(text.tokens) : decodeEntities(text.text);
        break;
      }
      case 'codespan':
        out += (token as Tokens.Codespan).text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'html': {
        // Inline HTML is never interpreted: tags are dropped, the text
        // between ordinary tags is its own token and stays.
        const raw = RAW_INLINE.exec((token as Tokens.HTML).text);
        if (raw && !/\/>\s*$/.test((token as Tokens.HTML).text)) skipUntil = new RegExp(`^</${raw[1]}\\s*>`, 'i');
        break;
      }
      case 'image':
        break;
      default: {
        // strong, em, del, link and extensions: their children carry the text.
        const children = (token as { tokens?: Token[] }).tokens;
        out += children ? inlineText(children) : '';
      }
    }
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', eacute: 'é', euro: '€',
};

/** Decodes the character references Markdown allows in text (unknown ones stay). */
function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/**
 * Splits off front matter: `---` on the first line, `key: value` lines, a
 * closing `---`. A deliberately tiny parser (no YAML library): only flat
 * keys, with values optionally in single or double quotes.
 */
export function splitFrontMatter(source: string): { meta: Map<string, string>; body: string } {
  const meta = new Map<string, string>();
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!m) return { meta, body: source };
  for (const line of m[1]!.split('\n')) {
    const kv = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    let value = kv[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      value = quoted[1] === '"' ? quoted[2]!.replace(/\\(["\\])/g, '$1') : quoted[2]!.replace(/''/g, "'");
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    value = value.trim();
    if (value) meta.set(kv[1]!.toLowerCase(), value);
  }
  return { meta, body: source.slice(m[0].length) };
}
