/**
 * A small static server for end-to-end tests: serves a folder (the built
 * demo in dist/) on 127.0.0.1 at a free port, with the headers real hosting
 * sends: correct MIME types, ETag / Last-Modified with 304 revalidation,
 * HEAD, byte ranges (media elements use them), and optionally a
 * Content-Security-Policy. Tests can add or replace
 * files in memory (host pages, a changed article) and read the request log.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.data': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

/** The content type the server sends for a path. */
export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A file held in memory instead of on disk. */
export interface VirtualFile {
  body: string | Uint8Array;
  /** Default: from the extension. */
  type?: string;
  /** Extra response headers for this file only. */
  headers?: Record<string, string>;
  /** Default 200. */
  status?: number;
}

export interface ServeOptions {
  /** The folder to serve. Default: DIST. */
  root?: string;
  /** Sent as Content-Security-Policy on every response, e.g. "default-src 'self'". */
  csp?: string;
  /** Extra headers on every response. */
  headers?: Record<string, string>;
  /** In-memory files by URL path ("/host.html"), checked before the folder. */
  files?: Record<string, string | VirtualFile>;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

export interface TestServer {
  /** "http://127.0.0.1:<port>" with no trailing slash. */
  readonly origin: string;
  /** An absolute URL for a path on this server. */
  url(path?: string): string;
  /** Add or replace an in-memory file (e.g. a changed article for revalidation tests). */
  setFile(path: string, file: string | VirtualFile | null): void;
  /** Every request so far, oldest first. */
  readonly requests: readonly RequestRecord[];
  close(): Promise<void>;
}

/** The built demo: $ALOUD_DIST when set (a build elsewhere), else the repository's dist/. */
export const DIST = resolve(process.env.ALOUD_DIST ?? resolve(import.meta.dirname, '../../../dist'));

function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 16)}"`;
}

/**
 * Start a static server on 127.0.0.1 at a free port.
 * @example const server = await serve({ csp: "default-src 'self'" });
 */
export async function serve(options: ServeOptions = {}): Promise<TestServer> {
  const root = resolve(options.root ?? DIST);
  const files = new Map<string, VirtualFile>();
  const started = new Date();
  const requests: RequestRecord[] = [];
  const setFile = (path: string, file: string | VirtualFile | null) => {
    if (file === null) files.delete(path);
    else files.set(path, typeof file === 'string' ? { body: file } : file);
  };
  for (const [path, file] of Object.entries(options.files ?? {})) setFile(path, file);

  async function find(
    pathname: string,
  ): Promise<{ bytes: Uint8Array; type: string; modified: Date; headers: Record<string, string>; status: number } | null> {
    const virtual = files.get(pathname);
    if (virtual) {
      const bytes = typeof virtual.body === 'string' ? Buffer.from(virtual.body) : virtual.body;
      return {
        bytes,
        type: virtual.type ?? mimeType(pathname),
        modified: started,
        headers: virtual.headers ?? {},
        status: virtual.status ?? 200,
      };
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return null; // no escaping the root
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      return { bytes: await readFile(file), type: mimeType(file), modified: info.mtime, headers: {}, status: 200 };
    } catch {
      return null;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, headers: Record<string, string>, body?: Uint8Array) => {
      requests.push({ method, path: pathname, status });
      res.writeHead(status, {
        ...(options.csp ? { 'Content-Security-Policy': options.csp } : {}),
        ...options.headers,
        ...headers,
      });
      res.end(method === 'HEAD' ? undefined : body);
    };
    if (method !== 'GET' && method !== 'HEAD') {
      send(405, { Allow: 'GET, HEAD' });
      return;
    }
    const found = await find(pathname);
    if (!found) {
      send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Not found'));
      return;
    }
    const etag = etagOf(found.bytes);
    // HTTP dates have one-second resolution: compare at that grain.
    const lastModified = new Date(Math.floor(found.modified.getTime() / 1000) * 1000);
    const common = {
      ETag: etag,
      'Last-Modified': lastModified.toUTCString(),
      // Always revalidate, so tests see the caching the app itself does.
      'Cache-Control': 'no-cache',
      ...found.headers,
    };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const fresh = ifNoneMatch
      ? ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)
      : ifModifiedSince
        ? Date.parse(ifModifiedSince) >= lastModified.getTime()
        : false;
    if (fresh && found.status === 200) {
      send(304, common);
      return;
    }
    // Media elements ask for byte ranges; answer them as real hosting does.
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const size = found.bytes.length;
    if (range && found.status === 200 && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      if (start >= size || start > end) {
        send(416, { ...common, 'Content-Range': `bytes */${size}` });
        return;
      }
      const part = found.bytes.subarray(start, end + 1);
      send(
        206,
        {
          ...common,
          'Accept-Ranges': 'bytes',
          'Content-Type': found.type,
          'Content-Range': `bytes ${start}-${end}/${size}`,
          'Content-Length': String(part.length),
        },
        part,
      );
      return;
    }
    send(
      found.status,
      { ...common, 'Accept-Ranges': 'bytes', 'Content-Type': found.type, 'Content-Length': String(size) },
      found.bytes,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '/') => new URL(path, origin + '/').href,
    setFile,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
