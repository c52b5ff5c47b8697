// Shared fixtures for the storage unit tests (not a test file itself).
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import type { Article } from '../../src/article/model.ts';
import { openStorage, type AloudStorage, type StorageProblemKind } from '../../src/storage/db.ts';

/** A storage on a fresh, private fake IndexedDB, with every reported problem recorded. */
export function freshStorage(factory: IDBFactory = new IDBFactory()): {
  storage: AloudStorage;
  factory: IDBFactory;
  problems: Array<[StorageProblemKind]>;
} {
  const problems: Array<[StorageProblemKind]> = [];
  const storage = openStorage({ indexedDB: factory, onProblem: (k) => problems.push([k]) });
  return { storage, factory, problems };
}

/**
 * Makes every put on fake-indexeddb throw QuotaExceededError (as a full disk
 * does) while `limit()` says so. Returns the restore function.
 */
export function simulateQuota(shouldFail: (value: unknown, key: unknown) => boolean): () => void {
  const proto = IDBObjectStore.prototype as unknown as { put: (value: unknown, key?: unknown) => unknown };
  const original = proto.put;
  proto.put = function (this: unknown, value: unknown, key?: unknown) {
    if (shouldFail(value, key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.call(this, value, key);
  };
  return () => {
    proto.put = original;
  };
}

/** A small valid article: `sections` × `perSection` sentences, ids s{n}p1s{m}. */
export function makeArticle(id = 'a1', sections = 3, perSection = 3, title = 'A test article'): Article {
  return {
    version: 1,
    id,
    lang: 'en',
    title,
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `s${i + 1}`,
      ...(i === 0 ? {} : { heading: `Heading ${i + 1}` }),
      paragraphs: [
        {
          id: `s${i + 1}p1`,
          sentences: Array.from({ length: perSection }, (_, j) => ({
            id: `s${i + 1}p1s${j + 1}`,
            text: `Sentence ${j + 1} of section ${i + 1} has a few words in it.`,
          })),
        },
      ],
    })),
  };
}
