import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../src/article/parse-text.ts';
import { buildArticle } from '../../../src/article/build-article.ts';
import type { Article } from '../../../src/article/model.ts';

const SEED_PATH = new URL('../../../content/mosul-2017-06-29.txt', import.meta.url);
const seedSource = readFileSync(SEED_PATH, 'utf8');

function seed(source = seedSource): Article {
  return buildArticle(parseText(source), { fileName: 'content/mosul-2017-06-29.txt' });
}

const allSentences = (a: Article): string[] =>
  a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('parseText: the news-wire seed', () => {
  const article = seed();

  it('takes the header as metadata', () => {
    expect(article.id).toBe('mosul-2017-06-29');
    expect(article.title).toBe("The liberation of Mosul from ISIS is 'imminent,' US-led coalition says");
    expect(article.byline).toBe('Nick Paton Walsh, Jomana Karadsheh, Mohammed Tawfeeq and Ryan Browne, CNN');
    expect(article.published).toBe('2017-06-29');
    expect(article.kicker).toBe('Breaking News');
    expect(article.updated).toBe('Updated 1:36 PM ET, Thu June 29, 2017');
    expect(article.lang).toBe('en');
  });

  it('has the outline: highlights, untitled lead, then the five headed sections', () => {
    expect(article.sections.map((s) => s.heading ?? null)).toEqual([
      'Story highlights',
      null,
      "'We will not relent'",
      'Residents still at risk',
      'Why Mosul is crucial',
      'Key trading city',
      "'Mosul is cultural capital'",
    ]);
    expect(article.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
    const highlights = article.sections[0]!;
    expect(highlights.paragraphs.map((p) => p.kind)).toEqual(['item', 'item']);
    expect(highlights.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '))).toEqual([
      'Remains of an iconic mosque and minaret have been retaken, Iraq and US-led coalition say',
      "They've been battling for control of Mosul for the last eight months",
    ]);
  });

  it('keeps each body line a paragraph even without blank lines between them', () => {
    // The lead has five source lines, the last section two body lines + credits.
    expect(article.sections[1]!.paragraphs).toHaveLength(5);
    expect(article.sections[2]!.paragraphs).toHaveLength(4);
    expect(article.sections[6]!.paragraphs.map((p) => p.kind ?? 'paragraph')).toEqual([
      'paragraph',
      'paragraph',
      'credit',
    ]);
  });

  it('repairs the glued dateline in the display text', () => {
    const lead = article.sections[1]!.paragraphs[0]!.sentences[0]!.text;
    expect(lead.startsWith('Mosul, Iraq (CNN) Iraqi forces are locked')).toBe(true);
  });

  it('never makes the kicker, byline, updated line or title a body sentence', () => {
    const body = allSentences(article).join('\n');
    expect(body).not.toContain('Breaking News');
    expect(body).not.toContain('By Nick Paton Walsh');
    expect(body).not.toContain('Updated 1:36');
    expect(body).not.toContain('The liberation of Mosul from ISIS');
    expect(body).not.toMatch(/•/);
  });

  it('keeps every word of the body, in order', () => {
    const lines = seedSource.split('\n').map((l) => l.trim());
    const metadata = new Set([
      lines[0], // date line
      article.title,
      `By ${article.byline}`,
      article.updated,
      ...article.sections.map((s) => s.heading),
    ]);
    const expected = lines
      .filter((l) => l && !metadata.has(l))
      .flatMap((l) => words(l.replace(/^• /, '').replace('(CNN)Iraqi', '(CNN) Iraqi')));
    expect(words(allSentences(article).join(' '))).toEqual(expected);
  });

  it('gives every sentence a unique positional id', () => {
    const ids = article.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)),
    );
    expect(new Set(ids).size).toBe(ids.length);
    article.sections.forEach((s, si) =>
      s.paragraphs.forEach((p, pi) =>
        p.sentences.forEach((x, xi) => expect(x.id).toBe(`s${si + 1}p${pi + 1}s${xi + 1}`)),
      ),
    );
  });

  it('gives the same article for Windows line endings, a BOM, tabs and trailing spaces', () => {
    const windows = `\ufeff${seedSource.replace(/\n/g, ' \t\r\n')}`;
    expect(seed(windows)).toEqual(article);
    const oldMac = seedSource.replace(/\n/g, '\r');
    expect(seed(oldMac)).toEqual(article);
  });
});

describe('parseText: another news-wire export (the rules are general)', () => {
  const source = readFileSync(new URL('../../fixtures/sources/newswire-harbour.txt', import.meta.url), 'utf8');
  const article = buildArticle(parseText(source), { fileName: 'newswire-harbour.txt' });

  it('finds the same structure', () => {
    expect(article).toMatchObject({
      title: 'Storm closes northern ports as winds reach 140 km/h',
      byline: 'Ana Silva and Lee Chan, CNN',
      published: '2024-11-03',
      kicker: 'World',
      updated: 'Updated 7:05 AM ET, Sun November 3, 2024',
    });
    expect(article.sections.map((s) => [s.heading ?? null, s.paragraphs.map((p) => p.kind ?? 'paragraph').join(' ')])).toEqual([
      ['Story highlights', 'item item'],
      [null, 'paragraph paragraph paragraph paragraph'],
      ['“We are ready”', 'paragraph paragraph'],
      ['What comes next', 'paragraph credit credit'],
    ]);
  });

  it('repairs the dateline and keeps short lines that end a sentence or ask a question as text', () => {
    const lead = article.sections[1]!.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '));
    expect(lead[0]).toBe('Bergen, Norway (CNN) Ferries stayed in harbour on Sunday as the storm reached the coast.');
    expect(lead.slice(2)).toEqual(['Is the worst over?', 'Forecasters do not think so.']);
  });
});

describe('parseText: plain paragraphs', () => {
  it('takes a short first line as the title and blank-line blocks as paragraphs', () => {
    const draft = parseText('A quiet morning\n\nThe street was empty.\nNobody came.\n\nThen the bus arrived.\n');
    expect(draft.title).toBe('A quiet morning');
    expect(draft.sections).toEqual([
      {
        paragraphs: [
          { kind: 'paragraph', text: 'The street was empty. Nobody came.' },
          { kind: 'paragraph', text: 'Then the bus arrived.' },
        ],
      },
    ]);
  });

  it('joins hard-wrapped lines of a block into one paragraph', () => {
    const wrapped =
      'The committee met on Tuesday to discuss the\nproposal, which had been delayed twice by\nthe weather.\n\nIt was approved.';
    const draft = parseText(wrapped);
    expect(draft.title).toBeUndefined();
    expect(draft.sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      'The committee met on Tuesday to discuss the proposal, which had been delayed twice by the weather.',
      'It was approved.',
    ]);
  });

  it('reads "By" and "Updated" lines under a title as metadata only when they are not sentences', () => {
    expect(parseText('Title\n\nBy Ann Lee and Bo Ma, Reuters\n\nUpdated 9:00 AM, May 2\n\nText.')).toMatchObject({
      title: 'Title',
      byline: 'By Ann Lee and Bo Ma, Reuters',
      updated: 'Updated 9:00 AM, May 2',
    });
    const prose = parseText('Title\n\nBy the time we arrived, it was dark.\n\nUpdated rules apply from 2020.\n\nText.');
    expect(prose.byline).toBeUndefined();
    expect(prose.updated).toBeUndefined();
    expect(prose.sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      'By the time we arrived, it was dark.',
      'Updated rules apply from 2020.',
      'Text.',
    ]);
  });

  it('does not take a first paragraph that is a sentence as the title', () => {
    const draft = parseText('This is a full sentence.\n\nAnd another one.');
    expect(draft.title).toBeUndefined();
    const article = buildArticle(draft);
    expect(article.title).toBe('This is a full sentence.');
    expect(allSentences(article)).toEqual(['This is a full sentence.', 'And another one.']);
  });

  it('turns NBSP and other odd spaces into plain single spaces', () => {
    const draft = parseText('Title here\n\nOne\u00a0two\u2003three\tfour   five.\u00a0\n\nSix.');
    expect(draft.sections[0]!.paragraphs[0]!.text).toBe('One two three four five.');
  });

  it('drops a heading with no body under it, keeping the next one', () => {
    const source = 'Title\n\nIntro text here.\n\nEmpty heading\n\nFull heading\n\nBody of the full one.\n';
    const article = buildArticle(parseText(source));
    expect(article.sections.map((s) => s.heading ?? null)).toEqual([null, 'Full heading']);
    expect(article.sections.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('treats bullets under a heading as items and keeps later prose in the section', () => {
    const source =
      'Trip report\n\nWe left early.\n\nWhat to pack\n\n- a coat\n- boots\n\nThe coat was the best call.\n';
    const draft = parseText(source);
    expect(draft.sections.at(-1)).toEqual({
      heading: 'What to pack',
      paragraphs: [
        { kind: 'item', text: 'a coat' },
        { kind: 'item', text: 'boots' },
        { kind: 'paragraph', text: 'The coat was the best call.' },
      ],
    });
  });

  it('keeps dialogue dashes as text, not bullets', () => {
    const draft = parseText('— Я знаю, — сказал он.\n\n— Хорошо.');
    expect(draft.sections[0]!.paragraphs.every((p) => p.kind === 'paragraph')).toBe(true);
  });

  it('marks only the trailing reporting credits as credits', () => {
    const source = [
      'Storm hits the coast',
      '',
      'The storm reached the coast on Monday. Officials reported from the harbour that boats were safe.',
      '',
      'Power was restored by evening.',
      '',
      'Reporting by Lee Chan; editing by Sam Ortiz.',
      '',
      'Maria Gomez contributed to this report.',
    ].join('\n');
    const draft = parseText(source);
    expect(draft.sections[0]!.paragraphs.map((p) => p.kind)).toEqual([
      'paragraph',
      'paragraph',
      'credit',
      'credit',
    ]);
  });

  it('repairs any glued agency dateline but leaves ordinary brackets alone', () => {
    const article = buildArticle(
      parseText('LONDON (Reuters)Shares rose. The index (FTSE)rose too, as did (a)b and (AP) Wire.'),
    );
    expect(allSentences(article).join(' ')).toBe(
      'LONDON (Reuters) Shares rose. The index (FTSE)rose too, as did (a)b and (AP) Wire.',
    );
  });

  it('returns an empty draft for blank input (buildArticle then refuses it)', () => {
    expect(parseText('').sections.flatMap((s) => s.paragraphs)).toEqual([]);
    expect(parseText(' \n\t\n\u00a0\n').sections.flatMap((s) => s.paragraphs)).toEqual([]);
  });

  it('parses a 10 MB input without crashing', () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog near the river bank. '.repeat(20);
    const big = `Big file\n\n${`${paragraph}\n\n`.repeat(Math.ceil(10_000_000 / (paragraph.length + 2)))}`;
    expect(big.length).toBeGreaterThanOrEqual(10_000_000);
    const article = buildArticle(parseText(big));
    expect(article.title).toBe('Big file');
    expect(article.sections[0]!.paragraphs.length).toBeGreaterThan(7000);
  }, 60_000); // a big input on a shared machine: a ceiling, not a timing claim
});
