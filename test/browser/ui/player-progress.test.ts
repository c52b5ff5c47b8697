// aloud-progress and aloud-end through <aloud-player>, driven by the fake engine.
import { expect } from '@esm-bundle/chai';
import { cleanup, flush, mount, playButton } from '../support/player.ts';
import type { AloudProgressDetail } from '../../../src/ui/controllers/event-bridge.ts';

afterEach(cleanup);

async function mounted() {
  const m = await mount();
  const progress: CustomEvent<AloudProgressDetail>[] = [];
  const ends: Event[] = [];
  // Listening on the document: the events bubble out of the element and are composed.
  const onProgress = (e: Event) => progress.push(e as CustomEvent<AloudProgressDetail>);
  const onEnd = (e: Event) => ends.push(e);
  document.addEventListener('aloud-progress', onProgress);
  document.addEventListener('aloud-end', onEnd);
  after(() => {
    document.removeEventListener('aloud-progress', onProgress);
    document.removeEventListener('aloud-end', onEnd);
  });
  return { ...m, progress, ends };
}

describe('<aloud-player> aloud-progress and aloud-end', () => {
  it('plays to the end: throttled progress on the way, fraction 1, then one aloud-end', async () => {
    const { el, engine, root, progress, ends } = await mounted();
    playButton(root).click();
    await flush(el);
    // Nine sentences (and the title and headings) finished well inside a second.
    engine.finishAll();
    await flush(el);
    expect(el.state).to.equal('ended');
    expect(ends).to.have.length(1);
    // The first sentence the article moved on to, then nothing until the end (all inside one second).
    expect(progress.map((e) => e.detail.fraction)).to.deep.equal([progress[0]!.detail.fraction, 1]);
    expect(progress[0]!.detail.sentenceId).to.equal('s1p1s2');
    const last = progress[1]!;
    expect(last.bubbles && last.composed).to.equal(true);
    expect(last.detail).to.deep.equal({ fraction: 1, sentenceId: 's4p1s1', sectionIndex: 3, elapsedSeconds: last.detail.totalSeconds, totalSeconds: last.detail.totalSeconds });
    // 22 words at 160 a minute.
    expect(last.detail.totalSeconds).to.equal(8.3);
  });

  it('fires at once for every sentence the listener jumps to; a stop is no end', async () => {
    const { el, engine, root, progress, ends } = await mounted();
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    // While playing, the store moves once the engine starts the new sentence.
    el.nextSection();
    engine.fireStart(); // the heading
    await flush(el);
    el.previousSentence();
    engine.fireStart();
    await flush(el);
    // The next sentence while playing, asked for within the second: reported too.
    el.nextSentence();
    engine.fireStart();
    await flush(el);
    el.pause();
    el.seek('s3p1s2');
    await flush(el);
    expect(progress.map((e) => [e.detail.sentenceId, e.detail.sectionIndex])).to.deep.equal([
      ['s2p1s1', 1],
      ['s1p3s1', 0],
      ['s2p1s1', 1],
      ['s3p1s2', 2],
    ]);
    // Six of the 22 words come before "Point two.".
    expect(progress[1]!.detail.fraction).to.equal(6 / 22);
    el.play();
    engine.fireStart();
    await flush(el);
    el.store!.stop();
    await flush(el);
    expect(el.state).to.equal('ready');
    expect(ends).to.have.length(0);
  });
});

describe('<aloud-player> aloud-progress for the very next sentence', () => {
  it('reports a seek to the next sentence and a click on the one after it, each at once while playing', async () => {
    const { el, engine, root, progress } = await mounted();
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    const at = el.store!.state.position!.flatIndex;
    const ids = [...root.querySelectorAll<HTMLElement>('.s')].map((s) => s.dataset['id']!);
    // Each move is to the sentence right after the current one, well inside a second.
    el.seek(ids[at + 1]!);
    engine.fireStart();
    await flush(el);
    root.querySelector<HTMLElement>(`.s[data-id="${ids[at + 2]}"]`)!.click();
    engine.fireStart();
    await flush(el);
    expect(progress.map((e) => e.detail.sentenceId)).to.deep.equal([ids[at + 1], ids[at + 2]]);
  });
});
