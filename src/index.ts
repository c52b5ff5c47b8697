/**
 * The library entry: classes and types, no side effects. Import
 * `aloud-player/define` (src/define.ts) to register the element.
 */
export { AloudPlayer } from './ui/player/aloud-player.ts';
export type {
  AloudErrorDetail,
  AloudPlaybackDetail,
  AloudSectionDetail,
  AloudSentenceDetail,
} from './ui/player/aloud-player.ts';
export type { ShortcutMode } from './ui/controllers/shortcuts.ts';
export { strings } from './ui/strings.ts';
export type { Article, Section, Paragraph, Sentence } from './article/model.ts';
export type { SpeechEngine, VoiceInfo } from './speech/types.ts';
export type { PlayerState, PlayerStore, PlayerStatus } from './player/types.ts';
