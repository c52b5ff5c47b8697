// Cost of a pronunciation lexicon: compiling one for a language (done once,
// when the first sentence in it is queued) and respelling each sentence the
// store hands the engine, beside the speechText pass the same sentences got
// in the pipeline, for lexicons of 100 to 20,000 entries.
import { readFileSync } from 'node:fs';
import { compileLexicon, type Lexicon } from '../src/article/lexicon.ts';
import { speechText } from '../src/article/speech-text.ts';
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

/** `n` entries: names of one and two words, half matching any case, plus the seed's own names. */
function lexicon(n: number): Lexicon {
  const words: Record<string, string> = { Mosul: 'Mo-sool', ISIS: 'eye-sis', 'Ryan Dillon': 'Rye-an Dil-lon' };
  for (let i = 0; Object.keys(words).length < n; i++) {
    const name = `${i % 2 ? 'Name' : 'name'}${i.toString(36)}`;
    words[i % 3 ? `${name} Two` : name] = `said ${i}`;
  }
  return { en: words };
}

export async function run(): Promise<void> {
  const seed = JSON.parse(readFileSync(new URL('../content/mosul-2017-06-29.json', import.meta.url), 'utf8')) as Article;
  const sentences = seed.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.speak ?? x.text)));
  const chars = sentences.reduce((n, s) => n + s.length, 0);
  const speechMs = best(() => {
    for (const s of sentences) speechText(s, 'en');
  });
  console.log(`the seed's ${sentences.length} sentences (${chars} characters)`);
  console.log(`  baseline, speechText over them: ${((speechMs * 1000) / sentences.length).toFixed(1)} µs a sentence`);
  for (const n of [100, 1_000, 5_000, 20_000]) {
    const source = lexicon(n);
    let changed = 0;
    const compileMs = best(() => {
      const lex = compileLexicon(source);
      lex.respell('Mosul.', 'en');
    });
    const lex = compileLexicon(source);
    lex.respell('Mosul.', 'en');
    const respellMs = best(() => {
      changed = 0;
      for (const s of sentences) if (lex.respell(s, 'en')) changed++;
    });
    console.log(
      `  ${n.toLocaleString('en')} entries: compile ${compileMs.toFixed(1)} ms; respell ${((respellMs * 1000) / sentences.length).toFixed(1)} µs a sentence (${changed} changed)`,
    );
  }
}
