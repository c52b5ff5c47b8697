import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkRecord, DB_VERSION, openStorage, STORES, type RecordSpec } from '../../../src/storage/db.ts';
import { problemMessage } from '../../../src/ui/offline/strings.ts';
import { freshStorage, simulateQuota } from '../../support/storage-helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('openStorage on a working IndexedDB', () => {
  it('creates every store in one versioned database and round-trips values', async () => {
    const { storage, factory, problems } = freshStorage();
    expect(await storage.set('settings', 'rate', { v: 1, value: 1.5, at: 1 })).toBe(true);
    expect(await storage.get('settings', 'rate')).toEqual({ v: 1, value: 1.5, at: 1 });
    expect(await storage.entries('settings')).toEqual([['rate', { v: 1, value: 1.5, at: 1 }]]);
    expect(await storage.del('settings', 'rate')).toBe(true);
    expect(await storage.get('settings', 'rate')).toBeUndefined();
    storage.close();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open('aloud');
      r.onsuccess = () => resolve(r.result);
    });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORES].sort());
    db.close();
    expect(problems).toEqual([]);
  });

  it('writes several stores atomically: a failing op leaves none of them written', async () => {
    const { storage } = freshStorage();
    const restore = simulateQuota((_v, key) => key === 'b');
    try {
      const r = await storage.tryWrite([
        { store: 'articles', key: 'a', value: { x: 1 } },
        { store: 'article-meta', key: 'b', value: { y: 1 } },
      ]);
      expect(r).toBe('quota');
    } finally {
      restore();
    }
    expect(await storage.get('articles', 'a')).toBeUndefined();
    expect(await storage.get('article-meta', 'b')).toBeUndefined();
  });

  it('reopens after the connection is closed (another tab upgrading closes ours)', async () => {
    const { storage, problems } = freshStorage();
    await storage.set('positions', 'k', 1);
    storage.close();
    expect(await storage.get('positions', 'k')).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('openStorage never throws when IndexedDB fails', () => {
  it('with no IndexedDB at all: reads undefined, writes false, one "unavailable" report', async () => {
    const problems: string[] = [];
    const storage = openStorage({ indexedDB: null, onProblem: (k) => problems.push(k) });
    expect(await storage.get('settings', 'rate')).toBeUndefined();
    expect(await storage.entries('settings')).toEqual([]);
    expect(await storage.set('settings', 'rate', 1)).toBe(false);
    expect(await storage.write([{ store: 'positions', key: 'a', value: 1 }])).toBe(false);
    expect(await storage.transact(['audio'], 'readwrite', async () => 1)).toBeUndefined();
    expect(problems).toEqual(['unavailable']);
    expect([...storage.problems]).toEqual(['unavailable']);
  });

  it('when open() throws synchronously (sandboxed frame, some private modes)', async () => {
    const factory = {
      open() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { storage, problems } = freshStorage(factory);
    expect(await storage.set('settings', 'x', 1)).toBe(false);
    expect(await storage.get('settings', 'x')).toBeUndefined();
    expect(problems.map(([k]) => k)).toEqual(['unavailable']);
    // Storage reports a code; the words are the UI's.
    expect(problems[0]).toEqual(['unavailable']);
    expect(problemMessage('unavailable')).toMatch(/can't be saved.*Listening still works/);
  });

  it('when open() fails with an error event, as Firefox private windows did', async () => {
    const factory = {
      open() {
        const req = { error: new DOMException('A mutation operation was attempted', 'InvalidStateError') } as {
          error: DOMException;
          onerror?: () => void;
        };
        setTimeout(() => req.onerror?.(), 0);
        return req;
      },
    } as unknown as IDBFactory;
    const { storage, problems } = freshStorage(factory);
    expect(await storage.get('positions', 'a')).toBeUndefined();
    expect(await storage.set('positions', 'a', 1)).toBe(false);
    expect(problems.map(([k]) => k)).toEqual(['unavailable']);
  });

  it('when open() hangs (blocked): gives up after the timeout, and recovers if it opens later', async () => {
    vi.useFakeTimers();
    const real = new IDBFactory();
    let release!: () => void;
    const factory = {
      open(name: string, version?: number) {
        const proxy: Partial<IDBOpenDBRequest> & Record<string, unknown> = {};
        release = () => {
          const req = real.open(name, version);
          Object.defineProperty(proxy, 'result', { get: () => req.result });
          req.onupgradeneeded = (e) => (proxy.onupgradeneeded as (e: unknown) => void)(e);
          req.onsuccess = (e) => (proxy.onsuccess as (e: unknown) => void)(e);
        };
        return proxy;
      },
    } as unknown as IDBFactory;
    const problems: string[] = [];
    const storage = openStorage({ indexedDB: factory, openTimeoutMs: 3000, onProblem: (k) => problems.push(k) });
    const read = storage.get('settings', 'rate');
    await vi.advanceTimersByTimeAsync(3000);
    expect(await read).toBeUndefined();
    expect(problems).toEqual(['unavailable']);
    expect(await storage.set('settings', 'rate', 2)).toBe(false);
    vi.useRealTimers();
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(await storage.set('settings', 'rate', 2)).toBe(true);
    expect(await storage.get('settings', 'rate')).toBe(2);
    expect(problems).toEqual(['unavailable']);
  });

  it('classifies a database left by a newer player (VersionError) as "version"', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const r = factory.open('aloud', DB_VERSION + 5);
      r.onupgradeneeded = () => r.result.createObjectStore('future');
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
    });
    const { storage, problems } = freshStorage(factory);
    expect(await storage.get('settings', 'rate')).toBeUndefined();
    expect(await storage.set('settings', 'rate', 1)).toBe(false);
    expect(problems.map(([k]) => k)).toEqual(['version']);
  });

  it('reports a quota failure that aborts the transaction asynchronously (as browsers do)', async () => {
    const real = new IDBFactory();
    const factory = {
      open(name: string, version?: number) {
        const req = real.open(name, version);
        req.addEventListener('success', () => {
          const db = req.result;
          const original = db.transaction.bind(db);
          db.transaction = ((stores: string[], mode: IDBTransactionMode) => {
            if (mode !== 'readwrite') return original(stores, mode);
            const tx = {
              error: null as DOMException | null,
              onabort: null as null | (() => void),
              onerror: null as null | (() => void),
              objectStore: () => ({ put() {}, delete() {}, transaction: tx }),
            };
            setTimeout(() => {
              tx.error = new DOMException('full', 'QuotaExceededError');
              tx.onabort?.();
            }, 0);
            return tx;
          }) as typeof db.transaction;
        });
        return req;
      },
    } as unknown as IDBFactory;
    const { storage, problems } = freshStorage(factory);
    expect(await storage.tryWrite([{ store: 'audio', key: 'k', value: 1 }])).toBe('quota');
    expect(problems).toEqual([]);
    expect(await storage.set('audio', 'k', 1)).toBe(false);
    expect(await storage.set('audio', 'k', 2)).toBe(false);
    expect(problems.map(([k]) => k)).toEqual(['quota']);
    expect(await storage.get('audio', 'k')).toBeUndefined();
  });

  it('a listener that throws does not break storage or the other listeners', async () => {
    const seen: string[] = [];
    const storage = openStorage({
      indexedDB: null,
      onProblem: () => {
        throw new Error('broken UI');
      },
    });
    storage.addProblemListener((k) => seen.push(k));
    await expect(storage.set('settings', 'a', 1)).resolves.toBe(false);
    expect(seen).toEqual(['unavailable']);
  });
});

describe('checkRecord', () => {
  interface Rec {
    v: 2;
    name: string;
  }
  const spec: RecordSpec<Rec> = {
    version: 2,
    valid: (r) => typeof r.name === 'string',
    migrate: (r) => (typeof r.title === 'string' ? { v: 2, name: r.title } : undefined),
  };

  it('returns a valid current record unchanged', async () => {
    const { storage, problems } = freshStorage();
    expect(checkRecord(storage, 'settings', 'k', { v: 2, name: 'x' }, spec)).toEqual({ v: 2, name: 'x' });
    expect(problems).toEqual([]);
  });

  it('migrates an older record and writes the upgrade back', async () => {
    const { storage, problems } = freshStorage();
    await storage.set('settings', 'k', { v: 1, title: 'old' });
    const got = checkRecord(storage, 'settings', 'k', await storage.get('settings', 'k'), spec);
    expect(got).toEqual({ v: 2, name: 'old' });
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.get('settings', 'k')).toEqual({ v: 2, name: 'old' });
    expect(problems).toEqual([]);
  });

  it('discards an unmigratable older record with a console warning and one "version" report', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    await storage.set('settings', 'k', { v: 1, nothing: true });
    await storage.set('settings', 'j', { v: 0 });
    expect(checkRecord(storage, 'settings', 'k', await storage.get('settings', 'k'), spec)).toBeUndefined();
    expect(checkRecord(storage, 'settings', 'j', await storage.get('settings', 'j'), spec)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.get('settings', 'k')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]![0])).toMatch(/settings\/k.*version 1/);
    expect(problems.map(([k]) => k)).toEqual(['version']);
  });

  it('discards corrupt records (not an object, no version, failing validation) and reports once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { storage, problems } = freshStorage();
    for (const bad of ['text', 42, null, [1], { name: 'no version' }, { v: 2, name: 7 }]) {
      await storage.set('settings', 'k', bad);
      expect(checkRecord(storage, 'settings', 'k', await storage.get('settings', 'k'), spec)).toBeUndefined();
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.get('settings', 'k')).toBeUndefined();
    expect(problems.map(([k]) => k)).toEqual(['corrupt']);
  });

  it('leaves a record from a newer version alone and reads it as absent', async () => {
    const { storage, problems } = freshStorage();
    await storage.set('settings', 'k', { v: 3, name: 'future' });
    expect(checkRecord(storage, 'settings', 'k', await storage.get('settings', 'k'), spec)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.get('settings', 'k')).toEqual({ v: 3, name: 'future' });
    expect(problems).toEqual([]);
  });
});

describe('two writers at once', () => {
  it('two connections (two tabs) writing the same record end with one whole record, never a mix', async () => {
    const factory = new IDBFactory();
    const a = openStorage({ indexedDB: factory });
    const b = openStorage({ indexedDB: factory });
    const big = (tag: string) => ({ v: 1, tag, sentences: Array.from({ length: 2000 }, (_, i) => `${tag}${i}`) });
    const writes: Promise<boolean>[] = [];
    for (let i = 0; i < 20; i++) writes.push(a.set('positions', 'same', big('a')), b.set('positions', 'same', big('b')));
    expect(await Promise.all(writes)).toEqual(writes.map(() => true));
    const final = (await a.get<{ tag: string; sentences: string[] }>('positions', 'same'))!;
    expect(['a', 'b']).toContain(final.tag);
    expect(final.sentences.every((s) => s.startsWith(final.tag))).toBe(true);
  });
});
