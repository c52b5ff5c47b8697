// Draws the app icons (a speaker with sound waves) and writes them as PNGs.
// No image library: shapes are signed-distance tests, 4×4 supersampled, and
// the PNG is encoded by hand with node:zlib. Run: node public/icons/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const BG = [0x1d, 0x4e, 0xd8]; // theme colour (white on it: contrast 6.7:1)
const FG = [0xff, 0xff, 0xff];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Point-in-shape tests on the unit square; (0.5, 0.5) is the centre.
const inRoundedSquare = (x, y, r) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
function inGlyph(x, y) {
  // Speaker body and cone.
  if (x >= 0.2 && x <= 0.32 && y >= 0.4 && y <= 0.6) return true;
  if (x >= 0.32 && x <= 0.46) {
    const t = (x - 0.32) / 0.14;
    const half = 0.1 + t * 0.13;
    if (Math.abs(y - 0.5) <= half) return true;
  }
  // Two sound waves: arcs within ±50° of the horizontal.
  const dx = x - 0.5;
  const dy = y - 0.5;
  const d = Math.hypot(dx, dy);
  const angle = Math.abs(Math.atan2(dy, dx));
  if (dx > 0 && angle <= (50 * Math.PI) / 180) {
    if (Math.abs(d - 0.13) <= 0.028 || Math.abs(d - 0.24) <= 0.028) return true;
  }
  return false;
}

function draw(size, maskable) {
  const rgba = Buffer.alloc(size * size * 4);
  const SS = 4;
  // Maskable icons keep the glyph inside the central safe circle (radius 0.4).
  const scale = maskable ? 0.78 : 1;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (maskable || inRoundedSquare(x, y, 0.22)) {
            bg++;
            const gx = 0.5 + (x - 0.5) / scale + 0.02;
            const gy = 0.5 + (y - 0.5) / scale;
            if (inGlyph(gx, gy)) fg++;
          }
        }
      const n = SS * SS;
      const a = bg / n;
      const f = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BG[c] * (1 - f) + FG[c] * f);
      rgba[i + 3] = Math.round(a * 255);
    }
  return png(size, rgba);
}

const dir = new URL('.', import.meta.url);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), draw(size, false));
  writeFileSync(new URL(`maskable-${size}.png`, dir), draw(size, true));
}
writeFileSync(new URL('apple-touch-icon.png', dir), draw(180, true));
