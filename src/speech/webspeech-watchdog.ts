/**
 * The watchdog's judgement of the utterance at the head of the queue, once a
 * tick: still fine, started without telling (a voice without events), ended
 * without telling, stuck (Chrome's ~15 s cut-off), or never started. The
 * engine acts on the verdict; this only reads the synthesizer and counts.
 *
 * Time counts only while the page is visible and nothing (we or the
 * platform) has paused speech: a locked phone or a background tab never
 * makes an utterance look stuck.
 */
import { atLastWord, BOUNDARY_GAP_MS, FOREIGN_WAIT_MS, type Native } from './webspeech-timing.ts';

export type WatchdogVerdict = 'wait' | 'silent-start' | 'finish' | 'stall' | 'no-start';

export interface WatchdogReading {
  /** `speechSynthesis.speaking` / `pending` now. */
  speaking: boolean | undefined;
  pending: boolean | undefined;
  hidden: boolean;
  /** The platform paused speech without us asking (iOS when hidden). */
  held: boolean;
  /** What the voice is known to do: fire events, or none. */
  known: 'events' | 'silent' | undefined;
  /** How many of our utterances are with the synthesizer. */
  handed: number;
  /** Time since the last tick (capped). */
  dt: number;
  now: number;
  startTimeoutMs: number;
  silentStartMs: number;
  /** The head chunk's estimated duration. */
  estimatedMs: number;
}

/** Judges the head chunk and updates its counters (time waited, time behind another script's utterance, when it went). */
export function judgeHead(head: Native, r: WatchdogReading): WatchdogVerdict {
  const { speaking, dt } = r;
  if (r.hidden || r.held) {
    head.interrupted = true;
    // Desktop browsers go on speaking in a background tab: follow a voice
    // without events to its end there too, but only once its audio can
    // have ended (iOS drops or pauses speech instead; see onVisibilityChange).
    if (r.hidden && !r.held) {
      if (!head.started && speaking === true && r.pending !== true && r.known === 'silent') return 'silent-start';
      if (head.silent && speaking === false) {
        // Judged once, when it is first seen gone: gone early means dropped,
        // left for the return to visible (said again from its start).
        if (head.goneAt === 0) head.goneAt = r.now;
        if (head.goneAt - head.handedAt >= r.estimatedMs * 0.8) return 'finish';
      }
    }
    return 'wait';
  }
  head.waited += dt;
  if (!head.started) {
    // Only ours is handed over, yet `pending`: someone else's utterance is
    // ahead of it, so it has not begun (and is not late), whatever
    // `speaking` says.
    if (r.pending === true && r.handed <= 1) {
      head.queuedBehind = true;
      head.behindMs += dt;
      // Up to a point: an utterance stuck ahead of ours is flushed by the
      // start timeout like any other hang.
      if (head.behindMs < FOREIGN_WAIT_MS) {
        head.waited -= dt;
        return 'wait';
      }
    }
    // Audio may be playing with no start event: a voice that fires none
    // (Google voices), or a slow one. Go on as if it started, never restart it.
    if (speaking === true && r.known !== 'events' && head.waited >= (r.known === 'silent' ? 0 : r.silentStartMs)) {
      return 'silent-start';
    }
    return head.waited >= r.startTimeoutMs ? 'no-start' : 'wait';
  }
  if (head.silent) {
    if (speaking === false) return 'finish';
    return head.waited >= r.estimatedMs * 2 + r.startTimeoutMs ? 'stall' : 'wait';
  }
  // A voice with real boundaries that stops giving them mid-chunk has
  // been cut off: no need to wait for the whole chunk's estimate.
  const gap = head.realBoundaries >= 2 && head.waited - head.waitedAtBoundary >= BOUNDARY_GAP_MS && !atLastWord(head);
  return gap || head.waited >= r.estimatedMs * 2 + 3000 ? 'stall' : 'wait';
}
