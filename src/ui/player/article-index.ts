import type { Article } from '../../article/model.ts';

/**
 * What the view needs to know about an article, computed once per article so
 * a sentence change costs array lookups, not a walk over the whole text.
 */
export interface ArticleIndex {
  /** Sentence ids in reading order. */
  ids: string[];
  /** Flat index of each sentence id. */
  flatOf: Map<string, number>;
  /** Words before each sentence (length ids.length + 1; the last is the total). */
  wordsBefore: Float64Array;
  /** Flat index of the first sentence of each section (-1 for a section with none). */
  sectionStart: number[];
  /** Section index of each sentence. */
  sectionOf: Uint32Array;
  /**
   * A name for each section: its heading, else the start of its first
   * sentence ("Mosul, Iraq (CNN) Iraqi forces are…"), else null.
   */
  labels: (string | null)[];
}

const LABEL_WORDS = 7;

function sectionLabel(section: Article['sections'][number]): string | null {
  if (section.heading) return section.heading;
  const first = section.paragraphs[0]?.sentences[0]?.text.trim();
  if (!first) return null;
  const words = first.split(/\s+/);
  return words.length > LABEL_WORDS ? `${words.slice(0, LABEL_WORDS).join(' ')}…` : first;
}

/** Listening speed at rate 1, in words per minute (a common text-to-speech pace). */
export const WORDS_PER_MINUTE = 160;

const countWords = (text: string) => {
  // A regex over the string: cheaper than split() for a 100,000-word article.
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
};

export function indexArticle(article: Article): ArticleIndex {
  const ids: string[] = [];
  const words: number[] = [];
  const sectionStart: number[] = [];
  const sectionOfList: number[] = [];
  article.sections.forEach((section, si) => {
    const before = ids.length;
    for (const p of section.paragraphs) {
      for (const s of p.sentences) {
        ids.push(s.id);
        words.push(countWords(s.text));
        sectionOfList.push(si);
      }
    }
    sectionStart.push(ids.length > before ? before : -1);
  });
  const wordsBefore = new Float64Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) wordsBefore[i + 1] = wordsBefore[i]! + words[i]!;
  return {
    ids,
    flatOf: new Map(ids.map((id, i) => [id, i])),
    wordsBefore,
    sectionStart,
    sectionOf: Uint32Array.from(sectionOfList),
    labels: article.sections.map(sectionLabel),
  };
}

/** Estimated seconds of listening before sentence `flat` and after its start, at `rate`. */
export function estimateTimes(index: ArticleIndex, flat: number, rate: number): { elapsed: number; remaining: number } {
  const total = index.wordsBefore[index.ids.length] ?? 0;
  const before = index.wordsBefore[Math.max(0, Math.min(flat, index.ids.length))] ?? 0;
  const perSecond = (WORDS_PER_MINUTE * rate) / 60;
  return { elapsed: before / perSecond, remaining: (total - before) / perSecond };
}
