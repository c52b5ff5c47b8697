import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2020Module from 'ajv/dist/2020.js';
import { checkLexicon, compileLexicon, groupApplies, loadLexicon, type Lexicon } from '../../../src/article/lexicon.ts';
import { mapBoundary } from '../../../src/player/word-map.ts';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const MOSUL = { en: { Mosul: 'Mo-sool', ISIS: 'eye-sis', 'Jomana Karadsheh': 'Jo-mah-na Ka-rad-sheh', karadsheh: 'ka-rad-sheh' } };
const say = (text: string, lang = 'en', ...lexicons: Lexicon[]) =>
  compileLexicon(...(lexicons.length ? lexicons : [MOSUL])).respell(text, lang)?.text ?? null;

describe('compileLexicon: what is replaced', () => {
  it('replaces whole words and phrases, longest first, and nothing else', () => {
    expect(say('ISIS fighters left Mosul.')).toBe('eye-sis fighters left Mo-sool.');
    expect(say('Mosul’s old city, ISIS\'s last stand, (Mosul)')).toBe('Mo-sool’s old city, eye-sis\'s last stand, (Mo-sool)');
    // Inside a longer word is not the word.
    expect(say('Mosuleans and ISISx and reMosul')).toBeNull();
    // A hyphen separates words: the word is still there.
    expect(say('the Mosul-based group')).toBe('the Mo-sool-based group');
    // The phrase wins over its own last word; the line break inside it is white space.
    expect(say('said Jomana\nKaradsheh today')).toBe('said Jo-mah-na Ka-rad-sheh today');
    expect(say('said Ms Karadsheh')).toBe('said Ms ka-rad-sheh');
    expect(say('No entry here.')).toBeNull();
  });

  it('is case-aware: a lower-case key matches any case, any other key only as written', () => {
    expect(say('KARADSHEH and Karadsheh and karadsheh')).toBe('ka-rad-sheh and ka-rad-sheh and ka-rad-sheh');
    // "ISIS" is written in capitals: the goddess Isis is left alone, and so is "MOSUL".
    expect(say('Isis and isis and ISIS')).toBe('Isis and isis and eye-sis');
    expect(say('MOSUL')).toBeNull();
    // Both forms may exist: the exact one for its case, the lower-case one for the rest.
    const both = compileLexicon({ en: { US: 'you ess', us: 'uss' } });
    expect(both.respell('US troops told us', 'en')?.text).toBe('you ess troops told uss');
  });

  it('applies per language: a group for "en" covers en-GB, the more specific group wins, "*" covers all', () => {
    const lex = { '*': { Mosul: 'Moh-sul' }, en: { Mosul: 'Mo-sool', Bath: 'Baath' }, 'en-US': { Bath: 'Bahth' }, fr: { Mossoul: 'Mo-soul' } };
    expect(say('Mosul, Bath', 'en-GB', lex)).toBe('Mo-sool, Baath');
    expect(say('Mosul, Bath', 'en-US', lex)).toBe('Mo-sool, Bahth');
    expect(say('Mosul, Mossoul', 'fr-FR', lex)).toBe('Moh-sul, Mo-soul');
    expect(say('Mosul, Bath', 'de', lex)).toBe('Moh-sul, Bath');
    expect(groupApplies('en', 'en-GB')).toBe(true);
    expect(groupApplies('en', 'eng')).toBe(false);
    expect(groupApplies('en-GB', 'en')).toBe(false);
    expect(groupApplies('pt_BR', 'pt-br')).toBe(true);
  });

  it('lets an earlier lexicon win for the same word (the article over the site)', () => {
    const article = { en: { Mosul: 'Mo-sool' } };
    const site = { en: { Mosul: 'Moss-ul', Raqqa: 'Rak-ka' } };
    expect(say('Mosul and Raqqa', 'en', article, site)).toBe('Mo-sool and Rak-ka');
    expect(say('Mosul and Raqqa', 'en', site, article)).toBe('Moss-ul and Rak-ka');
    expect(compileLexicon(article, site).size).toBe(3);
  });

  it('treats keys as text, not patterns, and is not fooled by keys without word characters', () => {
    const lex = compileLexicon({ '*': { 'C++': 'C plus plus', 'a.b': 'A B', '(x)': 'ex' } });
    expect(lex.respell('I like C++ and a.b but not axb (x)', 'en')?.text).toBe('I like C plus plus and A B but not axb ex');
  });
});

describe('compileLexicon: offsets back to the shown words', () => {
  const text = 'ISIS took Mosul in 2014.';
  const r = compileLexicon(MOSUL).respell(text, 'en')!;

  it('maps a boundary inside a replacement to the whole word it replaced', () => {
    expect(r.text).toBe('eye-sis took Mo-sool in 2014.');
    const word = (w: string) => {
      const i = r.text.indexOf(w);
      const [s, e] = r.span(i, i + w.length);
      return text.slice(s, e);
    };
    expect(word('eye-sis')).toBe('ISIS');
    expect(word('sis')).toBe('ISIS');
    expect(word('took')).toBe('took');
    expect(word('Mo-sool')).toBe('Mosul');
    expect(word('in')).toBe('in');
    expect(word('2014.')).toBe('2014.');
    // A zero-length boundary (an engine that gives no length) is a place, not a span.
    expect(r.span(r.text.indexOf('Mo-'), r.text.indexOf('Mo-'))).toEqual([10, 10]);
  });

  it('through the player\'s word map, every spoken word highlights its shown word', () => {
    for (const m of r.text.matchAll(/\S+/g)) {
      const [s, e] = r.span(m.index, m.index + m[0].length);
      const [ds, de] = mapBoundary(text, text, s, e - s);
      expect(text.slice(ds, de)).toBe(text.slice(s, e));
    }
  });

  it('maps every offset into the original and keeps the order (property)', () => {
    const lex = compileLexicon({ en: { ab: 'xyzw', 'Cd Ef': 'g', h: 'iiiiii' } });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ab', 'AB', 'Cd', 'Ef', 'h', ' ', '  ', '.', 'q', 'abh'), { maxLength: 20 }), (parts) => {
        const source = parts.join('');
        const out = lex.respell(source, 'en');
        if (!out) return;
        let previous = 0;
        for (let i = 0; i <= out.text.length; i++) {
          const [s, e] = out.span(i, i);
          expect(s).toBeGreaterThanOrEqual(previous);
          expect(e).toBeLessThanOrEqual(source.length);
          previous = s;
        }
        expect(out.span(0, out.text.length)).toEqual([0, source.length]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkLexicon', () => {
  it('keeps every good entry and names every bad one', () => {
    const { lexicon, problems } = checkLexicon({
      $schema: '../schema/lexicon.schema.json',
      en: { Mosul: 'Mo-sool', ISIS: '', Raqqa: 3, ' ': 'x' },
      English: { a: 'b' },
      fr: 'Mossoul',
      '*': { Daesh: 'Da-esh' },
    });
    expect(lexicon).toEqual({ en: { Mosul: 'Mo-sool' }, '*': { Daesh: 'Da-esh' } });
    expect(problems).toEqual([
      '"en" "ISIS": expected how it is said, got ""',
      '"en" "Raqqa": expected how it is said, got number',
      '"en": an empty word',
      '"English": expected a BCP 47 language tag like "en" or "*" for every language',
      '"fr": expected an object of words, got "Mossoul"',
    ]);
  });

  it('gives an empty lexicon and one problem for what is not one', () => {
    for (const v of [null, [], 'x', 3]) {
      const { lexicon, problems } = checkLexicon(v);
      expect(lexicon).toEqual({});
      expect(problems).toHaveLength(1);
    }
  });

  it('agrees with schema/lexicon.schema.json, which is the article schema\'s $defs.lexicon', () => {
    const root = new URL('../../..', import.meta.url);
    const lexiconSchema = JSON.parse(readFileSync(new URL('schema/lexicon.schema.json', root), 'utf8'));
    const articleSchema = JSON.parse(readFileSync(new URL('schema/article.schema.json', root), 'utf8'));
    const { $schema, title, $defs, ...rule } = lexiconSchema;
    expect(rule).toEqual(articleSchema.$defs.lexicon);
    expect($defs).toEqual({ text: articleSchema.$defs.text, lang: articleSchema.$defs.lang });
    expect([$schema, typeof title]).toEqual(['https://json-schema.org/draft/2020-12/schema', 'string']);
    const accepts = new Ajv2020({ strict: true }).compile(lexiconSchema);
    const samples: unknown[] = [
      { en: { Mosul: 'Mo-sool' } },
      { $schema: 'x', '*': {}, 'pt-BR': { a: 'b' } },
      { $other: {} },
      { English: { a: 'b' } },
      { en: { a: '' } },
      { en: { '': 'x' } },
      { en: [] },
      [],
      { en: { a: 1 } },
    ];
    for (const sample of samples) {
      expect(accepts(sample), JSON.stringify(sample)).toBe(checkLexicon(sample).problems.length === 0);
    }
  });
});

describe('loadLexicon', () => {
  const respond = (body: string, status = 200): typeof fetch =>
    (async () => new Response(body, { status })) as typeof fetch;

  it('fetches and checks a file', async () => {
    const r = await loadLexicon('/lexicon.json', { fetch: respond('{"en":{"Mosul":"Mo-sool","x":1}}') });
    expect(r.lexicon).toEqual({ en: { Mosul: 'Mo-sool' } });
    expect(r.problems).toHaveLength(1);
  });

  it('never rejects: HTTP errors, bad JSON and network failures are problems', async () => {
    expect((await loadLexicon('/x', { fetch: respond('nope', 404) })).problems).toEqual(['could not be fetched (HTTP 404)']);
    expect((await loadLexicon('/x', { fetch: respond('{"en":') })).problems[0]).toMatch(/^is not JSON/);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadLexicon('/x', { fetch: offline })).toEqual({ lexicon: {}, problems: ['could not be fetched (Failed to fetch)'] });
  });
});

describe('compileLexicon: matching, against a reference', () => {
  /** The plain definition: at each place from the left, the longest entry that matches there as a whole word. */
  function reference(lexicon: Record<string, string>, text: string): string {
    const entries = Object.entries(lexicon).sort((a, b) => b[0].length - a[0].length || Number(a[0] === a[0].toLowerCase()) - Number(b[0] === b[0].toLowerCase()));
    const w = /[\p{L}\p{M}\p{N}_]/u;
    let out = '';
    let i = 0;
    outer: while (i < text.length) {
      for (const [key, spoken] of entries) {
        const flags = key === key.toLowerCase() ? 'iuy' : 'uy';
        const body = key.split(' ').map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+');
        const re = new RegExp(body, flags);
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m) continue;
        const end = i + m[0].length;
        if (w.test(key[0]!) && i > 0 && w.test(text[i - 1]!)) continue;
        if (w.test(key.at(-1)!) && end < text.length && w.test(text[end]!)) continue;
        out += spoken;
        i = end;
        continue outer;
      }
      out += text[i];
      i++;
    }
    return out;
  }

  it('replaces exactly what the plain definition replaces (property, ASCII)', () => {
    const word = fc.constantFrom('ab', 'Ab', 'AB', 'b', 'abc', 'c+', '(x)', 'x', 'ab cd', 'Ab Cd', 'cd', 'a.b');
    fc.assert(
      fc.property(
        fc.dictionary(word, fc.constantFrom('P', 'QQ', 'rrr'), { maxKeys: 6 }),
        fc.array(fc.constantFrom('ab', 'Ab', 'AB', 'b', 'c', '+', '(', ')', 'x', ' ', '\n', '.', 'cd', 'Cd', '_', '9'), { maxLength: 24 }),
        (lexicon, parts) => {
          const text = parts.join('');
          const got = compileLexicon({ en: lexicon }).respell(text, 'en')?.text ?? text;
          expect(got).toBe(reference(lexicon, text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads every script as words: accents, Cyrillic, astral letters, and keys at either end of the text', () => {
    const lex = compileLexicon({ '*': { 'Ciudad Juárez': 'Ciudad Wárez', москва: 'Мас-ква', '𠀋𠀋': 'two', Évora: 'Eh-vora' } });
    expect(lex.respell('Ciudad Juárez, Москва и МОСКВА.', 'es')?.text).toBe('Ciudad Wárez, Мас-ква и Мас-ква.');
    expect(lex.respell('𠀋𠀋 and 𠀋𠀋𠀋', 'en')?.text).toBe('two and 𠀋𠀋𠀋');
    expect(lex.respell('Évora', 'pt')?.text).toBe('Eh-vora');
    expect(lex.respell('aÉvora Évoras', 'pt')).toBeNull();
  });
});
