/**
 * Calls one listener of an engine's events. A listener that throws is
 * logged, never allowed to stop the queue that called it.
 */
export function deliver(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error(err);
  }
}
