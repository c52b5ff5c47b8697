import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the current sentence in view inside a scrollable text region, and
 * stops as soon as the listener scrolls or moves through the text themselves
 * (wheel, touch, scrollbar drag, arrow keys), so the player never fights
 * their reading. `resume()` is the "Back to the current sentence" action.
 *
 * Only user intent stops following; scroll events are ignored, because the
 * player's own (smooth) scrolling fires them too.
 */
export class FollowAlongController implements ReactiveController {
  /** True while the region follows playback. */
  following = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly region: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call from the region's wheel, touchmove and scrollbar pointerdown, and for keyboard moves. */
  readonly userScrolled = () => {
    if (!this.following) return;
    this.following = false;
    this.host.requestUpdate();
  };

  /** Pointer down on the region itself (not its text) means its scrollbar. */
  readonly pointerDown = (e: PointerEvent) => {
    if (e.target === e.currentTarget) this.userScrolled();
  };

  /** Bring `el` into view if following (or `force`), without scrolling the page around the player. */
  follow(el: Element | null | undefined, force = false): void {
    const region = this.region();
    if (!el || !region || (!this.following && !force)) return;
    const r = region.getBoundingClientRect();
    const e = el.getBoundingClientRect();
    if (e.top >= r.top && e.bottom <= r.bottom) return;
    // A third of the way down: the listener sees what comes next, and a
    // sentence leaving the bottom edge turns the "page" rather than creeping.
    const top = region.scrollTop + (e.top - r.top) - region.clientHeight / 3;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    region.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
  }

  resume(el: Element | null | undefined): void {
    this.following = true;
    this.host.requestUpdate();
    this.follow(el, true);
  }
}
