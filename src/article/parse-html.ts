import type { DraftSection, ParagraphKind } from './model.ts';
import type { ParsedDraft } from './build-article.ts';
import { ArticleParseError } from './parse-error.ts';
import { cleanBlock, cleanByline, isCreditSentence, isoDate, normalizeSource, tooDeepIsUnparsable } from './parse-util.ts';

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

// Never part of the text, wherever they are.
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'video', 'audio', 'picture', 'img', 'nav', 'aside', 'figure', 'figcaption',
  'form', 'button', 'select', 'textarea', 'input', 'label', 'dialog', 'footer', 'head',
  'meta', 'link', 'title', 'map', 'pre',
]);
const SKIPPED_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar', 'toolbar', 'form',
]);
/**
 * Class or id words of boxes that are not article text: ads, share bars,
 * related links, captions, and the metadata (byline, kicker) read apart. Matched as
 * whole words of the class/id ("ad-slot", "shareBar", "related_links"), so
 * "header" or "lead" never match "ad".
 */
export const CLUTTER_WORDS: readonly string[] = [
  'ad', 'ads', 'adsbygoogle', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsored',
  'promo', 'promotion', 'share', 'sharing', 'social', 'related', 'newsletter', 'subscribe',
  'comments', 'byline', 'dateline', 'breadcrumb', 'breadcrumbs', 'caption', 'credit',
  'kicker', 'eyebrow',
];
const CLUTTER = new Set(CLUTTER_WORDS);
// Elements whose children are blocks: walked, never read as one paragraph.
const HEADINGS = /^h[1-6]$/;
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', ...SKIPPED_TAGS,
]);

const MAX_DEPTH = 200;
const ELEMENT = 1;
const TEXT = 3;

/**
 * Parses an HTML page or fragment into a draft. The DOM is built by an inert
 * parser: nothing in the input runs or loads. Content comes from the largest
 * `<article>`, else `<main>`, else `[role=main]`, else the body; headings,
 * paragraphs, list items and block quotes are kept, and navigation, asides,
 * figures, forms, scripts, styles, templates, hidden elements and ad/share/
 * related boxes (see {@link CLUTTER_WORDS}) are left out.
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
    return draftFrom(doc, chooseRoot(doc));
  });
}

/**
 * The same reading applied to an element that is already in a document, for
 * a page that asks to have one of its own elements read (the element is the
 * content root; title, byline and date come from it, then its document).
 * Reads the DOM only: never changes it.
 */
export function parseElement(root: Element): ParsedDraft {
  return draftFrom(root.ownerDocument, root);
}

function draftFrom(doc: Document, root: Element | null): ParsedDraft {
  const draft: ParsedDraft = { sections: [] };

  const lang = root?.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement?.getAttribute('lang');
  if (lang?.trim()) draft.lang = lang.trim();

  // The kicker ("Local news") is a label above the title, not text.
  const kicker = cleanBlock(root?.querySelector('.kicker, .eyebrow')?.textContent ?? '');
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
  const add = (kind: ParagraphKind, text: string): void => {
    const clean = cleanBlock(text);
    // "By" is left over once the author's name went to the byline.
    if (!clean || /^by\W*$/i.test(clean) || clean === dateText) return;
    sections[sections.length - 1]!.paragraphs.push({ kind, text: clean });
  };

  // Walks block structure; runs of inline content between blocks are
  // paragraphs of their own (text directly inside a <div>).
  const walk = (parent: Element, kind: ParagraphKind, depth = 0): void => {
    // Past any sane nesting, read the rest as one block (no deep recursion).
    if (depth > MAX_DEPTH) {
      add(kind, textOf(parent));
      return;
    }
    let inline = '';
    let afterBr = false;
    const flush = (): void => {
      add(kind, inline);
      inline = '';
    };
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === TEXT) {
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
        add(kind, textOf(el));
      } else if (tag === 'li') {
        walk(el, 'item', depth + 1);
      } else if (tag === 'blockquote') {
        walk(el, 'quote', depth + 1);
      } else if (tag === 'tr') {
        add(kind, Array.from(el.children).map((cell) => cleanBlock(textOf(cell))).filter(Boolean).join(', '));
      } else if (tag === 'hr') {
        // A rule only separates the runs around it.
      } else {
        walk(el, kind, depth + 1);
      }
    }
    flush();
  };
  if (root) walk(root, 'paragraph');

  if (!titleFromBody) {
    const h1 = doc.querySelector('h1');
    const candidates = [
      metaContent(doc, 'og:title'),
      doc.querySelector('title')?.textContent,
      h1 ? textOf(h1) : undefined,
    ];
    const title = candidates.map((c) => cleanBlock(c ?? '')).find(Boolean);
    if (title) draft.title = title;
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

function chooseRoot(doc: Document): Element | null {
  const articles = Array.from(doc.querySelectorAll('article')).filter((a) => !isHiddenTree(a));
  if (articles.length > 0) {
    let best = articles[0]!;
    let bestLength = -1;
    for (const article of articles) {
      const length = textOf(article).length;
      if (length > bestLength) {
        best = article;
        bestLength = length;
      }
    }
    return best;
  }
  const body = doc.body?.hasChildNodes() ? doc.body : null;
  return doc.querySelector('main') ?? doc.querySelector('[role=main]') ?? body ?? doc.documentElement;
}

function findByline(doc: Document, root: Element | null): string | undefined {
  for (const selector of ['.byline', '[itemprop=author]', '[rel=author]']) {
    const el = root?.querySelector(selector) ?? doc.querySelector(selector);
    if (!el) continue;
    const name = el.getAttribute('content') ?? textOf(el);
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

/** The visible text of an element, hidden and skipped descendants left out. */
function textOf(el: Element): string {
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
    const gap = item !== el && BLOCK_TAGS.has((item as Element).localName) ? ' ' : '';
    if (gap) stack.push(gap);
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    if (gap) parts.push(gap);
  }
  return parts.join('');
}

/**
 * Whether an element and everything inside it is left out of the text
 * (scripts, navigation, hidden elements, ad/share/related boxes…). Exported
 * so code that walks a live page's text nodes skips exactly what the parser
 * skips.
 */
export function isLeftOut(el: Element): boolean {
  return isSkipped(el);
}

function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  // The author's name is metadata (the byline), not body text.
  if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)) return true;
  return isClutter(el.getAttribute('class')) || isClutter(el.getAttribute('id'));
}

function isHiddenTree(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.localName !== 'body' && at.localName !== 'html' && isSkipped(at)) return true;
  }
  return false;
}

function isClutter(names: string | null): boolean {
  if (!names) return false;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => CLUTTER.has(word));
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
