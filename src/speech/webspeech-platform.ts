/**
 * What the Web Speech engine must know of the platform it runs on, read from
 * the user agent and the document: whether speech needs a gesture unlock
 * (iOS), whether pause() can be trusted (not on Android or speech-dispatcher),
 * how its error names map to ours, and whether the page is hidden.
 */
import type { SpeechErrorCode } from './types.ts';
import type { VisibilitySource } from './webspeech-types.ts';

/**
 * What unlock() speaks: never an empty text. On Chromium's speech-dispatcher
 * backend (Linux) an empty utterance fails with synthesis-failed and no
 * utterance ever starts again in that browser until it restarts; a one-space
 * or '.' text at volume 0 starts and ends normally everywhere.
 */
export const SILENT_UNLOCK_TEXT = '.';

/**
 * Whether speech must first be started inside a user gesture: WebKit on
 * iPhone, iPod and iPad (iPadOS asks for desktop pages with a Mac user agent,
 * told apart by its touch points). Desktop browsers need only one earlier
 * gesture on the page, which any click on Play already is.
 */
export function needsGestureUnlock(userAgent: string, maxTouchPoints = 0): boolean {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return true;
  return /Macintosh/i.test(userAgent) && maxTouchPoints > 1;
}

/**
 * Whether `speechSynthesis.pause()` can be trusted on this platform:
 * - Android: pause() acts as cancel (the utterance is lost).
 * - Linux desktops (Chromium and Firefox both speak through
 *   speech-dispatcher): pause() wedges the daemon until it restarts.
 * Elsewhere (Windows, macOS, iOS, ChromeOS) pause/resume work.
 */
export function detectCanPause(userAgent: string): boolean {
  if (/Android/i.test(userAgent)) return false;
  return !usesSpeechDispatcher(userAgent);
}

/**
 * Whether Web Speech on this platform goes through speech-dispatcher: a
 * Linux/BSD desktop (not Android, not ChromeOS). Its voices arrive late
 * (1.5–2 s, more on a busy machine) and pause() must not be called.
 */
export function usesSpeechDispatcher(userAgent: string): boolean {
  return /Linux|X11|FreeBSD/i.test(userAgent) && !/Android|CrOS/i.test(userAgent);
}

export function mapError(error: string | undefined): SpeechErrorCode {
  switch (error) {
    case 'interrupted':
    case 'canceled':
      return 'interrupted';
    case 'not-allowed':
      return 'not-allowed';
    case 'audio-busy':
    case 'audio-hardware':
      return 'audio-busy';
    case 'network':
      return 'network';
    case 'language-unavailable':
    case 'voice-unavailable':
      return 'no-voice';
    case 'synthesis-failed':
    case 'synthesis-unavailable':
    case 'text-too-long':
    case 'invalid-argument':
      return 'synthesis-failed';
    default:
      return 'unknown';
  }
}

/** Page visibility from `document`, when there is one. */
export function documentVisibility(doc: {
  visibilityState?: string;
  addEventListener?(type: string, cb: () => void): void;
  removeEventListener?(type: string, cb: () => void): void;
} | undefined): VisibilitySource | undefined {
  if (!doc || typeof doc.visibilityState !== 'string' || !doc.addEventListener) return undefined;
  return {
    hidden: () => doc.visibilityState === 'hidden',
    subscribe(cb) {
      doc.addEventListener!('visibilitychange', cb);
      return () => doc.removeEventListener?.('visibilitychange', cb);
    },
  };
}
