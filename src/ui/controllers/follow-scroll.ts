/**
 * Where follow-along scrolls (follow-along.ts decides whether): the text
 * region, and the window, a third of the way down the part of it no sticky
 * bar covers. Loaded at the first sentence followed.
 */
const px = (v: string) => (v.endsWith('px') ? parseFloat(v) : 0);

/** Brings `el` into view in `region` and, when `page`, in the window. */
export function bringIntoView(el: Element, region: HTMLElement | null | undefined, page: boolean): void {
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const e = el.getBoundingClientRect();
  let moved = 0;
  if (region) {
    const r = region.getBoundingClientRect();
    if (e.top < r.top || e.bottom > r.bottom) {
      // A third of the way down: the listener sees what comes next, and a
      // sentence leaving the bottom edge turns the "page" rather than creeping.
      const top = Math.max(0, Math.min(region.scrollTop + (e.top - r.top) - region.clientHeight / 3, region.scrollHeight - region.clientHeight));
      moved = top - region.scrollTop;
      region.scrollTo({ top, behavior });
    }
  }
  if (!page) return;
  // Where the sentence will be once the region has scrolled (smooth scrolling has not moved it yet).
  const root = getComputedStyle(document.documentElement);
  const own = getComputedStyle(el);
  const top = px(root.scrollPaddingTop) + px(own.scrollMarginTop);
  const bottom = innerHeight - px(root.scrollPaddingBottom) - px(own.scrollMarginBottom);
  const at = e.top - moved;
  if (at >= top && at + e.height <= bottom) return;
  scrollBy({ top: at - (top + (bottom - top) / 3), behavior });
}
