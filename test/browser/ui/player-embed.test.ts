/// <reference types="mocha" />
// The embedding side of <aloud-player>: the compact layout, the sticky
// mini-player, page mode on a host article, the storage wiring against
// Chromium's real IndexedDB, and an API that never throws into the page.
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { button, cleanup, flush, focused, moreItem, mount, playButton, q, status, until, untilAsync } from '../support/player.ts';
import { getStorage } from '../../../src/storage/db.ts';
import { loadSettings } from '../../../src/storage/settings.ts';
import { isSaved, setSaved } from '../../../src/storage/article-cache.ts';
import '../../../src/ui/offline/define.ts';
import type { AloudPlayer } from '../../../src/ui/player/aloud-player.ts';
import type { Article } from '../../../src/article/model.ts';

afterEach(async () => {
  cleanup();
  await setViewport({ width: 1280, height: 800 });
});

describe('aloud-player compact layout', () => {
  it('is one bar: play, label with title and length, skip buttons, scrubber, times, speed and More; no text; axe-clean', async () => {
    const { el, root } = await mount({ attrs: { layout: 'compact' } });
    expect(!!root.querySelector('[part="text"]')).to.equal(false);
    expect(!!root.querySelector('[part="toc"]')).to.equal(false);
    for (const name of ['Play', 'Previous section', 'Previous sentence', 'Next sentence', 'Next section', 'More']) button(root, name);
    // Compact outside page mode (an iframe, a column): nothing else shows the title, so the bar does.
    expect(q(root, '.label').textContent?.replace(/\s+/g, ' ').trim()).to.equal('Listen to this article · 1 min Sample story');
    q(root, '#speed');
    q(root, '#position');
    q(root, '[part="time"]');
    q(root, '[role="status"]');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('keeps every shortcut and the help dialog', async () => {
    const { el, root, engine } = await mount({ attrs: { layout: 'compact' } });
    playButton(root).focus();
    await sendKeys({ press: 'ArrowRight' });
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s2');
    await sendKeys({ press: 'PageDown' });
    await flush(el);
    expect(el.store!.state.position?.sectionIndex).to.equal(1);
    expect(status(root)).to.equal('Section 2 of 4: Why it matters');
    await sendKeys({ press: '>' });
    await flush(el);
    expect(el.rate).to.equal(1.1);
    await sendKeys({ press: 'k' });
    engine.fireStart();
    await flush(el);
    expect(el.playing).to.equal(true);
    await sendKeys({ press: '?' });
    // The help is a chunk loaded on first open.
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"][open]'), 'the help dialog');
    await sendKeys({ press: 'Escape' });
    await flush(el);
    expect(dialog.open).to.equal(false);
    expect(focused(root) === playButton(root)).to.equal(true);
  });

  it('is axe-clean in dark and in forced colours', async () => {
    const { el } = await mount({ attrs: { layout: 'compact', theme: 'dark' } });
    expect(await axeViolations(el)).to.deep.equal([]);
    await emulateMedia({ forcedColors: 'active' });
    try {
      await flush(el);
      expect(await axeViolations(el)).to.deep.equal([]);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  for (const width of [280, 375, 1280]) {
    it(`at ${width} px the bar keeps its rows (3 narrow, 2 wide), no control on a stray line, the label's length never orphaned`, async () => {
      await setViewport({ width, height: 740 });
      const { el, root } = await mount({ attrs: { layout: 'compact' }, article: sampleArticle() });
      await flush(el);
      const top = (sel: string) => Math.round(q(root, sel).getBoundingClientRect().top);
      const mid = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.top + r.height / 2;
      };
      const bar = q(root, '.bar').getBoundingClientRect();
      const narrow = bar.width < 36 * 16;
      expect(getComputedStyle(q(root, '.bar')).gridTemplateRows.split(' ')).to.have.length(narrow ? 3 : 2);
      // No control wraps onto a stray line of its own: the four skip buttons share one line, the scrubber and its times another.
      const skips = [...root.querySelectorAll<HTMLElement>('.skip button')].map((b) => Math.round(b.getBoundingClientRect().top));
      expect(skips).to.have.length(4);
      expect(new Set(skips).size).to.equal(1);
      const progress = [...root.querySelectorAll<HTMLElement>('.progress > *')].map((e) => Math.round(mid(e) / 4));
      expect(Math.max(...progress) - Math.min(...progress)).to.be.at.most(1);
      // The label's words may wrap (two lines at most), but its length is never alone on a line.
      const label = q(root, '.listen').getBoundingClientRect();
      const line = parseFloat(getComputedStyle(q(root, '.label')).lineHeight) || 21;
      expect(label.height).to.be.below(line * 2.5);
      const len = q(root, '.len').getBoundingClientRect();
      expect(len.left).to.be.above(label.left + 20);
      if (width >= 1280) expect(label.height).to.be.below(line * 1.5);
      for (const sel of ['[part="play-button"]', '.label', '#more', '.skip', '.chip', '#position']) {
        const r = q(root, sel).getBoundingClientRect();
        expect(r.right, sel).to.be.at.most(bar.right + 1);
        expect(r.left, sel).to.be.at.least(bar.left - 1);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
    });
  }

  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el, root } = await mount({ attrs: { layout: 'compact' } });
    await flush(el);
    const base = q(root, '.base');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

describe('aloud-player sticky mini-player', () => {
  async function scrolledAway(article?: Article): Promise<{ m: Awaited<ReturnType<typeof mount>>; spacer: HTMLElement }> {
    const m = await mount({ attrs: { sticky: '' }, ...(article ? { article } : {}) });
    // The mini-player is a lazy chunk: wait until it is watching.
    await until(() => (m.el as unknown as { _mini: unknown })._mini, 'the mini-player controller');
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    m.el.after(spacer);
    return { m, spacer };
  }
  const mini = (root: ShadowRoot) => root.querySelector<HTMLElement>('[part="mini-player"]');
  /** Waits for the IntersectionObserver to report the player in or out of view. */
  const settle = (el: AloudPlayer, away: boolean) =>
    until(() => (el as unknown as { _mini: { away: boolean } | null })._mini?.away === away, away ? 'out of view' : 'in view');

  it('appears only while playing with the player out of view, Close dismisses it, and it comes back after a return', async () => {
    const { m, spacer } = await scrolledAway();
    const { el, root, engine } = m;
    window.scrollTo(0, 3000);
    await settle(el, true);
    await flush(el);
    expect(!!mini(root), 'not before the listener plays').to.equal(false);

    window.scrollTo(0, 0);
    await settle(el, false);
    el.play();
    engine.fireStart();
    await flush(el);
    expect(!!mini(root), 'not while the player is in view').to.equal(false);

    window.scrollTo(0, 3000);
    const bar = await until(() => mini(root), 'the mini-player');
    await Promise.all(bar.getAnimations().map((a) => a.finished));
    expect(getComputedStyle(bar).position).to.equal('fixed');
    expect(bar.getBoundingClientRect().bottom).to.be.closeTo(window.innerHeight, 1);
    expect(await axeViolations(el)).to.deep.equal([]);

    // Its play button pauses, and it stays for the listener to resume.
    q<HTMLButtonElement>(bar, '.play').click();
    await flush(el);
    expect(el.store!.state.status).to.equal('paused');
    expect(!!mini(root)).to.equal(true);
    expect(q(bar, '.play').textContent?.trim()).to.equal('Play');

    const close = button(bar, 'Close mini player');
    close.focus();
    close.click();
    await flush(el);
    expect(!!mini(root)).to.equal(false);
    // Focus stays in the player instead of falling to the page.
    expect(focused(root) === playButton(root)).to.equal(true);

    window.scrollTo(0, 0);
    await settle(el, false);
    el.play();
    await until(() => el.playing, 'playing again');
    window.scrollTo(0, 3000);
    await until(() => mini(root), 'the mini-player again after a return');
    spacer.remove();
  });

  it('is not loaded without the sticky attribute, and goes when it is removed', async () => {
    const { el, root, engine } = await mount();
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    el.after(spacer);
    el.play();
    engine.fireStart();
    await flush(el); // Play is taken in (follow-along may bring the text into view), then the listener scrolls away
    window.scrollTo(0, 3000);
    await new Promise((r) => setTimeout(r, 200));
    await flush(el);
    expect(!!mini(root)).to.equal(false);
    window.scrollTo(0, 0);
    el.sticky = true;
    await until(() => (el as unknown as { _mini: unknown })._mini, 'the mini-player controller');
    window.scrollTo(0, 3000);
    await until(() => mini(root), 'the mini-player');
    el.sticky = false;
    await flush(el);
    expect(!!mini(root)).to.equal(false);
    spacer.remove();
  });

  it('slides in only without prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { m, spacer } = await scrolledAway();
      m.el.play();
      m.engine.fireStart();
      await flush(m.el); // Play is taken in (follow-along may bring the text into view), then the listener scrolls away
      window.scrollTo(0, 3000);
      const bar = await until(() => mini(m.root), 'the mini-player');
      expect(bar.getAnimations().length).to.equal(0);
      spacer.remove();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('stacks modestly (z-index 9, themable), reads title first on two lines at most, and says what it covers', async () => {
    const long = 'Councils across the region agree a ten-year plan for flood defences, river walls and new pumping stations';
    const { m, spacer } = await scrolledAway({ ...sampleArticle(), title: long });
    const { el, root, engine } = m;
    el.play();
    engine.fireStart();
    await flush(el); // Play is taken in (follow-along may bring the text into view), then the listener scrolls away
    window.scrollTo(0, 3000);
    const bar = await until(() => mini(root), 'the mini-player');
    await Promise.all(bar.getAnimations().map((a) => a.finished));
    expect(getComputedStyle(bar).zIndex).to.equal('9');
    el.style.setProperty('--aloud-mini-player-z-index', '500');
    expect(getComputedStyle(bar).zIndex).to.equal('500');
    el.style.removeProperty('--aloud-mini-player-z-index');
    // What is playing comes before its controls, for eyes and screen readers alike.
    const title = bar.firstElementChild as HTMLElement;
    expect(title.localName).to.equal('p');
    expect(title.textContent).to.equal(el.article!.title);
    const line = parseFloat(getComputedStyle(title).lineHeight);
    // At a phone's width the long title wraps: two full lines, then an ellipsis (not one word and "…").
    await setViewport({ width: 375, height: 740 }); // afterEach restores it
    expect(title.getBoundingClientRect().height, 'two lines').to.be.closeTo(line * 2, 2);
    expect(title.scrollHeight, 'the rest is clipped').to.be.greaterThan(title.clientHeight);
    expect(title.getBoundingClientRect().width, 'most of the bar').to.be.greaterThan(150);
    const mc = (el as unknown as { _mini: { obscured(): { top: number; bottom: number } } })._mini;
    expect(mc.obscured()).to.deep.equal({ top: 0, bottom: bar.offsetHeight });
    // A host's cookie banner, fixed at the bottom with an ordinary stacking level (10), stays above it and clickable.
    const banner = document.createElement('div');
    banner.style.cssText = 'position: fixed; inset: auto 0 0 0; z-index: 10; padding: 1rem; background: #eee';
    const accept = document.createElement('button');
    accept.textContent = 'Accept all';
    banner.append(accept);
    document.body.append(banner);
    try {
      const r = accept.getBoundingClientRect();
      expect(r.bottom).to.be.greaterThan(bar.getBoundingClientRect().top, 'the banner overlaps the bar');
      expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).to.equal(accept);
    } finally {
      banner.remove();
    }
    spacer.remove();
  });

  it('with mini-position="top" sits at the top, clear of the safe area, and says so', async () => {
    const { m, spacer } = await scrolledAway();
    const { el, root, engine } = m;
    el.setAttribute('mini-position', 'top');
    el.play();
    engine.fireStart();
    await flush(el); // Play is taken in (follow-along may bring the text into view), then the listener scrolls away
    window.scrollTo(0, 3000);
    const bar = await until(() => mini(root), 'the mini-player');
    await Promise.all(bar.getAnimations().map((a) => a.finished));
    expect(bar.getBoundingClientRect().top).to.be.closeTo(0, 1);
    expect(getComputedStyle(bar).borderBottomWidth).to.equal('2px');
    const mc = (el as unknown as { _mini: { obscured(): { top: number; bottom: number } } })._mini;
    expect(mc.obscured()).to.deep.equal({ top: bar.offsetHeight, bottom: 0 });
    spacer.remove();
  });

  it('scrolls a page control that gets focus out from under it', async () => {
    const { m, spacer } = await scrolledAway();
    const { el, root, engine } = m;
    const link = document.createElement('a');
    link.href = '#x';
    link.textContent = 'A page link';
    spacer.style.height = '2000px';
    spacer.after(link);
    const tail = document.createElement('div');
    tail.style.height = '2000px';
    link.after(tail);
    el.play();
    engine.fireStart();
    await flush(el); // Play is taken in (follow-along may bring the text into view, in the next frame), then the listener scrolls away
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.scrollTo(0, 1500);
    const bar = await until(() => mini(root), 'the mini-player');
    await Promise.all(bar.getAnimations().map((a) => a.finished));
    // Put the link just under the bar, then focus it without the browser's own scrolling.
    const top = link.getBoundingClientRect().top + window.scrollY - window.innerHeight + 10;
    window.scrollTo(0, top);
    await new Promise((r) => requestAnimationFrame(r));
    link.focus({ preventScroll: true });
    await new Promise((r) => requestAnimationFrame(r));
    expect(link.getBoundingClientRect().bottom).to.be.at.most(bar.getBoundingClientRect().top);
    expect(link.getBoundingClientRect().top).to.be.at.least(0);
    link.remove();
    tail.remove();
    spacer.remove();
  });
});

describe('aloud-player page mode', () => {
  const HOST = `<nav><a href="/">Home</a></nav>
    <article id="host-story" lang="en">
      <h1>Bridges of the north</h1>
      <p>The old bridge opened in 1901. It still carries trains today.</p>
      <aside>Advertisement: buy now.</aside>
      <h2>Repairs</h2>
      <p>Engineers replaced the deck last year.</p>
    </article>`;

  it('reads the host element, renders no text of its own, and highlights the sentence in place without touching the page', async () => {
    const host = document.createElement('div');
    host.innerHTML = HOST;
    document.body.append(host);
    const before = host.innerHTML;
    const { el, root, engine } = await mount({ article: null, attrs: { for: 'host-story' } });
    await until(() => el.store?.state.article, 'the page article in the store');
    await flush(el);
    expect(el.store!.state.article!.title).to.equal('Bridges of the north');
    expect(!!root.querySelector('[part="text"]')).to.equal(false);
    expect(q(root, '.base').classList.contains('compact')).to.equal(true);
    const spoken = el.store!.state.article!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    expect(spoken.join(' ')).to.not.contain('Advertisement');
    expect(await axeViolations(el)).to.deep.equal([]);

    const highlighted = () =>
      [...((CSS.highlights.get('aloud-sentence') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()).join('');
    el.play();
    engine.fireStart();
    await flush(el);
    // The title is announced first, then the first sentence.
    for (let i = 0; i < 3 && el.store!.state.announcing; i++) {
      engine.finishCurrent();
      engine.fireStart();
      await flush(el);
    }
    await until(() => highlighted().includes('The old bridge opened in 1901.'), 'the first sentence highlighted');
    engine.finishCurrent();
    engine.fireStart();
    await flush(el);
    await until(
      () => highlighted().includes('still carries'),
      'the highlight following the store',
    );
    expect(host.innerHTML, 'the host DOM is untouched').to.equal(before);
    expect(!!root.querySelector('[part="caption"]'), 'no caption where highlights paint').to.equal(false);

    // Where the CSS Custom Highlight API is missing the highlighter says so, and a caption shows the sentence.
    const page = (el as unknown as { _page: { highlighter: object } })._page;
    Object.defineProperty(page.highlighter, 'highlighting', { value: false });
    el.requestUpdate();
    await flush(el);
    const caption = q(root, '[part="caption"]');
    expect(caption.textContent).to.contain('It still carries trains today.');
    expect(caption.getAttribute('role')).to.equal(null);
    expect(getComputedStyle(caption).borderInlineStartWidth).to.equal('4px');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.pause();
    host.remove();
  });

  it('in the full layout, the Follow along switch reaches the in-page highlighter', async () => {
    const host = document.createElement('div');
    host.innerHTML = HOST;
    document.body.append(host);
    const { el, root, engine } = await mount({ article: null, attrs: { for: 'host-story', layout: 'full' } });
    await until(() => el.store?.state.article, 'the page article in the store');
    await flush(el);
    expect(!!root.querySelector('[part="text"]'), 'still no text of its own').to.equal(false);
    const page = (el as unknown as { _page: { highlighter: { follow: boolean } } })._page;
    (await moreItem(el, root, 'Follow along')).click();
    await flush(el);
    el.play();
    engine.fireStart();
    engine.finishCurrent();
    engine.fireStart();
    await flush(el);
    expect(page.highlighter.follow).to.equal(false);
    (await moreItem(el, root, 'Follow along')).click();
    engine.finishCurrent();
    engine.fireStart();
    await flush(el);
    expect(page.highlighter.follow).to.equal(true);
    el.pause();
    host.remove();
  });

  it('says so when the page has no element with that id', async () => {
    const { el, root, events } = await mount({ article: null, attrs: { for: 'nowhere' } });
    await until(() => events.find((e) => e.type === 'aloud-error'), 'an error event');
    await flush(el);
    expect(events.find((e) => e.type === 'aloud-error')!.detail.code).to.equal('missing-element');
    expect(q(root, '[part="error"]').textContent).to.contain('nowhere');
  });
});

describe('aloud-player storage wiring (real IndexedDB)', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  /** Serves `url` from memory: each call takes the next body; `gate` holds a response back. */
  function serve(url: string, bodies: Article[], gate?: Promise<void>): void {
    let n = 0;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input instanceof Request ? input.url : input).includes(url)) return realFetch(input, init);
      const body = bodies[Math.min(n++, bodies.length - 1)];
      if (gate && n > 1) await gate;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  }

  async function mountSrc(src: string): Promise<Awaited<ReturnType<typeof mount>>> {
    const m = await mount({ src, attrs: { offline: '' } });
    await until(() => m.el.store?.state.article, 'the article');
    await flush(m.el);
    return m;
  }

  const textOf = (root: ShadowRoot, id: string) => root.querySelector(`[data-id="${id}"]`)?.textContent;

  it('plays the cached copy at once and switches to an update at a sentence boundary, keeping the place', async () => {
    const url = `/virtual/story-${Math.random().toString(36).slice(2)}.json`;
    const v1 = sampleArticle();
    const v2 = sampleArticle();
    v2.sections[1]!.paragraphs[1]!.sentences[0]!.text = 'A quoted line, revised.';
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    serve(url, [v1, v2], gate);

    const first = await mountSrc(url);
    expect(textOf(first.root, 's2p2s1')).to.equal('A quoted line.');
    first.el.remove();
    // Let the cache write land.
    await new Promise((r) => setTimeout(r, 200));

    // Second visit: the network is held back, yet the cached copy is there.
    const { el, root, engine, events } = await mountSrc(url);
    expect(textOf(root, 's2p2s1')).to.equal('A quoted line.');
    el.seek('s2p1s2');
    el.play();
    engine.fireStart();
    await flush(el);
    const playsBefore = events.filter((e) => e.type === 'aloud-play').length;

    open();
    await new Promise((r) => setTimeout(r, 300));
    await flush(el);
    // Not mid-sentence: the old text stays until the sentence ends.
    expect(textOf(root, 's2p2s1')).to.equal('A quoted line.');
    engine.finishCurrent();
    engine.fireStart();
    await flush(el);
    await until(() => textOf(root, 's2p2s1') === 'A quoted line, revised.', 'the updated text');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s2p2s1');
    expect(status(root)).to.equal('This article was updated. Playing on from the same place.');
    expect(events.filter((e) => e.type === 'aloud-play').length, 'no second aloud-play for the swap').to.equal(playsBefore);
    el.pause();
  });

  it('remembers the follow-along switch across visits', async () => {
    const url = `/virtual/follow-${Math.random().toString(36).slice(2)}.json`;
    serve(url, [sampleArticle()]);
    const first = await mountSrc(url);
    await until(() => first.el.store, 'the store');
    const follow = await moreItem(first.el, first.root, 'Follow along');
    expect(follow.getAttribute('aria-checked')).to.equal('true');
    // Let the panel's persistence connect before the switch is flipped.
    await until(() => first.root.querySelector('aloud-offline-panel'), 'the offline panel');
    await new Promise((r) => setTimeout(r, 100));
    follow.click();
    await flush(first.el);
    await untilAsync(async () => (await loadSettings(getStorage())).followAlong === false, 'the saved setting');
    first.el.remove();

    const second = await mountSrc(url);
    await until(() => second.el.store, 'the store');
    await until(() => (second.el as unknown as { _followAlong: boolean })._followAlong === false, 'the switch restored off');
    expect((await moreItem(second.el, second.root, 'Follow along')).getAttribute('aria-checked')).to.equal('false');
    follow.click(); // the old element: no effect on the new one
    (await moreItem(second.el, second.root, 'Follow along')).click();
    await untilAsync(async () => (await loadSettings(getStorage())).followAlong === true, 'the setting back on');
  });

  it('saves for offline from the More menu: a checkbox item, said once when stored, and the panel shows no second toggle', async () => {
    const url = `/virtual/save-${Math.random().toString(36).slice(2)}.json`;
    serve(url, [sampleArticle()]);
    const { el, root } = await mountSrc(url);
    const changes: unknown[] = [];
    el.addEventListener('aloud-saved-change', (e) => changes.push((e as CustomEvent).detail));
    await until(() => root.querySelector('aloud-offline-panel'), 'the offline panel');
    await untilAsync(async () => moreItem(el, root, 'Save for offline').catch(() => null), 'the Save for offline item');
    const item = await moreItem(el, root, 'Save for offline');
    expect(item.getAttribute('role')).to.equal('menuitemcheckbox');
    expect(item.getAttribute('aria-checked')).to.equal('false');
    // One control: the panel the player shows leaves its toggle out.
    const panel = root.querySelector('aloud-offline-panel')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.shadowRoot!.querySelector('aloud-save-toggle')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);

    item.focus();
    await sendKeys({ press: 'Enter' });
    await untilAsync(async () => (await isSaved(url)) === true, 'the pinned copy');
    await until(() => status(root) === 'Saved for offline.', 'the announcement');
    expect((await moreItem(el, root, 'Save for offline')).getAttribute('aria-checked')).to.equal('true');
    expect(changes).to.deep.equal([{ url, saved: true }]);

    (await moreItem(el, root, 'Save for offline')).click();
    await untilAsync(async () => (await isSaved(url)) === false, 'the copy unpinned');
    await until(() => status(root) === 'Offline copy removed.', 'the second announcement');
    expect((await moreItem(el, root, 'Save for offline')).getAttribute('aria-checked')).to.equal('false');
    el.remove();

    // A later visit reads the saved state back.
    await setSaved(url, true);
    const again = await mountSrc(url);
    await untilAsync(async () => (await moreItem(again.el, again.root, 'Save for offline')).getAttribute('aria-checked') === 'true', 'the saved state on the next visit');
  });

  it('a panel the page slotted in leaves Save for offline to the More menu once the player has a src', async () => {
    const url = `/virtual/slotted-${Math.random().toString(36).slice(2)}.json`;
    serve(url, [sampleArticle()]);
    const player = document.createElement('aloud-player');
    player.engine = new FakeSpeechEngine();
    const panel = document.createElement('aloud-offline-panel') as HTMLElement & { updateComplete: Promise<unknown> };
    panel.slot = 'extras';
    player.append(panel);
    player.src = url;
    document.body.append(player);
    await until(() => player.store?.state.article, 'the article');
    const root = player.shadowRoot!;
    expect((await moreItem(player, root, 'Save for offline')).getAttribute('role')).to.equal('menuitemcheckbox');
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('aloud-save-toggle'), 'no second control').to.equal(null);
    expect(panel.shadowRoot!.querySelector('aloud-resume-prompt'), 'the rest of the panel stays').to.not.equal(null);
    player.remove();
  });

  it('keeps the More menu and a page’s own save toggle in step', async () => {
    const url = `/virtual/both-${Math.random().toString(36).slice(2)}.json`;
    serve(url, [sampleArticle()]);
    const { el, root } = await mountSrc(url);
    const toggle = document.createElement('aloud-save-toggle') as HTMLElement & { url: string; updateComplete: Promise<unknown> };
    toggle.url = url;
    document.body.append(toggle);
    await toggle.updateComplete;
    (await moreItem(el, root, 'Save for offline')).click();
    await until(() => toggle.shadowRoot!.querySelector('button')?.textContent?.trim() === 'Remove offline copy', 'the toggle to follow the menu');
    toggle.shadowRoot!.querySelector('button')!.click();
    await untilAsync(async () => (await moreItem(el, root, 'Save for offline')).getAttribute('aria-checked') === 'false', 'the menu to follow the toggle');
    toggle.remove();
  });

  it('leaves storage alone without the offline attribute or panel', async () => {
    const url = `/virtual/plain-${Math.random().toString(36).slice(2)}.json`;
    serve(url, [sampleArticle()]);
    const { root } = await mount({ src: url });
    await until(() => root.querySelector('[part="text"]'), 'the text');
    expect(!!root.querySelector('aloud-offline-panel')).to.equal(false);
    // Follow along is still offered (the More menu), just not remembered.
    await until(() => (root.host as AloudPlayer).store, 'the store');
    expect((await moreItem(root.host as AloudPlayer, root, 'Follow along')).getAttribute('aria-checked')).to.equal('true');
  });
});

describe('aloud-player API', () => {
  it('never throws into the page: calls before load and bad arguments are no-ops with a warning', async () => {
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      const el = document.createElement('aloud-player') as AloudPlayer;
      document.body.append(el);
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      expect(el.playing).to.equal(false);
      el.play();
      el.pause();
      el.seek('s1p1s1');
      el.nextSection();
      el.previousSentence();
      expect(warned.length).to.equal(5);
      el.remove();

      const { el: loaded } = await mount();
      const at = loaded.store!.state.position?.sentenceId;
      loaded.seek('no-such-sentence');
      loaded.seek(42 as unknown as string);
      loaded.rate = Number.NaN;
      await flush(loaded);
      expect(loaded.store!.state.position?.sentenceId).to.equal(at);
      expect(loaded.store!.state.rate).to.equal(1);
      expect(warned.length).to.equal(7);
    } finally {
      console.warn = warn;
    }
  });

  it('reports loading, then error for an article that cannot be loaded', async () => {
    const { el, events } = await mount({ src: '/no/such/article.json' });
    expect(el.state).to.equal('loading');
    await until(() => events.find((e) => e.type === 'aloud-error'), 'the error');
    expect(el.state).to.equal('error');
    expect(el.playing).to.equal(false);
    el.play(); // still a no-op, not an exception
  });

  it('reports playing and state, and fires aloud-play / aloud-pause once per real change', async () => {
    const { el, engine, events } = await mount();
    expect(el.state).to.equal('ready');
    el.play();
    engine.fireStart();
    await flush(el);
    expect(el.playing).to.equal(true);
    expect(el.state).to.equal('playing');
    el.play(); // already playing: nothing changes
    await flush(el);
    el.pause();
    await flush(el);
    expect(el.playing).to.equal(false);
    expect(el.state).to.equal('paused');
    expect(events.filter((e) => e.type === 'aloud-play').length).to.equal(1);
    expect(events.filter((e) => e.type === 'aloud-pause').length).to.equal(1);
  });

  it('starting one of two players pauses the other', async () => {
    const a = await mount();
    const b = await mount({ article: sampleArticle({ id: 'other' }) });
    a.el.play();
    a.engine.fireStart();
    await flush(a.el);
    expect(a.el.playing).to.equal(true);
    b.el.play();
    b.engine.fireStart();
    await flush(a.el);
    await flush(b.el);
    expect(a.el.playing).to.equal(false);
    expect(a.el.state).to.equal('paused');
    expect(b.el.playing).to.equal(true);
  });
});
