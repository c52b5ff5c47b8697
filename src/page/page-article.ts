/**
 * Page mode: reading an element of the host page as an article, and finding
 * each sentence of that article again in the page's own text nodes, so it can
 * be highlighted in place. Reads the DOM only; never changes it.
 */
import type { Article } from '../article/model.ts';
import { buildArticle } from '../article/build-article.ts';
import { readElement } from '../article/parse-html.ts';
import { alignItems, buildStream, compact, compactOffset, spanSlice, type CharStream, type StreamSpan } from './align.ts';

/** Options for {@link extractPageArticle}. */
export interface PageArticleOptions {
  /** BCP 47 language; wins over the page's `lang` attributes. */
  lang?: string;
  /** The article id (for saved positions). Default: from the title, as for any HTML source. */
  id?: string;
}

/** An article read from the page, with the way back to the page's text. */
export interface PageArticle {
  /** The article, segmented by the same rules as an HTML source. */
  readonly article: Article;
  /** The element the article was read from. */
  readonly root: Element;
  /**
   * Sentences written in another language than the article (a `lang`
   * attribute inside the article), by sentence id: a player may choose
   * another voice for them.
   */
  readonly sentenceLangs: ReadonlyMap<string, string>;
  /** Ids of the sentences that could not be found in the page's text (none, unless the page changed). */
  readonly unmatched: readonly string[];
  /**
   * A live Range over the sentence in the page, from its first visible
   * character to its last (it may cross inline elements and text nodes).
   * Created on demand; null for an unknown id, an unmatched sentence, or when
   * the page's text changed since extraction.
   */
  sentenceRange(sentenceId: string): Range | null;
  /**
   * The sentence as one Range per stretch of included text: split where
   * content the article leaves out (an inline ad, a caption) sits inside the
   * sentence, so a highlight never paints it. Empty when {@link sentenceRange} is null.
   */
  sentenceRanges(sentenceId: string): Range[];
  /**
   * A Range over part of a sentence, from UTF-16 offsets into the sentence's
   * display text (`Sentence.text`), as boundary events report them.
   */
  wordRange(sentenceId: string, start: number, end: number): Range | null;
  /** A Range over a section's heading in the page, if it has one there. */
  headingRange(sectionId: string): Range | null;
  /** A Range over the article's title in the page (its `<h1>`), if the title is in the element. */
  titleRange(): Range | null;
}

interface Entry {
  text: string;
  span: StreamSpan;
}

/**
 * Reads `root` (an element of a live document, e.g. `<article id="story">`,
 * or a whole page's `<body>`) as an article: the same extraction as the HTML
 * parser (the story found by its prose; navigation, asides, figures and
 * captions, form controls, link lists, small ad/share boxes, scripts,
 * templates, hidden and visually hidden elements left out), then
 * segmentation, ids and speech text; and maps every sentence back to the text
 * nodes it came from.
 *
 * The language is `options.lang`, else the closest `lang` attribute of
 * `root` (its own or an ancestor's), else `<html lang>`.
 *
 * @throws {ArticleParseError} `empty-article` when the element has no text to read.
 */
export function extractPageArticle(root: Element, options: PageArticleOptions = {}): PageArticle {
  // The same extraction as an HTML source: the story inside `root`, found by
  // its prose, and the same rule for what is left out of it.
  const { draft, extraction } = readElement(root);
  const article = buildArticle(draft, {
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });

  const { nodes, runs } = collectText(extraction.root, extraction.isLeftOut, extraction.keepsText);
  const stream = buildStream(nodes.map((n) => n.data));

  // Headings and sentences in reading order; headings only anchor.
  const texts: string[] = [];
  const keys: { kind: 'title' | 'heading' | 'sentence'; id: string; text: string }[] = [];
  const anchorOnly = new Set<number>();
  // The title, when it is the element's own <h1>, comes before everything.
  anchorOnly.add(0);
  texts.push(compact(article.title));
  keys.push({ kind: 'title', id: '', text: article.title });
  for (const section of article.sections) {
    if (section.heading) {
      anchorOnly.add(texts.length);
      texts.push(compact(section.heading));
      keys.push({ kind: 'heading', id: section.id, text: section.heading });
    }
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) {
        texts.push(compact(sentence.text));
        keys.push({ kind: 'sentence', id: sentence.id, text: sentence.text });
      }
    }
  }
  const spans = alignItems(stream, texts, anchorOnly);

  const sentences = new Map<string, Entry>();
  const headings = new Map<string, Entry>();
  const unmatched: string[] = [];
  let title: Entry | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const span = spans[i];
    if (key.kind === 'title') {
      if (span) title = { text: key.text, span };
    } else if (key.kind === 'heading') {
      if (span) headings.set(key.id, { text: key.text, span });
    } else if (span) sentences.set(key.id, { text: key.text, span });
    else unmatched.push(key.id);
  }
  const titleSpan = title?.span;

  const sentenceLangs = langsOf(sentences, stream, nodes, article.lang);
  // Blocks got their lang from the extraction; a sentence under a lang of its own (a quoted line) gets it here.
  for (const paragraph of article.sections.flatMap((section) => section.paragraphs)) {
    for (const sentence of paragraph.sentences) {
      const lang = sentenceLangs.get(sentence.id);
      if (lang && lang !== (paragraph.lang ?? article.lang)) sentence.lang = lang;
    }
  }
  const ranges = new RangeMaker(stream, nodes, runs);

  return {
    article,
    root,
    sentenceLangs,
    unmatched,
    sentenceRange: (id) => {
      const entry = sentences.get(id);
      return entry ? ranges.range(entry.span.start, entry.span.end) : null;
    },
    sentenceRanges: (id) => {
      const entry = sentences.get(id);
      return entry ? ranges.split(entry.span.start, entry.span.end) : [];
    },
    wordRange: (id, start, end) => {
      const entry = sentences.get(id);
      if (!entry || !(end > start)) return null;
      const slice = spanSlice(entry.span, compactOffset(entry.text, start), compactOffset(entry.text, end));
      return slice ? ranges.range(slice.start, slice.end) : null;
    },
    headingRange: (id) => {
      const entry = headings.get(id);
      return entry ? ranges.range(entry.span.start, entry.span.end) : null;
    },
    titleRange: () => (titleSpan ? ranges.range(titleSpan.start, titleSpan.end) : null),
  };
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * The text nodes the parser reads, in document order, each with a run number
 * that changes wherever left-out content was stepped over (so a sentence can
 * be split around it). An explicit stack: hostile pages nest thousands deep.
 */
function collectText(
  root: Element,
  isLeftOut: (el: Element) => boolean,
  keepsText: (parent: Element) => boolean,
): { nodes: Text[]; runs: Int32Array } {
  const nodes: Text[] = [];
  const runList: number[] = [];
  let run = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT) {
      // Loose text between the parts a publisher marked to be read is stepped over like left-out content.
      if (node.parentElement && !keepsText(node.parentElement)) {
        if ((node as Text).data.trim()) run++;
        continue;
      }
      nodes.push(node as Text);
      runList.push(run);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    if (node !== root && isLeftOut(node as Element)) {
      run++;
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { nodes, runs: Int32Array.from(runList) };
}

/** Sentences whose text sits under a `lang` other than the article's. */
function langsOf(sentences: Map<string, Entry>, stream: CharStream, nodes: Text[], articleLang: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = primary(articleLang);
  const cache = new Map<Element, string | null>();
  for (const [id, { span }] of sentences) {
    const parent = nodes[stream.piece[span.start]!]?.parentElement;
    if (!parent) continue;
    let lang = cache.get(parent);
    if (lang === undefined) {
      lang = parent.closest('[lang]')?.getAttribute('lang')?.trim() || null;
      cache.set(parent, lang);
    }
    if (lang && canonical(lang) !== canonical(articleLang) && primary(lang) !== base) out.set(id, canonical(lang));
  }
  return out;
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? tag;
  } catch {
    return tag;
  }
}

function primary(tag: string): string {
  return canonical(tag).split('-')[0]!.toLowerCase();
}

/** Turns stream spans into Ranges, checking that the page still has the text. */
class RangeMaker {
  constructor(
    private readonly stream: CharStream,
    private readonly nodes: Text[],
    private readonly runs: Int32Array,
  ) {}

  range(start: number, end: number): Range | null {
    if (end <= start) return null;
    const a = this.at(start);
    const b = this.at(end - 1);
    if (!a || !b) return null;
    const range = a.node.ownerDocument.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset + 1);
    return range;
  }

  split(start: number, end: number): Range[] {
    const out: Range[] = [];
    let from = start;
    for (let i = start + 1; i <= end; i++) {
      if (i < end && this.runs[this.stream.piece[i]!] === this.runs[this.stream.piece[i - 1]!]) continue;
      const r = this.range(from, i);
      if (!r) return [];
      out.push(r);
      from = i;
    }
    return out;
  }

  /** The text node and offset of a stream character, if the page still has it there. */
  private at(i: number): { node: Text; offset: number } | null {
    const node = this.nodes[this.stream.piece[i]!];
    const offset = this.stream.offset[i]!;
    // The page may have changed since extraction: the character must still be there.
    if (!node?.isConnected || node.data.charCodeAt(offset) !== this.stream.chars.charCodeAt(i)) return null;
    return { node, offset };
  }
}
