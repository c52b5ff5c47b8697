import type { Article } from '../../../src/article/model.ts';

/** A small article with an untitled lead, a list, a quote and three titled sections. */
export function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    version: 1,
    id: 'sample',
    lang: 'en',
    title: 'Sample story',
    byline: 'By A. Writer',
    sections: [
      {
        id: 's1',
        paragraphs: [
          { id: 's1p1', sentences: [{ id: 's1p1s1', text: 'Lead one.' }, { id: 's1p1s2', text: 'Lead two.' }] },
          { id: 's1p2', kind: 'item', sentences: [{ id: 's1p2s1', text: 'Point one.' }] },
          { id: 's1p3', kind: 'item', sentences: [{ id: 's1p3s1', text: 'Point two.' }] },
        ],
      },
      {
        id: 's2',
        heading: 'Why it matters',
        paragraphs: [
          { id: 's2p1', sentences: [{ id: 's2p1s1', text: 'Second one.' }, { id: 's2p1s2', text: 'Second two.' }] },
          { id: 's2p2', kind: 'quote', sentences: [{ id: 's2p2s1', text: 'A quoted line.' }] },
        ],
      },
      {
        id: 's3',
        heading: 'What comes next',
        paragraphs: [{ id: 's3p1', sentences: [{ id: 's3p1s1', text: 'Third one.' }, { id: 's3p1s2', text: 'Third two.' }] }],
      },
      {
        id: 's4',
        heading: 'The end',
        paragraphs: [{ id: 's4p1', sentences: [{ id: 's4p1s1', text: 'Last words here.' }] }],
      },
    ],
    ...overrides,
  };
}

/** An article long enough to scroll inside the text region. */
export function longArticle(sections = 6, perSection = 30): Article {
  return {
    version: 1,
    id: 'long',
    lang: 'en',
    title: 'A long story',
    sections: Array.from({ length: sections }, (_, si) => ({
      id: `s${si + 1}`,
      heading: `Part ${si + 1}`,
      paragraphs: Array.from({ length: perSection }, (_, pi) => ({
        id: `s${si + 1}p${pi + 1}`,
        sentences: [
          { id: `s${si + 1}p${pi + 1}s1`, text: `Sentence ${pi + 1} of part ${si + 1} runs on for a while to fill a line.` },
        ],
      })),
    })),
  };
}
