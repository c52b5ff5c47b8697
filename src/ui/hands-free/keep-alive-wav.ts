/**
 * Makes keep-alive.wav, the clip KeepAliveAudio loops. Not imported by the
 * player (the clip ships as a file); kept so the file's making is
 * reviewable and tested. Regenerate with:
 *   npx tsx -e "import('./src/ui/hands-free/keep-alive-wav.ts').then(m => require('node:fs').writeFileSync('src/ui/hands-free/keep-alive.wav', m.keepAliveWav()))"
 */

const SAMPLE_RATE = 8000;

/**
 * A mono 8-bit PCM WAV (the most widely decoded format) of sparse
 * one-step "dither" noise: most samples sit at the midpoint, and a
 * pseudo-random few step one level up or down. At 8 bits one step is
 * -42 dBFS, so a density of 10^((dbfs + 42) / 10) of them gives an RMS of
 * `dbfs`: never digital silence, far below speech.
 * @param seconds length; keep above 5 (Chrome shows no controls for shorter media)
 * @param dbfs RMS level in dB relative to full scale, at most -42
 * @param seed makes the noise deterministic (the committed file is compared byte for byte)
 */
export function keepAliveWav(seconds = 6, dbfs = -60, seed = 0x2545f491): Uint8Array {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample (unsigned, midpoint 128)
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  // One step of 8-bit audio is 1/128 of full scale (-42.1 dBFS).
  const density = Math.min(1, 10 ** ((dbfs - 20 * Math.log10(1 / 128)) / 10));
  let x = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: tiny, deterministic, good enough for noise.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
  for (let i = 0; i < samples; i++) {
    const r = next();
    bytes[44 + i] = r < density / 2 ? 127 : r < density ? 129 : 128;
  }
  return bytes;
}
