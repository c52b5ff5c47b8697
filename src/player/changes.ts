/**
 * What one commit of the playback store changed, as the names its change
 * event carries: fields compared by identity (the store replaces what it
 * changes), the section by index, the word, voice and error by value.
 */
import type { CurrentWord, PlayerChange, PlayerErrorInfo, PlayerState } from './types.ts';

const SAME_BY_IDENTITY = ['status', 'starting', 'notice', 'article', 'position', 'announcing', 'rate', 'volume', 'voices', 'announceHeadings'] as const;

const sameWord = (a: CurrentWord | null, b: CurrentWord | null): boolean =>
  a === b ||
  (!!a && !!b && a.sentenceId === b.sentenceId && a.start === b.start && a.end === b.end && a.estimated === b.estimated);

const sameError = (a: PlayerErrorInfo | null, b: PlayerErrorInfo | null): boolean =>
  a === b || (!!a && !!b && a.code === b.code && a.message === b.message);

export function changesBetween(prev: PlayerState, next: PlayerState): Set<PlayerChange> {
  const changes = new Set<PlayerChange>();
  for (const k of SAME_BY_IDENTITY) if (next[k] !== prev[k]) changes.add(k);
  if ((next.position?.sectionIndex ?? -1) !== (prev.position?.sectionIndex ?? -1)) changes.add('section');
  if (!sameWord(next.word, prev.word)) changes.add('word');
  if ((next.voice?.id ?? null) !== (prev.voice?.id ?? null)) changes.add('voice');
  if (!sameError(next.error, prev.error)) changes.add('error');
  return changes;
}
