// Content pipeline throughput: each source format end to end (parse, segment,
// speech text, ids) beside its own first stage alone, measured in this run:
// text vs raw Intl.Segmenter over the same prose, Markdown vs marked's lexer,
// HTML vs linkedom's parse.
import { Lexer } from 'marked';
import { DOMParser } from 'linkedom';
import { parseSourceInNode } from '../src/article/node.ts';
import { parseText } from '../src/article/parse-text.ts';
import { splitSentences } from '../src/article/segment.ts';
import { speechText } from '../src/article/speech-text.ts';
import type { SourceFormat } from '../src/article/model.ts';

const PARAGRAPH =
  'Mosul\'s liberation is "imminent," but the battle "still remains ... a difficult fight," with days -- rather than weeks -- left to go, coalition spokesman Col. Ryan Dillon said Thursday. ' +
  'More than 742,000 people have left Mosul since the offensive began, the U.N. said about a month ago. It was 2.5 million people in 2014.';

function sources(targetBytes: number): Record<Exclude<SourceFormat, 'json'>, string> {
  const count = Math.ceil(targetBytes / PARAGRAPH.length);
  const paragraphs = Array.from({ length: count }, (_, i) => (i % 20 === 0 ? `Section ${i / 20 + 1}\n\n` : '') + PARAGRAPH);
  return {
    text: `A benchmark title\n\n${paragraphs.join('\n\n')}\n`,
    markdown: `# A benchmark title\n\n${paragraphs.map((p) => p.replace(/^Section (\d+)\n\n/, '## Section $1\n\n')).join('\n\n')}\n`,
    html: `<html><body><article><h1>A benchmark title</h1>${paragraphs
      .map((p) => p.replace(/^Section (\d+)\n\n/, '<h2>Section $1</h2>'))
      .map((p) => (p.startsWith('<h2>') ? p.replace(/<\/h2>(.*)$/, '</h2><p>$1</p>') : `<p>${p}</p>`))
      .join('\n')}</article></body></html>`,
  };
}

function time(fn: () => unknown, repeat = 3): number {
  fn(); // warm-up
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`;

export async function run(): Promise<void> {
  const input = sources(1_000_000);
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const baselines: Record<string, [string, () => unknown]> = {
    // Paragraph by paragraph, as the pipeline does: V8 copies the whole input
    // into every segment object, so one 1 MB string would exhaust the heap.
    text: [
      'raw Intl.Segmenter per paragraph',
      () => {
        let n = 0;
        for (const paragraph of input.text.split('\n\n')) for (const _ of segmenter.segment(paragraph)) n++;
        return n;
      },
    ],
    markdown: ["marked's lexer alone", () => new Lexer().lex(input.markdown).length],
    html: ["linkedom's parse alone", () => new DOMParser().parseFromString(input.html, 'text/html').body],
  };
  for (const format of ['text', 'markdown', 'html'] as const) {
    const source = input[format];
    const bytes = Buffer.byteLength(source);
    const ours = time(() => parseSourceInNode(source, { format, id: 'bench' }));
    const [label, baseline] = baselines[format]!;
    const base = time(baseline);
    console.log(
      `${format.padEnd(8)} ${(bytes / 1e6).toFixed(2)} MB: pipeline ${mbps(bytes, ours)} (${ours.toFixed(0)} ms)` +
        ` · ${label} ${mbps(bytes, base)} (${base.toFixed(0)} ms)`,
    );
  }

  // Where the text pipeline's time goes, stage by stage.
  const draft = parseText(input.text);
  const paragraphs = draft.sections.flatMap((x) => x.paragraphs.map((p) => p.text));
  const sentences = paragraphs.flatMap((p) => splitSentences(p, 'en'));
  const stages: [string, number][] = [
    ['parse (parseText)', time(() => parseText(input.text))],
    ['segment (splitSentences)', time(() => paragraphs.map((p) => splitSentences(p, 'en')))],
    ['speech text (speechText)', time(() => sentences.map((x) => speechText(x, 'en')))],
  ];
  console.log(`text stages: ${stages.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(' · ')}`);
}
