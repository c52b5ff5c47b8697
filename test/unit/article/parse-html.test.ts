import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/article/parse-html.ts';
import { nodeDomParser } from '../../../src/article/node.ts';
import { buildArticle } from '../../../src/article/build-article.ts';

const parse = (html: string) => parseHtml(html, { domParser: nodeDomParser });
const texts = (html: string): [string, string][] =>
  parse(html).sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.text] as [string, string]));

const HOSTILE = `<!doctype html><html><head>
<script>globalThis.__aloudPwned = 'head script'</script>
<style>p::after { content: "STYLE-TEXT" }</style></head>
<body onload="globalThis.__aloudPwned = 'onload'">
<article>
  <h1>Safe title<script>SCRIPT-IN-TITLE</script></h1>
  <p>Visible one.<img src="x" onerror="globalThis.__aloudPwned = 'onerror'"> Still visible.</p>
  <script>globalThis.__aloudPwned = 'body script'; document.write('WRITTEN')</script>
  <template><p>TEMPLATE-TEXT</p></template>
  <noscript><p>NOSCRIPT-TEXT</p></noscript>
  <iframe srcdoc="<p>IFRAME-TEXT</p>">IFRAME-FALLBACK</iframe>
  <svg><text>SVG-TEXT</text><script>SVG-SCRIPT</script></svg>
  <p style="display: none">STYLE-HIDDEN</p>
  <p style="color:red;visibility:hidden">VISIBILITY-HIDDEN</p>
  <p hidden>HIDDEN-ATTR</p>
  <div aria-hidden="true"><p>ARIA-HIDDEN</p></div>
  <form><label>FORM-LABEL</label><input value="INPUT-VALUE"><button>BUTTON-TEXT</button></form>
  <p><a href="javascript:alert(1)">A link</a> that is text.</p>
  <object data="x.swf">OBJECT-TEXT</object>
</article></body></html>`;

describe('parseHtml', () => {
  it('never executes or keeps anything from scripts, handlers, templates, frames or hidden elements', () => {
    const draft = parse(HOSTILE);
    const all = JSON.stringify(draft);
    for (const marker of [
      'SCRIPT', 'STYLE-TEXT', 'WRITTEN', 'TEMPLATE-TEXT', 'NOSCRIPT-TEXT', 'IFRAME', 'SVG-',
      'HIDDEN', 'FORM-LABEL', 'INPUT-VALUE', 'BUTTON-TEXT', 'OBJECT-TEXT', 'alert', 'onerror',
    ]) {
      expect(all).not.toContain(marker);
    }
    expect((globalThis as Record<string, unknown>).__aloudPwned).toBeUndefined();
    expect(draft.title).toBe('Safe title');
    expect(draft.sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      'Visible one. Still visible.',
      'A link that is text.',
    ]);
  });

  it('takes the largest <article>, leaving the page chrome, ads, shares and related boxes out', () => {
    const html = `<html lang="de"><body>
      <header><nav>Home News</nav><p>Site slogan</p></header>
      <article><p>Short teaser article.</p></article>
      <article>
        <h1>Der Titel</h1>
        <p>Erster Absatz.</p>
        <div class="adSlot">Werbung</div>
        <div id="share-tools">Teilen</div>
        <section class="related_links"><p>Mehr lesen</p></section>
        <div class="newsletter"><p>Abonnieren</p></div>
        <div class="headline-wrapper"><p>Kein Werbekasten, nur ein Name mit "ad" darin.</p></div>
        <figure><img alt="Bild"><figcaption>Bildunterschrift</figcaption></figure>
        <aside>Randnotiz</aside>
        <p>Zweiter <em>Absatz</em> mit<br>Umbruch.</p>
        <footer>Artikel-Fußzeile</footer>
      </article>
      <footer>Impressum</footer></body></html>`;
    const draft = parse(html);
    expect(draft.lang).toBe('de');
    expect(draft.title).toBe('Der Titel');
    expect(draft.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual([
      'Erster Absatz.',
      'Kein Werbekasten, nur ein Name mit "ad" darin.',
      'Zweiter Absatz mit Umbruch.',
    ]);
  });

  it('falls back to <main>, then [role=main], then the body', () => {
    expect(texts('<body><p>Outside.</p><main><p>In main.</p></main></body>')).toEqual([['paragraph', 'In main.']]);
    expect(texts('<body><p>Outside.</p><div role="main"><p>In role main.</p></div></body>')).toEqual([
      ['paragraph', 'In role main.'],
    ]);
    expect(texts('<body><header><p>Page header</p></header><p>Just a body.</p></body>')).toEqual([
      ['paragraph', 'Just a body.'],
    ]);
  });

  it('maps headings to sections with levels, li to items, blockquote to quotes, loose text to paragraphs', () => {
    const draft = parse(`<article><p>Lead.</p><h2>Two</h2><ul><li>One<ul><li>Nested</li></ul></li><li><p>Two</p></li></ul>
      <h3>Three</h3><blockquote><p>Said.</p>Loose quote.</blockquote><div>Loose <b>text</b> in a div<div>Inner.</div></div></article>`);
    expect(draft.sections).toEqual([
      { paragraphs: [{ kind: 'paragraph', text: 'Lead.' }] },
      { heading: 'Two', level: 2, paragraphs: [
        { kind: 'item', text: 'One' },
        { kind: 'item', text: 'Nested' },
        { kind: 'item', text: 'Two' },
      ] },
      { heading: 'Three', level: 3, paragraphs: [
        { kind: 'quote', text: 'Said.' },
        { kind: 'quote', text: 'Loose quote.' },
        { kind: 'paragraph', text: 'Loose text in a div' },
        { kind: 'paragraph', text: 'Inner.' },
      ] },
    ]);
  });

  it('reads title, byline, date and language from the usual places', () => {
    const head = `<head><title>Page title | Site</title><meta property="og:title" content="OG title">
      <meta name="author" content="Meta Author"><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>`;
    expect(parse(`<html lang="en_GB">${head}<body><p>Text.</p></body></html>`)).toMatchObject({
      title: 'OG title',
      byline: 'Meta Author',
      published: '2024-03-05',
      lang: 'en_GB',
    });
    const inArticle = parse(`<html lang="en">${head}<body><article lang="fr"><h1>Vrai titre</h1>
      <p class="byline">Par <span>Jeanne</span></p><p>By <a rel="author">Ann Lee</a></p>
      <p><time datetime="2023-01-02">2 janvier</time></p><p>Texte.</p></article></body></html>`);
    // The page's explicit published_time meta wins over the article's <time>.
    expect(inArticle).toMatchObject({ title: 'Vrai titre', byline: 'Par Jeanne', published: '2024-03-05', lang: 'fr' });
    expect(inArticle.sections).toEqual([{ paragraphs: [{ kind: 'paragraph', text: 'Texte.' }] }]);
  });

  it('takes an article’s leading heading as its title when it has no <h1> and the heading outranks the rest', () => {
    const head = '<head><title>Embed the player | Site</title></head>';
    // A story set in a page under the page's own <h1>: its headline is an <h4>.
    const story = parse(`<html>${head}<body><h1>Embed the player</h1><article><h4>Night ferry returns</h4>
      <p>The ferry runs.</p><h5>Tickets</h5><p>They cost the same.</p></article></body></html>`);
    expect(story.title).toBe('Night ferry returns');
    expect(story.sections).toEqual([
      { paragraphs: [{ kind: 'paragraph', text: 'The ferry runs.' }] },
      { heading: 'Tickets', level: 5, paragraphs: [{ kind: 'paragraph', text: 'They cost the same.' }] },
    ]);
    // Headings of one rank are sections, and text before the first one means it is no headline.
    expect(parse(`<html>${head}<body><article><h2>Part one</h2><p>A.</p><h2>Part two</h2><p>B.</p></article></body></html>`).title)
      .toBe('Embed the player | Site');
    expect(parse(`<html>${head}<body><article><p>Lead.</p><h2>Why</h2><p>B.</p></article></body></html>`).title)
      .toBe('Embed the player | Site');
  });

  it('reads one <br> as a space and <br><br> as a paragraph break', () => {
    expect(texts('<div>One<br>two.<br> <br>Three<br>\n<br><br>Four.</div><p>Five<br><br>six.</p>')).toEqual([
      ['paragraph', 'One two.'],
      ['paragraph', 'Three'],
      ['paragraph', 'Four.'],
      ['paragraph', 'Five six.'],
    ]);
  });

  it('prefers explicit publication markup to the first <time> of the article', () => {
    const html = (meta: string) =>
      `<html><head>${meta}</head><body><article><p>On <time datetime="2019-09-09">a day</time> it rained.</p></article></body></html>`;
    expect(parse(html('<meta property="article:published_time" content="2020-01-31T23:00:00-05:00">')).published).toBe('2020-01-31');
    expect(parse(html('<meta itemprop="datePublished" content="2021-06-01">')).published).toBe('2021-06-01');
    expect(parse(html('')).published).toBe('2019-09-09');
    expect(parse(html('<meta property="article:published_time" content="yesterday">')).published).toBe('2019-09-09');
  });

  it('parses a 10 MB page without crashing', () => {
    const p = '<p>The quick brown fox jumps over the lazy dog near the <b>river</b> bank.</p>\n';
    const html = `<html><body><article><h1>Big</h1>${p.repeat(Math.ceil(10_000_000 / p.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThanOrEqual(10_000_000);
    const draft = parse(html);
    expect(draft.sections[0]!.paragraphs.length).toBe(Math.ceil(10_000_000 / p.length));
  }, 60_000); // a big input on a shared machine: a ceiling, not a timing claim

  it('uses <title> when nothing better exists, and collapses odd whitespace', () => {
    const draft = parse('<title>\n  Only\ttitle </title><p>\u00a0Tab\tand\u2003em\nspace.  </p>');
    expect(draft.title).toBe('Only title');
    expect(draft.sections[0]!.paragraphs[0]!.text).toBe('Tab and em space.');
  });

  it('builds the example page in content/ without the clutter around the article', () => {
    const html = readFileSync(new URL('../../../content/harbour-ferry-2026-05-02.html', import.meta.url), 'utf8');
    const article = buildArticle(parse(html), { fileName: 'harbour-ferry-2026-05-02.html' });
    expect(article).toMatchObject({
      id: 'harbour-ferry-2026-05-02',
      title: 'Night ferry returns to the harbour after 20 years',
      byline: 'Tomás Reyes',
      published: '2026-05-02',
      kicker: 'Local news',
      lang: 'en',
    });
    expect(article.sections.map((s) => s.heading ?? null)).toEqual([null, 'Who asked for it', 'What it will cost']);
    const all = JSON.stringify(article);
    for (const clutter of ['Advertisement', 'Sport', 'Photo:', 'Share', 'Related', 'inbox', 'Internal note', 'rights reserved', 'Coastal Courier']) {
      expect(all).not.toContain(clutter);
    }
    const last = article.sections[2]!.paragraphs;
    expect(last.map((p) => p.kind ?? 'paragraph')).toEqual(['paragraph', 'quote', 'paragraph', 'credit']);
  });

  it('gives an empty draft, not a crash, for markup linkedom cannot root', () => {
    expect(parse('<html lang="').sections.flatMap((x) => x.paragraphs)).toEqual([]);
  });

  it('throws a clear error when no DOMParser exists and none is given', () => {
    expect(() => parseHtml('<p>x</p>')).toThrowError(/DOMParser/);
  });
});

describe('parseHtml: blocks in another language', () => {
  const page = `<html lang="en"><body><article>
    <h1>Paris talks</h1>
    <p>The minister spoke first. She then quoted the motto.</p>
    <blockquote lang="fr"><p>M. Dupont a dit : « Je pense, donc je suis. »</p><p>Deuxième paragraphe.</p></blockquote>
    <p>Back in English.</p>
    <ul><li lang="de-CH">Grüezi mitenand.</li><li>Two.</li></ul>
    <div lang="es"><p lang="en">English inside Spanish.</p>Loose Spanish text, Sr. Pérez.</div>
    <p lang="">Unknown language declared.</p>
  </article></body></html>`;

  it('gives each block the lang of its nearest element inside the article, and none for the article\'s own', () => {
    const draft = parse(page);
    expect(draft.lang).toBe('en');
    const langs = draft.sections.flatMap((s) => s.paragraphs.map((p) => [p.text.slice(0, 14), p.lang]));
    expect(langs).toEqual([
      ['The minister s', undefined],
      ['M. Dupont a di', 'fr'],
      ['Deuxième parag', 'fr'],
      ['Back in Englis', undefined],
      ['Grüezi mitenan', 'de-CH'],
      ['Two.', undefined],
      ['English inside', 'en'],
      ['Loose Spanish ', 'es'],
      ['Unknown langua', undefined],
    ]);
  });

  it('builds them with their own language: segmented and respelled by its rules, "lang" only where it differs', () => {
    const article = buildArticle(parse(page));
    const paragraphs = article.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.map((p) => p.lang)).toEqual([undefined, 'fr', 'fr', undefined, 'de-CH', undefined, undefined, 'es', undefined]);
    // French rules: "M. Dupont" is Monsieur; Spanish: "Sr. Pérez" is señor.
    expect(paragraphs[1]!.sentences[0]!.speak).toMatch(/^Monsieur Dupont/);
    expect(paragraphs[7]!.sentences[0]!.speak).toMatch(/señor Pérez/);
    // English rules never touch a French "M.".
    expect(buildArticle(parse('<html lang="en"><p>M. Dupont said hello.</p></html>')).sections[0]!.paragraphs[0]!.sentences[0]!.speak).toBeUndefined();
  });

  it('ignores a block lang that is no tag, keeping the article', () => {
    const article = buildArticle(parse('<html lang="en"><p>One.</p><p lang="$$$">Two.</p></html>'));
    expect(article.sections[0]!.paragraphs.map((p) => p.lang)).toEqual([undefined, undefined]);
  });
});
