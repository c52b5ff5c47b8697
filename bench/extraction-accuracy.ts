// Extraction accuracy, run by `npm run accuracy` after the segmentation tables:
// for each page of test/fixtures/pages/ (one realistic CMS shape each, markup
// and text written for this project), the body text an extractor finds is
// scored against the human-marked body (<name>.expected.txt) by word 4-gram
// overlap: precision, recall and F1 over the multiset of 4-grams. The peer,
// Mozilla Readability 0.6.0, runs in the same process on the same linkedom
// documents. These pages were written while the rules were built: they are a
// test corpus, not a held-out set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { parseHtml } from '../src/article/parse-html.ts';
import { nodeDomParser } from '../src/article/node.ts';

const DIR = fileURLToPath(new URL('../test/fixtures/pages/', import.meta.url));
// Written after the rules were frozen and never used to change them.
const FROZEN_DIR = fileURLToPath(new URL('../test/fixtures/pages-frozen/', import.meta.url));

export interface Page {
  name: string;
  html: string;
  expected: string;
}

export function loadPages(dir = DIR): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -5);
      return { name, html: readFileSync(join(dir, f), 'utf8'), expected: readFileSync(join(dir, `${name}.expected.txt`), 'utf8') };
    });
}

type Extractor = (html: string) => string;

/** Aloud: the headings and paragraphs of the draft (the title is read apart). */
export const aloudBody: Extractor = (html) => {
  const draft = parseHtml(html, { domParser: nodeDomParser });
  return draft.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs.map((p) => p.text)]).join('\n');
};

const linkedom = new DOMParser();
const readabilityBody: Extractor = (html) => {
  const doc = linkedom.parseFromString(html, 'text/html') as unknown as Document;
  return new Readability(doc).parse()?.textContent ?? '';
};

export const EXTRACTORS: Record<string, Extractor> = { aloud: aloudBody, 'Readability 0.6.0': readabilityBody };

function grams(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const g = words.slice(i, i + 4).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Word 4-gram precision, recall and F1 of `got` against `want`. */
export function prf(got: string, want: string): Prf {
  const g = grams(got);
  const w = grams(want);
  let common = 0;
  let gn = 0;
  let wn = 0;
  for (const n of g.values()) gn += n;
  for (const [k, n] of w) {
    wn += n;
    common += Math.min(n, g.get(k) ?? 0);
  }
  const precision = gn ? common / gn : 0;
  const recall = wn ? common / wn : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const f = (x: number) => x.toFixed(3);

export function extractionReport(): void {
  const pages = loadPages();
  extractionTable(
    pages,
    'test/fixtures/pages',
    'Written for this project while the rules were built: a test corpus, not a held-out set.',
  );
  extractionTable(
    loadPages(FROZEN_DIR),
    'test/fixtures/pages-frozen',
    'Written after the rules were frozen, scored once, never used to change them (still written by us, so not a substitute for real pages).',
  );
  throughput(pages);
}

function extractionTable(pages: Page[], where: string, note: string): void {
  const names = Object.keys(EXTRACTORS);
  console.log(`\n### Extraction, ${where} (${pages.length} page shapes; word 4-gram F1 / precision / recall)\n`);
  console.log(`${note}\n`);
  console.log(`| page | ${names.map((n) => `${n} F1 | P | R`).join(' | ')} |`);
  console.log(`|---|${names.map(() => '---:|---:|---:').join('|')}|`);
  const sums = names.map(() => ({ precision: 0, recall: 0, f1: 0, empty: 0 }));
  for (const page of pages) {
    const cells = names.map((n, i) => {
      let got = '';
      try {
        got = EXTRACTORS[n]!(page.html);
      } catch (e) {
        got = '';
        console.error(`${n} threw on ${page.name}: ${(e as Error).message}`);
      }
      const s = prf(got, page.expected);
      const sum = sums[i]!;
      sum.precision += s.precision;
      sum.recall += s.recall;
      sum.f1 += s.f1;
      if (!got.trim()) sum.empty++;
      return `${f(s.f1)} | ${f(s.precision)} | ${f(s.recall)}`;
    });
    console.log(`| ${page.name} | ${cells.join(' | ')} |`);
  }
  const n = pages.length;
  console.log(
    `| **mean** | ${sums.map((s) => `**${f(s.f1 / n)}** | ${f(s.precision / n)} | ${f(s.recall / n)}`).join(' | ')} |`,
  );
  console.log(`\nEmpty results: ${names.map((name, i) => `${name} ${sums[i]!.empty}/${n}`).join(', ')}.`);
}

function throughput(pages: Page[]): void {
  const names = Object.keys(EXTRACTORS);
  const n = pages.length;

  // Throughput, the same pages in the same process (a guide, not a budget:
  // speed budgets live in `npm run bench`).
  const rounds = 20;
  const line: string[] = [];
  for (const name of names) {
    const fn = EXTRACTORS[name]!;
    for (const p of pages) fn(p.html); // warm-up
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const p of pages) fn(p.html);
    const ms = (performance.now() - t0) / (rounds * n);
    line.push(`${name} ${ms.toFixed(2)} ms/page`);
  }
  console.log(`Throughput (parse + extract, linkedom, ${rounds}×${n} pages): ${line.join(', ')}.`);
}
