/**
 * A flat index over an article's sentences, so the store can move by sentence
 * or section with integer arithmetic and hand out one immutable `Position`
 * object per sentence (reference equality then means "same place").
 */
import type { Article, Section, Sentence } from '../article/model.ts';
import type { Position } from './types.ts';

export interface FlatSentence {
  readonly sentence: Sentence;
  readonly section: Section;
  readonly position: Readonly<Position>;
  /** What the engine is given: `speak` when present, else `text`. */
  readonly speakText: string;
  /** The sentence's language: its own, else its paragraph's, else the article's. */
  readonly lang: string;
}

export interface ArticleIndex {
  readonly article: Article;
  readonly sentences: readonly FlatSentence[];
  /** Flat index of each section's first sentence, or -1 for a section without sentences. */
  readonly sectionStarts: readonly number[];
  /** Flat index of a sentence id, or -1. */
  indexOf(sentenceId: string): number;
  /** True when `flat` is the first sentence of its section. */
  isSectionStart(flat: number): boolean;
  /** First sentence of the nearest section after the one holding `flat` that has sentences, or -1. */
  nextSectionStart(flat: number): number;
  /** First sentence of the nearest section before the one holding `flat` that has sentences, or -1. */
  previousSectionStart(flat: number): number;
  /** First sentence of the section holding `flat`. */
  sectionStartOf(flat: number): number;
}

/** Builds the index; an article without a single sentence gives `sentences.length === 0`. */
export function indexArticle(article: Article): ArticleIndex {
  const sentences: FlatSentence[] = [];
  const sectionStarts: number[] = [];
  const byId = new Map<string, number>();
  article.sections.forEach((section, sectionIndex) => {
    const before = sentences.length;
    section.paragraphs.forEach((paragraph, paragraphIndex) => {
      paragraph.sentences.forEach((sentence, sentenceIndex) => {
        const flatIndex = sentences.length;
        // First occurrence wins: a duplicate id must not make seek() jump backwards.
        if (!byId.has(sentence.id)) byId.set(sentence.id, flatIndex);
        sentences.push({
          sentence,
          section,
          speakText: sentence.speak ?? sentence.text,
          lang: sentence.lang ?? paragraph.lang ?? article.lang,
          position: Object.freeze({ sectionIndex, paragraphIndex, sentenceIndex, flatIndex, sentenceId: sentence.id }),
        });
      });
    });
    sectionStarts.push(sentences.length > before ? before : -1);
  });

  const sectionOf = (flat: number): number => sentences[flat]?.position.sectionIndex ?? -1;

  return {
    article,
    sentences,
    sectionStarts,
    indexOf: (id) => byId.get(id) ?? -1,
    isSectionStart: (flat) => flat >= 0 && sectionStarts[sectionOf(flat)] === flat,
    sectionStartOf: (flat) => sectionStarts[sectionOf(flat)] ?? -1,
    nextSectionStart(flat) {
      for (let s = sectionOf(flat) + 1; s < sectionStarts.length; s++) {
        const start = sectionStarts[s] ?? -1;
        if (start >= 0) return start;
      }
      return -1;
    },
    previousSectionStart(flat) {
      for (let s = sectionOf(flat) - 1; s >= 0; s--) {
        const start = sectionStarts[s] ?? -1;
        if (start >= 0) return start;
      }
      return -1;
    },
  };
}
