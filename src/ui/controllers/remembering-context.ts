import { createContext } from '@lit/context';
import type { Article } from '../../article/model.ts';
import type { ResumeOffer } from '../../player/resume.ts';
import type { AloudStorage } from '../../storage/db.ts';
import type { UiStrings } from '../strings.ts';

/**
 * What a player's remembering shares with the offline views inside it (the
 * panel, its resume prompt and save toggle): one snapshot, replaced whenever
 * any part of it changes, so a view re-renders from the context alone.
 */
export interface Remembered {
  /** The saved place offered, or null. */
  readonly offer: ResumeOffer | null;
  /** The article as the player holds it (what a save toggle saves). */
  readonly article: Article | null;
  /** The player's `src`: with one, its More menu has "Save for offline". */
  readonly src: string;
  /** The player's storage; undefined for the page-wide one. */
  readonly storage: AloudStorage | undefined;
  /** The player's interface words. */
  readonly strings: UiStrings;
  /** Go to the offered place and play from it. */
  resume(): void;
  /** Decline the offer: forget the saved place. */
  startOver(): void;
}

/** The key: a registered symbol, so two copies of the widget on a page still agree. */
export const rememberingContext = createContext<Remembered | undefined>(Symbol.for('aloud-player.remembering'));
