/**
 * The set-up most e2e files share: one server and one Chromium for the
 * whole file, closed after it, and pages opened through `open()` closed
 * after each test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, type OpenedPage, type OpenOptions } from './browser.ts';
import type { TestServer } from './server.ts';

export interface E2eSession {
  /** The file's server (set in beforeAll). */
  readonly server: TestServer;
  /** The file's Chromium (set in beforeAll). */
  readonly browser: Browser;
  /** The page the current test opened with `open()`, or null. */
  readonly opened: OpenedPage | null;
  /** Opens a page (see openPage) that is closed after the test. */
  open(options?: OpenOptions): Promise<OpenedPage>;
}

/** Registers the hooks; call at the top level of a test file. */
export function useE2eSession(startServer: () => Promise<TestServer>): E2eSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | null = null;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get opened() {
      return opened;
    },
    async open(options = {}) {
      opened = await openPage(browser!, options);
      return opened;
    },
  };
}
