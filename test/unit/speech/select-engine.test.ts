import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSpeechEngine } from '../../../src/speech/select-engine.ts';
import { FakeSynth, FakeUtterance, fakeVoice, type FakeSynthScript } from '../../support/fake-synth.ts';
import type { SpeechEngine } from '../../../src/speech/types.ts';

function fakeFallback(): { load: (lang: string) => Promise<SpeechEngine>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    load: async (lang) => {
      calls.push(lang);
      return {
        kind: 'fake',
        canPause: true,
        getVoices: async () => [],
        speak: () => ({ id: 1 }),
        pause() {},
        resume() {},
        cancel() {},
        dispose() {},
      };
    },
  };
}

function web(script: FakeSynthScript) {
  return { synth: new FakeSynth(script), Utterance: FakeUtterance, voicesTimeoutMs: 2000 };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSpeechEngine', () => {
  it('uses Web Speech when it has a voice for the language', async () => {
    const fb = fakeFallback();
    const engine = await createSpeechEngine({ lang: 'en-GB', webSpeech: web({ voices: [fakeVoice('US', 'en-US')] }), loadFallback: fb.load });
    expect(engine.kind).toBe('webspeech');
    expect(fb.calls).toEqual([]);
  });

  it('waits for voices that arrive late before deciding', async () => {
    const fb = fakeFallback();
    const p = createSpeechEngine({ lang: 'en', webSpeech: web({ voicesAfterMs: 1500 }), loadFallback: fb.load });
    await vi.advanceTimersByTimeAsync(1600);
    expect((await p).kind).toBe('webspeech');
    expect(fb.calls).toEqual([]);
  });

  it('falls back when Web Speech lists no voices (headless Chromium)', async () => {
    const fb = fakeFallback();
    const p = createSpeechEngine({ lang: 'en', webSpeech: web({ voices: [] }), loadFallback: fb.load });
    await vi.advanceTimersByTimeAsync(2000);
    expect((await p).kind).toBe('fake');
    expect(fb.calls).toEqual(['en']);
  });

  it('falls back when no Web Speech voice speaks the language (only the Afrikaans default)', async () => {
    const fb = fakeFallback();
    const engine = await createSpeechEngine({
      lang: 'de-DE',
      webSpeech: web({ voices: [fakeVoice('af', 'af', { default: true }), fakeVoice('en', 'en-US')] }),
      loadFallback: fb.load,
    });
    expect(engine.kind).toBe('fake');
    expect(fb.calls).toEqual(['de-DE']);
  });

  it('waits longer for voices where speech-dispatcher provides them (Linux)', async () => {
    const linux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
    const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
    const decide = async (userAgent: string) => {
      const fb = fakeFallback();
      const p = createSpeechEngine({
        lang: 'en',
        webSpeech: { synth: new FakeSynth({ voicesAfterMs: 4500 }), Utterance: FakeUtterance, userAgent },
        loadFallback: fb.load,
      });
      await vi.advanceTimersByTimeAsync(7000);
      return (await p).kind;
    };
    expect(await decide(linux)).toBe('webspeech');
    expect(await decide(windows)).toBe('fake');
  });

  it('falls back when speechSynthesis does not exist at all', async () => {
    const fb = fakeFallback();
    const engine = await createSpeechEngine({ lang: 'en', loadFallback: fb.load });
    expect(engine.kind).toBe('fake');
  });

  it('keeps Web Speech when neither it nor the fallback speaks the language', async () => {
    const fb = fakeFallback();
    const engine = await createSpeechEngine({ lang: 'ja', webSpeech: web({ voices: [fakeVoice('en', 'en-US')] }), loadFallback: fb.load });
    expect(engine.kind).toBe('webspeech');
    expect(fb.calls).toEqual([]);
  });

  it('keeps Web Speech when the fallback fails to load', async () => {
    const engine = await createSpeechEngine({
      lang: 'en',
      webSpeech: web({ voices: [fakeVoice('fr', 'fr-FR')] }),
      loadFallback: () => Promise.reject(new Error('built without the fallback')),
    });
    expect(engine.kind).toBe('webspeech');
  });

  it('honours prefer', async () => {
    const fb = fakeFallback();
    const forced = await createSpeechEngine({ lang: 'en', prefer: 'fallback', webSpeech: web({}), loadFallback: fb.load });
    expect(forced.kind).toBe('fake');
    const webFirst = await createSpeechEngine({
      lang: 'de',
      prefer: 'webspeech',
      webSpeech: web({ voices: [fakeVoice('en', 'en-US')] }),
      loadFallback: fb.load,
    });
    expect(webFirst.kind).toBe('webspeech');
    expect(fb.calls).toEqual(['en']);
  });
});
