// A deterministic stand-in for the Web Speech API, installed into a page
// before its own scripts run (page.addInitScript). Plain browser JavaScript,
// not TypeScript: it is injected as text, so no transpiler helpers may leak in.
// Behaves like Chrome's speechSynthesis: one queue, start / boundary / end
// events on a later task, cancel() fails every queued utterance with an
// 'interrupted' error. Tests drive and inspect it through window.__fakeSpeech
// (typed in fake-speech.ts).
//
// Quirk switches (all off by default, so the plain fake stays the kind
// Chrome-on-desktop stand-in) model what real engines do to a player; the
// PROFILES below combine them into platforms. Time is the fake's own speech
// clock: one word lasts wordMs / rate while it sounds, and each utterance
// records which characters actually sounded (start → end, cut or cancel), so
// a test can say what a listener heard.
(() => {
  'use strict';
  // Named platform presets: a profile's switches apply first, then any
  // explicit config on top. Time-based quirks are written in words of speech
  // (the fake speaks one word per wordMs), so they scale with wordMs: one
  // word stands for 400 ms of real speech (150 words a minute).
  const REAL_WORD_MS = 400;
  const PROFILES = {
    // Chromium on Linux through speech-dispatcher + espeak-ng.
    'linux-speech-dispatcher': {
      emptyWedges: true,
      boundaries: false,
      pauseWedges: true,
      voicesAfterMs: 1700,
      cancelError: 'interrupted',
      voices: [
        { voiceURI: 'Afrikaans', name: 'Afrikaans', lang: 'af', default: true, localService: true },
        { voiceURI: 'English (America)', name: 'English (America)', lang: 'en-US', default: false, localService: true },
        { voiceURI: 'English (Great Britain)', name: 'English (Great Britain)', lang: 'en-GB', default: false, localService: true },
      ],
    },
    // Chrome on Windows / macOS with a Google network voice.
    'chrome-google-voice': {
      events: false,
      cancelError: null,
      cutOffWords: 15000 / REAL_WORD_MS,
      voices: [
        { voiceURI: 'Google US English', name: 'Google US English', lang: 'en-US', default: true, localService: false },
        { voiceURI: 'Google UK English Female', name: 'Google UK English Female', lang: 'en-GB', default: false, localService: false },
      ],
    },
    // Chrome on Android (the platform's TTS service).
    'chrome-android': {
      boundaries: false,
      pauseCancels: true,
      ignoreRate: true,
      voices: [
        { voiceURI: 'English United States', name: 'English United States', lang: 'en-US', default: true, localService: true },
        { voiceURI: 'English United Kingdom', name: 'English United Kingdom', lang: 'en-GB', default: false, localService: true },
      ],
    },
    // Safari on iPhone.
    'safari-ios': {
      needsGesture: 'task',
      voicesAfterMs: 1000,
      stopWhenHidden: true,
      emulateVisibility: true,
      voices: [
        { voiceURI: 'com.apple.voice.compact.en-US.Samantha', name: 'Samantha', lang: 'en-US', default: true, localService: true },
        { voiceURI: 'com.apple.voice.compact.en-GB.Daniel', name: 'Daniel', lang: 'en-GB', default: false, localService: true },
      ],
    },
    // Edge on Windows: "Natural" voices are network voices; a local one exists too.
    'edge-natural': {
      voices: [
        { voiceURI: 'Microsoft Aria Online (Natural) - English (United States)', name: 'Microsoft Aria Online (Natural) - English (United States)', lang: 'en-US', default: true, localService: false },
        { voiceURI: 'Microsoft David - English (United States)', name: 'Microsoft David - English (United States)', lang: 'en-US', default: false, localService: true },
      ],
    },
    // speechSynthesis exists but lists no voice (headless Chromium, many Linux desktops).
    'no-voices': { voices: [] },
  };
  const given = window.__fakeSpeechConfig || {};
  if (given.profile && !PROFILES[given.profile]) throw new Error('fake speech: unknown profile ' + given.profile);
  const config = Object.assign(
    {
      voices: [
        { voiceURI: 'Fake English (United States)', name: 'Fake English (United States)', lang: 'en-US', default: true, localService: true },
        { voiceURI: 'Fake English (United Kingdom)', name: 'Fake English (United Kingdom)', lang: 'en-GB', default: false, localService: true },
        { voiceURI: 'Fake French (France)', name: 'Fake French (France)', lang: 'fr-FR', default: false, localService: true },
      ],
      // How long one word takes at rate 1. Utterances last words × wordMs / rate.
      wordMs: 60,
      // 'auto': utterances end by themselves. 'manual': they wait for finish().
      mode: 'auto',
      boundaries: true,
      // Voices appear after this long, with voiceschanged (0: at once).
      voicesAfterMs: 0,
      cancelError: 'interrupted',
      // Chromium on speech-dispatcher (Linux): an empty utterance fails with
      // synthesis-failed and nothing ever starts again in this browser.
      emptyWedges: true,
      // No start / end / boundary / pause / resume events at all (Google
      // voices); speaking and pending still tell the truth.
      events: true,
      // After this many words of one utterance the sound stops with no end
      // event and the queue is stuck behind it until cancel() (Chrome's
      // ~15 s cut-off). 0: never.
      cutOffWords: 0,
      // pause() silences speech and nothing ever starts again, in this page,
      // whatever is called after (speech-dispatcher).
      pauseWedges: false,
      // pause() acts as cancel() (Android); resume() then does nothing.
      pauseCancels: false,
      // Utterances play at rate 1 whatever their rate (Android).
      ignoreRate: false,
      // speak() outside a user gesture fails with 'not-allowed' until one
      // speak() has happened inside one (iOS WebKit). 'activation': inside
      // Chromium's transient user activation (about 5 s after a click).
      // 'task': only in the task that dispatched a real click, tap or key
      // press (and its microtasks), as WebKit on iOS wants.
      needsGesture: false,
      // The page going hidden pauses the synthesizer (no event); it stays
      // paused when the page comes back until resume() or cancel() (iOS).
      stopWhenHidden: false,
      // Own document.visibilityState / hidden, driven by setVisibility().
      emulateVisibility: false,
      // Utterances that are part of this text (a sentence, its chunks and
      // remainders) are spoken at slowWordMs: a test can put one sentence at
      // real speed, where the player's own time estimates are exercised.
      slowText: '',
      slowWordMs: 400,
      profile: null,
    },
    (given.profile && PROFILES[given.profile]) || {},
    given,
  );

  const t0 = performance.now();
  const now = () => Math.round(performance.now() - t0);
  const log = [];
  const utterances = [];
  let voicesReady = config.voicesAfterMs <= 0;
  let queue = [];
  let current = null; // { u, record, timers, startedAt, remaining, words }
  let paused = false;
  let wedged = false;
  // Why nothing starts: null, 'empty' or 'pause'.
  let wedgedBy = null;
  let gestureUnlocked = false;
  // True from a trusted click / tap / key press until the end of its task.
  let inGestureTask = false;
  for (const type of ['click', 'pointerup', 'touchend', 'keydown', 'keyup']) {
    window.addEventListener(
      type,
      (e) => {
        if (!e.isTrusted || inGestureTask) return;
        inGestureTask = true;
        setTimeout(() => (inGestureTask = false), 0);
      },
      true,
    );
  }
  let visibility = 'visible';
  let platformPaused = false;
  let online = true;

  class FakeVoice {
    constructor(v) {
      this.voiceURI = v.voiceURI;
      this.name = v.name;
      this.lang = v.lang;
      this.default = !!v.default;
      this.localService = v.localService !== false;
    }
  }
  const voices = config.voices.map((v) => new FakeVoice(v));

  // Events a no-events voice never sends (errors still come).
  const SILENT_TYPES = ['start', 'end', 'boundary', 'pause', 'resume'];

  function fire(target, type, fields) {
    if (!config.events && target instanceof FakeUtterance && SILENT_TYPES.includes(type)) return;
    const ev = new Event(type);
    for (const [k, v] of Object.entries(fields || {})) {
      Object.defineProperty(ev, k, { value: v, enumerable: true });
    }
    const handler = target['on' + type];
    if (typeof handler === 'function') {
      try {
        handler.call(target, ev);
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
    target.dispatchEvent(ev);
  }

  class FakeUtterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text === undefined ? '' : String(text);
      this.lang = '';
      this.voice = null;
      this.rate = 1;
      this.pitch = 1;
      this.volume = 1;
      this.onstart = null;
      this.onend = null;
      this.onerror = null;
      this.onboundary = null;
      this.onpause = null;
      this.onresume = null;
      this.onmark = null;
    }
  }

  function wordStarts(text) {
    const starts = [];
    const re = /\S+/g;
    let m;
    while ((m = re.exec(text))) starts.push({ index: m.index, length: m[0].length });
    return starts;
  }

  const isSlow = (u) => !!config.slowText && u.text.trim() !== '' && config.slowText.includes(u.text.trim());
  const wordMsOf = (u) => (isSlow(u) ? config.slowWordMs : config.wordMs);

  function durationOf(u) {
    const words = Math.max(1, wordStarts(u.text).length);
    const rate = config.ignoreRate ? 1 : Math.min(10, Math.max(0.1, u.rate || 1));
    return (words * wordMsOf(u)) / rate;
  }

  function entry(type, u, detail) {
    const e = { type, text: u ? u.text : '', at: now() };
    if (detail !== undefined) e.detail = detail;
    log.push(e);
  }

  function recordOf(u) {
    return utterances.find((r) => r.u === u);
  }

  // The voice the platform speaks an utterance with: its own, else the
  // default for its language, else the default voice.
  function voiceOf(u) {
    if (u.voice) return u.voice;
    const base = (u.lang || '').toLowerCase().split('-')[0];
    const same = base ? voices.filter((v) => v.lang.toLowerCase().split('-')[0] === base) : [];
    return same.find((v) => v.default) || same[0] || voices.find((v) => v.default) || voices[0] || null;
  }
  const needsNetwork = (u) => {
    const v = voiceOf(u);
    return !!v && v.localService === false;
  };
  const isOnline = () => online && navigator.onLine !== false;

  // Nothing may start: paused by the page, by the platform, or wedged.
  const holding = () => paused || wedged || platformPaused || (config.stopWhenHidden && visibility === 'hidden');

  function startNext() {
    if (current || holding() || queue.length === 0) return;
    const u = queue.shift();
    const record = recordOf(u);
    if (needsNetwork(u) && !isOnline()) {
      // A network voice without a network fails before making a sound.
      record.state = 'error';
      record.error = 'network';
      entry('error', u, 'network');
      fire(u, 'error', { utterance: u, error: 'network', charIndex: 0, elapsedTime: 0, name: '' });
      setTimeout(startNext, 0);
      return;
    }
    record.state = 'speaking';
    record.startedAt = now();
    // Its length is fixed when it starts: a later configure() changes the next ones.
    current = { u, record, timers: [], startedAt: performance.now(), elapsed: 0, soundingSince: null, cut: false, words: wordStarts(u.text), total: durationOf(u), wordMs: wordMsOf(u) };
    entry('start', u);
    fire(u, 'start', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' });
    schedule();
  }

  // ---- the speech clock: what has sounded --------------------------------

  function soundedMs(c) {
    return c.elapsed + (c.soundingSince !== null ? performance.now() - c.soundingSince : 0);
  }

  /** Stops the utterance's clock (its sound stops; it may go on later). */
  function hush(c) {
    if (c.soundingSince === null) return;
    c.elapsed += performance.now() - c.soundingSince;
    c.soundingSince = null;
  }

  /**
   * Which characters of an utterance have sounded after `ms` of its clock:
   * every word whose time slot is over, and the word under way, partly.
   */
  function heardAfter(text, words, total, ms, ended) {
    if (ended) return { heardTo: text.length, partialTo: text.length };
    const per = total / Math.max(1, words.length);
    const t = Math.min(total, ms);
    const whole = Math.min(words.length, Math.floor(t / per + 1e-6));
    const last = words[whole - 1];
    const heardTo = last ? last.index + last.length : 0;
    const partial = whole < words.length && t - whole * per > 1e-6 ? words[whole] : null;
    return { heardTo, partialTo: partial ? partial.index + partial.length : heardTo };
  }

  /** The utterance stops for good (`how`: end, cut, cancel, error, wedge): note what sounded. */
  function noteHeard(c, how, atMs) {
    hush(c);
    const total = c.total;
    const r = c.record;
    // A stop due at a known point of the clock (a cut-off) happens there, however late its timer ran.
    const ms = Math.min(total, atMs === undefined ? c.elapsed : atMs);
    Object.assign(r, heardAfter(c.u.text, c.words, total, ms, how === 'end'));
    r.soundMs = Math.round(how === 'end' ? total : ms);
    r.stoppedBy = how;
    r.stoppedAt = now();
  }

  // Timers for the rest of the current utterance, from `current.elapsed` on.
  function schedule() {
    const c = current;
    if (!c || c.cut || c.soundingSince !== null) return;
    const total = c.total;
    const per = total / Math.max(1, c.words.length);
    c.soundingSince = performance.now();
    if (config.boundaries) {
      c.words.forEach((w, i) => {
        const at = i * per - c.elapsed;
        if (at < 0 || (i === 0 && c.elapsed > 0)) return;
        c.timers.push(
          setTimeout(() => {
            if (current !== c) return;
            entry('boundary', c.u, w.index);
            fire(c.u, 'boundary', { utterance: c.u, charIndex: w.index, charLength: w.length, name: 'word', elapsedTime: i * per });
          }, at),
        );
      });
    }
    // Chrome's cut-off counts wall-clock speaking time, whatever the rate.
    const cutAt = config.cutOffWords > 0 ? config.cutOffWords * c.wordMs : Infinity;
    if (total > cutAt) {
      c.timers.push(setTimeout(() => cutOff(c, cutAt), Math.max(0, cutAt - c.elapsed)));
    }
    if (config.mode === 'auto') {
      c.timers.push(setTimeout(() => finish(), Math.max(0, total - c.elapsed)));
    }
  }

  function clearTimers(c) {
    for (const t of c.timers) clearTimeout(t);
    c.timers = [];
  }

  /**
   * The sound stops mid-utterance with no event, and the synthesizer stays
   * "speaking" it: nothing queued starts until cancel().
   */
  function cutOff(c, atMs) {
    if (current !== c || c.cut) return;
    clearTimers(c);
    noteHeard(c, 'cut', atMs);
    c.cut = true;
    c.record.state = 'cut';
    entry('cut', c.u, c.record.heardTo);
  }

  /** End the current utterance now, as if it had been spoken to the end. */
  function finish() {
    const c = current;
    if (!c || c.cut || wedged) return false;
    clearTimers(c);
    noteHeard(c, 'end');
    current = null;
    c.record.state = 'ended';
    c.record.endedAt = now();
    entry('end', c.u);
    fire(c.u, 'end', { utterance: c.u, charIndex: c.u.text.length, elapsedTime: performance.now() - c.startedAt, name: '' });
    setTimeout(startNext, 0);
    return true;
  }

  /** Fail the current utterance with an error code, as a broken voice would. */
  function fail(code) {
    const c = current;
    if (!c) return false;
    clearTimers(c);
    noteHeard(c, 'error');
    current = null;
    c.record.state = 'error';
    c.record.error = code;
    entry('error', c.u, code);
    fire(c.u, 'error', { utterance: c.u, error: code, charIndex: 0, elapsedTime: 0, name: '' });
    setTimeout(startNext, 0);
    return true;
  }

  function failAtOnce(u, code) {
    const r = recordOf(u);
    r.state = 'error';
    r.error = code;
    entry('error', u, code);
    setTimeout(() => fire(u, 'error', { utterance: u, error: code, charIndex: 0, elapsedTime: 0, name: '' }), 0);
  }

  /** The platform pauses speech (page hidden): the sound stops, no event. */
  function platformPause() {
    platformPaused = true;
    if (current && current.soundingSince !== null) {
      clearTimers(current);
      hush(current);
      entry('platform-pause', current.u);
    }
  }

  function goOffline() {
    // A network voice loses its voice mid-sentence.
    if (current && !current.cut && needsNetwork(current.u)) fail('network');
  }
  window.addEventListener('offline', goOffline);

  const synth = new (class FakeSpeechSynthesis extends EventTarget {
    constructor() {
      super();
      this.onvoiceschanged = null;
    }
    get speaking() {
      return current !== null;
    }
    get pending() {
      return queue.length > 0;
    }
    get paused() {
      return paused;
    }
    getVoices() {
      return voicesReady ? voices.slice() : [];
    }
    speak(u) {
      if (!(u instanceof FakeUtterance)) throw new TypeError("Failed to execute 'speak': parameter 1 is not a SpeechSynthesisUtterance");
      const v = voiceOf(u);
      utterances.push({
        u,
        text: u.text,
        lang: u.lang,
        rate: u.rate,
        pitch: u.pitch,
        volume: u.volume,
        voiceURI: u.voice ? u.voice.voiceURI : null,
        voiceUsed: v ? v.voiceURI : null,
        state: 'queued',
        queuedAt: now(),
      });
      entry('speak', u, u.rate);
      if (config.needsGesture && !gestureUnlocked) {
        // WebKit on iOS: the first speak() must come from a user gesture.
        const active =
          !!(navigator.userActivation && navigator.userActivation.isActive) &&
          (config.needsGesture !== 'task' || inGestureTask);
        if (!active) {
          failAtOnce(u, 'not-allowed');
          return;
        }
        gestureUnlocked = true;
      }
      if (config.emptyWedges && u.text === '') {
        wedged = true;
        wedgedBy = wedgedBy || 'empty';
        failAtOnce(u, 'synthesis-failed');
        return;
      }
      queue.push(u);
      // Chrome starts speech on a later task, never inside speak().
      setTimeout(startNext, 0);
    }
    cancel() {
      entry('cancel', null);
      const victims = [];
      if (current) {
        clearTimers(current);
        if (!current.cut && current.record.stoppedBy === undefined) noteHeard(current, 'cancel');
        victims.push(current.u);
        current = null;
      }
      victims.push(...queue);
      queue = [];
      paused = false;
      if (visibility === 'visible') platformPaused = false;
      for (const u of victims) {
        const r = recordOf(u);
        r.state = 'cancelled';
        if (config.cancelError) entry('error', u, config.cancelError);
      }
      if (config.cancelError) {
        setTimeout(() => {
          for (const u of victims) fire(u, 'error', { utterance: u, error: config.cancelError, charIndex: 0, elapsedTime: 0, name: '' });
        }, 0);
      }
    }
    pause() {
      if (config.pauseWedges) {
        // speech-dispatcher: the sound stops and nothing ever starts again.
        entry('pause', current ? current.u : null);
        if (!wedged && current) {
          clearTimers(current);
          noteHeard(current, 'wedge');
          current.record.state = 'wedged';
        }
        wedged = true;
        wedgedBy = wedgedBy || 'pause';
        return;
      }
      if (config.pauseCancels) {
        // Android: pause() throws the utterance away, like cancel().
        entry('pause', current ? current.u : null);
        this.cancel();
        return;
      }
      if (paused) return;
      paused = true;
      entry('pause', current ? current.u : null);
      if (current && current.soundingSince !== null) {
        hush(current);
        clearTimers(current);
        const u = current.u;
        setTimeout(() => fire(u, 'pause', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' }), 0);
      }
    }
    resume() {
      const platform = platformPaused && visibility === 'visible';
      if (!paused && !platform) return;
      entry('resume', current ? current.u : null);
      paused = false;
      if (platform) platformPaused = false;
      if (holding()) return;
      if (current && !current.cut && current.soundingSince === null) {
        const u = current.u;
        setTimeout(() => fire(u, 'resume', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' }), 0);
        schedule();
      } else {
        setTimeout(startNext, 0);
      }
    }
  })();

  if (config.emulateVisibility) {
    Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
    Object.defineProperty(document, 'hidden', { get: () => visibility === 'hidden', configurable: true });
  }

  /** The page goes hidden or visible (emulated), as a locked phone or a switched tab. */
  function setVisibility(state) {
    if (state === visibility) return;
    visibility = state;
    entry('visibility', null, state);
    if (state === 'hidden' && config.stopWhenHidden) platformPause();
    document.dispatchEvent(new Event('visibilitychange'));
  }

  /** What sounded of each utterance so far (the one sounding now, up to this moment). */
  function heard() {
    return utterances
      .filter((r) => r.startedAt !== undefined)
      .map((r) => {
        let h = r;
        if (r.stoppedBy === undefined && current && current.record === r) {
          h = heardAfter(r.text, current.words, current.total, soundedMs(current), false);
        }
        return {
          text: r.text,
          volume: r.volume,
          rate: r.rate,
          voiceUsed: r.voiceUsed,
          startedAt: r.startedAt,
          stoppedBy: r.stoppedBy || 'sounding',
          heard: r.text.slice(0, h.heardTo || 0),
          partial: r.text.slice(h.heardTo || 0, h.partialTo || 0),
        };
      });
  }

  if (!voicesReady) {
    setTimeout(() => {
      voicesReady = true;
      fire(synth, 'voiceschanged', {});
    }, config.voicesAfterMs);
  }

  const define = (name, value) =>
    Object.defineProperty(window, name, { value, configurable: true, writable: true, enumerable: false });
  define('speechSynthesis', synth);
  define('SpeechSynthesisUtterance', FakeUtterance);
  define('SpeechSynthesisVoice', FakeVoice);

  define('__fakeSpeech', {
    config,
    log,
    /** Every utterance given to speak(), in order (without the live object). */
    get utterances() {
      return utterances.map(({ u, ...rest }) => rest);
    },
    /** Texts of utterances that started speaking, in order. */
    get spoken() {
      return utterances.filter((r) => r.startedAt !== undefined).map((r) => r.text);
    },
    /** The utterance speaking now, or null. */
    get current() {
      return current ? { text: current.u.text, rate: current.u.rate } : null;
    },
    get speaking() {
      return current !== null;
    },
    get paused() {
      return paused;
    },
    /** True after an empty utterance (or pause() with pauseWedges): nothing starts again. */
    get wedged() {
      return wedged;
    },
    /** What wedged it: 'empty', 'pause' or null. */
    get wedgedBy() {
      return wedgedBy;
    },
    /** The emulated visibility ('visible' or 'hidden'). */
    get visibility() {
      return visibility;
    },
    /** What sounded of each utterance that started, in order (see heard() above). */
    get heard() {
      return heard();
    },
    /** Profile names this fake knows. */
    profiles: Object.keys(PROFILES),
    finish,
    fail,
    setVisibility,
    /** The fake's own network switch (network voices fail while false), beside navigator.onLine. */
    setOnline(value) {
      online = !!value;
      entry('online', null, String(online));
      if (!online) goOffline();
    },
    /** Change wordMs, mode or boundaries from here on. */
    configure(patch) {
      Object.assign(config, patch);
      if (patch.mode === 'auto' && current && !holding() && !current.cut) {
        clearTimers(current);
        hush(current);
        schedule();
      }
    },
    /** Forget the log and the utterance records (not the queue). */
    clear() {
      log.length = 0;
      utterances.splice(0, utterances.length, ...utterances.filter((r) => r.state === 'queued' || r.state === 'speaking'));
    },
  });
})();
