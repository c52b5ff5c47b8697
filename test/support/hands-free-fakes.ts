/** Fakes shared by the hands-free controllers' tests: a store, a Lit host, a media session, an audio element and a manual clock. */
import type { Article } from '../../src/article/model.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, Position } from '../../src/player/types.ts';
import type { AudioLike, Clock, HandsFreeStore, MediaSessionLike } from '../../src/ui/hands-free/index.ts';
import { idleState } from './idle-state.ts';

export const article: Article = {
  version: 1,
  id: 'a1',
  lang: 'en',
  title: 'Why Mosul matters',
  byline: 'By Jane Doe, CNN',
  sections: [
    { id: 's1', paragraphs: [{ id: 's1p1', sentences: [{ id: 's1p1s1', text: 'One.' }, { id: 's1p1s2', text: 'Two.' }] }] },
    { id: 's2', heading: 'Next', paragraphs: [{ id: 's2p1', sentences: [{ id: 's2p1s1', text: 'Three.' }] }] },
    { id: 's3', heading: 'Last', paragraphs: [{ id: 's3p1', sentences: [{ id: 's3p1s1', text: 'Four.' }] }] },
  ],
};

export const positions: Position[] = [
  { sectionIndex: 0, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 0, sentenceId: 's1p1s1' },
  { sectionIndex: 0, paragraphIndex: 0, sentenceIndex: 1, flatIndex: 1, sentenceId: 's1p1s2' },
  { sectionIndex: 1, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 2, sentenceId: 's2p1s1' },
  { sectionIndex: 2, paragraphIndex: 0, sentenceIndex: 0, flatIndex: 3, sentenceId: 's3p1s1' },
];

/** A store that records requests and lets the test commit state changes. */
export class FakeStore implements HandsFreeStore {
  state: PlayerState = idleState();
  calls: string[] = [];
  private listeners = new Set<(e: PlayerChangeEvent) => void>();
  subscribe(l: (e: PlayerChangeEvent) => void) {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  get listenerCount() {
    return this.listeners.size;
  }
  commit(patch: Partial<PlayerState>, changes: PlayerChange[]) {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    const e: PlayerChangeEvent = { changes: new Set(changes), state: this.state, previous };
    for (const l of [...this.listeners]) l(e);
  }
  at(i: number, status: PlayerState['status'] = this.state.status) {
    const position = positions[i]!;
    const changes: PlayerChange[] = ['position'];
    if (position.sectionIndex !== this.state.position?.sectionIndex) changes.push('section');
    if (status !== this.state.status) changes.push('status');
    this.commit({ position, status }, changes);
  }
  play = () => void this.calls.push('play');
  pause = () => void this.calls.push('pause');
  stop = () => void this.calls.push('stop');
  nextSection = () => void this.calls.push('nextSection');
  previousSection = () => void this.calls.push('previousSection');
  nextSentence = () => void this.calls.push('nextSentence');
  previousSentence = () => void this.calls.push('previousSentence');
  seek = (id: string) => void this.calls.push(`seek ${id}`);
}

export class FakeHost {
  controllers: { hostConnected?(): void; hostDisconnected?(): void }[] = [];
  updates = 0;
  addController(c: { hostConnected?(): void; hostDisconnected?(): void }) {
    this.controllers.push(c);
  }
  requestUpdate() {
    this.updates++;
  }
  connect() {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

export class FakeSession implements MediaSessionLike {
  metadata: MediaMetadata | null = null;
  playbackState: MediaSessionPlaybackState = 'none';
  handlers = new Map<MediaSessionAction, MediaSessionActionHandler>();
  refuse = new Set<MediaSessionAction>();
  /** Every setPositionState call, in order (undefined: cleared). */
  positions: (MediaPositionState | undefined)[] = [];
  setPositionState(state?: MediaPositionState) {
    if (state && (state.position! < 0 || state.position! > state.duration!)) throw new TypeError('position outside duration');
    this.positions.push(state);
  }
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
    if (this.refuse.has(action)) throw new TypeError(`${action} is not supported`);
    if (handler) this.handlers.set(action, handler);
    else this.handlers.delete(action);
  }
  press(action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) {
    const h = this.handlers.get(action);
    if (!h) throw new Error(`no handler for ${action}`);
    h({ action, ...details });
  }
}

export class FakeAudio implements AudioLike {
  src = '';
  loop = false;
  preload = '';
  paused = true;
  plays = 0;
  rejectPlay = false;
  private listeners = new Map<string, Set<() => void>>();
  play() {
    this.plays++;
    if (this.rejectPlay) return Promise.reject(new DOMException('no', 'NotAllowedError'));
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    if (this.paused) return;
    this.paused = true;
    this.emit('pause');
  }
  removeAttribute(name: string) {
    if (name === 'src') this.src = '';
  }
  load() {}
  addEventListener(t: string, l: () => void) {
    if (!this.listeners.has(t)) this.listeners.set(t, new Set());
    this.listeners.get(t)!.add(l);
  }
  removeEventListener(t: string, l: () => void) {
    this.listeners.get(t)?.delete(l);
  }
  emit(t: string) {
    for (const l of this.listeners.get(t) ?? []) l();
  }
}

/** A manual clock: advance() runs due timers in order. */
export class FakeClock implements Clock {
  t = 1_000_000;
  private seq = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers.delete(h as number);
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

// ---------------------------------------------------------------- keep-alive clip
