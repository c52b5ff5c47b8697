import type { ReactiveController } from 'lit';
import type { Article } from '../../article/model.ts';
import type { PlayerState, PlayerStatus } from '../../player/types.ts';
import { KeepAliveAudio } from './keep-alive-audio.ts';
import type { ControllerHost, HandsFreeStore } from './types.ts';

/** The surface of `navigator.mediaSession` used here (a fake in Node tests). */
export interface MediaSessionLike {
  metadata: MediaMetadata | null;
  playbackState: MediaSessionPlaybackState;
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void;
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

type HandledAction = keyof typeof ACTIONS;

/**
 * Connects the player store to the operating system's media controls
 * (lock screen, notification, headphone and keyboard media keys):
 * metadata from the article, actions mapped to section and sentence skips,
 * playbackState in step with the store, and a keep-alive clip while playing.
 *
 * Headphone "next track" moves to the next section and "seek forward" to the
 * next sentence: the units a listener navigates an article by.
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
  private article: Article | null = null;
  private status: PlayerStatus | null = null;

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
    this.unsubscribe = store.subscribe((e) => {
      if (e.changes.has('article')) this.article = null; // force a metadata refresh
      this.sync(e.state);
    });
    for (const action of Object.keys(ACTIONS) as HandledAction[]) {
      this.setHandler(action, () => {
        // Starting the clip inside the handler keeps the user activation it came with.
        if (action === 'play') this.keepAlive?.start();
        store[ACTIONS[action]]();
      });
    }
    this.sync(store.state);
  }

  private detach(): void {
    if (!this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = null;
    for (const action of Object.keys(ACTIONS) as HandledAction[]) this.setHandler(action, null);
    this.keepAlive?.stop();
    if (this.session) {
      this.session.metadata = null;
      this.session.playbackState = 'none';
    }
    this.article = null;
    this.status = null;
  }

  /** Disconnect and free the keep-alive clip. */
  dispose(): void {
    this.hostDisconnected();
    this.keepAlive?.dispose();
  }

  private sync(state: Readonly<PlayerState>): void {
    // Word changes arrive many times a second: only a status change matters here.
    if (state.status !== this.status) {
      this.status = state.status;
      if (state.status === 'playing') this.keepAlive?.start();
      else this.keepAlive?.stop();
      if (this.session) {
        this.session.playbackState =
          state.status === 'playing' ? 'playing' : state.status === 'paused' ? 'paused' : 'none';
      }
    }
    const session = this.session;
    if (!session) return;
    if (state.article !== this.article) {
      this.article = state.article;
      session.metadata = state.article ? this.metadata(state.article) : null;
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
