// Segmentation throughput (npm run bench segment): splitSentences beside raw
// Intl.Segmenter measured in the same run on the same text. A benchmark, not a
// test: nothing here fails a build. Goal: at least 60 % of raw Intl's MB/s.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../src/article/segment.ts';
import { SEGMENTATION_CASES } from '../test/fixtures/segmentation-cases.ts';

const SEED = fileURLToPath(new URL('../../shared/seed/000_b1e2443bbc8c11eb.txt', import.meta.url));

/** About `bytes` of realistic text in `lang`, as paragraphs. */
export function corpus(lang: string, bytes: number): string[] {
  let paras: string[];
  if (lang === 'en') {
    let seed = '';
    try {
      seed = readFileSync(SEED, 'utf8');
    } catch {
      /* the seed lives outside the repository; the table alone is enough */
    }
    paras = seed
      .split(/\n\s*\n|\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 80);
  } else paras = [];
  paras.push(...SEGMENTATION_CASES.filter((c) => c.lang === lang).map((c) => c.text));
  // Glue table cases into paragraph-sized blocks (as a parser would pass them).
  const blocks: string[] = [];
  for (let i = 0; i < paras.length; i += 4) blocks.push(paras.slice(i, i + 4).join(' '));
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = blocks[i % blocks.length]!;
    out.push(p);
    size += Buffer.byteLength(p, 'utf8');
  }
  return out;
}

function rawIntl(paras: string[], lang: string): number {
  const seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
  let n = 0;
  for (const p of paras) {
    for (const s of seg.segment(p)) if (s.segment.trim()) n++;
  }
  return n;
}

function ours(paras: string[], lang: string): number {
  let n = 0;
  for (const p of paras) n += splitSentences(p, lang).length;
  return n;
}

function time(fn: () => number, rounds: number): { ms: number; n: number } {
  let best = Infinity;
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    n = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, n };
}

export async function run(): Promise<void> {
  const MB = 1 << 20;
  const rows: string[] = [];
  for (const [lang, size] of [
    ['en', 2 * MB],
    ['de', 1 * MB],
    ['ja', 1 * MB],
  ] as const) {
    const paras = corpus(lang, size);
    const bytes = paras.reduce((a, p) => a + Buffer.byteLength(p, 'utf8'), 0);
    ours(paras.slice(0, 200), lang); // warm up
    rawIntl(paras.slice(0, 200), lang);
    // Interleave the two, best of 9 rounds each, so both see the same machine state.
    let intlMs = Infinity;
    let oursMs = Infinity;
    let nIntl = 0;
    let nOurs = 0;
    for (let r = 0; r < 9; r++) {
      const a = time(() => rawIntl(paras, lang), 1);
      const b = time(() => ours(paras, lang), 1);
      intlMs = Math.min(intlMs, a.ms);
      oursMs = Math.min(oursMs, b.ms);
      nIntl = a.n;
      nOurs = b.n;
    }
    const mbs = (ms: number) => bytes / MB / (ms / 1000);
    rows.push(
      `| ${lang} | ${(bytes / MB).toFixed(2)} MB, ${paras.length} paragraphs | ${mbs(intlMs).toFixed(1)} MB/s (${nIntl} segments) | ${mbs(oursMs).toFixed(1)} MB/s (${nOurs} sentences) | ${((100 * intlMs) / oursMs).toFixed(0)} % |`,
    );
  }
  // One 10 MB paragraph-free block, as a worst case for a parser.
  const big = corpus('en', 10 * MB).join('\n');
  const t0 = performance.now();
  const n = splitSentences(big, 'en').length;
  const bigMs = performance.now() - t0;

  // Raw Intl.Segmenter slows down quadratically on one long string; ours cuts
  // long inputs into chunks. Shown on 256 KB (1 MB already takes raw Intl ~1 min).
  const quarter = corpus('en', 256 << 10).join('\n');
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const q0 = performance.now();
  let qn = 0;
  for (const x of seg.segment(quarter)) if (x.segment.trim()) qn++;
  const q1 = performance.now();
  const qm = splitSentences(quarter, 'en').length;
  const q2 = performance.now();

  console.log('| lang | text | raw Intl.Segmenter | splitSentences | ours / raw |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log(
    `\n256 KB as one string: raw Intl.Segmenter ${((q1 - q0) / 1000).toFixed(2)} s (${qn} segments), splitSentences ${((q2 - q1) / 1000).toFixed(2)} s (${qm} sentences).`,
  );
  console.log(`10 MB as one string: splitSentences, ${n} sentences in ${(bigMs / 1000).toFixed(2)} s.`);
}
