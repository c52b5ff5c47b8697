/**
 * The keyboard help's words: part of the UI's strings (src/ui/strings.ts),
 * kept apart because the help dialog is a lazy chunk and these would
 * otherwise weigh on every page that never opens it. A translation gives
 * both files.
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
  shortcutRows: [
    ['Space, K', 'Play or pause'],
    ['Left arrow, Right arrow', 'Previous or next sentence'],
    ['Shift + Left arrow, Shift + Right arrow, Page Up, Page Down', 'Previous or next section'],
    ['Home', 'Start of the article'],
    ['End', 'Last section'],
    ['<  >', 'Slower or faster'],
    ['?', 'This help'],
  ] as const,
} as const;
