/**
 * `npm run segment -- <file> [--lang xx] [--format text|markdown|html|json] [--id x]`
 *
 * Prints the article JSON of one source file on stdout. Every failure is one
 * line on stderr starting with "aloud-segment: ": exit 1 for a file or
 * article problem, 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import type { SourceFormat } from '../src/article/model.ts';
import { ArticleParseError, SOURCE_FORMATS, parseFile } from '../src/article/node.ts';
import { isMain } from './is-main.ts';

const USAGE = 'usage: npm run segment -- <file> [--lang xx] [--format text|markdown|html|json] [--id x]';

/** What one CLI run produced: kept separate from process I/O so it is testable. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Serialises an article the way every tool here writes it: 2-space JSON, final newline. */
export function formatArticleJson(article: unknown): string {
  return `${JSON.stringify(article, null, 2)}\n`;
}

/** Runs the segment command on `argv` (the arguments after the script name). */
export async function runSegment(argv: string[]): Promise<CliResult> {
  let values: { lang?: string; format?: string; id?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        format: { type: 'string' },
        id: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // Node explains at length how to pass "--x" as a file; the first clause names the problem.
    return usage(firstLine((e as Error).message).split(/\. (?=[A-Z])/)[0]!.replace(/^./, (c) => c.toLowerCase()));
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (positionals.length !== 1) {
    return usage(positionals.length === 0 ? 'no input file given' : `expected one file, got ${positionals.length}`);
  }
  const file = positionals[0]!;
  if (values.format !== undefined && !SOURCE_FORMATS.includes(values.format as SourceFormat)) {
    return usage(`unknown --format "${values.format}" (expected ${SOURCE_FORMATS.join(', ')})`);
  }
  try {
    const article = await parseFile(file, {
      ...(values.format !== undefined && { format: values.format as SourceFormat }),
      ...(values.lang !== undefined && { lang: values.lang }),
      ...(values.id !== undefined && { id: values.id }),
    });
    return { code: 0, stdout: formatArticleJson(article), stderr: '' };
  } catch (e) {
    return { code: 1, stdout: '', stderr: `aloud-segment: ${describe(e, file)}\n` };
  }
}

function usage(problem: string): CliResult {
  return { code: 2, stdout: '', stderr: `aloud-segment: ${problem} (${USAGE})\n` };
}

/** One line naming the problem, whatever was thrown. */
export function describe(e: unknown, file: string): string {
  if (e instanceof ArticleParseError) {
    const label = e.code === 'empty-article' ? 'empty article: ' : e.code === 'not-text' ? 'not text: ' : '';
    return `${file}: ${label}${firstLine(e.message)}`;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory, not a file`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: ${firstLine(e instanceof Error ? e.message : String(e))}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

if (isMain(import.meta.url)) {
  const result = await runSegment(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
