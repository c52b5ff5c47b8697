/**
 * The playback store: requests go in, the store asks the speech engine, and
 * state is committed only when the engine confirms it (an utterance's start,
 * end or error), one change event per commit. No DOM, no Lit: it runs the same
 * in Node tests and in the widget. See docs/playback.md for the state machine.
 */
import type { Article } from '../article/model.ts';
import type { SpeechEngine, SpeechErrorCode, UtteranceEvents, UtteranceRequest, VoiceInfo } from '../speech/types.ts';
import type { CompiledLexicon, Respelled } from '../article/lexicon.ts';
import { canSpeak, chooseVoice } from '../speech/voices.ts';
import { indexArticle, type ArticleIndex } from './cursor.ts';
import { clampRate, clampVolume } from './settings.ts';
import type {
  PlayerChangeEvent,
  PlayerErrorInfo,
  PlayerState,
  PlayerStatus,
  PlayerStore,
  Position,
} from './types.ts';
import { mapBoundary } from './word-map.ts';
import { changesBetween } from './changes.ts';
import { createSectionClock } from './section-clock.ts';
import type { PlayerStoreOptions } from './options.ts';
import { settler } from './settle.ts';

export type { PlayerStoreOptions } from './options.ts';

/** Where speaking would start: a sentence, and which part of it (its title/heading announcement or its text). */
interface Point {
  flat: number;
  stage: 'title' | 'heading' | 'sentence';
  /** UTF-16 offset into the stage's spoken text (non-zero after a pause, rate change…). */
  offset: number;
}

/** One utterance the store handed to the engine. */
interface Segment {
  kind: Point['stage'];
  flat: number;
  /** The whole text of this stage; the engine was given `text.slice(offset)`. */
  text: string;
  lang: string;
  /** The lexicon's work on the text, to map word offsets back; null when it changed nothing. */
  respelled: Respelled | null;
  offset: number;
  started: boolean;
  /** Where this segment started from, and where speaking continues after it (null: end of article). */
  at: Point;
  after: Point | null;
}

/** Utterances kept in the engine: the sounding one and the next, so the engine moves on with no gap of ours. */
const LOOKAHEAD = 2;

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Creates a playback store driving `options.engine`. The store does not own the engine: dispose it yourself. */
export function createPlayerStore(options: PlayerStoreOptions): PlayerStore {
  const engine = options.engine;
  const now = options.now ?? defaultNow;
  const restartMs = options.sectionRestartMs ?? 2000;
  const maxFailures = Math.max(1, options.maxConsecutiveFailures ?? 3);
  // A rate or volume change re-speaks once the steps stop (see settle.ts).
  const settling = settler(() => void (disposed || respeak()), options.settleMs ?? 400, options.schedule);

  let state: PlayerState = Object.freeze({
    status: 'idle',
    starting: false,
    article: null,
    position: null,
    word: null,
    announcing: null,
    rate: clampRate(options.rate ?? 1) ?? 1,
    volume: clampVolume(options.volume ?? 1) ?? 1,
    voice: null,
    voices: [],
    announceHeadings: options.announceHeadings ?? true,
    error: null,
    notice: null,
  } satisfies PlayerState);

  const listeners = new Set<(e: PlayerChangeEvent) => void>();
  let disposed = false;
  let index: ArticleIndex | null = null;
  /** Where speaking (re)starts: kept current by every start, boundary and end. */
  let point: Point = { flat: 0, stage: 'title', offset: 0 };
  /** Between an utterance's end and the next start (100 ms and more on real engines): `point` is already ahead. */
  let between = false;
  /** What the engine holds for us, in order; events of anything not in here are stale. */
  let queue: Segment[] = [];
  /** True while the engine holds our utterance paused (canPause engines). */
  let held = false;
  let preferredVoiceId = options.preferredVoiceId ?? null;
  let lexicon: CompiledLexicon | null = null;
  let lastFailure: Segment | null = null;
  /** Utterances skipped in a row, and where the first of them began (where to stop if we give up). */
  let failures = 0;
  let streakStart: Point | null = null;
  const clock = createSectionClock(now);

  // ---- commits ----

  function commit(patch: Partial<PlayerState>): void {
    const prev = state;
    const next: PlayerState = { ...prev, ...patch };
    // Derived, never patched: asked to speak, holding nothing, not yet confirmed.
    next.starting = queue.length > 0 && !held && next.status !== 'playing';
    const changes = changesBetween(prev, next);
    if (changes.size === 0) return;
    state = Object.freeze(next);
    const event: PlayerChangeEvent = { changes, state, previous: prev };
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (err) {
        // One broken listener must not stop the others or corrupt the store.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  const positionOf = (flat: number): Readonly<Position> | null => index?.sentences[flat]?.position ?? null;
  const sectionOf = (flat: number): number => positionOf(flat)?.sectionIndex ?? 0;

  const clockEnter = (flat: number, running: boolean): void =>
    clock.enter(sectionOf(flat), !!index?.isSectionStart(flat), running);

  // ---- the plan: which utterance comes from a point ----

  /** Arriving at a sentence afresh: title first at the very start, the heading at a section start. */
  const fresh = (flat: number): Point => ({ flat, stage: flat === 0 ? 'title' : 'heading', offset: 0 });

  function segmentAt(p: Point): Segment | null {
    const item = index?.sentences[p.flat];
    if (!index || !item) return null;
    const announce = state.announceHeadings;
    let { stage, offset } = p;
    const lang = index.article.lang;
    if (stage === 'title') {
      const title = index.article.titleSpeak ?? index.article.title;
      if (announce && p.flat === 0 && title.trim() && index.article.announceTitle !== false) {
        return seg('title', p.flat, title, lang, offset, { flat: p.flat, stage: 'heading', offset: 0 });
      }
      stage = 'heading';
      offset = 0;
    }
    if (stage === 'heading') {
      const heading = item.section.headingSpeak ?? item.section.heading;
      if (announce && heading?.trim() && index.isSectionStart(p.flat)) {
        return seg('heading', p.flat, heading, lang, offset, { flat: p.flat, stage: 'sentence', offset: 0 });
      }
      offset = 0;
    }
    const after = p.flat + 1 < index.sentences.length ? fresh(p.flat + 1) : null;
    return seg('sentence', p.flat, item.speakText, item.lang, offset, after);
  }

  function seg(kind: Segment['kind'], flat: number, written: string, lang: string, offset: number, after: Point | null): Segment {
    const respelled = lexicon?.respell(written, lang) ?? null;
    const text = respelled?.text ?? written;
    const at = { flat, stage: kind, offset: Math.min(Math.max(0, offset), text.length) };
    return { kind, flat, text, lang, respelled, offset: at.offset, started: false, at, after };
  }

  /**
   * The listener's voice (or the automatic one) reads its own language; a
   * passage in another gets the best voice for that one, and where nothing
   * can speak it the article's voice reads it rather than playback stopping.
   */
  function voiceFor(lang: string): Pick<UtteranceRequest, 'lang' | 'voice'> {
    const mine = state.voice ?? undefined;
    const own = index?.article.lang ?? lang;
    if (lang === own || (mine && canSpeak(mine, lang))) return { lang, voice: mine };
    const other = chooseVoice(state.voices, lang, preferredVoiceId);
    if (other) return { lang, voice: other };
    return state.voices.length > 0 ? { lang: own, voice: mine } : { lang };
  }

  // ---- talking to the engine ----

  function request(s: Segment): UtteranceRequest {
    return {
      text: s.text.slice(s.offset),
      ...voiceFor(s.lang),
      rate: state.rate,
      volume: state.volume,
    };
  }

  /** Keeps LOOKAHEAD utterances queued in the engine, continuing from `point` or the last queued one. */
  function topUp(): void {
    while (queue.length < LOOKAHEAD && !disposed) {
      const last = queue[queue.length - 1];
      const from = last ? last.after : point;
      const s = from && segmentAt(from);
      if (!s) return;
      queue.push(s);
      try {
        engine.speak(request(s), handlers(s));
      } catch (err) {
        // An engine that throws (disposed, broken) is a failed utterance: retried, then skipped.
        onError(s, 'synthesis-failed', err instanceof Error ? err.message : String(err));
        return;
      }
      // An engine that fails synchronously may have replanned the queue already.
      if (!queue.includes(s)) return;
    }
  }

  /** Drops everything the engine holds for us; their late events, if any, are ignored. */
  function silence(): void {
    // Whatever speaks next is spoken with the current settings: a pending re-speak is moot.
    settling.cancel();
    if (queue.length === 0 && !held) return;
    queue = [];
    held = false;
    engine.cancel();
  }

  /** Removes `s` and anything queued before it (an engine may drop events of skipped utterances). */
  const retire = (s: Segment): void => void (queue = queue.slice(queue.indexOf(s) + 1));

  const starting = (): boolean => queue.length > 0 && !held && state.status !== 'playing';

  function handlers(s: Segment): UtteranceEvents {
    return {
      onStart: () => onStart(s),
      onBoundary: (b) => onBoundary(s, b.charIndex, b.charLength, b.estimated, b.heardTo),
      onEnd: () => onEnd(s),
      onError: (e) => onError(s, e.code, e.message),
    };
  }

  function onStart(s: Segment): void {
    if (disposed || !queue.includes(s) || s.started) return;
    queue = queue.slice(queue.indexOf(s));
    s.started = true;
    between = false;
    point = { ...s.at };
    if (sectionOf(s.flat) !== clock.section) clockEnter(s.flat, true);
    else clock.run();
    topUp();
    const position = positionOf(s.flat);
    // A remainder of the same sentence (rate change, resume) keeps its highlighted word.
    const keepWord = s.kind === 'sentence' && s.offset > 0 && position === state.position;
    commit({
      status: 'playing',
      position,
      announcing: s.kind === 'sentence' ? null : s.kind,
      word: keepWord ? state.word : null,
      error: null,
    });
  }

  function onBoundary(s: Segment, charIndex: number, charLength: number, estimated: boolean, heardTo?: number): void {
    if (disposed || queue[0] !== s || !s.started) return;
    const at = (i: number): number => Math.min(s.text.length, s.offset + Math.max(0, i));
    const abs = at(charIndex);
    // `point` is where speech goes on after a stop: an estimated word may be
    // ahead of the voice, so the point is the part known to have been heard.
    point = { ...s.at, offset: at(heardTo ?? charIndex) };
    if (s.kind !== 'sentence' || !index) return;
    const item = index.sentences[s.flat];
    if (!item) return;
    // Lexicon replacements map back exactly; speech-text rules by proportion (see word-map.ts).
    const end = at(charIndex + Math.max(0, charLength));
    const [from, to] = s.respelled?.span(abs, end) ?? [abs, end];
    const word = mapBoundary(item.sentence.text, item.speakText, from, to - from);
    commit({ word: { sentenceId: item.sentence.id, start: word[0], end: word[1], estimated } });
  }

  function onEnd(s: Segment): void {
    if (disposed || !queue.includes(s)) return;
    retire(s);
    failures = 0;
    lastFailure = null;
    if (!s.after) {
      finish();
      return;
    }
    point = { ...s.after };
    between = true;
    // Normally the lookahead is already sounding; if not, start it here, synchronously.
    topUp();
  }

  function finish(extra: Partial<PlayerState> = {}): void {
    silence();
    clock.stop();
    commit({ status: 'ended', word: null, announcing: null, ...extra });
  }

  /**
   * Stops speaking and commits the place play() would resume from: playing
   * becomes paused, anything else keeps its status.
   */
  function halt(extra: Partial<PlayerState> = {}): void {
    silence();
    clock.stop();
    const position = positionOf(point.flat);
    commit({
      status: state.status === 'playing' ? 'paused' : state.status,
      position,
      announcing: null,
      word: point.stage === 'sentence' && position === state.position ? state.word : null,
      ...extra,
    });
  }

  function onError(s: Segment, code: SpeechErrorCode, message: string): void {
    if (disposed || !queue.includes(s)) return;
    retire(s);
    if (code === 'interrupted') {
      // Not ours (our cancels are silent): someone else took the speech channel. Hold the place.
      halt();
      return;
    }
    if (code === 'not-allowed' || code === 'no-voice') {
      // The code says it all; the UI has the words for it.
      halt({ error: { code, message } });
      return;
    }
    // A synthesis failure: retry the utterance once from where it got to, then skip it.
    silence();
    if (lastFailure?.flat !== s.flat || lastFailure.kind !== s.kind) {
      lastFailure = s;
      topUp();
      return;
    }
    lastFailure = null;
    failures += 1;
    if (failures === 1) streakStart = { ...s.at };
    const error: PlayerErrorInfo = {
      code: 'synthesis-failed',
      message:
        failures >= maxFailures ? `Speech stopped after ${failures} failures: ${message}` : `Skipped a part that could not be spoken: ${message}`,
    };
    if (failures >= maxFailures) {
      // Give up where the trouble began, so nothing the user never heard is skipped.
      point = streakStart ?? point;
      halt({ error });
      return;
    }
    if (!s.after) {
      finish({ error });
      return;
    }
    point = { ...s.after };
    topUp();
    // Not playing yet (the first utterance failed): nothing will confirm the move, so commit it now.
    commit(state.status === 'playing' ? { error } : { error, position: positionOf(point.flat), word: null });
  }

  // ---- requests ----

  const canNavigate = (): boolean =>
    !disposed && !!index && (['ready', 'playing', 'paused', 'ended'] as PlayerStatus[]).includes(state.status);

  /** Where next/previous count from: `point` (unconfirmed presses count), but in a gap the sentence just heard. */
  function here(): number {
    return between && state.position ? state.position.flatIndex : point.flat;
  }

  function moveTo(flat: number): void {
    if (!canNavigate() || !positionOf(flat)) return;
    between = false;
    point = fresh(flat);
    clockEnter(flat, state.status === 'playing' && !held);
    if (state.status === 'playing' && !held) {
      // The new position is committed when its first utterance starts.
      silence();
      topUp();
      return;
    }
    // Nothing sounding to confirm it: commit now, and restart a pending play() from here.
    const wasStarting = starting();
    silence();
    commit({
      status: state.status === 'ended' ? 'ready' : state.status,
      position: positionOf(flat),
      word: null,
      announcing: null,
    });
    if (wasStarting) topUp();
  }

  /** Applies a changed rate, volume or voice to what is sounding: re-speak from the current word. */
  function respeak(): void {
    if (held) {
      // The engine holds the old settings; resume will speak from the last word instead.
      silence();
      return;
    }
    if (queue.length === 0) return;
    silence();
    topUp();
  }

  function play(): void {
    if (!canNavigate()) return;
    if (state.status === 'playing' || starting()) return;
    // What starts now speaks at the current settings: a pending re-speak would only restart it.
    if (!held) settling.cancel();
    if (held) {
      held = false;
      engine.resume();
      clock.run();
      commit({ status: 'playing', error: null });
      return;
    }
    if (state.status === 'ended') {
      point = fresh(0);
      clockEnter(0, false);
      commit({ status: 'ready', position: positionOf(0), word: null, announcing: null });
    }
    topUp();
    commit({});
  }

  function pause(): void {
    if (disposed) return;
    if (starting()) {
      // A cancel while the voice is prepared: back to a clear, playable state.
      silence();
      commit({});
      return;
    }
    if (state.status !== 'playing') return;
    if (engine.canPause && queue[0]?.started) {
      clock.stop();
      held = true;
      engine.pause();
      commit({ status: 'paused' });
      return;
    }
    // Cancel instead: `point` already sits at the last word boundary, where play() resumes.
    halt();
  }

  function stop(): void {
    if (disposed) return;
    if (state.status !== 'playing' && state.status !== 'paused') {
      if (starting()) {
        silence();
        commit({});
      }
      return;
    }
    silence();
    clock.stop();
    point = fresh(point.flat);
    commit({ status: 'ready', position: positionOf(point.flat), word: null, announcing: null });
  }

  function load(article: Article): void {
    if (disposed) return;
    silence();
    index = indexArticle(article);
    failures = 0;
    lastFailure = null;
    const voice = chooseVoice(state.voices, article.lang, preferredVoiceId);
    if (index.sentences.length === 0) {
      index = null;
      commit({
        status: 'error',
        article,
        position: null,
        word: null,
        announcing: null,
        voice,
        error: { code: 'empty-article', message: 'This article has no text to read.' },
      });
      return;
    }
    point = fresh(0);
    clockEnter(0, false);
    commit({ status: 'ready', article, position: positionOf(0), word: null, announcing: null, voice, error: null });
  }

  const store: PlayerStore = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      settling.cancel();
      silence();
      disposed = true;
      unsubscribeEngine?.();
      listeners.clear();
    },
    load,
    play,
    pause,
    toggle() {
      if (state.status === 'playing' || starting()) pause();
      else play();
    },
    stop,
    seek(sentenceId) {
      const i = index?.indexOf(sentenceId) ?? -1;
      if (i >= 0) moveTo(i);
    },
    nextSentence() {
      const at = here();
      if (index && at + 1 < index.sentences.length) moveTo(at + 1);
    },
    previousSentence() {
      moveTo(Math.max(0, here() - 1));
    },
    nextSection() {
      const t = index?.nextSectionStart(here()) ?? -1;
      if (t >= 0) moveTo(t);
    },
    previousSection() {
      if (!index) return;
      const at = here();
      const inSection = clock.section === sectionOf(at) ? clock.elapsed() : Infinity;
      const before = inSection < restartMs ? index.previousSectionStart(at) : -1;
      moveTo(before >= 0 ? before : index.sectionStartOf(at));
    },
    setRate(rate) {
      const r = clampRate(rate);
      if (disposed || r === null || r === state.rate) return;
      commit({ rate: r });
      // Only what is sounding needs re-speaking; the next Play takes the new value anyway.
      if (queue.length > 0 || held) settling.request();
    },
    setVolume(volume) {
      const v = clampVolume(volume);
      if (disposed || v === null || v === state.volume) return;
      commit({ volume: v });
      if (queue.length > 0 || held) settling.request();
    },
    setVoice(voiceId) {
      if (disposed) return;
      const voice: VoiceInfo | null = voiceId === null ? null : (state.voices.find((v) => v.id === voiceId) ?? null);
      if (voiceId !== null && !voice) return;
      preferredVoiceId = voiceId;
      if ((voice?.id ?? null) === (state.voice?.id ?? null)) return;
      commit({ voice, error: state.error?.code === 'no-voice' ? null : state.error });
      respeak();
    },
    setAnnounceHeadings(on) {
      if (!disposed) commit({ announceHeadings: on });
    },
    setLexicon(l) {
      lexicon = l;
    },
    fail(error) {
      if (disposed) return;
      silence();
      clock.stop();
      commit({ status: 'error', error, word: null, announcing: null });
    },
    setLoading() {
      if (disposed) return;
      silence();
      clock.stop();
      commit({ status: 'loading', error: null, word: null, announcing: null });
    },
  };

  // Voices that arrive late are taken when the choice is automatic, at the next
  // utterance (a sentence boundary); a voice given up on is replaced by what the
  // engine goes on with. `changed`: a change came before getVoices() answered.
  let changed = false;
  const unsubscribeEngine = engine.subscribe?.((change) => {
    if (disposed) return;
    changed = true;
    const lang = state.article?.lang;
    if (change.replaced) {
      const { reason, from, to } = change.replaced;
      if (from && preferredVoiceId === from.id) preferredVoiceId = null;
      commit({ voices: change.voices, voice: to, notice: { code: 'voice-replaced', reason, from, to } });
      return;
    }
    const voice = lang ? (chooseVoice(change.voices, lang, preferredVoiceId) ?? state.voice) : state.voice;
    commit({ voices: change.voices, voice });
  });

  void engine.getVoices().then(
    (voices) => {
      if (disposed || changed) return;
      const voice = state.voice ?? (state.article ? chooseVoice(voices, state.article.lang, preferredVoiceId) : null);
      commit({ voices, voice });
    },
    () => {}, // getVoices never rejects by contract; an engine that does simply has no list
  );

  return store;
}
