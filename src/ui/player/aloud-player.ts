import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { Article } from '../../article/model.ts';
import type { ArticleLoadErrorCode } from '../../article/errors.ts';
import { loadArticle } from '../../article/load.ts';
import type { SpeechEngine, VoiceInfo } from '../../speech/types.ts';
import { primaryLanguage } from '../../speech/voices.ts';
import { highlightsSupported, WORD_HIGHLIGHT } from '../../page/highlight-api.ts';
import { createPlayerStore } from '../../player/store.ts';
import { MAX_RATE, MIN_RATE, type PlayerChangeEvent, type PlayerErrorInfo, type PlayerState, type PlayerStore } from '../../player/types.ts';
import { ShortcutsController, type ShortcutAction, type ShortcutMode } from '../controllers/shortcuts.ts';
import { FollowAlongController } from '../controllers/follow-along.ts';
import type { MediaSessionController, SleepMode, SleepTimer, WakeLockController } from '../hands-free/index.ts';
import type { PageGlue } from './page-glue.ts';
import type { MiniPlayerController } from './mini-player.ts';
import { strings as t, uiLang } from '../strings.ts';
import { estimateTimes, indexArticle, type ArticleIndex } from './article-index.ts';
import { heading, renderArticleBody } from './article-view.ts';
import type { voiceGroups } from './voice-options.ts';
import { styles } from './aloud-player.styles.ts';

// The engine chooser is a lazy chunk; naming the one export used (rather
// than taking the whole module) keeps the bundler from adding a runtime
// helper chunk the browser would fetch one round trip later.
const engineChooser = () => import('../../speech/select-engine.ts').then((m) => m.createSessionSpeech);

/**
 * The one way the element loads its lazy parts: resolves to the module, or to
 * undefined after a console warning naming what is missing (the player
 * carries on without it; nothing reaches the listener as an error).
 */
function lazy<T>(load: Promise<T>, what: string): Promise<T | undefined> {
  return load.catch(() => void console.warn(`<aloud-player>: ${what} could not be loaded.`));
}

/** How long Play may wait for its first sound before the button says it is busy (no flicker for quick voices). */
const BUSY_AFTER_MS = 250;


/** `detail` of `aloud-sentence`. */
export interface AloudSentenceDetail {
  sentenceId: string;
  /** 0-based over the whole article. */
  index: number;
  sectionIndex: number;
}
/** `detail` of `aloud-section`. */
export interface AloudSectionDetail {
  sectionIndex: number;
  sectionId: string;
  heading: string | undefined;
}
/** `detail` of `aloud-play` and `aloud-pause`. */
export interface AloudPlaybackDetail {
  sentenceId: string | null;
}
/** `detail` of `aloud-error`. */
export interface AloudErrorDetail {
  code: PlayerErrorInfo['code'] | ArticleLoadErrorCode | 'missing-element';
  message: string;
}

declare global {
  /** Typed `addEventListener` for the player's events. */
  interface HTMLElementEventMap {
    'aloud-play': CustomEvent<AloudPlaybackDetail>;
    'aloud-pause': CustomEvent<AloudPlaybackDetail>;
    'aloud-sentence': CustomEvent<AloudSentenceDetail>;
    'aloud-section': CustomEvent<AloudSectionDetail>;
    'aloud-end': CustomEvent<Record<string, never>>;
    'aloud-error': CustomEvent<AloudErrorDetail>;
  }
}

type ErrorKind = 'load' | 'notArticle' | 'empty' | 'noVoice' | 'notAllowed' | 'speech';

interface ShownError {
  kind: ErrorKind;
  code: AloudErrorDetail['code'];
  message: string;
  retry: boolean;
}

const RATE_STEP = 0.1;
const roundRate = (r: number) => Math.round(r * 10) / 10;

/** The connected players of the page: starting one pauses the others. */
const players = new Set<AloudPlayer>();

/** A Highlight shared by every player of the page: one name in the document-wide registry. */
let wordHighlight: Highlight | null | undefined;
function sharedWordHighlight(): Highlight | null {
  if (wordHighlight === undefined) {
    wordHighlight = null;
    if (highlightsSupported()) {
      wordHighlight = new Highlight();
      CSS.highlights.set(WORD_HIGHLIGHT, wordHighlight);
    }
  }
  return wordHighlight;
}

const icon = (d: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d}></path></svg>`;
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  replay: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  prevSentence: 'M6 6h2v12H6zm3.5 6 8.5 6V6z',
  nextSentence: 'M16 6h2v12h-2zM6 18l8.5-6L6 6z',
  prevSection: 'M11 18V6l-8.5 6zm.5-6 8.5 6V6z',
  nextSection: 'M4 18l8.5-6L4 6zm9-12v12l8.5-6z',
  // A keyboard: an outline with holes for keys (evenodd fill, see the styles).
  keyboard: 'M2 6h20v12H2zm2 2v2h2V8zm4 0v2h2V8zm4 0v2h2V8zm4 0v2h2V8zM4 12v2h2v-2zm4 0v2h8v-2zm10 0v2h2v-2z',
};

/**
 * An accessible, keyboard-first "listen to this article" player: transport,
 * speed, voice, progress by section, a table of contents and the article
 * text with the current sentence and word highlighted.
 *
 * The element only sends requests to its playback store; the store decides
 * and commits, and the element renders what was committed.
 *
 * @tag aloud-player
 * @summary Listen to an article, read aloud with the Web Speech API.
 *
 * @slot extras - Extra controls shown under the progress bar (e.g. save for offline, resume prompt).
 *
 * @attr layout - `full` or `compact` (default: `full`, or `compact` in page mode).
 * @attr sticky - Show a mini-player at the bottom of the viewport while playing out of view.
 * @attr for - Page mode: the id of the host page's element to read aloud and highlight in place.
 * @attr offline - Cache the article and remember place and settings in IndexedDB; shows the offline panel.
 *
 * @fires aloud-play - Playback started or resumed. `detail: { sentenceId }`.
 * @fires aloud-pause - Playback paused. `detail: { sentenceId }`.
 * @fires aloud-sentence - The current sentence changed. `detail: { sentenceId, index, sectionIndex }`.
 * @fires aloud-section - The current section changed. `detail: { sectionIndex, sectionId, heading }`.
 * @fires aloud-end - The end of the article was reached.
 * @fires aloud-error - Loading or speaking failed. `detail: { code, message }`.
 *
 * @csspart base - The player's outer box.
 * @csspart header - Kicker, title and byline.
 * @csspart title - The article title heading.
 * @csspart controls - The row of transport, speed and voice controls.
 * @csspart play-button - Play / Pause / Play again.
 * @csspart transport-button - Each previous/next sentence/section button.
 * @csspart speed - The speed field (label, slider, value).
 * @csspart voice - The voice field (label, select).
 * @csspart help-button - The "Keyboard shortcuts" button.
 * @csspart progress - The section slider and the time estimates.
 * @csspart time - Elapsed and remaining time.
 * @csspart hands-free - The sleep timer and "Keep screen on" row.
 * @csspart toc - The table of contents nav.
 * @csspart text - The scrollable article text.
 * @csspart sentence - Each sentence of the text.
 * @csspart back-button - "Back to the current sentence".
 * @csspart status - The polite live region (visually hidden).
 * @csspart loading - The loading indicator.
 * @csspart error - The error panel.
 * @csspart notice - A note that the voice was replaced mid-article (a network voice offline, a failing synthesizer).
 * @csspart help-dialog - The keyboard help dialog.
 * @csspart mini-player - The sticky mini-player bar (with `sticky`, while playing out of view).
 * @csspart caption - Page mode without the CSS Custom Highlight API: the current sentence, shown as a caption.
 *
 * @cssprop --aloud-bg - Background colour.
 * @cssprop --aloud-fg - Text colour.
 * @cssprop --aloud-muted - Secondary text colour (byline, times).
 * @cssprop --aloud-accent - Play button, slider and current-section colour.
 * @cssprop --aloud-on-accent - Text on the accent colour.
 * @cssprop --aloud-border - Control borders.
 * @cssprop --aloud-surface - Button and select background.
 * @cssprop --aloud-highlight - Background of the current sentence.
 * @cssprop --aloud-word - Background of the current word.
 * @cssprop --aloud-focus - Focus ring colour.
 * @cssprop --aloud-danger - Error border colour.
 * @cssprop --aloud-radius - Corner radius.
 * @cssprop --aloud-font - Font of the controls.
 * @cssprop --aloud-text-font - Font of the article text.
 * @cssprop --aloud-text-size - Size of the article text.
 * @cssprop --aloud-text-max-height - Height of the scrolling text region (default 70vh).
 */
export class AloudPlayer extends LitElement {
  static override styles = styles;

  /** URL of an article: article JSON, or a .md, .txt or .html source read by the content pipeline. */
  @property() src = '';

  /** An article object to play instead of `src` (takes precedence). */
  @property({ attribute: false }) article: Article | null = null;

  /** Overrides the article's language (BCP 47) for voice choice. */
  @property() override lang = '';

  /** Speaking rate, 0.5–3. Follows the player: reads back what the store committed. */
  @property({ type: Number }) rate = 1;

  /** Id of the chosen voice; empty for automatic. Follows the player. */
  @property() voice = '';

  /** `on` (default): keys work while focus is in the player. `global`: also Alt+Shift+key anywhere on the page. `off`: none. */
  @property({ reflect: true }) shortcuts: ShortcutMode = 'on';

  /** `light` or `dark` forces a colour scheme; anything else follows the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * `full`: controls, progress, contents and the text. `compact`: one bar
   * (play/pause, previous/next section, speed, progress and time, help), no
   * text. Unset: `full`, or `compact` in page mode (`for`), where the page is the text.
   */
  @property({ reflect: true }) layout: 'full' | 'compact' | '' = '';

  /** Show a mini-player fixed at the bottom of the viewport while playing and the player is scrolled out of view. */
  @property({ type: Boolean, reflect: true }) sticky = false;

  /**
   * Page mode: the id of an element of the host page to read aloud instead of
   * `src`; the current sentence and word are highlighted in place.
   */
  @property({ attribute: 'for' }) for = '';

  /**
   * Remember across visits: the article is cached in IndexedDB (plays at once
   * next time, switches at a sentence boundary when it changed), and the
   * offline panel (resume prompt, Save for offline, storage notices; loaded on
   * demand) is shown. Also on when an `<aloud-offline-panel>` is in the `extras` slot.
   */
  @property({ type: Boolean, reflect: true }) offline = false;

  /** Level of the title heading (1–5); section headings go one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * The speech engine to use. Defaults to `createSpeechEngine()` (Web Speech,
   * or the bundled eSpeak NG fallback), created when the first article loads.
   */
  @property({ attribute: false }) engine: SpeechEngine | null = null;

  @state() private _state: PlayerState | null = null;
  @state() private _announcement = '';
  @state() private _loadError: ShownError | null = null;
  /** The listener's follow-along switch (remembered by the offline panel). */
  @state() private _followAlong = true;
  /** A load from `src` is in flight. */
  @state() private _loading = false;
  /** The offline panel's module is loaded (for the `offline` attribute). */
  @state() private _panelReady = false;
  /** Play has waited for its first sound longer than BUSY_AFTER_MS: the button says so. */
  @state() private _busy = false;
  private _busyTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Groups the voice picker's options: a lazy chunk fetched with the engine,
   * since there is nothing to group before an engine lists voices.
   */
  @state() private _voiceGroups: typeof voiceGroups | null = null;
  /** The help dialog's content, a lazy chunk loaded on first open. */
  @state() private _help: ((globalShortcuts: boolean, close: () => void) => TemplateResult) | null = null;

  private _store: PlayerStore | null = null;
  private _unsubscribe: (() => void) | null = null;
  /** The engine this element created (and so disposes); injected engines belong to the caller. */
  private _ownEngine: SpeechEngine | null = null;
  /** The language `_ownEngine` was chosen for. */
  private _engineLang = '';
  private _storeEngine: SpeechEngine | null = null;
  private _article: Article | null = null;
  private _index: ArticleIndex | null = null;
  private _queued: ((s: PlayerStore) => void)[] = [];
  private _engineRun = 0;
  /** Set by a user's navigation request: the next section change is announced. */
  private _announceSection = false;
  private _sentenceEls = new Map<string, HTMLElement>();
  private _currentEl: HTMLElement | null = null;
  private _followedEl: HTMLElement | null = null;
  private _rovingEl: HTMLElement | null = null;
  /** The one sentence with tabindex 0 (the text's single Tab stop). */
  private _tabStop: HTMLElement | null = null;
  private _wordRange: Range | null = null;
  private _returnFocus: HTMLElement | null = null;
  /** True during the commits of swapping in an updated article (no events for them). */
  private _swapping = false;
  /** What the events last told the page, so each fires only for a real change. */
  private _emittedPlaying = false;
  private _emittedSentence: string | null = null;
  private _emittedSection = -1;
  private _media: MediaSessionController | null = null;
  private _sleep: SleepTimer | null = null;
  private _wake: WakeLockController | null = null;
  private _handsFreeLoad: Promise<unknown> | null = null;
  private _page: PageGlue | null = null;
  private _pageLoad: Promise<unknown> | null = null;
  /** An updated copy of the article waiting for a sentence boundary. */
  private _update: Article | null = null;
  private _cancelUpdate: (() => void) | null = null;
  /** The sticky mini-player (a lazy chunk, loaded for `sticky`). */
  private _mini: MiniPlayerController | null = null;
  private _miniLoad: Promise<unknown> | null = null;
  private _loadAbort: AbortController | null = null;

  private readonly _follow = new FollowAlongController(this, () => this.renderRoot.querySelector<HTMLElement>('.text'));

  constructor() {
    super();
    new ShortcutsController(this, { mode: () => this.shortcuts, run: (a) => this._shortcut(a) });
    // Slotted pieces (e.g. <aloud-offline-panel slot="extras">) speak through the one live region.
    this.addEventListener('aloud-announce', (e) => {
      const message = (e as CustomEvent<{ message?: string }>).detail?.message;
      if (message) this._announce(message);
    });
    // A resume prompt removes the button that had focus: hand focus to Play/Pause
    // rather than losing it to the page (the one time the player moves focus itself).
    const refocus = () =>
      void this.updateComplete.then(() => {
        const active = deepActiveElement();
        if (!active || active === document.body || !active.isConnected) this.focus();
      });
    // Saved settings from the offline panel: follow-along lives here, not in the store.
    this.addEventListener('aloud-settings', (e) => {
      const on = (e as CustomEvent<{ followAlong?: boolean }>).detail?.followAlong;
      if (typeof on === 'boolean') this._followAlong = on;
    });
    this.addEventListener('aloud-resume', refocus);
    this.addEventListener('aloud-start-over', refocus);
  }

  /** Focuses the Play/Pause button. */
  override focus(options?: FocusOptions): void {
    const play = this.renderRoot?.querySelector<HTMLElement>('[part="play-button"]');
    if (play) play.focus(options);
    else super.focus(options);
  }

  /**
   * Loads `article` or `src`. A newer load aborts the one in flight, whose
   * result and errors are then ignored. (A few lines rather than @lit/task:
   * the widget's size budget.)
   */
  private _runLoad(): void {
    this._loadAbort?.abort();
    const ctl = new AbortController();
    this._loadAbort = ctl;
    const { src, article } = this;
    const signal = ctl.signal;
    this._loadError = null;
    this._loading = !article && !!src;
    const done = (fn: () => void) => {
      if (signal.aborted) return;
      this._loading = false;
      fn();
    };
    this._fetch(src, article, signal).then(
      (a) => done(() => this._attach(a)),
      (e: unknown) => done(() => this._loadFailed(e)),
    );
  }

  private async _fetch(src: string, article: Article | null, signal: AbortSignal): Promise<Article | null> {
    if (article) return article;
    if (!src) return null;
    this._announce(t.loading);
    this._store?.setLoading();
    const lang = this.lang;
    const load = (s: string, o: { signal?: AbortSignal }) => loadArticle(s, lang ? { ...o, lang } : o);
    if (!this._remembers()) return load(src, { signal });
    // Storage is a lazy chunk: pages that do not ask for it never load it.
    const { cachedLoad } = await import('../../storage/article-cache.ts');
    const loaded = await cachedLoad(src, {
      loadArticle: load,
      signal,
      onUpdate: (next) => {
        if (!signal.aborted) void this._updated(next);
      },
    });
    return loaded.article;
  }

  // ---- public API ----

  /** The playback store once an article is loaded (for controllers such as Media Session). */
  get store(): PlayerStore | null {
    return this._store;
  }

  /** True while speech is playing. */
  get playing(): boolean {
    return this._state?.status === 'playing';
  }

  /**
   * Where the player is: `idle` (nothing to play), `loading`, `ready`,
   * `playing`, `paused`, `ended` or `error`.
   */
  get state(): PlayerState['status'] {
    if (this._loading) return 'loading';
    if (this._loadError && !this._article) return 'error';
    return this._state?.status ?? (this._article ? 'ready' : 'idle');
  }

  /** Start or resume; from the beginning after the end. */
  play(): void {
    this._pauseOthers();
    this._request((s) => s.play(), 'play');
  }
  /** Pause, keeping the place. */
  pause(): void {
    this._request((s) => s.pause(), 'pause');
  }
  /** Move to a sentence by id (keeps playing if playing). An unknown id is ignored, with a console warning. */
  seek(sentenceId: string): void {
    if (this._article && (typeof sentenceId !== 'string' || !this._index?.flatOf.has(sentenceId))) {
      console.warn(`<aloud-player>: seek(${JSON.stringify(sentenceId)}) ignored: no such sentence.`);
      return;
    }
    this._request((s) => s.seek(sentenceId), 'seek');
  }
  /** Move to the next sentence. */
  nextSentence(): void {
    this._request((s) => s.nextSentence(), 'nextSentence');
  }
  /** Move to the previous sentence. */
  previousSentence(): void {
    this._request((s) => s.previousSentence(), 'previousSentence');
  }
  /** Move to the start of the next section. */
  nextSection(): void {
    this._request((s) => s.nextSection(), 'nextSection');
  }
  /** To the start of this section, or of the previous one within two seconds of a section start. */
  previousSection(): void {
    this._request((s) => s.previousSection(), 'previousSection');
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    players.add(this);
    // Fetch the engine chooser while the article loads, not after it: one
    // round trip less before the player is ready (a no-op once cached).
    if (!this.engine && !this._store) {
      engineChooser().catch(() => undefined);
      // Browsers load their voice list on the first ask (Chrome), and
      // speech-dispatcher takes seconds: ask now, not at the click.
      globalThis.speechSynthesis?.getVoices();
    }
    // Moved in the DOM: rebuild the store where it left off.
    if (this._article && !this._store) void this._ensureStore(this._article, this._state?.position?.sentenceId);
    const slotted = this.querySelector('aloud-offline-panel');
    if (slotted && !customElements.get('aloud-offline-panel')) this._loadPanel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    players.delete(this);
    this._dropStore();
    this._clearWord();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new heading level or layout re-renders the text: forget the old sentence elements.
    if (changed.has('headingLevel') || changed.has('layout') || changed.has('for')) this._forgetText();
    if (changed.has('src') || changed.has('article')) this._runLoad();
    if (changed.has('sticky')) this._stick();
    if (changed.has('for') && this.for && !this._pageLoad) this._startPageMode();
    if (changed.has('offline') && this.offline) this._loadPanel();
    const s = this._store;
    if (changed.has('engine') && this._article && this._storeEngine && this.engine !== this._storeEngine) {
      const at = this._state?.position?.sentenceId;
      this._dropStore();
      void this._ensureStore(this._article, at);
      return;
    }
    if (changed.has('lang') && changed.get('lang') !== undefined && this._article) {
      this._dropStore();
      void this._ensureStore(this._article, this._state?.position?.sentenceId);
      return;
    }
    if (!s) return;
    // Property set in code → a request; the store's answer flows back without an event.
    if (changed.has('rate') && Number.isFinite(this.rate) && this.rate !== s.state.rate) s.setRate(this.rate);
    if (changed.has('voice') && this.voice !== (s.state.voice?.id ?? '')) s.setVoice(this.voice || null);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_state') || changed.has('headingLevel') || this._sentenceEls.size === 0) this._syncHighlight();
    // What the store (or the listener's choice) committed, checked against the live control every
    // render, like lit's live(): a control the listener moved shows the committed value again.
    const s = this._state;
    const set = (sel: string, key: 'value' | 'checked', v: string | boolean) => {
      const el = this.renderRoot.querySelector<HTMLInputElement>(sel);
      if (el && el[key] !== v) (el[key] as string | boolean) = v;
    };
    set('#speed', 'value', String(s?.rate ?? this.rate));
    set('#section', 'value', String((s?.position?.sectionIndex ?? 0) + 1));
    set('#keep-awake', 'checked', this._wake?.enabled ?? false);
    set('#follow', 'checked', this._followAlong);
  }

  // ---- loading and the store ----

  private _articleLang(a: Article): string {
    return this.lang || a.lang;
  }

  private _attach(article: Article | null): void {
    if (article === this._article) return;
    this._article = article;
    this._index = article ? indexArticle(article) : null;
    this._forgetText();
    this._follow.following = true;
    if (!article) {
      this._dropStore();
      return;
    }
    // Said when the text is there, not when the voice is: the listener can start reading (or press Play) now.
    if (this._index!.ids.length > 0) this._announce(t.ready(article.title));
    if (this._store && !this._ownEngineFor(article)) {
      // The engine was chosen for another language (Web Speech may have no
      // voice for this one where the fallback has): choose again.
      this._dropStore();
      void this._ensureStore(article);
    } else if (this._store) this._loadInto(this._store, article);
    else void this._ensureStore(article);
  }

  /** False when the player made its engine for a language other than this article's. */
  private _ownEngineFor(article: Article): boolean {
    if (!this._ownEngine || this._storeEngine !== this._ownEngine) return true;
    return primaryLanguage(this._engineLang) === primaryLanguage(this._articleLang(article));
  }

  private _loadInto(store: PlayerStore, article: Article, at?: string): void {
    const lang = this.lang;
    store.load(lang && lang !== article.lang ? { ...article, lang } : article);
    if (at) store.seek(at);
  }

  private async _ensureStore(article: Article, at?: string): Promise<void> {
    const run = ++this._engineRun;
    let engine: SpeechEngine;
    if (this.engine) engine = this.engine;
    else {
      try {
        const createSessionSpeech = await engineChooser();
        if (run !== this._engineRun || !this.isConnected) return;
        const lang = this._articleLang(article);
        // Where the page asked the player to remember (storage is opt-in), the fallback
        // voice keeps its pack and each sentence's audio: heard again without synthesis, offline too.
        const fallbackStorage = this._remembers() ? import('../../storage/audio-cache.ts').then((m) => m.fallbackStorage()) : undefined;
        // Returned at once: Play never waits for voices (the session speaks with the fallback until one comes).
        const created = createSessionSpeech({ lang, fallbackStorage });
        this._ownEngine = created;
        this._engineLang = lang;
        engine = created;
      } catch {
        if (run !== this._engineRun) return;
        this._showEngineless();
        return;
      }
    }
    if (run !== this._engineRun || !this.isConnected || this._store) return;
    if (!this._voiceGroups) {
      void lazy(import('./voice-options.ts'), 'the voice list').then((m) => m && (this._voiceGroups = m.voiceGroups));
    }
    const store = createPlayerStore({ engine, rate: this.rate, preferredVoiceId: this.voice || null });
    this._store = store;
    this._storeEngine = engine;
    this._unsubscribe = store.subscribe((e) => this._onChange(e));
    this._loadInto(store, article, at);
    this._state = store.state;
    this._setHandsFreeStore(store);
    void this._wireHandsFree(store);
    const queued = this._queued;
    this._queued = [];
    for (const q of queued) q(store);
  }

  /**
   * Hands-free listening (src/ui/hands-free), in two lazy pieces so neither
   * costs the first paint. Media Session and its keep-alive clip load once an
   * article is ready: the clip must be unlocked inside the listener's first
   * Play gesture (iOS), so it has to be there before it. The sleep timer and
   * the screen wake lock load on first Play, or when the listener sets them.
   */
  private async _wireHandsFree(store: PlayerStore): Promise<void> {
    const { MediaSessionController } = await import('../hands-free/media-session.ts');
    if (this._store !== store) return;
    this._media ??= new MediaSessionController(this, null);
    this._media.store = store;
  }

  private _loadTimers(): Promise<unknown> {
    return (this._handsFreeLoad ??= lazy(Promise.all([import('../hands-free/sleep-timer.ts'), import('../hands-free/wake-lock.ts')]), 'the sleep timer').then(
      (m) => {
        if (!m) return;
        const [{ SleepTimer }, { WakeLockController }] = m;
        this._sleep = new SleepTimer(this, this._store, { onFire: () => this._announce(t.sleepFired) });
        this._wake = new WakeLockController(this, this._store);
        this.requestUpdate();
      },
    ));
  }

  private async _onSleepChange(e: Event): Promise<void> {
    const value = (e.target as HTMLSelectElement).value;
    await this._loadTimers();
    const sleep = this._sleep;
    if (!sleep) return;
    if (!value) sleep.cancel();
    else sleep.set(value === 'end-of-section' ? value : (Number(value) as SleepMode));
  }

  private async _onKeepAwakeChange(e: Event): Promise<void> {
    const on = (e.target as HTMLInputElement).checked;
    await this._loadTimers();
    if (this._wake) this._wake.enabled = on;
  }

  /** No engine could be created: the listener can still read the text. */
  private _showEngineless(): void {
    const lang = this._article ? this._articleLang(this._article) : uiLang;
    this._loadError = {
      kind: 'noVoice',
      code: 'no-voice',
      message: t.errorHelp.noVoice(lang),
      retry: false,
    };
    this._announce(`${t.errorTitle.noVoice}. ${this._loadError.message}`);
    this._emit('aloud-error', { code: 'no-voice', message: this._loadError.message });
  }

  private _dropStore(): void {
    this._engineRun++;
    this._syncBusy(false);
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._setHandsFreeStore(null);
    this._store?.dispose();
    this._store = null;
    this._storeEngine = null;
    this._ownEngine?.dispose();
    this._ownEngine = null;
    this._queued = [];
  }

  private _setHandsFreeStore(store: PlayerStore | null): void {
    if (this._media) this._media.store = store;
    if (this._sleep) this._sleep.store = store;
    if (this._wake) this._wake.store = store;
  }

  /** Runs a request on the store, queued while the voice is prepared; never throws into the page. */
  private _request(fn: (s: PlayerStore) => void, name = ''): void {
    try {
      // Every request comes from a user gesture or from the page's code; unlocking is harmless
      // for the latter, and iOS needs it in the former before speech (and the keep-alive clip) will start.
      (this._storeEngine ?? this.engine)?.unlock?.();
      this._media?.unlock();
      if (this._store) fn(this._store);
      else if (this._article) {
        // The engine is still being made (its chunk loading): the request waits for it.
        this._queued.push(fn);
      } else if (name) console.warn(`<aloud-player>: ${name}() ignored: no article is loaded yet.`);
    } catch (error) {
      console.warn(`<aloud-player>: ${name || 'request'} failed`, error);
    }
  }

  private _loadFailed(e: unknown): void {
    const code = (e as { code?: ArticleLoadErrorCode }).code;
    if (code === 'aborted') return;
    const message = e instanceof Error ? e.message : String(e);
    const kind: ErrorKind =
      code === 'not-an-article' || code === 'invalid-json' || code === 'unsupported-format'
        ? 'notArticle'
        : code === 'empty-article'
          ? 'empty'
          : 'load';
    this._article = null;
    this._index = null;
    this._loadError = { kind, code: code ?? 'load-failed', message, retry: kind === 'load' };
    this._announce(`${t.errorTitle[kind]}. ${message}`);
    this._emit('aloud-error', { code: code ?? 'load-failed', message });
  }

  /** "Try again" after a failed load. */
  private _retry(): void {
    this._loadError = null;
    this._runLoad();
  }

  // ---- state from the store ----

  private _onChange(e: PlayerChangeEvent): void {
    const { state: s, previous: p, changes } = e;
    this._state = s;
    if (changes.has('rate')) this.rate = s.rate;
    if (changes.has('voice')) this.voice = s.voice?.id ?? '';
    if (changes.has('article') && s.article && s.article === this._update) {
      // switchAtBoundary reloads, seeks back and resumes in one go: to a
      // listener nothing changed but the text, so no event is fired for it.
      this._switched(s.article);
      this._swapping = true;
      queueMicrotask(() => (this._swapping = false));
    }
    const quiet = this._swapping;
    this._page?.onChange(e);
    if (changes.has('starting')) this._syncBusy(s.starting);
    if (changes.has('notice') && s.notice) this._announce(t.voiceReplaced(s.notice.reason, s.notice.to.name));
    if (changes.has('status')) {
      const sentenceId = s.position?.sentenceId ?? null;
      if (s.status === 'playing') {
        void this._loadTimers();
        if (!this._emittedPlaying) this._emit('aloud-play', { sentenceId });
        this._emittedPlaying = true;
      } else if (!quiet) {
        if (s.status === 'paused' && this._emittedPlaying) this._emit('aloud-pause', { sentenceId });
        this._emittedPlaying = false;
        if (s.status === 'ended') {
          this._emit('aloud-end', {});
          this._announce(t.ended);
        }
      }
    }
    if (changes.has('error') && s.error) {
      const shown = this._shownError(s.error);
      this._emit('aloud-error', { code: shown.code, message: shown.message });
      this._announce(`${t.errorTitle[shown.kind]}. ${shown.message}`);
    }
    if (changes.has('position') && s.position && p.position && !changes.has('article') && !quiet) {
      const { sentenceId, flatIndex: index, sectionIndex } = s.position;
      if (sentenceId !== this._emittedSentence) {
        this._emit('aloud-sentence', { sentenceId, index, sectionIndex });
        if (sectionIndex !== this._emittedSection) {
          const section = s.article?.sections[sectionIndex];
          this._emit('aloud-section', { sectionIndex, sectionId: section?.id ?? '', heading: section?.heading });
          if (this._announceSection) this._announce(this._sectionText(sectionIndex));
        }
      }
      this._announceSection = false;
    }
    if (!quiet && s.position) {
      this._emittedSentence = s.position.sentenceId;
      this._emittedSection = s.position.sectionIndex;
    }
  }

  // ---- storage (lazy) ----

  /**
   * The offline panel is a lazy chunk (about 7 kB): loaded for the `offline`
   * attribute, or to upgrade an `<aloud-offline-panel>` the page put in the
   * `extras` slot without loading its script.
   */
  private _loadPanel(): void {
    if (this._panelReady) return;
    // The module defines its elements (guarded) when it is evaluated.
    void lazy(import('../offline/offline-panel.ts'), 'the offline panel').then((m) => (this._panelReady = !!m));
  }

  /** Articles and settings are remembered only where the page asked for it. */
  private _remembers(): boolean {
    return this.offline || this.querySelector('aloud-offline-panel') !== null;
  }

  /**
   * The network copy of a cached article changed. Before the listener has
   * the text, it simply replaces it; afterwards it is swapped in at the next
   * sentence boundary at the same place (`switchAtBoundary`).
   */
  private async _updated(next: Article): Promise<void> {
    const store = this._store;
    if (!store || !this._article) {
      this._attach(next);
      return;
    }
    const { switchAtBoundary } = await import('../../player/resume.ts');
    if (store !== this._store) return;
    const lang = this.lang;
    this._update = lang && lang !== next.lang ? { ...next, lang } : next;
    this._cancelUpdate?.();
    this._cancelUpdate = switchAtBoundary(store, this._update);
  }

  private _switched(article: Article): void {
    this._update = null;
    this._cancelUpdate = null;
    this._article = article;
    this._index = indexArticle(article);
    this._forgetText();
    this._announce(t.updated);
  }

  /** The panel inside the `extras` slot, or the one the `offline` attribute put in the shadow root. */
  private _panel(): { setFollowAlong?(on: boolean): void } | null {
    return this.querySelector('aloud-offline-panel') ?? this.renderRoot?.querySelector('aloud-offline-panel') ?? null;
  }

  private _onFollowChange(e: Event): void {
    const on = (e.target as HTMLInputElement).checked;
    this._followAlong = on;
    if (on) this._follow.resume(this._currentEl);
    this._panel()?.setFollowAlong?.(on);
  }

  // ---- page mode (lazy) ----

  private _startPageMode(): void {
    this._pageLoad = lazy(import('./page-glue.ts'), 'page mode').then(
      (m) => {
        if (!m) return;
        this._page = new m.PageGlue(this, {
          target: () => this.for,
          lang: () => this.lang,
          following: () => this._followAlong,
          onError: (code, message) => {
            const kind: ErrorKind = code === 'empty-article' ? 'empty' : 'notArticle';
            this._loadError = { kind, code, message, retry: false };
            this._announce(`${t.errorTitle[kind]}. ${message}`);
            this._emit('aloud-error', { code, message });
          },
        });
        this.requestUpdate();
      },
    );
  }

  // ---- sticky mini-player ----

  private _stick(): void {
    if (!this.sticky) {
      this._mini?.dispose();
      this._mini = null;
      return;
    }
    this._miniLoad ??= lazy(import('./mini-player.ts'), 'the mini-player').then((m) => m?.MiniPlayerController);
    void this._miniLoad.then((Mini) => {
      if (!Mini || !this.sticky || this._mini) return;
      this._mini = new (Mini as typeof MiniPlayerController)(this, {
        listening: () => this._state?.status === 'playing' || this._state?.status === 'paused',
        title: () => this._article?.title ?? '',
        controls: () => {
          return html`${this._renderPlay(false)}
            ${this._transport(t.previousSection, ICONS.prevSection, () => this.previousSection())}
            ${this._transport(t.nextSection, ICONS.nextSection, () => this.nextSection())}`;
        },
      });
    });
  }

  /** A store error as shown: where the code says it all (no voice, needs a tap), the UI's own words. */
  private _shownError(error: PlayerErrorInfo): ShownError {
    const kind = this._errorKind(error);
    const lang = this._article ? this._articleLang(this._article) : uiLang;
    const message = kind === 'noVoice' ? t.errorHelp.noVoice(lang) : kind === 'notAllowed' ? t.errorHelp.notAllowed : error.message;
    return { kind, code: error.code, message, retry: false };
  }

  private _errorKind(error: PlayerErrorInfo): ErrorKind {
    switch (error.code) {
      case 'no-voice':
        return 'noVoice';
      case 'not-allowed':
        return 'notAllowed';
      case 'empty-article':
        return 'empty';
      case 'not-an-article':
        return 'notArticle';
      case 'load-failed':
        return 'load';
      default:
        return 'speech';
    }
  }

  // ---- requests from the user ----

  private _shortcut(action: ShortcutAction): void {
    switch (action) {
      case 'toggle':
        return this._toggle();
      case 'previousSentence':
      case 'nextSentence':
        this._announceSection = true;
        return this[action]();
      case 'previousSection':
      case 'nextSection':
        this._announceSection = true;
        return this[action]();
      case 'start':
      case 'end':
        return this._goToSection(action === 'start' ? 0 : (this._index?.sectionStart.length ?? 1) - 1, true);
      case 'slower':
      case 'faster':
        return this._stepRate(action === 'faster' ? RATE_STEP : -RATE_STEP);
      case 'help':
        return void this._openHelp();
    }
  }

  private _toggle(): void {
    if (this._state?.status !== 'playing') this._pauseOthers();
    const cancelling = this._busy;
    this._request((s) => s.toggle());
    // The listener gave up waiting: say where that leaves them, once.
    if (cancelling && !this._state?.starting) this._announce(t.cancelled);
  }

  /** The button turns busy only when the first sound is slow to come (see BUSY_AFTER_MS). */
  private _syncBusy(starting: boolean): void {
    if (this._busyTimer) clearTimeout(this._busyTimer);
    this._busyTimer = null;
    if (!starting) this._busy = false;
    else if (!this._busy) {
      this._busyTimer = setTimeout(() => {
        this._busy = true;
        this._announce(t.preparing);
      }, BUSY_AFTER_MS);
    }
  }

  /** A pointer over Play, or focus on it: start loading the voice before the press. */
  private _prepare(): void {
    (this._storeEngine ?? this.engine)?.prepare?.();
  }

  /** One voice at a time: speech is one channel per page, so starting this player pauses the others first. */
  private _pauseOthers(): void {
    for (const other of players) if (other !== this && other._state?.status === 'playing') other.pause();
  }

  private _stepRate(delta: number): void {
    const store = this._store;
    if (!store) return;
    const next = roundRate(Math.min(MAX_RATE, Math.max(MIN_RATE, store.state.rate + delta)));
    if (next === store.state.rate) return;
    store.setRate(next);
    this._announce(t.rateLong(next));
  }

  /** To the first sentence of a section (or the nearest later section that has one). */
  private _goToSection(sectionIndex: number, announce: boolean): void {
    const starts = this._index?.sectionStart ?? [];
    let flat = -1;
    for (let i = sectionIndex; i < starts.length && flat < 0; i++) flat = starts[i] ?? -1;
    const id = this._index?.ids[flat];
    if (id === undefined) return;
    this._announceSection = announce;
    this.seek(id);
  }

  private _onSpeedInput(e: Event): void {
    // The slider speaks its own aria-valuetext: no live announcement on top.
    this._store?.setRate(Number((e.target as HTMLInputElement).value));
  }

  private _onVoiceChange(e: Event): void {
    this._store?.setVoice((e.target as HTMLSelectElement).value || null);
  }

  private _onSectionChange(e: Event): void {
    this._goToSection(Number((e.target as HTMLInputElement).value) - 1, false);
  }

  private _sentenceFrom(e: Event): HTMLElement | null {
    for (const n of e.composedPath()) {
      if (n instanceof HTMLElement && n.dataset['id']) return n;
      if (n === e.currentTarget) break;
    }
    return null;
  }

  private _playFrom(id: string): void {
    this._follow.following = true;
    this._pauseOthers();
    this._request((s) => {
      s.seek(id);
      if (s.state.status !== 'playing') s.play();
    });
  }

  private _onTextClick(e: MouseEvent): void {
    const el = this._sentenceFrom(e);
    // Selecting text to copy it is not a request to play.
    const sel = (this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    if (!el || (sel && !sel.isCollapsed)) return;
    this._playFrom(el.dataset['id']!);
  }

  private _onTextKeydown(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = this._sentenceFrom(e);
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this._playFrom(el.dataset['id']!);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const ids = this._index?.ids ?? [];
      const i = (this._index?.flatOf.get(el.dataset['id']!) ?? 0) + (e.key === 'ArrowDown' ? 1 : -1);
      const next = this._sentenceEl(ids[Math.max(0, Math.min(ids.length - 1, i))]);
      if (next && next !== el) {
        this._follow.userScrolled();
        this._setRoving(next);
        next.focus();
      }
    }
  }

  private _onTextFocusIn(e: FocusEvent): void {
    const el = this._sentenceFrom(e);
    if (el) this._setRoving(el);
  }

  private _onTextFocusOut(e: FocusEvent): void {
    // Leaving the text: the tab stop goes back to the current sentence.
    const to = e.relatedTarget as Node | null;
    if (!to || !(e.currentTarget as Node).contains(to)) {
      this._rovingEl = null;
      this._syncRoving();
    }
  }

  private _backToCurrent(): void {
    this._follow.resume(this._currentEl);
  }

  // ---- help dialog ----

  private async _openHelp(): Promise<void> {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open) return;
    this._returnFocus = deepActiveElement();
    if (!this._help) {
      const m = await lazy(import('./help-dialog.ts'), 'the keyboard help');
      if (!m) return;
      this._help = m.renderHelp;
      await this.updateComplete;
    }
    if (!dialog.open && dialog.isConnected) dialog.showModal();
  }

  private _closeHelp(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private _onHelpClosed(): void {
    const back = this._returnFocus;
    this._returnFocus = null;
    if (back?.isConnected) back.focus();
  }

  // ---- highlight, roving tab stop, follow-along (imperative: the text is rendered once) ----

  private _sentenceEl(id: string | undefined): HTMLElement | null {
    if (!id) return null;
    if (this._sentenceEls.size === 0) {
      for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.s')) this._sentenceEls.set(el.dataset['id']!, el);
    }
    return this._sentenceEls.get(id) ?? null;
  }

  private _syncHighlight(): void {
    const pos = this._state?.position;
    const el = this._sentenceEl(pos?.sentenceId ?? this._index?.ids[0]);
    if (el !== this._currentEl) {
      this._currentEl?.classList.remove('current');
      el?.classList.add('current');
      this._currentEl = el;
    }
    // Follow only while listening: a ready player must not scroll the text it just showed.
    if (this._state?.status === 'playing' && this._followAlong && el !== this._followedEl) {
      this._followedEl = el;
      this._follow.follow(el);
    }
    this._syncRoving();
    this._syncWord();
  }

  private _forgetText(): void {
    this._sentenceEls.clear();
    this._currentEl = this._rovingEl = this._followedEl = this._tabStop = null;
    this._clearWord();
  }

  private _setRoving(el: HTMLElement): void {
    this._rovingEl = el;
    this._syncRoving();
  }

  private _syncRoving(): void {
    const stop = this._rovingEl ?? this._currentEl;
    // Tracked, not queried: no selector over the whole text (100,000 words
    // in the budget's test) on every sentence change.
    if (stop === this._tabStop) return;
    if (this._tabStop) this._tabStop.tabIndex = -1;
    if (stop) stop.tabIndex = 0;
    this._tabStop = stop;
  }

  private _syncWord(): void {
    const hl = sharedWordHighlight();
    if (!hl) return;
    const word = this._state?.word;
    const el = word && this._sentenceEl(word.sentenceId);
    const text = el && [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && !!(n as Text).data);
    if (!word || !text || word.end > text.length || word.start >= word.end) {
      this._clearWord();
      return;
    }
    const range = this._wordRange ?? new Range();
    range.setStart(text, word.start);
    range.setEnd(text, word.end);
    if (!this._wordRange) hl.add(range);
    this._wordRange = range;
  }

  private _clearWord(): void {
    if (this._wordRange) wordHighlight?.delete(this._wordRange);
    this._wordRange = null;
  }

  // ---- helpers ----

  private _announce(text: string): void {
    // The same words twice in a row would not be re-announced: vary them invisibly.
    this._announcement = text === this._announcement ? `${text}\u00a0` : text;
  }

  private _emit<T>(type: string, detail: T): void {
    fire(this, type, detail);
  }

  private _sectionText(i: number): string {
    return t.sectionText(i + 1, this._article?.sections.length ?? 0, this._index?.labels[i] ?? undefined);
  }

  // ---- rendering ----

  /** `full` or `compact`, after defaults: page mode is compact unless asked otherwise. */
  private _layout(): 'full' | 'compact' {
    return this.layout === 'compact' || (this.layout !== 'full' && this.for) ? 'compact' : 'full';
  }

  protected override render(): TemplateResult {
    const article = this._article;
    const pending = this._loading;
    return html`<section part="base" class="base ${this._layout()}" lang=${uiLang} aria-label=${t.player}>
      <div part="status" class="sr-only" role="status">${this._announcement}</div>
      ${pending ? this._renderLoading() : nothing}
      ${this._loadError && !article ? this._renderError(this._loadError) : nothing}
      ${!article && !pending && !this._loadError && !this.for ? html`<p>${t.noSrc}</p>` : nothing}
      ${article ? this._renderPlayer(article) : nothing}
      ${this._renderHelp()}
    </section>
    ${article && this._mini ? this._mini.render() : nothing}`;
  }

  private _renderLoading(): TemplateResult {
    return html`<div part="loading" class="busy"><span class="spinner" aria-hidden="true"></span><span>${t.loading}…</span></div>`;
  }

  private _renderError(err: ShownError): TemplateResult {
    const lang = this._article ? this._articleLang(this._article) : uiLang;
    const help = err.kind === 'noVoice' ? t.errorHelp.noVoice(lang) : t.errorHelp[err.kind];
    return html`<div part="error" class="error">
      ${heading(this.headingLevel, t.errorTitle[err.kind])}
      ${err.message !== help ? html`<p class="detail">${err.message}</p>` : nothing}
      <p>${help}</p>
      ${err.retry ? html`<button type="button" @click=${this._retry}>${t.tryAgain}</button>` : nothing}
    </div>`;
  }

  private _playLabel(): [string, string] {
    const status = this._state?.status;
    if (this._busy) return [t.preparingShort, ICONS.play];
    return status === 'playing' ? [t.pause, ICONS.pause] : status === 'ended' ? [t.playAgain, ICONS.replay] : [t.play, ICONS.play];
  }

  /** Play / Pause / Play again, or busy while the voice is prepared (then a press cancels). */
  private _renderPlay(part: boolean): TemplateResult {
    const [label, d] = this._playLabel();
    const busy = this._busy;
    return html`<button type="button" part=${part ? 'play-button' : nothing} class="play" aria-busy=${busy ? 'true' : nothing}
      aria-label=${busy ? t.preparingName : nothing} @click=${this._toggle} @pointerenter=${this._prepare} @focus=${this._prepare}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : icon(d)}<span>${label}</span>
    </button>`;
  }

  private _renderPlayer(article: Article): TemplateResult {
    const s = this._state;
    const rate = s?.rate ?? this.rate;
    const index = this._index!;
    const flat = s?.position?.flatIndex ?? 0;
    const sectionIndex = s?.position?.sectionIndex ?? 0;
    const total = article.sections.length;
    const times = estimateTimes(index, flat, rate);
    const lang = this._articleLang(article);
    const voiceId = s?.voice?.id ?? '';
    const storeError = s?.error && s.status !== 'playing' ? s.error : null;
    const hl = this.headingLevel;
    const full = this._layout() === 'full';
    const showText = full && !this.for;

    const errors = html`${this._loadError ? this._renderError(this._loadError) : nothing}
    ${storeError ? this._renderError(this._shownError(storeError)) : nothing}
    ${s?.notice ? html`<p part="notice" class="byline">${t.voiceReplaced(s.notice.reason, s.notice.to.name)}</p>` : nothing}`;
    const play = this._renderPlay(true);
    const speed = html`<div part="speed" class="field">
      <label for="speed">${t.speed}</label>
      <input id="speed" type="range" min=${MIN_RATE} max=${MAX_RATE} step=${RATE_STEP}
        aria-valuetext=${t.rateLong(rate)} @input=${this._onSpeedInput} />
      <span class="value" aria-hidden="true">${t.rateShort(rate)}</span>
    </div>`;
    const help = html`<button type="button" part="help-button" class=${full ? '' : 'icon'} title=${full ? nothing : t.keyboardHelp}
      @click=${this._openHelp}>${icon(ICONS.keyboard)}<span class=${full ? '' : 'sr-only'}>${t.keyboardHelp}</span></button>`;
    const progress = html`<div part="progress" class="progress">
      <div class="field">
        <label for="section">${t.section}</label>
        <input id="section" type="range" min="1" max=${total} step="1"
          aria-valuetext=${this._sectionText(sectionIndex)} @change=${this._onSectionChange} />
      </div>
      <p part="time" class="time"><span>${t.elapsed(times.elapsed)}</span> <span>${t.remaining(times.remaining)}</span></p>
    </div>`;
    const extras = html`<slot name="extras"></slot>
      ${this.offline && this._panelReady && !this.querySelector('aloud-offline-panel')
        ? html`<aloud-offline-panel .store=${this._store} src=${this.src}></aloud-offline-panel>`
        : nothing}`;

    if (!full) {
      // One bar: what a listener needs while reading the page (or another part of it).
      return html`${errors}
        <div part="controls" class="controls bar" role="group" aria-label=${t.controls}>
          <div class="transport">
            ${play}
            ${this._transport(t.previousSection, ICONS.prevSection, () => this.previousSection())}
            ${this._transport(t.nextSection, ICONS.nextSection, () => this.nextSection())}
          </div>
          ${speed} ${progress} ${help}
        </div>
        ${this._page?.caption(this._state, lang) ?? nothing} ${extras}`;
    }

    return html`
      <header part="header">
        ${article.kicker ? html`<p class="kicker">${article.kicker}</p>` : nothing}
        ${heading(hl, article.title, 'title')}
        ${article.byline ? html`<p class="byline">${t.by(article.byline)}</p>` : nothing}
      </header>
      ${errors}

      <div part="controls" class="controls" role="group" aria-label=${t.controls}>
        <div class="transport">
          ${play}
          ${this._transport(t.previousSentence, ICONS.prevSentence, () => this.previousSentence())}
          ${this._transport(t.nextSentence, ICONS.nextSentence, () => this.nextSentence())}
          ${this._transport(t.previousSection, ICONS.prevSection, () => this.previousSection())}
          ${this._transport(t.nextSection, ICONS.nextSection, () => this.nextSection())}
        </div>
        ${speed}
        <div part="voice" class="field">
          <label for="voice">${t.voice}</label>
          <select id="voice" @change=${this._onVoiceChange}>
            ${guard([s?.voices, voiceId, lang, this._voiceGroups], () => this._voiceOptions(s?.voices ?? [], voiceId, lang))}
          </select>
        </div>
        ${help}
      </div>
      ${progress}
      ${this._renderHandsFree()}
      ${this._page?.caption(this._state, lang) ?? nothing}
      ${extras}
      ${showText
        ? html`<div class="layout">
            <nav part="toc" aria-labelledby="toc-title">
              <p id="toc-title" class="nav-title">${t.contents}</p>
              <ol>
                ${guard([article, sectionIndex], () =>
                  article.sections.map(
                    (_, i) => html`<li><button type="button" aria-current=${i === sectionIndex ? 'true' : nothing}
                      @click=${() => this._goToSection(i, true)}>${index.labels[i] ?? t.untitledSection}</button></li>`,
                  ),
                )}
              </ol>
            </nav>
            <div class="text-wrap">
              <div part="text" class="text" lang=${lang} aria-label=${t.articleText} role="region"
                @click=${this._onTextClick} @keydown=${this._onTextKeydown} @focusin=${this._onTextFocusIn} @focusout=${this._onTextFocusOut}
                @wheel=${{ handleEvent: this._follow.userScrolled, passive: true }}
                @touchmove=${{ handleEvent: this._follow.userScrolled, passive: true }}
                @pointerdown=${this._follow.pointerDown}>
                ${guard([article, hl], () => renderArticleBody(article, hl))}
              </div>
              ${this._follow.following || !this._followAlong
                ? nothing
                : html`<button type="button" part="back-button" class="back" @click=${this._backToCurrent}>${t.backToCurrent}</button>`}
            </div>
          </div>`
        : nothing}
    `;
  }

  private _renderHandsFree(): TemplateResult {
    const sleep = this._sleep;
    const mode = sleep?.mode ?? null;
    const left = sleep?.remainingMs ?? null;
    const wake = this._wake;
    // Shown before the timers' code is loaded: choosing one loads it.
    const canWake = wake ? wake.supported : typeof navigator !== 'undefined' && 'wakeLock' in navigator;
    return html`<div part="hands-free" class="controls">
      <div class="field">
        <label for="sleep">${t.sleepTimer}</label>
        <select id="sleep" @change=${this._onSleepChange}>
          <option value="" ?selected=${mode === null}>${t.sleepOff}</option>
          <option value="end-of-section" ?selected=${mode === 'end-of-section'}>${t.sleepEndOfSection}</option>
          ${[15, 30, 60].map((m) => html`<option value=${m} ?selected=${mode === m}>${t.sleepMinutes(m)}</option>`)}
        </select>
        ${left !== null ? html`<span class="value">${t.sleepLeft(left)}</span>` : nothing}
      </div>
      ${canWake
        ? html`<label class="check"><input id="keep-awake" type="checkbox" @change=${this._onKeepAwakeChange} />${t.keepScreenOn}</label>`
        : nothing}
      <label class="check"><input id="follow" type="checkbox" @change=${this._onFollowChange} />${t.followAlong}</label>
    </div>`;
  }

  /** Rendered only when the voices, the choice or the language change: lists can hold thousands. */
  private _voiceOptions(voices: readonly VoiceInfo[], voiceId: string, lang: string): TemplateResult {
    return html`<option value="" ?selected=${!voiceId}>${t.automaticVoice(lang)}</option>
      ${(this._voiceGroups?.(voices, lang) ?? []).map(
        (g) => html`<optgroup label=${g.label}>
          ${g.voices.map((v) => html`<option value=${v.id} ?selected=${v.id === voiceId}>${v.name}</option>`)}
        </optgroup>`,
      )}`;
  }

  private _transport(label: string, d: string, action: () => void): TemplateResult {
    return html`<button type="button" part="transport-button" class="icon" title=${label}
      @click=${() => {
        this._announceSection = true;
        action();
      }}>${icon(d)}<span class="sr-only">${label}</span></button>`;
  }

  private _renderHelp(): TemplateResult {
    return html`<dialog part="help-dialog" aria-labelledby="help-title" @close=${this._onHelpClosed}>
      ${this._help ? this._help(this.shortcuts === 'global', () => this._closeHelp()) : nothing}
    </dialog>`;
  }
}

/** Outside the class so the manifest analyzer does not list a phantom event. */
function fire<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}
