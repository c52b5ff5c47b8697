/**
 * The player's pronunciation lexicons: the article's own (`lexicon` in its
 * JSON) and a site-wide file the element points to (`lexicon="…"`), checked,
 * compiled and handed to the store. The lexicon code is a lazy chunk, loaded
 * only when there is a lexicon at all.
 *
 * A bad lexicon never stops playback: each source's problems are one console
 * warning, its good entries still apply, and one that cannot be fetched is
 * simply absent. Until a site-wide file arrives the article plays without it
 * (the lookahead sentences already queued keep the speech they were given).
 */
import type { Article } from '../../article/model.ts';
import type { LexiconCheck } from '../../article/lexicon.ts';
import type { PlayerStore } from '../../player/types.ts';

type LexiconModule = typeof import('../../article/lexicon.ts');

export class LexiconController {
  #module: Promise<LexiconModule> | null = null;
  #url = '';
  #site: Promise<LexiconCheck> | null = null;
  #store: PlayerStore | null = null;
  #article: Article | null = null;
  #run = 0;

  /** Call after every update: does nothing unless the store, the article or the URL changed. */
  sync(store: PlayerStore | null, article: Article | null, url: string): void {
    const own = article?.lexicon;
    if (url !== this.#url) {
      this.#url = url;
      this.#site = url ? this.#load().then((m) => m.loadLexicon(new URL(url, document.baseURI).href)) : null;
      this.#site?.then((c) => warn(`the lexicon ${url}`, c), () => {});
    } else if (store === this.#store && article?.lexicon === this.#article?.lexicon) return;
    if (article !== this.#article && own !== undefined) {
      this.#load().then((m) => warn("the article's lexicon", m.checkLexicon(own)), () => {});
    }
    this.#store = store;
    this.#article = article;
    const run = ++this.#run;
    if (!store) return;
    if (!this.#site && own === undefined) {
      store.setLexicon(null);
      return;
    }
    void Promise.all([this.#load(), this.#site]).then(([m, site]) => {
      if (run !== this.#run) return;
      const compiled = m.compileLexicon(own === undefined ? {} : m.checkLexicon(own).lexicon, site?.lexicon ?? {});
      store.setLexicon(compiled.size > 0 ? compiled : null);
    }, () => console.warn('<aloud-player>: the pronunciation lexicon could not be loaded.'));
  }

  #load(): Promise<LexiconModule> {
    return (this.#module ??= import('../../article/lexicon.ts'));
  }
}

function warn(what: string, check: LexiconCheck): void {
  if (check.problems.length === 0) return;
  console.warn(`<aloud-player>: ${what}: ${check.problems.join('; ')}. Speech goes on without what was left out.`);
}
