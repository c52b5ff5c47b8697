import { describe, expect, it, vi } from 'vitest';

// Speech text is another module's rules; here only the wiring is under test:
// `speak`, `titleSpeak` and `headingSpeak` appear exactly when it returns a string.
vi.mock('../../src/article/speech-text.ts', () => ({
  speechText: (text: string): string | undefined =>
    text.includes('Col.') ? text.replace(/Col\./g, 'Colonel') : undefined,
}));

const { buildArticle, segmentParagraph, SEGMENT_CHUNK } = await import('../../../src/article/build-article.ts');
const { ArticleParseError } = await import('../../../src/article/parse-error.ts');
const { parseText } = await import('../../../src/article/parse-text.ts');
type ParsedDraft = import('../../../src/article/build-article.ts').ParsedDraft;

const draft = (): ParsedDraft => ({
  title: 'Col. Smith returns',
  published: '2020-02-29',
  sections: [
    { paragraphs: [{ kind: 'paragraph', text: 'First one. Second one.' }] },
    {
      heading: 'Where Col. Smith went',
      level: 3,
      paragraphs: [
        { kind: 'item', text: 'North.' },
        { kind: 'paragraph', text: 'He met Col. Jones there. They talked.' },
      ],
    },
    { heading: 'Later', paragraphs: [{ kind: 'quote', text: 'It was fine.' }] },
  ],
});

const ids = (a: { sections: { id: string; paragraphs: { id: string; sentences: { id: string }[] }[] }[] }) =>
  a.sections.flatMap((s) => [s.id, ...s.paragraphs.flatMap((p) => [p.id, ...p.sentences.map((x) => x.id)])]);

describe('buildArticle', () => {
  it('numbers sections, paragraphs and sentences by position', () => {
    const a = buildArticle(draft(), { id: 'x' });
    expect(ids(a)).toEqual([
      's1', 's1p1', 's1p1s1', 's1p1s2',
      's2', 's2p1', 's2p1s1', 's2p2', 's2p2s1', 's2p2s2',
      's3', 's3p1', 's3p1s1',
    ]);
    expect(a.sections[1]!.level).toBe(3);
    expect(a.sections[2]!.level).toBeUndefined();
    expect(a.sections[1]!.paragraphs[0]!.kind).toBe('item');
    expect(a.sections[0]!.paragraphs[0]!.kind).toBeUndefined();
  });

  it('gives identical output for the same input', () => {
    expect(JSON.stringify(buildArticle(draft(), { id: 'x' }))).toBe(JSON.stringify(buildArticle(draft(), { id: 'x' })));
  });

  it('renumbers nothing else when one paragraph is edited or grows a paragraph', () => {
    const before = buildArticle(draft(), { id: 'x' });
    const edited = draft();
    edited.sections[1]!.paragraphs[0]!.text = 'North, then east. Then home. Then away again.';
    edited.sections[0]!.paragraphs.push({ kind: 'paragraph', text: 'A new closing paragraph.' });
    const after = buildArticle(edited, { id: 'x' });
    const sentenceMap = (a: typeof before) =>
      new Map(a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => [x.id, x.text] as const))));
    const old = sentenceMap(before);
    const now = sentenceMap(after);
    for (const [id, text] of old) {
      if (id.startsWith('s2p1s')) continue; // the edited paragraph itself
      expect(now.get(id)).toBe(text);
    }
    expect(now.get('s2p1s3')).toBe('Then away again.');
    expect(now.get('s1p2s1')).toBe('A new closing paragraph.');
  });

  it('keeps the untitled lead and a highlights box numbered the same across runs of the seed format', () => {
    const source = 'date 2020-01-01 News\n\nTitle\n\nHighlights\n\n• One\n• Two\n\nLead text.\n\nPart\n\nBody.\n';
    const a = buildArticle(parseText(source));
    const b = buildArticle(parseText(source.replace('Body.', 'Body, rewritten entirely.')));
    expect(a.sections.map((s) => [s.id, s.heading ?? null])).toEqual([
      ['s1', 'Highlights'],
      ['s2', null],
      ['s3', 'Part'],
    ]);
    expect(ids(b)).toEqual(ids(a));
  });

  it('drops empty paragraphs and sections without leaving gaps in the ids', () => {
    const d = draft();
    d.sections.splice(1, 0, { heading: 'Nothing here', paragraphs: [{ kind: 'paragraph', text: ' \u00a0 ' }] });
    d.sections[0]!.paragraphs.unshift({ kind: 'paragraph', text: '' });
    const a = buildArticle(d, { id: 'x' });
    expect(a.sections.map((s) => s.heading ?? null)).toEqual([null, 'Where Col. Smith went', 'Later']);
    expect(ids(a)).toEqual(ids(buildArticle(draft(), { id: 'x' })));
  });

  it('adds speech text only where the rules return one', () => {
    const a = buildArticle(draft(), { id: 'x' });
    expect(a.titleSpeak).toBe('Colonel Smith returns');
    expect(a.sections[1]!.headingSpeak).toBe('Where Colonel Smith went');
    expect(a.sections[2]!.headingSpeak).toBeUndefined();
    const p = a.sections[1]!.paragraphs[1]!;
    expect(p.sentences[0]).toEqual({ id: 's2p2s1', text: 'He met Col. Jones there.', speak: 'He met Colonel Jones there.' });
    expect(p.sentences[1]).toEqual({ id: 's2p2s2', text: 'They talked.' });
    expect('speak' in p.sentences[1]!).toBe(false);
  });

  it('throws a typed empty-article error when no sentence remains', () => {
    const empty: ParsedDraft = { title: 'Only a title', sections: [{ heading: 'H', paragraphs: [{ kind: 'paragraph', text: '  ' }] }] };
    expect(() => buildArticle(empty)).toThrowError(ArticleParseError);
    try {
      buildArticle({ sections: [] });
    } catch (e) {
      expect(e).toBeInstanceOf(ArticleParseError);
      expect((e as InstanceType<typeof ArticleParseError>).code).toBe('empty-article');
    }
    expect.assertions(3);
  });

  it('chooses the id: option, then declared id, then file name, then title and date', () => {
    expect(buildArticle({ ...draft(), id: 'declared' }, { id: 'explicit', fileName: 'f.txt' }).id).toBe('explicit');
    expect(buildArticle({ ...draft(), id: 'declared' }, { fileName: 'f.txt' }).id).toBe('declared');
    expect(buildArticle({ ...draft(), id: 'Not An Id!' }).id).toBe('not-an-id');
    expect(buildArticle(draft(), { fileName: '/a/b/My Story.md' }).id).toBe('my-story');
    expect(buildArticle(draft(), { fileName: 'https://x.test/news/Ferry.html?x=1' }).id).toBe('ferry');
    expect(buildArticle(draft()).id).toBe('col-smith-returns-2020-02-29');
    const noDate = { ...draft(), published: undefined, title: 'Ünïcode café news' };
    expect(buildArticle(noDate).id).toBe('unicode-cafe-news');
    expect(buildArticle({ ...noDate, title: 'Новости дня' }).id).toMatch(/^article-[0-9a-z]+$/);
    expect(() => buildArticle(draft(), { id: '../etc/passwd' })).toThrowError(/not a valid article id/);
  });

  it('chooses the language: option, then declared (repaired), then English', () => {
    expect(buildArticle({ ...draft(), lang: 'fr' }, { lang: 'de-at' }).lang).toBe('de-AT');
    expect(buildArticle({ ...draft(), lang: 'en_GB' }).lang).toBe('en-GB');
    expect(buildArticle({ ...draft(), lang: '%%' }).lang).toBe('en');
    expect(() => buildArticle(draft(), { lang: 'not a tag' })).toThrowError(ArticleParseError);
  });

  it('keeps only real dates and falls back to the first sentence for a missing title', () => {
    const d = { ...draft(), title: undefined, published: '2021-02-30' };
    const a = buildArticle(d, { id: 'x' });
    expect(a.published).toBeUndefined();
    expect(a.title).toBe('First one.');
    const long = buildArticle({ sections: [{ paragraphs: [{ kind: 'paragraph', text: `${'word '.repeat(40)}end.` }] }] }, { id: 'x' });
    expect(long.title.length).toBeLessThanOrEqual(81);
    expect(long.title.endsWith('…')).toBe(true);
  });

  it('writes the keys in a stable, readable order', () => {
    const a = buildArticle({ ...draft(), byline: 'By Ann Lee', kicker: 'News', updated: 'Updated today' }, { id: 'x' });
    expect(Object.keys(a)).toEqual([
      'version', 'id', 'lang', 'title', 'titleSpeak', 'byline', 'published', 'kicker', 'updated', 'sections',
    ]);
    expect(a.byline).toBe('Ann Lee');
    expect(Object.keys(a.sections[1]!)).toEqual(['id', 'heading', 'headingSpeak', 'level', 'paragraphs']);
  });

  it('segments a huge paragraph in pieces without cutting any sentence', () => {
    // Not a timing test: a quadratic segmenter would not finish in the timeout.
    const english = Array.from({ length: 50_000 }, (_, i) => `Sentence number ${i} is here.`);
    expect(english.join(' ').length).toBeGreaterThan(1_000_000);
    expect(segmentParagraph(english.join(' '), 'en')).toEqual(english);
    const chinese = Array.from({ length: 4_000 }, (_, i) => `这是第${i}句。`);
    expect(chinese.join('').length).toBeGreaterThan(3 * SEGMENT_CHUNK);
    expect(segmentParagraph(chinese.join(''), 'zh')).toEqual(chinese);
    const junk = 'x'.repeat(3 * SEGMENT_CHUNK + 7);
    expect(segmentParagraph(junk, 'en').join('')).toBe(junk);
  }, 60_000);
});
