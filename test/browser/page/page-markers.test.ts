/// <reference types="mocha" />
// Publisher markers in page mode: data-aloud-skip and data-aloud-read on a
// live page, with the in-place highlight mapping to the page's own text
// around the parts left out.
import { expect } from '@esm-bundle/chai';
import { extractPageArticle, PageHighlighter, SENTENCE_HIGHLIGHT, WORD_HIGHLIGHT } from '../../../src/page/index.ts';
import type { Article } from '../../../src/article/model.ts';
import { cleanup, flush, mount, until } from '../support/player.ts';

const SKIPS = `
<article id="story">
  <h1>Ferries return to the harbour</h1>
  <p>The first ferry left at dawn<span data-aloud-skip> (photo: J. Smith)</span> with forty passengers. It was full.</p>
  <div class="fact-box" data-aloud-skip><h2>Fact box</h2><p>The harbour opened in 1871, and it has been rebuilt twice since then.</p></div>
  <p>Crews had trained for <em>months</em> before the first crossing. The timetable starts next week.</p>
  <p data-aloud-skip>Listen to our podcast for more stories like this one.</p>
  <p>Tickets cost less than the bus.</p>
</article>`;

const SKIPS_EXPECTED = [
  'The first ferry left at dawn with forty passengers.',
  'It was full.',
  'Crews had trained for months before the first crossing.',
  'The timetable starts next week.',
  'Tickets cost less than the bus.',
];

const READS = `
<div id="story">
  <h1>Ferries return to the harbour</h1>
  <p>Teaser: read the whole story below, with many details, commas, and clauses.</p>
  <div class="body">
    The first ferry left at dawn.
    <p data-aloud-read>The first ferry left at dawn.</p>
    <p>This paragraph is not marked, so it is not read.</p>
    <section data-aloud-read><h2>The crews</h2><p>Crews had trained for months.</p><p data-aloud-skip>Not this one.</p></section>
  </div>
  <p data-aloud-read>Tickets cost less than the bus.</p>
</div>`;

let host: HTMLDivElement | null = null;
function mountHost(html: string): HTMLElement {
  host = document.createElement('div');
  // Test fixture markup written by the test itself (never article input).
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector<HTMLElement>('#story')!;
}

const sentencesOf = (a: Article) => a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
function highlighted(name: string): string[] {
  const h = CSS.highlights.get(name);
  const inPage = (r: Range) => r.startContainer.getRootNode() === document;
  return h ? [...h].filter((r) => inPage(r as Range)).map((r) => (r as Range).toString()) : [];
}

afterEach(() => {
  host?.remove();
  host = null;
  CSS.highlights.clear();
  cleanup();
});

describe('page mode with publisher markers', () => {
  it('data-aloud-skip: skipped parts are not read, and every highlight paints only the text read', () => {
    const page = extractPageArticle(mountHost(SKIPS));
    const sentences = sentencesOf(page.article);
    expect(sentences.map((s) => s.text)).to.deep.equal(SKIPS_EXPECTED);
    expect(page.article.sections.map((s) => s.heading)).to.deep.equal([undefined]);
    expect(page.unmatched).to.deep.equal([]);
    const h = new PageHighlighter(page, { follow: false });
    for (const s of sentences) {
      h.show(s.id);
      const painted = highlighted(SENTENCE_HIGHLIGHT);
      expect(collapse(painted.join(' '))).to.equal(s.text);
      for (const m of s.text.matchAll(/\S+/g)) {
        h.show(s.id, { start: m.index, end: m.index + m[0].length });
        expect(highlighted(WORD_HIGHLIGHT)).to.deep.equal([m[0]]);
      }
    }
    // The first sentence is painted in two pieces, around the skipped credit.
    expect(page.sentenceRanges(sentences[0]!.id).map((r) => collapse(r.toString()))).to.deep.equal(['The first ferry left at dawn', 'with forty passengers.']);
    h.dispose();
  });

  it('data-aloud-read: only the marked parts, in order, the headline kept; loose text between is never mapped', () => {
    const page = extractPageArticle(mountHost(READS));
    expect(page.article.title).to.equal('Ferries return to the harbour');
    expect(sentencesOf(page.article).map((s) => s.text)).to.deep.equal([
      'The first ferry left at dawn.',
      'Crews had trained for months.',
      'Tickets cost less than the bus.',
    ]);
    expect(page.article.sections.map((s) => s.heading)).to.deep.equal([undefined, 'The crews']);
    expect(page.titleRange()?.toString()).to.equal('Ferries return to the harbour');
    expect(page.headingRange(page.article.sections[1]!.id)?.toString()).to.equal('The crews');
    // Each Range is over the marked copy, not the same words in the loose text before it.
    for (const s of sentencesOf(page.article)) {
      const range = page.sentenceRange(s.id)!;
      expect(range.toString()).to.equal(s.text);
      expect(!!range.startContainer.parentElement!.closest('[data-aloud-read]')).to.equal(true);
    }
  });

  it('a skipped headline is neither read nor announced', async () => {
    mountHost(SKIPS.replace('<h1>', '<h1 data-aloud-skip>'));
    const m = await mount({ article: null, attrs: { for: 'story' } });
    await until(() => m.el.article && m.el.store, 'the page article');
    expect(m.el.article!.announceTitle).to.equal(false);
    m.el.play();
    await flush(m.el);
    m.engine.finishAll();
    await flush(m.el);
    const spoken = m.engine.spoken.map((r) => r.text).join(' ');
    expect(spoken).not.to.contain('Ferries return');
    expect(spoken).to.contain('Tickets cost less than the bus.');
  });

  it('through <aloud-player for>: playing highlights each sentence read, never a skipped part', async () => {
    mountHost(SKIPS);
    const m = await mount({ article: null, attrs: { for: 'story' } });
    await until(() => m.el.article && m.el.store, 'the page article');
    expect(sentencesOf(m.el.article!).map((s) => s.text)).to.deep.equal(SKIPS_EXPECTED);
    m.el.play();
    await flush(m.el);
    const seen: string[] = [];
    while (m.engine.queue.length > 0) {
      m.engine.fireStart();
      await flush(m.el);
      const id = m.el.store!.state.position?.sentenceId;
      const text = sentencesOf(m.el.article!).find((s) => s.id === id)?.text;
      if (m.el.store!.state.announcing === null && text) {
        await until(() => collapse(highlighted(SENTENCE_HIGHLIGHT).join(' ')) === text, `"${text}" highlighted`);
        seen.push(text);
      }
      const painted = highlighted(SENTENCE_HIGHLIGHT).join(' ');
      for (const skipped of ['photo', 'Fact box', '1871', 'podcast']) expect(painted).not.to.contain(skipped);
      m.engine.finishCurrent();
      await flush(m.el);
    }
    expect(seen).to.deep.equal(SKIPS_EXPECTED);
    expect(m.el.state).to.equal('ended');
  });
});
