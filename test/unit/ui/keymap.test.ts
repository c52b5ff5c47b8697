import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { globalAction, KEYMAP, localAction } from '../../../src/ui/keymap.ts';
import { helpRows } from '../../../src/ui/player/help-dialog.ts';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey }) as KeyboardEvent;
const code = (c: string) => ({ code: c }) as KeyboardEvent;

/** The rows of the first table after the keymap marker in a markdown file. */
function documentedRows(file: string): string[][] {
  const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
  const at = text.indexOf('<!-- keymap:');
  expect(at, `${file} has the keymap marker`).toBeGreaterThan(-1);
  const lines = text.slice(at).split('\n').slice(1);
  const table = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  return table.slice(2).map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()));
}

describe('the one keymap', () => {
  it('gives each local key its action, Shift changing only the arrows', () => {
    expect(localAction(key(' '))).toBe('toggle');
    expect(localAction(key('K', true))).toBe('toggle');
    expect(localAction(key('ArrowLeft'))).toBe('previousSentence');
    expect(localAction(key('ArrowLeft', true))).toBe('previousSection');
    expect(localAction(key('ArrowRight', true))).toBe('nextSection');
    expect(localAction(key('PageUp', true))).toBe('previousSection');
    expect(localAction(key('<', true))).toBe('slower');
    expect(localAction(key('?', true))).toBe('help');
    expect(localAction(key('x'))).toBeNull();
    expect(localAction(key('Enter'))).toBeNull();
  });

  it('maps the page-wide keys by physical code', () => {
    expect(globalAction(code('KeyK'))).toBe('toggle');
    expect(globalAction(code('Comma'))).toBe('slower');
    expect(globalAction(code('Slash'))).toBe('help');
    expect(globalAction(code('KeyX'))).toBeNull();
  });

  it('lists every action in the help exactly once', () => {
    const rows = helpRows();
    expect(rows.length).toBe(7);
    expect(rows[2]).toEqual(['Shift + Left arrow, Shift + Right arrow, Page Up, Page Down', 'Previous or next section']);
    expect(KEYMAP.map(([a]) => a).sort()).toEqual([...new Set(KEYMAP.map(([a]) => a))].sort());
  });

  it.each(['README.md', 'docs/player.md'])('%s shows the help’s table, row for row', (file) => {
    expect(documentedRows(file)).toEqual(helpRows());
  });
});
