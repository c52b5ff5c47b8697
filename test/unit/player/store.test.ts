// The playback store against the fake engine: requests in each state,
// confirmation by engine events, announcements, live rate changes, the
// previous-section rule and change events.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import { createPlayerStore, type PlayerStoreOptions } from '../../../src/player/store.ts';
import type { PlayerChangeEvent } from '../../../src/player/types.ts';
import { FAKE_VOICE, FakeClock, FakeSpeechEngine, makeArticle, type FakeEngineOptions } from '../../support/fake-engine.ts';

/** Three sections: an untitled lead, then "Second" and "Third". */
const threeSections = (): Article =>
  makeArticle([
    { paragraphs: [['Lead one.', 'Lead two.']] },
    { heading: 'Second', paragraphs: [['Two a.', 'Two b.'], ['Two c.']] },
    { heading: 'Third', paragraphs: [['Three a.']] },
  ]);

/** The store's timer on a fake clock. */
const on = (clock: FakeClock) => (fn: () => void, ms: number) => {
  const id = clock.setTimeout(fn, ms);
  return () => clock.clearTimeout(id);
};

/** A rate or volume change is applied once it has settled (the store's default 400 ms). */
const SETTLE = 400;

function setup(article: Article | null = threeSections(), options: Partial<PlayerStoreOptions> = {}, engineOptions: FakeEngineOptions = {}) {
  const clock = new FakeClock();
  const engine = new FakeSpeechEngine(engineOptions);
  const store = createPlayerStore({ engine, now: clock.now, schedule: on(clock), ...options });
  const events: PlayerChangeEvent[] = [];
  store.subscribe((e) => events.push(e));
  if (article) store.load(article);
  const texts = () => engine.spoken.map((r) => r.text);
  const id = () => store.state.position?.sentenceId;
  return { engine, store, clock, events, texts, id };
}

const changes = (e: PlayerChangeEvent | undefined) => [...(e?.changes ?? [])].sort();

/** Plays until the sentence `sentenceId` has started (skipping whole utterances). */
function playTo(h: ReturnType<typeof setup>, sentenceId: string): void {
  if (h.store.state.status !== 'playing') h.store.play();
  for (let i = 0; i < 50; i++) {
    const head = h.engine.current;
    if (!head) throw new Error('nothing queued');
    if (head.state === 'queued') h.engine.fireStart();
    if (h.id() === sentenceId && h.store.state.announcing === null) return;
    h.engine.fireEnd();
  }
  throw new Error(`never reached ${sentenceId}`);
}

describe('load', () => {
  it('is ready at the first sentence and speaks nothing', () => {
    const h = setup();
    expect(h.store.state.status).toBe('ready');
    expect(h.store.state.position).toEqual({ sectionIndex: 0, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 0, sentenceId: 's1p1s1' });
    expect(h.engine.calls).toEqual([]);
    expect(h.events).toHaveLength(1);
    expect(changes(h.events[0])).toEqual(['article', 'position', 'section', 'status']);
  });

  it('an article without sentences is an error, not a crash', () => {
    const h = setup(makeArticle([{ heading: 'Empty', paragraphs: [] }]));
    expect(h.store.state.status).toBe('error');
    expect(h.store.state.error?.code).toBe('empty-article');
    h.store.play();
    h.store.nextSentence();
    expect(h.engine.calls).toEqual([]);
  });

  it('setLoading and fail show the loader state; play is ignored there', () => {
    const h = setup(null);
    h.store.setLoading();
    expect(h.store.state.status).toBe('loading');
    h.store.fail({ code: 'load-failed', message: 'HTTP 404' });
    expect(h.store.state).toMatchObject({ status: 'error', error: { code: 'load-failed' } });
    h.store.play();
    expect(h.engine.calls).toEqual([]);
    h.store.load(threeSections());
    expect(h.store.state).toMatchObject({ status: 'ready', error: null });
  });

  it('loading another article while playing silences the first', () => {
    const h = setup();
    playTo(h, 's1p1s2');
    h.store.load(makeArticle([{ paragraphs: [['Other.']] }]));
    expect(h.engine.queue).toEqual([]);
    expect(h.store.state).toMatchObject({ status: 'ready', position: { sentenceId: 's1p1s1' } });
  });
});

describe('play to the end', () => {
  it('announces the title and headings and reads every sentence in order, then ends', () => {
    const h = setup();
    h.store.play();
    h.engine.finishAll();
    expect(h.texts()).toEqual(['The Title', 'Lead one.', 'Lead two.', 'Second', 'Two a.', 'Two b.', 'Two c.', 'Third', 'Three a.']);
    expect(h.store.state).toMatchObject({ status: 'ended', word: null, announcing: null, position: { sentenceId: 's3p1s1' } });
    expect(h.engine.maxSpeaking).toBe(1);
  });

  it('commits playing only on the start event, then each sentence as it starts', () => {
    const h = setup();
    h.events.length = 0;
    h.store.play();
    expect(h.store.state.status).toBe('ready');
    // Only that the voice is being prepared: nothing is playing until the engine says so.
    expect(h.events.map(changes)).toEqual([['starting']]);
    expect(h.store.state.starting).toBe(true);
    h.events.length = 0;
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', starting: false, announcing: 'title', position: { sentenceId: 's1p1s1' } });
    h.engine.fireEnd();
    h.engine.fireStart();
    expect(h.store.state.announcing).toBeNull();
    h.engine.fireEnd();
    expect(h.id()).toBe('s1p1s1'); // until the next one starts
    h.engine.fireStart();
    expect(h.id()).toBe('s1p1s2');
    expect(h.events.map(changes)).toEqual([['announcing', 'starting', 'status'], ['announcing'], ['position']]);
  });

  it('queues the next utterance ahead, so the engine never waits for us', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    expect(h.engine.queuedTexts).toEqual(['Lead one.', 'Lead two.']);
    h.engine.fireEnd();
    // Topped up in the end handler already: the engine holds the one after too.
    expect(h.engine.queuedTexts).toEqual(['Lead two.', 'Second']);
    h.engine.fireStart();
    expect(h.engine.queuedTexts).toEqual(['Lead two.', 'Second']);
    expect(h.engine.maxQueued).toBe(2);
  });

  it('uses titleSpeak and headingSpeak when present', () => {
    const h = setup(
      makeArticle([{ heading: 'Q&A', headingSpeak: 'Questions and answers', paragraphs: [['A.']] }], { title: 'U.N.', titleSpeak: 'United Nations' }),
    );
    h.store.play();
    h.engine.finishAll();
    expect(h.texts()).toEqual(['United Nations', 'Questions and answers', 'A.']);
  });

  it('does not announce a title the publisher skipped (announceTitle: false), headings still', () => {
    const h = setup(makeArticle([{ paragraphs: [['A.']] }, { heading: 'Two', paragraphs: [['B.']] }], { title: 'Shown only', announceTitle: false }));
    h.store.play();
    h.engine.finishAll();
    expect(h.texts()).toEqual(['A.', 'Two', 'B.']);
  });

  it('while a heading is announced, position is its section first sentence', () => {
    const h = setup();
    playTo(h, 's1p1s2');
    h.engine.fireEnd();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1', sectionIndex: 1 } });
    expect(changes(h.events.at(-1))).toEqual(['announcing', 'position', 'section']);
  });

  it('announceHeadings off: no title, no headings; it emits once per real change', () => {
    const h = setup(threeSections(), { announceHeadings: false });
    h.store.setAnnounceHeadings(false);
    expect(h.events).toHaveLength(1);
    h.store.play();
    h.engine.finishAll();
    expect(h.texts()).toEqual(['Lead one.', 'Lead two.', 'Two a.', 'Two b.', 'Two c.', 'Three a.']);
    h.store.setAnnounceHeadings(true);
    expect(changes(h.events.at(-1))).toEqual(['announceHeadings']);
  });

  it('play from ended starts again from the beginning, title included', () => {
    const h = setup();
    h.store.play();
    h.engine.finishAll();
    h.engine.clearCalls();
    h.store.play();
    expect(h.store.state).toMatchObject({ status: 'ready', position: { flatIndex: 0 } });
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', announcing: 'title' });
    expect(h.texts()[0]).toBe('The Title');
  });

  it('gives the engine the article language, rate, volume and chosen voice', async () => {
    const fr = { ...FAKE_VOICE, id: 'fr', lang: 'fr-FR' };
    const gb = { ...FAKE_VOICE, id: 'gb', lang: 'en-GB', isDefault: false };
    const h = setup(null, { rate: 1.5, volume: 0.5 }, { voices: [fr, gb] });
    await Promise.resolve();
    h.store.load(threeSections());
    expect(h.store.state.voice?.id).toBe('gb');
    h.store.play();
    expect(h.engine.lastRequest).toMatchObject({ lang: 'en-GB', rate: 1.5, volume: 0.5, voice: { id: 'gb' } });
  });
});

describe('a speed set before Play', () => {
  it('is not re-spoken once Play has started (a remembered speed applied at load, then Play within the settle time)', () => {
    const h = setup();
    h.store.setRate(3);
    h.store.play();
    h.engine.fireStart();
    const before = h.engine.spoken.length;
    h.clock.advance(SETTLE * 2);
    // Nothing was sounding when the speed changed: the title goes on, not restarted.
    expect(h.engine.spoken.length).toBe(before);
    expect(h.engine.lastRequest).toMatchObject({ rate: 3 });
  });
});

describe('pause and resume', () => {
  it('canPause engine: pause and resume go through the engine and keep the utterance', () => {
    const h = setup();
    playTo(h, 's1p1s2');
    h.engine.clearCalls();
    h.store.pause();
    expect(h.engine.calls).toEqual([{ type: 'pause' }]);
    expect(h.store.state.status).toBe('paused');
    h.store.play();
    expect(h.engine.calls.at(-1)).toEqual({ type: 'resume' });
    expect(h.store.state.status).toBe('playing');
    h.engine.fireEnd();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1' } });
  });

  it('canPause=false, estimated boundaries: pause and a rate change go on from what was surely heard, the highlight stays on the guess', () => {
    const h = setup(makeArticle([{ paragraphs: [['The quick brown fox jumps over it.', 'Next one.']] }]), {}, { canPause: false });
    playTo(h, 's1p1s1');
    // The engine guesses "fox" (16) is sounding; it knows only "The quick" (up to 4) was heard.
    h.engine.fireBoundary(16, 3, true, 4);
    h.engine.clearCalls();
    h.store.pause();
    expect(h.store.state).toMatchObject({ status: 'paused', word: { start: 16, end: 19 } });
    h.engine.clearCalls();
    h.store.play();
    expect(h.texts().at(-2)).toBe('quick brown fox jumps over it.');
    h.engine.fireStart();
    // In the remainder: guessed at "over" (21 of it, 27 in the sentence), heard up to "brown" (6, 12).
    h.engine.fireBoundary(21, 4, true, 6);
    h.store.setRate(2);
    h.clock.advance(SETTLE);
    expect(h.texts().at(-2)).toBe('brown fox jumps over it.');
    // A real boundary is where the voice is: no going back.
    h.engine.fireStart();
    h.engine.fireBoundary(10, 5);
    h.store.pause();
    h.store.play();
    expect(h.texts().at(-2)).toBe('jumps over it.');
  });

  it('canPause=false: pause cancels and play re-speaks the sentence from its last word', () => {
    const h = setup(makeArticle([{ paragraphs: [['The quick brown fox jumps.', 'Next one.']] }]), {}, { canPause: false });
    playTo(h, 's1p1s1');
    h.engine.fireBoundary(); // The
    h.engine.fireBoundary(); // quick
    h.engine.fireBoundary(); // brown
    h.engine.clearCalls();
    h.store.pause();
    expect(h.engine.calls).toEqual([{ type: 'cancel' }]);
    expect(h.store.state).toMatchObject({ status: 'paused', word: { start: 10, end: 15 } });
    h.store.play();
    expect(h.texts()).toEqual(['brown fox jumps.', 'Next one.']);
    expect(h.store.state.status).toBe('paused');
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ status: 'playing', word: { start: 10, end: 15 } });
    h.engine.fireBoundary(); // brown, now at 0 of the remainder
    h.engine.fireBoundary(); // fox
    expect(h.store.state.word).toMatchObject({ sentenceId: 's1p1s1', start: 16, end: 19 });
  });

  it('toggle follows the state; pause before the start event cancels the pending play', () => {
    const h = setup();
    h.store.toggle();
    expect(h.engine.queue).toHaveLength(2);
    h.store.toggle();
    expect(h.engine.queue).toHaveLength(0);
    expect(h.store.state.status).toBe('ready');
    h.store.toggle();
    h.engine.fireStart();
    h.store.toggle();
    expect(h.store.state.status).toBe('paused');
    h.store.toggle();
    expect(h.store.state.status).toBe('playing');
  });

  it('play twice while starting speaks once', () => {
    const h = setup();
    h.store.play();
    h.store.play();
    expect(h.engine.callsOf('speak')).toHaveLength(2); // title + lookahead, not four
  });

  it('pause between two utterances resumes with the next one (cancel mode)', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    h.engine.fireEnd(); // "Lead one." over, "Lead two." not started yet
    h.store.pause();
    expect(h.store.state).toMatchObject({ status: 'paused', position: { sentenceId: 's1p1s2' } });
    h.engine.clearCalls();
    h.store.play();
    expect(h.texts()[0]).toBe('Lead two.');
  });
});

describe('stop', () => {
  it('cancels and stays at the current sentence in ready; play restarts it from the top', () => {
    const h = setup();
    playTo(h, 's2p1s1');
    h.engine.fireBoundary();
    h.engine.fireBoundary();
    h.store.stop();
    expect(h.engine.queue).toEqual([]);
    expect(h.store.state).toMatchObject({ status: 'ready', word: null, position: { sentenceId: 's2p1s1' } });
    h.engine.clearCalls();
    h.store.play();
    expect(h.texts()).toEqual(['Second', 'Two a.']);
  });

  it('does nothing when already ready or ended', () => {
    const h = setup();
    h.store.stop();
    expect(h.events).toHaveLength(1);
    h.store.play();
    h.engine.finishAll();
    const n = h.events.length;
    h.store.stop();
    expect(h.events).toHaveLength(n);
    expect(h.store.state.status).toBe('ended');
  });
});

describe('navigation', () => {
  it('while playing: the new position is committed when its utterance starts', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    h.engine.clearCalls();
    h.store.nextSentence();
    expect(h.engine.calls[0]).toEqual({ type: 'cancel' });
    expect(h.texts()).toEqual(['Lead two.', 'Second']);
    expect(h.id()).toBe('s1p1s1');
    h.engine.fireStart();
    expect(h.id()).toBe('s1p1s2');
  });

  it('rapid presses each count, even before the engine confirms', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    h.store.nextSentence();
    h.store.nextSentence();
    h.store.nextSentence();
    h.engine.fireStart();
    expect(h.id()).toBe('s2p1s2');
    expect(h.engine.maxSpeaking).toBe(1);
  });

  it('while paused or ready: committed at once, status kept, nothing spoken', () => {
    const h = setup();
    h.store.nextSection();
    expect(h.store.state).toMatchObject({ status: 'ready', position: { sentenceId: 's2p1s1' } });
    playTo(h, 's2p1s2');
    h.store.pause();
    h.engine.clearCalls();
    h.store.seek('s3p1s1');
    expect(h.store.state).toMatchObject({ status: 'paused', position: { sentenceId: 's3p1s1' } });
    expect(h.engine.calls).toEqual([{ type: 'cancel' }]); // drops the held utterance
    h.store.play();
    expect(h.texts()).toEqual(['Third', 'Three a.']);
  });

  it('seek to a mid-section sentence does not announce the heading; unknown ids are ignored', () => {
    const h = setup();
    h.store.seek('nope');
    expect(h.events).toHaveLength(1);
    h.store.seek('s2p2s1');
    h.store.play();
    expect(h.texts()[0]).toBe('Two c.');
  });

  it('next at the last sentence or section does nothing; previous at the first restarts it', () => {
    const h = setup();
    h.store.seek('s3p1s1');
    const n = h.events.length;
    h.store.nextSentence();
    h.store.nextSection();
    expect(h.events).toHaveLength(n);
    h.store.seek('s1p1s1');
    h.store.previousSentence();
    h.store.play();
    h.engine.fireStart();
    h.engine.fireEnd();
    h.engine.fireStart();
    h.engine.clearCalls();
    h.store.previousSentence();
    expect(h.texts()[0]).toBe('The Title');
  });

  it('navigation from ended goes back to ready', () => {
    const h = setup();
    h.store.play();
    h.engine.finishAll();
    h.store.previousSentence();
    expect(h.store.state).toMatchObject({ status: 'ready', position: { sentenceId: 's2p2s1' } });
  });

  it('between two sentences (one ended, the next not started) next and previous count from the one just heard', () => {
    // Real engines leave a gap (speech-dispatcher: 100 ms and more) in which the
    // listener still sees the sentence that ended. A press then must skip nothing unheard.
    const h = setup();
    playTo(h, 's1p1s2');
    h.engine.fireEnd(); // "Lead two." over; the heading of the next section not started
    expect(h.id()).toBe('s1p1s2');
    h.store.nextSection();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1' } });
    expect(h.engine.current?.request.text).toBe('Second');

    playTo(h, 's2p1s1');
    h.engine.fireEnd();
    h.store.nextSentence();
    h.engine.fireStart();
    expect(h.id(), 'the next sentence, not the one after it').toBe('s2p1s2');

    h.engine.fireEnd();
    h.store.previousSentence();
    h.engine.fireStart();
    expect(h.id(), 'the one before the sentence just heard').toBe('s2p1s1');
  });

  it('nextSection while playing announces the next heading', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    h.store.nextSection();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1' } });
    expect(h.engine.current?.request.text).toBe('Second');
  });
});

describe('previous section: the 2 s rule on the injected clock', () => {
  it('within 2 s of playing a section goes to the section before', () => {
    const h = setup();
    playTo(h, 's1p1s2');
    h.engine.fireEnd();
    h.engine.fireStart(); // "Second" heading starts
    h.clock.advance(1999);
    h.store.previousSection();
    h.engine.fireStart();
    expect(h.id()).toBe('s1p1s1');
  });

  it('after 2 s goes to the start of the current section', () => {
    const h = setup();
    playTo(h, 's2p1s2');
    h.clock.advance(2000);
    h.store.previousSection();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1' } });
  });

  it('counts listening time only: paused time does not run the clock', () => {
    const h = setup();
    h.store.nextSection();
    playTo(h, 's2p1s1');
    h.clock.advance(1000);
    h.store.pause();
    h.clock.advance(60_000);
    h.store.previousSection();
    expect(h.id()).toBe('s1p1s1');
  });

  it('twice in quick succession goes back two sections', () => {
    const h = setup();
    h.store.seek('s3p1s1');
    playTo(h, 's3p1s1');
    h.clock.advance(500);
    h.store.previousSection();
    h.clock.advance(100);
    h.store.previousSection();
    h.engine.fireStart();
    expect(h.store.state).toMatchObject({ announcing: 'title', position: { sentenceId: 's1p1s1' } });
  });

  it('after a seek into the middle of a section, goes to its start', () => {
    const h = setup();
    h.store.seek('s2p2s1');
    h.store.previousSection();
    expect(h.id()).toBe('s2p1s1');
  });
});

describe('rate, volume and voice, applied live', () => {
  const fox = () => makeArticle([{ paragraphs: [['The quick brown fox jumps.', 'Then it rests.']] }]);

  it('a rate change mid-sentence re-speaks from the current word, boundaries mapped back', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.engine.fireBoundary(); // The
    h.engine.fireBoundary(); // quick
    h.engine.fireBoundary(); // brown
    h.engine.clearCalls();
    h.store.setRate(2);
    expect(h.store.state.rate).toBe(2);
    expect(h.engine.calls, 'nothing re-spoken before the change settles').toEqual([]);
    h.clock.advance(SETTLE);
    expect(h.engine.calls.map((c) => c.type)).toEqual(['cancel', 'speak', 'speak']);
    expect(h.engine.spoken).toMatchObject([
      { text: 'brown fox jumps.', rate: 2 },
      { text: 'Then it rests.', rate: 2 },
    ]);
    expect(h.store.state.status).toBe('playing');
    const before = h.events.length;
    h.engine.fireStart();
    expect(h.events).toHaveLength(before); // same sentence, same word: nothing to report
    h.engine.fireBoundary(); // brown again (the current word, once)
    h.engine.fireBoundary(); // fox
    expect(h.store.state.word).toEqual({ sentenceId: 's1p1s1', start: 16, end: 19, estimated: false });
    h.engine.fireBoundary(); // jumps.
    h.store.setRate(0.75);
    h.clock.advance(SETTLE);
    expect(h.engine.spoken.at(-2)).toMatchObject({ text: 'jumps.', rate: 0.75 });
  });

  it('before any boundary the whole sentence is re-spoken', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.engine.clearCalls();
    h.store.setRate(1.25);
    h.clock.advance(SETTLE);
    expect(h.texts()[0]).toBe('The quick brown fox jumps.');
  });

  it('clamps to 0.5–3, rounds float noise and emits only real changes', () => {
    const h = setup();
    const n = h.events.length;
    h.store.setRate(1);
    h.store.setRate(Number.NaN);
    expect(h.events).toHaveLength(n);
    h.store.setRate(10);
    expect(h.store.state.rate).toBe(3);
    h.store.setRate(3);
    h.store.setRate(0.1);
    expect(h.store.state.rate).toBe(0.5);
    h.store.setRate(1.1000000000000001);
    expect(h.store.state.rate).toBe(1.1);
    expect(h.events.slice(n).map(changes)).toEqual([['rate'], ['rate'], ['rate']]);
  });

  it('while paused on a canPause engine: drops the held utterance, resume speaks the rest at the new rate', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.engine.fireBoundary();
    h.engine.fireBoundary();
    h.store.pause();
    h.engine.clearCalls();
    h.store.setRate(2.5);
    h.clock.advance(SETTLE);
    expect(h.engine.calls).toEqual([{ type: 'cancel' }]);
    expect(h.store.state.status).toBe('paused');
    h.store.play();
    expect(h.engine.spoken[0]).toMatchObject({ text: 'quick brown fox jumps.', rate: 2.5 });
  });

  it('volume is live too and clamped to 0–1', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.engine.fireBoundary();
    h.engine.fireBoundary();
    h.engine.clearCalls();
    h.store.setVolume(7);
    expect(h.store.state.volume).toBe(1);
    expect(h.engine.calls).toEqual([]);
    h.store.setVolume(0.25);
    h.clock.advance(SETTLE);
    expect(h.engine.spoken[0]).toMatchObject({ text: 'quick brown fox jumps.', volume: 0.25 });
  });

  it('ten speed steps in a row show every value at once and restart the voice once, 400 ms after the last, from the current word', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.engine.fireBoundary(); // The
    h.engine.fireBoundary(); // quick
    h.engine.clearCalls();
    const shown: number[] = [];
    h.store.subscribe((e) => e.changes.has('rate') && shown.push(e.state.rate));
    for (let i = 1; i <= 10; i++) {
      h.store.setRate(1 + i / 10);
      h.clock.advance(50); // a held arrow key repeats about this fast
    }
    expect(shown).toEqual([1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2]);
    expect(h.engine.calls, 'still the old utterance, uninterrupted').toEqual([]);
    h.clock.advance(SETTLE - 50 - 1);
    expect(h.engine.calls).toEqual([]);
    h.clock.advance(1);
    expect(h.engine.calls.filter((c) => c.type === 'cancel')).toHaveLength(1);
    expect(h.engine.spoken[0]).toMatchObject({ text: 'quick brown fox jumps.', rate: 2 });
    h.clock.advance(5000);
    expect(h.engine.calls.filter((c) => c.type === 'cancel'), 'one restart in all').toHaveLength(1);
  });

  it('a seek or pause while a change settles speaks with the new rate and leaves no late restart', () => {
    const h = setup(fox());
    playTo(h, 's1p1s1');
    h.store.setRate(2);
    h.store.nextSentence();
    expect(h.engine.spoken.at(-1)).toMatchObject({ text: 'Then it rests.', rate: 2 });
    h.engine.clearCalls();
    h.clock.advance(SETTLE);
    expect(h.engine.calls).toEqual([]);
    h.store.dispose();
  });

  it('setVoice picks from the list, ignores unknown ids, re-speaks live', async () => {
    const other = { ...FAKE_VOICE, id: 'other', name: 'Other' };
    const h = setup(fox(), {}, { voices: [FAKE_VOICE, other] });
    await Promise.resolve();
    expect(h.store.state.voices).toHaveLength(2);
    playTo(h, 's1p1s1');
    h.engine.clearCalls();
    const n = h.events.length;
    h.store.setVoice('missing');
    h.store.setVoice(h.store.state.voice?.id ?? null);
    expect(h.events).toHaveLength(n);
    h.store.setVoice('other');
    expect(changes(h.events.at(-1))).toEqual(['voice']);
    expect(h.engine.spoken[0]).toMatchObject({ text: 'The quick brown fox jumps.', voice: { id: 'other' } });
  });
});

describe('follow-along words', () => {
  it('maps boundaries in the spoken form back to the displayed text', () => {
    const h = setup(makeArticle([{ paragraphs: [[['Dr. Who met 3 people.', 'Doctor Who met three people.']]] }]));
    playTo(h, 's1p1s1');
    h.engine.fireBoundary(0, 6); // Doctor
    expect(h.store.state.word).toMatchObject({ start: 0, end: 3 });
    h.engine.fireBoundary(21, 7); // people.
    expect(h.store.state.word).toMatchObject({ start: 14, end: 21 });
  });
});

describe('change events', () => {
  it('listeners get changes, state and previous; unsubscribe stops them', () => {
    const h = setup();
    let last: PlayerChangeEvent | null = null;
    const off = h.store.subscribe((e) => (last = e));
    h.store.nextSentence();
    expect(last).toMatchObject({ state: { position: { flatIndex: 1 } }, previous: { position: { flatIndex: 0 } } });
    off();
    last = null;
    h.store.nextSentence();
    expect(last).toBeNull();
  });

  it('a throwing listener does not stop the others or the store', async () => {
    const h = setup();
    await Promise.resolve(); // let the voice list arrive first
    const seen: string[] = [];
    h.store.subscribe(() => {
      throw new Error('boom');
    });
    h.store.subscribe((e) => seen.push(e.state.position?.sentenceId ?? ''));
    const errors: unknown[] = [];
    const onErr = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onErr);
    try {
      h.store.nextSentence();
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      process.off('uncaughtException', onErr);
    }
    expect(seen).toEqual(['s1p1s2']);
    expect(h.id()).toBe('s1p1s2');
    expect(errors).toMatchObject([{ message: 'boom' }]); // reported, not swallowed
  });

  it('dispose cancels speech and ignores later events and requests', () => {
    const h = setup();
    playTo(h, 's1p1s1');
    const n = h.events.length;
    h.store.dispose();
    expect(h.engine.queue).toEqual([]);
    h.store.play();
    expect(h.events).toHaveLength(n);
  });

  it('a store with no article ignores every playback request', () => {
    const h = setup(null);
    for (const f of ['play', 'pause', 'toggle', 'stop', 'nextSentence', 'previousSentence', 'nextSection', 'previousSection'] as const) h.store[f]();
    h.store.seek('s1p1s1');
    expect(h.engine.calls).toEqual([]);
    expect(h.store.state.status).toBe('idle');
  });
});

describe('createPlayerStore options', () => {
  it('clamps the initial rate and volume', () => {
    const s = createPlayerStore({ engine: new FakeSpeechEngine(), rate: 9, volume: -1 });
    expect(s.state).toMatchObject({ rate: 3, volume: 0, status: 'idle', announceHeadings: true });
  });
});

describe('on an engine that speaks by itself (auto mode, fake clock)', () => {
  it('reads the article through in real order and timing; a live rate change speeds up the rest', () => {
    const clock = new FakeClock();
    const engine = new FakeSpeechEngine({ auto: { msPerChar: 10 }, clock });
    // A change that settles at once, to keep the timing below exact.
    const store = createPlayerStore({ engine, now: clock.now, schedule: on(clock), settleMs: 0 });
    store.load(threeSections());
    const started: string[] = [];
    store.subscribe((e) => {
      if (e.changes.has('position') || e.changes.has('announcing')) started.push(e.state.announcing ?? e.state.position?.sentenceId ?? '');
    });
    store.play();
    clock.advance(0);
    expect(store.state.status).toBe('playing');
    clock.advance(95); // "The Title" (9 chars) is 90 ms, then 5 ms into "Lead one."
    expect(store.state).toMatchObject({ announcing: null, position: { sentenceId: 's1p1s1' }, word: { start: 0, end: 4 } });
    store.setRate(2);
    clock.runAll();
    expect(store.state.status).toBe('ended');
    expect(started).toEqual(['title', 's1p1s1', 's1p1s2', 'heading', 's2p1s1', 's2p1s2', 's2p2s1', 'heading', 's3p1s1']);
    // 90 ms of title + 5 ms at rate 1, then the rest (9 + 9 + 6 + 6 + 6 + 6 + 5 + 8 chars) at half the time.
    expect(clock.now()).toBe(95 + (55 * 10) / 2);
  });

  it('the 2 s rule follows listening time on the engine clock', () => {
    const clock = new FakeClock();
    const engine = new FakeSpeechEngine({ auto: { msPerChar: 100 }, clock });
    const store = createPlayerStore({ engine, now: clock.now });
    store.load(threeSections());
    store.nextSection(); // "Second" heading: 600 ms, "Two a.": 600 ms, "Two b."…
    store.play();
    clock.advance(1500);
    store.previousSection();
    clock.advance(0);
    expect(store.state.position?.sectionIndex).toBe(0);
    store.nextSection();
    clock.advance(2500);
    store.previousSection();
    clock.advance(0);
    expect(store.state).toMatchObject({ announcing: 'heading', position: { sentenceId: 's2p1s1' } });
  });
});
