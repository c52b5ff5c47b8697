/**
 * Every word the player shows or announces, in one place, so a translation
 * is one file. Accessible names here are a contract: end-to-end tests and
 * docs/player.md drive the player by role + name, so change them together.
 */

import { roundRate } from '../player/settings.ts';

/** The language of these strings; the controls are marked with it. */
export const uiLang = 'en';

const languageNames = (() => {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language', languageDisplay: 'standard' });
  } catch {
    return null;
  }
})();

/** "English", "English (United Kingdom)"; the tag itself when the runtime has no names. */
export function languageName(tag: string): string {
  try {
    return languageNames?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** m:ss, or h:mm:ss past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** On the speed control's step: 1 → "1", 1.5 → "1.5". */
const rateNumber = (rate: number) => String(roundRate(rate));

export const strings = {
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
  rateShort: (rate: number) => `${rateNumber(rate)}×`,
  /** The slider's aria-valuetext and the live announcement. */
  rateLong: (rate: number) => `${rateNumber(rate)} times speed`,
  voice: 'Voice',
  automaticVoice: (lang: string) => `Automatic (best ${languageName(lang)} voice)`,
  sectionText: (n: number, total: number, heading?: string) =>
    `Section ${n} of ${total}${heading ? `: ${heading}` : ''}`,
  contents: 'Contents',
  untitledSection: 'Introduction',
  articleText: 'Article text',
  backToCurrent: 'Back to the current sentence',
  keyboardHelp: 'Keyboard shortcuts',
  sleepTimer: 'Sleep timer',
  sleepOff: 'Off',
  sleepEndOfSection: 'End of this section',
  sleepMinutes: (m: number) => `${m} minutes`,
  sleepLeft: (ms: number) => `${Math.ceil(ms / 60_000)} min left`,
  sleepFired: 'Sleep timer: paused',
  keepScreenOn: 'Keep screen on',
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
      ? `The online voice could not be reached, so reading goes on with ${to}.`
      : `The voice kept failing, so reading goes on with ${to}.`,
  ended: 'End of article',
  tryAgain: 'Try again',
  by: (byline: string) => byline,
  // Errors: what happened, then what to do next.
  errorTitle: {
    load: 'The article could not be loaded',
    notArticle: 'This is not an article the player can read',
    empty: 'This article is empty',
    noVoice: 'No voice can read this article',
    notAllowed: 'Press Play to start listening',
    speech: 'The voice stopped working',
  },
  errorHelp: {
    load: 'Check your connection, then try again.',
    notArticle: 'The file may be damaged or in the wrong format. The site owner can check it.',
    empty: 'There is no text in it to read aloud.',
    noVoice: (lang: string) =>
      `Your device has no voice for ${languageName(lang)}. Install one in your system's speech or accessibility settings, then reload the page.`,
    notAllowed: 'Your browser only lets speech start after you press a button.',
    speech: 'Try again, or choose another voice.',
  },
  noSrc: 'No article to play.',
  // The compact bar (issue 11).
  /** The player's landmark name: unique per article on a page with several players. */
  listenTo: (title: string) => `Listen: ${title}`,
  listenLabel: 'Listen to this article',
  /** The bar's length estimate, after the label: "4 min". */
  minutes: (seconds: number) => `${Math.max(1, Math.round(seconds / 60))} min`,
  position: 'Position',
  /** The scrubber's aria-valuetext: where, then how far in. */
  positionText: (section: string, at: number, total: number) => `${section}, ${clock(at)} of ${clock(total)}`,
  /** The visible remaining time beside the scrubber. */
  remainingShort: (seconds: number) => `−${clock(seconds)}`,
  skipControls: 'Skip',
  more: 'More',
  skipPlayer: 'Skip player',
  /** Where "Skip player" lands: the next Tab leaves the player. */
  endOfPlayer: 'End of player',
  /** Said for a section move that lands in the section already announced. */
  startOf: (section: string) => `Start of ${section}`,
  /** The voice picker's automatic choice, named with the voice it resolved to. */
  automaticNamed: (name: string) => `Automatic: ${name}`,
  /** The More menu's voice item. */
  voiceItem: (choice: string) => `Voice: ${choice}`,
  done: 'Done',
} as const;

export type Strings = typeof strings;
