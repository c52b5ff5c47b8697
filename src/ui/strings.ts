/**
 * The English catalogue: every word the player shows or announces, the
 * shape every interface language follows (src/ui/locales/<lang>.ts, one file
 * each, loaded by src/ui/locale.ts). Accessible names here are a contract:
 * end-to-end tests and docs/player.md drive the player by role + name, so
 * change them together. Values are plain text (never HTML); a message with
 * values in it is a function, and the values go through Intl (src/ui/format.ts)
 * in the catalogue's own language. The words of the keyboard help and of the
 * offline pieces are the `help` and `offline` parts, and the words of the
 * error panel and of the More menu's items are keys of their own: in English
 * they all live in the lazy chunks that use them (help-strings.ts,
 * offline/strings.ts, error-strings.ts, menu-strings.ts), so the widget entry
 * carries only what the first paint needs.
 */

import { roundRate } from '../player/settings.ts';
import { format } from './format.ts';
import type { HelpStrings } from './help-strings.ts';
import type { OfflineStrings } from './offline/strings.ts';
import type { ErrorStrings } from './error-strings.ts';
import type { MenuStrings } from './menu-strings.ts';

const f = format('en');

export const strings = {
  /** The BCP 47 tag of this catalogue: the controls' `lang`, and the language of its Intl formats. */
  locale: 'en',
  player: 'Article player',
  controls: 'Playback controls',
  play: 'Play',
  pause: 'Pause',
  playAgain: 'Play again',
  previousSentence: 'Previous sentence',
  nextSentence: 'Next sentence',
  previousSection: 'Previous section',
  nextSection: 'Next section',
  speed: 'Speed',
  /** Visible next to the speed slider. */
  rateShort: (rate: number) => f.rate(roundRate(rate)),
  /** The slider's aria-valuetext and the live announcement. */
  rateLong: (rate: number) => `${f.number(roundRate(rate))} times speed`,
  sectionText: (n: number, total: number, heading?: string) =>
    `Section ${f.number(n)} of ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  contents: 'Contents',
  untitledSection: 'Introduction',
  /** Describes the focused sentence (a button): what Enter does. */
  playFromHere: 'Press Enter to play from this sentence.',
  articleText: 'Article text',
  backToCurrent: 'Back to the current sentence',
  keyboardHelp: 'Keyboard shortcuts',
  sleepFired: 'Sleep timer: paused',
  followAlong: 'Follow along',
  updated: 'This article was updated. Playing on from the same place.',
  miniPlayer: 'Mini player',
  closeMiniPlayer: 'Close mini player',
  nowReading: 'Now reading',
  loading: 'Loading article',
  preparing: 'Preparing the voice',
  /** The play button's visible label while the voice is prepared. */
  preparingShort: 'Preparing voice',
  /** …and its accessible name: what a press does now. */
  preparingName: 'Preparing voice, press to cancel',
  cancelled: 'Stopped. Press Play to start again.',
  /** The engine gave up on a voice and goes on with another, from the same sentence. */
  voiceReplaced: (reason: 'network' | 'failing', to: string) =>
    reason === 'network'
      ? `The online voice could not be reached, so reading goes on with ${f.isolate(to)}.`
      : `The voice kept failing, so reading goes on with ${f.isolate(to)}.`,
  ended: 'End of article',
  tryAgain: 'Try again',
  by: (byline: string) => byline,
  // Errors: what happened, then what to do next.
  noSrc: 'No article to play.',
  // The compact bar (issue 11).
  /** The player's landmark name: unique per article on a page with several players. */
  listenTo: (title: string) => `Listen: ${f.isolate(title)}`,
  listenLabel: 'Listen to this article',
  /** The bar's length estimate, after the label: "4 min". */
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} min`,
  position: 'Position',
  /** The scrubber's aria-valuetext: where, then how far in. */
  positionText: (section: string, at: number, total: number) => `${section}, ${f.clock(at)} of ${f.clock(total)}`,
  /** The visible remaining time beside the scrubber. */
  remainingShort: (seconds: number) => f.remaining(seconds),
  /** The visible elapsed time beside the scrubber. */
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `Skip: ${f.isolate(title)}` : 'Skip'),
  more: 'More',
  skipPlayer: 'Skip player',
  /** Where "Skip player" lands: the next Tab leaves the player. */
  endOfPlayer: 'End of player',
  /** Said for a section move that lands in the section already announced. */
  startOf: (section: string) => `Start of ${section}`,
};

/** The shape of the first-paint part of a catalogue (English's is `strings`). */
export type CoreStrings = typeof strings;

/** The shape of a whole catalogue: what src/ui/locales/<lang>.ts gives, `satisfies Strings`. */
export type Strings = CoreStrings & { help: HelpStrings; offline: OfflineStrings } & ErrorStrings & MenuStrings;

/**
 * A catalogue as an element holds it: a whole one for a loaded language, or
 * English's first-paint part, whose help and offline words are in their own
 * chunks (use `s.help ?? helpStrings` there).
 */
export type UiStrings = CoreStrings & Partial<Pick<Strings, 'help' | 'offline' | 'errorTitle' | 'errorHelp'> & MenuStrings>;
