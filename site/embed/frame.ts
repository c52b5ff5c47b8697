/**
 * The iframe embed page's script (embed.html?src=…&origin=…): puts one
 * <aloud-player> in the frame and lets the allowed parent origins drive it
 * through postMessage (see frame-protocol.ts). Messages from any other origin
 * or window are ignored, and replies go only to the allowed origin, never "*".
 */
import '../../src/define.ts';
import { allowedOrigins, parseCommand, PROTOCOL, type FrameCommand, type FrameMessage } from './frame-protocol.ts';

const FORWARDED_EVENTS = ['aloud-play', 'aloud-pause', 'aloud-sentence', 'aloud-section', 'aloud-progress', 'aloud-end', 'aloud-error'];

interface PlayerApi extends HTMLElement {
  play(): void;
  pause(): void;
  seek(sentenceId: string): void;
  nextSentence(): void;
  previousSentence(): void;
  nextSection(): void;
  previousSection(): void;
  rate: number;
  readonly playing?: boolean;
}

const params = new URLSearchParams(location.search);
const origins = allowedOrigins(location.search, location.origin);
const player = document.createElement('aloud-player') as PlayerApi;
const src = params.get('src');
if (src) player.setAttribute('src', src);
for (const name of ['lang', 'ui-lang', 'theme', 'layout', 'rate', 'lexicon']) {
  const value = params.get(name);
  if (value) player.setAttribute(name, value);
}
// A frame sits inside someone else's article: the compact bar, unless `layout=full` asks for the text too.
if (!player.hasAttribute('layout')) player.setAttribute('layout', 'compact');
// The frame's page speaks the player's language: `ui-lang`, else the article's `lang`. Given
// neither, the player's container says "language unknown" (lang=""), so the player's
// interface takes the language the article itself declares, not this page's English.
const pageLang = params.get('ui-lang') || params.get('lang');
const container = document.getElementById('frame');
if (pageLang) document.documentElement.lang = pageLang;
else container?.setAttribute('lang', '');
container?.append(player);

const parentWindow = window.parent !== window ? window.parent : null;

function post(message: FrameMessage): void {
  if (!parentWindow) return;
  for (const origin of origins) parentWindow.postMessage(message, origin);
}

for (const name of FORWARDED_EVENTS) {
  player.addEventListener(name, (event) => {
    // Only plain data crosses the frame boundary.
    const detail: unknown = JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null));
    post({ aloud: PROTOCOL, type: 'event', name, detail });
  });
}

function run(cmd: FrameCommand): unknown {
  switch (cmd.command) {
    case 'play':
      return player.play();
    case 'pause':
      return player.pause();
    case 'toggle':
      return player.playing ? player.pause() : player.play();
    case 'seek':
      return player.seek(cmd.arg as string);
    case 'nextSentence':
      return player.nextSentence();
    case 'previousSentence':
      return player.previousSentence();
    case 'nextSection':
      return player.nextSection();
    case 'previousSection':
      return player.previousSection();
    case 'setRate':
      player.rate = cmd.arg as number;
      return player.rate;
    case 'getState':
      return { rate: player.rate, playing: Boolean(player.playing), src: player.getAttribute('src') };
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!parentWindow || event.source !== parentWindow || !origins.includes(event.origin)) return;
  const cmd = parseCommand(event.data);
  if (!cmd) return;
  let reply: FrameMessage;
  try {
    const value = run(cmd);
    reply = { aloud: PROTOCOL, type: 'result', id: cmd.id ?? -1, ok: true, value: value ?? null };
  } catch (error) {
    reply = { aloud: PROTOCOL, type: 'result', id: cmd.id ?? -1, ok: false, error: String(error) };
  }
  if (cmd.id !== undefined) post(reply);
});

post({ aloud: PROTOCOL, type: 'ready' });
