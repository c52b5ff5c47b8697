/**
 * Host pages for the embed tests: the built widget (dist/) served beside
 * the news and blog pages and hostile articles of test/e2e/fixtures, under
 * a strict Content-Security-Policy, with a record of every CSP violation and
 * a tripwire (`window.__pwned`) that hostile content would set if anything ran.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { serve, type ServeOptions, type TestServer, type VirtualFile } from './server.ts';

/** The policy every host page is served with. */
export const STRICT_CSP = "default-src 'self'";

const FIXTURES = join(import.meta.dirname, '../fixtures');

/** Every file of test/e2e/fixtures, served under /fixtures/… */
export function fixtureFiles(): Record<string, VirtualFile> {
  const out: Record<string, VirtualFile> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[`/fixtures/${relative(FIXTURES, path).split('\\').join('/')}`] = { body: readFileSync(path) };
    }
  };
  walk(FIXTURES);
  return out;
}

/** A fixture file's text (to fill in a host page template). */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Serves dist/ plus the fixtures, with the strict CSP on every response. */
export function serveHost(options: ServeOptions = {}): Promise<TestServer> {
  return serve({ csp: STRICT_CSP, ...options, files: { ...fixtureFiles(), ...options.files } });
}

export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __pwned?: unknown;
  }
}

/**
 * Records every `securitypolicyviolation` of the page's documents (run it
 * before navigating). Kept on `window.__cspViolations`.
 */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const list: Violation[] = [];
    Object.defineProperty(window, '__cspViolations', { value: list, enumerable: false });
    document.addEventListener(
      'securitypolicyviolation',
      (e) => list.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample }),
      true,
    );
  });
}

/** The violations recorded so far. */
export function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** What hostile content would have set had anything run: must stay undefined. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__pwned ?? (Object.prototype as { polluted?: unknown }).polluted);
}
