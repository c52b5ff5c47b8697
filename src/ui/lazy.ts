/**
 * The one way the UI loads its lazy parts: resolves to the module, or to
 * undefined after a console warning naming what is missing (the player
 * carries on without it; nothing reaches the listener as an error).
 */
export function lazy<T>(load: Promise<T>, what: string): Promise<T | undefined> {
  return load.catch(() => void console.warn(`<aloud-player>: ${what} could not be loaded.`));
}
