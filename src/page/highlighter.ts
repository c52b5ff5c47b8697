/**
 * Highlighting the sentence and word being read in the host page itself,
 * with the CSS Custom Highlight API: no element is added, no class set, no
 * text node split. The styles live in a constructable stylesheet adopted by
 * the document, removed again when the last highlighter is disposed.
 */
import type { PageArticle } from './page-article.ts';
import { highlightsSupported, SENTENCE_HIGHLIGHT, WORD_HIGHLIGHT } from './highlight-api.ts';

export { SENTENCE_HIGHLIGHT, WORD_HIGHLIGHT };

/**
 * The default look. Host pages restyle it with custom properties on any
 * ancestor of the article (`:root`, `body`, the article itself):
 * `--aloud-page-sentence-bg/-fg`, `--aloud-page-word-bg/-fg`,
 * `--aloud-page-underline`, else the player's own `--aloud-highlight`,
 * `--aloud-highlight-underline`, `--aloud-word` and `--aloud-word-fg` set
 * on one of them (one theme for both). The sentence gets an underline too, so the
 * highlight does not rely on colour alone (WCAG 1.4.11: the tint is faint
 * against a light page, the underline is 4.4:1 against the tint and 5:1
 * against white; the word is 6:1 against the tint). Forced colours use the
 * system's Highlight / HighlightText pair for the sentence and leave the word
 * a gap of Canvas / CanvasText in it (Mark, like CanvasText, can sit too
 * close to Highlight).
 */
export const PAGE_HIGHLIGHT_CSS = `
::highlight(${SENTENCE_HIGHLIGHT}) {
  background-color: var(--aloud-page-sentence-bg, var(--aloud-highlight, #fff1a6));
  color: var(--aloud-page-sentence-fg, #1a1a1a);
  text-decoration: underline var(--aloud-page-underline, var(--aloud-highlight-underline, #b45309)) 2px;
  text-underline-offset: 0.2em;
}
::highlight(${WORD_HIGHLIGHT}) {
  background-color: var(--aloud-page-word-bg, var(--aloud-word, #8a4b00));
  color: var(--aloud-page-word-fg, var(--aloud-word-fg, #ffffff));
}
@media (forced-colors: active) {
  ::highlight(${SENTENCE_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; text-decoration-color: HighlightText; }
  ::highlight(${WORD_HIGHLIGHT}) { background-color: Canvas; color: CanvasText; }
}
`;

/** Options for {@link PageHighlighter}. */
export interface PageHighlighterOptions {
  /** Scroll the current sentence into view when it is off-screen. Default true. */
  follow?: boolean;
  /** After the listener scrolls the page themselves, wait this long before following again. Default 10 s. */
  followPauseMs?: number;
  /**
   * Window edges the player's own bars cover now (the sticky mini-player),
   * in CSS px; following keeps the sentence clear of them. The page's own
   * sticky bars are read from its `scroll-padding` (on the root element).
   */
  obscured?: () => { top: number; bottom: number };
  /** The document to highlight in. Default: the article root's document. */
  document?: Document;
}

// One stylesheet for every highlighter of a document, counted so the last
// one to go removes it.
const sheets = new WeakMap<Document, { sheet: CSSStyleSheet; users: number }>();

function adoptSheet(doc: Document): void {
  const held = sheets.get(doc);
  if (held) {
    held.users++;
    return;
  }
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (!View || !('adoptedStyleSheets' in doc)) return;
  const sheet = new View.CSSStyleSheet();
  sheet.replaceSync(PAGE_HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  sheets.set(doc, { sheet, users: 1 });
}

function dropSheet(doc: Document): void {
  const held = sheets.get(doc);
  if (!held || --held.users > 0) return;
  sheets.delete(doc);
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== held.sheet);
}

// Highlights this module registered: only those are ever unregistered, so
// a Highlight the player's own text view registered under the same name survives.
const created = new WeakSet<Highlight>();

// The page's own scrolling keys, when no control has focus.
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', ' ', 'ArrowUp', 'ArrowDown']);

/**
 * Shows which sentence and word of a {@link PageArticle} are being read,
 * in place in the host page, and keeps the sentence in view politely: only
 * when it is off-screen or under a sticky bar, smoothly only without
 * `prefers-reduced-motion`, and not while the listener is reading elsewhere
 * (they scrolled in the last `followPauseMs`, unless they asked to go
 * somewhere since: {@link resume}).
 *
 * Where `CSS.highlights` is missing, {@link highlighting} is false and
 * nothing is painted (the page is never modified to fake it): the player
 * should then show the current sentence itself, as a caption. Scrolling
 * still follows the reading.
 *
 * Several highlighters (several players on a page) share the two named
 * highlights, each adding and removing only its own ranges.
 */
export class PageHighlighter {
  /** True when highlights are painted; false in the fallback. */
  readonly highlighting: boolean;
  private readonly doc: Document;
  /** Whether the page follows the reading (the listener's follow-along switch); may change at any time. */
  follow: boolean;
  private readonly followPauseMs: number;
  private readonly obscured: () => { top: number; bottom: number };
  private sentenceId: string | null = null;
  private headingId: string | null = null;
  private wordKey = '';
  private sentenceRanges: Range[] = [];
  private wordRanges: Range[] = [];
  private lastUserScroll = -Infinity;
  private disposed = false;

  constructor(
    private readonly page: PageArticle,
    options: PageHighlighterOptions = {},
  ) {
    this.doc = options.document ?? page.root.ownerDocument;
    this.follow = options.follow ?? true;
    this.followPauseMs = options.followPauseMs ?? 10_000;
    this.obscured = options.obscured ?? (() => ({ top: 0, bottom: 0 }));
    this.highlighting = highlightsSupported();
    if (this.highlighting) adoptSheet(this.doc);
    const win = this.doc.defaultView;
    if (win) {
      win.addEventListener('wheel', this.onUserScroll, { passive: true });
      win.addEventListener('touchmove', this.onUserScroll, { passive: true });
      win.addEventListener('keydown', this.onKey, { passive: true });
      // A press on the page's scrollbar lands on the root element.
      win.addEventListener('pointerdown', this.onPointerDown, { passive: true });
    }
  }

  /** The sentence shown now, or null. */
  get current(): string | null {
    return this.sentenceId;
  }

  /**
   * Highlights a sentence, and optionally a word of it (UTF-16 offsets into
   * the sentence's display text). `null` clears. Calling it again with the
   * same values does nothing, so it can run on every state change.
   */
  show(sentenceId: string | null, word?: { start: number; end: number } | null): void {
    if (this.disposed) return;
    if (sentenceId !== this.sentenceId || this.headingId) {
      this.sentenceId = sentenceId;
      this.headingId = null;
      const ranges = sentenceId ? this.page.sentenceRanges(sentenceId) : [];
      this.sentenceRanges = this.replace(SENTENCE_HIGHLIGHT, this.sentenceRanges, ranges);
      if (sentenceId) this.scrollTo(this.page.sentenceRange(sentenceId));
    }
    const key = sentenceId && word && word.end > word.start ? `${word.start}:${word.end}` : '';
    if (key !== this.wordKey) {
      this.wordKey = key;
      const range = key && sentenceId ? this.page.wordRange(sentenceId, word!.start, word!.end) : null;
      this.wordRanges = this.replace(WORD_HIGHLIGHT, this.wordRanges, range ? [range] : []);
    }
  }

  /**
   * Highlights a section's heading, or the article's title without an id,
   * with the sentence style, while the player announces it (no word). Any
   * sentence highlight goes.
   */
  showHeading(sectionId?: string): void {
    const key = sectionId ?? '#title';
    if (this.disposed || key === this.headingId) return;
    this.show(null);
    this.headingId = key;
    const range = sectionId === undefined ? this.page.titleRange() : this.page.headingRange(sectionId);
    this.sentenceRanges = this.replace(SENTENCE_HIGHLIGHT, this.sentenceRanges, range ? [range] : []);
    this.scrollTo(range);
  }

  /**
   * The listener asked to go somewhere (a seek, a skip, Play): follow again
   * at once, even within `followPauseMs` of their own scrolling.
   */
  resume(): void {
    this.lastUserScroll = -Infinity;
  }

  /** Removes both highlights (the stylesheet stays until {@link dispose}). */
  clear(): void {
    this.show(null);
  }

  /** Removes the highlights, the stylesheet (when no other highlighter uses it) and the listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.clear();
    this.disposed = true;
    if (this.highlighting) dropSheet(this.doc);
    const win = this.doc.defaultView;
    win?.removeEventListener('wheel', this.onUserScroll);
    win?.removeEventListener('touchmove', this.onUserScroll);
    win?.removeEventListener('keydown', this.onKey);
    win?.removeEventListener('pointerdown', this.onPointerDown);
  }

  /** Swaps this highlighter's ranges in a named highlight; returns the new ones. */
  private replace(name: string, old: Range[], next: Range[]): Range[] {
    if (!this.highlighting) return next;
    const registry = CSS.highlights;
    // Another player (or the element's own text view) may hold the name: share its Highlight.
    for (const r of old) {
      for (const h of registry.values()) h.delete(r);
    }
    let highlight = registry.get(name);
    if (next.length > 0) {
      if (!highlight) {
        highlight = new Highlight();
        created.add(highlight);
        registry.set(name, highlight);
      }
      // The word is painted over the sentence, also when the player's text view made the Highlight.
      if (name === WORD_HIGHLIGHT) highlight.priority = 1;
      for (const r of next) highlight.add(r);
    } else if (highlight && highlight.size === 0 && created.has(highlight)) {
      registry.delete(name);
    }
    return next;
  }

  private scrollTo(range: Range | null): void {
    const win = this.doc.defaultView;
    if (!win || !this.follow || !range) return;
    if (win.performance.now() - this.lastUserScroll < this.followPauseMs) return;
    const rect = range.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) return;
    // The band of the window nothing covers: the page's sticky bars (its
    // scroll-padding, which scrollIntoView honours too) and the player's.
    const root = win.getComputedStyle(this.doc.documentElement);
    const pad = (v: string) => (v.endsWith('px') ? parseFloat(v) : 0);
    const bars = this.obscured();
    const top = Math.max(pad(root.scrollPaddingTop), bars.top);
    const bottom = win.innerHeight - Math.max(pad(root.scrollPaddingBottom), bars.bottom);
    if (rect.top >= top && rect.bottom <= bottom) return;
    const smooth = !win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // A third of the way down that band, so the listener also sees what comes next.
    win.scrollBy({ top: rect.top - (top + (bottom - top) / 3), behavior: smooth ? 'smooth' : 'auto' });
  }

  private readonly onUserScroll = (): void => {
    this.lastUserScroll = this.doc.defaultView?.performance.now() ?? 0;
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    const target = e.target as Element | null;
    // Keys for a focused control (the player's own arrows included) are not page scrolling.
    if (target && target !== this.doc.body && target !== this.doc.documentElement) return;
    if (SCROLL_KEYS.has(e.key)) this.onUserScroll();
  };

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (e.target === this.doc.documentElement) this.onUserScroll();
  };
}
