/**
 * Typed errors for everything that can go wrong between an article's URL and
 * a valid {@link Article} in memory. Dependency-free on purpose: the player,
 * the parsers and the CLI can all import it without pulling anything else in.
 *
 * Every `message` is written for a listener, not a developer: it is what the
 * player's live region may say aloud. The technical detail lives in
 * `status`, `issues`, `url` and `cause`.
 */

/**
 * Why a document is not a valid article.
 * - `invalid`: the structure is wrong (a missing field, a wrong type…).
 * - `empty`: the structure is right but there is nothing to read.
 */
export type ArticleIssueCode = 'invalid' | 'empty';

/** One reason a document is not a valid article, at an exact path. */
export interface ArticleIssue {
  /**
   * Where the problem is, e.g. `sections[2].paragraphs[0].sentences[3].text`;
   * the empty string means the document itself.
   */
  path: string;
  /** What is wrong there, e.g. `expected a non-empty string, got number`. */
  message: string;
  code: ArticleIssueCode;
}

/** Formats issues as `path: message` lines, the way tools print them. */
export function formatIssues(issues: readonly ArticleIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}

/** Codes shared by validation and loading failures. */
export type ArticleLoadErrorCode =
  | 'unreachable'
  | 'http-error'
  | 'invalid-json'
  | 'not-an-article'
  | 'empty-article'
  | 'unsupported-format'
  | 'not-text'
  | 'aborted';

/** Thrown by `assertArticle` when a value is not a valid article. */
export class ArticleValidationError extends Error {
  override name = 'ArticleValidationError';
  /** `empty-article` when the only problem is that nothing can be read. */
  readonly code: 'not-an-article' | 'empty-article';
  /** Every problem found (capped), in document order. */
  readonly issues: readonly ArticleIssue[];

  constructor(issues: readonly ArticleIssue[]) {
    const empty = issues.length > 0 && issues.every((i) => i.code === 'empty');
    super(empty ? MESSAGES['empty-article']({}) : notAnArticleMessage(issues));
    this.code = empty ? 'empty-article' : 'not-an-article';
    this.issues = issues;
  }
}

/** Options for {@link ArticleLoadError}. */
export interface ArticleLoadErrorOptions {
  /** The HTTP status, for `http-error`. */
  status?: number;
  /** The validation issues, for `not-an-article` and `empty-article`. */
  issues?: readonly ArticleIssue[];
  /** The URL that was being loaded. */
  url?: string;
  /** A detail that replaces the default wording (e.g. the content type). */
  detail?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Why an article could not be loaded. `code` is for code (the UI picks its
 * wording and recovery from it); `message` is plain English for the listener.
 */
export class ArticleLoadError extends Error {
  override name = 'ArticleLoadError';
  readonly code: ArticleLoadErrorCode;
  readonly status?: number;
  readonly issues?: readonly ArticleIssue[];
  readonly url?: string;

  /**
   * True when trying again may succeed (the network, a timeout, a server
   * error, rate limiting): the UI offers "Try again" only then.
   */
  get retryable(): boolean {
    if (this.code === 'unreachable') return true;
    if (this.code !== 'http-error' || this.status === undefined) return false;
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }

  constructor(code: ArticleLoadErrorCode, options: ArticleLoadErrorOptions = {}) {
    super(messageFor(code, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.issues !== undefined) this.issues = options.issues;
    if (options.url !== undefined) this.url = options.url;
  }
}

/** True for an {@link ArticleLoadError}, also across module copies. */
export function isArticleLoadError(e: unknown): e is ArticleLoadError {
  return e instanceof ArticleLoadError || (e instanceof Error && e.name === 'ArticleLoadError' && 'code' in e);
}

const MESSAGES: Record<ArticleLoadErrorCode, (o: ArticleLoadErrorOptions) => string> = {
  unreachable: (o) =>
    `The article could not be loaded: ${o.detail ?? 'the server could not be reached'}. Check the connection and try again.`,
  'http-error': (o) => `The article could not be loaded (HTTP ${o.status ?? 'error'}${httpHint(o.status)}).`,
  'invalid-json': (o) => `The article file is damaged: it is not valid JSON${o.detail ? ` (${o.detail})` : ''}.`,
  'not-an-article': (o) => notAnArticleMessage(o.issues ?? [], o.detail),
  'empty-article': () => 'This article is empty: there is no text to read aloud.',
  'unsupported-format': cannotRead('its format is not supported'),
  'not-text': cannotRead('it is not text'),
  aborted: () => 'Loading the article was cancelled.',
};

function cannotRead(why: string): (o: ArticleLoadErrorOptions) => string {
  return (o) => `This file cannot be read aloud: ${why}${o.detail ? ` (${o.detail})` : ''}.`;
}

/** A few words a listener understands beside the status number. */
function httpHint(status: number | undefined): string {
  if (status === 404 || status === 410) return ': not found';
  if (status === 401 || status === 403) return ': access denied';
  if (status !== undefined && status >= 500) return ': the server had a problem; try again later';
  return '';
}

function messageFor(code: ArticleLoadErrorCode, o: ArticleLoadErrorOptions): string {
  return MESSAGES[code](o);
}

function notAnArticleMessage(issues: readonly ArticleIssue[], detail?: string): string {
  const first = issues[0];
  const why = detail ?? (first ? (first.path ? `${first.path}: ${first.message}` : first.message) : undefined);
  const more = issues.length > 1 ? `, and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}` : '';
  return `This file is not an article that can be read aloud${why ? ` (${why}${more})` : ''}.`;
}
