import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../../article/model.ts';
import { stepRate } from '../../player/settings.ts';
import type { PlayerState, PlayerStore } from '../../player/types.ts';
import type { ShortcutAction } from '../controllers/shortcuts.ts';
import type { UiStrings } from '../strings.ts';
import type { ArticleIndex } from './article-index.ts';

/** How long Play may wait for its first sound before the button says it is busy (no flicker for quick voices). */
export const BUSY_AFTER_MS = 250;

type Say = (t: UiStrings) => string;

/** What the transport needs of its player. */
export interface TransportHost {
  /** Runs a request on the store, or queues it while the store is made; `name` for the console when nothing can take it. */
  request(fn: (s: PlayerStore) => void, name?: string): void;
  store(): PlayerStore | null;
  state(): PlayerState | null;
  article(): Article | null;
  index(): ArticleIndex | null;
  /** Through the one live region. */
  say(text: Say): void;
  /** "Section 2 of 5: Why it matters", in the catalogue given. */
  sectionText(i: number, t: UiStrings): string;
  /** The listener asked for a move (the progress event reports it at once, as a jump). */
  jumped(): void;
  /** Playing from a sentence the listener picked: follow-along takes over again. */
  follow(): void;
  help(): void;
}

/** The transports of the connected players: starting one pauses the others. */
const players = new Set<Transport>();

/**
 * What the listener asks for, turned into store requests: play and pause,
 * the skips, the section and speed shortcuts, playing from a sentence. It
 * also keeps what is tied to those requests: one voice at a time on the
 * page, the busy state of Play while the first sound is slow to come (a press
 * then cancels, said once), and which section move is announced (only one
 * the listener caused, and even one back into the section just announced).
 */
export class Transport implements ReactiveController {
  /** Play has waited for its first sound longer than BUSY_AFTER_MS. */
  busy = false;
  #busyTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Set by a user's navigation request: `cross` announces the next section
   * change, `always` the section landed in even when it is the same one.
   */
  #announceSection: false | 'cross' | 'always' = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly to: TransportHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    players.add(this);
  }

  hostDisconnected(): void {
    players.delete(this);
  }

  play(): void {
    this.#pauseOthers();
    this.to.request((s) => s.play(), 'play');
  }

  pause(): void {
    this.to.request((s) => s.pause(), 'pause');
  }

  /** To a sentence by id; an unknown id is ignored with a console warning. */
  seek(sentenceId: string): void {
    if (this.to.article() && (typeof sentenceId !== 'string' || !this.to.index()?.flatOf.has(sentenceId))) {
      console.warn(`<aloud-player>: seek(${JSON.stringify(sentenceId)}) ignored: no such sentence.`);
      return;
    }
    this.#move((s) => s.seek(sentenceId), 'seek');
  }

  nextSentence(): void {
    this.#move((s) => s.nextSentence(), 'nextSentence');
  }

  previousSentence(): void {
    this.#move((s) => s.previousSentence(), 'previousSentence');
  }

  nextSection(): void {
    this.#move((s) => s.nextSection(), 'nextSection');
  }

  previousSection(): void {
    this.#move((s) => s.previousSection(), 'previousSection');
  }

  /**
   * A move the listener asked for: reported as a jump (the next sentence
   * during playback would look like the article going on by itself).
   */
  #move(fn: (s: PlayerStore) => void, name = ''): void {
    this.to.request((s) => (this.to.jumped(), fn(s)), name);
  }

  /** A key, a button or the lock screen: the same action, and what it says. */
  run(action: ShortcutAction): void {
    switch (action) {
      case 'toggle':
        return this.toggle();
      case 'previousSentence':
      case 'nextSentence':
        this.#announceSection = 'cross';
        return this[action]();
      case 'previousSection':
      case 'nextSection':
        this.#announceSection = 'always';
        return this[action]();
      case 'start':
      case 'end':
        return this.goToSection(action === 'start' ? 0 : (this.to.index()?.sectionStart.length ?? 1) - 1, 'always');
      case 'slower':
      case 'faster':
        return this.#stepRate(action === 'faster' ? 1 : -1);
      case 'help':
        return this.to.help();
    }
  }

  toggle(): void {
    if (this.to.state()?.status !== 'playing') this.#pauseOthers();
    const cancelling = this.busy;
    this.to.request((s) => s.toggle());
    // The listener gave up waiting: say where that leaves them, once.
    if (cancelling && !this.to.state()?.starting) this.to.say((t) => t.cancelled);
  }

  /** To the first sentence of a section (or the nearest later section that has one). */
  goToSection(sectionIndex: number, announce: false | 'always'): void {
    const index = this.to.index();
    const starts = index?.sectionStart ?? [];
    let flat = -1;
    for (let i = sectionIndex; i < starts.length && flat < 0; i++) flat = starts[i] ?? -1;
    const id = index?.ids[flat];
    if (id === undefined) return;
    this.#announceSection = announce;
    this.seek(id);
  }

  /** Enter or a click on a sentence: play from it. */
  playFrom(id: string): void {
    this.to.follow();
    this.#pauseOthers();
    this.#move((s) => {
      s.seek(id);
      if (s.state.status !== 'playing') s.play();
    });
  }

  /** The store's `starting` flag: the button turns busy only when the first sound is slow to come. */
  syncBusy(starting: boolean): void {
    if (this.#busyTimer) clearTimeout(this.#busyTimer);
    this.#busyTimer = null;
    if (!starting) {
      if (this.busy) this.#setBusy(false);
    } else if (!this.busy) {
      this.#busyTimer = setTimeout(() => {
        this.#setBusy(true);
        this.to.say((t) => t.preparing);
      }, BUSY_AFTER_MS);
    }
  }

  /**
   * After a commit: the section announcement the listener's request asked for.
   * `entered` is the section the bridge reported entering (-1 for none);
   * `moved` whether the position moved by this commit.
   */
  announce(entered: number, moved: boolean, s: PlayerState): void {
    if (entered >= 0 && this.#announceSection) this.to.say((t) => this.to.sectionText(entered, t));
    // A section move that lands in the section already announced is still heard: "Start of Section 2 of 5: …".
    else if (moved && this.#announceSection === 'always' && s.position) {
      const i = s.position.sectionIndex;
      this.to.say((t) => t.startOf(this.to.sectionText(i, t)));
    }
    if (moved) this.#announceSection = false;
  }

  #setBusy(on: boolean): void {
    this.busy = on;
    this.host.requestUpdate();
  }

  /** One voice at a time: speech is one channel per page, so starting this player pauses the others first. */
  #pauseOthers(): void {
    for (const other of players) if (other !== this && other.to.state()?.status === 'playing') other.pause();
  }

  #stepRate(delta: number): void {
    const store = this.to.store();
    if (!store) return;
    const next = stepRate(store.state.rate, delta);
    if (next === store.state.rate) return;
    store.setRate(next);
    this.to.say((t) => t.rateLong(next));
  }
}
