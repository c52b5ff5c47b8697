import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runSegment } from '../../../cli/segment.ts';

const run = promisify(execFile);
const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'aloud-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns a CLI exactly as `npm run` does (tsx), capturing its output and exit code. */
async function cli(script: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(tsx, [join(root, script), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
const segment = (...args: string[]) => cli('cli/segment.ts', args);

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

/** Exactly one line on stderr, with the CLI's prefix. */
function oneLine(out: Outcome): string {
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(/^aloud-segment: [^\n]+\n$/);
  return out.stderr.trim();
}

describe('npm run segment', () => {
  it('prints the seed article as 2-space JSON, format and id from the file name', async () => {
    const out = await segment('content/mosul-2017-06-29.txt');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(readFileSync(join(root, 'content/mosul-2017-06-29.json'), 'utf8'));
  });

  it('honours --format, --lang and --id', async () => {
    const path = file('notes.data', '# Titre\n\nBonjour. Au revoir.\n');
    const out = await segment(path, '--format', 'markdown', '--lang', 'fr', '--id', 'mon-id');
    expect(out.code).toBe(0);
    const article = JSON.parse(out.stdout);
    expect([article.id, article.lang, article.title]).toEqual(['mon-id', 'fr', 'Titre']);
    expect(article.sections[0].paragraphs[0].sentences.map((s: { text: string }) => s.text)).toEqual(['Bonjour.', 'Au revoir.']);
  });

  // Spawned: one process per problem the issue names; the other variants run
  // in-process below through the same runSegment the binary calls.
  it('exits 1 with one line for a missing file, an unknown format, an empty or unparsable article', async () => {
    const cases: [string[], RegExp][] = [
      [[join(tmp, 'nope.txt')], /nope\.txt: no such file$/],
      [[file('paper.pdf', 'x')], /paper\.pdf: cannot tell the format/],
      [[file('blank.txt', '\n  \n')], /blank\.txt: empty article/],
      [[file('bad.json', '{"version": 1,')], /bad\.json: not valid JSON/],
    ];
    for (const [args, message] of cases) {
      const out = await segment(...args);
      expect([args, out.code]).toEqual([args, 1]);
      expect(oneLine(out)).toMatch(message);
    }
  });

  it('exits 2 with one line for a bad flag', async () => {
    const out = await segment(file('fine.txt', 'Fine text.'), '--bogus');
    expect(out.code).toBe(2);
    expect(oneLine(out)).toMatch(/unknown option '--bogus'.*usage: npm run segment/);
  });

  it('names every other problem in one line with the right exit code', async () => {
    const ok = file('fine.txt', 'Fine text.');
    const cases: [string[], 1 | 2, RegExp][] = [
      [[file('wrong.json', '{"version": 2}')], 1, /wrong\.json: not a valid article \(/],
      [[file('empty.json', '{"version":1,"id":"e","lang":"en","title":"T","sections":[]}')], 1, /empty article/],
      [[tmp, '--format', 'text'], 1, /is a directory/],
      [[ok, '--lang', 'not a tag'], 1, /not a language tag/],
      [[ok, '--id', '../x'], 1, /not a valid article id/],
      [[], 2, /no input file given/],
      [[ok, '--format', 'pdf'], 2, /unknown --format "pdf"/],
      [[ok, '--lang'], 2, /argument missing/],
      [[ok, ok], 2, /expected one file, got 2/],
    ];
    for (const [args, code, message] of cases) {
      const out = await runSegment(args);
      expect([args, out.code]).toEqual([args, code]);
      expect(oneLine(out)).toMatch(message);
    }
    expect(await runSegment(['--help'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^usage: /) });
  });
});

describe('npm run content', () => {
  it('builds every source to <id>.json, the same bytes every run, and reports what it wrote', async () => {
    const dir = join(tmp, 'content');
    rmSync(dir, { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(dir);
    for (const name of ['mosul-2017-06-29.txt', 'sourdough-notes.md', 'harbour-ferry-2026-05-02.html']) {
      copyFileSync(join(root, 'content', name), join(dir, name));
    }
    writeFileSync(join(dir, 'ignored.pdf'), 'not a source');
    const first = await cli('cli/build-content.ts', [dir]);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^aloud-content: written .*harbour-ferry-2026-05-02\.json from .*\(3 sections, \d+ sentences\)$/),
      expect.stringMatching(/^aloud-content: written .*mosul-2017-06-29\.json from .*\(7 sections, \d+ sentences\)$/),
      expect.stringMatching(/^aloud-content: written .*sourdough-notes\.json from .*\(5 sections, \d+ sentences\)$/),
    ]);
    for (const id of ['harbour-ferry-2026-05-02', 'mosul-2017-06-29', 'sourdough-notes']) {
      expect(readFileSync(join(dir, `${id}.json`), 'utf8')).toBe(readFileSync(join(root, 'content', `${id}.json`), 'utf8'));
    }
    const mtime = statSync(join(dir, 'mosul-2017-06-29.json')).mtimeMs;
    const second = await cli('cli/build-content.ts', [dir]);
    expect(second.stdout).toMatch(/unchanged .*mosul-2017-06-29\.json/);
    expect(second.stdout).not.toMatch(/written/);
    expect(statSync(join(dir, 'mosul-2017-06-29.json')).mtimeMs).toBe(mtime);
  });

  it('fails with one line naming the file when a source is not an article', async () => {
    const dir = join(tmp, 'broken');
    (await import('node:fs')).mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'empty.md'), '# Only a title\n');
    const out = await cli('cli/build-content.ts', [dir]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^aloud-content: .*empty\.md: empty article: [^\n]+\n$/);
  });
});
