/**
 * The glue between `<aloud-player for="story">` and page mode: a Lit
 * reactive controller that reads the page's element into the player's
 * `article` and mirrors the store's position and word as in-place
 * highlights. It uses only the element's public surface (`article`, `store`),
 * so the element needs a few lines to use it (see docs/embedding.md).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../article/model.ts';
import type { PlayerChangeEvent, PlayerStore } from '../player/types.ts';
// Types only: the parser, segmenter and highlighter load on demand, when a
// player actually has a `for`, so page mode costs the widget's entry ~1 kB.
import type { PageArticle } from './page-article.ts';
import type { PageHighlighter, PageHighlighterOptions } from './highlighter.ts';

export { highlightsSupported } from './highlight-api.ts';

/** What the controller needs from the element. */
export interface PageModeHost extends ReactiveControllerHost, Element {
  /** The article the element plays; the controller sets it. */
  article: Article | null;
  /** The element's playback store, once it has one. */
  readonly store: PlayerStore | null;
}

/** Options for {@link PageModeController}. */
export interface PageModeOptions extends PageHighlighterOptions {
  /** The id of the page element to read: the `for` attribute. Empty = page mode off. */
  target(): string;
  /** A language that wins over the page's `lang` attributes (the `lang` attribute). */
  lang?(): string;
  /** The listener's follow-along switch, read on every change (overrides `follow`). */
  following?(): boolean;
  /** The element could not be found, or has nothing to read. */
  onError?(error: PageModeError): void;
}

/** Why page mode could not start. */
export class PageModeError extends Error {
  override name = 'PageModeError';
  constructor(
    /** `missing-element`: no element with that id; `empty-article`: it has no text to read. */
    readonly code: 'missing-element' | 'empty-article',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the host page's element with the id `target()` as the player's
 * article and highlights, in place, the sentence and word the player's store
 * is at (and the title or a heading while it is announced): while playing or
 * paused, never before the listener starts.
 * Reading the page happens after a dynamic import; {@link ready} settles
 * when the current target has been read (or failed).
 */
export class PageModeController implements ReactiveController {
  /** The page's article and ranges, while page mode is on. */
  page: PageArticle | null = null;
  /** The in-place highlighter, while page mode is on. */
  highlighter: PageHighlighter | null = null;
  private target = '';
  private lang = '';
  private store: PlayerStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private waiting: (() => void) | null = null;
  private run = 0;
  /** Settles once the current target has been read into the player (or failed). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: PageModeHost,
    private readonly options: PageModeOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.detach();
    this.target = '';
  }

  /** Reads the page's element again (after the page changed its text). */
  refresh(): void {
    this.detach();
    this.target = '';
    this.sync();
  }

  private sync(): void {
    // Updates still run after removal (the controller itself clears `article`).
    if (!this.host.isConnected) return;
    const target = this.options.target();
    const lang = this.options.lang?.() ?? '';
    if (target !== this.target || lang !== this.lang) {
      this.detach();
      this.target = target;
      this.lang = lang;
      if (target) this.attach();
    }
    const store = this.page ? this.host.store : null;
    if (store !== this.store) {
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.store = store;
      if (store) {
        this.unsubscribe = store.subscribe((e) => this.onChange(e));
        this.mirror(store.state);
      }
    }
  }

  private attach(): void {
    const doc = this.host.ownerDocument;
    const scope = this.host.getRootNode() as Document | ShadowRoot;
    const root = scope.getElementById?.(this.target) ?? doc.getElementById(this.target);
    if (!root) {
      // An element created before the page finished parsing: look again once it has.
      if (doc.readyState === 'loading') {
        const again = () => {
          this.waiting = null;
          this.target = '';
          this.sync();
        };
        this.waiting = () => doc.removeEventListener('DOMContentLoaded', again);
        doc.addEventListener('DOMContentLoaded', again, { once: true });
        return;
      }
      this.options.onError?.(new PageModeError('missing-element', `The page has no element with the id "${this.target}" to read.`));
      return;
    }
    const run = ++this.run;
    this.ready = this.read(root, run);
  }

  private async read(root: Element, run: number): Promise<void> {
    const [{ extractPageArticle }, { PageHighlighter }] = await Promise.all([
      import('./page-article.ts'),
      import('./highlighter.ts'),
    ]);
    if (run !== this.run || !this.host.isConnected) return;
    let page: PageArticle;
    try {
      page = extractPageArticle(root, this.lang ? { lang: this.lang } : {});
    } catch (error) {
      this.options.onError?.(new PageModeError('empty-article', error instanceof Error ? error.message : String(error)));
      return;
    }
    this.page = page;
    this.highlighter = new PageHighlighter(page, this.options);
    this.host.article = page.article;
  }

  private detach(): void {
    this.run++;
    this.waiting?.();
    this.waiting = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = null;
    this.highlighter?.dispose();
    this.highlighter = null;
    if (this.page && this.host.article === this.page.article) this.host.article = null;
    this.page = null;
  }

  /**
   * Where the browser cannot paint highlights (no CSS Custom Highlight API),
   * the text of the current sentence while listening, for the element to
   * show as a caption; null where the page itself shows the place.
   */
  caption(state: PlayerChangeEvent['state'] | null): string | null {
    const h = this.highlighter;
    const pos = state?.position;
    if (!h || h.highlighting || !pos || (state.status !== 'playing' && state.status !== 'paused')) return null;
    for (const para of state.article?.sections[pos.sectionIndex]?.paragraphs ?? []) {
      for (const x of para.sentences) if (x.id === pos.sentenceId) return x.text;
    }
    return null;
  }

  private onChange(e: PlayerChangeEvent): void {
    // `announcing` too: the end of a title or heading announcement moves no
    // position, and the first body sentence after it must still be shown.
    const c = e.changes;
    if (isJump(e)) this.highlighter?.resume();
    if (c.has('position') || c.has('word') || c.has('status') || c.has('article') || c.has('announcing')) {
      this.mirror(e.state);
    }
  }

  private mirror(state: PlayerChangeEvent['state']): void {
    const h = this.highlighter;
    if (!h) return;
    if (this.options.following) h.follow = this.options.following();
    const on = state.status === 'playing' || state.status === 'paused';
    // A title or section heading being announced is highlighted in its place.
    if (on && state.announcing === 'title') {
      h.showHeading();
      return;
    }
    if (on && state.announcing === 'heading' && state.position) {
      const section = state.article?.sections[state.position.sectionIndex];
      if (section) {
        h.showHeading(section.id);
        return;
      }
    }
    const id = on && !state.announcing ? (state.position?.sentenceId ?? null) : null;
    const word = id && state.word?.sentenceId === id ? state.word : null;
    h.show(id, word);
  }
}

/**
 * The listener went somewhere: Play, or a move other than on to the next
 * sentence (a seek, a section skip, a previous sentence, a click on a
 * sentence). Following resumes then, whatever they scrolled before.
 */
export function isJump({ changes, state, previous }: PlayerChangeEvent): boolean {
  if (changes.has('status') && state.status === 'playing' && previous.status !== 'playing') return true;
  const from = previous.position?.flatIndex;
  const to = state.position?.flatIndex;
  return changes.has('position') && from !== undefined && to !== undefined && to !== from + 1;
}
