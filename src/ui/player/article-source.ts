import type { Article } from '../../article/model.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { once } from '../lazy.ts';

// The loader (fetch, format sniffing, parsing hand-off, validation) is a
// chunk of its own: page mode and the `article` property never need it.
const articleLoader = once(() => import('../../article/load.ts'));

/** What the source tells its element. */
export interface SourceEvents {
  /** A fetch began (true) or settled (false); never for an `article` given as is. */
  loading(on: boolean): void;
  /** The article to show; null when neither `article` nor `src` is set. */
  loaded(article: Article | null): void;
  /** The load failed (never told for a load a newer one replaced). */
  failed(error: unknown): void;
  /** The cached copy was shown and the network's copy differs. */
  updated(next: Article): void;
}

interface LoadOptions {
  lang: string;
  storage?: AloudStorage | undefined;
  remembers: () => boolean;
}

/**
 * Where the player's article comes from: the `article` property as given,
 * or `src` fetched by the lazy loader, through the article cache where the
 * page asked the player to remember. A newer load aborts the one in flight,
 * whose result and errors are then ignored. (A few lines rather than
 * @lit/task: the widget's size budget.)
 */
export class ArticleSource {
  #abort: AbortController | null = null;

  constructor(private readonly on: SourceEvents) {}

  /** `storage`: the article cache's (default: the page-wide one); `remembers`: whether to use the cache at all. */
  load(src: string, article: Article | null, options: LoadOptions): void {
    this.#abort?.abort();
    const { signal } = (this.#abort = new AbortController());
    const fetching = !article && !!src;
    this.on.loading(fetching);
    const done = (fn: () => void) => {
      if (signal.aborted) return;
      if (fetching) this.on.loading(false);
      fn();
    };
    this.#fetch(src, article, signal, options).then(
      (a) => done(() => this.on.loaded(a)),
      (e: unknown) => done(() => this.on.failed(e)),
    );
  }

  async #fetch(src: string, article: Article | null, signal: AbortSignal, { lang, storage, remembers }: LoadOptions): Promise<Article | null> {
    if (article) return article;
    if (!src) return null;
    const { loadArticle } = await articleLoader();
    const load = (s: string, o: { signal?: AbortSignal }) => loadArticle(s, lang ? { ...o, lang } : o);
    if (!remembers()) return load(src, { signal });
    // Storage is a lazy chunk: pages that do not ask for it never load it.
    const { cachedLoad } = await import('../../storage/article-cache.ts');
    const loaded = await cachedLoad(src, {
      ...(storage ? { storage } : {}),
      loadArticle: load,
      signal,
      onUpdate: (next) => {
        if (!signal.aborted) this.on.updated(next);
      },
    });
    return loaded.article;
  }
}
