// Cost of the article checks the content pipeline and the loader add:
// speechText per sentence beside raw Intl.Segmenter on the same text, and
// validateArticle beside the JSON.parse that precedes it in the loader.
import { readFileSync } from 'node:fs';
import { speechText } from '../src/article/speech-text.ts';
import { validateArticle } from '../src/article/validate.ts';
import type { Article } from '../src/article/model.ts';

function best(fn: () => void, runs = 5): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function run(): Promise<void> {
  const seed = JSON.parse(readFileSync(new URL('../content/mosul-2017-06-29.json', import.meta.url), 'utf8')) as Article;
  const sentences = seed.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
  // Abbreviation-dense lines as well, so the rules have work to do.
  sentences.push(
    'Lt. Gen. Smith met Col. Dillon on Main St. near St. Louis on Thu, Oct. 5 -- approx. 5 p.m.',
    'The $5.2 billion deal, e.g. for the 1990s No. 1 hit, see https://www.example.com/a/b?c.',
  );
  const corpus: string[] = [];
  let bytes = 0;
  while (bytes < 1_000_000) {
    for (const s of sentences) {
      corpus.push(s);
      bytes += s.length;
    }
  }
  const mb = bytes / 1e6;

  // Baseline: segmenting each sentence again, the cheapest pass the
  // pipeline already makes over the same strings.
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let n = 0;
  const segMs = best(() => {
    n = 0;
    for (const s of corpus) for (const _ of segmenter.segment(s)) n++;
  });
  let changed = 0;
  const speakMs = best(() => {
    changed = 0;
    for (const s of corpus) if (speechText(s, 'en') !== undefined) changed++;
  });
  console.log(`speechText on ${mb.toFixed(2)} MB (${corpus.length} sentences, ${changed} changed): ${(mb / (speakMs / 1000)).toFixed(1)} MB/s`);
  console.log(`  baseline, raw Intl.Segmenter over the same sentences (${n} segments): ${(mb / (segMs / 1000)).toFixed(1)} MB/s`);

  // A 10 MB article: the seed's sections repeated with fresh ids.
  const big: Article = { ...seed, sections: [] };
  for (let k = 0; JSON.stringify(big).length < 10_000_000; k++) {
    for (const s of seed.sections) {
      big.sections.push({
        ...s,
        id: `${s.id}-${k}`,
        paragraphs: s.paragraphs.map((p) => ({ ...p, id: `${p.id}-${k}`, sentences: p.sentences.map((x) => ({ ...x, id: `${x.id}-${k}` })) })),
      });
    }
  }
  const json = JSON.stringify(big);
  let parsed: unknown;
  const parseMs = best(() => {
    parsed = JSON.parse(json);
  });
  let ok = false;
  const validateMs = best(() => {
    ok = validateArticle(parsed).ok;
  });
  const jmb = json.length / 1e6;
  console.log(`validateArticle on a ${jmb.toFixed(1)} MB article (valid: ${ok}): ${validateMs.toFixed(1)} ms, ${(jmb / (validateMs / 1000)).toFixed(0)} MB/s`);
  console.log(`  baseline, JSON.parse of the same document: ${parseMs.toFixed(1)} ms, ${(jmb / (parseMs / 1000)).toFixed(0)} MB/s`);
}
