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
  /** The help table: the actions of each row (their keys come from src/ui/keymap.ts) and what they do. */
  shortcutRows: [
    [['toggle'], 'Play or pause'],
    [['previousSentence', 'nextSentence'], 'Previous or next sentence'],
    [['previousSection', 'nextSection'], 'Previous or next section'],
    [['start'], 'Start of the article'],
    [['end'], 'Last section'],
    [['slower', 'faster'], 'Slower or faster'],
    [['help'], 'This help'],
  ] as const,
  /** A key as the help names it. */
  keyName: (key: string): string =>
    key
      .replace('Shift+', 'Shift + ')
      .replace(/Arrow(Left|Right|Up|Down)/, (_, d: string) => `${d} arrow`)
      .replace(/^Page(Up|Down)$/, 'Page $1')
      .replace(/^ $/, 'Space')
      .replace(/^[a-z]$/, (c) => c.toUpperCase()),
} as const;
