/** Aloud's storage layer: everything it remembers, none of it able to break listening. */
export {
  openStorage,
  getStorage,
  classifyError,
  DB_NAME,
  DB_VERSION,
  type AloudStorage,
  type StorageOptions,
  type StorageProblemKind,
  type ProblemListener,
} from './db.ts';
export { loadSettings, saveSetting, saveVoice, voiceLanguageKey, type SavedSettings, type SettingName } from './settings.ts';
export { loadPosition, savePosition, clearPosition, type SavedPosition } from './positions.ts';
export {
  cachedLoad,
  listSaved,
  isSaved,
  setSaved,
  remove,
  cacheKey,
  type CachedLoadOptions,
  type CachedLoadResult,
  type SavedArticle,
  type LoadArticle,
  type Revalidation,
} from './article-cache.ts';
export {
  createAudioCache,
  audioKey,
  cachedFile,
  DEFAULT_AUDIO_BUDGET,
  type AudioCache,
  type CachedAudio,
  type SentenceAudioCache,
  type WordTiming,
} from './audio-cache.ts';
