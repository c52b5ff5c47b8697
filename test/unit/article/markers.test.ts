import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/article/parse-html.ts';
import { parseMarkdown } from '../../../src/article/parse-markdown.ts';
import { buildArticle } from '../../../src/article/build-article.ts';
import { nodeDomParser } from '../../../src/article/node.ts';

const parse = (html: string) => parseHtml(html, { domParser: nodeDomParser });
const blocks = (draft: ReturnType<typeof parse>) =>
  draft.sections.flatMap((s) => [...(s.heading ? [`## ${s.heading}`] : []), ...s.paragraphs.map((p) => p.text)]);
const prose = (words: string) => `${words}, told at length, with commas, clauses, and enough detail to count as prose.`;

describe('publisher markers in HTML sources', () => {
  const page = (inner: string) =>
    `<html><head><title>Site name</title></head><body><article><h1>The headline</h1>${inner}</article></body></html>`;

  it('data-aloud-skip leaves the element and all inside it out, wherever it is', () => {
    const draft = parse(
      page(`<p>${prose('First paragraph')}</p>
        <div data-aloud-skip><p>${prose('Boxed fact one')}</p><p>Boxed fact two.</p></div>
        <p>${prose('Second paragraph')} <span data-aloud-skip="">(inline aside)</span> Then more.</p>
        <h2 data-aloud-skip>Skipped heading</h2>
        <p>${prose('Third paragraph')}</p>`),
    );
    expect(draft.title).toBe('The headline');
    const text = blocks(draft).join('\n');
    expect(text).toContain('First paragraph');
    expect(text).toContain('Third paragraph');
    expect(text).toMatch(/Second paragraph, .* prose\. Then more\./);
    for (const gone of ['Boxed fact', 'inline aside', 'Skipped heading']) expect(text).not.toContain(gone);
  });

  it('data-aloud-read makes only the marked parts read, in document order, the headline kept', () => {
    const draft = parse(
      page(`<p>${prose('Teaser text')}</p>
        <div class="body"><p data-aloud-read>${prose('Marked one')}</p>
        <p>${prose('Not marked')}</p>
        Loose text between the parts.
        <section data-aloud-read><h2>Marked section</h2><p>${prose('Marked two')}</p><p data-aloud-skip>Skipped inside.</p></section></div>
        <aside data-aloud-read><p>An aside the publisher wants read.</p></aside>`),
    );
    expect(draft.title).toBe('The headline');
    expect(blocks(draft)).toEqual([
      prose('Marked one'),
      '## Marked section',
      prose('Marked two'),
      'An aside the publisher wants read.',
    ]);
  });

  it('data-aloud-read in a story headlined by a lower heading (no <h1>) keeps that headline as the title', () => {
    const draft = parse(`<html lang="en"><head><title>Site guide</title></head><body><h1>The site</h1>
      <article><h4>Ferry timetable changes</h4><p class="kicker">Transport · 2 min read</p>
        <p data-aloud-read>${prose('Marked one')}</p><aside><p>Advertisement.</p></aside><p data-aloud-read>${prose('Marked two')}</p>
        <h5>A sub-head, not read</h5><p>Not marked.</p></article></body></html>`);
    expect(draft.title).toBe('Ferry timetable changes');
    expect(blocks(draft)).toEqual([prose('Marked one'), prose('Marked two')]);
  });

  it('a skipped headline is not read nor announced (the page title names the article); a read marker on the headline itself is not doubled', () => {
    const skipped = parse(page(`<p>${prose('Body')}</p>`).replace('<h1>', '<h1 data-aloud-skip>'));
    expect(skipped.title).toBe('Site name');
    expect(skipped.announceTitle).toBe(false);
    expect(buildArticle(skipped).announceTitle).toBe(false);
    expect(blocks(skipped).join('\n')).not.toContain('The headline');
    const marked = parse(page(`<p data-aloud-read>${prose('Body')}</p>`).replace('<h1>', '<h1 data-aloud-read>'));
    expect(marked.title).toBe('The headline');
    expect(marked.announceTitle).toBeUndefined();
    expect(blocks(marked)).toEqual([prose('Body')]);
  });

  it('a read marker inside a skipped element is ignored; hidden parts stay out even when marked', () => {
    const draft = parse(
      page(`<p data-aloud-read>${prose('Kept')}</p>
        <div data-aloud-skip><p data-aloud-read>Inside a skip.</p></div>
        <p data-aloud-read hidden>Hidden but marked.</p>`),
    );
    expect(blocks(draft)).toEqual([prose('Kept')]);
  });

  it('a marked part 3,000 elements deep is found, and only it is read', () => {
    const n = 3000;
    const html = `<body><p>${prose('Not read')}</p>${'<div>'.repeat(n)}loose <p data-aloud-read>Deep one.</p><p>Deep not.</p>${'</div>'.repeat(n)}</body>`;
    expect(blocks(parse(html))).toEqual(['Deep one.']);
  });

  it('without markers the result is exactly as before', () => {
    const inner = `<p>${prose('One')}</p><p>${prose('Two')}</p>`;
    expect(parse(page(inner))).toEqual(parse(page(inner).replace('<p>', '<p data-unrelated>')));
  });

  it('ids stay positional over the text that is read', () => {
    const article = buildArticle(parse(page(`<p data-aloud-skip>${prose('Gone')}</p><p>${prose('Stays')}</p>`)));
    expect(article.sections[0]!.paragraphs[0]!.sentences[0]!.id).toBe('s1p1s1');
    expect(article.sections[0]!.paragraphs[0]!.sentences[0]!.text).toMatch(/^Stays/);
  });
});

describe('publisher markers in Markdown sources (HTML comments)', () => {
  const text = (md: string) => blocks(parseMarkdown(md));

  it('<!-- aloud-skip --> … <!-- /aloud-skip --> leaves out blocks, or words inside a paragraph', () => {
    const md = [
      '# Title',
      '',
      'First paragraph.',
      '',
      '<!-- aloud-skip -->',
      '## Box',
      '',
      'Boxed fact.',
      '<!-- /aloud-skip -->',
      '',
      'Second <!-- aloud-skip -->(not this) <!-- /aloud-skip -->paragraph.',
    ].join('\n');
    expect(parseMarkdown(md).title).toBe('Title');
    expect(text(md)).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('<!-- aloud-read --> pairs make only their content read, in order, the title kept', () => {
    const md = [
      '# Title',
      'Intro not read.',
      '<!-- aloud-read -->',
      'Read one.',
      '<!-- /aloud-read -->',
      'Between, not read.',
      '<!-- aloud-read -->',
      '## Part two',
      '',
      'Read two. <!-- aloud-skip -->Not this.<!-- /aloud-skip -->',
      '<!-- /aloud-read -->',
      'After, not read.',
    ].join('\n');
    expect(parseMarkdown(md).title).toBe('Title');
    expect(text(md)).toEqual(['Read one.', '## Part two', 'Read two.']);
  });

  it('a skipped title names the article but is not announced; an open marker runs to the end; markers in fenced code are text', () => {
    const skippedTitle = parseMarkdown('<!-- aloud-skip -->\n# The Title #\n<!-- /aloud-skip -->\n\nBody.');
    // It still names the article, unannounced, and is not read as text.
    expect(skippedTitle).toMatchObject({ title: 'The Title', announceTitle: false });
    expect(blocks(skippedTitle)).toEqual(['Body.']);
    expect(parseMarkdown('<!-- aloud-read -->\nOnly.\n<!-- /aloud-read -->\n<!-- aloud-skip -->\n# T\n<!-- /aloud-skip -->')).toMatchObject({ title: 'T', announceTitle: false });
    expect(text('Kept.\n\n<!-- aloud-skip -->\n\nGone.\n\nAlso gone.')).toEqual(['Kept.']);
    const fenced = 'Before.\n\n```html\n<!-- aloud-skip -->\n```\n\nAfter.';
    expect(text(fenced)).toEqual(['Before.', 'After.']);
  });
});

describe('publisher markers in Markdown sources (the HTML attributes, on raw HTML)', () => {
  const text = (md: string) => blocks(parseMarkdown(md));

  it('<span data-aloud-skip> inside a paragraph and a <div data-aloud-skip> around blocks leave their content out', () => {
    const md = [
      '# Title',
      '',
      'Built on Friday<span class="credit" data-aloud-skip> (photo: X)</span>.',
      '',
      '<div data-aloud-skip>',
      '',
      'Boxed fact, <div>nested</div> too.',
      '',
      'Another boxed fact.',
      '',
      '</div>',
      '',
      'After the box.',
    ].join('\n');
    expect(text(md)).toEqual(['Built on Friday.', 'After the box.']);
  });

  it('<div data-aloud-read> makes only its blocks read; an element never closed, or one in fenced code, is no marker', () => {
    const md = ['# Title', '', 'Intro not read.', '', '<section data-aloud-read="">', '', 'Read one.', '', '</section>', '', 'Not read.'].join('\n');
    expect(text(md)).toEqual(['Read one.']);
    expect(text('A <span data-aloud-skip>never closed.\n\nNext.')).toEqual(['A never closed.', 'Next.']);
    expect(text('Before.\n\n```html\n<div data-aloud-skip>\n```\n\nAfter.\n\n</div>')).toEqual(['Before.', 'After.']);
  });

  it('keeps link reference definitions from the parts left out, so a read link is read as its words', () => {
    const md = ['# T', '', '<!-- aloud-read -->', 'See [the report][r].', '<!-- /aloud-read -->', '', '[r]: https://example.org/report'].join('\n');
    expect(text(md)).toEqual(['See the report.']);
    const skipped = ['See [the report][r].', '', '<!-- aloud-skip -->', '[r]: https://example.org/report', 'Gone.', '<!-- /aloud-skip -->'].join('\n');
    expect(text(skipped)).toEqual(['See the report.']);
  });
});
