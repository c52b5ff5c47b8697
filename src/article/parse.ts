/**
 * The content pipeline's front door: detect a source's format and turn it
 * into a validated {@link Article}. Browser-safe: HTML is parsed with the
 * native DOMParser unless a parser is passed (Node: see ./node.ts).
 */
import type { Article, SourceFormat } from './model.ts';
import { buildArticle } from './build-article.ts';
import { ArticleParseError } from './parse-error.ts';
import { parseHtml, type DomParserLike } from './parse-html.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parseText } from './parse-text.ts';
import { normalizeSource } from './parse-util.ts';
import { notTextReason } from './not-text.ts';
import { validateArticle } from './validate.ts';
import { ArticleLoadError } from './errors.ts';

export { ArticleParseError } from './parse-error.ts';
export type { ArticleParseErrorCode } from './parse-error.ts';
export type { DomParserLike } from './parse-html.ts';

/** Options for {@link parseSource}. */
export interface ParseSourceOptions {
  format: SourceFormat;
  /** BCP 47 tag; wins over the language the source declares. Default "en". */
  lang?: string;
  /** Article id; wins over a declared id and the file name. */
  id?: string;
  /** The source's file name or URL, for the id when none is declared. */
  fileName?: string;
  /** HTML only: the DOM parser (defaults to the global `DOMParser`). */
  domParser?: DomParserLike;
}

/** Every format {@link parseSource} accepts. */
export const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html', 'json'];

const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
};

/**
 * Guesses a source's format from its content type (when specific) or its
 * file extension. Returns undefined when neither says.
 */
export function detectFormat(fileNameOrUrl: string, contentType?: string): SourceFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  const path = fileNameOrUrl.split(/[?#]/)[0] ?? '';
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  const byExtension = ext === undefined ? undefined : EXTENSIONS[ext];
  if (byExtension) return byExtension;
  // Servers send .md files as text/plain: the extension decides first.
  return type === 'text/plain' ? 'text' : undefined;
}

/**
 * Parses a source of the given format into a complete article: sections,
 * paragraphs, sentences with stable ids and speech text. JSON sources must
 * already be valid articles.
 *
 * @throws {ArticleParseError} `empty-article`, `unparsable`, `unknown-format`,
 *   or `not-text` for a source that is binary data or wrongly decoded.
 */
export function parseSource(source: string, options: ParseSourceOptions): Article {
  const why = typeof source === 'string' ? notTextReason(source) : undefined;
  if (why) throw new ArticleParseError('not-text', why);
  const text = normalizeSource(source);
  const build = { id: options.id, lang: options.lang, fileName: options.fileName };
  switch (options.format) {
    case 'text':
      return buildArticle(parseText(text, { lang: options.lang }), build);
    case 'markdown':
      return buildArticle(parseMarkdown(text), build);
    case 'html':
      return buildArticle(
        parseHtml(text, options.domParser ? { domParser: options.domParser } : {}),
        build,
      );
    case 'json':
      return parseJson(text);
    default:
      throw new ArticleParseError('unknown-format', `unknown format "${String(options.format)}"`);
  }
}

/**
 * The loader's error for a parse failure (src/article/load.ts). Here, in the
 * parser's lazy chunk, rather than in the loader, which is in the widget entry.
 */
export function toLoadError(e: unknown, url: string, format: SourceFormat): ArticleLoadError {
  if (e instanceof ArticleParseError) {
    if (e.code === 'empty-article') return new ArticleLoadError('empty-article', { url, cause: e });
    if (e.code === 'unknown-format') return new ArticleLoadError('unsupported-format', { url, cause: e, detail: format });
    // not-text: "it contains binary data", "it is gzip-compressed data"…
    return new ArticleLoadError(e.code === 'not-text' ? e.code : 'not-an-article', { url, cause: e, detail: e.message });
  }
  return new ArticleLoadError('not-an-article', { url, cause: e, detail: e instanceof Error ? e.message : String(e) });
}

function parseJson(text: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ArticleParseError('unparsable', `not valid JSON (${(e as Error).message})`);
  }
  const result = validateArticle(value);
  if (result.ok) return result.article;
  if (result.reason === 'empty') {
    throw new ArticleParseError('empty-article', 'the article has no text to read');
  }
  const first = result.errors[0];
  const where = first?.path ? `${first.path}: ` : '';
  throw new ArticleParseError('unparsable', `not a valid article (${where}${first?.message ?? 'invalid'})`);
}
