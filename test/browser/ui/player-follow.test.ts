/// <reference types="mocha" />
// Follow-along: the text region keeps the current sentence in view while the
// listener lets it, and stops the moment they scroll away themselves.
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { longArticle } from '../support/fixtures.ts';
import { cleanup, flush, mount, q, until } from '../support/player.ts';
import type { Mounted } from '../support/player.ts';

afterEach(cleanup);

/** Is the sentence inside the text region's visible box? */
function inView(root: ShadowRoot, id: string): boolean {
  const region = q(root, '[part="text"]').getBoundingClientRect();
  const s = q(root, `[data-id="${id}"]`).getBoundingClientRect();
  return s.top >= region.top - 1 && s.bottom <= region.bottom + 1;
}

async function playTo({ el, engine }: Mounted, id: string): Promise<void> {
  el.seek(id);
  await flush(el);
  if (el.store!.state.status !== 'playing') {
    el.play();
    engine.fireStart();
  } else {
    engine.fireStart();
  }
  await flush(el);
  // Follow-along reads the geometry and scrolls in the next frame.
  await nextFrame();
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

describe('aloud-player follow-along', () => {
  before(() => {
    document.body.style.setProperty('--aloud-text-max-height', '240px');
  });

  it('has no axe violations on a long, scrolling article', async () => {
    const m = await mount({ article: longArticle() });
    expect(await axeViolations(m.el)).to.deep.equal([]);
  });

  it('scrolls the current sentence into view inside the text region, and the window only when the region is not in it', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    expect(region.scrollHeight).to.be.greaterThan(region.clientHeight * 3);
    await playTo(m, 's3p10s1');
    await until(() => inView(m.root, 's3p10s1'), 'the sentence in view');
    expect(region.scrollTop).to.be.greaterThan(0);
    const s = q(m.root, '[data-id="s3p10s1"]').getBoundingClientRect();
    expect(s.top >= 0 && s.bottom <= window.innerHeight, 'in the window too').to.equal(true);
    // Once in the window, the next sentences move the text, not the page.
    const pageY = window.scrollY;
    await playTo(m, 's3p12s1');
    await until(() => inView(m.root, 's3p12s1'), 'the next one in view');
    await new Promise((r) => setTimeout(r, 600)); // any smooth scroll done
    expect(window.scrollY).to.be.closeTo(pageY, 1);
  });

  it('stops following when the user scrolls with the wheel, and "Back to the current sentence" returns', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    await playTo(m, 's1p2s1');
    // What a wheel turn over the text delivers (sendMouse has no wheel): the event, then the scroll.
    region.dispatchEvent(new WheelEvent('wheel', { deltaY: 400, bubbles: true, composed: true }));
    region.scrollTop += 400;
    await flush(m.el);
    const back = q<HTMLButtonElement>(m.root, '[part="back-button"]');
    expect(back.textContent).to.equal('Back to the current sentence');
    const scrolled = region.scrollTop;
    // Playback moving on by itself is not followed while the listener reads elsewhere.
    for (let i = 0; i < 3; i++) {
      m.engine.fireEnd();
      await flush(m.el);
      m.engine.fireStart();
      await flush(m.el);
    }
    const now = m.el.store!.state.position!.sentenceId;
    expect(now).to.not.equal('s1p2s1');
    await new Promise((r) => setTimeout(r, 100));
    expect(region.scrollTop).to.equal(scrolled);
    back.click();
    await until(() => inView(m.root, now), 'back in view');
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.equal(null);
    // Following again: the next jump is followed.
    await playTo(m, 's2p5s1');
    await until(() => inView(m.root, 's2p5s1'), 'followed again');
  });

  it('follows again on a jump the listener asks for, and after 10 s without scrolling', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    await playTo(m, 's1p2s1');
    region.dispatchEvent(new WheelEvent('wheel', { deltaY: 400, bubbles: true, composed: true }));
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.not.equal(null);
    await playTo(m, 's5p20s1'); // a seek: the listener went somewhere
    await until(() => inView(m.root, 's5p20s1'), 'followed after the jump');
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.equal(null);

    region.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, bubbles: true, composed: true }));
    region.scrollTop = 0;
    await flush(m.el);
    const realNow = performance.now.bind(performance);
    const start = realNow();
    // A fake clock for the controller: 10 s pass at once.
    performance.now = () => realNow() - start + start + 10_001;
    try {
      m.engine.fireEnd();
      await flush(m.el);
      m.engine.fireStart();
      await flush(m.el);
      const next = m.el.store!.state.position!.sentenceId;
      await until(() => inView(m.root, next), 'followed after the pause');
      await flush(m.el);
      expect(m.root.querySelector('[part="back-button"]')).to.equal(null);
    } finally {
      performance.now = realNow;
    }
  });

  describe('in the window', () => {
    let spacer: HTMLElement;
    beforeEach(() => {
      // The player far down a page, its text taller than the window (no inner scrolling).
      spacer = document.createElement('div');
      spacer.style.height = '1500px';
      document.body.prepend(spacer);
      document.body.style.setProperty('--aloud-text-max-height', 'none');
    });
    afterEach(() => {
      spacer.remove();
      document.body.style.setProperty('--aloud-text-max-height', '240px');
      document.documentElement.style.scrollPaddingTop = '';
      window.scrollTo(0, 0);
    });
    const inWindow = (root: ShadowRoot, id: string, top = 0) => {
      const r = q(root, `[data-id="${id}"]`).getBoundingClientRect();
      return r.top >= top - 1 && r.bottom <= window.innerHeight + 1;
    };

    it('keeps the sentence in view of the window, below a sticky header declared with scroll-padding', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        document.documentElement.style.scrollPaddingTop = '120px';
        const m = await mount({ article: longArticle() });
        await playTo(m, 's3p10s1');
        await until(() => inWindow(m.root, 's3p10s1', 120), 'the sentence in the window, clear of the header');
        const r = q(m.root, '[data-id="s3p10s1"]').getBoundingClientRect();
        // A third of the way down the free band, not at its edge.
        expect(r.top).to.be.closeTo(120 + (window.innerHeight - 120) / 3, 2);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('leaves the window alone while the listener scrolls the page, until they jump', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const m = await mount({ article: longArticle() });
        await playTo(m, 's2p1s1');
        await until(() => inWindow(m.root, 's2p1s1'), 'followed');
        window.dispatchEvent(new WheelEvent('wheel', { deltaY: -500 }));
        window.scrollTo(0, 0);
        for (let i = 0; i < 3; i++) {
          m.engine.fireEnd();
          await flush(m.el);
          m.engine.fireStart();
          await flush(m.el);
        }
        await new Promise((r) => setTimeout(r, 50));
        expect(window.scrollY, 'not pulled back while reading elsewhere').to.equal(0);
        await playTo(m, 's4p3s1');
        await until(() => inWindow(m.root, 's4p3s1'), 'followed after the jump');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  it('does not scroll when the player is only ready (nothing playing)', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    m.el.seek('s4p1s1');
    await flush(m.el);
    await new Promise((r) => setTimeout(r, 50));
    expect(region.scrollTop).to.equal(0);
  });

  it('scrolls smoothly, but not under prefers-reduced-motion', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    const behaviours: (ScrollBehavior | undefined)[] = [];
    const scrollTo = region.scrollTo.bind(region) as (o: ScrollToOptions) => void;
    region.scrollTo = ((o: ScrollToOptions) => {
      behaviours.push(o.behavior);
      scrollTo(o);
    }) as typeof region.scrollTo;
    await playTo(m, 's3p1s1');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      await playTo(m, 's5p1s1');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    expect(behaviours).to.deep.equal(['smooth', 'auto']);
  });

  it('stops following on touch and on the scrollbar, not on a click in the text', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    await playTo(m, 's1p2s1');
    q(m.root, '[data-id="s1p3s1"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.equal(null);
    region.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await flush(m.el);
    q<HTMLButtonElement>(m.root, '[part="back-button"]').click();
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.equal(null);
    region.dispatchEvent(new TouchEvent('touchmove', { bubbles: true, composed: true }));
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.not.equal(null);
  });
});
