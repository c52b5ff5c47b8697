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
