import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleParseError, detectFormat, parseSource } from '../../../src/article/parse.ts';
import { nodeDomParser, parseSourceInNode } from '../../../src/article/node.ts';
import { parseText } from '../../../src/article/parse-text.ts';
import { parseMarkdown } from '../../../src/article/parse-markdown.ts';
import { parseHtml } from '../../../src/article/parse-html.ts';
import { buildArticle } from '../../../src/article/build-article.ts';
import { cleanBlock } from '../../../src/article/parse-util.ts';
import { validateArticle } from '../../../src/article/validate.ts';
import type { SourceFormat } from '../../../src/article/model.ts';

const content = (name: string): string => readFileSync(new URL(`../../../content/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('goes by a specific content type, then the extension, then text/plain', () => {
    const cases: [string, string | undefined, SourceFormat | undefined][] = [
      ['a.txt', undefined, 'text'],
      ['dir/A.MD', undefined, 'markdown'],
      ['a.markdown', undefined, 'markdown'],
      ['a.htm', undefined, 'html'],
      ['https://x.test/p/story.html?utm=1#top', undefined, 'html'],
      ['a.json', undefined, 'json'],
      ['a.pdf', undefined, undefined],
      ['noext', undefined, undefined],
      ['https://x.test/story', 'text/html; charset=utf-8', 'html'],
      ['https://x.test/a.md', 'text/plain', 'markdown'],
      ['https://x.test/a', 'text/plain', 'text'],
      ['https://x.test/a', 'application/vnd.aloud+json', 'json'],
      ['notes.txt', 'text/markdown', 'markdown'],
    ];
    for (const [name, type, expected] of cases) expect([name, type, detectFormat(name, type)]).toEqual([name, type, expected]);
  });
});

describe('parseSource', () => {
  it('gives the committed JSON for each example in content/', () => {
    for (const [source, format] of [
      ['mosul-2017-06-29.txt', 'text'],
      ['sourdough-notes.md', 'markdown'],
      ['harbour-ferry-2026-05-02.html', 'html'],
    ] as const) {
      const article = parseSourceInNode(content(source), { format, fileName: source });
      // Fails when segmentation or speech rules changed without `npm run content`.
      expect(`${JSON.stringify(article, null, 2)}\n`, `content/${article.id}.json is stale: run npm run content`).toBe(
        content(`${article.id}.json`),
      );
    }
  });

  it('round-trips a JSON article through validation', () => {
    const json = content('mosul-2017-06-29.json');
    expect(parseSource(`\ufeff${json}`, { format: 'json' })).toEqual(JSON.parse(json));
  });

  it('names the problem in a typed error for bad JSON, non-articles, empty articles and unknown formats', () => {
    const codeOf = (f: () => unknown): [string, string] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ArticleParseError);
        return [(e as ArticleParseError).code, (e as Error).message];
      }
      throw new Error('did not throw');
    };
    expect(codeOf(() => parseSource('{"version": 1,', { format: 'json' }))).toEqual(['unparsable', expect.stringMatching(/^not valid JSON/)]);
    expect(codeOf(() => parseSource('{"version": 1, "id": 3}', { format: 'json' }))).toEqual(['unparsable', expect.stringMatching(/not a valid article \(.+\)/)]);
    const empty = { version: 1, id: 'e', lang: 'en', title: 'T', sections: [] };
    expect(codeOf(() => parseSource(JSON.stringify(empty), { format: 'json' }))[0]).toBe('empty-article');
    expect(codeOf(() => parseSource('  \n', { format: 'text' }))[0]).toBe('empty-article');
    expect(codeOf(() => parseSource('# Only a title\n', { format: 'markdown' }))[0]).toBe('empty-article');
    expect(codeOf(() => parseSourceInNode('<nav><p>menu</p></nav>', { format: 'html' }))[0]).toBe('empty-article');
    expect(codeOf(() => parseSource('x', { format: 'pdf' as SourceFormat }))).toEqual(['unknown-format', 'unknown format "pdf"']);
  });

  it('survives documents nested thousands deep: an article or an unparsable error, never a stack overflow', () => {
    const deep: [SourceFormat, string][] = [
      ['html', `${'<div>'.repeat(20_000)}Deep text.${'</div>'.repeat(20_000)}`],
      ['html', `${'<ul><li>'.repeat(5_000)}Deep text.`],
      ['markdown', `${'>'.repeat(5_000)} Deep text.`],
      ['markdown', `${'- '.repeat(3_000)}Deep text.`],
    ];
    for (const [format, source] of deep) {
      try {
        const article = parseSourceInNode(source, { format, id: 'deep' });
        expect(article.sections[0]!.paragraphs[0]!.sentences[0]!.text).toBe('Deep text.');
      } catch (e) {
        expect(e).toBeInstanceOf(ArticleParseError);
        expect((e as ArticleParseError).code).toBe('unparsable');
      }
    }
  }, 60_000);

  it('lets the caller set id and language', () => {
    const a = parseSourceInNode(content('sourdough-notes.md'), { format: 'markdown', id: 'bread', lang: 'en-GB' });
    expect([a.id, a.lang]).toEqual(['bread', 'en-GB']);
  });
});

describe('any text, any parser (fast-check)', () => {
  const parsers: [string, (s: string) => ReturnType<typeof parseText>][] = [
    ['text', (s) => parseText(s)],
    ['markdown', (s) => parseMarkdown(s)],
    ['html', (s) => parseHtml(s, { domParser: nodeDomParser })],
  ];
  // Text biased towards the characters each format gives meaning to.
  const syntax = fc.constantFrom(
    '\n', '\n\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\ufeff', '#', '## ', '- ', '• ', '> ', '*', '`', '---\n',
    '<p>', '</p>', '<h2>', '<article>', '<script>', '<!--', '&amp;', '&#0;', '"', "'", '.', '?', '(CNN)',
    'date 2020-01-01 News\n', 'By ', 'Updated ', 'Word', 'Ünï', '中文。', 'مرحبا.', '\u0000', '\ud800',
    '---\nlang: ', '---\nid: ', '\n---\n', '<html lang="', 'i-klingon', 'en_US', 'x-a', '"><time datetime="',
    '2020-02-30', '<meta property="article:published_time" content="',
  );
  const source = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(syntax, { maxLength: 60 }).map((a) => a.join('')));

  for (const [name, parse] of parsers) {
    it(`${name}: never crashes; builds an article or throws ArticleParseError; sentences rebuild each paragraph`, () => {
      fc.assert(
        fc.property(source, (s) => {
          let draft;
          let article;
          try {
            draft = parse(s);
            article = buildArticle(draft, { id: 'prop' });
          } catch (e) {
            expect(e).toBeInstanceOf(ArticleParseError);
            return;
          }
          // Every non-empty paragraph survives, in order, and its sentences
          // put back together are its text (modulo white space).
          const squash = (t: string): string => t.replace(/\s+/g, '');
          const expected = draft.sections
            .flatMap((x) => x.paragraphs.map((p) => squash(cleanBlock(p.text))))
            .filter(Boolean);
          const built = article.sections.flatMap((x) =>
            x.paragraphs.map((p) => squash(p.sentences.map((t) => t.text).join(' '))),
          );
          expect(built).toEqual(expected);
          // What the player loads must always pass the format's validator.
          const validation = validateArticle(article);
          expect(validation.ok ? [] : validation.errors).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
