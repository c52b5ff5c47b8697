/**
 * What a listener hears, checked against what the article says: the script
 * the player should speak (title, headings, sentences in order), a
 * transcript of what actually sounded, and an alignment of the two that
 * names the first word heard out of place and every part never heard.
 */
import { readFileSync } from 'node:fs';
import type { HeardUtterance } from './fake-speech.ts';

/** One thing the player should say, in order. */
export interface ScriptPart {
  kind: 'title' | 'heading' | 'sentence';
  /** Sentence id (for title and heading: the id of the sentence they come before). */
  id: string;
  /** What the engine is given: `speak` when present, else `text`. */
  text: string;
}

interface ArticleJson {
  title: string;
  titleSpeak?: string;
  sections: {
    heading?: string;
    headingSpeak?: string;
    paragraphs: { sentences: { id: string; text: string; speak?: string }[] }[];
  }[];
}

/** The script of an article JSON file, as the store speaks it with headings announced. */
export function articleScript(file: URL | string): ScriptPart[] {
  const article = JSON.parse(readFileSync(file, 'utf8')) as ArticleJson;
  const parts: ScriptPart[] = [];
  let first = true;
  for (const section of article.sections) {
    const sentences = section.paragraphs.flatMap((p) => p.sentences);
    if (sentences.length === 0) continue;
    if (first) {
      const title = article.titleSpeak ?? article.title;
      if (title.trim()) parts.push({ kind: 'title', id: sentences[0]!.id, text: title });
      first = false;
    }
    const heading = section.headingSpeak ?? section.heading;
    if (heading?.trim()) parts.push({ kind: 'heading', id: sentences[0]!.id, text: heading });
    for (const s of sentences) parts.push({ kind: 'sentence', id: s.id, text: s.speak ?? s.text });
  }
  return parts;
}

/** The seed article's script. */
export const SEED_SCRIPT = articleScript(new URL('../../../content/mosul-2017-06-29.json', import.meta.url));

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * What sounded, word by word, in the order it sounded: every whole word of
 * every audible utterance (volume > 0). A word cut off mid-way is not
 * counted as heard.
 */
export function heardWords(heard: HeardUtterance[]): string[] {
  return heard.filter((h) => h.volume > 0).flatMap((h) => words(h.heard));
}

/** The heard transcript, one line per audible utterance ("…" marks a word cut off). */
export function heardTranscript(heard: HeardUtterance[]): string[] {
  return heard
    .filter((h) => h.volume > 0 && (h.heard || h.partial))
    .map((h) => `${h.heard}${h.partial ? ` ${h.partial.trim()}…` : ''} [${h.stoppedBy}]`);
}

export interface HeardVerdict {
  /** True when every word of the script was heard in order, with at most `repeats` repeats. */
  ok: boolean;
  /** Repeats used: jumps back within the part being heard. */
  repeats: number;
  /** Script parts not heard in full, in order (with how many of their words were). */
  missing: { part: ScriptPart; heardWords: number; words: number }[];
  /** The first heard word that was neither the next word nor a repeat within the current part. */
  outOfPlace: { at: number; word: string; expected: string | undefined; part: ScriptPart | undefined } | null;
  /** How many script words were heard in order. */
  reached: number;
  total: number;
  /** A readable account for assertion messages. */
  summary: string;
}

/**
 * Aligns what was heard with the script. Each heard word must be the next
 * script word, or the start of a repeat: a jump back to an earlier word of
 * the part being heard (the current sentence spoken again after a recovery).
 * A jump forward (a word never heard) or back into an earlier part is out of
 * place. At most `repeats` jumps back are allowed.
 */
export function checkHeard(script: ScriptPart[], heard: string[], { repeats = 0 } = {}): HeardVerdict {
  const exp: { word: string; part: number }[] = [];
  script.forEach((p, i) => {
    for (const w of words(p.text)) exp.push({ word: w, part: i });
  });
  const partStart: number[] = [];
  exp.forEach((e, i) => {
    if (partStart[e.part] === undefined) partStart[e.part] = i;
  });
  const heardCount = new Array<number>(script.length).fill(0);
  let ptr = 0;
  let jumps = 0;
  let outOfPlace: HeardVerdict['outOfPlace'] = null;
  // How many heard words from `h` on match the script from `q` on (at most `n`).
  const run = (h: number, q: number, n: number) => {
    let k = 0;
    while (k < n && h + k < heard.length && q + k < exp.length && heard[h + k] === exp[q + k]!.word) k++;
    return k;
  };
  for (let h = 0; h < heard.length; h++) {
    const w = heard[h]!;
    if (ptr < exp.length && exp[ptr]!.word === w) {
      heardCount[exp[ptr]!.part]!++;
      ptr++;
      continue;
    }
    // A repeat: back to a word of the part just being heard, and it goes on from there.
    let back = -1;
    if (ptr > 0) {
      const part = exp[ptr - 1]!.part;
      const need = Math.min(3, heard.length - h);
      for (let q = ptr - 1; q >= partStart[part]!; q--) {
        if (run(h, q, need) === need) {
          back = q;
          break;
        }
      }
    }
    if (back >= 0) {
      jumps++;
      ptr = back + 1;
      continue;
    }
    outOfPlace = { at: h, word: w, expected: exp[ptr]?.word, part: script[exp[ptr]?.part ?? -1] };
    break;
  }
  // Words counted per part may exceed its length after a repeat: cap it.
  const missing = script
    .map((part, i) => ({ part, heardWords: 0, words: words(part.text).length, i }))
    .filter(({ i }) => {
      const reachedInPart = exp.slice(0, ptr).filter((e) => e.part === i).length;
      return reachedInPart < words(script[i]!.text).length;
    })
    .map(({ part, words: n, i }) => ({ part, words: n, heardWords: exp.slice(0, ptr).filter((e) => e.part === i).length }));
  const ok = !outOfPlace && ptr === exp.length && jumps <= repeats;
  const lines = [
    `heard ${ptr} of ${exp.length} script words in order, ${jumps} repeat(s) (allowed ${repeats})`,
    outOfPlace
      ? `out of place: heard word #${outOfPlace.at} "${outOfPlace.word}", expected "${outOfPlace.expected}" of ${outOfPlace.part?.kind} ${outOfPlace.part?.id} "${outOfPlace.part?.text.slice(0, 60)}"`
      : '',
    missing.length
      ? `not heard in full (${missing.length} part(s)): ` +
        missing
          .slice(0, 6)
          .map((m) => `${m.part.kind} ${m.part.id} (${m.heardWords}/${m.words} words) "${m.part.text.slice(0, 40)}…"`)
          .join('; ') +
        (missing.length > 6 ? ` … and ${missing.length - 6} more` : '')
      : '',
  ].filter(Boolean);
  return { ok, repeats: jumps, missing, outOfPlace, reached: ptr, total: exp.length, summary: lines.join('\n') };
}

/**
 * Recording of the fallback's real audio: every AudioBufferSourceNode start,
 * with the buffer's length and loudest sample, and the player's sentence
 * events, in one timeline. Install with context.addInitScript before the page.
 */
export const AUDIO_PROBE_SCRIPT = `(() => {
  const timeline = [];
  Object.defineProperty(window, '__audioProbe', { value: timeline, configurable: true });
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    const b = this.buffer;
    let peak = 0;
    if (b) {
      for (let ch = 0; ch < b.numberOfChannels; ch++) {
        const d = b.getChannelData(ch);
        for (let i = 0; i < d.length; i++) { const v = Math.abs(d[i]); if (v > peak) peak = v; }
      }
    }
    timeline.push({ type: 'audio', at: performance.now(), durationMs: b ? b.duration * 1000 : 0, peak,
      when: args[0] ?? 0, ctxTime: this.context.currentTime });
    return start.apply(this, args);
  };
  document.addEventListener('aloud-sentence', (e) => {
    timeline.push({ type: 'sentence', at: performance.now(), index: e.detail.index, sentenceId: e.detail.sentenceId });
  }, true);
})();`;

/** One entry of window.__audioProbe. */
export type AudioProbeEntry =
  | { type: 'audio'; at: number; durationMs: number; peak: number; when: number; ctxTime: number }
  | { type: 'sentence'; at: number; index: number; sentenceId: string };
