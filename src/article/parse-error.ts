/** Why a source could not become an article. */
/** `not-text`: binary data, a compressed file, or text in an encoding it does not declare. */
export type ArticleParseErrorCode = 'empty-article' | 'unparsable' | 'unknown-format' | 'not-text';

/**
 * The one error the content pipeline throws for bad input. Callers (the CLI,
 * the player's loader) switch on `code`; `message` is a one-line, human
 * description that names the problem.
 */
export class ArticleParseError extends Error {
  readonly code: ArticleParseErrorCode;

  constructor(code: ArticleParseErrorCode, message: string) {
    super(message);
    this.name = 'ArticleParseError';
    this.code = code;
  }
}
