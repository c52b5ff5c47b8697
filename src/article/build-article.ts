import type { Article, ArticleDraft, Paragraph, Section, Sentence } from './model.ts';
import { splitSentences } from './segment.ts';
import { speechText } from './speech-text.ts';
import { ArticleParseError } from './parse-error.ts';
import { cleanBlock, cleanByline, collapseWhitespace, isoDate, slugify } from './parse-util.ts';

/** A parser's draft, plus the id a source may declare (Markdown front matter). */
export interface ParsedDraft extends ArticleDraft {
  id?: string;
}

/** How to turn a draft into an article. Every field is optional. */
export interface BuildOptions {
  /** The article id; wins over the source's own id and the file name. */
  id?: string;
  /** BCP 47 language; wins over the language the source declares. */
  lang?: string;
  /** The source's file name or URL: its base name is the id's next fallback. */
  fileName?: string;
}

/** The language used when neither the caller nor the source names one. */
export const DEFAULT_LANG = 'en';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Segments every paragraph of `draft` into sentences and gives each section,
 * paragraph and sentence its positional id ("s2p3s1"), plus speech text
 * where the engine would misread the display text.
 *
 * Numbering: sections count from 1 in article order, paragraphs from 1 inside
 * their section, sentences from 1 inside their paragraph. Sections and
 * paragraphs with no text are dropped before numbering, so the ids never
 * have gaps. Because the numbering is hierarchical, editing a paragraph's
 * text only renumbers that paragraph's sentences, and adding or removing a
 * paragraph only shifts the later paragraphs of the same section.
 *
 * @throws {ArticleParseError} `empty-article` when no sentence remains;
 *   `unparsable` when an explicit id or language tag is malformed.
 */
export function buildArticle(draft: ParsedDraft, options: BuildOptions = {}): Article {
  const lang = chooseLang(options.lang, draft.lang);
  const sections: Section[] = [];
  for (const draftSection of draft.sections) {
    const sectionId = `s${sections.length + 1}`;
    const paragraphs: Paragraph[] = [];
    for (const draftParagraph of draftSection.paragraphs) {
      const paragraphId = `${sectionId}p${paragraphs.length + 1}`;
      // A block in another language is segmented and respelled by that language's rules.
      const own = blockLang(draftParagraph.lang, lang);
      const sentences = toSentences(cleanBlock(draftParagraph.text), own ?? lang, paragraphId);
      if (sentences.length === 0) continue;
      // Literal order of keys keeps the JSON readable: id, kind, lang, sentences.
      const paragraph: Paragraph = { id: paragraphId } as Paragraph;
      if (draftParagraph.kind !== 'paragraph') paragraph.kind = draftParagraph.kind;
      if (own) paragraph.lang = own;
      paragraph.sentences = sentences;
      paragraphs.push(paragraph);
    }
    // An empty section would be a silent stop for a listener skipping through.
    if (paragraphs.length === 0) continue;
    const section: Section = { id: sectionId } as Section;
    const heading = draftSection.heading === undefined ? '' : collapseWhitespace(draftSection.heading);
    if (heading) {
      section.heading = heading;
      const spoken = speak(heading, lang);
      if (spoken !== undefined) section.headingSpeak = spoken;
      if (draftSection.level !== undefined && draftSection.level !== 2) section.level = draftSection.level;
    }
    section.paragraphs = paragraphs;
    sections.push(section);
  }

  const first = sections[0]?.paragraphs[0]?.sentences[0];
  if (!first) {
    throw new ArticleParseError('empty-article', 'the article has no text to read');
  }

  const published = isoDate(draft.published);
  const title = collapseWhitespace(draft.title ?? '') || shorten(first.text);
  const article = { version: 1, id: '', lang, title } as Article;
  article.id = chooseId(options, draft, title, published);
  const titleSpeak = speak(title, lang);
  if (titleSpeak !== undefined) article.titleSpeak = titleSpeak;
  if (draft.announceTitle === false) article.announceTitle = false;
  const byline = cleanByline(draft.byline);
  if (byline) article.byline = byline;
  if (published) article.published = published;
  const kicker = draft.kicker === undefined ? '' : collapseWhitespace(draft.kicker);
  if (kicker) article.kicker = kicker;
  const updated = draft.updated === undefined ? '' : collapseWhitespace(draft.updated);
  if (updated) article.updated = updated;
  article.sections = sections;
  return article;
}

function toSentences(text: string, lang: string, paragraphId: string): Sentence[] {
  if (!text) return [];
  const sentences: Sentence[] = [];
  for (const part of segmentParagraph(text, lang)) {
    const display = part.trim();
    if (!display) continue;
    const sentence: Sentence = { id: `${paragraphId}s${sentences.length + 1}`, text: display };
    const spoken = speak(display, lang);
    if (spoken !== undefined) sentence.speak = spoken;
    sentences.push(sentence);
  }
  return sentences;
}

/** Paragraphs longer than this are segmented in pieces (see segmentParagraph). */
export const SEGMENT_CHUNK = 8_000;

/**
 * {@link splitSentences} for paragraphs of any length. Intl.Segmenter in V8
 * copies the whole input into every segment it returns, so one huge
 * paragraph (a 10 MB file without blank lines) would take quadratic time.
 * Long text is cut into pieces of about {@link SEGMENT_CHUNK} characters at
 * a likely sentence end (terminal mark, closing quotes, space), else at a
 * space, and each piece is segmented alone.
 */
export function segmentParagraph(text: string, lang: string): string[] {
  if (text.length <= SEGMENT_CHUNK) return splitSentences(text, lang);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = start + SEGMENT_CHUNK >= text.length ? text.length : cutPoint(text, start);
    out.push(...splitSentences(text.slice(start, end), lang));
    start = end;
  }
  return out;
}

function cutPoint(text: string, start: number): number {
  const limit = start + SEGMENT_CHUNK;
  const window = text.slice(start + SEGMENT_CHUNK / 2, limit);
  // The last "sentence end + space" in the second half of the piece.
  // Full-width marks end a sentence without a following space.
  const ends = [...window.matchAll(/[.!?…]["'”’»)\]]*\s|[。！？]["'”’」』）)]*/gu)];
  const lastEnd = ends.at(-1);
  if (lastEnd) return start + SEGMENT_CHUNK / 2 + lastEnd.index + lastEnd[0].length;
  const space = window.lastIndexOf(' ');
  if (space >= 0) return start + SEGMENT_CHUNK / 2 + space + 1;
  // No space at all (CJK, or junk): any place that does not split a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

function speak(text: string, lang: string): string | undefined {
  const spoken = speechText(text, lang);
  return typeof spoken === 'string' && spoken !== text ? spoken : undefined;
}

function chooseLang(explicit: string | undefined, declared: string | undefined): string {
  if (explicit !== undefined) {
    const tag = canonicalLang(explicit);
    if (!tag) throw new ArticleParseError('unparsable', `"${explicit}" is not a language tag`);
    return tag;
  }
  // Pages often write "en_US"; a declared tag that still fails is ignored.
  return (declared && canonicalLang(declared.replace(/_/g, '-'))) || DEFAULT_LANG;
}

/**
 * A block's declared language, canonical, or undefined when it is the
 * article's own (or not a tag: a block never fails the whole article).
 */
function blockLang(declared: string | undefined, articleLang: string): string | undefined {
  const tag = declared && canonicalLang(declared.replace(/_/g, '-'));
  return tag && tag.toLowerCase() !== articleLang.toLowerCase() ? tag : undefined;
}

function canonicalLang(tag: string): string | undefined {
  const trimmed = tag.trim();
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

function chooseId(
  options: BuildOptions,
  draft: ParsedDraft,
  title: string,
  published: string | undefined,
): string {
  if (options.id !== undefined) {
    if (!ID_PATTERN.test(options.id)) {
      throw new ArticleParseError(
        'unparsable',
        `"${options.id}" is not a valid article id (letters, digits, ".", "_" and "-")`,
      );
    }
    return options.id;
  }
  if (draft.id !== undefined) {
    const declared = draft.id.trim();
    if (ID_PATTERN.test(declared)) return declared;
    const slug = slugify(declared, 12);
    if (slug) return slug;
  }
  if (options.fileName !== undefined) {
    const base = options.fileName.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '';
    const slug = slugify(base.replace(/\.[^.]*$/, ''), 12);
    if (slug) return slug;
  }
  const fromTitle = slugify(title, 6);
  const stem = fromTitle || `article-${hash(title)}`;
  return published ? `${stem}-${published}` : stem;
}

// FNV-1a: a stable id for titles in scripts that slugify cannot spell.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function shorten(sentence: string): string {
  if (sentence.length <= 80) return sentence;
  const cut = sentence.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
