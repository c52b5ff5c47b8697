/// <reference types="mocha" />
// Play while the voice is being prepared: the button says it is busy (after
// a short grace, so quick voices never flicker), a press then cancels to a
// clear, playable state, told once; and a voice the engine replaced
// mid-article is told once, in words and on screen.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { cleanup, flush, mount, playButton, q, status, until } from '../support/player.ts';
import type { VoiceInfo } from '../../../src/speech/types.ts';

afterEach(cleanup);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('aloud-player while the voice is prepared', () => {
  it('shows a busy Play button, and a press then cancels to a playable state', async () => {
    const { el, engine, root } = await mount();
    playButton(root).focus();
    await sendKeys({ press: 'Space' });
    const play = await until(() => (playButton(root).getAttribute('aria-busy') === 'true' ? playButton(root) : null), 'the busy state');
    expect(play.getAttribute('aria-label')).to.equal('Preparing voice, press to cancel');
    expect(play.textContent?.trim()).to.equal('Preparing voice');
    expect(play.querySelector('.spinner')).to.not.equal(null);
    expect(status(root)).to.equal('Preparing the voice');
    expect(await axeViolations(el)).to.deep.equal([]);

    await sendKeys({ press: 'Space' }); // give up waiting
    await flush(el);
    expect(playButton(root).hasAttribute('aria-busy')).to.equal(false);
    expect(playButton(root).textContent?.trim()).to.equal('Play');
    expect(status(root)).to.equal('Stopped. Press Play to start again.');
    expect(el.state).to.equal('ready');
    expect(engine.queue).to.deep.equal([]);

    await sendKeys({ press: 'Space' }); // and it plays when asked again
    await until(() => engine.queue.length > 0, 'speak');
    engine.fireStart();
    await flush(el);
    expect(el.playing).to.equal(true);
    expect(playButton(root).textContent?.trim()).to.equal('Pause');
    expect(playButton(root).hasAttribute('aria-busy')).to.equal(false);
  });

  it('never flickers busy when the voice starts at once', async () => {
    const { el, engine, root } = await mount();
    const seen: (string | null)[] = [];
    const observer = new MutationObserver(() => seen.push(playButton(root).getAttribute('aria-busy')));
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    playButton(root).click();
    await until(() => engine.queue.length > 0, 'speak');
    engine.fireStart();
    await flush(el);
    await sleep(400);
    observer.disconnect();
    expect(seen.filter((v) => v === 'true')).to.deep.equal([]);
    expect(status(root)).to.not.equal('Preparing the voice');
  });

  it('tells once, in words and on screen, that the voice was replaced mid-article', async () => {
    const { el, engine, root } = await mount();
    expect(engine.changeListenerCount).to.equal(1);
    playButton(root).click();
    await until(() => engine.queue.length > 0, 'speak');
    engine.fireStart();
    await flush(el);
    const to: VoiceInfo = { id: 'gmw/en', name: 'eSpeak English (Great Britain)', lang: 'en-GB', isDefault: false, localService: true, engine: 'fallback' };
    engine.emitChange({ voices: [to], replaced: { reason: 'network', from: el.store!.state.voice, to } });
    await flush(el);
    const words = 'The online voice could not be reached, so reading goes on with eSpeak English (Great Britain).';
    expect(status(root)).to.equal(words);
    expect(q(root, '[part="notice"]').textContent?.trim()).to.equal(words);
    expect(el.playing).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
