// The widget's size budget, checked on the build the other embed tests
// serve (dist/): the entry and every chunk it imports statically, each
// gzipped at level 9 as a server would send it, at most 25 kB. Lazy chunks
// (parsers, page mode, the fallback voice) do not count, and must stay lazy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../../bench/widget.bench.ts';
import { DIST } from './support/index.ts';

const BUDGET_BYTES = 25_000;

describe('the widget budget', () => {
  const { files } = staticClosure(DIST, 'aloud-player.js');

  it('loads nothing lazy up front: no parser, page mode or fallback engine in the entry', () => {
    expect(files).toContain('aloud-player.js');
    expect(files.filter((f) => /parse|page-|highlighter|fallback|espeak/.test(f))).toEqual([]);
  });

  it('carries English only: no other interface language\'s chunk or words up front', async () => {
    const { SUPPORTED, loadStrings } = await import('../../src/ui/locale.ts');
    const others = SUPPORTED.filter((l) => l !== 'en');
    expect(files.filter((f) => others.some((l) => f.startsWith(`aloud-${l}-`)))).toEqual([]);
    const shipped = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    for (const lang of others) expect(shipped, lang).not.toContain((await loadStrings(lang)).play);
  });

  it(`is at most ${BUDGET_BYTES / 1000} kB min+gzip`, () => {
    const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    expect(gzipped, `${files.join(' + ')}: ${(gzipped / 1000).toFixed(1)} kB`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
