// The storage layer against Chromium's real IndexedDB, including the
// failures a real browser produces: blocked storage, a full disk, a newer
// schema from another tab.
import { expect } from '@esm-bundle/chai';
import type { Article } from '../../../src/article/model.ts';
import { openStorage, type AloudStorage, type StorageProblemKind } from '../../../src/storage/db.ts';
import { loadSettings, saveSetting } from '../../../src/storage/settings.ts';
import { loadPosition, savePosition } from '../../../src/storage/positions.ts';
import { createAudioCache, audioBytes, cachedFile, type CachedAudio } from '../../../src/storage/audio-cache.ts';
import { cachedLoad, listSaved, setSaved, type LoadArticle } from '../../../src/storage/article-cache.ts';

let n = 0;
const names: string[] = [];
/** A fresh database per test, deleted afterwards. */
function fresh(): { storage: AloudStorage; problems: StorageProblemKind[]; name: string } {
  const name = `aloud-test-${Date.now()}-${n++}`;
  names.push(name);
  const problems: StorageProblemKind[] = [];
  return { storage: openStorage({ name, onProblem: (k) => problems.push(k) }), problems, name };
}

const article = (id: string, sentences = 3): Article => ({
  version: 1,
  id,
  lang: 'en',
  title: `Title ${id}`,
  sections: [
    {
      id: 's1',
      heading: 'Key trading city',
      paragraphs: [{ id: 's1p1', sentences: Array.from({ length: sentences }, (_, i) => ({ id: `s1p1s${i + 1}`, text: `Sentence ${i + 1}.` })) }],
    },
  ],
});

const audio = (n: number): CachedAudio => ({
  sampleRate: 22050,
  samples: Int16Array.from({ length: n }, (_, i) => (i * 7) % 32000),
  words: [{ charIndex: 0, charLength: 3, timeMs: 0 }],
});

/** Makes IDBObjectStore.put throw QuotaExceededError while `when` says so. */
function simulateQuota(when: (key: unknown) => boolean): () => void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (when(key)) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    return original.call(this, value, key);
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}

after(async () => {
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const r = indexedDB.deleteDatabase(name);
          r.onsuccess = r.onerror = r.onblocked = () => resolve();
        }),
    ),
  );
});

describe('storage on real IndexedDB (Chromium)', () => {
  it('remembers settings and a position across connections (a reload)', async () => {
    const { storage, name, problems } = fresh();
    await saveSetting(storage, 'rate', 1.6);
    await savePosition(storage, 'mosul', { sentenceId: 's4p2s1', heading: 'Key trading city' });
    storage.close();
    const again = openStorage({ name });
    expect((await loadSettings(again)).rate).to.equal(1.6);
    expect((await loadPosition(again, 'mosul'))?.heading).to.equal('Key trading city');
    expect(problems).to.deep.equal([]);
  });

  it('stores typed-array audio by structured clone and evicts least recently used', async () => {
    const { storage } = fresh();
    let t = 0;
    const cache = createAudioCache({ storage, budgetBytes: audioBytes(audio(500)) * 2, now: () => ++t });
    await cache.put('a', audio(500));
    await cache.put('b', audio(500));
    const got = await cache.get('a');
    expect(got?.samples).to.be.instanceOf(Int16Array);
    expect(Array.from(got!.samples.slice(0, 4))).to.deep.equal([0, 7, 14, 21]);
    await new Promise((r) => setTimeout(r, 20));
    await cache.put('c', audio(500));
    expect(await cache.keys()).to.deep.equal(['a', 'c']);
  });

  it('serves a cached article at once and revalidates with If-None-Match', async () => {
    const { storage } = fresh();
    const seen: Array<string | null> = [];
    const fetchStub: typeof fetch = async (_input, init) => {
      const inm = new Headers(init?.headers).get('If-None-Match');
      seen.push(inm);
      if (inm === '"1"') return new Response(null, { status: 304 });
      return new Response(JSON.stringify(article('x')), { headers: { ETag: '"1"' } });
    };
    const load: LoadArticle = async (src, o) => {
      const res = await (o.fetch ?? fetch)(src);
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    };
    const url = new URL('/articles/x.json', location.href).href;
    expect((await cachedLoad(url, { loadArticle: load, fetch: fetchStub, storage })).fromCache).to.equal(false);
    const second = await cachedLoad(url, { loadArticle: load, fetch: fetchStub, storage });
    expect(second.fromCache).to.equal(true);
    expect(await second.revalidation).to.equal('unchanged');
    expect(seen).to.deep.equal([null, '"1"']);
    await setSaved(url, true, { storage });
    expect((await listSaved({ storage })).map((s) => s.title)).to.deep.equal(['Title x']);
  });

  it('blocked like a private window (indexedDB.open throws): nothing throws, one "unavailable"', async () => {
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      const { storage, problems } = fresh();
      expect(await saveSetting(storage, 'rate', 2)).to.equal(false);
      expect(await loadSettings(storage)).to.deep.equal({ voices: {} });
      await createAudioCache({ storage }).put('k', audio(10));
      expect(await createAudioCache({ storage }).get('k')).to.equal(undefined);
      expect(problems).to.deep.equal(['unavailable']);
    } finally {
      IDBFactory.prototype.open = original;
    }
  });

  it('blocked by an error event on open: same outcome', async () => {
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory) {
      // A request that fails the way a denied open does.
      const req = original.call(this, `aloud-denied-${Date.now()}`, 1);
      req.addEventListener('upgradeneeded', () => req.transaction?.abort());
      return req;
    };
    try {
      const { storage, problems } = fresh();
      expect(await savePosition(storage, 'a', { sentenceId: 'x' })).to.equal(false);
      expect(await loadPosition(storage, 'a')).to.equal(undefined);
      expect(problems).to.deep.equal(['unavailable']);
    } finally {
      IDBFactory.prototype.open = original;
    }
  });

  it('quota exceeded: the audio cache evicts and carries on, then gives up quietly', async () => {
    const { storage, problems } = fresh();
    let t = 0;
    const cache = createAudioCache({ storage, budgetBytes: audioBytes(audio(100)) * 4, now: () => ++t });
    for (const k of ['a', 'b', 'c']) await cache.put(k, audio(100));
    let refuse = 1;
    let restore = simulateQuota((key) => key === 'd' && refuse-- > 0);
    await cache.put('d', audio(100));
    restore();
    expect(await cache.keys()).to.deep.equal(['c', 'd']);
    restore = simulateQuota(() => true);
    await cache.put('e', audio(100));
    expect(await saveSetting(storage, 'rate', 1.2)).to.equal(false);
    restore();
    expect(problems).to.deep.equal(['quota']);
    // Reads still work, and so do writes once there is room again.
    expect(await saveSetting(storage, 'rate', 1.2)).to.equal(true);
    expect((await cache.get('d'))?.samples.length).to.equal(100);
  });

  it('does not block another tab upgrading the schema, and reports "version" afterwards', async () => {
    const { storage, name, problems } = fresh();
    await saveSetting(storage, 'rate', 1.5);
    // "Another tab" with a newer player opens the same database at a higher version.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 99);
      r.onupgradeneeded = () => r.result.createObjectStore('future');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked: our connection did not close on versionchange'));
    });
    upgraded.close();
    expect(await saveSetting(storage, 'rate', 2)).to.equal(false);
    expect(problems).to.deep.equal(['version']);
  });

  it('two connections writing the same keys at once: every record whole, last writer wins', async () => {
    const { name } = fresh();
    const a = openStorage({ name });
    const b = openStorage({ name });
    const writes: Promise<boolean>[] = [];
    for (let i = 0; i < 30; i++) {
      writes.push(savePosition(a, 'k', { sentenceId: `a${i}`, heading: `A${i}` }, i));
      writes.push(savePosition(b, 'k', { sentenceId: `b${i}`, heading: `B${i}` }, i));
    }
    expect((await Promise.all(writes)).every(Boolean)).to.equal(true);
    const final = (await loadPosition(a, 'k'))!;
    expect(final.heading).to.equal(final.sentenceId.toUpperCase());
  });

  it('keeps voice data bytes for offline use', async () => {
    const { storage } = fresh();
    let calls = 0;
    const f: typeof fetch = async () => {
      calls++;
      return new Response(new Uint8Array([1, 2, 3, 4]));
    };
    await cachedFile('espeak-en', '/assets/en-abc.espeak', { storage, fetch: f, controlled: false });
    const again = await cachedFile('espeak-en', '/assets/en-abc.espeak', { storage, fetch: f, controlled: false });
    expect(Array.from(new Uint8Array(again))).to.deep.equal([1, 2, 3, 4]);
    expect(calls).to.equal(1);
  });
});
