import { describe, expect, it } from 'vitest';
import { loadPages, prf } from '../../../bench/extraction-accuracy.ts';
import { parseHtml } from '../../../src/article/parse-html.ts';
import { buildArticle } from '../../../src/article/build-article.ts';
import { nodeDomParser } from '../../../src/article/node.ts';

const parse = (html: string) => parseHtml(html, { domParser: nodeDomParser });
const body = (html: string) =>
  parse(html)
    .sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs.map((p) => p.text)])
    .filter(Boolean)
    .join('\n');
const pages = loadPages();

describe('finding the article on real page shapes (test/fixtures/pages)', () => {
  it('has the page shapes the issue names', () => {
    expect(pages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['wordpress', 'aspnet-form', 'amp', 'two-mains', 'teaser-articles', 'class-traps', 'div-soup', 'main-menus', 'body-fallback']),
    );
  });

  for (const page of pages) {
    it(`${page.name}: the marked body, word 4-gram F1 ≥ 0.95`, () => {
      const score = prf(body(page.html), page.expected);
      expect(score.f1).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('a CMS news page: byline names with their links, dates apart, hidden hints, bios, topics, shares and newsletter left out', () => {
    const html = pages.find((p) => p.name === 'news-cms')!.html;
    const draft = parse(html);
    expect(draft.byline).toBe('Priya Natarajan, Transport Correspondent');
    expect(draft.kicker).toBe('Transport');
    expect(draft.published).toBe('2026-11-20');
    expect(draft.updated).toBe('Updated 11.02am');
    const text = body(html);
    for (const left of ['opens in a new tab', 'Topics', 'Local government', 'Share on', 'Sign up', 'previously reported', '7.30am', 'Updated']) {
      expect(text).not.toContain(left);
    }
    // The standfirst is read, first.
    expect(text.split('\n')[0]).toMatch(/^Nine routes lose their evening services/);
    const sentences = buildArticle(draft).sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    expect(sentences).toContain('Cllr. Amira Hassan, who leads on transport, said the council had tried every other saving first.');
  });

  it('never deletes the story for a class word on its container', () => {
    const html = `<html><body><div class="ad_body"><div class="advertisement-off-canvas--pusher">
      <article class="category-x-advertising-platform url-breadcrumb">
      <p>${'A long sentence of the story, with words enough to be prose. '.repeat(6)}</p>
      <p>${'Another paragraph of the same story, also long enough to count. '.repeat(5)}</p>
      <div class="ad">Advertisement</div></article></div></div></body></html>`;
    const text = body(html);
    expect(text).toContain('Another paragraph of the same story');
    expect(text).not.toContain('Advertisement');
  });

  it('reads a WordPress post filed under "advertising" tags, and leaves out tag lists, author boxes and sign-up forms', () => {
    const story = 'The harbour wall was finished on Friday, weeks ahead of the winter storms, the council said. '.repeat(3);
    const html = `<html><body><main><article class="post-12 type-post status-publish hentry tag-promotion category-x-advertising-platform">
      <div class="entry-content"><p>${story}</p><p>${story}</p>
      <div class="tag-list">Filed under: Harbour, Council</div>
      <div class="author-box"><p>Sam Lee writes about the coast for the paper and lives in the town.</p></div>
      <form class="mc4wp-form"><p>Get our weekly letter in your inbox every Friday morning.</p></form>
      <div class="signup-box"><p>Sign up for breaking news alerts.</p></div></div>
      </article></main></body></html>`;
    const text = body(html);
    expect(text).toBe(`${story.trim()}
${story.trim()}`);
  });

  it('prefers the story in a plain div to a bigger-named teaser <article>', () => {
    const story = 'The story itself, told at length, with commas, clauses, and detail. '.repeat(4);
    const html = `<body><article class="teaser"><h3><a href="/x">A teaser headline that links away</a></h3><p>Short teaser text here.</p></article>
      <div class="story"><p>${story}</p><p>${story}</p></div></body>`;
    expect(body(html)).toBe(`${story.trim()}\n${story.trim()}`);
  });
});
