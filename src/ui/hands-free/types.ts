import type { ReactiveController } from 'lit';
import type { PlayerStore } from '../../player/types.ts';

/**
 * The part of a Lit host the hands-free controllers use. A LitElement fits;
 * so does a two-method fake in Node tests. Pass `null` to use a controller
 * without a host and call connect() / disconnect() yourself.
 */
export interface ControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
}

/** The requests and state of the player store the hands-free controllers need. */
export type HandsFreeStore = Pick<
  PlayerStore,
  | 'state'
  | 'subscribe'
  | 'play'
  | 'pause'
  | 'stop'
  | 'nextSection'
  | 'previousSection'
  | 'nextSentence'
  | 'previousSentence'
  | 'seek'
>;
