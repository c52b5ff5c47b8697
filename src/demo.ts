/// <reference types="vite/client" />
/**
 * The demo page: the seed article in the player. The JSON's URL comes from
 * Vite (`?url`), so the same line works in `npm start` and in the build.
 */
import { AloudPlayer } from './define.ts';
// Resume where you left off, save for offline, storage problems: it finds the player's store itself.
import { AloudOfflinePanel } from './ui/offline/offline-panel.ts';
import seedUrl from '../content/mosul-2017-06-29.json?url';

// package.json marks the sources free of side effects for library users, so a
// bare `import './define.ts'` may be dropped by the bundler: register by name.
for (const [tag, ctor] of [
  ['aloud-player', AloudPlayer],
  ['aloud-offline-panel', AloudOfflinePanel],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

const player = document.querySelector('aloud-player');
if (player) player.src = seedUrl;
