/**
 * `npm run content`: rebuilds content/<id>.json from every source file in
 * content/ (.txt, .md, .html; JSON files are outputs). Deterministic: the
 * same sources give the same bytes, and unchanged files are not rewritten.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, parseFile } from '../src/article/node.ts';
import { isMain } from './is-main.ts';
import { describe, formatArticleJson } from './segment.ts';

/** One line of the build report. */
export interface ContentReport {
  source: string;
  output: string;
  status: 'written' | 'unchanged';
  sections: number;
  sentences: number;
}

/**
 * Builds every source in `dir`. Throws (with a one-line message naming the
 * file) on the first source that is not a readable article, or when two
 * sources would write the same id.
 */
export async function buildContent(dir: string): Promise<ContentReport[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => {
      const format = detectFormat(name);
      return format !== undefined && format !== 'json';
    })
    .sort();
  const reports: ContentReport[] = [];
  const owners = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    let article;
    try {
      article = await parseFile(path);
    } catch (e) {
      throw new Error(describe(e, path));
    }
    const previous = owners.get(article.id);
    if (previous) throw new Error(`${path}: id "${article.id}" is also the id of ${previous}`);
    owners.set(article.id, path);
    const output = join(dir, `${article.id}.json`);
    const json = formatArticleJson(article);
    const old = await readFile(output, 'utf8').catch(() => undefined);
    if (old !== json) await writeFile(output, json);
    reports.push({
      source: path,
      output,
      status: old === json ? 'unchanged' : 'written',
      sections: article.sections.length,
      sentences: article.sections.reduce(
        (n, s) => n + s.paragraphs.reduce((m, p) => m + p.sentences.length, 0),
        0,
      ),
    });
  }
  return reports;
}

if (isMain(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../content', import.meta.url));
  try {
    const reports = await buildContent(dir);
    for (const r of reports) {
      const rel = (p: string): string => relative(process.cwd(), p);
      console.log(
        `aloud-content: ${r.status} ${rel(r.output)} from ${rel(r.source)} (${r.sections} sections, ${r.sentences} sentences)`,
      );
    }
    if (reports.length === 0) console.log(`aloud-content: no sources in ${dir}`);
  } catch (e) {
    process.stderr.write(`aloud-content: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
