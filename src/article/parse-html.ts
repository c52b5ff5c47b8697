import type { DraftSection, ParagraphKind } from './model.ts';
import type { ParsedDraft } from './build-article.ts';
import { ArticleParseError } from './parse-error.ts';
import { cleanBlock, cleanByline, isCreditSentence, isoDate, normalizeSource, tooDeepIsUnparsable } from './parse-util.ts';
import { classWords, extract, isHardSkipped, SKIP_ATTR, SKIPPED_TAGS, type Extraction } from './extract.ts';

/**
 * Anything that turns an HTML string into an inert Document: the browser's
 * native `DOMParser` or linkedom's in Node (see src/article/node.ts).
 */
export interface DomParserLike {
  parseFromString(source: string, type: 'text/html'): Document;
}

/** Options for {@link parseHtml}. */
export interface ParseHtmlOptions {
  /** Defaults to `new globalThis.DOMParser()` where one exists. */
  domParser?: DomParserLike;
}

export { CLUTTER_WORDS } from './extract.ts';
// Elements whose children are blocks: walked, never read as one paragraph.
const HEADINGS = /^h[1-6]$/;
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'form', ...SKIPPED_TAGS,
]);

const MAX_DEPTH = 200;
const ELEMENT = 1;
const TEXT = 3;

/**
 * Parses an HTML page or fragment into a draft. The DOM is built by an inert
 * parser: nothing in the input runs or loads. The article is found by its
 * prose (see src/article/extract.ts), whatever the markup calls it; headings,
 * paragraphs, list items and block quotes are kept, and navigation, asides,
 * figures, form controls, scripts, styles, templates, hidden and visually
 * hidden elements, link lists and small ad/share/related boxes (see
 * {@link CLUTTER_WORDS}) are left out.
 */
export function parseHtml(source: string, options: ParseHtmlOptions = {}): ParsedDraft {
  const parser = options.domParser ?? nativeParser();
  return tooDeepIsUnparsable(() => {
    let doc: Document;
    try {
      doc = parser.parseFromString(wrapFragment(defuse(normalizeSource(source))), 'text/html');
    } catch (e) {
      // Browsers parse any string; linkedom throws on some broken markup
      // (an attribute quote that never closes).
      if (e instanceof RangeError) throw e;
      throw new ArticleParseError('unparsable', `the HTML could not be parsed (${(e as Error)?.message ?? e})`);
    }
    // linkedom leaves no root element for some broken markup ('<html lang="').
    if (!doc.documentElement) return { sections: [] };
    const scope = doc.body?.hasChildNodes() ? doc.body : doc.documentElement;
    return draftFrom(doc, extract(scope));
  });
}

/**
 * The same reading applied to an element that is already in a document, for
 * a page that asks to have one of its own elements read: the article is found
 * inside it by the same rules as for a source (title, byline and date come
 * from it, then its document). Reads the DOM only: never changes it.
 */
export function parseElement(scope: Element): ParsedDraft {
  return readElement(scope).draft;
}

/** {@link parseElement} with the extraction it used, for mapping text back to the page. */
export function readElement(scope: Element): { draft: ParsedDraft; extraction: Extraction } {
  const extraction = extract(scope);
  return { draft: draftFrom(scope.ownerDocument, extraction), extraction };
}

function draftFrom(doc: Document, extraction: Extraction): ParsedDraft {
  const root: Element | null = extraction.root;
  const isSkipped = extraction.isLeftOut;
  const keepsText = extraction.keepsText;
  const textOf = (el: Element): string => textWithout(el, isSkipped, keepsText);
  const draft: ParsedDraft = { sections: [] };

  const langEl = root?.closest('[lang]');
  const lang = langEl?.getAttribute('lang') ?? doc.documentElement?.getAttribute('lang');
  if (lang?.trim()) draft.lang = lang.trim();
  // A block under a `lang` of its own inside the article (a quote in French).
  const blockLang = (el: Element): string | undefined => {
    const own = el.closest('[lang]');
    return own && own !== langEl ? own.getAttribute('lang')?.trim() || undefined : undefined;
  };

  // The kicker ("Local news") is a label above the title, not text.
  const kickerEl = root ? (byClassWord(root, 'kicker') ?? byClassWord(root, 'eyebrow')) : null;
  const kicker = cleanBlock(kickerEl?.textContent ?? '');
  if (kicker) draft.kicker = kicker;
  const byline = findByline(doc, root);
  if (byline) draft.byline = byline;
  // Explicit publication markup first, then the article's first <time>.
  const time = root?.querySelector('time[datetime]');
  const itemprop = doc.querySelector('[itemprop=datePublished]');
  const published = [
    metaContent(doc, 'article:published_time'),
    itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime'),
    time?.getAttribute('datetime'),
  ]
    .map((value) => isoDate(value ?? undefined))
    .find(Boolean);
  if (published) draft.published = published;

  // A block that only repeats the date line is metadata, not text.
  const dateText = time ? cleanBlock(textOf(time)) : undefined;

  const sections: DraftSection[] = [{ paragraphs: [] }];
  let titleFromBody = false;
  const add = (kind: ParagraphKind, text: string, from: Element): void => {
    const clean = cleanBlock(text);
    // "By" is left over once the author's name went to the byline.
    if (!clean || /^by\W*$/i.test(clean) || clean === dateText) return;
    // Date lines are metadata (published, updated), never spoken: kept apart
    // so "7.30am" and "Updated 11.02am" cannot run together into the text.
    if (isDateLine(clean)) {
      const updated = /\b(?:updated|last modified)\b.*$/i.exec(clean)?.[0];
      if (updated && !draft.updated) draft.updated = updated.replace(/^./, (c) => c.toUpperCase());
      return;
    }
    const own = blockLang(from);
    sections[sections.length - 1]!.paragraphs.push(own ? { kind, text: clean, lang: own } : { kind, text: clean });
  };

  // Walks block structure; runs of inline content between blocks are
  // paragraphs of their own (text directly inside a <div>).
  const walk = (parent: Element, kind: ParagraphKind, depth = 0): void => {
    // Past any sane nesting, read the rest as one block (no deep recursion).
    if (depth > MAX_DEPTH) {
      add(kind, textOf(parent), parent);
      return;
    }
    let inline = '';
    let afterBr = false;
    const flush = (): void => {
      add(kind, inline, parent);
      inline = '';
    };
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === TEXT) {
        if (!keepsText(parent)) continue;
        const text = node.textContent ?? '';
        inline += text;
        if (text.trim()) afterBr = false;
        continue;
      }
      if (node.nodeType !== ELEMENT) continue;
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'br') {
        // One <br> is a space; "<br><br>" is how loose text makes paragraphs.
        if (afterBr) flush();
        else inline += ' ';
        afterBr = !afterBr;
        continue;
      }
      afterBr = false;
      if (!BLOCK_TAGS.has(tag) && !isSkipped(el)) {
        inline += textOf(el);
        continue;
      }
      flush();
      if (isSkipped(el)) continue;
      // The page's own header (logo, menus) is not the article's header.
      if (tag === 'header' && !el.closest('article')) continue;
      if (HEADINGS.test(tag)) {
        const text = cleanBlock(textOf(el));
        if (!text) continue;
        const level = Number(tag[1]);
        if (level === 1 && !titleFromBody) {
          draft.title = text;
          titleFromBody = true;
        } else {
          sections.push({ heading: text, level, paragraphs: [] });
        }
      } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'summary' || tag === 'address') {
        add(kind, textOf(el), el);
      } else if (tag === 'li') {
        walk(el, 'item', depth + 1);
      } else if (tag === 'blockquote') {
        walk(el, 'quote', depth + 1);
      } else if (tag === 'tr') {
        add(kind, Array.from(el.children).map((cell) => cleanBlock(textOf(cell))).filter(Boolean).join(', '), el);
      } else if (tag === 'hr') {
        // A rule only separates the runs around it.
      } else {
        walk(el, kind, depth + 1);
      }
    }
    flush();
  };
  if (root) walk(root, 'paragraph');

  // No <h1> in the story, but it opens with a heading that outranks every
  // other: that is its headline (a story set under the page's own <h1>),
  // not a section, and a better name than the page's <title>.
  const lead = sections[1];
  if (!titleFromBody && sections[0]!.paragraphs.length === 0 && lead?.heading && sections.slice(2).every((x) => (x.level ?? 7) > lead.level!)) {
    draft.title = lead.heading;
    sections.splice(0, 2, { paragraphs: lead.paragraphs });
    titleFromBody = true;
  }

  if (!titleFromBody) {
    const h1 = doc.querySelector('h1');
    const candidates = [
      metaContent(doc, 'og:title'),
      doc.querySelector('title')?.textContent,
      h1 ? textOf(h1) : undefined,
    ];
    const title = candidates.map((c) => cleanBlock(c ?? '')).find(Boolean);
    if (title) draft.title = title;
    // The publisher skipped the headline: it still names the article, unspoken.
    const headline = root?.querySelector('h1') ?? doc.querySelector('h1');
    if (headline?.closest(`[${SKIP_ATTR}]`)) draft.announceTitle = false;
  }
  if (!draft.updated && root) {
    // "Updated 11.02am" beside the date: kept apart, as written, never spoken.
    const updated = cleanBlock(byClassWord(root, 'updated')?.textContent ?? '');
    if (/^(?:updated|last updated)\b/i.test(updated) && updated.length < 80) draft.updated = updated;
  }
  markCredits(sections);
  draft.sections = sections;
  return draft;
}

// Browsers put a fragment ("<p>hi</p>") inside <html><body> by themselves;
// linkedom keeps it as loose top-level nodes. Wrapping a source that has no
// <html> tag gives both the same tree (the doctype is dropped first, as the
// browser would ignore it inside <html>).
function wrapFragment(source: string): string {
  if (/<html[\s>]/i.test(source)) return source;
  return `<html>${source.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
}

/**
 * Chromium checks a page's Content-Security-Policy even while building an
 * inert DOMParser document: every inline handler and <style> in an article
 * source would file a violation report against the host page. Both are left
 * out of the text anyway, so they are renamed before parsing: <style> becomes
 * a non-JavaScript <script> (still skipped, its text still raw), and on…=
 * attributes lose their meaning.
 */
export function defuse(source: string): string {
  return source
    .replace(/<style\b/gi, '<script type="text/x-aloud-style"')
    .replace(/<\/style\b/gi, '</script')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)on(?=[a-z]+\s*=)/gi, '$1data-aloud-on'));
}

function nativeParser(): DomParserLike {
  const Native = (globalThis as { DOMParser?: new () => DomParserLike }).DOMParser;
  if (!Native) {
    throw new TypeError('parseHtml needs a DOMParser: pass options.domParser (in Node, use src/article/node.ts)');
  }
  return new Native();
}

/** The first element under `scope` with `word` as a whole word of its class ("article__byline"). */
function byClassWord(scope: ParentNode, word: string): Element | null {
  for (const el of Array.from(scope.querySelectorAll(`[class*="${word}" i]`))) {
    if (classWords(el.getAttribute('class')).includes(word)) return el;
  }
  return null;
}

function findByline(doc: Document, root: Element | null): string | undefined {
  const inClass = (scope: ParentNode | null) => (scope ? byClassWord(scope, 'byline') : null);
  for (const selector of ['.byline', '[itemprop=author]', '[rel=author]']) {
    const el =
      selector === '.byline'
        ? (inClass(root) ?? inClass(doc))
        : (root?.querySelector(selector) ?? doc.querySelector(selector));
    if (!el) continue;
    // The names are the links' text ("By <a>Priya Natarajan</a>, Transport
    // Correspondent"); dates and visually hidden hints are not.
    const name = el.getAttribute('content') ?? textWithout(el, (x) => isHardSkipped(x) || x.localName === 'time');
    const byline = cleanByline(name);
    if (byline) return byline;
  }
  return cleanByline(metaContent(doc, 'author'));
}

function metaContent(doc: Document, name: string): string | undefined {
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    if (meta.getAttribute('name') === name || meta.getAttribute('property') === name) {
      const content = meta.getAttribute('content');
      if (content?.trim()) return content;
    }
  }
  return undefined;
}

/** The visible text of an element, descendants that `isSkipped` leaves out left out. */
function textWithout(el: Element, isSkipped: (el: Element) => boolean, keepsText: (parent: Element) => boolean = () => true): string {
  // An explicit stack, not recursion: hostile pages nest thousands deep.
  const parts: string[] = [];
  const stack: (Node | string)[] = [el];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item !== el) {
      if (item.nodeType === TEXT) {
        if (item.parentElement && !keepsText(item.parentElement)) continue;
        parts.push(item.textContent ?? '');
        continue;
      }
      if (item.nodeType !== ELEMENT) continue;
      const child = item as Element;
      if (child.localName === 'br') {
        parts.push(' ');
        continue;
      }
      if (isSkipped(child)) continue;
    }
    // Inline elements glue to their neighbours ("<b>in</b>line"), blocks do not.
    // A <time> is a unit of its own: "7.30am" never glues to "Updated".
    const tag = (item as Element).localName;
    const gap = item !== el && (BLOCK_TAGS.has(tag) || tag === 'time') ? ' ' : '';
    if (gap) stack.push(gap);
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    if (gap) parts.push(gap);
  }
  return parts.join('');
}

const DATE_TOKEN =
  /^(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|cest|est|edt|et|pt|\d{1,4}(?:[.:/-]\d{1,4})*(?:am|pm|st|nd|rd|th|h)?\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)$/i;

/** "20 November 2026, 7.30am", "Updated 11.02am GMT": only dates, times and their labels. */
function isDateLine(text: string): boolean {
  if (text.length > 120 || !/\d/.test(text)) return false;
  const tokens = text.split(/[\s,|·•–—()]+/).filter(Boolean);
  if (!tokens.every((w) => DATE_TOKEN.test(w))) return false;
  return tokens.some((w) => /^(?:updated|published|posted|modified)$/i.test(w) || /^[a-z]{3}/i.test(w) || /\d[.:]\d\d/.test(w));
}

// Same rule as plain text: trailing paragraphs that only credit reporters.
function markCredits(sections: DraftSection[]): void {
  const last = sections.at(-1);
  if (!last) return;
  for (let p = last.paragraphs.length - 1; p >= 0; p--) {
    const paragraph = last.paragraphs[p]!;
    // Credits are a line or two; a long paragraph is story.
    if (paragraph.kind !== 'paragraph' || paragraph.text.length > 1000) break;
    const sentences = paragraph.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    if (!sentences.every(isCreditSentence)) break;
    paragraph.kind = 'credit';
  }
}
