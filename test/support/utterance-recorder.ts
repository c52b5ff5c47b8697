/** Records what a speech engine tells one utterance, stamped with Date.now() (fake timers in the tests). */
import type { UtteranceEvents } from '../../src/speech/types.ts';

export type RecordedEvent = {
  type: 'start' | 'end' | 'error' | 'boundary';
  at: number;
  charIndex?: number;
  charLength?: number;
  estimated?: boolean;
  heardTo?: number;
  code?: string;
};

/** `events` to give to speak(); `log` of what arrived, in order. */
export function recorder(): { events: UtteranceEvents; log: RecordedEvent[] } {
  const log: RecordedEvent[] = [];
  return {
    log,
    events: {
      onStart: () => log.push({ type: 'start', at: Date.now() }),
      onEnd: () => log.push({ type: 'end', at: Date.now() }),
      onError: (e) => log.push({ type: 'error', at: Date.now(), code: e.code }),
      onBoundary: (b) => log.push({ type: 'boundary', at: Date.now(), ...b }),
    },
  };
}

/** The event types of a log without the boundaries. */
export const eventTypes = (log: RecordedEvent[]) => log.filter((e) => e.type !== 'boundary').map((e) => e.type);
