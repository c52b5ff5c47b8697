// The fake engine is itself test infrastructure other suites trust, so its
// queueing, strictness and auto mode are pinned here.
import { describe, expect, it } from 'vitest';
import { FakeClock, FakeSpeechEngine } from '../../support/fake-engine.ts';
import type { UtteranceRequest } from '../../../src/speech/types.ts';

const req = (text: string, rate = 1): UtteranceRequest => ({ text, lang: 'en', rate, volume: 1 });

function recorder() {
  const log: string[] = [];
  const events = (name: string) => ({
    onStart: () => log.push(`${name}:start`),
    onBoundary: (b: { charIndex: number }) => log.push(`${name}:b${b.charIndex}`),
    onEnd: () => log.push(`${name}:end`),
    onError: (e: { code: string }) => log.push(`${name}:error:${e.code}`),
  });
  return { log, events };
}

describe('FakeSpeechEngine, manual', () => {
  it('queues, sounds only the head, and records calls', () => {
    const e = new FakeSpeechEngine();
    const { log, events } = recorder();
    e.speak(req('one two'), events('a'));
    e.speak(req('three'), events('b'));
    expect(e.queuedTexts).toEqual(['one two', 'three']);
    e.finishCurrent();
    expect(e.speaking).toBe(0);
    e.fireStart();
    expect(e.speaking).toBe(1);
    e.fireEnd();
    expect(log).toEqual(['a:start', 'a:b0', 'a:b4', 'a:end', 'b:start', 'b:end']);
    expect(e.callsOf('speak').map((c) => c.request.text)).toEqual(['one two', 'three']);
    expect(e.maxSpeaking).toBe(1);
  });

  it('delivers no events of cancelled utterances and refuses impossible events', () => {
    const e = new FakeSpeechEngine();
    const { log, events } = recorder();
    e.speak(req('one'), events('a'));
    e.fireStart();
    e.cancel();
    expect(e.queue).toHaveLength(0);
    expect(() => e.fireEnd()).toThrow(/nothing queued/);
    e.speak(req('two'), events('b'));
    expect(() => e.fireEnd()).toThrow(/before start/);
    e.pause();
    expect(() => e.fireStart()).toThrow(/paused/);
    expect(log).toEqual(['a:start']);
  });

  it('reportInterrupted models raw speechSynthesis: cancel fires interrupted', () => {
    const e = new FakeSpeechEngine({ reportInterrupted: true });
    const { log, events } = recorder();
    e.speak(req('one'), events('a'));
    e.fireStart();
    e.cancel();
    expect(log).toEqual(['a:start', 'a:error:interrupted']);
  });

  it('canPause=false: pause drops the queue', () => {
    const e = new FakeSpeechEngine({ canPause: false });
    const { events } = recorder();
    e.speak(req('one'), events('a'));
    e.fireStart();
    e.pause();
    expect(e.paused).toBe(false);
    expect(e.queue).toHaveLength(0);
  });
});

describe('FakeSpeechEngine, auto', () => {
  it('speaks each utterance over text length × msPerChar / rate of the injected clock', () => {
    const clock = new FakeClock();
    const e = new FakeSpeechEngine({ auto: { msPerChar: 10 }, clock });
    const { log, events } = recorder();
    e.speak(req('ab cd', 2), events('a')); // 5 chars × 10 / 2 = 25 ms
    e.speak(req('x'), events('b'));
    clock.advance(0);
    expect(log).toEqual(['a:start', 'a:b0']);
    clock.advance(14);
    expect(log).toEqual(['a:start', 'a:b0']);
    clock.advance(1);
    expect(log).toEqual(['a:start', 'a:b0', 'a:b3']);
    clock.advance(10);
    expect(log.slice(-3)).toEqual(['a:end', 'b:start', 'b:b0']);
    clock.runAll();
    expect(log.at(-1)).toBe('b:end');
    expect(clock.now()).toBe(35);
  });

  it('pause holds the remaining time; cancel silences pending timers', () => {
    const clock = new FakeClock();
    const e = new FakeSpeechEngine({ auto: { msPerChar: 10 }, clock });
    const { log, events } = recorder();
    e.speak(req('abcd'), events('a'));
    clock.advance(20);
    e.pause();
    clock.advance(1000);
    expect(log).toEqual(['a:start', 'a:b0']);
    e.resume();
    clock.advance(19);
    expect(log).toEqual(['a:start', 'a:b0']);
    clock.advance(1);
    expect(log.at(-1)).toBe('a:end');
    e.speak(req('zz'), events('b'));
    clock.advance(5);
    e.cancel();
    clock.runAll();
    expect(log.at(-1)).toBe('b:b0');
  });

  it('zero time never fires synchronously inside speak()', () => {
    const clock = new FakeClock();
    const e = new FakeSpeechEngine({ auto: true, clock });
    const { log, events } = recorder();
    e.speak(req('a'), events('a'));
    expect(log).toEqual([]);
    clock.runAll();
    expect(log).toEqual(['a:start', 'a:b0', 'a:end']);
  });
});
