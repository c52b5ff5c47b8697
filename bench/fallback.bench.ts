// The fallback engine in Node: time to first audio (cold and warm) and the
// real-time factor (synthesis time / audio duration) on the seed's first
// body paragraph. Baseline in the same process: the native espeak-ng CLI
// (Debian package) synthesizing the same text, when it is installed.
// Needs the voice packs: npx tsx scripts/build-voice-data.ts
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SEED_SENTENCE =
  'Iraqi forces are locked in an intense battle for the final few blocks of western Mosul still under ISIS control.';

/** The seed's first body paragraph ("Mosul's liberation is "imminent," …"). */
function firstParagraph(): string {
  const path = fileURLToPath(new URL('../content/mosul-2017-06-29.txt', import.meta.url));
  const fallback =
    'Mosul\'s liberation is "imminent," but the battle "still remains ... a difficult fight," with days -- rather than weeks -- ' +
    'left to go, coalition spokesman Col. Ryan Dillon said Thursday from Baghdad, confirming Iraqi forces had seized the ' +
    'remains of an iconic mosque and minaret.';
  if (!existsSync(path)) return fallback;
  const line = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith("Mosul's liberation"));
  return line?.trim() ?? fallback;
}

async function readPack(url: URL): Promise<ArrayBuffer> {
  const b = await readFile(fileURLToPath(url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<void> {
  const data = fileURLToPath(new URL('../src/speech/fallback/data/en.espeak', import.meta.url));
  if (!existsSync(data)) {
    console.log('voice packs missing: run `npx tsx scripts/build-voice-data.ts` first');
    return;
  }
  const paragraph = firstParagraph();

  // Cold: module import + pack read + eSpeak start-up + first sentence.
  // CPU time is printed beside wall time: on a shared machine wall time
  // mostly measures waiting for a core.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { loadEspeak } = await import('../src/speech/fallback/espeak.ts');
  const tImport = performance.now();
  const synth = await loadEspeak('en', { fetchPack: readPack });
  const tInit = performance.now();
  const first = synth.synthesize(SEED_SENTENCE);
  const tFirst = performance.now();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `cold first audio: ${ms(tFirst - t0)} wall, ${ms((cpu.user + cpu.system) / 1000)} CPU (import ${ms(tImport - t0)}, data + init ${ms(tInit - tImport)}, ` +
      `first sentence ${ms(tFirst - tInit)} for ${ms(first.durationMs)} of audio)  goal < 500 ms`,
  );

  // Warm: eSpeak loaded, another sentence.
  const load = (await import('node:os')).loadavg()[0]!;
  console.log(`(load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    synth.synthesize(SEED_SENTENCE);
    warm.push(performance.now() - t);
  }
  console.log(`warm first audio (median of 5): ${ms(median(warm))}`);

  // A second language: code already loaded, new instance and pack, loaded
  // the way createSpeechEngine preloads it; then what Play costs after that.
  const tDe = performance.now();
  const de = await loadEspeak('de', { fetchPack: readPack });
  const tDeLoaded = performance.now();
  de.synthesize('Irakische Truppen kämpfen um die letzten Häuserblocks im Westen von Mossul.');
  const tDeFirst = performance.now();
  console.log(
    `second language (de): preload ${ms(tDeLoaded - tDe)}, then first audio after Play ${ms(tDeFirst - tDeLoaded)}`,
  );

  // The engine synthesizes long sentences clause by clause: what the first
  // clause of the paragraph costs against the whole paragraph.
  const { splitAtClauses } = await import('../src/speech/chunks.ts');
  const firstClause = splitAtClauses(paragraph, 30)[0]!.text;
  const clause: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    synth.synthesize(firstClause);
    clause.push(performance.now() - t);
    t = performance.now();
    synth.synthesize(paragraph);
    whole.push(performance.now() - t);
  }
  console.log(
    `first paragraph, warm: first clause (${firstClause.length} chars) ready in ${ms(median(clause))}, ` +
      `whole paragraph in ${ms(median(whole))}`,
  );

  // Real-time factor on the first paragraph.
  const rtf: number[] = [];
  let audioMs = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const out = synth.synthesize(paragraph);
    rtf.push((performance.now() - t) / out.durationMs);
    audioMs = out.durationMs;
  }
  console.log(
    `real-time factor, first paragraph (${paragraph.length} chars, ${ms(audioMs)} of audio): ` +
      `${median(rtf).toFixed(4)} (median of 3; < 1 is faster than real time)`,
  );

  // Baseline: native espeak-ng (C) from Debian, same text, written to /dev/null.
  try {
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      execFileSync('espeak-ng', ['-v', 'en', '-w', '/dev/null', paragraph], { stdio: 'ignore' });
      cli.push(performance.now() - t);
    }
    console.log(
      `baseline: native espeak-ng CLI, same paragraph incl. process start: ${ms(median(cli))} ` +
        `(real-time factor ${(median(cli) / audioMs).toFixed(4)})`,
    );
    const t = performance.now();
    execFileSync('espeak-ng', ['-v', 'en', '-w', '/dev/null', SEED_SENTENCE], { stdio: 'ignore' });
    console.log(`baseline: native espeak-ng CLI, seed sentence: ${ms(performance.now() - t)}`);
  } catch {
    console.log('baseline: espeak-ng CLI not installed');
  }
}
