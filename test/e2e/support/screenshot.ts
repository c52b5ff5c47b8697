/**
 * Screenshots kept as test artifacts in test-results/screenshots/ (git-ignored),
 * named <name>-<viewport width>.png so the same state at 1280 and 320 px
 * sit side by side. They are for people to look at, not for pixel diffs.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface ShotOptions {
  /** The whole scrollable page instead of the viewport. Default false. */
  fullPage?: boolean;
}

/**
 * Save a PNG of the page and return its path.
 * @param name a file-name-safe state name, e.g. "player-playing-dark"
 */
export async function screenshot(page: Page, name: string, options: ShotOptions = {}): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Screenshot name must be file-name safe: ${name}`);
  const width = page.viewportSize()?.width ?? (await page.evaluate(() => window.innerWidth));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${width}.png`);
  // Blinking carets and running transitions make two shots of one state differ.
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  return path;
}
