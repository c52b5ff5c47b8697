/// <reference types="vite/client" />
/**
 * The demo page: the seed article in the player. The JSON's URL comes from
 * Vite (`?url`), so the same line works in `npm start` and in the build.
 */
import './define.ts';
import seedUrl from '../content/mosul-2017-06-29.json?url';

const player = document.querySelector('aloud-player');
if (player) player.src = seedUrl;
