// The content pipeline in Chromium with the native DOMParser: the same
// sources must give the same articles as in Node (content/*.json is written
// by `npm run content` in Node with linkedom).
import { expect } from '@esm-bundle/chai';
import { ArticleParseError, parseSource } from '../../../src/article/parse.ts';
import { parseElement, readElement } from '../../../src/article/parse-html.ts';
import type { SourceFormat } from '../../../src/article/model.ts';

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

describe('parseSource in the browser', () => {
  const examples: [string, SourceFormat, string][] = [
    ['sourdough-notes.md', 'markdown', 'sourdough-notes'],
    ['harbour-ferry-2026-05-02.html', 'html', 'harbour-ferry-2026-05-02'],
    ['mosul-2017-06-29.txt', 'text', 'mosul-2017-06-29'],
  ];
  for (const [source, format, id] of examples) {
    it(`gives the same article as Node for ${source}`, async () => {
      const article = parseSource(await text(`/content/${source}`), { format, fileName: source });
      const fromNode: unknown = JSON.parse(await text(`/content/${id}.json`));
      expect(article).to.deep.equal(fromNode);
    });
  }

  it('parses hostile HTML inertly: no script, handler or frame runs, none of their text is kept', async () => {
    const w = window as unknown as Record<string, unknown>;
    const html = `<html><body onload="window.__aloudPwned='onload'"><article><h1>T</h1>
      <p>Kept.<img src="data:," onerror="window.__aloudPwned='onerror'"></p>
      <script>window.__aloudPwned='script'</script>
      <iframe srcdoc="<script>parent.__aloudPwned='iframe'</script>"></iframe>
      <template><p>TEMPLATE</p></template><style>p{}</style><p hidden>HIDDEN</p>
      <svg><script>window.__aloudPwned='svg'</script></svg></article></body></html>`;
    const article = parseSource(html, { format: 'html', id: 'hostile' });
    // Give any event or load that could fire a chance to do so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(w.__aloudPwned).to.equal(undefined);
    const sentences = article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    expect(sentences).to.deep.equal(['Kept.']);
  });

  it('reads a live element of the page with the same rules, without changing it', () => {
    const host = document.createElement('div');
    host.innerHTML = `<h2>Part</h2><p>One. <span aria-hidden="true">X</span>Two.</p><nav>Menu</nav><div class="share">Share</div><ul><li>Item</li></ul>`;
    document.body.append(host);
    const before = host.innerHTML;
    try {
      const draft = parseElement(host);
      // Its one heading leads and outranks any other: the element's title, not a section.
      expect(draft.title).to.equal('Part');
      expect(draft.sections).to.deep.equal([{ paragraphs: [{ kind: 'paragraph', text: 'One. Two.' }, { kind: 'item', text: 'Item' }] }]);
      expect(host.innerHTML).to.equal(before);
      // Page mode maps text back with the very rule the parser used.
      const { isLeftOut } = readElement(host).extraction;
      expect(isLeftOut(host.querySelector('nav')!)).to.equal(true);
      expect(isLeftOut(host.querySelector('.share')!)).to.equal(true);
      expect(isLeftOut(host.querySelector('p')!)).to.equal(false);
    } finally {
      host.remove();
    }
  });

  it('throws ArticleParseError for an empty page', () => {
    let caught: unknown;
    try {
      parseSource('<nav>Menu</nav>', { format: 'html' });
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(ArticleParseError);
    expect((caught as ArticleParseError).code).to.equal('empty-article');
  });
});
