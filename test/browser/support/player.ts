/** Mounting and poking an `<aloud-player>` in browser tests. */
import '../../../src/define.ts';
import type { AloudPlayer } from '../../../src/ui/player/aloud-player.ts';
import type { Article } from '../../../src/article/model.ts';
import { FakeSpeechEngine, type FakeEngineOptions } from '../../support/fake-engine.ts';
import { sampleArticle } from './fixtures.ts';

export interface Mounted {
  el: AloudPlayer;
  engine: FakeSpeechEngine;
  root: ShadowRoot;
  /** Every aloud-* event, in order. */
  events: CustomEvent[];
}

const EVENTS = ['aloud-play', 'aloud-pause', 'aloud-sentence', 'aloud-section', 'aloud-end', 'aloud-error'];

/** Polls `check` each frame until it is truthy (or fails after `ms`). */
export async function until<T>(check: () => T, what = 'condition', ms = 3000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Like {@link until} for an asynchronous check (IndexedDB reads). */
export async function untilAsync(check: () => Promise<unknown>, what = 'condition', ms = 3000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function mount(
  options: { article?: Article | null; src?: string; engine?: FakeEngineOptions; attrs?: Record<string, string> } = {},
): Promise<Mounted> {
  const el = document.createElement('aloud-player');
  const engine = new FakeSpeechEngine(options.engine);
  el.engine = engine;
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.src) el.src = options.src;
  else if (options.article !== null) el.article = options.article ?? sampleArticle();
  const events: CustomEvent[] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push(e as CustomEvent));
  document.body.append(el);
  await el.updateComplete;
  if (!options.src && options.article !== null) await until(() => el.store, 'the store');
  await el.updateComplete;
  return { el, engine, root: el.shadowRoot!, events };
}

/** Lets the store's commit reach the DOM. */
export async function flush(el: AloudPlayer): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

export function q<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** The button whose accessible text is `name` (text content, trimmed). */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button named "${name}"`);
  return b;
}

export const status = (root: ShadowRoot) => q(root, '[role="status"]').textContent?.trim() ?? '';
export const playButton = (root: ShadowRoot) => q<HTMLButtonElement>(root, '[part="play-button"]');
export const current = (root: ShadowRoot) => root.querySelector<HTMLElement>('.s.current')?.dataset['id'];

/** The focused element inside the player's shadow root. */
export const focused = (root: ShadowRoot) => root.activeElement as HTMLElement | null;

export function cleanup(): void {
  for (const el of document.querySelectorAll('aloud-player')) el.remove();
}

/** Opens the bar's More menu (its items are a lazy chunk) and waits for its items. */
export async function openMore(el: AloudPlayer, root: ShadowRoot): Promise<HTMLElement> {
  const more = q<HTMLButtonElement>(root, '#more');
  if (more.getAttribute('aria-expanded') !== 'true') more.click();
  const menu = await until(() => root.querySelector<HTMLElement>('#more-menu:not([hidden]) [role^="menuitem"]') && q(root, '#more-menu'), 'the More menu');
  await el.updateComplete;
  return menu;
}

/** The More menu's item whose text is `name` (opening the menu first). */
export async function moreItem(el: AloudPlayer, root: ShadowRoot, name: string | RegExp): Promise<HTMLElement> {
  const menu = await openMore(el, root);
  const find = () =>
    [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')].find((i) =>
      typeof name === 'string' ? i.textContent?.trim() === name : name.test(i.textContent?.trim() ?? ''),
    );
  let item = find();
  // Not in the menu itself: perhaps in the sleep timer's submenu, opened as a listener would.
  const sleep = menu.querySelector<HTMLElement>('#sleep');
  if (!item && sleep?.getAttribute('aria-expanded') === 'false') {
    sleep.click();
    await until(() => menu.querySelector('#sleep-menu'), 'the sleep timer submenu');
    await el.updateComplete;
    item = find();
  }
  if (!item) throw new Error(`no More menu item named ${String(name)}`);
  return item;
}

/** Opens the voice dialog from the More menu and returns its select. */
export async function voiceSelect(el: AloudPlayer, root: ShadowRoot): Promise<HTMLSelectElement> {
  (await moreItem(el, root, /^Voice: /)).click();
  await until(() => root.querySelector<HTMLDialogElement>('#voice-dialog')?.open, 'the voice dialog');
  return q<HTMLSelectElement>(root, '#voice');
}
