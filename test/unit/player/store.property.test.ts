// Property: any sequence of user requests interleaved with engine events
// (start / boundary / end / error of the current utterance, clock ticks) keeps
// the store and the engine consistent, and playing on from wherever it got to
// reads the rest of the article in order and ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/model.ts';
import { createPlayerStore } from '../../../src/player/store.ts';
import type { PlayerChange, PlayerChangeEvent, PlayerState, PlayerStore } from '../../../src/player/types.ts';
import { FAKE_VOICE, FakeClock, FakeSpeechEngine, makeArticle, type FakeSectionSpec } from '../../support/fake-engine.ts';
import type { SpeechErrorCode } from '../../../src/speech/types.ts';

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'Mr.', '3', 'x');
const sentenceText = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => `${w.join(' ')}.`);
const sentence = fc.oneof(
  { weight: 4, arbitrary: sentenceText },
  { weight: 1, arbitrary: fc.tuple(sentenceText, sentenceText) },
);
const sectionSpec: fc.Arbitrary<FakeSectionSpec> = fc.record({
  heading: fc.option(fc.constantFrom('Heading A', 'Heading B'), { nil: undefined }),
  // Empty paragraphs and sections happen in real imports: the store must skip them.
  paragraphs: fc.array(fc.array(sentence, { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 3 }),
});
const articleArb: fc.Arbitrary<Article> = fc
  .array(sectionSpec, { minLength: 1, maxLength: 4 })
  .map((sections) => makeArticle(sections))
  .filter((a) => a.sections.some((s) => s.paragraphs.some((p) => p.sentences.length > 0)));

type Action =
  | { do: 'play' | 'pause' | 'toggle' | 'stop' | 'nextSentence' | 'previousSentence' | 'nextSection' | 'previousSection' }
  | { do: 'seek'; pick: number }
  | { do: 'setRate'; value: number }
  | { do: 'setVolume'; value: number }
  | { do: 'setVoice'; id: string | null }
  | { do: 'setAnnounceHeadings'; on: boolean }
  | { do: 'start' | 'boundary' | 'end' | 'reload' }
  | { do: 'error'; code: SpeechErrorCode }
  | { do: 'tick'; ms: number }
  | { do: 'stale'; kind: 'start' | 'boundary' | 'end' | 'error' };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      ...(['play', 'pause', 'toggle', 'stop', 'nextSentence', 'previousSentence', 'nextSection', 'previousSection'] as const),
    ).map((d) => ({ do: d })),
  },
  { weight: 2, arbitrary: fc.nat(40).map((pick) => ({ do: 'seek' as const, pick })) },
  { weight: 2, arbitrary: fc.oneof(fc.double({ min: -1, max: 5, noNaN: true }), fc.constant(Number.NaN)).map((value) => ({ do: 'setRate' as const, value })) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }).map((value) => ({ do: 'setVolume' as const, value })) },
  { weight: 1, arbitrary: fc.constantFrom(null, FAKE_VOICE.id, 'other', 'missing').map((id) => ({ do: 'setVoice' as const, id })) },
  { weight: 1, arbitrary: fc.boolean().map((on) => ({ do: 'setAnnounceHeadings' as const, on })) },
  { weight: 10, arbitrary: fc.constantFrom('start', 'boundary', 'boundary', 'end', 'end').map((d) => ({ do: d as 'start' | 'boundary' | 'end' })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<SpeechErrorCode>('synthesis-failed', 'network', 'interrupted', 'not-allowed', 'no-voice')
      .map((code) => ({ do: 'error' as const, code })),
  },
  { weight: 2, arbitrary: fc.nat(3000).map((ms) => ({ do: 'tick' as const, ms })) },
  { weight: 1, arbitrary: fc.constant({ do: 'reload' as const }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('start', 'boundary', 'end', 'error').map((kind) => ({ do: 'stale' as const, kind: kind as 'start' })),
  },
);

/** Every text the engine may legitimately be given, whole: sentences' spoken forms, headings, the title. */
function speakableTexts(a: Article): Set<string> {
  const out = new Set<string>([a.titleSpeak ?? a.title]);
  for (const s of a.sections) {
    if (s.heading) out.add(s.headingSpeak ?? s.heading);
    for (const p of s.paragraphs) for (const x of p.sentences) out.add(x.speak ?? x.text);
  }
  return out;
}

function flatSentences(a: Article) {
  return a.sections.flatMap((s, si) =>
    s.paragraphs.flatMap((p, pi) => p.sentences.map((x, ki) => ({ sentence: x, section: s, si, pi, ki }))),
  );
}

function apply(store: PlayerStore, engine: FakeSpeechEngine, clock: FakeClock, article: Article, a: Action): void {
  const head = engine.current;
  const live = head !== null && !engine.paused;
  switch (a.do) {
    case 'seek': {
      const flat = flatSentences(article);
      store.seek(flat[a.pick % (flat.length + 1)]?.sentence.id ?? 'unknown-id');
      return;
    }
    case 'setRate':
    case 'setVolume':
      store[a.do](a.value);
      return;
    case 'setVoice':
      store.setVoice(a.id);
      return;
    case 'setAnnounceHeadings':
      store.setAnnounceHeadings(a.on);
      return;
    case 'start':
      if (live && head.state === 'queued') engine.fireStart();
      return;
    case 'boundary':
      if (live && head.state === 'speaking') engine.fireBoundary();
      return;
    case 'end':
      if (live && head.state === 'speaking') engine.fireEnd();
      return;
    case 'error':
      if (live) engine.fireError(a.code);
      return;
    case 'tick':
      clock.advance(a.ms);
      return;
    case 'reload':
      store.load(article);
      return;
    case 'stale':
      engine.fireStale(a.kind);
      return;
    default:
      store[a.do]();
  }
}

/** Checks one change event against the states on either side of it. */
function checkEvent(e: PlayerChangeEvent, before: PlayerState): void {
  expect(e.previous).toBe(before);
  expect(e.changes.size).toBeGreaterThan(0);
  const differs: Partial<Record<PlayerChange, boolean>> = {
    status: e.state.status !== e.previous.status,
    position: e.state.position !== e.previous.position,
    rate: e.state.rate !== e.previous.rate,
    volume: e.state.volume !== e.previous.volume,
    announcing: e.state.announcing !== e.previous.announcing,
    announceHeadings: e.state.announceHeadings !== e.previous.announceHeadings,
  };
  for (const [change, changed] of Object.entries(differs)) {
    expect(e.changes.has(change as PlayerChange), `change "${change}" reported iff it changed`).toBe(changed);
  }
}

/** The invariants that must hold between any two steps. */
function checkInvariants(store: PlayerStore, engine: FakeSpeechEngine, article: Article): void {
  const s = store.state;
  // Never two utterances at once, never a backlog of stale ones.
  expect(engine.maxSpeaking).toBeLessThanOrEqual(1);
  expect(engine.queue.length).toBeLessThanOrEqual(2);

  // The position is a real sentence, and all its indices agree.
  const flat = flatSentences(article);
  const p = s.position;
  expect(p).not.toBeNull();
  if (!p) return;
  const at = flat[p.flatIndex];
  expect(at?.sentence.id).toBe(p.sentenceId);
  expect([at?.si, at?.pi, at?.ki]).toEqual([p.sectionIndex, p.paragraphIndex, p.sentenceIndex]);

  // Settings stay in range.
  expect(s.rate).toBeGreaterThanOrEqual(0.5);
  expect(s.rate).toBeLessThanOrEqual(3);
  expect(s.volume).toBeGreaterThanOrEqual(0);
  expect(s.volume).toBeLessThanOrEqual(1);

  // The highlighted word lies inside the current sentence.
  if (s.word) {
    expect(s.word.sentenceId).toBe(p.sentenceId);
    expect(0 <= s.word.start && s.word.start <= s.word.end && s.word.end <= (at?.sentence.text.length ?? 0)).toBe(true);
  }

  // Status agrees with the engine.
  const sounding = engine.speaking === 1 && !engine.paused;
  if (s.status === 'playing') {
    expect(engine.queue.length, 'playing needs an utterance').toBeGreaterThan(0);
    expect(engine.paused).toBe(false);
  }
  if (sounding) expect(s.status).toBe('playing');
  if (engine.paused) expect(s.status).toBe('paused');
  if (s.status === 'ended') expect(engine.queue).toEqual([]);
  expect(['ready', 'playing', 'paused', 'ended']).toContain(s.status);

  // What sounds is what the store says is playing.
  const head = engine.current;
  if (s.status === 'playing' && head?.state === 'speaking' && at) {
    const whole =
      s.announcing === 'title'
        ? (article.titleSpeak ?? article.title)
        : s.announcing === 'heading'
          ? (at.section.headingSpeak ?? at.section.heading ?? '')
          : (at.sentence.speak ?? at.sentence.text);
    expect(whole.endsWith(head.request.text), `"${head.request.text}" is part of "${whole}"`).toBe(true);
  }
}

describe('player store, property-based', () => {
  it('never overlaps utterances, never corrupts the position, and can always play to the end', () => {
    fc.assert(
      fc.property(
        articleArb,
        fc.array(action, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (article, actions, canPause, reportInterrupted, announceHeadings) => {
          const clock = new FakeClock();
          const engine = new FakeSpeechEngine({
            canPause,
            reportInterrupted,
            voices: [FAKE_VOICE, { ...FAKE_VOICE, id: 'other' }],
          });
          const store = createPlayerStore({ engine, now: clock.now, announceHeadings });
          let before = store.state;
          store.subscribe((e) => {
            checkEvent(e, before);
            before = e.state;
          });
          store.load(article);
          const allowed = speakableTexts(article);
          const isPart = (text: string) => [...allowed].some((w) => w.endsWith(text));

          for (const a of actions) {
            apply(store, engine, clock, article, a);
            checkInvariants(store, engine, article);
          }
          for (const r of engine.spoken) expect(isPart(r.text), `spoke "${r.text}"`).toBe(true);

          // From wherever it got to, play on with a healthy engine: the rest of
          // the article is read in order, and it ends.
          const flat = flatSentences(article);
          // What the engine still holds counts as part of the drain: it was the last spoken.
          const mark = engine.spoken.length - engine.queue.length;
          const shown = store.state.position;
          const resumes = store.state.status === 'ready' || store.state.status === 'paused';
          if (store.state.status !== 'playing') store.play();
          expect(['playing', 'ready', 'paused']).toContain(store.state.status);
          if (engine.current?.state === 'queued') {
            engine.fireStart();
            // Play resumes exactly where the player shows it is.
            if (resumes) expect(store.state.position).toBe(shown);
          }
          expect(store.state.status).toBe('playing');
          const current = store.state.position?.flatIndex ?? -1;
          engine.finishAll();
          checkInvariants(store, engine, article);
          expect(store.state.status).toBe('ended');
          const spokenText = (f: (typeof flat)[number]) => f.sentence.speak ?? f.sentence.text;
          const sentencesSpoken = engine.spoken
            .slice(mark)
            .map((r) => r.text)
            .filter((t) => flat.some((f) => spokenText(f).endsWith(t)));
          // The current sentence whole or from a word on (resumed); every later one whole and in order.
          const expected = flat.slice(current + 1).map(spokenText);
          expect(sentencesSpoken.slice(1)).toEqual(expected);
          expect(spokenText(flat[current]!).endsWith(sentencesSpoken[0] ?? '\u0000')).toBe(true);
          store.dispose();
        },
      ),
      { numRuns: 300 },
    );
  });
});
