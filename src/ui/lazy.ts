import type { CSSResult } from 'lit';

/**
 * The one way the UI loads its lazy parts: resolves to the module, or to
 * undefined after a console warning naming what is missing (the player
 * carries on without it; nothing reaches the listener as an error).
 */
export function lazy<T>(load: Promise<T>, what: string): Promise<T | undefined> {
  return load.catch(() => void console.warn(`<aloud-player>: ${what} could not be loaded.`));
}

/**
 * A chunk asked for once and shared (a failed fetch is forgotten, so the
 * next call tries again): for chunks whose failure the caller shows.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= load().catch((e: unknown) => ((p = null), Promise.reject(e))));
}

/** A lazy chunk's styles, added to the shadow root beside the element's own (constructable sheets: CSP-safe). */
export function addStyles(root: ParentNode, styles: readonly CSSResult[]): void {
  const shadow = root as ShadowRoot;
  const sheets = styles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => !!s && !shadow.adoptedStyleSheets.includes(s));
  if (sheets.length) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, ...sheets];
}

/**
 * A part of the player made from a lazy chunk on first use: the one way the
 * element holds one. `value` once made; `get()` loads and makes it (shared
 * while loading; after a chunk failed to load, the next `get()` asks again).
 * `make` resolves to undefined when the chunk could not load (see `lazy`).
 */
export class LazyPart<T> {
  value: T | null = null;
  #loading: Promise<T | undefined> | null = null;

  constructor(private readonly make: () => Promise<T | undefined>) {}

  get(): Promise<T | undefined> {
    return (this.#loading ??= this.make().then((v) => {
      if (v === undefined) this.#loading = null;
      else this.value = v;
      return v;
    }));
  }
}
