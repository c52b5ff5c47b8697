// Where the player's article comes from, on its own: the property as given,
// `src` through the loader, and a newer load that replaces one in flight
// (its result and its failure are never told).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleSource } from '../../../src/ui/player/article-source.ts';
import type { Article } from '../../../src/article/model.ts';
import { makeArticle } from '../../support/fake-engine.ts';

const article = (title: string): Article => makeArticle([{ paragraphs: [['One.', 'Two.']] }], { title, id: title.toLowerCase() });

function setup() {
  const told: string[] = [];
  const source = new ArticleSource({
    loading: (on) => told.push(`loading ${on}`),
    loaded: (a) => told.push(`loaded ${a?.title ?? null}`),
    failed: (e) => told.push(`failed ${(e as { code?: string }).code}`),
    updated: (a) => told.push(`updated ${a.title}`),
  });
  return { source, told };
}

/** Serves each URL its article after the delay given, or a 404. */
function serve(routes: Record<string, { body?: Article; ms: number }>) {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const route = routes[url];
    await new Promise((r) => setTimeout(r, route?.ms ?? 0));
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (!route?.body) return new Response('no', { status: 404 });
    return new Response(JSON.stringify(route.body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

const settle = () => new Promise((r) => setTimeout(r, 80));
/** Waits for what the source told (the loader is a chunk: its first import may take a while on a busy machine), then a settle for anything later. */
async function toldYet(list: string[], what: string): Promise<void> {
  for (let i = 0; i < 250 && !list.includes(what); i++) await new Promise((r) => setTimeout(r, 20));
  expect(list).toContain(what);
  await settle();
}
const opts = { lang: '', remembers: () => false };

afterEach(() => vi.unstubAllGlobals());

describe('the article source', () => {
  it('takes the article property as given, with no loading state', async () => {
    const { source, told } = setup();
    source.load('', article('Given'), opts);
    await settle();
    expect(told).toEqual(['loading false', 'loaded Given']);
  });

  it('fetches src, saying loading until it settles', async () => {
    serve({ '/a.json': { body: article('Fetched'), ms: 5 } });
    const { source, told } = setup();
    source.load('/a.json', null, opts);
    await toldYet(told, 'loaded Fetched');
    expect(told).toEqual(['loading true', 'loading false', 'loaded Fetched']);
  });

  it('a newer load replaces one in flight: the older result is never told, even when it lands last', async () => {
    serve({ '/slow.json': { body: article('Slow'), ms: 40 }, '/fast.json': { body: article('Fast'), ms: 1 } });
    const { source, told } = setup();
    source.load('/slow.json', null, opts);
    source.load('/fast.json', null, opts);
    await toldYet(told, 'loaded Fast');
    expect(told.filter((t) => !t.startsWith('loading'))).toEqual(['loaded Fast']);
  });

  it('tells a failure with its code, but not a failure of a replaced load', async () => {
    serve({ '/missing.json': { ms: 1 }, '/late-missing.json': { ms: 30 }, '/ok.json': { body: article('Ok'), ms: 1 } });
    const { source, told } = setup();
    source.load('/missing.json', null, opts);
    await toldYet(told, 'failed http-error');
    expect(told.at(-1)).toBe('failed http-error');
    told.length = 0;
    source.load('/late-missing.json', null, opts);
    source.load('/ok.json', null, opts);
    await toldYet(told, 'loaded Ok');
    expect(told.filter((t) => !t.startsWith('loading'))).toEqual(['loaded Ok']);
  });

  it('neither property nor src: no article, no fetch', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { source, told } = setup();
    source.load('', null, opts);
    await settle();
    expect(told).toEqual(['loading false', 'loaded null']);
    expect(fetch).not.toHaveBeenCalled();
  });
});
