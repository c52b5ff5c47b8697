/**
 * The platform's voices as the Web Speech engine sees them: read when asked,
 * waited for when they arrive late, and the native voice an utterance is
 * given (the one asked for, else the best for its language).
 */
import type { UtteranceRequest, VoiceInfo } from './types.ts';
import { chooseVoice } from './voices.ts';
import type { SynthLike, VoiceLike } from './webspeech-types.ts';

export function toVoiceInfo(v: VoiceLike): VoiceInfo {
  return {
    id: v.voiceURI || v.name,
    name: v.name,
    lang: (v.lang || '').replace(/_/g, '-'),
    isDefault: Boolean(v.default),
    localService: v.localService !== false,
    engine: 'webspeech',
  };
}

export interface WebSpeechVoices {
  /** The voices listed right now (none while they are still on their way). */
  read(): VoiceInfo[];
  /** The voices, waiting for them (voiceschanged and a poll) up to the timeout; [] if none came. */
  get(): Promise<VoiceInfo[]>;
  /** What the last get() settled on, or null before any did. */
  known(): VoiceInfo[] | null;
  /** The native voice to speak a request with, or null (the platform then picks). */
  nativeFor(request: UtteranceRequest): VoiceLike | null;
}

export function createWebSpeechVoices(synth: SynthLike, { timeoutMs, pollMs }: { timeoutMs: number; pollMs: number }): WebSpeechVoices {
  let knownVoices: VoiceInfo[] | null = null;
  let voicesPromise: Promise<VoiceInfo[]> | null = null;

  function read(): VoiceInfo[] {
    try {
      return synth.getVoices().map(toVoiceInfo);
    } catch {
      return [];
    }
  }

  function get(): Promise<VoiceInfo[]> {
    const now = read();
    if (now.length > 0) {
      knownVoices = now;
      return Promise.resolve(now);
    }
    if (voicesPromise) return voicesPromise;
    voicesPromise = new Promise<VoiceInfo[]>((resolve) => {
      let poll: ReturnType<typeof setInterval> | null = null;
      let timeout: ReturnType<typeof setTimeout> | null = null;
      const finish = (list: VoiceInfo[]): void => {
        if (poll) clearInterval(poll);
        if (timeout) clearTimeout(timeout);
        synth.removeEventListener?.('voiceschanged', check);
        knownVoices = list;
        voicesPromise = null;
        resolve(list);
      };
      const check = (): void => {
        const list = read();
        if (list.length > 0) finish(list);
      };
      // voiceschanged is the normal path; the poll covers browsers that fill
      // the list without firing it (older Safari) and a listener added late.
      synth.addEventListener?.('voiceschanged', check);
      poll = setInterval(check, pollMs);
      timeout = setTimeout(() => finish(read()), timeoutMs);
    });
    return voicesPromise;
  }

  function nativeFor(request: UtteranceRequest): VoiceLike | null {
    const natives = synth.getVoices();
    if (request.voice && request.voice.engine === 'webspeech') {
      const v = natives.find((n) => (n.voiceURI || n.name) === request.voice!.id);
      if (v) return v;
    }
    const chosen = chooseVoice(natives.map(toVoiceInfo), request.lang);
    return chosen ? (natives.find((n) => (n.voiceURI || n.name) === chosen.id) ?? null) : null;
  }

  return { read, get, known: () => knownVoices, nativeFor };
}
