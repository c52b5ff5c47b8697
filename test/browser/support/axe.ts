/**
 * Runs axe-core in the test page. axe.min.js is a UMD script: imported as a
 * module it finds no `module`/`define` and installs `window.axe`, which keeps
 * the page free of eval and script injection.
 */
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

type Axe = typeof import('axe-core');

export async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) await import('axe-core/axe.min.js' as string);
  if (!w.axe) throw new Error('axe-core did not install window.axe');
  return w.axe;
}

/** Violations of WCAG 2.x A/AA and best practices inside `context`, as readable lines. */
export async function axeViolations(context: ElementContext, options: RunOptions = {}): Promise<string[]> {
  const axe = await loadAxe();
  const results: AxeResults = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    ...options,
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`,
  );
}
