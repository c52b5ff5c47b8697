/**
 * A second opinion beside axe: IBM Equal Access (accessibility-checker-engine)
 * in the page under test, the "IBM_Accessibility" rule set over the whole
 * document (it reaches into open shadow roots). Failures are results whose
 * value is ['VIOLATION', 'FAIL']; "potential" and "manual" results are
 * left for people (they are questions, not findings).
 *
 * Every rule switched off is listed in EXCLUDED_ACE_RULES with the reason,
 * and docs/testing.md repeats the list: a rule is excluded only where the
 * checker is wrong about this player, never to hide a finding.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const ACE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('accessibility-checker-engine/ace.js'), 'utf8');

/** One failing result, as printed. */
export interface AceFinding {
  ruleId: string;
  reasonId: string;
  message: string;
  /** The DOM path (through shadow roots). */
  path: string;
  snippet: string;
}

/**
 * Rules left out, with why (docs/testing.md, "IBM Equal Access", repeats
 * this). Empty means every rule of the set runs.
 */
export const EXCLUDED_ACE_RULES: Readonly<Record<string, string>> = {};

/** Runs the checker and returns the failures (empty when the page passes). */
export async function aceViolations(target: Page | Frame, exclude: Readonly<Record<string, string>> = EXCLUDED_ACE_RULES): Promise<AceFinding[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { ace?: unknown }).ace === 'object');
  // Through the DevTools protocol, as for axe: the pages run under a CSP that blocks inline scripts.
  if (!loaded) await target.evaluate(`${ACE_SOURCE}\n;void 0`);
  return target.evaluate(async (skip) => {
    type Result = { ruleId: string; reasonId: string; value: [string, string]; message: string; path: { dom: string }; snippet: string };
    const ace = (window as unknown as { ace: { Checker: new () => { check(d: Document, s: string[]): Promise<{ results: Result[] }> } } }).ace;
    const report = await new ace.Checker().check(document, ['IBM_Accessibility']);
    return report.results
      .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL' && !skip.includes(r.ruleId))
      .map((r) => ({ ruleId: r.ruleId, reasonId: String(r.reasonId), message: r.message, path: r.path.dom, snippet: r.snippet.slice(0, 200) }));
  }, Object.keys(exclude));
}

export function formatAce(findings: readonly AceFinding[]): string {
  return findings.map((f) => `  ${f.ruleId} (${f.reasonId}): ${f.message}\n    at ${f.path}\n      ${f.snippet}`).join('\n');
}

/** Throws when the checker finds any failure, naming the state that was checked. */
export async function expectNoAceViolations(target: Page | Frame, label: string): Promise<void> {
  const findings = await aceViolations(target);
  if (findings.length > 0) throw new Error(`IBM Equal Access found ${findings.length} violation(s) in state "${label}":\n${formatAce(findings)}`);
}
