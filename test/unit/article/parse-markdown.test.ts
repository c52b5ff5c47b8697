import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, splitFrontMatter } from '../../../src/article/parse-markdown.ts';
import { buildArticle } from '../../../src/article/build-article.ts';

const texts = (md: string): [string, string][] =>
  parseMarkdown(md).sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.text] as [string, string]));

describe('parseMarkdown', () => {
  it('maps title, sections with levels, paragraphs, items and quotes', () => {
    const draft = parseMarkdown(
      '# The title\n\nLead paragraph.\n\n## Part one\n\nText.\n\n- first\n- second\n\n### Deeper\n\n> Quoted.\n',
    );
    expect(draft.title).toBe('The title');
    expect(draft.sections).toEqual([
      { paragraphs: [{ kind: 'paragraph', text: 'Lead paragraph.' }] },
      {
        heading: 'Part one',
        level: 2,
        paragraphs: [
          { kind: 'paragraph', text: 'Text.' },
          { kind: 'item', text: 'first' },
          { kind: 'item', text: 'second' },
        ],
      },
      { heading: 'Deeper', level: 3, paragraphs: [{ kind: 'quote', text: 'Quoted.' }] },
    ]);
  });

  it('turns inline markup into plain text and never interprets HTML', () => {
    expect(
      texts('Some *em*, **strong**, ~~gone~~, `a<b>`, [a link](https://x.test "t") and <b onclick="x()">bold</b> &amp; &#233;&#x263A; \\*.'),
    ).toEqual([['paragraph', 'Some em, strong, gone, a<b>, a link and bold & é☺ *.']]);
  });

  it('drops what inline script, style and template tags enclose', () => {
    expect(texts('Hello <script>alert(1)</script> world, <style>p{}</style>plain <template><b>x</b></template>text <!-- note -->end.')).toEqual([
      ['paragraph', 'Hello world, plain text end.'],
    ]);
  });

  it('leaves out code blocks, block HTML, images and rules', () => {
    const md = 'Before.\n\n```js\nalert(1)\n```\n\n<div><script>alert(2)</script></div>\n\n![cat](c.png)\n\n---\n\nAfter.';
    expect(texts(md)).toEqual([
      ['paragraph', 'Before.'],
      ['paragraph', 'After.'],
    ]);
  });

  it('gives nested list items their own paragraphs, loose or tight', () => {
    expect(texts('- one\n  - one a\n- two\n\n1. loose\n\n   still loose\n2. next')).toEqual([
      ['item', 'one'],
      ['item', 'one a'],
      ['item', 'two'],
      ['item', 'loose still loose'],
      ['item', 'next'],
    ]);
  });

  it('reads rows of a table as paragraphs of their cells', () => {
    expect(texts('| City | Pop |\n| --- | --- |\n| Oslo | 700k |')).toEqual([
      ['paragraph', 'City, Pop'],
      ['paragraph', 'Oslo, 700k'],
    ]);
  });

  it('reads front matter with quoted values and ignores an h1 that repeats the title', () => {
    const md = '---\ntitle: "A \\"quoted\\" title"\nauthor: \'Ann O\'\'Neil\'\ndate: 2024-05-06\nlang: fr\nid: my-id\nother: [1, 2]\n---\n# A "quoted" title\n\nCorps.';
    const draft = parseMarkdown(md);
    expect(draft).toMatchObject({
      title: 'A "quoted" title',
      byline: "Ann O'Neil",
      published: '2024-05-06',
      lang: 'fr',
      id: 'my-id',
    });
    expect(draft.sections).toEqual([{ paragraphs: [{ kind: 'paragraph', text: 'Corps.' }] }]);
  });

  it('treats a front matter block that never closes as ordinary text', () => {
    const { meta, body } = splitFrontMatter('---\ntitle: x\n\nNo end.');
    expect(meta.size).toBe(0);
    expect(body).toBe('---\ntitle: x\n\nNo end.');
  });

  it('builds the example article in content/', () => {
    const source = readFileSync(new URL('../../../content/sourdough-notes.md', import.meta.url), 'utf8');
    const article = buildArticle(parseMarkdown(source), { fileName: 'sourdough-notes.md' });
    expect(article.title).toBe('What a year of sourdough taught me about patience');
    expect(article.byline).toBe('Mara Lindqvist');
    expect(article.published).toBe('2026-03-14');
    expect(article.sections.map((s) => [s.heading ?? null, s.level ?? 2])).toEqual([
      [null, 2],
      ['Time is an ingredient', 2],
      ['Three habits that stuck', 2],
      ['A note on flour', 3],
      ['What my grandmother said', 2],
    ]);
    const all = JSON.stringify(article);
    expect(all).not.toContain('https://example.com');
    expect(all).not.toContain('*deeper*');
  });

  it('parses a 10 MB document without crashing', () => {
    const block = '## Part\n\nThe quick brown fox jumps over the *lazy* dog near the river bank.\n\n- an item\n\n';
    const md = `# Big\n\n${block.repeat(Math.ceil(10_000_000 / block.length))}`;
    expect(md.length).toBeGreaterThanOrEqual(10_000_000);
    const draft = parseMarkdown(md);
    expect(draft.sections.length).toBe(Math.ceil(10_000_000 / block.length) + 1);
  }, 60_000); // a big input on a shared machine: a ceiling, not a timing claim

  it('parses Windows line endings and a BOM like LF', () => {
    const md = '# T\n\n## H\n\nOne.\n\n- a\n';
    expect(parseMarkdown(`\ufeff${md.replace(/\n/g, '\r\n')}`)).toEqual(parseMarkdown(md));
  });
});

describe('parseMarkdown: a block in another language', () => {
  it('reads a trailing {lang=…} attribute list (markdown-it-attrs and kramdown syntax) and drops it from the text', () => {
    const draft = parseMarkdown(
      '---\nlang: en\n---\nHe said:\n\n> Je pense, donc je suis. {lang=fr}\n\n- Eins. {: lang="de"}\n- Two.\n\nUno.\n{lang=es-MX}\n\nBraces {like this} stay. {lang=}\n',
    );
    expect(draft.lang).toBe('en');
    expect(draft.sections[0]!.paragraphs).toEqual([
      { kind: 'paragraph', text: 'He said:' },
      { kind: 'quote', text: 'Je pense, donc je suis.', lang: 'fr' },
      { kind: 'item', text: 'Eins.', lang: 'de' },
      { kind: 'item', text: 'Two.' },
      { kind: 'paragraph', text: 'Uno.', lang: 'es-MX' },
      { kind: 'paragraph', text: 'Braces {like this} stay. {lang=}' },
    ]);
  });

  it('builds the block with its language, and no lang where it is the article\'s', () => {
    const article = buildArticle(parseMarkdown('---\nlang: fr\n---\nBonjour. {lang=fr}\n\n> M. Dupont est là. {lang=fr-CA}\n'));
    expect(article.sections[0]!.paragraphs.map((p) => p.lang)).toEqual([undefined, 'fr-CA']);
    expect(article.sections[0]!.paragraphs[1]!.sentences[0]!.speak).toBe('Monsieur Dupont est là.');
  });
});
