/**
 * The one IndexedDB database behind everything Aloud remembers, and the
 * wrapper that makes storage failures harmless.
 *
 * Why one database with several object stores rather than idb-keyval's
 * `createStore(db, store)` per concern: `createStore` opens its database
 * without a version and only creates its store on the first open, so two
 * stores in one database would never both exist; and four databases would
 * mean four connections and four places for a schema to drift. Instead this
 * module opens `aloud` at an explicit {@link DB_VERSION}, creates every store
 * in `upgradeneeded`, and hands idb-keyval a custom `UseStore` per store, so
 * the simple reads and writes still go through idb-keyval while writes that
 * must be atomic across stores (an article and its metadata, audio and its
 * LRU index) share one transaction.
 *
 * The contract that matters: nothing here ever throws or rejects. Reads
 * resolve `undefined` (or `[]`), writes resolve `false`, and each kind of
 * problem is reported once through `onProblem`, so the player keeps playing
 * and can tell the listener once, plainly.
 */
import { del, entries, get, promisifyRequest, set, type UseStore } from 'idb-keyval';

/** Bump when a store is added; `upgradeneeded` creates whatever is missing. */
export const DB_VERSION = 1;
export const DB_NAME = 'aloud';

/** Every object store; out-of-line string keys throughout. */
export const STORES = ['articles', 'article-meta', 'settings', 'positions', 'audio', 'audio-index', 'files'] as const;
export type StoreName = (typeof STORES)[number];

/**
 * - `unavailable`: no IndexedDB, or opening it fails or hangs (private windows, blocked storage).
 * - `quota`: the browser refused a write for lack of space (after eviction was tried).
 * - `corrupt`: a stored record failed validation and was discarded.
 * - `version`: a record from an older format was discarded, or the database belongs to a newer player.
 */
export type StorageProblemKind = 'unavailable' | 'quota' | 'corrupt' | 'version';

/**
 * Told each kind of problem once. Storage reports codes only: the words the
 * listener reads are the UI's (ui/offline/strings.ts), so they can be translated.
 */
export type ProblemListener = (kind: StorageProblemKind) => void;

export interface StorageOptions {
  /** Database name; tests use their own. Default {@link DB_NAME}. */
  name?: string;
  /** The IndexedDB factory. Default `globalThis.indexedDB`; `null` means none. */
  indexedDB?: IDBFactory | null;
  /** Called once per kind of problem. More can be added with {@link AloudStorage.addProblemListener}. */
  onProblem?: ProblemListener;
  /** How long an open may hang (blocked, or a browser that never answers) before storage counts as unavailable. Default 3000 ms. */
  openTimeoutMs?: number;
}

/** One operation of an atomic multi-store write; `value: undefined` deletes. */
export interface WriteOp {
  store: StoreName;
  key: IDBValidKey;
  value: unknown;
}

/** A write's outcome without reporting: `true`, or why it failed. */
export type WriteResult = true | StorageProblemKind;

/** Storage that never throws. Every method resolves, whatever the browser does. */
export interface AloudStorage {
  get<T = unknown>(store: StoreName, key: IDBValidKey): Promise<T | undefined>;
  /** `[]` when storage is unusable. */
  entries<T = unknown>(store: StoreName): Promise<Array<[IDBValidKey, T]>>;
  /** `false` (and one report) on failure. */
  set(store: StoreName, key: IDBValidKey, value: unknown): Promise<boolean>;
  del(store: StoreName, key: IDBValidKey): Promise<boolean>;
  /** All ops in one transaction: all happen or none do. `false` (and one report) on failure. */
  write(ops: readonly WriteOp[]): Promise<boolean>;
  /** Like {@link write} but unreported, for callers that evict and retry on `quota`. */
  tryWrite(ops: readonly WriteOp[]): Promise<WriteResult>;
  /**
   * Runs `body` inside one transaction over `stores`; resolves its result once
   * the transaction completes, or `undefined` on any failure (reported).
   */
  transact<T>(stores: readonly StoreName[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => Promise<T>): Promise<T | undefined>;
  /** Report a problem (deduplicated per kind). */
  report(kind: StorageProblemKind): void;
  /** Kinds already reported, for UI that subscribes late. */
  readonly problems: ReadonlySet<StorageProblemKind>;
  addProblemListener(listener: ProblemListener): () => void;
  /** Close the connection; later calls reopen it. */
  close(): void;
}

/** Classifies anything IndexedDB throws or rejects with. */
export function classifyError(error: unknown): StorageProblemKind {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'VersionError') return 'version';
  return 'unavailable';
}

class OpenFailed extends Error {
  constructor(readonly kind: StorageProblemKind, message: string) {
    super(message);
  }
}

/**
 * Opens (lazily, on first use) the Aloud database. Construction never
 * touches IndexedDB, so creating storage costs nothing on pages that never
 * use it.
 */
export function openStorage(options: StorageOptions = {}): AloudStorage {
  const name = options.name ?? DB_NAME;
  const timeoutMs = options.openTimeoutMs ?? 3000;
  const listeners = new Set<ProblemListener>();
  if (options.onProblem) listeners.add(options.onProblem);
  const problems = new Set<StorageProblemKind>();
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;
  let failed: OpenFailed | undefined;

  const report = (kind: StorageProblemKind): void => {
    if (problems.has(kind)) return;
    problems.add(kind);
    for (const l of listeners) {
      try {
        l(kind);
      } catch {
        // A broken listener must not turn a storage problem into a playback problem.
      }
    }
  };

  const startOpen = (): Promise<IDBDatabase> =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
      if (!factory) throw new OpenFailed('unavailable', 'IndexedDB is not available');
      const request = factory.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        try {
          const d = request.result;
          for (const s of STORES) if (!d.objectStoreNames.contains(s)) d.createObjectStore(s);
        } catch {
          // The upgrade was aborted under us; the open's error event follows.
        }
      };
      request.onsuccess = () => {
        const d = request.result;
        // Another tab upgrading the schema waits for every connection to
        // close; close at once so we never block it, and reopen on next use.
        d.onversionchange = () => {
          d.close();
          if (db === d) db = undefined;
        };
        d.onclose = () => {
          if (db === d) db = undefined;
        };
        db = d;
        failed = undefined;
        resolve(d);
      };
      request.onerror = () => reject(request.error);
      // `blocked` needs nothing: either the other connection closes and
      // success follows, or the timeout below gives up.
    });

  const connect = (): Promise<IDBDatabase> => {
    if (db) return Promise.resolve(db);
    if (failed) return Promise.reject(failed);
    if (!opening) {
      let attempt: Promise<IDBDatabase>;
      try {
        attempt = startOpen();
      } catch (e) {
        attempt = Promise.reject(e);
      }
      opening = attempt.catch((e: unknown) => {
        failed = e instanceof OpenFailed ? e : new OpenFailed(classifyError(e), String((e as Error)?.message ?? e));
        throw failed;
      });
      const settle = () => (opening = undefined);
      opening.then(settle, settle);
    }
    const pending = opening;
    return new Promise<IDBDatabase>((resolve, reject) => {
      // A hung open (blocked forever, or a browser that never answers) must
      // not hold up playback: give up for this call. A late success still
      // sets `db`, so storage recovers without a reload.
      const timer = setTimeout(() => {
        failed ??= new OpenFailed('unavailable', 'opening IndexedDB timed out');
        reject(failed);
      }, timeoutMs);
      pending.then(
        (d) => {
          clearTimeout(timer);
          resolve(d);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  };

  /** Opens a transaction, reopening once if the connection was closed under us. */
  const transaction = async (stores: readonly StoreName[], mode: IDBTransactionMode): Promise<IDBTransaction> => {
    const d = await connect();
    try {
      return d.transaction(stores as StoreName[], mode);
    } catch (e) {
      if ((e as Error)?.name !== 'InvalidStateError') throw e;
      if (db === d) db = undefined;
      return (await connect()).transaction(stores as StoreName[], mode);
    }
  };

  const useStore =
    (store: StoreName): UseStore =>
    (mode, callback) =>
      transaction([store], mode).then((tx) => callback(tx.objectStore(store)));

  const kindOf = (e: unknown): StorageProblemKind => (e instanceof OpenFailed ? e.kind : classifyError(e));

  const guard = async <T>(fallback: T, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      report(kindOf(e));
      return fallback;
    }
  };

  const tryWrite = async (ops: readonly WriteOp[]): Promise<WriteResult> => {
    if (ops.length === 0) return true;
    try {
      const stores = [...new Set(ops.map((o) => o.store))];
      const tx = await transaction(stores, 'readwrite');
      try {
        for (const op of ops) {
          const s = tx.objectStore(op.store);
          if (op.value === undefined) s.delete(op.key);
          else s.put(op.value, op.key);
        }
      } catch (e) {
        // A put can throw synchronously (quota, an uncloneable value); the
        // puts before it must not commit on their own.
        tx.abort();
        throw e;
      }
      await promisifyRequest(tx);
      return true;
    } catch (e) {
      return kindOf(e);
    }
  };

  return {
    get: <T>(store: StoreName, key: IDBValidKey) =>
      guard<T | undefined>(undefined, () => get<T>(key, useStore(store))),
    entries: <T>(store: StoreName) => guard<Array<[IDBValidKey, T]>>([], () => entries<IDBValidKey, T>(useStore(store))),
    set: (store, key, value) =>
      guard(false, async () => {
        await set(key, value, useStore(store));
        return true;
      }),
    del: (store, key) =>
      guard(false, async () => {
        await del(key, useStore(store));
        return true;
      }),
    tryWrite,
    write: async (ops) => {
      const r = await tryWrite(ops);
      if (r !== true) report(r);
      return r === true;
    },
    transact: (stores, mode, body) =>
      guard(undefined, async () => {
        const tx = await transaction(stores, mode);
        const done = promisifyRequest(tx);
        // If the body fails, abort so a half-done write never lands.
        const result = await body(tx).catch((e: unknown) => {
          try {
            tx.abort();
          } catch {
            // Already finished or aborted.
          }
          done.catch(() => undefined);
          throw e;
        });
        await done;
        return result;
      }),
    report,
    problems,
    addProblemListener(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}

let shared: AloudStorage | undefined;

/** The page-wide storage instance (one connection shared by every player on the page). */
export function getStorage(): AloudStorage {
  return (shared ??= openStorage());
}

/** Versioned record rules: see {@link readRecord}. */
export interface RecordSpec<T> {
  /** The current format version, stored as `v`. */
  version: number;
  /** True when a record of the current version is well-formed. */
  valid(record: Record<string, unknown>): boolean;
  /** Turns an older record into the current one, or `undefined` to discard it. */
  migrate?(record: Record<string, unknown>): T | undefined;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks one stored value against its spec. Corrupt and unmigratable old
 * records are deleted (with a console warning and one report); records from
 * a newer version are left alone (a newer tab owns them) and read as absent.
 * `persist` is called with a migrated record so the upgrade is written once.
 */
export function checkRecord<T>(
  storage: AloudStorage,
  store: StoreName,
  key: IDBValidKey,
  raw: unknown,
  spec: RecordSpec<T>,
): T | undefined {
  if (raw === undefined) return undefined;
  const v = isObject(raw) ? raw.v : undefined;
  if (!isObject(raw) || typeof v !== 'number') return discard(storage, store, key, 'corrupt', 'is not a versioned record');
  if (v > spec.version) return undefined;
  if (v < spec.version) {
    const migrated = spec.migrate?.(raw);
    if (migrated !== undefined && isObject(migrated) && spec.valid(migrated)) {
      void storage.set(store, key, migrated);
      return migrated;
    }
    return discard(storage, store, key, 'version', `is from format version ${v}, now ${spec.version}`);
  }
  if (!spec.valid(raw)) return discard(storage, store, key, 'corrupt', 'failed validation');
  return raw as T;
}

/** Reads one record and checks it with {@link checkRecord}. */
export async function readRecord<T>(
  storage: AloudStorage,
  store: StoreName,
  key: IDBValidKey,
  spec: RecordSpec<T>,
): Promise<T | undefined> {
  return checkRecord(storage, store, key, await storage.get(store, key), spec);
}

function discard(
  storage: AloudStorage,
  store: StoreName,
  key: IDBValidKey,
  kind: 'corrupt' | 'version',
  why: string,
): undefined {
  console.warn(`Aloud storage: the record ${store}/${String(key)} ${why}; it was discarded.`);
  void storage.del(store, key);
  storage.report(kind);
  return undefined;
}
