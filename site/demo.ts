/// <reference types="vite/client" />
/**
 * The demo page: the seed article in the player. The JSON's URL comes from
 * Vite (`?url`), so the same line works in `npm start` and in the build.
 */
import '../src/define.ts';
// Resume where you left off, save for offline, storage problems: it finds the player's store itself.
import '../src/ui/offline/offline-panel.ts';
// no-inline: a small JSON would become a data: URL, which a strict CSP refuses to fetch.
import seedUrl from '../content/mosul-2017-06-29.json?url&no-inline';

const player = document.querySelector('aloud-player');
if (player) player.src = seedUrl;
