/**
 * How long the listener has heard the current section, for the "previous
 * section" rule (within the first seconds of a section it goes to the one
 * before, later to this one's start). Counts only time spent playing.
 */
export interface SectionClock {
  /** The section being timed. */
  readonly section: number;
  /** Starts timing `section`; entered anywhere but its start counts as long heard. */
  enter(section: number, atStart: boolean, running: boolean): void;
  run(): void;
  stop(): void;
  /** Milliseconds heard in the section; Infinity when entered mid-section. */
  elapsed(): number;
}

export function createSectionClock(now: () => number): SectionClock {
  let section = 0;
  let heard = 0;
  /** When playing resumed in it, or null while not playing. */
  let since: number | null = null;
  return {
    get section() {
      return section;
    },
    enter(s, atStart, running) {
      section = s;
      heard = atStart ? 0 : Infinity;
      since = running ? now() : null;
    },
    run() {
      since ??= now();
    },
    stop() {
      if (since !== null) heard += now() - since;
      since = null;
    },
    elapsed: () => heard + (since === null ? 0 : now() - since),
  };
}
