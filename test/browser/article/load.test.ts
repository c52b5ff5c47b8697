// The loader in Chromium against the test server's real HTTP: a JSON article,
// a Markdown and an HTML source (native DOMParser), a 404, invalid JSON, an
// empty article and an abort.
import { expect } from '@esm-bundle/chai';
import { ArticleLoadError, loadArticle, type ArticleLoadErrorCode } from '../../../src/article/load.ts';

const base = new URL('/test/fixtures/load/', location.href);

async function failure(p: Promise<unknown>): Promise<ArticleLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ArticleLoadError);
    return e as ArticleLoadError;
  }
  throw new Error('expected loadArticle to reject');
}

async function codeOf(p: Promise<unknown>): Promise<ArticleLoadErrorCode> {
  return (await failure(p)).code;
}

describe('loadArticle in the browser', () => {
  it('loads a JSON article served over HTTP', async () => {
    const article = await loadArticle(new URL('article.json', base));
    expect(article.id).to.equal('load-fixture');
    expect(article.sections).to.have.length(2);
    expect(article.sections[1]?.heading).to.equal('What comes next');
  });

  it('accepts a relative URL string, resolved by fetch against the page', async () => {
    const article = await loadArticle('/test/fixtures/load/article.json');
    expect(article.title).to.equal('A ferry crosses the harbour');
  });

  it('loads the seed article the demo page plays', async () => {
    const article = await loadArticle('/content/mosul-2017-06-29.json');
    expect(article.id).to.equal('mosul-2017-06-29');
  });

  it('parses a Markdown source', async () => {
    const article = await loadArticle(new URL('article.md', base));
    expect(article.title).to.equal('Harbour notes');
    expect(article.sections.flatMap((s) => s.paragraphs).length).to.be.greaterThan(0);
  });

  it('parses an HTML source with the native DOMParser and runs nothing in it', async () => {
    const w = window as unknown as Record<string, unknown>;
    const article = await loadArticle(new URL('article.html', base));
    expect(article.title).to.equal('Harbour notes');
    expect(JSON.stringify(article)).not.to.contain('Home | News');
    await new Promise((r) => setTimeout(r, 50));
    expect(w['__loaded_script']).to.equal(undefined);
    expect(w['__handler']).to.equal(undefined);
    expect(w['__onerror']).to.equal(undefined);
  });

  it('a missing file is http-error 404 with a plain message', async () => {
    const err = await failure(loadArticle(new URL('missing.json', base)));
    expect(err.code).to.equal('http-error');
    expect(err.status).to.equal(404);
    expect(err.message).to.equal('The article could not be loaded (HTTP 404: not found).');
  });

  it('a truncated JSON file is invalid-json', async () => {
    expect(await codeOf(loadArticle(new URL('broken.json', base)))).to.equal('invalid-json');
  });

  it('JSON that is not an article names the path', async () => {
    const err = await failure(loadArticle(new URL('not-article.json', base)));
    expect(err.code).to.equal('not-an-article');
    expect(err.issues?.[0]?.path).to.equal('sections[0].paragraphs[0].sentences[0].text');
  });

  it('an article without sentences is empty-article', async () => {
    expect(await codeOf(loadArticle(new URL('empty.json', base)))).to.equal('empty-article');
  });

  it('a server that cannot be reached is unreachable', async () => {
    // Port 9 (discard) on localhost refuses connections.
    expect(await codeOf(loadArticle('http://127.0.0.1:9/article.json'))).to.equal('unreachable');
  });

  it('an aborted load rejects with aborted', async () => {
    const controller = new AbortController();
    const p = loadArticle(new URL('article.json', base), { signal: controller.signal });
    controller.abort();
    expect(await codeOf(p)).to.equal('aborted');
  });
});
