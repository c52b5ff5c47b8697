// The page pieces on their own: page mode and the mini-player are made from
// their chunks (replaced by stand-ins) only when the player asks, once, and
// the mini-player goes when `sticky` does.
import { nothing } from 'lit';
import { describe, expect, it, vi } from 'vitest';

const minis: { disposed: boolean; options: unknown }[] = [];
const pages: { options: { target(): string; obscured(): unknown; onError(e: unknown): void } }[] = [];
vi.mock('../../../src/ui/player/mini-player.ts', () => ({
  MiniPlayerController: class {
    disposed = false;
    constructor(_host: unknown, readonly options: unknown) {
      minis.push(this);
    }
    obscured() {
      return { top: 0, bottom: 56 };
    }
    dispose() {
      this.disposed = true;
    }
  },
}));
vi.mock('../../../src/page/page-mode.ts', () => ({
  PageModeController: class {
    constructor(_host: unknown, readonly options: (typeof pages)[number]['options']) {
      pages.push(this);
    }
    caption(state: { position?: unknown } | null) {
      return state?.position ? 'The sentence being read.' : '';
    }
  },
}));

const { PagePieces } = await import('../../../src/ui/player/page-pieces.ts');

function setup() {
  const host = { for: 'story', lang: '', sticky: false, strings: { nowReading: 'Now reading' }, updates: 0, requestUpdate() { this.updates++; } };
  const failed: string[] = [];
  const pieces = new PagePieces(host as never, {
    following: () => true,
    failed: (code) => void failed.push(code),
    listening: () => true,
    title: () => 'T',
    lang: () => 'en',
    controls: () => null as never,
  });
  return { host, pieces, failed };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the page pieces', () => {
  it('makes the mini-player for sticky, once, and takes it down when sticky goes', async () => {
    const { host, pieces } = setup();
    pieces.stick();
    await tick();
    expect(minis).toHaveLength(0);
    host.sticky = true;
    pieces.stick();
    pieces.stick();
    await tick();
    expect(minis).toHaveLength(1);
    expect(pieces.mini).toBe(minis[0]);
    host.sticky = false;
    pieces.stick();
    expect(minis[0]!.disposed).toBe(true);
    expect(pieces.mini).toBe(null);
  });

  it("makes page mode on request, keeps the sentence clear of the mini-player, and passes page mode's errors on", async () => {
    const { host, pieces, failed } = setup();
    const page = await pieces.page.get();
    expect(page).toBe(pages[0]);
    expect(host.updates).toBe(1);
    expect(pages[0]!.options.target()).toBe('story');
    expect(pages[0]!.options.obscured()).toEqual({ top: 0, bottom: 0 });
    host.sticky = true;
    pieces.stick();
    await tick();
    expect(pages[0]!.options.obscured()).toEqual({ top: 0, bottom: 56 });
    pages[0]!.options.onError({ code: 'missing-element', message: 'x' });
    expect(failed).toEqual(['missing-element']);
  });

  it('shows a caption only where page mode gives one', async () => {
    const { pieces } = setup();
    // Before page mode is there, and where it gives no text: nothing rendered.
    expect(pieces.caption({ position: {} } as never, 'en')).toBe(nothing);
    await pieces.page.get();
    const shown = pieces.caption({ position: {} } as never, 'en') as { values: unknown[] };
    expect(shown.values).toContain('The sentence being read.');
    expect(shown.values).toContain('en');
    expect(pieces.caption(null, 'en')).toBe(nothing);
  });
});
