/// <reference types="mocha" />
// Page mode in a real page: reading a news-like host page in place, mapping
// sentences and words back to its text nodes, highlighting them with the CSS
// Custom Highlight API, following politely, and never touching the host DOM.
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { extractPageArticle, PageHighlighter, PageModeController, SENTENCE_HIGHLIGHT, WORD_HIGHLIGHT } from '../../../src/page/index.ts';
import type { Article } from '../../../src/article/model.ts';
import { parseSource } from '../../../src/article/parse.ts';
import { cleanup, flush, mount, until } from '../support/player.ts';

// A host page the way news sites write them: a site header and menu outside
// the article, and inside it a kicker, byline, date, share bar, a figure with
// caption, an ad slot between paragraphs, an inline ad inside a sentence,
// related links, a hidden note, a template, a script, a form, a French quote.
const HOST = `
<header class="site-header"><a href="/">The Daily Example</a>
  <nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<main>
  <article id="story" lang="en-GB">
    <p class="kicker">World news</p>
    <h1>Rain returns to the valley after a long dry summer</h1>
    <p class="byline">By <a rel="author" href="/a/jo">Jo Writer</a></p>
    <time datetime="2026-11-20">20 November 2026</time>
    <div class="share-bar"><button>Share</button> <a href="#">Email this story</a></div>
    <p>The first storm of the season reached the valley on
       <em>Tuesday</em>, and farmers   welcomed it.
       Reservoirs had fallen to a <a href="/data">third of their capacity</a>.</p>
    <figure><img src="data:," alt="Clouds over hills"><figcaption>Clouds gathered over the hills on Tuesday.</figcaption></figure>
    <div class="ad-slot">Advertisement: Buy a better umbrella today.</div>
    <h2>What the forecasters say</h2>
    <p>More rain is expected this week<span class="ad-inline"> SPONSORED </span> across the region. Schools stayed open.</p>
    <blockquote lang="fr"><p>Il était temps que la pluie revienne.</p></blockquote>
    <p hidden>This hidden note is not part of the story.</p>
    <template><p>Template text never shows.</p></template>
    <script type="text/plain">Script text never shows.</script>
    <form><label>Your email <input></label></form>
    <aside class="related"><h3>Related</h3><ul><li><a href="#">Drought hits the north</a></li></ul></aside>
    <p>(CNN)Officials said the dams would refill by spring.</p>
  </article>
</main>
<footer>Copyright The Daily Example</footer>`;

const EXPECTED = [
  'The first storm of the season reached the valley on Tuesday, and farmers welcomed it.',
  'Reservoirs had fallen to a third of their capacity.',
  'More rain is expected this week across the region.',
  'Schools stayed open.',
  'Il était temps que la pluie revienne.',
  '(CNN) Officials said the dams would refill by spring.',
];

let host: HTMLDivElement | null = null;

function mountHost(html = HOST): HTMLElement {
  host = document.createElement('div');
  // Test fixture markup written by the test itself (never article input).
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector<HTMLElement>('#story')!;
}

const sentencesOf = (a: Article) => a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
const squash = (text: string) => text.replace(/\s+/g, '');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The host page's ranges in a named highlight, as text (the player's own text
 * view, in its shadow root, may share the name).
 */
function highlighted(name: string): string[] {
  const h = CSS.highlights.get(name);
  const inPage = (r: Range) => r.startContainer.getRootNode() === document;
  return h ? [...h].filter((r) => inPage(r as Range)).map((r) => collapse((r as Range).toString())) : [];
}

// Ranges, elements and highlighters are compared as booleans: chai would try
// to print a DOM object graph in a failure message and never finish.
afterEach(() => {
  host?.remove();
  host = null;
  // A failed test may leave its highlighter behind: the next test starts clean.
  CSS.highlights.clear();
  cleanup();
  window.scrollTo(0, 0);
});

describe('extractPageArticle', () => {
  it('reads only the article body, with the same rules as the HTML parser', () => {
    const { article, unmatched } = extractPageArticle(mountHost());
    expect(sentencesOf(article).map((s) => s.text)).to.deep.equal(EXPECTED);
    expect(article.title).to.equal('Rain returns to the valley after a long dry summer');
    expect(article.byline).to.equal('Jo Writer');
    expect(article.sections.map((s) => s.heading)).to.deep.equal([undefined, 'What the forecasters say']);
    expect(unmatched).to.deep.equal([]);
  });

  it('finds the story inside a wide element exactly as the HTML parser does, and maps it in place', () => {
    // A CMS page's whole content column: teasers, a newsletter box, a bio,
    // topics and a visually hidden link hint around the story.
    const para = (n: number) => `Paragraph ${n} of the story tells what happened, with enough words and commas, to be prose.`;
    const wide = `<div id="story"><article class="teaser"><h3><a href="/t">Teaser headline</a></h3><p>Short.</p></article>
      <div class="article"><h1>Buses cut</h1>
      <p class="article__byline">By <a href="/p">Priya Natarajan<span class="sr-only"> (opens in a new tab)</span></a>, Transport Correspondent</p>
      <p class="article__dates"><time datetime="2026-11-20T07:30">20 November 2026, 7.30am</time><span>Updated 11.02am</span></p>
      <div class="article__body"><p>${para(1)}</p><aside class="newsletter"><p>Sign up now.</p></aside><p>${para(2)}</p><p>${para(3)}</p></div>
      <div class="article__bio"><p>Priya writes about transport.</p></div>
      <div class="article__topics">Topics <a href="/b">Buses</a> <a href="/l">Local government</a></div></div></div>`;
    const root = mountHost(wide);
    const page = extractPageArticle(root);
    const fromSource = parseSource(`<html><body>${wide}</body></html>`, { format: 'html' });
    const texts = sentencesOf(page.article).map((s) => s.text);
    expect(texts).to.deep.equal(sentencesOf(fromSource).map((s) => s.text));
    expect(texts).to.deep.equal([para(1), para(2), para(3)]);
    expect(page.article.byline).to.equal('Priya Natarajan, Transport Correspondent');
    expect(page.unmatched).to.deep.equal([]);
    for (const s of sentencesOf(page.article)) {
      expect(squash(page.sentenceRange(s.id)!.toString()), s.id).to.equal(squash(s.text));
    }
  });

  it('maps every sentence to a Range over the page text that reads as the sentence', () => {
    const page = extractPageArticle(mountHost());
    for (const s of sentencesOf(page.article)) {
      const range = page.sentenceRange(s.id)!;
      expect(range !== null, s.id).to.equal(true);
      expect(page.root.contains(range.commonAncestorContainer)).to.equal(true);
      // The page's own whitespace, the inserted "(CNN) " space and left-out content aside, the same characters.
      const pieces = page.sentenceRanges(s.id).map((r) => squash(r.toString()));
      expect(pieces.join(''), s.id).to.equal(squash(s.text));
    }
  });

  it('spans inline elements and text nodes, and splits around left-out content', () => {
    const page = extractPageArticle(mountHost());
    const [first, , third] = sentencesOf(page.article);
    // "…on <em>Tuesday</em>, and…": one stretch over three text nodes.
    const firstRanges = page.sentenceRanges(first!.id);
    expect(firstRanges.length).to.equal(1);
    expect(firstRanges[0]!.startContainer).to.not.equal(firstRanges[0]!.endContainer);
    // "…this week<span class=ad-inline> SPONSORED </span> across…": two stretches, the ad in neither.
    const thirdRanges = page.sentenceRanges(third!.id);
    expect(thirdRanges.map((r) => collapse(r.toString()))).to.deep.equal(['More rain is expected this week', 'across the region.']);
    expect(collapse(page.sentenceRange(third!.id)!.toString())).to.contain('SPONSORED');
  });

  it('maps each word of each sentence from its offsets in the sentence text', () => {
    const page = extractPageArticle(mountHost());
    let words = 0;
    for (const s of sentencesOf(page.article)) {
      for (const m of s.text.matchAll(/\S+/g)) {
        const range = page.wordRange(s.id, m.index, m.index + m[0].length);
        expect(range !== null, `${s.id} "${m[0]}"`).to.equal(true);
        expect(squash(range!.toString())).to.equal(m[0]);
        words++;
      }
    }
    expect(words).to.be.greaterThan(40);
    expect(page.wordRange('s1p1s1', 3, 3) === null).to.equal(true);
    expect(page.wordRange('nope', 0, 3) === null).to.equal(true);
  });

  it('maps section headings, and the title when it is the element\'s own <h1>', () => {
    const page = extractPageArticle(mountHost());
    expect(page.headingRange('s2')!.toString()).to.equal('What the forecasters say');
    expect(page.titleRange()!.toString()).to.equal('Rain returns to the valley after a long dry summer');
    // A title from <title> that the element does not contain has no range.
    host!.remove();
    const saved = document.title;
    document.title = 'A headline only in the head';
    try {
      const other = extractPageArticle(mountHost('<article id="story"><p>Plain words here.</p></article>'));
      expect(other.article.title).to.equal('A headline only in the head');
      // (Compared as a boolean: chai would try to print a Range.)
      expect(other.titleRange() === null).to.equal(true);
    } finally {
      document.title = saved;
    }
  });

  it('follows the page lang attributes, and records a paragraph in another language', () => {
    const page = extractPageArticle(mountHost());
    expect(page.article.lang).to.equal('en-GB');
    const french = sentencesOf(page.article).find((s) => s.text.startsWith('Il était'))!;
    expect([...page.sentenceLangs]).to.deep.equal([[french.id, 'fr']]);
    expect(extractPageArticle(page.root, { lang: 'en-US' }).article.lang).to.equal('en-US');
  });

  it('gives a block and a sentence under their own lang that language in the article, for the voice', () => {
    const page = extractPageArticle(mountHost());
    const quote = page.article.sections.flatMap((s) => s.paragraphs).find((p) => p.kind === 'quote')!;
    expect(quote.lang).to.equal('fr');
    // The block says it: its sentences need no lang of their own.
    expect(quote.sentences.map((s) => s.lang)).to.deep.equal([undefined]);
    host?.remove();
    const mixed = extractPageArticle(
      mountHost('<article id="story" lang="en"><p>He read the card aloud. <span lang="de">Alles Gute zum Geburtstag!</span> Then he smiled.</p></article>'),
    );
    expect(sentencesOf(mixed.article).map((s) => [s.text, s.lang])).to.deep.equal([
      ['He read the card aloud.', undefined],
      ['Alles Gute zum Geburtstag!', 'de'],
      ['Then he smiled.', undefined],
    ]);
  });

  it('falls back to <html lang> when nothing closer declares one', () => {
    const root = mountHost('<article id="story"><p>Plain words here.</p></article>');
    expect(extractPageArticle(root).article.lang).to.equal(document.documentElement.lang || 'en');
  });

  it('gives no Range once the page text changed under a sentence', () => {
    const page = extractPageArticle(mountHost());
    const last = sentencesOf(page.article).at(-1)!;
    expect(page.sentenceRange(last.id) !== null).to.equal(true);
    const node = page.sentenceRange(last.id)!.startContainer as Text;
    node.data = 'Something else entirely now.';
    expect(page.sentenceRange(last.id) === null).to.equal(true);
    expect(page.sentenceRanges(last.id).length).to.equal(0);
  });

  it('throws the pipeline error for an element with nothing to read', () => {
    const root = mountHost('<article id="story"><nav>Menu</nav><figure><figcaption>Only a caption.</figcaption></figure></article>');
    expect(() => extractPageArticle(root)).to.throw(/no text/);
  });
});

describe('PageHighlighter', () => {
  it('highlights the sentence and the word in place, without touching the host DOM', async () => {
    const root = mountHost();
    const before = document.body.outerHTML;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });

    const page = extractPageArticle(root);
    const h = new PageHighlighter(page, { follow: false });
    expect(h.highlighting).to.equal(true);
    const sentences = sentencesOf(page.article);
    for (const s of sentences) {
      h.show(s.id);
      expect(highlighted(SENTENCE_HIGHLIGHT).map(squash).join('')).to.equal(squash(s.text));
      for (const m of s.text.matchAll(/\S+/g)) {
        h.show(s.id, { start: m.index, end: m.index + m[0].length });
        expect(highlighted(WORD_HIGHLIGHT).map(squash)).to.deep.equal([m[0]]);
      }
    }
    h.dispose();
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    records.push(...observer.takeRecords());
    expect(records.length).to.equal(0);
    expect(document.body.outerHTML).to.equal(before);
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal([]);
    expect(highlighted(WORD_HIGHLIGHT)).to.deep.equal([]);
  });

  it('styles through one adopted stylesheet, with its own custom properties or the player\'s, removed by the last highlighter', () => {
    const root = mountHost();
    const page = extractPageArticle(root);
    const sheetsBefore = document.adoptedStyleSheets.length;
    const a = new PageHighlighter(page, { follow: false });
    const b = new PageHighlighter(page, { follow: false });
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);
    const css = [...document.adoptedStyleSheets.at(-1)!.cssRules].map((r) => r.cssText).join('\n');
    expect(css).to.contain('::highlight(aloud-sentence)');
    expect(css).to.contain('var(--aloud-page-sentence-bg');
    expect(css).to.contain('forced-colors: active');
    // The page's custom property reaches the highlight.
    root.style.setProperty('--aloud-page-sentence-bg', 'rgb(1, 2, 3)');
    const p = root.querySelector('p:not(.kicker):not(.byline)')!;
    expect(getComputedStyle(p, '::highlight(aloud-sentence)').backgroundColor).to.equal('rgb(1, 2, 3)');
    root.style.removeProperty('--aloud-page-sentence-bg');
    // One theme for both: the player's own properties colour the in-page highlight…
    const html = document.documentElement.style;
    html.setProperty('--aloud-highlight', 'rgb(10, 20, 30)');
    html.setProperty('--aloud-word', 'rgb(40, 50, 60)');
    html.setProperty('--aloud-word-fg', 'rgb(70, 80, 90)');
    html.setProperty('--aloud-highlight-underline', 'rgb(100, 110, 120)');
    try {
      const sentence = getComputedStyle(p, '::highlight(aloud-sentence)');
      const word = getComputedStyle(p, '::highlight(aloud-word)');
      expect([sentence.backgroundColor, sentence.textDecorationColor, word.backgroundColor, word.color]).to.deep.equal([
        'rgb(10, 20, 30)',
        'rgb(100, 110, 120)',
        'rgb(40, 50, 60)',
        'rgb(70, 80, 90)',
      ]);
      // …and a page-mode property still wins over them.
      root.style.setProperty('--aloud-page-word-bg', 'rgb(4, 5, 6)');
      expect(getComputedStyle(p, '::highlight(aloud-word)').backgroundColor).to.equal('rgb(4, 5, 6)');
    } finally {
      for (const name of ['--aloud-highlight', '--aloud-word', '--aloud-word-fg', '--aloud-highlight-underline']) html.removeProperty(name);
      root.style.removeProperty('--aloud-page-word-bg');
    }
    a.dispose();
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);
    b.dispose();
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
  });

  it('highlights a section heading while it is announced, then the sentence again', () => {
    const page = extractPageArticle(mountHost());
    const h = new PageHighlighter(page, { follow: false });
    const [first] = sentencesOf(page.article);
    h.show(first!.id, { start: 0, end: 3 });
    h.showHeading('s2');
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal(['What the forecasters say']);
    expect(highlighted(WORD_HIGHLIGHT)).to.deep.equal([]);
    h.showHeading();
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal(['Rain returns to the valley after a long dry summer']);
    h.show(first!.id);
    expect(highlighted(SENTENCE_HIGHLIGHT).map(squash).join('')).to.equal(squash(first!.text));
    h.dispose();
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal([]);
  });

  it('two highlighters share the named highlights, each removing only its own ranges', () => {
    const page = extractPageArticle(mountHost());
    const [s1, s2] = sentencesOf(page.article);
    const a = new PageHighlighter(page, { follow: false });
    const b = new PageHighlighter(page, { follow: false });
    a.show(s1!.id);
    b.show(s2!.id);
    expect(highlighted(SENTENCE_HIGHLIGHT).length).to.equal(2);
    a.dispose();
    expect(highlighted(SENTENCE_HIGHLIGHT).map(squash)).to.deep.equal([squash(s2!.text)]);
    b.dispose();
    expect(CSS.highlights.has(SENTENCE_HIGHLIGHT)).to.equal(false);
  });

  it('never unregisters a highlight someone else registered under the same name', () => {
    const page = extractPageArticle(mountHost());
    const theirs = new Highlight();
    CSS.highlights.set(WORD_HIGHLIGHT, theirs);
    try {
      const h = new PageHighlighter(page, { follow: false });
      const s = sentencesOf(page.article)[0]!;
      h.show(s.id, { start: 0, end: 3 });
      expect(theirs.size).to.equal(1);
      h.dispose();
      expect(theirs.size).to.equal(0);
      expect(CSS.highlights.get(WORD_HIGHLIGHT)).to.equal(theirs);
    } finally {
      CSS.highlights.delete(WORD_HIGHLIGHT);
    }
  });

  describe('following', () => {
    const TALL = `<article id="story"><p>Near the top of the story.</p>
      <div style="height: 3000px"></div><p>Far down the page, out of sight.</p></article>`;

    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('scrolls an off-screen sentence into view, at once under reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page);
      const [near, far] = sentencesOf(page.article);
      h.show(near!.id);
      expect(window.scrollY).to.equal(0); // on screen: no scrolling
      h.show(far!.id);
      const rect = page.sentenceRange(far!.id)!.getBoundingClientRect();
      expect(window.scrollY).to.be.greaterThan(2000);
      expect(rect.top).to.be.within(0, innerHeight);
      h.dispose();
    });

    it('scrolls smoothly without reduced motion', async () => {
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page);
      const far = sentencesOf(page.article)[1]!;
      h.show(far.id);
      // Smooth: not there in the same task, there shortly after.
      expect(window.scrollY).to.be.lessThan(2000);
      await until(() => window.scrollY > 2000, 'smooth scroll', 5000);
      h.dispose();
    });

    it('leaves the page alone while the listener is scrolling it themselves', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page, { followPauseMs: 60_000 });
      window.dispatchEvent(new WheelEvent('wheel', { deltaY: 10 }));
      h.show(sentencesOf(page.article)[1]!.id);
      expect(window.scrollY).to.equal(0);
      h.dispose();
    });

    it('follows only while the listener\'s follow-along switch is on', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page, { follow: false });
      const [near, far] = sentencesOf(page.article);
      h.show(far!.id);
      expect(window.scrollY).to.equal(0);
      h.show(near!.id);
      h.follow = true;
      h.show(far!.id);
      expect(window.scrollY).to.be.greaterThan(2000);
      h.dispose();
    });

    it('keeps the sentence clear of the player\'s bars and of the page\'s scroll-padding (sticky header)', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      // A sentence sitting just above the bottom edge: in view, but under an 80 px mini-player.
      const page = extractPageArticle(
        mountHost(`<article id="story"><p>Top.</p><div class="gap"></div><p>Low line.</p><div style="height: 3000px"></div></article>`),
      );
      const low = sentencesOf(page.article)[1]!;
      const gap = host!.querySelector<HTMLElement>('.gap')!;
      gap.style.height = `${window.innerHeight - 30 - page.sentenceRange(low.id)!.getBoundingClientRect().bottom}px`;
      const plain = new PageHighlighter(page);
      plain.show(low.id);
      expect(window.scrollY, 'without a bar it is in view: no scroll').to.equal(0);
      plain.dispose();

      const h = new PageHighlighter(page, { obscured: () => ({ top: 0, bottom: 80 }) });
      h.show(low.id);
      const rect = page.sentenceRange(low.id)!.getBoundingClientRect();
      expect(window.scrollY).to.be.greaterThan(0);
      expect(rect.bottom, 'clear of the bar').to.be.at.most(window.innerHeight - 80);
      h.dispose();

      // The page's own sticky header, declared the standard way.
      window.scrollTo(0, 0);
      host!.remove();
      document.documentElement.style.scrollPaddingTop = '200px';
      try {
        const top = extractPageArticle(mountHost(`<div style="height: 3000px"></div><article id="story"><p>Deep line.</p></article><div style="height: 3000px"></div>`));
        const deep = sentencesOf(top.article)[0]!;
        const hh = new PageHighlighter(top);
        window.scrollTo(0, top.sentenceRange(deep.id)!.getBoundingClientRect().top + window.scrollY - 100);
        hh.show(deep.id); // 100 px from the top: under the 200 px header
        const r = top.sentenceRange(deep.id)!.getBoundingClientRect();
        expect(r.top, 'below the sticky header').to.be.at.least(200);
        expect(r.bottom).to.be.at.most(window.innerHeight);
        hh.dispose();
      } finally {
        document.documentElement.style.scrollPaddingTop = '';
      }
    });

    it('resume() follows at once after the listener scrolled (a jump they asked for)', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page, { followPauseMs: 60_000 });
      window.dispatchEvent(new WheelEvent('wheel', { deltaY: 10 }));
      const far = sentencesOf(page.article)[1]!;
      h.show(far.id);
      expect(window.scrollY, 'paused by the wheel').to.equal(0);
      h.show(null);
      h.resume();
      h.show(far.id);
      expect(window.scrollY).to.be.greaterThan(2000);
      h.dispose();
    });

    it('follows again once the pause has passed', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const page = extractPageArticle(mountHost(TALL));
      const h = new PageHighlighter(page, { followPauseMs: 50 });
      window.dispatchEvent(new WheelEvent('wheel', { deltaY: 10 }));
      await new Promise((r) => setTimeout(r, 80));
      h.show(sentencesOf(page.article)[1]!.id);
      expect(window.scrollY).to.be.greaterThan(2000);
      h.dispose();
    });
  });

  it('without CSS.highlights: paints nothing, adopts no sheet, still follows, never throws', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const saved = Object.getOwnPropertyDescriptor(CSS, 'highlights')!;
    const page = extractPageArticle(mountHost(`<article id="story"><p>Top.</p><div style="height: 3000px"></div><p>Bottom line.</p></article>`));
    const sheets = document.adoptedStyleSheets.length;
    delete (CSS as { highlights?: unknown }).highlights;
    try {
      const h = new PageHighlighter(page);
      expect(h.highlighting).to.equal(false);
      expect(document.adoptedStyleSheets.length).to.equal(sheets);
      h.show(sentencesOf(page.article)[1]!.id, { start: 0, end: 6 });
      expect(h.current).to.equal(sentencesOf(page.article)[1]!.id);
      expect(window.scrollY).to.be.greaterThan(2000);
      h.dispose();
    } finally {
      Object.defineProperty(CSS, 'highlights', saved);
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('PageModeController on a real <aloud-player>', () => {
  it('loads the page article into the player and highlights what the store plays, only once playing', async () => {
    const root = mountHost();
    const before = document.body.outerHTML.replace(/<aloud-player[\s\S]*<\/aloud-player>/, '');
    const m = await mount({ article: null });
    let followAlong = false;
    const ctl = new PageModeController(m.el, { target: () => 'story', following: () => followAlong });
    // Added after connection: the next update runs it.
    m.el.requestUpdate();
    await until(() => m.el.store, 'the store');
    await flush(m.el);
    expect(m.el.article === ctl.page!.article).to.equal(true);
    expect(sentencesOf(m.el.article!).map((s) => s.text)).to.deep.equal(EXPECTED);
    // Ready, not playing: the host page is not painted.
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal([]);

    m.el.play();
    await flush(m.el);
    // The store may announce the title and a heading first.
    while (!m.engine.queue[0]!.request.text.startsWith('The first storm')) {
      // While the title is announced, it is what the page shows highlighted.
      if (m.engine.queue[0]!.state === 'speaking') {
        expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal(['Rain returns to the valley after a long dry summer']);
      }
      m.engine.finishCurrent();
      await flush(m.el);
    }
    m.engine.fireStart();
    m.engine.fireBoundary();
    await flush(m.el);
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal([collapse(EXPECTED[0]!)]);
    expect(highlighted(WORD_HIGHLIGHT)).to.deep.equal(['The']);
    m.engine.fireBoundary();
    await flush(m.el);
    expect(highlighted(WORD_HIGHLIGHT)).to.deep.equal(['first']);
    // The listener's follow-along switch reaches the highlighter on the next change.
    expect(ctl.highlighter!.follow).to.equal(false);
    followAlong = true;

    m.el.nextSentence();
    await flush(m.el);
    // The store commits the move once the engine starts the new sentence.
    m.engine.fireStart();
    await flush(m.el);
    await until(() => highlighted(SENTENCE_HIGHLIGHT)[0] === EXPECTED[1], 'the next sentence highlighted');
    expect(ctl.highlighter!.follow).to.equal(true);

    m.el.remove();
    await flush(m.el);
    expect(highlighted(SENTENCE_HIGHLIGHT)).to.deep.equal([]);
    expect(ctl.highlighter === null).to.equal(true);
    expect(document.body.outerHTML).to.equal(before);
    void root;
  });

  it('reports a missing element and an element with nothing to read', async () => {
    const m = await mount({ article: null });
    const errors: string[] = [];
    new PageModeController(m.el, { target: () => 'no-such-id', onError: (e) => errors.push(e.code) });
    m.el.requestUpdate();
    await flush(m.el);
    mountHost('<div id="empty"><nav>Only a menu</nav></div>');
    const ctl = new PageModeController(m.el, { target: () => 'empty', onError: (e) => errors.push(e.code) });
    m.el.requestUpdate();
    await flush(m.el);
    await ctl.ready;
    expect(errors).to.deep.equal(['missing-element', 'empty-article']);
    expect(m.el.article === null).to.equal(true);
  });
});
