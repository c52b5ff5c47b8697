// Injected as text before any page script (context.addInitScript), so no
// transpiler helper can leak in. It RECORDS what the real engines do and
// replaces nothing: every call goes through to Chromium's own
// speechSynthesis and Web Audio, and the listeners it adds are extra ones.
//
// window.__aloudRecord holds, in order of arrival (t = performance.now()):
// - speech: one entry per real SpeechSynthesisUtterance handed to speak()
//   (text, rate, volume, lang, voice) and events: its start / end / error /
//   boundary events as the browser fired them;
// - pauseCalls / resumeCalls: every call of speechSynthesis.pause()/resume();
// - buffers: every AudioBufferSourceNode started, with its buffer's peak and
//   RMS computed from the samples handed to the audio graph, when it was
//   scheduled to sound (in page time) and whether it was stopped early;
//   contextStates: each AudioContext's state changes (suspended while paused);
//   soundingNow(): how many sources are sounding at this moment;
// - player: the <aloud-player> events (aloud-play, -pause, -sentence,
//   -section, -end, -error) with their detail;
// - inputs: every user click/keydown, with the sentence the player had last
//   announced at that moment (to know what "next" meant when it was pressed).
(() => {
  'use strict';
  const rec = {
    speech: [],
    events: [],
    pauseCalls: [],
    resumeCalls: [],
    buffers: [],
    contextStates: [],
    player: [],
    inputs: [],
    lastSentence: null,
  };
  Object.defineProperty(window, '__aloudRecord', { value: rec });
  const now = () => performance.now();

  const Synth = window.SpeechSynthesis;
  if (Synth && Synth.prototype.speak) {
    const speak = Synth.prototype.speak;
    const pause = Synth.prototype.pause;
    const resume = Synth.prototype.resume;
    let n = 0;
    Synth.prototype.speak = function (u) {
      const id = ++n;
      rec.speech.push({
        id,
        text: u.text,
        rate: u.rate,
        volume: u.volume,
        lang: u.lang,
        voice: u.voice ? u.voice.name : null,
        t: now(),
      });
      for (const type of ['start', 'end', 'error', 'boundary']) {
        u.addEventListener(type, (e) =>
          rec.events.push({
            id,
            text: u.text,
            type,
            t: now(),
            rate: u.rate,
            error: type === 'error' ? e.error : undefined,
            charIndex: type === 'boundary' ? e.charIndex : undefined,
          }),
        );
      }
      return speak.call(this, u);
    };
    Synth.prototype.pause = function () {
      rec.pauseCalls.push({ t: now(), stack: String(new Error().stack) });
      return pause.call(this);
    };
    Synth.prototype.resume = function () {
      rec.resumeCalls.push({ t: now() });
      return resume.call(this);
    };
  }

  const Source = window.AudioBufferSourceNode;
  if (Source && Source.prototype.start) {
    const start = Source.prototype.start;
    const stop = Source.prototype.stop;
    const entries = new WeakMap();
    // Live nodes, to tell what is sounding right now (never serialized).
    const live = [];
    const contexts = new Set();
    Object.defineProperty(rec, 'soundingNow', {
      // Sources that have started and not stopped or ended, on a running clock.
      value: () =>
        live.filter(
          (l) => !l.entry.stoppedAt && !l.entry.endedAt && l.ctx.state === 'running' && l.ctx.currentTime >= l.when,
        ).length,
    });
    Source.prototype.start = function (when, offset, duration) {
      const b = this.buffer;
      let max = 0;
      let sum = 0;
      let count = 0;
      if (b) {
        for (let c = 0; c < b.numberOfChannels; c++) {
          const data = b.getChannelData(c);
          for (let i = 0; i < data.length; i++) {
            const x = data[i];
            const a = x < 0 ? -x : x;
            if (a > max) max = a;
            sum += x * x;
          }
          count += data.length;
        }
      }
      const ctxNow = this.context.currentTime;
      const at = typeof when === 'number' && when > ctxNow ? when : ctxNow;
      const entry = {
        i: rec.buffers.length,
        t: now(),
        // When its first sample is due, on the page clock.
        soundsAt: now() + (at - ctxNow) * 1000,
        durationMs: b ? b.duration * 1000 : 0,
        length: b ? b.length : 0,
        sampleRate: b ? b.sampleRate : 0,
        max,
        rms: count ? Math.sqrt(sum / count) : 0,
        contextState: this.context.state,
        stoppedAt: null,
        endedAt: null,
      };
      entries.set(this, entry);
      live.push({ entry, ctx: this.context, when: at });
      if (!contexts.has(this.context)) {
        const ctx = this.context;
        contexts.add(ctx);
        rec.contextStates.push({ t: now(), state: ctx.state });
        ctx.addEventListener('statechange', () => rec.contextStates.push({ t: now(), state: ctx.state }));
      }
      rec.buffers.push(entry);
      this.addEventListener('ended', () => (entry.endedAt = now()));
      return start.apply(this, arguments);
    };
    Source.prototype.stop = function () {
      const entry = entries.get(this);
      if (entry && entry.stoppedAt === null) entry.stoppedAt = now();
      return stop.apply(this, arguments);
    };
  }

  for (const type of ['aloud-play', 'aloud-pause', 'aloud-sentence', 'aloud-section', 'aloud-end', 'aloud-error']) {
    window.addEventListener(
      type,
      (e) => {
        const detail = e.detail ? JSON.parse(JSON.stringify(e.detail)) : null;
        if (type === 'aloud-sentence' && detail) rec.lastSentence = detail.sentenceId;
        rec.player.push({ type, t: now(), detail });
      },
      true,
    );
  }

  // The control the input went to (a click on an icon lands on its <svg>).
  const describe = (e) => {
    const path = e.composedPath();
    const el = path.find((n) => n instanceof Element && /^(BUTTON|INPUT|SELECT|A)$/.test(n.tagName)) || path[0];
    if (!(el instanceof Element)) return '';
    return (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || el.tagName).trim().slice(0, 40);
  };
  // Read through the element's public `store` in the capture phase, before
  // the player handles the input: the place "next" starts from.
  const position = () => {
    const player = document.querySelector('aloud-player');
    const p = player && player.store ? player.store.state.position : null;
    const s = player && player.store ? player.store.state : null;
    return p ? { sentenceId: p.sentenceId, flatIndex: p.flatIndex, status: s.status, announcing: s.announcing } : null;
  };
  const input = (e, extra) =>
    rec.inputs.push(Object.assign({ type: e.type, on: describe(e), t: now(), at: position(), announced: rec.lastSentence }, extra));
  window.addEventListener('click', (e) => input(e, {}), true);
  window.addEventListener('keydown', (e) => input(e, { key: e.key }), true);
})();
