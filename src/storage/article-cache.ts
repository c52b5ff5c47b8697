/**
 * Articles kept in IndexedDB by URL: a cached copy plays at once while the
 * network copy is revalidated in the background; "Save for offline" pins a
 * copy so it is never evicted.
 *
 * Two stores, written together in one transaction: `articles` holds the
 * (possibly large) article, `article-meta` the small facts the saved list
 * and eviction need, so listing never reads whole articles.
 */
import type { Article } from '../article/model.ts';
import { checkRecord, getStorage, readRecord, type AloudStorage, type RecordSpec, type WriteOp } from './db.ts';

type Fetch = typeof fetch;

/** The loader contract of `src/article/load.ts`. */
export type LoadArticle = (src: string, options: { signal?: AbortSignal; fetch?: Fetch }) => Promise<Article>;

interface ArticleRecord {
  v: 1;
  article: Article;
  etag?: string;
  lastModified?: string;
}

/** One cached or saved article as the saved list shows it. */
export interface SavedArticle {
  url: string;
  id: string;
  title: string;
  lang: string;
  /** Size of the article as JSON, in bytes (UTF-8). */
  bytes: number;
  /** When the copy was fetched (ms since epoch). */
  fetchedAt: number;
  /** When it was last opened. */
  usedAt: number;
  /** Saved for offline by the listener: never evicted. */
  pinned: boolean;
}

interface MetaRecord extends Omit<SavedArticle, 'url'> {
  v: 1;
}

const ARTICLE: RecordSpec<ArticleRecord> = {
  version: 1,
  valid: (r) => {
    const a = r.article as Partial<Article> | undefined;
    return (
      typeof a === 'object' &&
      a !== null &&
      a.version === 1 &&
      typeof a.id === 'string' &&
      typeof a.title === 'string' &&
      typeof a.lang === 'string' &&
      Array.isArray(a.sections) &&
      a.sections.length > 0
    );
  },
};

const META: RecordSpec<MetaRecord> = {
  version: 1,
  valid: (r) =>
    typeof r.id === 'string' &&
    typeof r.title === 'string' &&
    typeof r.lang === 'string' &&
    typeof r.bytes === 'number' &&
    typeof r.fetchedAt === 'number' &&
    typeof r.usedAt === 'number' &&
    typeof r.pinned === 'boolean',
};

/** How many unpinned copies to keep, and in how many bytes (the least recently used go first). */
export interface CacheLimits {
  maxEntries: number;
  maxBytes: number;
}
export const DEFAULT_LIMITS: CacheLimits = { maxEntries: 20, maxBytes: 10 * 1024 * 1024 };

/** The absolute URL an article is cached under (fragment dropped). */
export function cacheKey(url: string): string {
  try {
    const u = new URL(url, globalThis.location?.href);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

const encoder = new TextEncoder();
const byteLength = (json: string) => encoder.encode(json).byteLength;

function isSameOrigin(url: string): boolean {
  const here = globalThis.location?.origin;
  try {
    return !here || new URL(url).origin === here;
  } catch {
    return false;
  }
}

export type Revalidation = 'unchanged' | 'updated' | 'failed';

export interface CachedLoadOptions {
  loadArticle: LoadArticle;
  fetch?: Fetch;
  signal?: AbortSignal;
  storage?: AloudStorage;
  /** The network copy differs from the cached one that is playing: switch at a sentence boundary. */
  onUpdate?(article: Article): void;
  limits?: CacheLimits;
  now?: () => number;
}

export interface CachedLoadResult {
  article: Article;
  /** True when the copy came from storage (then `revalidation` checks the network). */
  fromCache: boolean;
  /** Settles when the background check is done; never rejects. */
  revalidation: Promise<Revalidation>;
}

/**
 * Loads an article, from storage at once when a copy is there (then checks
 * the network in the background), otherwise from the network (then stores
 * it). Rejects only as `loadArticle` does, when there is no cached copy and
 * the network fails; storage problems never make it fail.
 *
 * Same-origin revalidation sends If-None-Match / If-Modified-Since and a 304
 * costs no parsing. Cross-origin requests do not: those headers would force a
 * CORS preflight that many article hosts refuse, so there the request uses
 * `cache: 'no-cache'` (the browser's own HTTP cache revalidates) and the
 * result is compared with the cached copy.
 */
export async function cachedLoad(url: string, options: CachedLoadOptions): Promise<CachedLoadResult> {
  const storage = options.storage ?? getStorage();
  const now = options.now ?? Date.now;
  const key = cacheKey(url);
  const [record, meta] = await Promise.all([
    readRecord(storage, 'articles', key, ARTICLE),
    readRecord(storage, 'article-meta', key, META),
  ]);

  if (record) {
    const pinned = meta?.pinned ?? false;
    const fetchedAt = meta?.fetchedAt ?? now();
    void storage.set('article-meta', key, metaFor(record.article, pinned, fetchedAt, now()));
    const revalidation = revalidate(url, key, record, pinned, storage, options).catch((): Revalidation => 'failed');
    return { article: record.article, fromCache: true, revalidation };
  }

  const captured: Partial<ArticleRecord> = {};
  const article = await options.loadArticle(url, {
    ...(options.signal ? { signal: options.signal } : {}),
    fetch: capturingFetch(options.fetch ?? globalThis.fetch, captured, undefined, false),
  });
  await store(storage, key, { v: 1, article, ...validators(captured) }, meta?.pinned ?? false, options);
  return { article, fromCache: false, revalidation: Promise.resolve('unchanged') };
}

function validators(c: Partial<ArticleRecord>): Pick<ArticleRecord, 'etag' | 'lastModified'> {
  const out: Pick<ArticleRecord, 'etag' | 'lastModified'> = {};
  if (c.etag) out.etag = c.etag;
  if (c.lastModified) out.lastModified = c.lastModified;
  return out;
}

class NotModified extends Error {}

/**
 * Wraps fetch for the loader: records the validators of the response and,
 * when `conditional`, asks the server for a 304. A 304 is turned into a
 * rejection the loader passes on; the caller recognises it by `captured.v`.
 */
function capturingFetch(base: Fetch, captured: Partial<ArticleRecord>, cached: ArticleRecord | undefined, conditional: boolean): Fetch {
  let first = true;
  return async (input, init) => {
    const isFirst = first;
    first = false;
    const headers = new Headers(init?.headers);
    const req: RequestInit = { ...init, headers };
    if (isFirst && cached) {
      if (conditional) {
        if (cached.etag) headers.set('If-None-Match', cached.etag);
        if (cached.lastModified) headers.set('If-Modified-Since', cached.lastModified);
      } else {
        req.cache = 'no-cache';
      }
    }
    const res = await base(input, req);
    if (isFirst) {
      const etag = res.headers.get('ETag');
      const lastModified = res.headers.get('Last-Modified');
      if (etag) captured.etag = etag;
      if (lastModified) captured.lastModified = lastModified;
      if (res.status === 304) {
        captured.v = 1;
        throw new NotModified('not modified');
      }
    }
    return res;
  };
}

async function revalidate(
  url: string,
  key: string,
  cached: ArticleRecord,
  pinned: boolean,
  storage: AloudStorage,
  options: CachedLoadOptions,
): Promise<Revalidation> {
  const captured: Partial<ArticleRecord> = {};
  const conditional = isSameOrigin(key) && Boolean(cached.etag || cached.lastModified);
  let fresh: Article;
  try {
    fresh = await options.loadArticle(url, {
      ...(options.signal ? { signal: options.signal } : {}),
      fetch: capturingFetch(options.fetch ?? globalThis.fetch, captured, cached, conditional),
    });
  } catch {
    // Offline, a server error, or 304: the cached copy stays; only 304 counts as checked.
    return captured.v === 1 ? 'unchanged' : 'failed';
  }
  const changed = JSON.stringify(fresh) !== JSON.stringify(cached.article);
  await store(storage, key, { v: 1, article: changed ? fresh : cached.article, ...validators(captured) }, pinned, options);
  if (!changed) return 'unchanged';
  options.onUpdate?.(fresh);
  return 'updated';
}

function metaFor(article: Article, pinned: boolean, fetchedAt: number, usedAt: number, bytes?: number): MetaRecord {
  return {
    v: 1,
    id: article.id,
    title: article.title,
    lang: article.lang,
    bytes: bytes ?? byteLength(JSON.stringify(article)),
    fetchedAt,
    usedAt,
    pinned,
  };
}

/** Writes an article and its metadata together, evicting old copies to stay within limits. */
async function store(
  storage: AloudStorage,
  key: string,
  record: ArticleRecord,
  pinned: boolean,
  options: Pick<CachedLoadOptions, 'limits' | 'now'>,
): Promise<boolean> {
  const now = (options.now ?? Date.now)();
  const meta = metaFor(record.article, pinned, now, now);
  const ops: WriteOp[] = [
    { store: 'articles', key, value: record },
    { store: 'article-meta', key, value: meta },
  ];
  const evict = evictionOps(await readMeta(storage), key, meta, options.limits ?? DEFAULT_LIMITS);
  let result = await storage.tryWrite([...evict, ...ops]);
  if (result === 'quota') {
    // Make room by dropping every unpinned copy, then try once more.
    const all = await readMeta(storage);
    const drop = all.filter((m) => !m.pinned && m.url !== key).flatMap((m) => removeOps(m.url));
    result = await storage.tryWrite([...drop, ...ops]);
  }
  if (result !== true) storage.report(result);
  return result === true;
}

function removeOps(key: string): WriteOp[] {
  return [
    { store: 'articles', key, value: undefined },
    { store: 'article-meta', key, value: undefined },
  ];
}

/** Least recently used unpinned copies beyond the limits, with `incoming` counted in. */
export function evictionOps(existing: readonly SavedArticle[], incomingKey: string, incoming: MetaRecord, limits: CacheLimits): WriteOp[] {
  const others = existing.filter((m) => m.url !== incomingKey && !m.pinned).sort((a, b) => a.usedAt - b.usedAt);
  let count = others.length + (incoming.pinned ? 0 : 1);
  let bytes = others.reduce((n, m) => n + m.bytes, incoming.pinned ? 0 : incoming.bytes);
  const ops: WriteOp[] = [];
  for (const m of others) {
    if (count <= limits.maxEntries && bytes <= limits.maxBytes) break;
    ops.push(...removeOps(m.url));
    count -= 1;
    bytes -= m.bytes;
  }
  return ops;
}

async function readMeta(storage: AloudStorage): Promise<SavedArticle[]> {
  const out: SavedArticle[] = [];
  for (const [key, raw] of await storage.entries('article-meta')) {
    const m = checkRecord(storage, 'article-meta', key, raw, META);
    if (!m || typeof key !== 'string') continue;
    const { v: _v, ...rest } = m;
    out.push({ url: key, ...rest });
  }
  return out;
}

/**
 * Cached articles, newest first. By default only those saved for offline;
 * `{ includeCached: true }` lists the evictable copies too.
 */
export async function listSaved(
  options: { storage?: AloudStorage; includeCached?: boolean } = {},
): Promise<SavedArticle[]> {
  const all = await readMeta(options.storage ?? getStorage());
  return all.filter((m) => options.includeCached || m.pinned).sort((a, b) => b.fetchedAt - a.fetchedAt);
}

/** True when the article at `url` is saved for offline. */
export async function isSaved(url: string, storage: AloudStorage = getStorage()): Promise<boolean> {
  return (await readRecord(storage, 'article-meta', cacheKey(url), META))?.pinned ?? false;
}

/**
 * "Save for offline" on or off. Turning it on stores `article` (when given)
 * and pins it; turning it off keeps an evictable copy. Resolves `false` when
 * storage could not do it (reported once).
 */
export async function setSaved(
  url: string,
  on: boolean,
  options: { article?: Article; storage?: AloudStorage; now?: () => number; limits?: CacheLimits } = {},
): Promise<boolean> {
  const storage = options.storage ?? getStorage();
  const key = cacheKey(url);
  const now = (options.now ?? Date.now)();
  const meta = await readRecord(storage, 'article-meta', key, META);
  if (options.article && (on || meta)) {
    const record = (await readRecord(storage, 'articles', key, ARTICLE)) ?? { v: 1 as const, article: options.article };
    record.article = options.article;
    return store(storage, key, record, on, options);
  }
  if (!meta) return false;
  return storage.write([{ store: 'article-meta', key, value: { ...meta, pinned: on, usedAt: now } }]);
}

/** Forgets an article entirely (the saved list's "Remove"). */
export function remove(url: string, storage: AloudStorage = getStorage()): Promise<boolean> {
  return storage.write(removeOps(cacheKey(url)));
}
