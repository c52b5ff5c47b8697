/**
 * Registers `<aloud-player>`. Importing this module is the only side effect
 * the library has; the guard lets two copies of the widget share a page.
 */
import { AloudPlayer } from './ui/player/aloud-player.ts';

if (!customElements.get('aloud-player')) customElements.define('aloud-player', AloudPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-player': AloudPlayer;
  }
}

export { AloudPlayer };
