import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article } from '../../article/model.ts';
import type { SpeechEngine } from '../../speech/types.ts';
import type { AloudStorage } from '../../storage/db.ts';
import { type PlayerChangeEvent, type PlayerState, type PlayerStore } from '../../player/types.ts';
import type { ShortcutMode } from '../controllers/shortcuts.ts';
import { FollowAlongController } from '../controllers/follow-along.ts';
import { EventBridge } from '../controllers/event-bridge.ts';
import { changedBesidesWord, TextView } from '../controllers/text-view.ts';
import type { SleepTimer } from '../hands-free/sleep-timer.ts';
import { HandsFree } from '../hands-free/wiring.ts';
import type { PageModeController } from '../../page/page-mode.ts';
import type { MiniPlayerController } from './mini-player.ts';
import type { UiStrings } from '../strings.ts';
import { dirOf, LocaleController } from '../locale.ts';
import { Announcer } from '../controllers/announcer.ts';
import { indexArticle, type ArticleIndex } from './article-index.ts';
import { renderHeader } from './article-view.ts';
import { LazyPart, lazy } from '../lazy.ts';
import { Bar, type BarModel } from './bar.ts';
import { Session } from './session.ts';
import { Transport } from './transport.ts';
import { ArticleSource } from './article-source.ts';
import { OfflineWiring } from './offline-wiring.ts';
import { PagePieces } from './page-pieces.ts';
import { ErrorDisplay } from './error-display.ts';
import { Contents } from './contents.ts';
import { MoreMenu, type MoreActions, type MoreModel } from './more-menu.ts';
import { styles } from './aloud-player.styles.ts';
import { barStyles } from './bar.styles.ts';
import { deepActiveElement, fire } from './dom.ts';

// The parts made on first use (see LazyPart). Their imports sit here, not in the class
// fields that use them: tsc leaves an import() inside a class field unrewritten for lib/.
const shortcutsChunk = () => import('../controllers/shortcuts.ts');
const lexiconChunk = () => import('../controllers/lexicon.ts');
const helpChunk = () => import('./help.ts');

export type { AloudErrorDetail, AloudPlaybackDetail, AloudSectionDetail, AloudSentenceDetail } from './events.ts';

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
 * @attr mini-position - Where the sticky mini-player sits: `bottom` (default) or `top`.
 * @attr for - Page mode: the id of the host page's element to read aloud and highlight in place.
 * @attr offline - Cache the article and remember place and settings in IndexedDB; shows the offline panel.
 * @attr lexicon - URL of a site-wide pronunciation lexicon (JSON): how words are said, applied to speech only.
 *
 * @fires aloud-play - Playback started or resumed. `detail: { sentenceId }`.
 * @fires aloud-pause - Playback paused. `detail: { sentenceId }`.
 * @fires aloud-sentence - The current sentence changed. `detail: { sentenceId, index, sectionIndex }`.
 * @fires aloud-section - The current section changed. `detail: { sectionIndex, sectionId, heading }`.
 * @fires aloud-progress - How far the listener is: at most once a second while playing, at once on a jump, `fraction: 1` at the end. `detail: { fraction, sentenceId, sectionIndex, elapsedSeconds, totalSeconds }`.
 * @fires aloud-end - The end of the article was reached (once; not on stop).
 * @fires aloud-error - Loading or speaking failed. `detail: { code, message }`.
 *
 * @csspart base - The player's outer box.
 * @csspart header - Kicker, title and byline.
 * @csspart title - The article title heading.
 * @csspart controls - The bar: play, label, skip buttons, scrubber, speed chip and More.
 * @csspart play-button - Play / Pause / Play again.
 * @csspart transport-button - Each previous/next sentence/section button.
 * @csspart speed - The speed chip (a slider showing "1.5×").
 * @csspart menu - The More menu's popup.
 * @csspart voice-dialog - The voice dialog opened from the More menu.
 * @csspart voice - The voice field inside the voice dialog (label, select).
 * @csspart progress - The Position scrubber with elapsed and remaining time.
 * @csspart time - Elapsed time and remaining time (two elements).
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
 * @cssprop --aloud-word - Background of the current word (at least 3:1 against `--aloud-highlight`).
 * @cssprop --aloud-word-fg - Text of the current word (default: the background colour, the word inverts).
 * @cssprop --aloud-highlight-underline - The current sentence's underline (default: the word colour; at least 3:1 against the background and the highlight).
 * @cssprop --aloud-focus - Focus ring colour.
 * @cssprop --aloud-danger - Error border colour.
 * @cssprop --aloud-radius - Corner radius.
 * @cssprop --aloud-font - Font of the controls.
 * @cssprop --aloud-text-font - Font of the article text.
 * @cssprop --aloud-text-size - Size of the article text.
 * @cssprop --aloud-mini-player-z-index - Stacking level of the sticky mini-player (default 9).
 * @cssprop --aloud-text-max-height - Height of the scrolling text region (default 70vh).
 */
export class AloudPlayer extends LitElement {
  static override styles = [styles, barStyles];

  /** URL of an article: article JSON, or a .md, .txt or .html source read by the content pipeline. */
  @property() src = '';

  /** An article object to play instead of `src` (takes precedence). */
  @property({ attribute: false }) article: Article | null = null;

  /** Overrides the article's language (BCP 47) for voice choice. */
  @property() override lang = '';

  /** URL of a site-wide pronunciation lexicon (JSON, see docs/speech-text.md); the article's own entries win. */
  @property() lexicon = '';
  /** Interface language (BCP 47; `de-AT` → German). Unset: the nearest `lang` at or above the element, else the article's, else English. */
  @property({ attribute: 'ui-lang' }) uiLang = '';

  /** Speaking rate, 0.5–3. Follows the player: reads back what the store committed. */
  @property({ type: Number }) rate = 1;

  /** Id of the chosen voice; empty for automatic. Follows the player. */
  @property() voice = '';

  /** `on` (default): keys work while focus is in the player. `global`: also Alt+Shift+key anywhere on the page. `off`: none. */
  @property({ reflect: true }) shortcuts: ShortcutMode = 'on';

  /** `light` or `dark` forces a colour scheme; anything else follows the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * `full`: the bar, the contents and the text. `compact`: the bar alone
   * (play/pause, "Listen to this article · 4 min", the skip buttons, the
   * scrubber, the speed chip, More), no text. Unset: `full`, or `compact` in
   * page mode (`for`), where the page is the text (the iframe page sets it).
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

  /** Where remembering reads and writes (the article cache, saved copies, place, settings). Default: the page-wide IndexedDB storage. */
  @property({ attribute: false }) storage: AloudStorage | undefined;

  /** Level of the title heading (1–5); section headings go one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * The speech engine to use. Defaults to `createSessionSpeech()` (Web Speech, with the bundled
   * eSpeak NG fallback speaking until a platform voice is there), made when the first article loads.
   */
  @property({ attribute: false }) engine: SpeechEngine | null = null;

  /** The store's state. A commit that moves only the word (several a second) paints its highlight, not the element. */
  @state({ hasChanged: changedBesidesWord }) private _state: PlayerState | null = null;
  /** The listener's follow-along switch (remembered, where the page asks, by remembering). */
  @state() private _followAlong = true;
  /** A load from `src` is in flight. */
  @state() private _loading = false;

  /** The store and its engine, made per article language; requests before it is there wait in it. */
  readonly #session = new Session(this, {
    stored: (store) => {
      if (store) {
        this.#chosenVoice = this.voice;
        this._state = store.state;
      } else this.#transport.syncBusy(false);
      this.#handsFree.store = store;
      this.#offline.remembering?.sync();
    },
    changed: (e) => this.#onChange(e),
    // No engine could be made: the listener can still read the text.
    engineless: () => this.#errors.showCode('no-voice'),
    remembers: () => this.#offline.remembers(),
    waitFor: () => this.#offline.get(),
  });
  readonly #source = new ArticleSource({
    loading: (on) => {
      this._loading = on;
      if (!on) return;
      this.#store?.setLoading();
      // The error panel's chunk comes beside the article, so a failed load has its words at once.
      this.#errors.prefetch();
    },
    loaded: (a) => this.#attach(a),
    failed: (e) => {
      if (!this.#errors.failed(e)) return;
      this.#article = null;
      this.#index = null;
    },
    // The network copy of a cached article changed: before the listener has the text it
    // simply replaces it, afterwards remembering swaps it in at the next sentence boundary.
    updated: (next) => {
      if (!this.#store || !this.#article) this.#attach(next);
      else void this.#offline.get()?.then((r) => r?.update(next, this.lang));
    },
  });
  get #store(): PlayerStore | null {
    return this.#session.store;
  }
  #article: Article | null = null;
  #index: ArticleIndex | null = null;
  /** The voice the listener (or the page) chose; empty while automatic. */
  #chosenVoice = '';
  /** True during the commits of swapping in an updated article (no events for them). */
  #swapping = false;
  readonly #events = new EventBridge(
    (type, detail) => fire(this, type, detail),
    (error) => this.#errors.ofStore(error),
    () => this.#index,
  );
  /** Lock screen and headphones, sleep timer, screen wake lock: each a lazy chunk. */
  readonly #handsFree = new HandsFree(this, {
    index: (a) => (a === this.#article ? this.#index : null),
    slept: () => this.#announcer.say((t) => t.sleepFired),
  });
  /** The sleep timer once loaded (tests read it). */
  private get _sleep(): SleepTimer | null {
    return this.#handsFree.sleep;
  }
  /** Page mode and the sticky mini-player: lazy chunks, each loaded only when asked for. */
  readonly #pieces = new PagePieces(this, {
    following: () => this._followAlong,
    failed: (code, message) => this.#errors.showCode(code, message, this.for),
    listening: () => this._state?.status === 'playing' || this._state?.status === 'paused',
    title: () => this.#article?.title ?? '',
    lang: () => (this.#article ? this.#articleLang(this.#article) : ''),
    controls: () => (this.#article ? this.#bar.mini(this.#barModel(this.#article)) : html``),
  });
  /** Page mode's controller and the mini-player, once loaded (tests read them). */
  private get _page(): PageModeController | null {
    return this.#pieces.page.value;
  }
  private get _mini(): MiniPlayerController | null {
    return this.#pieces.mini;
  }

  /** The pronunciation lexicons' controller: a chunk loaded only once there is a lexicon at all. */
  readonly #lexicon = new LazyPart(() => lazy(lexiconChunk(), 'the lexicon').then((m) => m && new m.LexiconController()));
  readonly #errors = new ErrorDisplay({
    say: (text) => this.#announcer.say(text),
    fire: (code, message) => fire(this, 'aloud-error', { code, message }),
    requestUpdate: () => this.requestUpdate(),
    lang: () => (this.#article ? this.#articleLang(this.#article) : this.lang || this.strings.locale),
    level: () => this.headingLevel,
    reload: () => this.#runLoad(),
  });
  readonly #locale = new LocaleController(this, () => ({ uiLang: this.uiLang, articleLang: this.lang || this.#article?.lang }));
  /** The one live region; slotted pieces (e.g. <aloud-offline-panel slot="extras">) speak through it too. */
  readonly #announcer = new Announcer(this.#locale, () => this.requestUpdate(), this);
  /** The interface words in use (read-only): English until the interface language's chunk has loaded. */
  get strings(): UiStrings {
    return this.#locale.strings;
  }

  /** Remembering where the page asked for it: the remembering controller, the offline panel, focus after a resume. */
  readonly #offline = new OfflineWiring(this, {
    followAlong: (on) => (this._followAlong = on),
    say: (text) => this.#announcer.say(text),
    article: () => this.#article,
  });
  /** The keyboard help: a chunk loaded on first open. */
  readonly #help = new LazyPart(() => lazy(helpChunk(), 'the keyboard help').then((m) => m && new m.HelpDialog(this)));
  readonly #transport = new Transport(this, {
    request: (fn, name) => this.#request(fn, name),
    store: () => this.#store,
    state: () => this._state,
    article: () => this.#article,
    index: () => this.#index,
    say: (text) => this.#announcer.say(text),
    sectionText: (i, t) => this.#sectionText(i, t),
    jumped: () => this.#events.jump(),
    follow: () => (this.#follow.following = true),
    help: () => void this.#openHelp(),
  });
  readonly #more = new MoreMenu(this);
  readonly #contents = new Contents((i) => this.#transport.goToSection(i, 'always'));
  readonly #bar = new Bar(
    {
      toggle: () => this.#transport.toggle(),
      prepare: () => this.#session.engine?.prepare?.(),
      previousSection: () => this.#transport.run('previousSection'),
      previousSentence: () => this.#transport.run('previousSentence'),
      nextSentence: () => this.#transport.run('nextSentence'),
      nextSection: () => this.#transport.run('nextSection'),
      goToSection: (i) => this.#transport.goToSection(i, false),
      seekFlat: (i) => {
        const id = this.#index?.ids[i];
        if (id !== undefined) this.seek(id);
      },
      setRate: (r) => this.#store?.setRate(r),
    },
    () => this.requestUpdate(),
  );
  readonly #follow = new FollowAlongController(this, () => this.renderRoot.querySelector<HTMLElement>('.text'));
  readonly #text = new TextView(
    {
      root: () => this.renderRoot,
      state: () => this._state,
      index: () => this.#index,
      followAlong: () => this._followAlong,
      playFrom: (id) => this.#transport.playFrom(id),
    },
    this.#follow,
  );

  /** Focuses the Play/Pause button. */
  override focus(options?: FocusOptions): void {
    const play = this.renderRoot?.querySelector<HTMLElement>('[part="play-button"]');
    if (play) play.focus(options);
    else super.focus(options);
  }

  /** Loads `article` or `src` (a newer load replaces one in flight). */
  #runLoad(): void {
    this.#errors.clear();
    this.#source.load(this.src, this.article, { lang: this.lang, storage: this.storage, remembers: () => this.#offline.remembers() });
  }

  // ---- public API ----

  /** The playback store once an article is loaded (for controllers such as Media Session). */
  get store(): PlayerStore | null {
    return this.#store;
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
    if (this.#errors.loadError && !this.#article) return 'error';
    return this._state?.status ?? (this.#article ? 'ready' : 'idle');
  }

  /** Start or resume; from the beginning after the end. */
  play(): void {
    this.#transport.play();
  }
  /** Pause, keeping the place. */
  pause(): void {
    this.#transport.pause();
  }
  /** Move to a sentence by id (keeps playing if playing). An unknown id is ignored, with a console warning. */
  seek(sentenceId: string): void {
    this.#transport.seek(sentenceId);
  }
  /** Move to the next sentence. */
  nextSentence(): void {
    this.#transport.nextSentence();
  }
  /** Move to the previous sentence. */
  previousSentence(): void {
    this.#transport.previousSentence();
  }
  /** Move to the start of the next section. */
  nextSection(): void {
    this.#transport.nextSection();
  }
  /** To the start of this section, or of the previous one within two seconds of a section start. */
  previousSection(): void {
    this.#transport.previousSection();
  }

  // ---- lifecycle ----

  /**
   * The keyboard shortcuts: a chunk fetched at the first connect, beside the first paint, so
   * they are there before a listener can reach a key. Added to a connected host, Lit
   * connects the controller at once (and again on every reconnect).
   */
  readonly #shortcuts = new LazyPart(() =>
    lazy(shortcutsChunk(), 'the shortcuts').then((m) => m && new m.ShortcutsController(this, { mode: () => this.shortcuts, run: (a) => this.#transport.run(a) })),
  );

  #syncLexicon(): void {
    const lexicon = this.#lexicon.value;
    if (lexicon) return lexicon.sync(this.#store, this.#article, this.lexicon);
    if (this.lexicon || this.#article?.lexicon !== undefined) void this.#lexicon.get().then((made) => made && this.#syncLexicon());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#shortcuts.get();
    // The store's and the engine chooser's chunks come while the article loads, not after it.
    if (!this.#store) Session.prefetch(!this.engine);
    // Moved in the DOM: rebuild the store where it left off.
    if (this.#article && !this.#store) void this.#session.open(this.#article, this._state?.position?.sentenceId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session.drop();
    this.#text.clearWord();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new heading level or layout re-renders the text: forget the old sentence elements.
    if (changed.has('headingLevel') || changed.has('layout') || changed.has('for')) this.#text.forget();
    if (changed.has('src') || changed.has('article')) this.#runLoad();
    if (changed.has('sticky')) this.#pieces.stick();
    if (changed.has('for') && this.for) void this.#pieces.page.get();
    if (changed.has('offline') && this.offline) this.#offline.loadPanel();
    const s = this.#store;
    // A page that swaps the engine, or a new `lang`: a new session, at the same place.
    const swap = changed.has('engine') && !this.#session.speaksWith(this.engine);
    if (this.#article && (swap || (changed.has('lang') && changed.get('lang') !== undefined))) {
      return this.#session.reopen(this.#article, this._state?.position?.sentenceId);
    }
    if (!s) return;
    // Property set in code → a request; the store's answer flows back without an event.
    if (changed.has('rate') && Number.isFinite(this.rate) && this.rate !== s.state.rate) s.setRate(this.rate);
    if (changed.has('voice') && this.voice !== (s.state.voice?.id ?? '')) {
      this.#chosenVoice = this.voice;
      s.setVoice(this.voice || null);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_state') || changed.has('headingLevel') || this.#text.empty) this.#text.sync();
    this.#syncLexicon();
  }

  // ---- loading and the store ----

  #articleLang(a: Article): string {
    return this.lang || a.lang;
  }

  #attach(article: Article | null): void {
    if (article === this.#article) return;
    this.#article = article;
    this.#index = article ? indexArticle(article) : null;
    this.#text.forget();
    this.#follow.following = true;
    this.#session.attach(article);
    if (article) void this.#offline.get();
  }

  /** What the More menu asks for. */
  readonly #moreActions: MoreActions = {
    setVoice: (id) => {
      this.#chosenVoice = id ?? '';
      this.#store?.setVoice(id);
    },
    setSleep: (mode) => this.#handsFree.setSleep(mode),
    setKeepAwake: (on) => this.#handsFree.setKeepAwake(on),
    setSaved: (on) => void this.#offline.get()?.then((r) => r?.setSaved(on, this.#article)),
    setFollowAlong: (on) => {
      this._followAlong = on;
      if (on) this.#follow.resume(this.#text.current);
      this.#offline.remembering?.setFollowAlong(on);
    },
    // Focus goes back to the More button when the dialog closes (the menu has closed by then).
    help: () => void this.#openHelp(this.renderRoot.querySelector<HTMLElement>('#more')),
  };

  /** Opens the keyboard help; focus returns to `returnTo` (default: what has focus now) when it closes. */
  async #openHelp(returnTo: HTMLElement | null = deepActiveElement()): Promise<void> {
    let help = this.#help.value ?? undefined;
    if (!help) {
      help = await this.#help.get();
      if (!help) return;
      this.requestUpdate();
      await this.updateComplete;
    }
    await help.open(returnTo);
  }

  /** Runs a request on the store (queued while the voice is prepared); iOS unlocks the keep-alive clip in the gesture. */
  #request(fn: (s: PlayerStore) => void, name = ''): void {
    this.#handsFree.unlock();
    this.#session.request(fn, !!this.#article, name);
  }

  // ---- state from the store ----

  #onChange(e: PlayerChangeEvent): void {
    const { state: s, previous: p, changes } = e;
    this._state = s;
    if (!changedBesidesWord(s, p)) return this.#text.syncWord();
    if (changes.has('rate')) this.rate = s.rate;
    if (changes.has('voice')) this.voice = s.voice?.id ?? '';
    if (changes.has('article') && s.article && this.#offline.remembering?.switched(s.article)) {
      // switchAtBoundary reloads, seeks back and resumes in one go: to a
      // listener nothing changed but the text, so no event is fired for it.
      this.#article = s.article;
      this.#index = indexArticle(s.article);
      this.#text.forget();
      this.#announcer.say((t) => t.updated);
      this.#swapping = true;
      queueMicrotask(() => (this.#swapping = false));
    }
    const quiet = this.#swapping;
    if (changes.has('starting')) this.#transport.syncBusy(s.starting);
    if (changes.has('notice') && s.notice) this.#announcer.say((t) => t.voiceReplaced(s.notice!.reason, s.notice!.to.name));
    if (changes.has('status') && s.status === 'playing') void this.#handsFree.loadTimers();
    const told = this.#events.onChange(e, quiet);
    if (told.ended) this.#announcer.say((t) => t.ended);
    if (told.error) this.#errors.announce(told.error);
    const moved = changes.has('position') && s.position && p.position && !changes.has('article') && !quiet;
    this.#transport.announce(told.section, !!moved, s);
  }

  // ---- helpers ----

  #sectionText(i: number, t: UiStrings = this.strings): string {
    return t.sectionText(i + 1, this.#article?.sections.length ?? 0, this.#index?.labels[i] ?? undefined);
  }

  // ---- rendering ----

  /** `full` or `compact`, after defaults: page mode is compact unless asked otherwise. */
  #layout(): 'full' | 'compact' {
    return this.layout === 'compact' || (this.layout !== 'full' && this.for) ? 'compact' : 'full';
  }

  protected override render(): TemplateResult {
    const t = this.strings;
    const article = this.#article;
    const pending = this._loading;
    // Named after the article: a page with several players has several distinct landmarks.
    return html`<section part="base" class="base ${this.#layout()}" lang=${t.locale} dir=${dirOf(t.locale)} aria-label=${article ? t.listenTo(article.title) : t.player}>
      ${article ? html`<button type="button" class="skip-link" @click=${this.#skipPlayer}>${t.skipPlayer}</button>` : nothing}
      ${this.#announcer.render()}
      ${pending ? html`<div part="loading" class="busy"><span class="spinner" aria-hidden="true"></span><span>${t.loading}…</span></div>` : nothing}
      ${this.#errors.loadError && !article ? this.#errors.render(this.#errors.loadError, t) : nothing}
      ${!article && !pending && !this.#errors.loadError && !this.for ? html`<p>${t.noSrc}</p>` : nothing}
      ${article ? this.#renderPlayer(article) : nothing}
      ${this.#help.value?.render(this.shortcuts === 'global', this.strings) ?? nothing}
      <span id="player-end" class="skip-link" tabindex="-1" @blur=${(e: Event) => ((e.target as HTMLElement).tabIndex = -1)}>${t.endOfPlayer}</span>
    </section>
    ${article && this._mini ? this._mini.render() : nothing}`;
  }

  /** "Skip player": focus lands after the player, so the next Tab leaves it. */
  #skipPlayer(): void {
    // A Tab stop only while focused: Chromium starts the next Tab from the top of the shadow root after a tabindex=-1 element.
    const end = this.renderRoot.querySelector<HTMLElement>('#player-end');
    if (!end) return;
    end.tabIndex = 0;
    end.focus();
  }

  /** The bar's view of the player: the same in both layouts and (its Play and section buttons) in the mini-player. */
  #barModel(article: Article): BarModel {
    const s = this._state;
    // The title joins the label where nothing else shows it: not in the full layout (its header) nor in page mode (the page's own).
    return {
      strings: this.strings,
      state: s,
      index: this.#index!,
      rate: s?.rate ?? this.rate,
      busy: this.#transport.busy,
      title: this.#layout() === 'compact' && !this.for ? article.title : null,
      articleTitle: article.title,
      sectionText: (i) => this.#sectionText(i),
      more: this.#more.render(this.strings, this.#moreModel(article), this.#moreActions),
    };
  }

  #moreModel(article: Article): MoreModel {
    const { sleep, wake } = this.#handsFree;
    return {
      state: this._state,
      lang: this.#articleLang(article),
      sleepMode: sleep?.mode ?? null,
      sleepLeftMs: sleep?.remainingMs ?? null,
      keepAwake: this.#handsFree.canWake ? (wake?.enabled ?? false) : null,
      followAlong: this._followAlong,
      chosenVoice: this.#chosenVoice,
      saved: this.#offline.remembering && this.src ? (this.#offline.remembering.saved ?? false) : null,
    };
  }

  #renderPlayer(article: Article, t = this.strings): TemplateResult {
    const s = this._state;
    const index = this.#index!;
    const sectionIndex = s?.position?.sectionIndex ?? 0;
    const lang = this.#articleLang(article);
    const storeError = s?.error && s.status !== 'playing' ? s.error : null;
    const hl = this.headingLevel;
    const full = this.#layout() === 'full';
    return html`
      ${full ? renderHeader(article, hl, t) : nothing}
      ${this.#errors.loadError ? this.#errors.render(this.#errors.loadError, t) : nothing}
      ${storeError ? this.#errors.render(this.#errors.ofStore(storeError), t) : nothing}
      ${s?.notice ? html`<p part="notice" class="byline">${t.voiceReplaced(s.notice.reason, s.notice.to.name)}</p>` : nothing}
      ${this.#bar.render(this.#barModel(article))}
      ${this.#pieces.caption(this._state, lang)} ${this.#offline.render()}
      ${full && !this.for
        ? html`<div class="layout">
            ${this.#contents.render({ strings: t, labels: index.labels, current: sectionIndex, headingLevel: hl + 1 })}
            ${this.#text.render(article, lang, hl, t)}
          </div>`
        : nothing}
    `;
  }
}
