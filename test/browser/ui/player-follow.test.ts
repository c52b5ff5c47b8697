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
}

describe('aloud-player follow-along', () => {
  before(() => {
    document.body.style.setProperty('--aloud-text-max-height', '240px');
  });

  it('has no axe violations on a long, scrolling article', async () => {
    const m = await mount({ article: longArticle() });
    expect(await axeViolations(m.el)).to.deep.equal([]);
  });

  it('scrolls the current sentence into view inside the text region only', async () => {
    const m = await mount({ article: longArticle() });
    const region = q(m.root, '[part="text"]');
    expect(region.scrollHeight).to.be.greaterThan(region.clientHeight * 3);
    const pageY = window.scrollY;
    await playTo(m, 's3p10s1');
    await until(() => inView(m.root, 's3p10s1'), 'the sentence in view');
    expect(region.scrollTop).to.be.greaterThan(0);
    expect(window.scrollY).to.equal(pageY);
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
    await playTo(m, 's5p20s1');
    await new Promise((r) => setTimeout(r, 100));
    expect(region.scrollTop).to.equal(scrolled);
    expect(inView(m.root, 's5p20s1')).to.equal(false);
    back.click();
    await until(() => inView(m.root, 's5p20s1'), 'back in view');
    await flush(m.el);
    expect(m.root.querySelector('[part="back-button"]')).to.equal(null);
    // Following again: the next jump is followed.
    await playTo(m, 's2p5s1');
    await until(() => inView(m.root, 's2p5s1'), 'followed again');
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
