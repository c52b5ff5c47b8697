// Hands-free controllers against the real thing: Chromium's navigator.mediaSession,
// MediaMetadata, <audio>, Web Audio decoding and Screen Wake Lock, with the real
// player store over the fake engine, hosted by a real Lit element.
import { expect } from '@esm-bundle/chai';
import { LitElement, html } from 'lit';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { PlayerStore } from '../../../src/player/types.ts';
import {
  KeepAliveAudio,
  MediaSessionController,
  WakeLockController,
  type MediaSessionLike,
} from '../../../src/ui/hands-free/index.ts';
import { FakeSpeechEngine, makeArticle } from '../../support/fake-engine.ts';

const article = makeArticle(
  [
    { paragraphs: [['First lead sentence.', 'Second lead sentence.']] },
    { heading: 'Middle', paragraphs: [['A middle sentence.']] },
    { heading: 'End', paragraphs: [['The last sentence.']] },
  ],
  { title: 'A test article', byline: 'By A. Writer' },
);

const until = async (check: () => boolean, what: string, ms = 3000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** The real media session, with the handlers it was given kept where the test can call them. */
function recordingSession() {
  const real = navigator.mediaSession;
  const handlers = new Map<MediaSessionAction, MediaSessionActionHandler>();
  const positions: (MediaPositionState | undefined)[] = [];
  const session: MediaSessionLike = {
    setPositionState(state) {
      real.setPositionState(state); // throws for a state Chromium finds invalid
      positions.push(state);
    },
    get metadata() {
      return real.metadata;
    },
    set metadata(m) {
      real.metadata = m;
    },
    get playbackState() {
      return real.playbackState;
    },
    set playbackState(s) {
      real.playbackState = s;
    },
    setActionHandler(action, handler) {
      real.setActionHandler(action, handler); // throws for an action Chromium does not know
      if (handler) handlers.set(action, handler);
      else handlers.delete(action);
    },
  };
  return {
    session,
    handlers,
    positions,
    press: (a: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) => handlers.get(a)!({ action: a, ...details }),
  };
}

describe('keep-alive clip in Chromium', () => {
  it('the shipped file decodes as six seconds of quiet, non-silent audio', async () => {
    const ctx = new OfflineAudioContext(1, 8000, 8000);
    const wav = await (await fetch(new URL('../../../src/ui/hands-free/keep-alive.wav', import.meta.url))).arrayBuffer();
    const buffer = await ctx.decodeAudioData(wav);
    expect(buffer.duration).to.be.closeTo(6, 0.01);
    const data = buffer.getChannelData(0);
    let sum = 0;
    for (const x of data) sum += x * x;
    const dbfs = 20 * Math.log10(Math.sqrt(sum / data.length));
    expect(dbfs).to.be.within(-61, -59);
  });

  it('loops in a real <audio> element, stops on stop(), and reports an outside pause', async () => {
    let element: HTMLAudioElement | null = null;
    let interrupted = 0;
    const k = new KeepAliveAudio({
      createAudio: () => (element = new Audio()),
      onInterrupted: () => interrupted++,
    });
    k.start();
    await until(() => !!element && !element.paused && element.currentTime > 0.05, 'the clip to play');
    expect(new URL(element!.currentSrc).pathname).to.match(/\/keep-alive\.wav$/);
    expect(element!.loop).to.equal(true);
    expect(element!.duration).to.be.greaterThan(5);
    k.stop();
    expect(element!.paused).to.equal(true);
    expect(interrupted).to.equal(0);
    const playing = new Promise((r) => element!.addEventListener('playing', r, { once: true }));
    k.start();
    await playing; // the late 'pause' event of stop() has been and gone: it must not count
    expect(interrupted).to.equal(0);
    element!.pause(); // as the system does when another app takes audio focus
    await until(() => interrupted > 0, 'the interruption to be reported');
    await new Promise((r) => setTimeout(r, 50));
    expect(interrupted).to.equal(1);
    k.dispose();
    expect(element!.getAttribute('src')).to.equal(null);
  });
});

class HandsFreeHost extends LitElement {
  store: PlayerStore | null = null;
  recorder = recordingSession();
  audio: HTMLAudioElement | null = null;
  mediaSession = new MediaSessionController(this, null, {
    mediaSession: this.recorder.session,
    keepAlive: new KeepAliveAudio({ createAudio: () => (this.audio = new Audio()) }),
  });
  override render() {
    return html`<p>host</p>`;
  }
}
customElements.define('hands-free-host', HandsFreeHost);

describe('MediaSessionController in Chromium', () => {
  let host: HandsFreeHost;
  let engine: FakeSpeechEngine;
  let store: PlayerStore;

  beforeEach(() => {
    engine = new FakeSpeechEngine({ auto: { msPerChar: 20 } });
    store = createPlayerStore({ engine, announceHeadings: false });
    store.load(article);
    host = document.createElement('hands-free-host') as HandsFreeHost;
    document.body.append(host);
    host.mediaSession.store = store;
  });
  afterEach(() => {
    host.remove();
    store.dispose();
    engine.dispose();
    host.mediaSession.dispose();
  });

  it('gives Chromium a real MediaMetadata and every action handler', () => {
    const m = navigator.mediaSession.metadata!;
    expect(m).to.be.instanceOf(MediaMetadata);
    expect([m.title, m.artist, m.album]).to.deep.equal(['A test article', 'By A. Writer', 'Aloud']);
    expect([...host.recorder.handlers.keys()].sort()).to.deep.equal(
      ['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'seekto', 'stop'],
    );
  });

  it('gives Chromium position states it accepts, and seekto moves to a sentence', async () => {
    const { press, positions } = host.recorder;
    press('play');
    await until(() => store.state.status === 'playing', 'playing');
    const state = positions[positions.length - 1]!;
    expect(state.duration).to.be.greaterThan(0);
    expect(state.position).to.equal(0);
    expect(state.playbackRate).to.equal(1);
    press('seekto', { seekTime: state.duration! });
    await until(() => store.state.position?.sectionIndex === store.state.article!.sections.length - 1, 'the last section');
    const after = positions[positions.length - 1]!;
    expect(after.position).to.be.greaterThan(0);
    expect(after.position).to.be.at.most(after.duration!);
    press('pause');
    await until(() => store.state.status === 'paused', 'paused');
  });

  it('headphone and lock-screen actions drive the store, and the state flows back', async () => {
    const { press } = host.recorder;
    press('play');
    await until(() => store.state.status === 'playing', 'playing');
    expect(navigator.mediaSession.playbackState).to.equal('playing');
    await until(() => !!host.audio && !host.audio.paused, 'the keep-alive clip');

    press('nexttrack');
    await until(() => store.state.position?.sectionIndex === 1, 'the next section');
    press('seekforward');
    await until(() => store.state.position?.sectionIndex === 2, 'the next sentence (first of the last section)');
    press('seekbackward');
    await until(() => store.state.position?.sectionIndex === 1, 'the previous sentence');

    press('pause');
    await until(() => store.state.status === 'paused', 'paused');
    expect(navigator.mediaSession.playbackState).to.equal('paused');
    expect(host.audio!.paused).to.equal(true);
  });

  it('removes itself from the media session when the host leaves the page', () => {
    host.remove();
    expect(navigator.mediaSession.metadata).to.equal(null);
    expect(navigator.mediaSession.playbackState).to.equal('none');
    expect(host.recorder.handlers.size).to.equal(0);
  });
});

describe('WakeLockController in Chromium', () => {
  it('asks the real API while playing and lets go on pause (or carries on when refused)', async () => {
    expect('wakeLock' in navigator).to.equal(true);
    const requests: string[] = [];
    const real = navigator.wakeLock;
    const c = new WakeLockController(null, null, {
      enabled: true,
      wakeLock: { request: (type) => (requests.push(type), real.request(type)) },
    });
    expect(c.supported).to.equal(true);
    const engine = new FakeSpeechEngine({ auto: { msPerChar: 20 } });
    const store = createPlayerStore({ engine });
    store.load(article);
    c.store = store;
    c.hostConnected();
    store.play();
    await until(() => store.state.status === 'playing', 'playing');
    await until(() => requests.length === 1, 'a wake lock request');
    // Headless Chromium may refuse the lock (no visible screen); either way nothing throws.
    await new Promise((r) => setTimeout(r, 50));
    store.pause();
    await until(() => store.state.status === 'paused', 'paused');
    expect(c.held).to.equal(false);
    c.hostDisconnected();
    store.dispose();
    engine.dispose();
  });
});
