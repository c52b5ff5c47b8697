/**
 * The English keyboard help: the `help` part of the catalogue
 * (src/ui/strings.ts), kept apart because the help dialog is a lazy chunk and
 * these would otherwise weigh on every page that never opens it. Other
 * languages give it inside their one file.
 */
export const helpStrings = {
  close: 'Close',
  helpIntro:
    'These keys work while focus is anywhere in the player. A focused slider, list or button keeps its own keys.',
  helpGlobal: 'Anywhere on the page, hold Alt and Shift with these keys.',
  helpText:
    'In the article text, Up and Down arrows move between sentences; Enter or Space plays from the focused sentence.',
  key: 'Key',
  action: 'Action',
  /** What each row of the help table does (its keys come from src/ui/keymap.ts and are the same in every language). */
  rows: {
    toggle: 'Play or pause',
    sentence: 'Previous or next sentence',
    section: 'Previous or next section',
    start: 'Start of the article',
    end: 'Last section',
    rate: 'Slower or faster',
    help: 'This help',
  },
  /** Keys as the help names them; a letter or sign is shown as it is on the key. */
  keys: {
    /** Between the keys of one row. */
    separator: ', ',
    shift: 'Shift',
    space: 'Space',
    left: 'Left arrow',
    right: 'Right arrow',
    up: 'Up arrow',
    down: 'Down arrow',
    pageUp: 'Page Up',
    pageDown: 'Page Down',
    home: 'Home',
    end: 'End',
  },
};

export type HelpStrings = typeof helpStrings;
