/// <reference types="mocha" />
// The states a listener meets: loading, ready, errors in plain words with a
// way forward, and a `src` change that abandons the load in flight.
import { expect } from '@esm-bundle/chai';
import { axeViolations } from '../support/axe.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { button, cleanup, flush, mount, playButton, q, status, until, voiceSelect } from '../support/player.ts';

const FIXTURES = '/test/browser/support/fixtures';
const realFetch = window.fetch;

afterEach(() => {
  window.fetch = realFetch;
  cleanup();
});

/** A fetch the test answers by hand. */
function heldFetch() {
  const calls: { url: string; signal?: AbortSignal | null; resolve: (r: Response) => void; reject: (e: unknown) => void }[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      calls.push({ url: String(input), signal: init?.signal ?? null, resolve, reject });
    })) as typeof fetch;
  return calls;
}

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

const errorText = (root: ShadowRoot) => root.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('aloud-player states', () => {
  it('shows loading with a busy indicator, then becomes ready, announcing neither (the listener did not ask); axe-clean in each', async () => {
    const calls = heldFetch();
    const { el, root } = await mount({ src: '/article.json' });
    await until(() => calls.length === 1, 'fetch');
    expect(q(root, '[part="loading"]').textContent).to.contain('Loading article');
    expect(status(root)).to.equal('');
    expect(await axeViolations(el)).to.deep.equal([]);
    calls[0]!.resolve(json(sampleArticle()));
    await until(() => el.store && root.querySelector('[part="text"]'), 'ready');
    await flush(el);
    expect(root.querySelector('[part="loading"]')).to.equal(null);
    expect(status(root)).to.equal('');
    // The landmark is named after the article: several players on a page are told apart.
    expect(q(root, '[part="base"]').getAttribute('aria-label')).to.equal('Listen: Sample story');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says a missing article was not found, once, with advice for a 404 and no pointless retry', async () => {
    const { el, root, events } = await mount({ src: `${FIXTURES}/missing.json` });
    await until(() => root.querySelector('[part="error"]'), 'error');
    expect(errorText(root)).to.equal(
      'The article was not found The link may be out of date, or the article was moved or removed (HTTP 404). Check the address, or tell the site owner.',
    );
    expect(root.querySelector('[part="error"] button'), 'trying a 404 again cannot help').to.equal(null);
    expect(status(root)).to.contain('The article was not found');
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['aloud-error', 'http-error']]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says the server had a problem, and "Try again" retries', async () => {
    window.fetch = (() => Promise.resolve(new Response('busy', { status: 503 }))) as typeof fetch;
    const { el, root } = await mount({ src: '/article.json' });
    await until(() => root.querySelector('[part="error"]'), 'error');
    expect(errorText(root)).to.equal('The site could not send the article The server had a problem (HTTP 503). Try again in a moment. Try again');
    const calls = heldFetch();
    button(root, 'Try again').click();
    await until(() => calls.length === 1, 'retry fetch');
    calls[0]!.resolve(json(sampleArticle()));
    await until(() => el.store, 'store after retry');
    await flush(el);
    expect(root.querySelector('[part="error"]')).to.equal(null);
    expect(q(root, 'h2').textContent).to.equal('Sample story');
  });

  it('says an unreachable server could not be reached, and that the device is offline when it is', async () => {
    window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const { root } = await mount({ src: '/article.json' });
    await until(() => root.querySelector('[part="error"]'), 'error');
    expect(errorText(root)).to.equal('The article could not be loaded Check your connection, then try again. Try again');
    cleanup();
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      const { root: offline } = await mount({ src: '/article.json' });
      await until(() => offline.querySelector('[part="error"]'), 'error');
      expect(errorText(offline)).to.equal('You are offline Connect to the internet, then try again. Try again');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
  });

  it('says a damaged file is damaged and a non-article is not an article, with no pointless retry', async () => {
    for (const [file, title] of [
      ['not-json.json', 'The article file is damaged'],
      ['not-article.json', 'This is not an article the player can read'],
    ]) {
      const { root } = await mount({ src: `${FIXTURES}/${file}` });
      await until(() => root.querySelector('[part="error"]'), `error for ${file}`);
      expect(errorText(root)).to.contain(title);
      expect(root.querySelector('[part="error"] button')).to.equal(null);
      cleanup();
    }
  });

  it('says an empty article is empty', async () => {
    const { root } = await mount({ src: `${FIXTURES}/empty.json` });
    await until(() => root.querySelector('[part="error"]'), 'error');
    expect(errorText(root)).to.contain('This article is empty');
  });

  it('says when no voice can read the article, and how to get one', async () => {
    const { el, engine, root, events } = await mount({ engine: { voices: [] } });
    playButton(root).click();
    engine.fireError('no-voice');
    await flush(el);
    expect(errorText(root)).to.contain('No voice can read this article');
    expect(errorText(root)).to.contain('Your device has no voice for English');
    expect(status(root)).to.contain('No voice can read this article');
    expect(events.map((e) => e.type)).to.deep.equal(['aloud-error']);
    expect((await voiceSelect(el, root)).options.length).to.equal(1);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('abandons a load when src changes, and shows only the new article', async () => {
    const calls = heldFetch();
    const { el, root } = await mount({ src: '/first.json' });
    await until(() => calls.length === 1, 'first fetch');
    el.src = '/second.json';
    await until(() => calls.length === 2, 'second fetch');
    expect(calls[0]!.signal?.aborted).to.equal(true);
    calls[1]!.resolve(json(sampleArticle({ title: 'Second' })));
    calls[0]!.resolve(json(sampleArticle({ title: 'First' })));
    await until(() => el.store, 'store');
    await flush(el);
    await new Promise((r) => setTimeout(r, 30));
    expect(q(root, 'h2').textContent).to.equal('Second');
  });

  it('renders markup inside a loaded JSON article as text', async () => {
    const calls = heldFetch();
    const article = sampleArticle({ title: '<img src=x onerror="window.__pwned2=1">' });
    article.sections[1]!.paragraphs[0]!.sentences[0]!.text = '<script>window.__pwned2=1</script>';
    const { el, root } = await mount({ src: '/hostile.json' });
    await until(() => calls.length === 1, 'fetch');
    calls[0]!.resolve(json(article));
    await until(() => el.store, 'store');
    await flush(el);
    expect(root.querySelector('img, script')).to.equal(null);
    expect(q(root, '[data-id="s2p1s1"]').textContent).to.equal('<script>window.__pwned2=1</script>');
    expect((window as { __pwned2?: number }).__pwned2).to.equal(undefined);
  });

  it('reads Markdown and HTML sources through the content pipeline', async () => {
    for (const [file, title] of [
      ['sourdough-notes.md', 'What a year of sourdough taught me about patience'],
      ['harbour-ferry-2026-05-02.html', 'Night ferry returns to the harbour after 20 years'],
    ]) {
      const { el, root } = await mount({ src: `/content/${file}` });
      await until(() => el.store, `the store for ${file}`, 8000);
      await flush(el);
      expect(q(root, 'h2').textContent).to.equal(title);
      expect(root.querySelectorAll('.s').length).to.be.greaterThan(5);
      expect(root.querySelector('.text script, .text img')).to.equal(null);
      cleanup();
    }
  });
});
