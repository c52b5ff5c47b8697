import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import {
  cachedLoad,
  isSaved,
  listSaved,
  remove,
  setSaved,
  type LoadArticle,
} from '../../../src/storage/article-cache.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { placeAfterUpdate } from '../../../src/player/resume.ts';
import { freshStorage, makeArticle, simulateQuota } from '../../support/storage-helpers.ts';

afterEach(() => vi.restoreAllMocks());

/** The loader contract: fetch through the given fetch, throw on a bad status, parse. */
const loadArticle: LoadArticle = async (src, { fetch: f = fetch, signal } = {}) => {
  const res = await f(src, signal ? { signal } : {});
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Article;
};

/** A tiny HTTP server in a function: ETag/Last-Modified, 304s, offline switch, a request log. */
function server(initial: Record<string, Article>, opts: { validators?: boolean } = {}) {
  const docs = new Map(Object.entries(initial));
  const versions = new Map<string, number>();
  const log: Array<{ url: string; headers: Record<string, string>; cache?: RequestCache }> = [];
  let online = true;
  const f: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    log.push({ url, headers, ...(init?.cache ? { cache: init.cache } : {}) });
    if (!online) throw new TypeError('Failed to fetch');
    const doc = docs.get(url);
    if (!doc) return new Response('not found', { status: 404 });
    const etag = `"v${versions.get(url) ?? 1}"`;
    const validators: Record<string, string> =
      opts.validators === false ? {} : { ETag: etag, 'Last-Modified': 'Wed, 21 Oct 2026 07:28:00 GMT' };
    if (opts.validators !== false && headers['if-none-match'] === etag) return new Response(null, { status: 304, headers: validators });
    return new Response(JSON.stringify(doc), { status: 200, headers: { 'Content-Type': 'application/json', ...validators } });
  };
  return {
    fetch: f,
    log,
    setOnline: (on: boolean) => (online = on),
    update(url: string, doc: Article) {
      docs.set(url, doc);
      versions.set(url, (versions.get(url) ?? 1) + 1);
    },
  };
}

const URL_A = 'https://news.example/a.json';
const URL_B = 'https://news.example/b.json';
const URL_C = 'https://news.example/c.json';

describe('cachedLoad', () => {
  it('loads from the network the first time, then from storage at once with a conditional revalidation (304)', async () => {
    const { storage, problems } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a') });
    const onUpdate = vi.fn();
    const first = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, onUpdate });
    expect(first.fromCache).toBe(false);
    expect(first.article.id).toBe('a');

    const second = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, onUpdate });
    expect(second.fromCache).toBe(true);
    expect(second.article).toEqual(first.article);
    expect(await second.revalidation).toBe('unchanged');
    expect(srv.log[1]!.headers['if-none-match']).toBe('"v1"');
    expect(srv.log[1]!.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(onUpdate).not.toHaveBeenCalled();
    expect(problems).toEqual([]);
  });

  it('serves the cached copy and reports an update when the network copy changed; the next visit gets the new one', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a', 3, 3, 'Old title') });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    srv.update(URL_A, makeArticle('a', 4, 3, 'New title'));
    const updates: Article[] = [];
    const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, onUpdate: (a) => updates.push(a) });
    expect(r.article.title).toBe('Old title');
    expect(await r.revalidation).toBe('updated');
    expect(updates.map((a) => a.title)).toEqual(['New title']);
    const again = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    expect(again.article.title).toBe('New title');
    expect(await again.revalidation).toBe('unchanged');
    expect(srv.log.at(-1)!.headers['if-none-match']).toBe('"v2"');
  });

  it('without validators from the server, compares content: identical is "unchanged"', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a') }, { validators: false });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    const onUpdate = vi.fn();
    const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, onUpdate });
    expect(await r.revalidation).toBe('unchanged');
    expect(srv.log[1]!.headers['if-none-match']).toBeUndefined();
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('offline: the cached copy still plays; without one, the loader\'s error comes through', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a') });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    srv.setOnline(false);
    const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    expect(r.article.id).toBe('a');
    expect(await r.revalidation).toBe('failed');
    await expect(cachedLoad(URL_B, { loadArticle, fetch: srv.fetch, storage })).rejects.toThrow('Failed to fetch');
  });

  it('with storage blocked, loads from the network every time and never fails because of storage', async () => {
    const problems: string[] = [];
    const storage = openStorage({ indexedDB: null, onProblem: (k) => problems.push(k) });
    const srv = server({ [URL_A]: makeArticle('a') });
    const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    expect(r).toMatchObject({ fromCache: false, article: { id: 'a' } });
    expect((await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage })).fromCache).toBe(false);
    expect(problems).toEqual(['unavailable']);
  });

  it('a corrupt cached article is discarded with a warning and fetched again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a') });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    await storage.set('articles', URL_A, { v: 1, article: { version: 1, id: 'a', sections: 'oops' } });
    const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    expect(r.fromCache).toBe(false);
    expect(r.article.sections).toHaveLength(3);
    expect(warn).toHaveBeenCalled();
    expect(problems.map(([k]) => k)).toEqual(['corrupt']);
  });

  it('cross-origin: revalidates without conditional headers (no CORS preflight) but with cache: no-cache', async () => {
    vi.stubGlobal('location', { origin: 'https://publisher.example', href: 'https://publisher.example/story' });
    try {
      const { storage } = freshStorage();
      const srv = server({ [URL_A]: makeArticle('a') });
      await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
      const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
      expect(await r.revalidation).toBe('unchanged');
      expect(srv.log[1]!.headers['if-none-match']).toBeUndefined();
      expect(srv.log[1]!.headers['if-modified-since']).toBeUndefined();
      expect(srv.log[1]!.cache).toBe('no-cache');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('drops the fragment from the cache key', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a') });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    expect((await cachedLoad(`${URL_A}#s2`, { loadArticle, fetch: srv.fetch, storage })).fromCache).toBe(true);
  });
});

describe('saved for offline, eviction and the saved list', () => {
  it('lists saved articles with UTF-8 JSON sizes, dates and titles; cached copies only on request', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a', 2, 2, 'Café à Mossoul'), [URL_B]: makeArticle('b') });
    let t = 1000;
    const now = () => t;
    const a = (await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, now })).article;
    t = 2000;
    await cachedLoad(URL_B, { loadArticle, fetch: srv.fetch, storage, now });
    expect(await listSaved({ storage })).toEqual([]);
    t = 3000;
    expect(await setSaved(URL_A, true, { storage, now })).toBe(true);
    expect(await isSaved(URL_A, storage)).toBe(true);
    expect(await isSaved(URL_B, storage)).toBe(false);
    const saved = await listSaved({ storage });
    expect(saved).toEqual([
      expect.objectContaining({
        url: URL_A,
        id: 'a',
        title: 'Café à Mossoul',
        lang: 'en',
        bytes: new TextEncoder().encode(JSON.stringify(a)).byteLength,
        fetchedAt: 1000,
        pinned: true,
      }),
    ]);
    expect(saved[0]!.bytes).toBeGreaterThan(JSON.stringify(a).length);
    expect((await listSaved({ storage, includeCached: true })).map((s) => s.url)).toEqual([URL_B, URL_A]);
  });

  it('"Save for offline" with an article not yet cached stores and pins it; off keeps an evictable copy; remove forgets', async () => {
    const { storage } = freshStorage();
    expect(await setSaved(URL_C, true, { storage })).toBe(false);
    expect(await setSaved(URL_C, true, { storage, article: makeArticle('c') })).toBe(true);
    expect((await listSaved({ storage })).map((s) => s.id)).toEqual(['c']);
    expect(await setSaved(URL_C, false, { storage })).toBe(true);
    expect(await listSaved({ storage })).toEqual([]);
    expect((await listSaved({ storage, includeCached: true })).map((s) => s.id)).toEqual(['c']);
    expect(await remove(URL_C, storage)).toBe(true);
    expect(await listSaved({ storage, includeCached: true })).toEqual([]);
    expect(await storage.get('articles', URL_C)).toBeUndefined();
  });

  it('evicts the least recently used unpinned copy beyond the limit, never a pinned one', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a'), [URL_B]: makeArticle('b'), [URL_C]: makeArticle('c') });
    const limits = { maxEntries: 1, maxBytes: 1e9 };
    let t = 0;
    const now = () => ++t;
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, limits, now });
    await setSaved(URL_A, true, { storage, now });
    await cachedLoad(URL_B, { loadArticle, fetch: srv.fetch, storage, limits, now });
    await cachedLoad(URL_C, { loadArticle, fetch: srv.fetch, storage, limits, now });
    const left = (await listSaved({ storage, includeCached: true })).map((s) => s.id).sort();
    expect(left).toEqual(['a', 'c']);
    expect(await storage.get('articles', URL_B)).toBeUndefined();
  });

  it('evicts by bytes too', async () => {
    const { storage } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a', 5, 5), [URL_B]: makeArticle('b', 5, 5) });
    const oneArticle = JSON.stringify(makeArticle('a', 5, 5)).length;
    const limits = { maxEntries: 100, maxBytes: oneArticle * 1.5 };
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage, limits });
    await cachedLoad(URL_B, { loadArticle, fetch: srv.fetch, storage, limits });
    expect((await listSaved({ storage, includeCached: true })).map((s) => s.id)).toEqual(['b']);
  });

  it('on QuotaExceededError drops unpinned copies and retries once; if still full, still returns the article', async () => {
    const { storage, problems } = freshStorage();
    const srv = server({ [URL_A]: makeArticle('a'), [URL_B]: makeArticle('b'), [URL_C]: makeArticle('c') });
    await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
    await cachedLoad(URL_B, { loadArticle, fetch: srv.fetch, storage });
    await setSaved(URL_B, true, { storage });
    // Full until something is deleted in the same write.
    let fullOnce = true;
    const restore = simulateQuota((_v, key) => {
      if (key === URL_C && fullOnce) {
        fullOnce = false;
        return true;
      }
      return false;
    });
    try {
      const r = await cachedLoad(URL_C, { loadArticle, fetch: srv.fetch, storage });
      expect(r.article.id).toBe('c');
    } finally {
      restore();
    }
    expect((await listSaved({ storage, includeCached: true })).map((s) => s.id).sort()).toEqual(['b', 'c']);
    expect(problems).toEqual([]);

    const stillFull = simulateQuota(() => true);
    try {
      srv.update(URL_A, makeArticle('a', 1, 1));
      const r = await cachedLoad(URL_A, { loadArticle, fetch: srv.fetch, storage });
      expect(r.article.sections).toHaveLength(1);
    } finally {
      stillFull();
    }
    expect(problems.map(([k]) => k)).toEqual(['quota']);
  });
});

describe('placeAfterUpdate', () => {
  const old = makeArticle('a', 3, 3);
  it('keeps the same sentence when its id survives', () => {
    expect(placeAfterUpdate(old, makeArticle('a', 4, 3), 's2p1s2')).toBe('s2p1s2');
  });
  it('falls back to the nearest earlier surviving sentence', () => {
    const next = structuredClone(old);
    next.sections[1]!.paragraphs[0]!.sentences.splice(1, 2);
    expect(placeAfterUpdate(old, next, 's2p1s3')).toBe('s2p1s1');
  });
  it('falls back to the first sentence when nothing earlier survives', () => {
    const next = makeArticle('x', 1, 1);
    next.sections[0]!.paragraphs[0]!.sentences[0]!.id = 'new1';
    expect(placeAfterUpdate(old, next, 's1p1s1')).toBe('new1');
  });
});
