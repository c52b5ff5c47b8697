import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ResumeOffer } from '../../player/resume.ts';
import { offlineOf } from './strings.ts';
import { strings as english, type UiStrings } from '../strings.ts';
import { offlineStyles } from './styles.ts';

/**
 * The choice offered when the listener comes back to an article:
 * "Resume from 'Key trading city'" or "Start over". Shows nothing without an
 * offer. It only reports the choice; the player acts on it (and, since the
 * prompt then disappears, puts focus on its Play/Pause button).
 *
 * @fires aloud-resume - The listener chose to resume; `detail` is the offer.
 * @fires aloud-start-over - The listener chose to start from the beginning.
 * @csspart group - The box around the message and buttons.
 */
export class AloudResumePrompt extends LitElement {
  static override styles = offlineStyles;

  /** From `createPersistence(…).offer` / its `onOffer` callback. */
  @property({ attribute: false }) offer: ResumeOffer | null = null;
  /** The interface words (set by the panel or player; default English). */
  @property({ attribute: false }) strings: UiStrings = english;

  override willUpdate(): void {
    // Nothing to offer: no box at all (its panel then takes no room either).
    this.hidden = !this.offer;
  }

  override render() {
    const o = this.offer;
    if (!o) return nothing;
    const t = offlineOf(this.strings);
    return html`<div part="group" role="group" aria-label=${t.resumeGroup}>
      <p class="muted">${t.lastListened(o.at)}</p>
      <div class="row">
        <button type="button" class="primary" @click=${() => this._choose('aloud-resume')}>${t.resumeFrom(o.heading ?? o.snippet)}</button>
        <button type="button" @click=${() => this._choose('aloud-start-over')}>${t.startOver}</button>
      </div>
    </div>`;
  }

  private _choose(type: 'aloud-resume' | 'aloud-start-over'): void {
    const offer = this.offer;
    this.dispatchEvent(new CustomEvent(type, { detail: offer, bubbles: true, composed: true }));
  }
}
