/**
 * The library entry: classes, functions and types, no side effects. Import
 * `aloud-player/define` (src/define.ts) to register the element.
 */

// The element
export { AloudPlayer } from './ui/player/aloud-player.ts';
export type {
  AloudErrorDetail,
  AloudPlaybackDetail,
  AloudSectionDetail,
  AloudSentenceDetail,
} from './ui/player/aloud-player.ts';
export type { AloudProgressDetail } from './ui/controllers/event-bridge.ts';
export type { ShortcutMode } from './ui/controllers/shortcuts.ts';
export { strings } from './ui/strings.ts';
export { helpStrings } from './ui/help-strings.ts';
export type { Strings, UiStrings } from './ui/strings.ts';

// Articles: the model, loading, validation, parsing sources, segmentation, speech text, lexicons
export type { Article, Section, Paragraph, ParagraphKind, Sentence, SourceFormat } from './article/model.ts';
export { loadArticle, type LoadArticleOptions } from './article/load.ts';
export { ArticleLoadError, isArticleLoadError, type ArticleLoadErrorCode, type ArticleIssue, type ArticleIssueCode } from './article/errors.ts';
export { validateArticle, type ArticleValidation } from './article/validate.ts';
export {
  parseSource,
  detectFormat,
  ArticleParseError,
  type ArticleParseErrorCode,
  type DomParserLike,
  type ParseSourceOptions,
} from './article/parse.ts';
export { splitSentences } from './article/segment.ts';
export { speechText } from './article/speech-text.ts';
export {
  checkLexicon,
  compileLexicon,
  loadLexicon,
  type CompiledLexicon,
  type Lexicon,
  type LexiconCheck,
  type Respelled,
} from './article/lexicon.ts';

// Speech engines and voices
export type {
  SpeechEngine,
  SpeechErrorCode,
  UtteranceEvents,
  UtteranceHandle,
  UtteranceRequest,
  VoiceInfo,
} from './speech/types.ts';
export { createSessionSpeech, createSpeechEngine, type SelectEngineOptions, type SessionSpeechOptions } from './speech/select-engine.ts';
export { createWebSpeechEngine, type WebSpeechEngine, type WebSpeechEngineOptions } from './speech/webspeech-engine.ts';
export { chooseVoice, groupVoicesByLanguage, type VoiceGroup } from './speech/voices.ts';

// The playback store
export { createPlayerStore, type PlayerStoreOptions } from './player/store.ts';
export type {
  CurrentWord,
  PlayerChange,
  PlayerChangeEvent,
  PlayerErrorInfo,
  PlayerState,
  PlayerStatus,
  PlayerStore,
  Position,
} from './player/types.ts';
