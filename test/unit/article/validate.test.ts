import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertArticle, isIsoDate, LANG_TAG, MAX_ISSUES, validateArticle } from '../../../src/article/validate.ts';
import { ArticleValidationError, formatIssues } from '../../../src/article/errors.ts';

/** A small valid article; each test clones and breaks it. */
function article(): Record<string, any> {
  return {
    version: 1,
    id: 'demo',
    lang: 'en',
    title: 'A title',
    byline: 'By Someone',
    published: '2017-06-29',
    sections: [
      {
        id: 's1',
        heading: 'Story highlights',
        paragraphs: [{ id: 's1p1', kind: 'item', sentences: [{ id: 's1p1s1', text: 'One.' }] }],
      },
      {
        id: 's2',
        paragraphs: [
          {
            id: 's2p1',
            sentences: [
              { id: 's2p1s1', text: 'Col. Dillon spoke.', speak: 'Colonel Dillon spoke.' },
              { id: 's2p1s2', text: 'Two.' },
            ],
          },
        ],
      },
    ],
  };
}

function issues(value: unknown): string[] {
  const r = validateArticle(value);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validateArticle: valid documents', () => {
  it('accepts a complete article and returns the same object', () => {
    const a = article();
    const r = validateArticle(a);
    expect(r).toEqual({ ok: true, article: a });
    if (r.ok) expect(r.article).toBe(a);
  });

  it('accepts unknown extra fields at every level (the format grows additively)', () => {
    const a = article();
    a.future = { anything: true };
    a.sections[0].color = 'red';
    a.sections[0].paragraphs[0].lang = 'fr';
    a.sections[0].paragraphs[0].sentences[0].start = 12;
    expect(issues(a)).toEqual([]);
  });

  it('accepts every optional field and every kind', () => {
    const a = article();
    Object.assign(a, { titleSpeak: 'A title', announceTitle: false, kicker: 'Breaking News', updated: 'Updated 1:36 PM ET' });
    a.sections[0].headingSpeak = 'Story highlights';
    a.sections[0].level = 3;
    a.sections[1].paragraphs.push(
      { id: 'q', kind: 'quote', sentences: [{ id: 'q1', text: 'Q.' }] },
      { id: 'c', kind: 'credit', sentences: [{ id: 'c1', text: 'C.' }] },
      { id: 'p', kind: 'paragraph', sentences: [{ id: 'p1', text: 'P.' }] },
    );
    expect(issues(a)).toEqual([]);
  });

  it('accepts an empty title and byline (plain text without a header has none)', () => {
    const a = article();
    a.title = '';
    a.byline = '';
    expect(issues(a)).toEqual([]);
  });

  it('accepts a heading-only section beside sections with sentences', () => {
    const a = article();
    a.sections.push({ id: 's3', heading: 'Nothing here yet', paragraphs: [] });
    expect(issues(a)).toEqual([]);
  });

  it('treats an optional field set to undefined as absent', () => {
    const a = article();
    a.byline = undefined;
    a.sections[0].heading = undefined;
    a.sections[1].paragraphs[0].kind = undefined;
    expect(issues(a)).toEqual([]);
  });

  it('survives a JSON round trip of a valid article', () => {
    expect(issues(JSON.parse(JSON.stringify(article())))).toEqual([]);
  });
});

describe('validateArticle: exact paths and reasons', () => {
  const cases: Array<[string, (a: Record<string, any>) => void, string[]]> = [
    ['wrong version', (a) => (a.version = 2), ['version: unsupported version 2; expected 1']],
    ['version as a string', (a) => (a.version = '1'), ['version: expected the number 1, got string']],
    ['missing version', (a) => delete a.version, ['version: missing; expected the number 1']],
    ['missing id', (a) => delete a.id, ['id: missing; expected a non-empty string']],
    ['empty id', (a) => (a.id = ''), ['id: expected a non-empty string, got an empty string']],
    ['blank id', (a) => (a.id = '  '), ['id: expected a non-empty string, got a blank string']],
    ['lang not a tag', (a) => (a.lang = 'English'), ['lang: expected a BCP 47 language tag like "en" or "pt-BR", got "English"']],
    ['lang with underscore', (a) => (a.lang = 'en_US'), ['lang: expected a BCP 47 language tag like "en" or "pt-BR", got "en_US"']],
    ['lang a number', (a) => (a.lang = 7), ['lang: expected a BCP 47 language tag, got number']],
    ['title missing', (a) => delete a.title, ['title: missing; expected a string']],
    ['title null', (a) => (a.title = null), ['title: expected a string, got null']],
    ['byline a number', (a) => (a.byline = 3), ['byline: expected a string, got number']],
    ['kicker an array', (a) => (a.kicker = ['x']), ['kicker: expected a string, got array']],
    ['titleSpeak empty', (a) => (a.titleSpeak = ''), ['titleSpeak: expected a non-empty string, got an empty string']],
    ['announceTitle true', (a) => (a.announceTitle = true), ['announceTitle: expected false or nothing, got true']],
    ['published not a date', (a) => (a.published = 'June 29, 2017'), ['published: expected a real date written YYYY-MM-DD, got "June 29, 2017"']],
    ['published impossible', (a) => (a.published = '2017-02-29'), ['published: expected a real date written YYYY-MM-DD, got "2017-02-29"']],
    ['published a number', (a) => (a.published = 20170629), ['published: expected a date YYYY-MM-DD, got number']],
    ['sections missing', (a) => delete a.sections, ['sections: missing; expected an array']],
    ['sections an object', (a) => (a.sections = {}), ['sections: expected an array, got object']],
    ['section not an object', (a) => (a.sections[1] = 'text'), ['sections[1]: expected a section object, got string']],
    ['section heading empty', (a) => (a.sections[0].heading = ''), ['sections[0].heading: expected a non-empty string, got an empty string']],
    ['section level 0', (a) => (a.sections[0].level = 0), ['sections[0].level: expected a whole number from 1 to 6, got 0']],
    ['section level 2.5', (a) => (a.sections[0].level = 2.5), ['sections[0].level: expected a whole number from 1 to 6, got 2.5']],
    ['paragraphs missing', (a) => delete a.sections[0].paragraphs, ['sections[0].paragraphs: missing; expected an array']],
    ['unknown kind', (a) => (a.sections[0].paragraphs[0].kind = 'list'), ['sections[0].paragraphs[0].kind: expected one of "paragraph", "item", "quote", "credit", got "list"']],
    ['kind a number', (a) => (a.sections[0].paragraphs[0].kind = 1), ['sections[0].paragraphs[0].kind: expected one of "paragraph", "item", "quote", "credit", got number']],
    ['sentence text a number', (a) => (a.sections[1].paragraphs[0].sentences[1].text = 42), ['sections[1].paragraphs[0].sentences[1].text: expected a non-empty string, got number']],
    ['sentence text missing', (a) => delete a.sections[1].paragraphs[0].sentences[0].text, ['sections[1].paragraphs[0].sentences[0].text: missing; expected a non-empty string']],
    ['speak empty', (a) => (a.sections[1].paragraphs[0].sentences[0].speak = ''), ['sections[1].paragraphs[0].sentences[0].speak: expected a non-empty string, got an empty string']],
    ['sentence is a string', (a) => (a.sections[1].paragraphs[0].sentences[0] = 'Hello.'), ['sections[1].paragraphs[0].sentences[0]: expected a sentence object, got string']],
    ['paragraph is null', (a) => (a.sections[1].paragraphs[0] = null), ['sections[1].paragraphs[0]: expected a paragraph object, got null']],
    [
      'duplicate sentence id',
      (a) => (a.sections[1].paragraphs[0].sentences[1].id = 's2p1s1'),
      ['sections[1].paragraphs[0].sentences[1].id: duplicate id "s2p1s1" (already used at sections[1].paragraphs[0].sentences[0].id)'],
    ],
    [
      'an id shared by a section and a sentence',
      (a) => (a.sections[1].id = 's1p1s1'),
      ['sections[1].id: duplicate id "s1p1s1" (already used at sections[0].paragraphs[0].sentences[0].id)'],
    ],
  ];
  it.each(cases)('%s', (_name, breakIt, expected) => {
    const a = article();
    breakIt(a);
    const r = validateArticle(a);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('invalid');
    expect(issues(a)).toEqual(expected);
  });

  it('rejects values that are not objects at all', () => {
    expect(issues(null)).toEqual([': expected an article object, got null']);
    expect(issues([])).toEqual([': expected an article object, got array']);
    expect(issues('{"version":1}')).toEqual([': expected an article object, got string']);
    expect(issues(undefined)).toEqual([': expected an article object, got undefined']);
  });

  it('collects every problem, in document order, not just the first', () => {
    const a = article();
    a.version = 0;
    a.lang = '';
    a.sections[0].paragraphs[0].sentences[0].text = '';
    a.sections[1].paragraphs[0].sentences[1].id = 5;
    expect(issues(a)).toEqual([
      'version: unsupported version 0; expected 1',
      'lang: expected a BCP 47 language tag like "en" or "pt-BR", got ""',
      'sections[0].paragraphs[0].sentences[0].text: expected a non-empty string, got an empty string',
      'sections[1].paragraphs[0].sentences[1].id: expected a non-empty string, got number',
    ]);
  });

  it(`stops after ${MAX_ISSUES} problems and says it stopped`, () => {
    const a = article();
    a.sections[1].paragraphs[0].sentences = Array.from({ length: 500 }, (_, i) => ({ id: `x${i}`, text: i }));
    const r = validateArticle(a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(MAX_ISSUES);
    expect(r.truncated).toBe(true);
    expect(r.errors[49]?.path).toBe('sections[1].paragraphs[0].sentences[49].text');
  });

  it('reports not truncated when under the cap', () => {
    const a = article();
    a.id = 1;
    const r = validateArticle(a);
    expect(!r.ok && r.truncated).toBe(false);
  });

  it('clips a huge bad value in its message', () => {
    const a = article();
    a.lang = 'x'.repeat(10_000);
    const [msg] = issues(a);
    expect(msg!.length).toBeLessThan(120);
  });

  it('reads a truncated JSON document as not an article, not a crash', () => {
    // What JSON.parse cannot read never reaches the validator; what a
    // truncating writer can still leave parseable is a prefix object.
    const r = validateArticle({ version: 1, id: 'demo', lang: 'en' });
    expect(r.ok).toBe(false);
    expect(issues({ version: 1, id: 'demo', lang: 'en' })).toEqual([
      'title: missing; expected a string',
      'sections: missing; expected an array',
    ]);
  });
});

describe('validateArticle: empty articles', () => {
  it.each([
    ['no sections', (a: Record<string, any>) => (a.sections = [])],
    ['sections without paragraphs', (a: Record<string, any>) => a.sections.forEach((s: any) => (s.paragraphs = []))],
    [
      'paragraphs without sentences',
      (a: Record<string, any>) => a.sections.forEach((s: any) => s.paragraphs.forEach((p: any) => (p.sentences = []))),
    ],
  ])('%s: reason "empty", one issue', (_n, empty) => {
    const a = article();
    empty(a);
    const r = validateArticle(a);
    expect(r).toEqual({
      ok: false,
      reason: 'empty',
      truncated: false,
      errors: [{ path: 'sections', message: 'the article has no sentences', code: 'empty' }],
    });
  });

  it('a broken article with no sentences is "invalid", not "empty"', () => {
    const a = article();
    a.sections = [];
    a.id = null;
    const r = validateArticle(a);
    expect(!r.ok && r.reason).toBe('invalid');
    expect(issues(a)).toEqual(['id: expected a non-empty string, got null']);
  });
});

describe('assertArticle', () => {
  it('returns a valid article', () => {
    const a = article();
    expect(assertArticle(a)).toBe(a);
  });

  it('throws ArticleValidationError "not-an-article" with every issue', () => {
    const a = article();
    a.id = 3;
    a.sections[0].id = '';
    let caught: unknown;
    try {
      assertArticle(a);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArticleValidationError);
    const err = caught as ArticleValidationError;
    expect(err.code).toBe('not-an-article');
    expect(err.issues.map((i) => i.path)).toEqual(['id', 'sections[0].id']);
    expect(err.message).toBe(
      'This file is not an article that can be read aloud (id: expected a non-empty string, got number, and 1 more problem).',
    );
    expect(formatIssues(err.issues)).toBe(
      'id: expected a non-empty string, got number\nsections[0].id: expected a non-empty string, got an empty string',
    );
  });

  it('throws "empty-article" for an article with nothing to read', () => {
    const a = article();
    a.sections = [];
    expect(() => assertArticle(a)).toThrow(/This article is empty/);
    try {
      assertArticle(a);
    } catch (e) {
      expect((e as ArticleValidationError).code).toBe('empty-article');
    }
  });
});

describe('validateArticle on anything', () => {
  it('never throws, and every failure has at least one issue with a path and a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const r = validateArticle(value);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          expect(r.errors.length).toBeLessThanOrEqual(MAX_ISSUES);
          for (const e of r.errors) expect(typeof e.path === 'string' && e.message.length > 0).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('helpers', () => {
  it.each(['en', 'EN', 'en-US', 'pt-BR', 'zh-Hant-TW', 'sr-Latn-RS', 'es-419', 'de-CH-1996', 'yue', 'zh-yue-HK', 'en-x-custom', 'ar-EG-u-nu-latn'])(
    'LANG_TAG accepts %s',
    (tag) => expect(LANG_TAG.test(tag)).toBe(true),
  );
  it.each(['', 'e', 'english', 'en_US', 'en-', '-en', 'en US', 'en-USA-', 'x-private', 'en--US', '12'])(
    'LANG_TAG rejects "%s"',
    (tag) => expect(LANG_TAG.test(tag)).toBe(false),
  );
  it.each([
    ['2017-06-29', true],
    ['2016-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2017-02-29', false],
    ['2017-04-31', false],
    ['2017-12-31', true],
    ['2017-13-01', false],
    ['2017-00-10', false],
    ['2017-06-00', false],
    ['2017-6-29', false],
    ['2017-06-29T10:00', false],
    ['29-06-2017', false],
  ] as const)('isIsoDate(%s) is %s', (d, ok) => expect(isIsoDate(d)).toBe(ok));
});
