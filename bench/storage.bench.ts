// Storage costs, in Node with fake-indexeddb (an in-memory IndexedDB in JS:
// absolute figures differ from a browser's, ratios to the baselines in the
// same process are the point).
//  1. A position save (what playback pays every ~2 s) beside a raw
//     idb-keyval set of the same value, and JSON.stringify of it.
//  2. Time to a playable article from the IndexedDB cache beside from the
//     "network" (a local node:http server on 127.0.0.1 with ETag), for the
//     seed and a generated 100,000-word article; plain loadArticle (no cache)
//     as the baseline.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, set } from 'idb-keyval';
import type { Article } from '../src/article/model.ts';
import { loadArticle } from '../src/article/load.ts';
import { openStorage } from '../src/storage/db.ts';
import { savePosition } from '../src/storage/positions.ts';
import { cachedLoad } from '../src/storage/article-cache.ts';

const now = () => performance.now();

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}
const ms = (x: number) => `${x < 1 ? x.toFixed(3) : x.toFixed(1)} ms`;
const line = (label: string, samples: number[]) => {
  const { median, p95 } = stats(samples);
  console.log(`${label.padEnd(46)} median ${ms(median).padStart(10)}   p95 ${ms(p95).padStart(10)}`);
  return median;
};

async function timeEach(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn(i);
    out.push(now() - t);
  }
  return out;
}

/** An article of about `words` words, ~15 words a sentence, 5 sentences a paragraph, 8 paragraphs a section. */
function generatedArticle(words: number): Article {
  const vocab = 'the river city bridge market forces ancient mosque minaret people returned quietly along old streets after months'.split(' ');
  const sections: Article['sections'] = [];
  let w = 0;
  let si = 0;
  while (w < words) {
    si++;
    const paragraphs: Article['sections'][number]['paragraphs'] = [];
    for (let pi = 1; pi <= 8 && w < words; pi++) {
      const sentences = [];
      for (let ti = 1; ti <= 5 && w < words; ti++) {
        const n = 15;
        const text = Array.from({ length: n }, (_, k) => vocab[(w + k * 7) % vocab.length]).join(' ');
        sentences.push({ id: `s${si}p${pi}s${ti}`, text: `${text[0]!.toUpperCase()}${text.slice(1)}.` });
        w += n;
      }
      paragraphs.push({ id: `s${si}p${pi}`, sentences });
    }
    sections.push({ id: `s${si}`, heading: `Part ${si}`, paragraphs });
  }
  return { version: 1, id: 'generated-100k', lang: 'en', title: 'A generated long read', sections };
}

async function articleServer(docs: Record<string, string>) {
  const server = createServer((req, res) => {
    const body = docs[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${body.length}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function run(): Promise<void> {
  console.log('(Node, fake-indexeddb: an in-memory IndexedDB; compare with the baselines on the same line set)\n');

  // 1. Position save.
  const storage = openStorage({ indexedDB: new IDBFactory() });
  const raw = createStore('raw-bench', 'kv');
  const record = { v: 1, sentenceId: 's4p2s1', heading: 'Key trading city', at: Date.now() };
  await savePosition(storage, 'warm', record);
  // idb-keyval's own createStore opens through the global factory: lend it one
  // for the first call only (the connection is kept), then put things back.
  const g = globalThis as { indexedDB?: IDBFactory };
  const previous = g.indexedDB;
  g.indexedDB = new IDBFactory();
  try {
    await set('warm', record, raw);
  } finally {
    if (previous === undefined) delete g.indexedDB;
    else g.indexedDB = previous;
  }
  const N = 2000;
  // Warm both paths, then interleave them so drift on a shared machine hits both alike.
  for (let i = 0; i < 200; i++) {
    await set(`k${i % 50}`, record, raw);
    await savePosition(storage, `k${i % 50}`, record);
  }
  const rawTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let i = 0; i < N; i++) {
    let t = now();
    await set(`k${i % 50}`, record, raw);
    rawTimes.push(now() - t);
    t = now();
    await savePosition(storage, `k${i % 50}`, record);
    ourTimes.push(now() - t);
  }
  line('JSON.stringify of the position record', await timeEach(N, () => JSON.stringify(record)));
  const base = line('raw idb-keyval set (baseline)', rawTimes);
  const ours = line('savePosition (validated, never throws)', ourTimes);
  console.log(`savePosition / raw set: ${(ours / base).toFixed(2)}×; throttled to one per 2 s while playing\n`);

  // 2. Time to a playable article.
  const seedPath = new URL('../content/mosul-2017-06-29.json', import.meta.url);
  const docs: Record<string, string> = {};
  if (existsSync(seedPath)) docs['/seed.json'] = readFileSync(seedPath, 'utf8');
  const big = generatedArticle(100_000);
  docs['/long.json'] = JSON.stringify(big);
  const srv = await articleServer(docs);
  try {
    for (const [path, label, runs] of [
      ['/seed.json', 'seed', 30],
      ['/long.json', '100,000 words', 8],
    ] as const) {
      if (!docs[path]) {
        console.log(`${label}: content/mosul-2017-06-29.json missing, skipped`);
        continue;
      }
      const url = srv.origin + path;
      const words = JSON.parse(docs[path]!).sections.flatMap((s: Article['sections'][number]) =>
        s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)),
      ).join(' ').split(/\s+/).length;
      console.log(`${label} (${words} words, ${(docs[path]!.length / 1024).toFixed(0)} KiB JSON):`);
      await loadArticle(url);
      line('  network, plain loadArticle (baseline)', await timeEach(runs, () => loadArticle(url)));
      line('  network, cachedLoad with an empty cache', await timeEach(runs, async () => {
        const s = openStorage({ indexedDB: new IDBFactory() });
        await cachedLoad(url, { loadArticle, storage: s });
      }));
      const warm = openStorage({ indexedDB: new IDBFactory() });
      await cachedLoad(url, { loadArticle, storage: warm });
      // Timed until the article is in hand; the background check is awaited
      // outside the timing so it never overlaps the next run.
      const hits: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = now();
        const r = await cachedLoad(url, { loadArticle, storage: warm });
        hits.push(now() - t);
        if (!r.fromCache) throw new Error('expected a cache hit');
        await r.revalidation;
      }
      line('  cache, cachedLoad (check in background)', hits);
    }
  } finally {
    await srv.close();
  }
}
