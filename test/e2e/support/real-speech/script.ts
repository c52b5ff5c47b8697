/**
 * What the player should say, in order, for the seed article: the title, each
 * section's heading (when it has one) and every sentence's `speak` text (or
 * `text`), read from the article JSON the demo plays. Real utterances are
 * matched back to it to check the order a listener heard.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ScriptItem {
  kind: 'title' | 'heading' | 'sentence';
  /** What the engine is given. */
  text: string;
  /** The sentence this item belongs to (a heading or title: the sentence it introduces). */
  sentenceId: string;
  /** Index of that sentence among all sentences. */
  flat: number;
  sectionIndex: number;
}

interface ArticleJson {
  title: string;
  titleSpeak?: string;
  sections: Array<{
    heading?: string;
    headingSpeak?: string;
    paragraphs: Array<{ sentences: Array<{ id: string; text: string; speak?: string }> }>;
  }>;
}

export const SEED = fileURLToPath(new URL('../../../../content/mosul-2017-06-29.json', import.meta.url));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export class Script {
  readonly items: ScriptItem[] = [];
  readonly sentences: ScriptItem[] = [];

  constructor(path = SEED) {
    const article = JSON.parse(readFileSync(path, 'utf8')) as ArticleJson;
    let flat = 0;
    article.sections.forEach((section, sectionIndex) => {
      section.paragraphs.forEach((p) =>
        p.sentences.forEach((s) => {
          const base = { sentenceId: s.id, flat, sectionIndex };
          if (flat === 0) this.items.push({ kind: 'title', text: squash(article.titleSpeak ?? article.title), ...base });
          const heading = section.headingSpeak ?? section.heading;
          if (heading?.trim() && this.sentences.every((x) => x.sectionIndex !== sectionIndex)) {
            this.items.push({ kind: 'heading', text: squash(heading), ...base });
          }
          const item: ScriptItem = { kind: 'sentence', text: squash(s.speak ?? s.text), ...base };
          this.items.push(item);
          this.sentences.push(item);
          flat++;
        }),
      );
    });
  }

  /** The sentence with this id. */
  sentence(id: string): ScriptItem {
    const s = this.sentences.find((x) => x.sentenceId === id);
    if (!s) throw new Error(`no sentence ${id} in the article`);
    return s;
  }

  /** The first item (heading, or sentence when untitled) of a section. */
  sectionStart(sectionIndex: number): ScriptItem | undefined {
    return this.items.find((x) => x.sectionIndex === sectionIndex && x.kind !== 'title');
  }

  /**
   * Index in `items` of the item an utterance is part of (a whole item, a
   * chunk of a long sentence, or the rest of one re-spoken from a word),
   * searching from `from` on; -1 if none.
   */
  find(text: string, from = 0): number {
    const t = squash(text);
    if (!t) return -1;
    for (let i = Math.max(0, from); i < this.items.length; i++) if (this.items[i]!.text.includes(t)) return i;
    return -1;
  }
}
