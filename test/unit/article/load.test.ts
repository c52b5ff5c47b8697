import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ArticleLoadError, isArticleLoadError, loadArticle, type ArticleLoadErrorCode } from '../../../src/article/load.ts';
import { nodeDomParser } from '../../../src/article/node.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/load/${name}`, import.meta.url), 'utf8');

/** A fetch that answers every URL with `body` and `init`, and records calls. */
function fakeFetch(body: string, init: ResponseInit = {}) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(body, init));
}

async function failure(p: Promise<unknown>): Promise<ArticleLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ArticleLoadError);
    expect(isArticleLoadError(e)).toBe(true);
    return e as ArticleLoadError;
  }
  throw new Error('expected loadArticle to reject');
}

async function codeOf(p: Promise<unknown>): Promise<ArticleLoadErrorCode> {
  return (await failure(p)).code;
}

const json = { headers: { 'content-type': 'application/json' } };

describe('loadArticle: JSON articles', () => {
  it('returns the validated article and passes the URL and signal to fetch', async () => {
    const fetch = fakeFetch(fixture('article.json'), json);
    const signal = new AbortController().signal;
    const article = await loadArticle('/a/article.json', { fetch, signal });
    expect(article.id).toBe('load-fixture');
    expect(article.sections[0]?.paragraphs[0]?.sentences[1]?.speak).toBe('Colonel Ryan Dillon waved from Saint Louis Pier.');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/a/article.json');
    expect(fetch.mock.calls[0]?.[1]?.signal).toBe(signal);
  });

  it('loads the seed article from content/', async () => {
    const seed = readFileSync(new URL('../../../content/mosul-2017-06-29.json', import.meta.url), 'utf8');
    const article = await loadArticle(new URL('https://example.org/content/mosul-2017-06-29.json'), { fetch: fakeFetch(seed) });
    expect(article.id).toBe('mosul-2017-06-29');
    expect(article.sections.length).toBeGreaterThan(1);
  });

  it('takes JSON from the Content-Type when the URL has no extension', async () => {
    const a = await loadArticle('/api/article?id=1', { fetch: fakeFetch(fixture('article.json'), { headers: { 'content-type': 'application/vnd.aloud+json; charset=utf-8' } }) });
    expect(a.id).toBe('load-fixture');
  });

  it('sniffs a JSON body when neither URL nor Content-Type says', async () => {
    const a = await loadArticle('/api/article', { fetch: fakeFetch(fixture('article.json'), { headers: { 'content-type': '' } }) });
    expect(a.id).toBe('load-fixture');
  });

  it('accepts a byte-order mark before the JSON', async () => {
    const a = await loadArticle('/a.json', { fetch: fakeFetch(`\uFEFF${fixture('article.json')}`) });
    expect(a.id).toBe('load-fixture');
  });

  it('decodes the charset the server names (windows-1252 news sites)', async () => {
    const latin1 = Uint8Array.from([...'Caf\u00e9 cr\u00e8me. Na\u00efve.'].map((c) => c.charCodeAt(0)));
    const fetch = vi.fn(async () => new Response(latin1, { headers: { 'content-type': 'text/plain; charset=windows-1252' } }));
    const a = await loadArticle('/story.txt', { fetch });
    expect(a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text))).join(' ')).toContain('Café crème.');
  });

  it('falls back to UTF-8 for an unknown charset label', async () => {
    const a = await loadArticle('/a.json', { fetch: fakeFetch(fixture('article.json'), { headers: { 'content-type': 'application/json; charset=klingon' } }) });
    expect(a.id).toBe('load-fixture');
  });

  it('keeps a JSON article\'s own language even when a lang option is given', async () => {
    const a = await loadArticle('/a.json', { fetch: fakeFetch(fixture('article.json')), lang: 'de' });
    expect(a.lang).toBe('en');
  });
});

describe('loadArticle: source files through the parsers', () => {
  it('parses Markdown by extension', async () => {
    const a = await loadArticle('/notes/harbour.md', { fetch: fakeFetch(fixture('article.md'), { headers: { 'content-type': 'text/plain' } }) });
    expect(a.title).toBe('Harbour notes');
    expect(a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)))).toEqual([
      'The first ferry left at dawn.',
      'It was on time.',
      'A second ferry in June.',
    ]);
    expect(a.id).toBe('harbour');
  });

  it('parses Markdown by Content-Type and passes lang to the parser', async () => {
    const a = await loadArticle('/notes/harbour', { fetch: fakeFetch(fixture('article.md'), { headers: { 'content-type': 'text/markdown' } }), lang: 'de' });
    expect(a.lang).toBe('de');
    expect(a.title).toBe('Harbour notes');
  });

  it('parses plain text', async () => {
    const a = await loadArticle('/story.txt', { fetch: fakeFetch('First line here.\n\nA second paragraph. With two sentences.') });
    expect(a.sections.flatMap((s) => s.paragraphs).length).toBeGreaterThan(0);
  });

  it('parses HTML with an injected DOM parser, leaving navigation out', async () => {
    const a = await loadArticle('/page.html', { fetch: fakeFetch(fixture('article.html'), { headers: { 'content-type': 'text/html' } }), domParser: nodeDomParser });
    expect(a.title).toBe('Harbour notes');
    expect(JSON.stringify(a)).not.toContain('Home | News');
  });

  it('honours an explicit format over the URL', async () => {
    const a = await loadArticle('/weird.bin', { fetch: fakeFetch(fixture('article.md')), format: 'markdown' });
    expect(a.title).toBe('Harbour notes');
  });
});

describe('loadArticle: every error code', () => {
  it('unreachable: the network fails', async () => {
    const cause = new TypeError('fetch failed');
    const err = await failure(loadArticle('https://example.org/a.json', { fetch: vi.fn(async () => Promise.reject(cause)) }));
    expect(err.code).toBe('unreachable');
    expect(err.cause).toBe(cause);
    expect(err.url).toBe('https://example.org/a.json');
    expect(err.message).toBe('The article could not be loaded: the server could not be reached. Check the connection and try again.');
  });

  it('unreachable: the body stops half-way', async () => {
    const broken = new Response(new ReadableStream({ start: (c) => c.error(new TypeError('terminated')) }));
    expect(await codeOf(loadArticle('/a.json', { fetch: vi.fn(async () => broken) }))).toBe('unreachable');
  });

  it('unreachable: an AbortSignal.timeout() expires (the server is too slow)', async () => {
    const err = await failure(loadArticle('/a.json', { fetch: hangingFetch(), signal: AbortSignal.timeout(5) }));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/did not answer in time/);
  });

  it.each([
    [404, 'The article could not be loaded (HTTP 404: not found).'],
    [410, 'The article could not be loaded (HTTP 410: not found).'],
    [403, 'The article could not be loaded (HTTP 403: access denied).'],
    [500, 'The article could not be loaded (HTTP 500: the server had a problem; try again later).'],
    [418, 'The article could not be loaded (HTTP 418).'],
  ])('http-error: HTTP %i', async (status, message) => {
    const err = await failure(loadArticle('/a.json', { fetch: fakeFetch('nope', { status }) }));
    expect(err.code).toBe('http-error');
    expect(err.status).toBe(status);
    expect(err.message).toBe(message);
    expect(err.retryable).toBe(status === 500);
  });

  it('retryable only where trying again may help', () => {
    expect(new ArticleLoadError('unreachable').retryable).toBe(true);
    expect(new ArticleLoadError('http-error', { status: 503 }).retryable).toBe(true);
    expect(new ArticleLoadError('http-error', { status: 429 }).retryable).toBe(true);
    expect(new ArticleLoadError('http-error', { status: 404 }).retryable).toBe(false);
    for (const code of ['invalid-json', 'not-an-article', 'empty-article', 'unsupported-format', 'aborted'] as const) {
      expect(new ArticleLoadError(code).retryable, code).toBe(false);
    }
  });

  it('invalid-json: a truncated file', async () => {
    const err = await failure(loadArticle('/a.json', { fetch: fakeFetch(fixture('broken.json'), json) }));
    expect(err.code).toBe('invalid-json');
    expect(err.message).toMatch(/^The article file is damaged: it is not valid JSON \(.+\)\.$/);
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });

  it('not-an-article: a .json URL answered with a web page (a dev server\'s fallback)', async () => {
    const err = await failure(loadArticle('/missing.json', { fetch: fakeFetch('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } }) }));
    expect(err.code).toBe('not-an-article');
    expect(err.message).toBe('This file is not an article that can be read aloud (the server sent a web page instead).');
  });

  it('not-an-article: valid JSON with the exact problems in issues', async () => {
    const err = await failure(loadArticle('/a.json', { fetch: fakeFetch(fixture('not-article.json'), json) }));
    expect(err.code).toBe('not-an-article');
    expect(err.issues).toEqual([
      { path: 'sections[0].paragraphs[0].sentences[0].text', message: 'expected a non-empty string, got number', code: 'invalid' },
    ]);
    expect(err.message).toBe(
      'This file is not an article that can be read aloud (sections[0].paragraphs[0].sentences[0].text: expected a non-empty string, got number).',
    );
  });

  it('not-an-article: JSON that is an array', async () => {
    expect(await codeOf(loadArticle('/a.json', { fetch: fakeFetch('[1,2]', json) }))).toBe('not-an-article');
  });

  it('empty-article: a valid article with no sentences', async () => {
    const err = await failure(loadArticle('/a.json', { fetch: fakeFetch(fixture('empty.json'), json) }));
    expect(err.code).toBe('empty-article');
    expect(err.issues?.[0]?.code).toBe('empty');
    expect(err.message).toBe('This article is empty: there is no text to read aloud.');
  });

  it('empty-article: a source file with no text', async () => {
    expect(await codeOf(loadArticle('/a.md', { fetch: fakeFetch('   \n\n  ') }))).toBe('empty-article');
  });

  it('unsupported-format: an image', async () => {
    const err = await failure(loadArticle('/photo', { fetch: fakeFetch('GIF89a', { headers: { 'content-type': 'image/gif' } }) }));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe('This file cannot be read aloud: its format is not supported (photo).');
  });

  it('unsupported-format: nothing names the format and the body is not JSON', async () => {
    expect(await codeOf(loadArticle('/data.xyz', { fetch: fakeFetch('hello', { headers: { 'content-type': 'application/x-thing' } }) }))).toBe(
      'unsupported-format',
    );
  });

  it('aborted: a signal aborted before the start never fetches', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = fakeFetch('{}');
    const err = await failure(loadArticle('/a.json', { fetch, signal: controller.signal }));
    expect(err.code).toBe('aborted');
    expect(err.message).toBe('Loading the article was cancelled.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('aborted: while the request is in flight', async () => {
    const controller = new AbortController();
    const p = loadArticle('/a.json', { fetch: hangingFetch(), signal: controller.signal });
    controller.abort();
    expect(await codeOf(p)).toBe('aborted');
  });

  it('aborted: after the response, even when the fetch ignores the signal', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async () => {
      controller.abort();
      return new Response(fixture('article.json'));
    });
    expect(await codeOf(loadArticle('/a.json', { fetch, signal: controller.signal }))).toBe('aborted');
  });

  it('aborted: an AbortError from fetch without our signal', async () => {
    const fetch = vi.fn(async () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    expect(await codeOf(loadArticle('/a.json', { fetch }))).toBe('aborted');
  });
});

/** A fetch that only ever settles by rejecting when its signal aborts. */
function hangingFetch() {
  return vi.fn(
    (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      }),
  );
}
