import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runSegment } from '../../../cli/segment.ts';
import { loadArticle } from '../../../src/article/load.ts';
import { ArticleParseError, parseSource } from '../../../src/article/parse.ts';
import { nodeDomParser } from '../../../src/article/node.ts';
import { binaryKind, declaredCharset, decodeText, notTextReason } from '../../../src/article/not-text.ts';

const tmp = mkdtempSync(join(tmpdir(), 'aloud-not-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PAGE = `<html><body><article><h1>Ferry runs all winter</h1>${'<p>The ferry between the two islands will run all winter, the council said on Tuesday.</p>'.repeat(20)}</article></body></html>`;

/** Deterministic "random" bytes (a linear congruential generator). */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const sources: [name: string, bytes: Uint8Array][] = [
  ['random bytes named .html', noise(4096)],
  ['gzip named .html', new Uint8Array(gzipSync(PAGE))],
  ['UTF-16 without a byte-order mark', new Uint8Array(Buffer.from(PAGE, 'utf16le'))],
  ['a PNG named .html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(200)])],
];

function fetchOf(bytes: Uint8Array, type: string): typeof fetch {
  return (async () => new Response(bytes as unknown as BodyInit, { status: 200, headers: { 'content-type': type } })) as typeof fetch;
}

describe('a source that is not text', () => {
  for (const [name, bytes] of sources) {
    it(`${name}: the CLI exits 1 with one "not text" line, no article`, async () => {
      const file = join(tmp, `${name.replace(/\W+/g, '-')}.html`);
      writeFileSync(file, bytes);
      const result = await runSegment([file]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^aloud-segment: .*: not text: it (is|contains) .+\n$/);
    });

    it(`${name}: loadArticle rejects with not-text`, async () => {
      await expect(loadArticle('/a/story.html', { fetch: fetchOf(bytes, 'text/html'), domParser: nodeDomParser })).rejects.toMatchObject({
        name: 'ArticleLoadError',
        code: 'not-text',
        message: expect.stringMatching(/^This file cannot be read aloud: it is not text \(it .+\)\.$/),
      });
    });
  }

  it('the CLI names the compression of a gzip file', async () => {
    const file = join(tmp, 'story.html');
    writeFileSync(file, sources[1]![1]);
    expect((await runSegment([file])).stderr).toBe(`aloud-segment: ${file}: not text: it is gzip-compressed data\n`);
    expect(binaryKind(sources[1]![1])).toBe('gzip-compressed data');
  });

  it('a .json that is binary is not-text too, and a broken JSON text stays invalid-json', async () => {
    await expect(loadArticle('/a/a.json', { fetch: fetchOf(noise(2048, 3), 'application/json') })).rejects.toMatchObject({ code: 'not-text' });
    await expect(loadArticle('/a/a.json', { fetch: fetchOf(new TextEncoder().encode('{"version": 1,'), 'application/json') })).rejects.toMatchObject({
      code: 'invalid-json',
    });
  });

  it('Shift-JIS bytes served as UTF-8 are the wrong encoding, not an article', async () => {
    // 日本語の記事です。 in Shift-JIS, repeated: every byte pair is invalid UTF-8.
    const sjis = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8b, 0x4c, 0x8e, 0x96, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42];
    const bytes = new Uint8Array(Array.from({ length: 40 }, () => sjis).flat());
    await expect(loadArticle('/a/story.txt', { fetch: fetchOf(bytes, 'text/plain; charset=utf-8') })).rejects.toMatchObject({ code: 'not-text' });
  });

  it('parseSource throws ArticleParseError not-text for a decoded binary string', () => {
    const garbage = new TextDecoder().decode(noise(3000, 11));
    let caught: unknown;
    try {
      parseSource(garbage, { format: 'text' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArticleParseError);
    expect((caught as ArticleParseError).code).toBe('not-text');
  });

  it('real text stays text: a stray undecodable byte, tabs and form feeds, a UTF-16 file with its mark', async () => {
    expect(notTextReason(`${'A long line of ordinary prose. '.repeat(40)}caf\ufffd\tend\f`)).toBeUndefined();
    const withBom = join(tmp, 'note.txt');
    writeFileSync(withBom, new Uint8Array([0xff, 0xfe, ...Buffer.from('Plain text article. It has two sentences.', 'utf16le')]));
    const out = await runSegment([withBom]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).sections[0].paragraphs[0].sentences.map((s: { text: string }) => s.text)).toEqual([
      'Plain text article.',
      'It has two sentences.',
    ]);
    const file = join(tmp, 'page.html');
    writeFileSync(file, PAGE);
    expect((await runSegment([file])).code).toBe(0);
  });
});

describe('a page that declares its encoding in its head (the HTML prescan)', () => {
  const windows1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  const page = (meta: string) =>
    windows1252(`<!doctype html><html><head>${meta}<title>Caf\u00e9</title></head><body><article><h1>Caf\u00e9 cr\u00e8me</h1>${'<p>The caf\u00e9 on the quay serves cr\u00e8me br\u00fbl\u00e9e all winter, the owner said on Tuesday.</p>'.repeat(10)}</article></body></html>`);

  it('reads windows-1252 declared by <meta charset> or http-equiv, served with no charset or read from a file', async () => {
    for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">']) {
      const bytes = page(meta);
      const a = await loadArticle('/a/story.html', { fetch: fetchOf(bytes, 'text/html'), domParser: nodeDomParser });
      expect(a.title).toBe('Café crème');
      expect(a.sections[0]!.paragraphs[0]!.sentences[0]!.text).toContain('crème brûlée');
      const file = join(tmp, 'declared.html');
      writeFileSync(file, bytes);
      const cli = await runSegment([file]);
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toContain('crème brûlée');
    }
  });

  it('the server\'s charset wins over the page\'s; a declared UTF-16 is read as UTF-8; undeclared bytes are still not text', async () => {
    const utf8 = new TextEncoder().encode(`<meta charset="utf-16"><p>${'Plain words in a line of text. '.repeat(20)}</p>`);
    expect(decodeText(utf8)).toContain('Plain words');
    expect(declaredCharset(utf8)).toBe('utf-8');
    expect(declaredCharset(page('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(decodeText(windows1252('caf\u00e9'), 'windows-1252')).toBe('café');
    const sjis = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8b, 0x4c, 0x8e, 0x96, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42];
    const bytes = new Uint8Array(Array.from({ length: 40 }, () => sjis).flat());
    await expect(loadArticle('/a/story.txt', { fetch: fetchOf(bytes, 'text/plain') })).rejects.toMatchObject({ code: 'not-text' });
  });
});
