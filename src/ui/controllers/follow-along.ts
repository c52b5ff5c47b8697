import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long the listener's own scrolling holds following off (the same pause as page mode's). */
export const FOLLOW_PAUSE_MS = 10_000;

// The page's own scrolling keys, when no control has focus.
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', ' ', 'ArrowUp', 'ArrowDown']);

let scroller: Promise<typeof import('./follow-scroll.ts')> | undefined;

/**
 * Keeps the current sentence in view: inside the scrollable text region,
 * and in the window, a third of the way down the part of it no sticky bar
 * covers (the page's `scroll-padding` on the root element, the standard way
 * to declare a sticky header, plus the sentence's own `scroll-margin`,
 * settable through `::part(sentence)`). Smooth only without
 * `prefers-reduced-motion`.
 *
 * It never fights the listener. Scrolling the text themselves (wheel, touch,
 * scrollbar, arrow keys) turns following off and shows "Back to the current
 * sentence"; scrolling the page leaves the window alone. Either way
 * following comes back when they ask to go somewhere ({@link jumped}: Play,
 * a seek, a skip, a click on a sentence) or after {@link FOLLOW_PAUSE_MS}
 * without scrolling. Only user intent counts; scroll events are ignored,
 * because the player's own (smooth) scrolling fires them too.
 *
 * The sticky mini-player never covers a followed sentence: it shows only
 * while the whole player is out of view, and bringing the sentence into
 * view brings the player back.
 */
export class FollowAlongController implements ReactiveController {
  /** True while the region follows playback. */
  following = true;
  #textAt = -Infinity;
  #pageAt = -Infinity;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly region: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) addEventListener(type, this.#onPage, { passive: true });
  }

  hostDisconnected(): void {
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) removeEventListener(type, this.#onPage);
  }

  /** Call from the region's wheel, touchmove and scrollbar pointerdown, and for keyboard moves. */
  readonly userScrolled = () => {
    this.#textAt = performance.now();
    if (!this.following) return;
    this.following = false;
    this.host.requestUpdate();
  };

  /** Pointer down on the region itself (not its text) means its scrollbar. */
  readonly pointerDown = (e: PointerEvent) => {
    if (e.target === e.currentTarget) this.userScrolled();
  };

  /** The listener asked to go somewhere: follow again, in the text and in the window. */
  jumped(): void {
    this.#pageAt = -Infinity;
    if (this.following) return;
    this.following = true;
    this.host.requestUpdate();
  }

  /** Bring `el` into view if following (or `force`). */
  follow(el: Element | null | undefined, force = false): void {
    if (!el) return;
    const now = performance.now();
    if (!this.following && now - this.#textAt >= FOLLOW_PAUSE_MS) this.jumped();
    if (!this.following && !force) return;
    // The geometry is read in the next frame, where the browser lays the new
    // highlight out anyway: read now, it would force a layout inside the speech
    // event, once per sentence. Several calls in a frame keep the last. The
    // geometry is a chunk of its own, loaded at the first sentence followed.
    const waiting = this.#next !== null;
    this.#next = { el, force: force || !!this.#next?.force };
    if (waiting) return;
    void (scroller ??= import('./follow-scroll.ts')).then((m) =>
      requestAnimationFrame(() => {
        const next = this.#next;
        this.#next = null;
        // The listener may have scrolled the text or the page since: that wins, unless they asked to come back.
        if (!next || !next.el.isConnected || (!this.following && !next.force)) return;
        m.bringIntoView(next.el, this.region(), next.force || performance.now() - this.#pageAt >= FOLLOW_PAUSE_MS);
      }),
    );
  }

  /** The sentence to bring into view at the next frame (`force`: the listener asked for it). */
  #next: { el: Element; force: boolean } | null = null;

  resume(el: Element | null | undefined): void {
    this.jumped();
    this.follow(el, true);
  }

  // The listener scrolling the page: wheel, touch, its scrollbar (a press on the root), or a scrolling key with nothing focused.
  readonly #onPage = (e: Event): void => {
    const t = e.target;
    if (e.type === 'pointerdown' ? t !== document.documentElement : e.type === 'keydown' && (!SCROLL_KEYS.has((e as KeyboardEvent).key) || (t !== document.body && t !== document.documentElement))) return;
    this.#pageAt = performance.now();
  };
}
