// `npm run accuracy`: exact-match accuracy of sentence segmenters on the case
// table (test/fixtures/segmentation-cases.ts) and on the held-out table
// (test/fixtures/segmentation-holdout.ts, written after the rules were frozen
// and never used to tune them). A case counts only when every sentence matches.
// Each segmenter's sentences are trimmed and whitespace-collapsed before the
// comparison, so only the boundaries are judged.
import { createRequire } from 'node:module';
import { split as ssSplit } from 'sentence-splitter';
import { splitSentences } from '../src/article/segment.ts';
import { SEGMENTATION_CASES, type SegCase } from '../test/fixtures/segmentation-cases.ts';
import { HOLDOUT_CASES } from '../test/fixtures/segmentation-holdout.ts';
import { GOLDEN_RULES_EN } from '../test/fixtures/golden-rules-en.ts';
import { extractionReport } from './extraction-accuracy.ts';

// sbd ships no types.
const sbd = createRequire(import.meta.url)('sbd') as {
  sentences(text: string, options?: Record<string, unknown>): string[];
};

type Splitter = (text: string, lang: string) => string[];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const clean = (xs: string[]) => xs.map(norm).filter((s) => s.length > 0);

const intlCache = new Map<string, Intl.Segmenter>();
const intl: Splitter = (text, lang) => {
  let s = intlCache.get(lang);
  if (!s) intlCache.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return clean([...s.segment(text)].map((x) => x.segment));
};

const sbdSplit: Splitter = (text) =>
  clean(sbd.sentences(text, { newline_boundaries: true, sanitize: false, html_boundaries: false }));

const sentenceSplitter: Splitter = (text) =>
  clean(
    ssSplit(text)
      .filter((n) => n.type === 'Sentence')
      .map((n) => n.raw),
  );

export const SEGMENTERS: Record<string, Splitter> = {
  aloud: (t, l) => splitSentences(t, l),
  'Intl.Segmenter': intl,
  sbd: sbdSplit,
  'sentence-splitter': sentenceSplitter,
};

export interface Score {
  ok: number;
  total: number;
  byLang: Map<string, { ok: number; total: number }>;
  failures: { c: SegCase; got: string[] }[];
}

export function score(cases: SegCase[], fn: Splitter): Score {
  const byLang = new Map<string, { ok: number; total: number }>();
  const failures: Score['failures'] = [];
  let ok = 0;
  for (const c of cases) {
    let got: string[];
    try {
      got = fn(c.text, c.lang);
    } catch (e) {
      got = [`<threw ${(e as Error).message}>`];
    }
    const pass = JSON.stringify(got) === JSON.stringify(c.expected.map(norm));
    const l = byLang.get(c.lang) ?? { ok: 0, total: 0 };
    l.total++;
    if (pass) {
      l.ok++;
      ok++;
    } else failures.push({ c, got });
    byLang.set(c.lang, l);
  }
  return { ok, total: cases.length, byLang, failures };
}

const pct = (ok: number, total: number) => (total ? ((100 * ok) / total).toFixed(1) + ' %' : '—');

function table(title: string, cases: SegCase[]): void {
  const langs = [...new Set(cases.map((c) => c.lang))];
  const names = Object.keys(SEGMENTERS);
  const scores = names.map((n) => score(cases, SEGMENTERS[n]!));
  console.log(`\n### ${title} (${cases.length} cases)\n`);
  console.log(`| lang | cases | ${names.join(' | ')} |`);
  console.log(`|---|---:|${names.map(() => '---:').join('|')}|`);
  for (const l of langs) {
    const n = cases.filter((c) => c.lang === l).length;
    const cells = scores.map((s) => {
      const x = s.byLang.get(l)!;
      return `${x.ok}/${x.total}`;
    });
    console.log(`| ${l} | ${n} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| **all** | ${cases.length} | ${scores.map((s) => `**${s.ok}/${s.total} (${pct(s.ok, s.total)})**`).join(' | ')} |`,
  );
  const ours = scores[0]!;
  if (ours.failures.length && process.argv.includes('--failures')) {
    console.log('\nFailures of aloud:');
    for (const f of ours.failures) {
      console.log(`- [${f.c.lang}] ${f.c.note}\n    got:  ${JSON.stringify(f.got)}\n    want: ${JSON.stringify(f.c.expected)}`);
    }
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('segmentation-accuracy.ts');
if (isMain) {
  console.log('Exact-match accuracy per case (every sentence of the case right).');
  table('The case table, test/fixtures/segmentation-cases.ts', SEGMENTATION_CASES);
  table('Held-out cases, test/fixtures/segmentation-holdout.ts (never used for tuning)', HOLDOUT_CASES);
  table('The English Golden Rules, test/fixtures/golden-rules-en.ts (pySBD publishes 47/48, 97.92 %, on these)', GOLDEN_RULES_EN);
  if (!process.argv.includes('--failures')) console.log('\n(`npm run accuracy -- --failures` lists our failures.)');
  extractionReport();
}
