// How the player shows an error, on its own: once on screen, once in the live
// region, once as an event; a store error is only said (its event comes from
// the store's change).
import { describe, expect, it } from 'vitest';
import { ErrorDisplay } from '../../../src/ui/player/error-display.ts';
import { shownError } from '../../../src/ui/player/errors.ts';
import { strings as english, type UiStrings } from '../../../src/ui/strings.ts';

function setup() {
  const said: string[] = [];
  const fired: { code: string; message: string }[] = [];
  let updates = 0;
  const display = new ErrorDisplay({
    say: (text: (t: UiStrings) => string) => said.push(text(english)),
    fire: (code, message) => fired.push({ code, message }),
    requestUpdate: () => void updates++,
  });
  return { display, said, fired, updates: () => updates };
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

  it('renders the plain message until the panel’s chunk is here, then the panel', async () => {
    const { display } = setup();
    const e = shownError('http-error', 'HTTP 500', 'en', true, 500);
    const first = display.render(e, 2, () => {}, english);
    expect(first.strings.join('')).toContain('class="error"');
    expect(first.values).toContain('HTTP 500');
    await settle();
    const panel = display.render(e, 2, () => {}, english);
    expect(panel).not.toEqual(first);
  });
});
