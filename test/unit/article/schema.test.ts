// The JSON Schema and the runtime validator describe the same format: this
// checks them against each other on the same valid and invalid documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2020Module from 'ajv/dist/2020.js';
import { validateArticle } from '../../../src/article/validate.ts';

// ajv is CommonJS; under Node ESM its class arrives as `default.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const root = new URL('../../..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/article.schema.json', root), 'utf8'));
// strict: any keyword ajv does not know is a mistake in the schema.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemaAccepts = ajv.compile(schema);

type Doc = Record<string, any>;

function base(): Doc {
  return {
    version: 1,
    id: 'demo',
    lang: 'en-GB',
    title: 'Title',
    published: '2024-02-29',
    sections: [
      { id: 's1', heading: 'Highlights', level: 2, paragraphs: [{ id: 's1p1', kind: 'item', sentences: [{ id: 's1p1s1', text: 'One.' }] }] },
      { id: 's2', paragraphs: [{ id: 's2p1', sentences: [{ id: 's2p1s1', text: 'St. Louis.', speak: 'Saint Louis.' }] }] },
    ],
  };
}

function variant(change: (d: Doc) => void): Doc {
  const d = base();
  change(d);
  return d;
}

const valid: Array<[string, unknown]> = [
  ['the base article', base()],
  [
    'a minimal article',
    { version: 1, id: 'm', lang: 'de', title: '', sections: [{ id: 'a', paragraphs: [{ id: 'b', sentences: [{ id: 'c', text: 'Hallo.' }] }] }] },
  ],
  ['every optional field', variant((d) => Object.assign(d, { titleSpeak: 'T', byline: 'By X', kicker: 'K', updated: 'Updated now' }))],
  ['extra unknown fields everywhere', variant((d) => ((d.x = 1), (d.sections[0].y = [1]), (d.sections[0].paragraphs[0].sentences[0].z = {})))],
  ['a heading-only section', variant((d) => d.sections.push({ id: 's3', heading: 'Soon', paragraphs: [] }))],
  ['a paragraph with no sentences beside one with', variant((d) => d.sections[0].paragraphs.push({ id: 'e', sentences: [] }))],
  ['a leap day in 2000', variant((d) => (d.published = '2000-02-29'))],
  ['an RTL article', variant((d) => ((d.lang = 'ar-EG'), (d.title = 'عنوان')))],
  ['a paragraph and a sentence in other languages', variant((d) => ((d.sections[1].paragraphs[0].lang = 'fr'), (d.sections[0].paragraphs[0].sentences[0].lang = 'de-CH')))],
  ['a lexicon', variant((d) => (d.lexicon = { en: { Mosul: 'Mo-sool', 'Jomana Karadsheh': 'Jo-mah-na Ka-rad-sheh' }, '*': { ISIS: 'eye-sis' }, 'fr-CA': {} }))],
];

/** Bad documents both must reject. */
const invalid: Array<[string, unknown]> = [
  ['null', null],
  ['an array', []],
  ['a string', 'article'],
  ['version 2', variant((d) => (d.version = 2))],
  ['version "1"', variant((d) => (d.version = '1'))],
  ['no version', variant((d) => delete d.version)],
  ['no id', variant((d) => delete d.id)],
  ['empty id', variant((d) => (d.id = ''))],
  ['blank id', variant((d) => (d.id = ' \t'))],
  ['numeric id', variant((d) => (d.id = 7))],
  ['lang "English"', variant((d) => (d.lang = 'English'))],
  ['lang "en_US"', variant((d) => (d.lang = 'en_US'))],
  ['lang empty', variant((d) => (d.lang = ''))],
  ['no lang', variant((d) => delete d.lang)],
  ['no title', variant((d) => delete d.title)],
  ['title null', variant((d) => (d.title = null))],
  ['byline number', variant((d) => (d.byline = 1))],
  ['kicker object', variant((d) => (d.kicker = {}))],
  ['updated boolean', variant((d) => (d.updated = false))],
  ['titleSpeak empty', variant((d) => (d.titleSpeak = ''))],
  ['published US style', variant((d) => (d.published = '06/29/2017'))],
  ['published 2017-02-29', variant((d) => (d.published = '2017-02-29'))],
  ['published 1900-02-29', variant((d) => (d.published = '1900-02-29'))],
  ['published 2017-04-31', variant((d) => (d.published = '2017-04-31'))],
  ['published with a time', variant((d) => (d.published = '2017-06-29T12:00:00Z'))],
  ['no sections', variant((d) => delete d.sections)],
  ['sections an object', variant((d) => (d.sections = { s1: {} }))],
  ['section a string', variant((d) => (d.sections[0] = 'Highlights'))],
  ['section without id', variant((d) => delete d.sections[0].id)],
  ['heading empty', variant((d) => (d.sections[0].heading = ''))],
  ['heading null', variant((d) => (d.sections[0].heading = null))],
  ['headingSpeak blank', variant((d) => (d.sections[0].headingSpeak = '  '))],
  ['level 7', variant((d) => (d.sections[0].level = 7))],
  ['level 1.5', variant((d) => (d.sections[0].level = 1.5))],
  ['level "2"', variant((d) => (d.sections[0].level = '2'))],
  ['paragraphs missing', variant((d) => delete d.sections[1].paragraphs)],
  ['paragraph a string', variant((d) => (d.sections[1].paragraphs[0] = 'text'))],
  ['paragraph without id', variant((d) => delete d.sections[1].paragraphs[0].id)],
  ['kind "list"', variant((d) => (d.sections[0].paragraphs[0].kind = 'list'))],
  ['kind null', variant((d) => (d.sections[0].paragraphs[0].kind = null))],
  ['sentences missing', variant((d) => delete d.sections[1].paragraphs[0].sentences)],
  ['sentences a string', variant((d) => (d.sections[1].paragraphs[0].sentences = 'One. Two.'))],
  ['sentence a string', variant((d) => (d.sections[1].paragraphs[0].sentences[0] = 'One.'))],
  ['sentence without id', variant((d) => delete d.sections[1].paragraphs[0].sentences[0].id)],
  ['sentence text a number', variant((d) => (d.sections[1].paragraphs[0].sentences[0].text = 3))],
  ['sentence text empty', variant((d) => (d.sections[1].paragraphs[0].sentences[0].text = ''))],
  ['sentence text missing', variant((d) => delete d.sections[1].paragraphs[0].sentences[0].text)],
  ['speak empty', variant((d) => (d.sections[1].paragraphs[0].sentences[0].speak = ''))],
  ['speak a number', variant((d) => (d.sections[1].paragraphs[0].sentences[0].speak = 1))],
  ['paragraph lang "French"', variant((d) => (d.sections[1].paragraphs[0].lang = 'French'))],
  ['paragraph lang empty', variant((d) => (d.sections[1].paragraphs[0].lang = ''))],
  ['sentence lang a number', variant((d) => (d.sections[1].paragraphs[0].sentences[0].lang = 33))],
  // Empty articles: the schema's `contains` says "at least one sentence somewhere".
  ['no sections at all (empty)', variant((d) => (d.sections = []))],
  ['sections with no paragraphs (empty)', variant((d) => d.sections.forEach((s: Doc) => (s.paragraphs = [])))],
  ['paragraphs with no sentences (empty)', variant((d) => d.sections.forEach((s: Doc) => s.paragraphs.forEach((p: Doc) => (p.sentences = []))))],
];

/** What a JSON Schema cannot say: only the validator rejects these. */
const validatorOnly: Array<[string, unknown]> = [
  ['duplicate sentence ids', variant((d) => (d.sections[1].paragraphs[0].sentences[0].id = 's1p1s1'))],
  ['a section id reused by a paragraph', variant((d) => (d.sections[1].paragraphs[0].id = 's1'))],
];

/**
 * What only the schema rejects: a bad lexicon is not fatal at run time (the
 * player warns and leaves the bad entries out, see src/article/lexicon.ts).
 */
const schemaOnly: Array<[string, unknown]> = [
  ['a lexicon that is a list', variant((d) => (d.lexicon = [['Mosul', 'Mo-sool']]))],
  ['a lexicon keyed by a language name', variant((d) => (d.lexicon = { English: { Mosul: 'Mo-sool' } }))],
  ['a lexicon entry with an empty spoken form', variant((d) => (d.lexicon = { en: { Mosul: '' } }))],
  ['a lexicon entry that is a number', variant((d) => (d.lexicon = { en: { Mosul: 1 } }))],
];

describe('schema/article.schema.json', () => {
  it('is itself a valid draft 2020-12 schema', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(valid)('schema and validator both accept %s', (_name, doc) => {
    expect(validateArticle(doc).ok).toBe(true);
    expect(schemaAccepts(doc), JSON.stringify(schemaAccepts.errors)).toBe(true);
  });

  it.each(invalid)('schema and validator both reject %s', (_name, doc) => {
    expect(validateArticle(doc).ok).toBe(false);
    expect(schemaAccepts(doc)).toBe(false);
  });

  it.each(validatorOnly)('only the validator rejects %s (documented in the schema)', (_name, doc) => {
    expect(validateArticle(doc).ok).toBe(false);
    expect(schemaAccepts(doc)).toBe(true);
    expect(schema.description).toMatch(/unique across the whole article/);
  });

  it.each(schemaOnly)('only the schema rejects %s (documented in the schema)', (_name, doc) => {
    expect(validateArticle(doc).ok).toBe(true);
    expect(schemaAccepts(doc)).toBe(false);
    expect(schema.description).toMatch(/malformed lexicon does not reject the article/);
  });

  it('agrees with the validator on the lang tag regex', async () => {
    const { LANG_TAG } = await import('../../../src/article/validate.ts');
    expect(schema.properties.lang.pattern).toBe(LANG_TAG.source);
    expect(schema.$defs.lang.pattern).toBe(LANG_TAG.source);
  });

  it('agrees with the validator on random damage to a valid article', () => {
    // Every place in the base article a value can be replaced or removed.
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>): void => {
      if (path.length) paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk((v as Doc)[k], [...path, k]);
    };
    walk(base(), []);
    const optional = ['titleSpeak', 'byline', 'kicker', 'updated', 'heading', 'headingSpeak', 'level', 'kind', 'speak'];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(fc.jsonValue(), fc.constantFrom('', ' ', 0, 1, 2, 7, 1.5, 'en', 'x', '2017-02-29', 'item', 'list', null, [], {})),
        fc.boolean(),
        fc.constantFrom(...optional),
        (path, value, remove, extraKey) => {
          const doc = base();
          let parent: any = doc;
          for (const key of path.slice(0, -1)) parent = parent[key];
          const last = path[path.length - 1]!;
          if (remove && !Array.isArray(parent)) delete parent[last];
          else parent[last] = value;
          // Also try an optional field on an object value, where one fits.
          if (value && typeof value === 'object' && !Array.isArray(value) && !remove) (value as Doc)[extraKey] = '';
          const r = validateArticle(doc);
          const onlyDuplicates = !r.ok && r.errors.every((e) => e.message.startsWith('duplicate id'));
          if (onlyDuplicates) expect(schemaAccepts(doc)).toBe(true);
          else expect(schemaAccepts(doc), JSON.stringify({ doc, r })).toBe(r.ok);
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Every generated article in content/ must pass both (the seed among them).
  it('every content/*.json passes schema and validator', () => {
    const dir = new URL('content/', root);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    for (const file of files) {
      const doc = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      const r = validateArticle(doc);
      expect(r.ok ? [] : r.errors, file).toEqual([]);
      expect(schemaAccepts(doc), `${file}: ${JSON.stringify(schemaAccepts.errors)}`).toBe(true);
    }
  });
});
