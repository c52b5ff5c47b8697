/**
 * The postMessage protocol between a publisher's page and the iframe embed
 * (embed.html?src=…). Pure: no DOM, tested in Node.
 *
 * Parent → frame: `{ aloud: 1, type: 'command', command, arg?, id? }`
 * Frame → parent: `{ aloud: 1, type: 'ready' }`,
 *                 `{ aloud: 1, type: 'event', name, detail }`,
 *                 `{ aloud: 1, type: 'result', id, ok, value?, error? }`.
 */

export const PROTOCOL = 1;

export const COMMANDS = [
  'play',
  'pause',
  'toggle',
  'seek',
  'nextSentence',
  'previousSentence',
  'nextSection',
  'previousSection',
  'setRate',
  'getState',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface FrameCommand {
  command: CommandName;
  arg?: string | number;
  /** Echoed in the result so the parent can match replies. */
  id?: number;
}

export type FrameMessage =
  | { aloud: 1; type: 'ready' }
  | { aloud: 1; type: 'event'; name: string; detail: unknown }
  | { aloud: 1; type: 'result'; id: number; ok: boolean; value?: unknown; error?: string };

const commandSet: ReadonlySet<string> = new Set(COMMANDS);

/**
 * Reads a message a parent sent. Returns null for anything that is not a
 * well-formed command of this protocol: such messages are ignored, never
 * guessed at, since any script on the parent page may post to the frame.
 */
export function parseCommand(data: unknown): FrameCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.aloud !== PROTOCOL || m.type !== 'command') return null;
  if (typeof m.command !== 'string' || !commandSet.has(m.command)) return null;
  const command = m.command as CommandName;
  const out: FrameCommand = { command };
  if (m.id !== undefined) {
    if (typeof m.id !== 'number' || !Number.isInteger(m.id)) return null;
    out.id = m.id;
  }
  if (command === 'seek') {
    if (typeof m.arg !== 'string' || m.arg.length === 0 || m.arg.length > 200) return null;
    out.arg = m.arg;
  } else if (command === 'setRate') {
    if (typeof m.arg !== 'number' || !Number.isFinite(m.arg)) return null;
    out.arg = m.arg;
  }
  return out;
}

/**
 * The origins allowed to drive the frame: the `origin` query parameter
 * (comma-separated, each a full origin such as https://news.example), or
 * else only the frame's own origin. "*" is refused: a page that embeds the
 * player must name itself.
 */
export function allowedOrigins(search: string, ownOrigin: string): string[] {
  const raw = new URLSearchParams(search).get('origin');
  if (!raw) return [ownOrigin];
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const origin = normalizeOrigin(part.trim());
    if (origin && !out.includes(origin)) out.push(origin);
  }
  return out.length > 0 ? out : [ownOrigin];
}

function normalizeOrigin(value: string): string | null {
  if (!value || value === '*' || value === 'null') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
