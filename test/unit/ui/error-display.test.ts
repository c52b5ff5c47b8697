// How the player shows an error, on its own: once on screen, once in the live
// region, once as an event; a store error is only said (its event comes from
// the store's change).
import { describe, expect, it, vi } from 'vitest';
import { ErrorDisplay } from '../../../src/ui/player/error-display.ts';
import { shownError } from '../../../src/ui/player/errors.ts';
import { strings as english, type UiStrings } from '../../../src/ui/strings.ts';

function setup() {
  const said: string[] = [];
  const fired: { code: string; message: string }[] = [];
  let updates = 0;
  let reloads = 0;
  const display = new ErrorDisplay({
    say: (text: (t: UiStrings) => string) => said.push(text(english)),
    fire: (code, message) => fired.push({ code, message }),
    requestUpdate: () => void updates++,
    lang: () => 'en-GB',
    level: () => 2,
    reload: () => void reloads++,
  });
  return { display, said, fired, updates: () => updates, reloads: () => reloads };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the error display', () => {
  it('a load error: kept for the panel, said once by kind with its advice, fired once', async () => {
    const { display, said, fired, updates } = setup();
    const e = shownError('http-error', 'HTTP 404: not found', 'en', true, 404);
    display.show(e);
    expect(display.loadError).toBe(e);
    expect(updates()).toBeGreaterThan(0);
    await settle();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^The article was not found\. /);
    expect(said[0]).not.toMatch(/connection/i);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.code).toBe('http-error');
    display.clear();
    expect(display.loadError).toBeNull();
  });

  it('a store error is said, not fired (the store’s change fires it) and not kept as a load error', async () => {
    const { display, said, fired } = setup();
    display.announce(shownError('synthesis-failed', 'The voice failed', 'en'));
    await settle();
    expect(said).toHaveLength(1);
    expect(fired).toEqual([]);
    expect(display.loadError).toBeNull();
  });

  it('renders an empty panel until the panel’s chunk is here (never the lower layer’s English), then the panel', async () => {
    const { display } = setup();
    const e = shownError('http-error', 'HTTP 500', 'en', true, 500);
    const first = display.render(e, english);
    expect(first.strings.join('')).toContain('class="error"');
    expect(JSON.stringify(first.values)).not.toContain('HTTP 500');
    await settle();
    const panel = display.render(e, english);
    expect(panel).not.toEqual(first);
  });

  it('renders the plain message where the panel’s chunk cannot load', async () => {
    vi.resetModules();
    vi.doMock('../../../src/ui/player/errors-view.ts', () => {
      throw new Error('offline');
    });
    try {
      const { ErrorDisplay: Fresh } = await import('../../../src/ui/player/error-display.ts');
      let updates = 0;
      const said: string[] = [];
      const display = new Fresh({ say: (t) => said.push(t(english)), fire: () => {}, requestUpdate: () => void updates++, lang: () => 'en', level: () => 2, reload: () => {} });
      const e = shownError('http-error', 'HTTP 500', 'en', true, 500);
      display.show(e);
      await settle();
      expect(updates).toBeGreaterThan(1);
      expect(JSON.stringify(display.render(e, english).values)).toContain('HTTP 500');
      expect(said).toEqual(['HTTP 500']);
    } finally {
      vi.doUnmock('../../../src/ui/player/errors-view.ts');
      vi.resetModules();
    }
  });

  it('sorts a failed load into its kind (a retry where one can help), ignores one a newer load replaced', async () => {
    const { display, fired } = setup();
    const aborted = Object.assign(new Error('aborted'), { code: 'aborted' });
    expect(display.failed(aborted)).toBe(false);
    expect(display.loadError).toBeNull();
    const notFound = Object.assign(new Error('HTTP 404: not found'), { code: 'http-error', status: 404 });
    expect(display.failed(notFound)).toBe(true);
    expect(display.loadError).toMatchObject({ kind: 'notFound', code: 'http-error', lang: 'en-GB', detail: '404', retry: false });
    const server = Object.assign(new Error('HTTP 503'), { code: 'http-error', status: 503 });
    display.failed(server);
    expect(display.loadError).toMatchObject({ retry: true });
    await settle();
    expect(fired.map((f) => f.code)).toEqual(['http-error', 'http-error']);
  });

  it('an error by code is shown without a retry; a store error is worded in the same language', () => {
    const { display } = setup();
    display.showCode('no-voice');
    expect(display.loadError).toMatchObject({ code: 'no-voice', retry: false, lang: 'en-GB' });
    expect(display.ofStore({ code: 'synthesis-failed', message: 'x' })).toMatchObject({ code: 'synthesis-failed', retry: false, lang: 'en-GB' });
  });

  it("'Try again' clears the error, says it is loading and loads again", async () => {
    const { display, said, reloads } = setup();
    display.failed(Object.assign(new Error('HTTP 503'), { code: 'http-error', status: 503 }));
    await settle();
    const panel = display.render(display.loadError!, english);
    // The panel's button calls the retry it was given: find it among the template's values.
    const retry = findFunction(panel);
    expect(retry).toBeTypeOf('function');
    retry!();
    expect(display.loadError).toBeNull();
    expect(said.at(-1)).toBe(english.loading);
    expect(reloads()).toBe(1);
  });
});

/** The first function among a template's values, looking into nested templates. */
function findFunction(t: { values: unknown[] }): (() => void) | null {
  for (const v of t.values) {
    if (typeof v === 'function') return v as () => void;
    if (v && typeof v === 'object' && 'values' in v) {
      const f = findFunction(v as { values: unknown[] });
      if (f) return f;
    }
  }
  return null;
}
