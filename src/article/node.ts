/**
 * Node-only entry of the content pipeline: wires linkedom as the DOM parser
 * for HTML sources and reads files. Browser code must import ./parse.ts
 * instead, so that linkedom never reaches the bundle.
 */
import { readFile } from 'node:fs/promises';
import { binaryKind, decodeText } from './not-text.ts';
import { DOMParser } from 'linkedom';
import type { Article } from './model.ts';
import { ArticleParseError, detectFormat, parseSource, type DomParserLike, type ParseSourceOptions } from './parse.ts';

export { ArticleParseError, detectFormat, SOURCE_FORMATS } from './parse.ts';

/**
 * linkedom builds a DOM without running scripts or loading anything
 * (no <img> fetch, no handlers), which is exactly the inertness the browser's
 * `DOMParser` gives for text/html.
 */
export const nodeDomParser: DomParserLike = new DOMParser() as unknown as DomParserLike;

/** {@link parseSource} with linkedom as the HTML parser. */
export function parseSourceInNode(source: string, options: ParseSourceOptions): Article {
  return parseSource(source, { domParser: nodeDomParser, ...options });
}

/** Options for {@link parseFile}: those of parseSource, format optional. */
export type ParseFileOptions = Omit<ParseSourceOptions, 'format' | 'fileName'> & {
  format?: ParseSourceOptions['format'];
};

/**
 * Reads and parses one source file; the format comes from the extension
 * unless given, the id from the file name unless declared.
 *
 * @throws {ArticleParseError} for an unknown format, a file that is not text
 *   (`not-text`: binary, compressed, wrongly encoded) or a bad article; the
 *   file system's own error (code ENOENT…) when the file cannot be read.
 */
export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<Article> {
  const format = options.format ?? detectFormat(path);
  if (!format) {
    throw new ArticleParseError(
      'unknown-format',
      `cannot tell the format of ${path} (use .txt, .md, .html or .json, or --format)`,
    );
  }
  const bytes = await readFile(path);
  const kind = binaryKind(bytes);
  if (kind) throw new ArticleParseError('not-text', `it is ${kind}`);
  const source = decodeText(bytes);
  return parseSourceInNode(source, { ...options, format, fileName: path });
}
