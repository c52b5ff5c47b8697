// `npm test` runs pretest then test; each builds on other scripts through
// `npm run X`. The voice packs take a while to build and never change
// between steps, so the whole chain must build them exactly once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts: Record<string, string> = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;

/** Every script name `npm run <name>` would run, in order, with what it calls. */
function expand(name: string, seen: string[] = []): string[] {
  const body = scripts[name];
  if (body === undefined) throw new Error(`no script "${name}"`);
  if (seen.includes(name)) throw new Error(`script cycle: ${[...seen, name].join(' → ')}`);
  const calls = [...body.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!);
  return [name, ...calls.flatMap((c) => expand(c, [...seen, name]))];
}

describe('package.json scripts', () => {
  it('npm test builds the voice packs once', () => {
    const run = [...expand('pretest'), ...expand('test')];
    expect(run.filter((s) => s === 'voices')).toHaveLength(1);
    // …in the build, before the browser and e2e tests that load them.
    expect(expand('build')).toContain('voices');
  });

  it('npm test still runs every layer of tests and builds what e2e serves', () => {
    const body = scripts.test!;
    for (const step of ['npm run typecheck', 'npm run build', 'vitest run', 'wtr', 'vitest run -c vitest.e2e.config.ts']) {
      expect(body).toContain(step);
    }
    expect(body.indexOf('npm run build')).toBeLessThan(body.indexOf('wtr'));
    expect(body.indexOf('npm run build')).toBeLessThan(body.indexOf('vitest.e2e.config.ts'));
  });

  it('each standalone test command still prepares what it needs', () => {
    expect(expand('test:browser')).toContain('voices');
    expect(expand('test:e2e')).toEqual(expect.arrayContaining(['build', 'content', 'voices']));
    expect(expand('start')).toContain('voices');
  });
});
