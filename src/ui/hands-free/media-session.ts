import type { ReactiveController } from 'lit';
import type { Article } from '../../article/model.ts';
import type { PlayerState, PlayerStatus } from '../../player/types.ts';
import { estimateTimes, indexArticle, WORDS_PER_MINUTE, type ArticleIndex } from '../player/article-index.ts';
import { KeepAliveAudio } from './keep-alive-audio.ts';
import type { ControllerHost, HandsFreeStore } from './types.ts';

/** The surface of `navigator.mediaSession` used here (a fake in Node tests). */
export interface MediaSessionLike {
  metadata: MediaMetadata | null;
  playbackState: MediaSessionPlaybackState;
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void;
  /** Missing in older browsers (then no scrubber shows). */
  setPositionState?(state?: MediaPositionState): void;
}

export interface MediaSessionOptions {
  /**
   * Lock-screen artwork: a list of images, or a function of the article.
   * Default: the article's `image` field when it has one.
   */
  artwork?: MediaImage[] | ((article: Article) => MediaImage[] | undefined);
  /** Shown as the album. Default "Aloud". */
  album?: string;
  /** Default `navigator.mediaSession`; `null` turns the controller into a no-op. */
  mediaSession?: MediaSessionLike | null;
  /** Default `new MediaMetadata(init)` (a plain object where the class is missing). */
  createMetadata?: (init: MediaMetadataInit) => MediaMetadata;
  /**
   * The looping clip that makes browsers show the controls while speech
   * plays. Default: a new KeepAliveAudio that pauses the store when the
   * system interrupts it. `false`: none.
   */
  keepAlive?: KeepAliveAudio | false;
  /**
   * The player's index of the article (for the lock-screen scrubber): saves
   * indexing it twice. Default: indexed here, once per article.
   */
  index?: (article: Article) => ArticleIndex | null;
}

/** The actions the controller handles, and what each asks of the store. */
const ACTIONS = {
  play: 'play',
  pause: 'pause',
  stop: 'stop',
  previoustrack: 'previousSection',
  nexttrack: 'nextSection',
  seekbackward: 'previousSentence',
  seekforward: 'nextSentence',
} as const satisfies Partial<Record<MediaSessionAction, keyof HandsFreeStore>>;

type HandledAction = keyof typeof ACTIONS | 'seekto';
const HANDLED = [...Object.keys(ACTIONS), 'seekto'] as HandledAction[];

/**
 * Which controller speaks for each media session. A page has one
 * `navigator.mediaSession` but may have several players: the one playing
 * (or, until one plays, the first connected) owns it.
 */
const owners = new WeakMap<MediaSessionLike, MediaSessionController>();

/**
 * Connects the player store to the operating system's media controls
 * (lock screen, notification, headphone and keyboard media keys):
 * metadata from the article, actions mapped to section and sentence skips,
 * playbackState in step with the store, and a keep-alive clip while playing.
 *
 * Headphone "next track" moves to the next section and "seek forward" to the
 * next sentence: the units a listener navigates an article by. The lock
 * screen's scrubber gets a duration and position estimated from the
 * article's words (the same estimate as the player's own times), and
 * dragging it (`seekto`) goes to the sentence that starts nearest.
 * With several players on a page, the one that plays last owns the session.
 * Everything is a silent no-op where the Media Session API is missing.
 */
export class MediaSessionController implements ReactiveController {
  /** The keep-alive clip in use, if any (exposed for tests and diagnostics). */
  readonly keepAlive: KeepAliveAudio | null;
  private readonly session: MediaSessionLike | null;
  private readonly options: MediaSessionOptions;
  private unsubscribe: (() => void) | null = null;
  private connected = false;
  private current: HandsFreeStore | null;
  private status: PlayerStatus | null = null;
  /** What the scrubber was last told: "flat index@rate", to skip the many word changes. */
  private placed = '';
  private indexed: { article: Article; index: ArticleIndex } | null = null;

  /**
   * @param host the element whose connection the session follows (null: call hostConnected yourself)
   * @param store the player store; may be null now and set later through `store`
   */
  constructor(host: ControllerHost | null, store: HandsFreeStore | null, options: MediaSessionOptions = {}) {
    this.current = store;
    this.options = options;
    this.session =
      options.mediaSession !== undefined
        ? options.mediaSession
        : typeof navigator !== 'undefined' && 'mediaSession' in navigator
          ? navigator.mediaSession
          : null;
    this.keepAlive =
      options.keepAlive === false
        ? null
        : (options.keepAlive ?? new KeepAliveAudio({ onInterrupted: () => this.onInterrupted() }));
    host?.addController(this);
  }

  /** The store the OS controls drive. Setting it (e.g. after a new article made a new store) rebinds everything. */
  get store(): HandsFreeStore | null {
    return this.current;
  }
  set store(store: HandsFreeStore | null) {
    if (store === this.current) return;
    this.detach();
    this.current = store;
    if (this.connected) this.attach();
  }

  /** Lit calls this when the host connects; call it yourself without a host. */
  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  /** Lit calls this when the host disconnects: handlers and metadata are removed. */
  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const store = this.current;
    if (this.unsubscribe || !store) return;
    this.unsubscribe = store.subscribe((e) => this.sync(e.state, e.changes.has('article')));
    // The first player on the page takes the session; others take it when they play.
    if (this.session && !owners.has(this.session)) this.claim();
    this.sync(store.state, true);
  }

  private detach(): void {
    if (!this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = null;
    this.keepAlive?.stop();
    this.status = null;
    this.placed = '';
    const session = this.session;
    // Another player may own the session now: leave its handlers alone.
    if (!session || owners.get(session) !== this) return;
    owners.delete(session);
    for (const action of HANDLED) this.setHandler(action, null);
    session.metadata = null;
    session.playbackState = 'none';
    this.setPosition(undefined);
  }

  /** Point the page's one media session at this player's store. */
  private claim(): void {
    const session = this.session;
    const store = this.current;
    if (!session || !store) return;
    owners.set(session, this);
    this.placed = '';
    for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
      this.setHandler(action, () => {
        // Starting the clip inside the handler keeps the user activation it came with.
        if (action === 'play') this.keepAlive?.start();
        store[ACTIONS[action]]();
      });
    }
    this.setHandler('seekto', (details) => {
      const id = this.sentenceAt(details.seekTime);
      if (id) store.seek(id);
    });
  }

  /** The player's index of the current article, or one made here once. */
  private index(article: Article): ArticleIndex {
    const given = this.options.index?.(article);
    if (given) return given;
    if (this.indexed?.article !== article) this.indexed = { article, index: indexArticle(article) };
    return this.indexed.index;
  }

  /** The id of the sentence whose estimated start (at rate 1) is nearest `seconds`. */
  sentenceAt(seconds: number | undefined): string | null {
    const article = this.current?.state.article;
    if (!article || seconds === undefined || !Number.isFinite(seconds)) return null;
    const { ids, wordsBefore } = this.index(article);
    if (ids.length === 0) return null;
    const words = (Math.max(0, seconds) * WORDS_PER_MINUTE) / 60;
    // The first sentence starting at or after `words`, then whichever neighbour is nearer.
    let lo = 0;
    let hi = ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wordsBefore[mid]! < words) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && words - wordsBefore[lo - 1]! < wordsBefore[lo]! - words) lo--;
    return ids[lo]!;
  }

  /**
   * Call from the click or key handler that starts playback, before the
   * store confirms it: lets iOS start the keep-alive clip later, outside
   * the gesture (see KeepAliveAudio.unlock).
   */
  unlock(): void {
    this.keepAlive?.unlock();
  }

  /** Disconnect and free the keep-alive clip. */
  dispose(): void {
    this.hostDisconnected();
    this.keepAlive?.dispose();
  }

  private sync(state: Readonly<PlayerState>, articleChanged: boolean): void {
    const session = this.session;
    // Word changes arrive many times a second: only status and article changes matter.
    const statusChanged = state.status !== this.status;
    if (statusChanged) {
      this.status = state.status;
      if (state.status === 'playing') this.keepAlive?.start();
      else this.keepAlive?.stop();
    }
    if (!session) return;
    // A player that starts playing takes the lock screen from any other on the page.
    const claimed = statusChanged && state.status === 'playing' && owners.get(session) !== this;
    if (claimed) this.claim();
    if (owners.get(session) !== this) return;
    if (statusChanged || claimed) {
      session.playbackState = state.status === 'playing' ? 'playing' : state.status === 'paused' ? 'paused' : 'none';
    }
    if (articleChanged || claimed) session.metadata = state.article ? this.metadata(state.article) : null;
    this.syncPosition(state);
  }

  /**
   * The scrubber: duration and position in listening time at rate 1 (what
   * the media is), `playbackRate` the speed, so the OS advances the position
   * itself between sentences. Told again only when the sentence, the speed
   * or the status changes.
   */
  private syncPosition(state: Readonly<PlayerState>): void {
    const { article, position, status, rate } = state;
    const on = !!article && (status === 'playing' || status === 'paused' || status === 'ready');
    const key = on ? `${position?.flatIndex ?? 0}@${rate}:${status}` : '';
    if (key === this.placed) return;
    this.placed = key;
    if (!on) return this.setPosition(undefined);
    const { elapsed, remaining } = estimateTimes(this.index(article), position?.flatIndex ?? 0, 1);
    this.setPosition({ duration: elapsed + remaining, position: elapsed, playbackRate: rate });
  }

  private setPosition(state: MediaPositionState | undefined): void {
    try {
      this.session?.setPositionState?.(state);
    } catch {
      // A browser that refuses the state (a zero duration, an old API): the scrubber just does not show.
    }
  }

  private metadata(article: Article): MediaMetadata {
    const { artwork } = this.options;
    const image = (article as Article & { image?: unknown }).image;
    const images =
      typeof artwork === 'function'
        ? artwork(article)
        : (artwork ?? (typeof image === 'string' && image ? [{ src: image }] : undefined));
    const init: MediaMetadataInit = {
      title: article.title,
      artist: article.byline ?? '',
      album: this.options.album ?? 'Aloud',
      ...(images?.length ? { artwork: images } : {}),
    };
    const create =
      this.options.createMetadata ??
      ((i: MediaMetadataInit) =>
        typeof MediaMetadata === 'function' ? new MediaMetadata(i) : (i as unknown as MediaMetadata));
    try {
      return create(init);
    } catch {
      // A bad artwork URL makes MediaMetadata throw: keep the words at least.
      const { artwork: _dropped, ...rest } = init;
      return create(rest);
    }
  }

  private setHandler(action: HandledAction, handler: MediaSessionActionHandler | null): void {
    try {
      this.session?.setActionHandler(action, handler);
    } catch {
      // Browsers throw for actions they do not know (older Safari: "stop").
    }
  }

  private onInterrupted(): void {
    if (this.current?.state.status === 'playing') this.current.pause();
  }
}
