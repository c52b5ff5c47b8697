/**
 * The English words of the More menu's items and of the voice dialog: keys of
 * the catalogue (src/ui/strings.ts) kept in the menu's chunk, which loads when
 * a pointer or focus nears the More button. Other languages give them inside
 * their one file.
 */
import { format } from './format.ts';

const f = format('en');

export const menuStrings = {
  voice: 'Voice',
  automaticVoice: (lang: string) => `Automatic (best ${f.language(lang)} voice)`,
  sleepTimer: 'Sleep timer',
  sleepOff: 'Off',
  sleepEndOfSection: 'End of this section',
  sleepMinutes: (m: number) => `${f.number(m)} minutes`,
  sleepLeft: (ms: number) => `${f.number(Math.ceil(ms / 60_000))} min left`,
  keepScreenOn: 'Keep screen on',
  /** A language's name in this language (voice groups). */
  languageName: (tag: string) => f.language(tag),
  /** The voice picker's automatic choice, named with the voice it resolved to. */
  automaticNamed: (name: string) => `Automatic: ${f.isolate(name)}`,
  /** The More menu's voice item. */
  voiceItem: (choice: string) => `Voice: ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state ("Off", "End of this section", "12 min left"). */
  sleepItem: (state: string) => `Sleep timer: ${state}`,
  done: 'Done',
};

export type MenuStrings = typeof menuStrings;
