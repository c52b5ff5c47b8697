/**
 * Finding the article in a page, shared by HTML sources (parse-html.ts) and
 * page mode (src/page/page-article.ts), so both read the same text.
 *
 * Markup names alone mislead on real pages (a teaser `<article>`, an ad slot in
 * the first `<main>`, a whole page inside one `<form>`), so the root is chosen
 * by prose: every paragraph scores by its length and commas, the score flows
 * to its ancestors, and each candidate is discounted by its link density. What
 * is left out inside the root is decided per element: hard rules (scripts,
 * navigation, hidden and visually hidden text) always, class/id words (ads,
 * share bars, related links…) only on blocks that are small beside the root,
 * and link lists (menus, tag lists, "Most popular", next-article teasers)
 * wherever they are. See docs/content-pipeline.md.
 *
 * Publisher markers win over all of that: `data-aloud-skip` leaves an element
 * out wherever it is, and `data-aloud-read` on one or more elements makes only
 * those (plus the title) read, in document order (docs/embedding.md).
 */

/** Leaves the element and everything in it out of the text. */
export const SKIP_ATTR = 'data-aloud-skip';
/** Present on any element of the scope: only such elements (and the title) are read. */
export const READ_ATTR = 'data-aloud-read';

// Never part of the text, wherever they are.
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'video', 'audio', 'picture', 'img', 'nav', 'aside', 'figure', 'figcaption',
  'button', 'select', 'textarea', 'input', 'label', 'dialog', 'footer', 'head',
  'meta', 'link', 'title', 'map', 'pre', 'amp-ad', 'amp-embed', 'amp-sidebar', 'amp-analytics',
]);
const SKIPPED_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar', 'toolbar',
]);
/**
 * Class or id words of boxes that are not article text: ads, share bars,
 * related links, captions, bios, tag lists, and the metadata (byline, kicker)
 * read apart. Matched as whole words of the class/id ("ad-slot", "shareBar",
 * "related_links"), so "header" or "lead" never match "ad"; and only on blocks
 * smaller than half the article, so a page wrapper named
 * "advertisement-off-canvas--pusher" never deletes the story.
 */
export const CLUTTER_WORDS: readonly string[] = [
  'ad', 'ads', 'adsbygoogle', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsored',
  'promo', 'promotion', 'share', 'sharing', 'social', 'related', 'newsletter', 'subscribe',
  'comment', 'comments', 'byline', 'dateline', 'breadcrumb', 'breadcrumbs', 'caption', 'credit',
  'kicker', 'eyebrow', 'meta', 'submitted', 'bio', 'tag', 'tags', 'topic', 'topics', 'popular', 'teaser', 'outbrain', 'taboola',
  'author', 'signup', 'optin', 'mc4wp',
];
const CLUTTER = new Set(CLUTTER_WORDS);
// Text meant for screen readers only ("(opens in a new tab)"): a listener
// hears the article, not the page's link hints.
const VISUALLY_HIDDEN = new Set([
  'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only',
  'a11y-hidden', 'element-invisible', 'offscreen', 'u-visually-hidden', 'hidden-visually', 'hide-text',
]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const CLIP_STYLE = /\bclip\s*:\s*rect\(\s*0|\bclip-path\s*:\s*inset\(\s*50%/i;
// Candidate boosts and penalties from class/id words (a light version of
// the weights every extractor uses): only to rank roots, never to delete.
const POSITIVE = /^(?:article|body|content|entry|main|post|story|text|prose|blog|page)$/;
const NEGATIVE = /^(?:comment|comments|sidebar|related|teaser|promo|footer|widget|popular|sponsored|ad|ads|menu|nav)$/;
// Below this many visible characters a root is not judged by its prose.
const MIN_ROOT = 200;
const ELEMENT = 1;
const TEXT = 3;

/** Words of a class or id attribute, camelCase split, WordPress taxonomy classes of a post dropped. */
export function classWords(names: string | null): string[] {
  if (!names) return [];
  const out: string[] = [];
  const tokens = names.split(/\s+/);
  // On a post as WordPress marks it ("post-12 type-post hentry tag-promotion
  // category-…-advertising-platform"), the taxonomy classes say what the
  // story is filed under, not what the box is; anywhere else "tag-list" is a tag list.
  const post = tokens.some((t) => /^(?:hentry|type-[\w-]+|status-publish|post-\d+)$/i.test(t));
  for (const token of tokens) {
    if (post && /^(?:category|tag|post_tag|topic|section|format)-/i.test(token)) continue;
    for (const w of token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) if (w) out.push(w);
  }
  return out;
}

/** Left out wherever it is, whatever its size. */
export function isHardSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName) || el.hasAttribute(SKIP_ATTR)) return true;
  if (isHidden(el)) return true;
  const role = el.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
  return false;
}

// Never read, even where the publisher marked it to be: the listener could not see it either.
const NEVER_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title']);

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && (HIDDEN_STYLE.test(style) || CLIP_STYLE.test(style))) return true;
  const cls = el.getAttribute('class');
  return !!cls && cls.split(/\s+/).some((c) => VISUALLY_HIDDEN.has(c.toLowerCase()));
}

function hasClutterWord(el: Element): boolean {
  return classWords(el.getAttribute('class')).some((w) => CLUTTER.has(w)) || classWords(el.getAttribute('id')).some((w) => CLUTTER.has(w));
}

/** Visible characters (code units above U+0020) and those inside links, per element. */
type Sizes = Map<Element, { text: number; link: number }>;

/**
 * Every element's visible text length and link text length under `top`, in
 * one pass (an explicit stack: hostile pages nest thousands deep), so that
 * judging each block costs a lookup, not a walk of its subtree.
 */
function measure(top: Element): Sizes {
  const sizes: Sizes = new Map();
  const stack: (Node | { exit: Element; link: boolean })[] = [top];
  const open: { text: number; link: number }[] = [];
  let inLink = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('exit' in item) {
      const own = open.pop()!;
      sizes.set(item.exit, own);
      if (item.link) inLink--;
      const parent = open[open.length - 1];
      if (parent) {
        parent.text += own.text;
        parent.link += own.link;
      }
      continue;
    }
    if (item.nodeType === TEXT) {
      const s = item.textContent ?? '';
      let n = 0;
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) n++;
      const parent = open[open.length - 1];
      if (parent) {
        parent.text += n;
        if (inLink > 0) parent.link += n;
      }
      continue;
    }
    if (item.nodeType !== ELEMENT) continue;
    const el = item as Element;
    const link = el.localName === 'a';
    if (link) inLink++;
    open.push({ text: 0, link: 0 });
    stack.push({ exit: el, link });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return sizes;
}

const LIST_LIKE = new Set(['ul', 'ol', 'dl', 'div', 'section', 'p', 'table', 'header', 'article', 'span', 'li']);

/** The content root and the rule for what inside it is left out. */
export interface Extraction {
  readonly root: Element;
  /** Whether `el` (inside the root) and everything in it is left out of the text. */
  isLeftOut(el: Element): boolean;
  /**
   * Whether the text nodes directly inside `parent` (an element that is not
   * left out) are read: false only between the parts a publisher marked
   * with `data-aloud-read`.
   */
  keepsText(parent: Element): boolean;
}

/**
 * The article inside `scope` (a document's body, or the element page mode
 * was pointed at) and its leave-out rule.
 */
export function extract(scope: Element): Extraction {
  const sizes = measure(scope);
  let root = chooseRoot(scope, sizes);
  const reads = readParts(scope);
  // The root must hold every marked part (and the title above them).
  for (const part of reads) root = commonAncestor(root, part) ?? scope;
  const rootLength = Math.max(1, sizes.get(root)?.text ?? 0);
  const marked = reads.length > 0 ? markedParts(root, reads) : null;
  const cache = new Map<Element, boolean>();
  const isLeftOut = (el: Element): boolean => {
    let v = cache.get(el);
    if (v === undefined) {
      v = marked ? decideMarked(el, root, rootLength, sizes, marked) : decide(el, root, rootLength, sizes);
      cache.set(el, v);
    }
    return v;
  };
  const keepsText = (parent: Element): boolean => !marked || marked.inside(parent);
  return { root, isLeftOut, keepsText };
}

/**
 * Whether `el` or one of its ancestors up to `top` passes `test`, remembered
 * for every element on the way: hostile pages nest thousands deep, and one
 * walk per element would make that quadratic.
 */
function upTo(top: Element, test: (el: Element) => boolean): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let v = false;
    for (let at: Element | null = el; at; at = at === top ? null : at.parentElement) {
      const known = memo.get(at);
      if (known !== undefined) {
        v = known;
        break;
      }
      path.push(at);
      if (test(at)) {
        v = true;
        break;
      }
    }
    for (const p of path) memo.set(p, v);
    return v;
  };
}

/** The outermost `data-aloud-read` elements of `scope` that no skip marker covers, in document order. */
function readParts(scope: Element): Element[] {
  const skipped = upTo(scope, (at) => at.hasAttribute(SKIP_ATTR));
  const inRead = upTo(scope, (at) => at !== scope && at.hasAttribute(READ_ATTR));
  return Array.from(scope.querySelectorAll(`[${READ_ATTR}]`)).filter(
    (el) => !skipped(el) && !(el.parentElement && el.parentElement !== scope && inRead(el.parentElement)),
  );
}

interface Marked {
  /** The marked parts, and the title heading: read with what is inside them. */
  kept: Set<Element>;
  /** Elements that hold a kept one: walked into, their own text not read. */
  holders: Set<Element>;
  /** Whether an element is a kept one or inside one. */
  inside(el: Element): boolean;
}

function markedParts(root: Element, reads: Element[]): Marked {
  const kept = new Set(reads);
  // A publisher marking the body still expects the headline: the first <h1>
  // of the root (else a story's opening heading that outranks all its
  // others, as under a page's own <h1>), unless it is skipped or already
  // inside a marked part.
  const h1 = root.querySelector('h1') ?? leadingHeading(root);
  if (h1 && !reads.some((r) => r.contains(h1)) && !underMarker(h1, root)) kept.add(h1);
  const holders = new Set<Element>();
  for (const el of kept) {
    for (let at = el.parentElement; at && !holders.has(at); at = at === root ? null : at.parentElement) holders.add(at);
  }
  holders.add(root);
  return { kept, holders, inside: upTo(root, (at) => kept.has(at)) };
}

/** The root's first heading, where every later heading in it ranks below it (h4, then only h5 and h6). */
function leadingHeading(root: Element): Element | null {
  const [first, ...rest] = Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'));
  const rank = (h: Element) => Number(h.localName[1]);
  return first && rest.every((h) => rank(h) > rank(first)) ? first : null;
}

function underMarker(el: Element, root: Element): boolean {
  for (let at: Element | null = el; at; at = at === root ? null : at.parentElement) if (at.hasAttribute(SKIP_ATTR)) return true;
  return false;
}

function decideMarked(el: Element, root: Element, rootLength: number, sizes: Sizes, marked: Marked): boolean {
  if (el.hasAttribute(SKIP_ATTR) || NEVER_TEXT.has(el.localName) || isHidden(el)) return true;
  // The marked parts and what holds them: the publisher's word beats the
  // guesses (an <aside> or a "related" box marked to be read is read).
  if (marked.kept.has(el) || marked.holders.has(el)) return false;
  if (!marked.inside(el)) return true;
  return decide(el, root, rootLength, sizes);
}

function decide(el: Element, root: Element, rootLength: number, sizes: Sizes): boolean {
  if (isHardSkipped(el)) return true;
  // The author's name is metadata (the byline), not body text.
  if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') return true;
  if (el === root) return false;
  const size = sizes.get(el);
  const length = size?.text ?? 0;
  // Class words only on small blocks: never the container of the story.
  if (hasClutterWord(el) && length < rootLength / 2) return true;
  // A block that is mostly links is navigation of some kind (menus, tags,
  // "Most popular", the next article's teaser), not prose.
  if (LIST_LIKE.has(el.localName) && length > 0 && length < rootLength / 2) {
    if ((size?.link ?? 0) / length > 0.5) return true;
  }
  return false;
}

/** Within `ancestor`, is `el` under a hard-skipped element? */
function underSkipped(el: Element, scope: Element): boolean {
  for (let at: Element | null = el; at && at !== scope; at = at.parentElement) {
    if (isHardSkipped(at)) return true;
    if (at.localName === 'header' && !at.closest('article')) return true;
  }
  return false;
}

/** Direct text of an element (its own text nodes), for loose text in <div>s. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType !== TEXT) continue;
    const t = c.textContent ?? '';
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 32) n++;
  }
  return n;
}

function classWeight(el: Element): number {
  let w = 0;
  const all = [...classWords(el.getAttribute('class')), ...classWords(el.getAttribute('id'))];
  if (all.some((x) => POSITIVE.test(x))) w += 25;
  if (all.some((x) => NEGATIVE.test(x))) w -= 25;
  if (el.getAttribute('itemprop') === 'articleBody') w += 50;
  return w;
}

/**
 * The element holding the story: the best-scoring container of prose, widened
 * to its `<article>` when it is most of that article (so the title, standfirst
 * and byline come along), or `scope` itself when nothing scores.
 */
export function chooseRoot(scope: Element, sizes: Sizes = measure(scope)): Element {
  const textOf = (el: Element) => sizes.get(el)?.text ?? 0;
  const scores = new Map<Element, number>();
  const blocks = Array.from(scope.querySelectorAll('p, td, blockquote, div, section, article, main, span, font, center'));
  for (const el of blocks) {
    const isP = el.localName === 'p' || el.localName === 'blockquote' || el.localName === 'td';
    if (!isP && ownTextLength(el) < 50) continue;
    if (el.parentElement && el.parentElement.closest('p')) continue;
    if (underSkipped(el, scope)) continue;
    const text = isP ? (el.textContent ?? '') : Array.from(el.childNodes).filter((c) => c.nodeType === TEXT).map((c) => c.textContent).join('');
    const length = text.replace(/\s+/g, '').length;
    if (length < 25) continue;
    const points = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    // A paragraph of loose text scores for its own element too.
    let at: Element | null = isP ? el.parentElement : el;
    for (let level = 0; at && level < 5; level++, at = at.parentElement) {
      scores.set(at, (scores.get(at) ?? 0) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      if (at === scope) break;
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  const finals = new Map<Element, number>();
  for (const [el, raw] of scores) {
    if (el !== scope && !scope.contains(el)) continue;
    const length = textOf(el);
    const density = length ? (sizes.get(el)?.link ?? 0) / length : 0;
    const score = (raw + classWeight(el)) * (1 - density);
    finals.set(el, score);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Too little prose to judge by (a fragment, a short note): the markup's
  // own word, then the whole scope.
  if (!best || textOf(best) < MIN_ROOT) return semanticRoot(scope, sizes);
  // A story split by an inline box scores in two siblings: take the parent
  // that holds every close competitor.
  for (const [el, score] of finals) {
    if (score < bestScore * 0.75 || el === best || best.contains(el) || el.contains(best)) continue;
    const common = commonAncestor(best, el);
    if (common && (common === scope || scope.contains(common)) && textOf(common) < 3 * (textOf(best) + textOf(el))) best = common;
  }
  // Title, standfirst and byline sit in the <article> around the body.
  const article = best.closest('article');
  if (article && article !== best && (article === scope || scope.contains(article)) && textOf(best) >= textOf(article) * 0.5) {
    best = article;
  }
  while (best !== scope && best.parentElement && best.parentElement.children.length === 1 && best.parentElement !== scope) {
    best = best.parentElement;
  }
  return best;
}

/** The largest visible `<article>`, else `<main>`, else `[role=main]`, else `scope`. */
function semanticRoot(scope: Element, sizes: Sizes): Element {
  let best: Element | null = null;
  let bestLength = -1;
  for (const a of Array.from(scope.querySelectorAll('article'))) {
    if (underSkipped(a, scope)) continue;
    const length = sizes.get(a)?.text ?? 0;
    if (length > bestLength) {
      best = a;
      bestLength = length;
    }
  }
  return best ?? scope.querySelector('main') ?? scope.querySelector('[role=main]') ?? scope;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let at: Element | null = a; at; at = at.parentElement) if (at.contains(b)) return at;
  return null;
}

export { ELEMENT, TEXT };
