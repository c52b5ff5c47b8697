// The player's offline wiring on its own: when the page has asked the player
// to remember, what it loads (remembering, the panel's chunk) and when, with
// both chunks replaced by stand-ins and a host that is an event target.
import { afterEach, describe, expect, it, vi } from 'vitest';

const made: unknown[] = [];
let panelLoads = 0;
vi.mock('../../../src/ui/controllers/remembering.ts', () => ({
  Remembering: class {
    constructor(host: unknown) {
      made.push(host);
    }
  },
}));
vi.mock('../../../src/ui/offline/offline-panel.ts', () => {
  panelLoads++;
  return {};
});

const { OfflineWiring } = await import('../../../src/ui/player/offline-wiring.ts');

class Host extends EventTarget {
  offline = false;
  panel: object | null = null;
  updates = 0;
  focused = 0;
  store = null;
  src = '';
  storage = undefined;
  strings = {};
  controllers: { hostConnected?(): void }[] = [];
  updateComplete = Promise.resolve(true);
  querySelector(sel: string) {
    return sel === 'aloud-offline-panel' ? this.panel : null;
  }
  addController(c: { hostConnected?(): void }) {
    this.controllers.push(c);
  }
  requestUpdate() {
    this.updates++;
  }
  focus() {
    this.focused++;
  }
}

function setup() {
  const host = new Host();
  const wiring = new OfflineWiring(host as never, { followAlong: () => {}, say: () => {}, article: () => null });
  return { host, wiring };
}

afterEach(() => {
  made.length = 0;
  vi.unstubAllGlobals();
});

describe('the offline wiring', () => {
  it('remembers only where the page asked: the offline attribute or a panel in the player', async () => {
    const { host, wiring } = setup();
    expect(wiring.remembers()).toBe(false);
    expect(wiring.get()).toBeUndefined();
    expect(made).toEqual([]);
    host.panel = {};
    expect(wiring.remembers()).toBe(true);
    host.panel = null;
    host.offline = true;
    const r = await wiring.get();
    expect(r).toBeDefined();
    expect(made).toEqual([host]);
    // Made once, shared.
    expect(await wiring.get()).toBe(r);
    expect(wiring.remembering).toBe(r);
    expect(made).toHaveLength(1);
  });

  it("loads the panel's chunk once, for a slotted panel the page did not define, and re-renders when it is there", async () => {
    vi.stubGlobal('customElements', { get: () => undefined });
    const { host, wiring } = setup();
    host.panel = {};
    for (const c of host.controllers) c.hostConnected?.();
    wiring.loadPanel();
    await new Promise((r) => setTimeout(r, 0));
    expect(panelLoads).toBe(1);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('gives focus back to Play when the resume prompt that had it goes away', async () => {
    vi.stubGlobal('document', { activeElement: null, body: {} });
    vi.stubGlobal('HTMLElement', class {});
    const { host } = setup();
    host.dispatchEvent(new Event('aloud-resume'));
    await new Promise((r) => setTimeout(r, 0));
    expect(host.focused).toBe(1);
    host.dispatchEvent(new Event('aloud-start-over'));
    await new Promise((r) => setTimeout(r, 0));
    expect(host.focused).toBe(2);
  });
});
