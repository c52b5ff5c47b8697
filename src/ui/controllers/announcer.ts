import { html, type TemplateResult } from 'lit';
import type { UiStrings } from '../strings.ts';

/** What the announcer needs of the locale: the catalogue, once it has loaded. */
export interface Catalogue {
  whenReady(fn: (s: UiStrings) => void): void;
}

/**
 * The player's one live region. Everything a screen-reader user hears
 * unprompted goes through `say`, so there is one place that decides how it is
 * said: in the interface language (a message waits for its catalogue), and a
 * repeat of the same words still heard (a live region ignores an unchanged
 * text, so a repeat differs by an invisible no-break space).
 */
export class Announcer {
  #text = '';

  /** With `host`, announcements of slotted pieces (`aloud-announce` events from inside it) are said here too. */
  constructor(
    private readonly locale: Catalogue,
    private readonly changed: () => void,
    host?: EventTarget,
  ) {
    host?.addEventListener('aloud-announce', (e) => {
      const message = (e as CustomEvent<{ message?: string }>).detail?.message;
      if (message) this.say(message);
    });
  }

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  /** Says `text`, or a function of the catalogue, once the interface language is ready. */
  say(text: string | ((s: UiStrings) => string)): void {
    this.locale.whenReady((s) => {
      const said = typeof text === 'string' ? text : text(s);
      this.#text = said === this.#text ? `${said}\u00a0` : said;
      this.changed();
    });
  }

  render(): TemplateResult {
    return html`<div part="status" class="sr-only" role="status">${this.#text}</div>`;
  }
}
