/**
 * Loads an article for the player: fetch, decide the format, parse, validate.
 * Works in browsers and in Node 18+ (global fetch). Every failure is an
 * {@link ArticleLoadError} with a `code` the UI can switch on.
 *
 * JSON articles never pull in the source parsers: those (Markdown, HTML,
 * plain text) are imported on demand, so the player's main bundle stays small.
 * The validator too is a chunk of its own, fetched alongside the article, so
 * it costs the first paint no round trip.
 */
import type { Article, SourceFormat } from './model.ts';
import type { DomParserLike } from './parse.ts';
import { ArticleLoadError } from './errors.ts';
import { decodeText } from './not-text.ts';

export { ArticleLoadError, isArticleLoadError } from './errors.ts';
export type { ArticleLoadErrorCode, ArticleIssue } from './errors.ts';

/** Options for {@link loadArticle}. */
export interface LoadArticleOptions {
  /** Cancels the load; the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
  /** The fetch to use (tests, service workers); defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * BCP 47 language for a source file (text, Markdown, HTML), passed to the
   * parser. A JSON article keeps the `lang` it declares.
   */
  lang?: string;
  /** Skips detection: the source's format, whatever the URL or server say. */
  format?: SourceFormat;
  /** HTML sources outside a browser: the DOM parser (see src/article/node.ts). */
  domParser?: DomParserLike;
}

/**
 * Fetches `src` and returns a valid {@link Article}.
 *
 * The format comes from `options.format`, else the URL's extension and the
 * response's Content-Type (via the parser's `detectFormat`), else a body
 * that starts with `{` is taken for JSON.
 *
 * @throws {ArticleLoadError} with code
 *  - `unreachable`: the network failed, or an `AbortSignal.timeout` expired;
 *  - `http-error`: the server answered with a non-2xx `status`;
 *  - `invalid-json`: a JSON article that does not parse;
 *  - `not-an-article`: valid JSON or a source that is not an article (`issues` says why);
 *  - `empty-article`: an article with no sentences;
 *  - `unsupported-format`: neither URL, type nor body names a readable format;
 *  - `not-text`: the body is binary, compressed or in an undeclared encoding;
 *  - `aborted`: `options.signal` was aborted.
 */
export async function loadArticle(src: string | URL, options: LoadArticleOptions = {}): Promise<Article> {
  const url = String(src);
  const { signal } = options;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  checkAborted(signal, url);
  const validator = import('./validate.ts');
  // Awaited only once the body is here; a failure before then must not go unhandled.
  validator.catch(() => undefined);
  const validated = async (value: unknown): Promise<Article> => {
    let validate: typeof import('./validate.ts').validateArticle;
    try {
      validate = (await validator).validateArticle;
    } catch (e) {
      throw networkError(e, signal, url);
    }
    return checkValid(validate(value), url);
  };

  let response: Response;
  try {
    response = await doFetch(url, signal ? { signal } : {});
  } catch (e) {
    throw networkError(e, signal, url);
  }
  checkAborted(signal, url);
  if (!response.ok) throw new ArticleLoadError('http-error', { status: response.status, url });

  const contentType = response.headers.get('content-type') ?? '';
  let body: string;
  try {
    body = decode(await response.arrayBuffer(), contentType);
  } catch (e) {
    throw networkError(e, signal, url);
  }
  checkAborted(signal, url);

  const format = options.format ?? (await decideFormat(url, contentType, body));
  const article = await validated(format === 'json' ? fromJson(body, contentType, url) : await fromSource(body, format, url, options));
  checkAborted(signal, url);
  return article;
}

/**
 * Decodes the body as a file is decoded (decodeText): in the charset the
 * server names (older news sites still send windows-1252), else as its
 * byte-order mark or its head says, UTF-8 otherwise.
 */
function decode(bytes: ArrayBuffer, contentType: string): string {
  return decodeText(new Uint8Array(bytes), /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]);
}

const JSON_TYPE = /^\s*application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;
const BINARY_TYPE = /^\s*(?:image|audio|video|font)\/|^\s*application\/(?:pdf|zip|octet-stream)/i;

/** The URL's path, without query and fragment, for extension checks. */
function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? '';
}

async function decideFormat(url: string, contentType: string, body: string): Promise<SourceFormat | 'unsupported'> {
  // A .json URL stays JSON whatever the server says: dev servers answer a
  // missing file with their index page, which must not be read as an article.
  if (/\.json$/i.test(pathOf(url)) || JSON_TYPE.test(contentType)) return 'json';
  if (BINARY_TYPE.test(contentType)) return 'unsupported';
  const { detectFormat } = await import('./parse.ts');
  const detected = detectFormat(pathOf(url), contentType || undefined);
  if (detected) return detected;
  return /^\s*\{/.test(body) ? 'json' : 'unsupported';
}

function fromJson(body: string, contentType: string, url: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    // NUL or undecodable bytes: binary data, not a damaged article.
    if (/[\0\ufffd]/.test(body)) throw new ArticleLoadError('not-text', { url, cause: e });
    if (/^\s*text\/html/i.test(contentType) || /^\s*</.test(body)) {
      throw new ArticleLoadError('not-an-article', { url, cause: e, detail: 'the server sent a web page instead' });
    }
    throw new ArticleLoadError('invalid-json', { url, cause: e, detail: (e as Error).message });
  }
  return value;
}

async function fromSource(
  body: string,
  format: SourceFormat | 'unsupported',
  url: string,
  options: LoadArticleOptions,
): Promise<Article> {
  if (format === 'unsupported' || format === 'json') {
    throw new ArticleLoadError('unsupported-format', { url, detail: pathOf(url).split('/').pop() || url });
  }
  const parser = await import('./parse.ts');
  let article: Article;
  try {
    article = parser.parseSource(body, {
      format,
      fileName: pathOf(url),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.domParser ? { domParser: options.domParser } : {}),
    });
  } catch (e) {
    throw parser.toLoadError(e, url, format);
  }
  // The parser promises a valid article; the player relies on it, so the caller checks.
  return article;
}

function checkValid(result: import('./validate.ts').ArticleValidation, url: string): Article {
  if (result.ok) return result.article;
  const code = result.reason === 'empty' ? 'empty-article' : 'not-an-article';
  throw new ArticleLoadError(code, { url, issues: result.errors });
}

function checkAborted(signal: AbortSignal | undefined, url: string): void {
  if (signal?.aborted) throw abortError(signal, url);
}

function abortError(signal: AbortSignal, url: string): ArticleLoadError {
  const reason: unknown = signal.reason;
  // AbortSignal.timeout() is the server being too slow, not the user cancelling.
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ArticleLoadError('unreachable', { url, cause: reason, detail: 'the server did not answer in time' });
  }
  return new ArticleLoadError('aborted', { url, cause: reason });
}

function networkError(e: unknown, signal: AbortSignal | undefined, url: string): ArticleLoadError {
  if (signal?.aborted) return abortError(signal, url);
  if (e instanceof Error && e.name === 'AbortError') return new ArticleLoadError('aborted', { url, cause: e });
  return new ArticleLoadError('unreachable', { url, cause: e });
}
