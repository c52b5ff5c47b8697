/**
 * A change that waits for quiet: `request()` (re)starts the wait, `run`
 * happens once no request has come for `ms`, `cancel()` drops a pending one.
 *
 * The store uses it for the rate and volume: a slider moving (ten presses
 * of an arrow key, a drag) sends a step every few milliseconds, and
 * re-speaking at each one gave ten stuttered half-second clips. The new
 * value is committed at once (the control shows it); what is sounding is
 * re-spoken once, from the current word, when the steps stop.
 */
export interface Settler {
  request(): void;
  cancel(): void;
}

/** Runs `fn` after `ms`; returns a cancel. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export const defaultSchedule: Schedule = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export function settler(run: () => void, ms: number, schedule: Schedule = defaultSchedule): Settler {
  let pending: (() => void) | null = null;
  const cancel = () => {
    pending?.();
    pending = null;
  };
  return {
    request() {
      cancel();
      pending = schedule(() => {
        pending = null;
        run();
      }, ms);
    },
    cancel,
  };
}
