/**
 * axe-core in the page under test: WCAG 2.2 A/AA rules over the whole
 * document, open shadow roots included, with violations printed so a
 * failing run says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule tags for WCAG 2.2 level AA (each level includes the ones below). */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeOptions {
  /** CSS selector to limit the check to. Default: the whole document. */
  include?: string;
  /** Selectors to leave out (e.g. a host page's own content). */
  exclude?: string[];
  /** Override the tags. Default WCAG22_AA. */
  tags?: string[];
  /** Per-rule switches, e.g. { 'color-contrast': { enabled: false } } — say why where you use it. */
  rules?: RunOptions['rules'];
}

/** Run axe and return the violations (empty when the page passes). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  // Evaluated through the DevTools protocol rather than added as a <script>:
  // pages under test run with a strict CSP that blocks inline scripts.
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const results = await page.evaluate(
    async ({ include, exclude, tags, rules }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const context = include || exclude?.length ? { include: include ? [include] : [], exclude: (exclude ?? []).map((s) => [s]) } : document;
      const r: AxeResults = await axe.run(context as never, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        ...(rules ? { rules } : {}),
      });
      return r.violations;
    },
    { include: options.include, exclude: options.exclude, tags: options.tags ?? WCAG22_AA, rules: options.rules },
  );
  return results;
}

/** A human-readable list of violations: rule, impact, help, and each offending node. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Throw when axe finds any violation, naming the state that was checked.
 * @param label what the page was doing, e.g. "playing at 320 px"
 */
export async function expectNoAxeViolations(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} violation(s) in state "${label}":\n${formatViolations(violations)}`);
  }
}
