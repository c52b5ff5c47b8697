/**
 * Page mode: `<aloud-player for="story">` reads the host page's own article
 * and highlights it in place. See docs/embedding.md.
 */
export { extractPageArticle, type PageArticle, type PageArticleOptions } from './page-article.ts';
export {
  PageHighlighter,
  PAGE_HIGHLIGHT_CSS,
  SENTENCE_HIGHLIGHT,
  WORD_HIGHLIGHT,
  type PageHighlighterOptions,
} from './highlighter.ts';
export { PageModeController, PageModeError, highlightsSupported, type PageModeHost, type PageModeOptions } from './page-mode.ts';
