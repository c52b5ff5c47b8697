// A deterministic stand-in for the Web Speech API, installed into a page
// before its own scripts run (page.addInitScript). Plain browser JavaScript,
// not TypeScript: it is injected as text, so no transpiler helpers may leak in.
// Behaves like Chrome's speechSynthesis: one queue, start / boundary / end
// events on a later task, cancel() fails every queued utterance with an
// 'interrupted' error. Tests drive and inspect it through window.__fakeSpeech
// (typed in fake-speech.ts).
(() => {
  'use strict';
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
    },
    window.__fakeSpeechConfig || {},
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

  function fire(target, type, fields) {
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

  function durationOf(u) {
    const words = Math.max(1, wordStarts(u.text).length);
    return (words * config.wordMs) / Math.min(10, Math.max(0.1, u.rate || 1));
  }

  function entry(type, u, detail) {
    const e = { type, text: u ? u.text : '', at: now() };
    if (detail !== undefined) e.detail = detail;
    log.push(e);
  }

  function recordOf(u) {
    return utterances.find((r) => r.u === u);
  }

  function startNext() {
    if (current || paused || wedged || queue.length === 0) return;
    const u = queue.shift();
    const record = recordOf(u);
    record.state = 'speaking';
    record.startedAt = now();
    current = { u, record, timers: [], startedAt: performance.now(), elapsed: 0, words: wordStarts(u.text) };
    entry('start', u);
    fire(u, 'start', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' });
    schedule();
  }

  // Timers for the rest of the current utterance, from `current.elapsed` on.
  function schedule() {
    const c = current;
    if (!c) return;
    const total = durationOf(c.u);
    const per = total / Math.max(1, c.words.length);
    c.resumedAt = performance.now();
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
    if (config.mode === 'auto') {
      c.timers.push(setTimeout(() => finish(), Math.max(0, total - c.elapsed)));
    }
  }

  function clearTimers(c) {
    for (const t of c.timers) clearTimeout(t);
    c.timers = [];
  }

  /** End the current utterance now, as if it had been spoken to the end. */
  function finish() {
    const c = current;
    if (!c) return false;
    clearTimers(c);
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
    current = null;
    c.record.state = 'error';
    c.record.error = code;
    entry('error', c.u, code);
    fire(c.u, 'error', { utterance: c.u, error: code, charIndex: 0, elapsedTime: 0, name: '' });
    setTimeout(startNext, 0);
    return true;
  }

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
      utterances.push({
        u,
        text: u.text,
        lang: u.lang,
        rate: u.rate,
        pitch: u.pitch,
        volume: u.volume,
        voiceURI: u.voice ? u.voice.voiceURI : null,
        state: 'queued',
        queuedAt: now(),
      });
      entry('speak', u, u.rate);
      if (config.emptyWedges && u.text === '') {
        wedged = true;
        const r = recordOf(u);
        r.state = 'error';
        r.error = 'synthesis-failed';
        entry('error', u, 'synthesis-failed');
        setTimeout(() => fire(u, 'error', { utterance: u, error: 'synthesis-failed', charIndex: 0, elapsedTime: 0, name: '' }), 0);
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
        victims.push(current.u);
        current = null;
      }
      victims.push(...queue);
      queue = [];
      paused = false;
      for (const u of victims) {
        const r = recordOf(u);
        r.state = 'cancelled';
        entry('error', u, config.cancelError);
      }
      setTimeout(() => {
        for (const u of victims) fire(u, 'error', { utterance: u, error: config.cancelError, charIndex: 0, elapsedTime: 0, name: '' });
      }, 0);
    }
    pause() {
      if (paused) return;
      paused = true;
      entry('pause', current ? current.u : null);
      if (current) {
        current.elapsed += performance.now() - current.resumedAt;
        clearTimers(current);
        const u = current.u;
        setTimeout(() => fire(u, 'pause', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' }), 0);
      }
    }
    resume() {
      if (!paused) return;
      paused = false;
      entry('resume', current ? current.u : null);
      if (current) {
        const u = current.u;
        setTimeout(() => fire(u, 'resume', { utterance: u, charIndex: 0, elapsedTime: 0, name: '' }), 0);
        schedule();
      } else {
        setTimeout(startNext, 0);
      }
    }
  })();

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
    /** True after an empty utterance: nothing starts again (the Linux wedge). */
    get wedged() {
      return wedged;
    },
    finish,
    fail,
    /** Change wordMs, mode or boundaries from here on. */
    configure(patch) {
      Object.assign(config, patch);
      if (patch.mode === 'auto' && current && !paused) {
        clearTimers(current);
        current.elapsed += performance.now() - current.resumedAt;
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
