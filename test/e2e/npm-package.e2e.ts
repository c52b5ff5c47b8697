// The package as npm users get it: `npm pack`, unpacked into a small Vite
// app that does what the README says. Its entry must cost about what the
// widget costs (package.json's `sideEffects` lets the bundler drop the
// parsers, marked and the segmenter the README's imports never reach), and
// the `aloud-player/node` entry must work as the README shows.
// Offline: the tarball is unpacked by hand into the app's node_modules, and
// the app sits inside the repository so lit, vite and the package's other
// dependencies resolve from the project's own node_modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticClosure } from '../../bench/widget.bench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
/** Min+gzip of an entry and the chunks it imports statically, as the widget bench counts. */
const entryBytes = (dir: string, entry: string): number => staticClosure(dir, entry).files.reduce((n, f) => n + gz(join(dir, f)), 0);

let app: string;
let pkg: string;

beforeAll(() => {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  app = mkdtempSync(join(ROOT, '.cache', 'npm-consumer-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: ROOT, encoding: 'utf8' }));
  pkg = join(app, 'node_modules', 'aloud-player');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(app, packed[0].filename), '-C', pkg, '--strip-components=1']);
}, 120_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the library, the widget and the manifest, and no demo site or tests', () => {
    const files = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    expect(files.sideEffects).toContain('./lib/define.js');
    for (const f of ['lib/index.js', 'lib/define.js', 'lib/article/node.js', 'dist/aloud-player.js', 'custom-elements.json']) {
      expect(() => readFileSync(join(pkg, f))).not.toThrow();
    }
    const listing = execFileSync('find', ['.', '-type', 'f'], { cwd: pkg, encoding: 'utf8' });
    expect(listing).not.toMatch(/\bsite\/|demo\.|\/embed\/frame|\/test\//);
  });

  /** Builds the app with this main.js and returns its entry's min+gzip bytes. */
  function consumerEntry(main: string[]): number {
    writeFileSync(join(app, 'index.html'), '<!doctype html><aloud-player src="a.json"></aloud-player><script type="module" src="./main.js"></script>\n');
    writeFileSync(join(app, 'main.js'), [...main, ''].join('\n'));
    // `vite build` in its own process, as a user runs it: inside vitest,
    // NODE_ENV=test would make Vite pick Lit's development build.
    const env = { ...process.env };
    delete env.NODE_ENV;
    rmSync(join(app, 'out'), { recursive: true, force: true });
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', 'out', '--assetsDir', '.', '--logLevel', 'warn'], {
      cwd: app,
      env,
      stdio: 'pipe',
    });
    const html = readFileSync(join(app, 'out', 'index.html'), 'utf8');
    const entry = /src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, html).toBeTruthy();
    // The element really is in it, not shaken away with everything else.
    expect(readFileSync(join(app, 'out', entry!), 'utf8')).toContain('aloud-player');
    return entryBytes(join(app, 'out'), entry!);
  }

  it("a Vite app doing what the README says gets an entry within 3 kB of the widget's, and pays only for what it calls", () => {
    const widget = staticClosure(DIST, 'aloud-player.js').files;
    const widgetBytes = widget.reduce((n, f) => n + gz(join(DIST, f)), 0);
    const element = consumerEntry(["import 'aloud-player/define';"]);
    console.log(`npm consumer entry (the element) ${element} B min+gzip, widget ${widgetBytes} B (difference ${element - widgetBytes} B)`);
    // What stays between them, measured on 2026-12-03 (2,278 B): the widget's own build
    // minifies the CSS and HTML in its template literals (923 B) and an app build adds
    // Vite's preload helper and modulepreload polyfill, with the map of the 24 lazy
    // chunks (about 1.35 kB). Without `sideEffects` the entry was 70.2 kB: that is
    // what this catches.
    expect(Math.abs(element - widgetBytes)).toBeLessThanOrEqual(3000);

    // Calling createPlayerStore and loadArticle itself puts the store and the loader in the
    // app's entry: the widget fetches that same code as chunks (at connect, and with an article).
    const chunks = readdirSync(DIST).filter((f) => /^aloud-(load|store)-[\w-]+\.js$/.test(f));
    expect(chunks).toHaveLength(2);
    const inChunks = new Set(chunks.flatMap((c) => staticClosure(DIST, c).files).filter((f) => !widget.includes(f)));
    const loader = [...inChunks].reduce((n, f) => n + gz(join(DIST, f)), 0);
    const both = consumerEntry([
      "import 'aloud-player/define';",
      "import { createPlayerStore, loadArticle } from 'aloud-player';",
      // Both used, so neither is shaken away: the app pays for what it calls.
      'window.aloud = { createPlayerStore, loadArticle };',
    ]);
    console.log(`npm consumer entry (element + store + loader) ${both} B, widget + its store and loader chunks ${widgetBytes + loader} B (difference ${both - widgetBytes - loader} B)`);
    expect(Math.abs(both - widgetBytes - loader)).toBeLessThanOrEqual(3000);
  }, 120_000);

  it('aloud-player/node parses a file and a string, as the README shows', async () => {
    // Through the package's exports map, as `import … from 'aloud-player/node'` does.
    const scratch = join(app, 'node-check.mjs');
    writeFileSync(
      scratch,
      [
        "import { parseFile, parseSourceInNode } from 'aloud-player/node';",
        `const fromFile = await parseFile(${JSON.stringify(join(ROOT, 'content', 'sourdough-notes.md'))});`,
        "const fromHtml = parseSourceInNode('<article><h1>Ferry</h1><p>The ferry runs again. It left at nine.</p></article>', { format: 'html', id: 'ferry' });",
        'console.log(JSON.stringify({ file: { id: fromFile.id, sections: fromFile.sections.length }, html: fromHtml }));',
      ].join('\n'),
    );
    const out = JSON.parse(execFileSync(process.execPath, [scratch], { cwd: app, encoding: 'utf8' }));
    const expected = JSON.parse(readFileSync(join(ROOT, 'content', 'sourdough-notes.json'), 'utf8'));
    expect(out.file).toEqual({ id: expected.id, sections: expected.sections.length });
    expect(out.html.id).toBe('ferry');
    expect(JSON.stringify(out.html)).toContain('The ferry runs again.');
    expect(JSON.stringify(out.html)).toContain('It left at nine.');
  });
});
