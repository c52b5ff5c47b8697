/**
 * The article format, version 1 (see docs/article-format.md).
 * Tools outside the UI rely on these names: add fields, never rename.
 */

export type ParagraphKind = 'paragraph' | 'item' | 'quote' | 'credit';

export interface Sentence {
  /** Stable id, e.g. "s2p3s1": section, paragraph and sentence position. */
  id: string;
  /** What is shown. Never parsed as HTML. */
  text: string;
  /** What the speech engine is given when it differs from `text`. */
  speak?: string;
  /** BCP 47 language of this sentence, when it differs from its paragraph's (a quoted phrase in a page). */
  lang?: string;
}

export interface Paragraph {
  id: string;
  /** Absent means "paragraph". */
  kind?: ParagraphKind;
  /** BCP 47 language of this paragraph, when it differs from the article's (a quote in French). */
  lang?: string;
  sentences: Sentence[];
}

export interface Section {
  id: string;
  /** Absent for an untitled lead section. */
  heading?: string;
  /** What the engine says for the heading, when it differs. */
  headingSpeak?: string;
  /** Heading depth in the source (2 = "##"); absent means 2. */
  level?: number;
  paragraphs: Paragraph[];
}

export interface Article {
  version: 1;
  id: string;
  /** BCP 47 language tag of the whole article. */
  lang: string;
  title: string;
  titleSpeak?: string;
  /**
   * `false`: the title names the article (shown, used for the id) but is not
   * announced, because the publisher marked the headline to be skipped.
   */
  announceTitle?: false;
  byline?: string;
  /** ISO date, YYYY-MM-DD. */
  published?: string;
  /** A short label above the title, e.g. "Breaking News". */
  kicker?: string;
  /** The "Updated …" line of a news-wire export, as written. */
  updated?: string;
  /** How the publisher wants words said (see docs/speech-text.md); applied to speech only. */
  lexicon?: Lexicon;
  sections: Section[];
}

/**
 * A pronunciation lexicon: by language tag (or `*` for every language), a
 * word or phrase as written → how it is said. See docs/speech-text.md.
 */
export type Lexicon = Record<string, Record<string, string>>;

/**
 * What a source parser produces: the structure with plain text blocks,
 * before sentence segmentation, ids and speech text are added.
 */
export interface DraftParagraph {
  kind: ParagraphKind;
  text: string;
  /** The block's own language, as the source declares it, when it may differ from the article's. */
  lang?: string;
}
export interface DraftSection {
  heading?: string;
  level?: number;
  paragraphs: DraftParagraph[];
}
export interface ArticleDraft {
  title?: string;
  /** See {@link Article.announceTitle}. */
  announceTitle?: false;
  byline?: string;
  published?: string;
  kicker?: string;
  updated?: string;
  lang?: string;
  sections: DraftSection[];
}

export type SourceFormat = 'text' | 'markdown' | 'html' | 'json';
