// The page under test: our Web Speech engine exposed on window for
// playwright to drive against Chromium's real speechSynthesis.
import { createWebSpeechEngine } from '../../../../src/speech/webspeech-engine.ts';

(window as unknown as { aloudSpeech: unknown }).aloudSpeech = { createWebSpeechEngine };
