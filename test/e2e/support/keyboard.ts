/**
 * Keyboard-only driving: Tab until a control named as a user would say it
 * has focus, and read what has focus (through shadow roots), so tests never
 * click or reach for CSS classes.
 */
import type { Locator, Page } from 'playwright-core';

/** Whether the locator's element is the deepest focused element (shadow roots pierced). */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/** A short description of the focused element: tag, role and accessible-ish name. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '(nothing)';
    const label =
      a.getAttribute('aria-label') ??
      (a as HTMLInputElement).labels?.[0]?.textContent ??
      a.textContent ??
      '';
    return `<${a.tagName.toLowerCase()}${a.getAttribute('role') ? ` role=${a.getAttribute('role')}` : ''}> ${label.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
  });
}

/**
 * Press Tab (or Shift+Tab) until `target` has focus (waiting up to `waitMs` for it to exist).
 * @returns the number of presses it took
 * @throws naming every stop on the way when it never gets there (a missing or unreachable control)
 */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean; waitMs?: number } = {}): Promise<number> {
  const max = options.max ?? 60;
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  try {
    await target.waitFor({ state: 'attached', timeout: options.waitMs ?? 5000 });
  } catch {
    throw new Error(`No control matches ${target}`);
  }
  const stops: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await hasFocus(target)) return i;
    stops.push(await describeFocus(page));
  }
  throw new Error(`${key} never reached ${target} after ${max} presses. Stops:\n  ${stops.join('\n  ')}`);
}

/** True when the page scrolls sideways (WCAG 1.4.10 reflow fails at 320 px). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
