/**
 * Telling text from what is not: random bytes, a compressed or binary file
 * under a text name ("story.html" that is really gzip), or text decoded in the
 * wrong encoding. Such a source must give a clear `not-text` error, never an
 * "article" of replacement characters read aloud.
 */

// Magic numbers of the files most often served or saved under a text name.
const MAGIC: [bytes: number[], what: string][] = [
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed data'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed data'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed data'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7z archive'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
];

/**
 * What the bytes are, when their first bytes say they are a known binary
 * format; undefined otherwise (which does not yet mean they are text).
 */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [magic, what] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return what;
  }
  return undefined;
}

// How much of a text may be undecodable or control characters before it is
// not text: a stray byte in a long page is a typo, a few percent is binary
// or the wrong encoding.
const SAMPLE = 65536;
const MAX_BAD_SHARE = 0.01;

/**
 * Why a decoded string is not text, or undefined when it is. Looks at the
 * first 64 K characters: any NUL (binary data, or UTF-16 read as UTF-8), or
 * more than 1 % replacement characters (U+FFFD, what a decoder writes for
 * bytes it cannot read) and control characters other than tab, line feed,
 * form feed and carriage return.
 */
export function notTextReason(text: string): string | undefined {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return undefined;
  let bad = 0;
  let replacement = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'it contains binary data';
    if (c === 0xfffd) {
      bad++;
      replacement++;
    } else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) bad++;
  }
  if (bad / n <= MAX_BAD_SHARE) return undefined;
  return replacement * 2 >= bad
    ? 'it is binary data or text in an encoding it does not declare'
    : 'it contains binary data';
}

/**
 * The charset an HTML (or XML) file declares in its first 1,024 bytes, the
 * way browsers prescan for it: `<meta charset>`, `<meta http-equiv
 * content-type content="…; charset=…">`, an XML declaration's `encoding`.
 * A declared UTF-16 means UTF-8 (the bytes were readable as ASCII to find it).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (const b of bytes.subarray(0, 1024)) head += String.fromCharCode(b);
  const found =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return found && /^utf-16/i.test(found) ? 'utf-8' : found;
}

/**
 * Decodes a file's bytes as the web does: the charset given (the server's),
 * else a UTF-16 byte-order mark, else what the file declares in its head
 * (see {@link declaredCharset}), else UTF-8.
 */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  let label = charset;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else label ??= declaredCharset(bytes);
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: UTF-8, the web's default.
    }
  }
  return new TextDecoder().decode(bytes);
}
