// The player's transport on its own, over a real store and a fake engine:
// requests, one voice per page, Play's busy state and its cancel, and which
// section moves are announced.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { PlayerStore } from '../../../src/player/types.ts';
import { indexArticle } from '../../../src/ui/player/article-index.ts';
import { BUSY_AFTER_MS, Transport } from '../../../src/ui/player/transport.ts';
import { strings, type UiStrings } from '../../../src/ui/strings.ts';
import { FakeSpeechEngine, makeArticle } from '../../support/fake-engine.ts';

const article = makeArticle(
  [
    { heading: 'One', paragraphs: [['A one.', 'A two.']] },
    { heading: 'Empty', paragraphs: [] },
    { heading: 'Three', paragraphs: [['C one.', 'C two.']] },
  ],
  { lang: 'en-GB', title: 'T' },
);

/** A host that counts its updates; its controllers are connected by hand. */
function host() {
  const controllers: { hostConnected?(): void; hostDisconnected?(): void }[] = [];
  return {
    updates: 0,
    controllers,
    addController(c: (typeof controllers)[number]) {
      controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

function setup(engine = new FakeSpeechEngine()) {
  const h = host();
  const store: PlayerStore = createPlayerStore({ engine });
  store.load(article);
  const said: string[] = [];
  const requests: string[] = [];
  let jumps = 0;
  let follows = 0;
  let helps = 0;
  const transport = new Transport(h, {
    request: (fn, name) => (requests.push(name ?? ''), fn(store)),
    store: () => store,
    state: () => store.state,
    article: () => article,
    index: () => indexArticle(article),
    say: (text) => said.push(text(strings as UiStrings)),
    sectionText: (i, t) => t.sectionText(i + 1, 3, article.sections[i]!.heading),
    jumped: () => void jumps++,
    follow: () => void follows++,
    help: () => void helps++,
  });
  for (const c of h.controllers) c.hostConnected?.();
  /** What a commit means for announcements, as the element reports it. */
  const afterCommit = (entered: number, moved: boolean) => transport.announce(entered, moved, store.state);
  return { h, store, engine, transport, said, requests, afterCommit, counts: () => ({ jumps, follows, helps }) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the player transport', () => {
  it('turns requests into store calls by name, and reports a next sentence as a jump', () => {
    const { transport, store, requests, counts } = setup();
    transport.play();
    transport.nextSentence();
    expect(store.state.position?.sentenceId).toBe('s1p1s2');
    transport.pause();
    expect(requests).toEqual(['play', 'nextSentence', 'pause']);
    expect(counts().jumps).toBe(1);
  });

  it('reports every move the listener asks for as a jump, and plain play or pause as none', () => {
    const { transport, counts } = setup();
    transport.play();
    transport.pause();
    expect(counts().jumps).toBe(0);
    transport.seek('s1p1s2');
    transport.previousSentence();
    transport.nextSection();
    transport.previousSection();
    transport.goToSection(2, false);
    transport.playFrom('s1p1s2');
    transport.run('end');
    expect(counts().jumps).toBe(7);
  });

  it('ignores a seek to an unknown sentence with a warning, and plays from a picked sentence', () => {
    const { transport, store, engine, counts } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    transport.seek('nope');
    expect(warn).toHaveBeenCalledOnce();
    expect(store.state.position?.sentenceId).toBe('s1p1s1');
    warn.mockRestore();
    transport.playFrom('s3p1s2');
    engine.fireStart();
    expect(store.state).toMatchObject({ status: 'playing', position: { sentenceId: 's3p1s2' } });
    expect(counts().follows).toBe(1);
  });

  it('goes to the nearest later section that has a sentence (an empty section is passed over)', () => {
    const { transport, store } = setup();
    transport.goToSection(1, false);
    expect(store.state.position?.sentenceId).toBe('s3p1s1');
    transport.goToSection(9, false);
    expect(store.state.position?.sentenceId).toBe('s3p1s1');
  });

  it('announces a section move the listener caused, and even one back into the section just announced, once', () => {
    const { transport, said, afterCommit } = setup();
    transport.run('nextSection');
    afterCommit(2, true);
    expect(said).toEqual(['Section 3 of 3: Three']);
    // Previous section within the section: same section, still heard.
    transport.run('previousSection');
    afterCommit(-1, true);
    expect(said.at(-1)).toMatch(/^Start of Section/);
    // The article going on by itself says nothing.
    said.length = 0;
    afterCommit(0, true);
    expect(said).toEqual([]);
  });

  it('marks Play busy only after BUSY_AFTER_MS without a first sound, says so once, and a press then cancels', () => {
    const engine = new FakeSpeechEngine();
    const { transport, store, said, h } = setup(engine);
    store.subscribe((e) => e.changes.has('starting') && transport.syncBusy(e.state.starting));
    transport.toggle();
    expect(store.state.starting).toBe(true);
    vi.advanceTimersByTime(BUSY_AFTER_MS - 1);
    expect(transport.busy).toBe(false);
    vi.advanceTimersByTime(1);
    expect(transport.busy).toBe(true);
    expect(said).toEqual(['Preparing the voice']);
    const updates = h.updates;
    transport.toggle();
    expect(store.state.starting).toBe(false);
    expect(transport.busy).toBe(false);
    expect(h.updates).toBeGreaterThan(updates);
    expect(said.at(-1)).toBe('Stopped. Press Play to start again.');
    // A quick first sound never shows the busy state.
    transport.toggle();
    engine.fireStart();
    vi.advanceTimersByTime(BUSY_AFTER_MS * 2);
    expect(transport.busy).toBe(false);
    expect(said).toHaveLength(2);
  });

  it('plays one player at a time: starting one pauses the one playing', () => {
    const a = setup();
    const b = setup();
    a.transport.play();
    a.engine.fireStart();
    expect(a.store.state.status).toBe('playing');
    b.transport.play();
    expect(a.store.state.status).not.toBe('playing');
    // A disconnected player is no longer paused by the others.
    b.engine.fireStart();
    for (const c of b.h.controllers) c.hostDisconnected?.();
    a.transport.play();
    expect(b.store.state.status).toBe('playing');
  });

  it('steps the speed and says the new one; at the limit nothing changes and nothing is said; help is passed on', () => {
    const { transport, store, said, counts } = setup();
    transport.run('faster');
    expect(store.state.rate).toBeGreaterThan(1);
    expect(said).toEqual([`${strings.rateLong(store.state.rate)}`]);
    store.setRate(3);
    said.length = 0;
    transport.run('faster');
    expect(store.state.rate).toBe(3);
    expect(said).toEqual([]);
    transport.run('help');
    expect(counts().helps).toBe(1);
  });
});
