import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { PageModeController, PageModeHost } from '../../page/page-mode.ts';
import type { PlayerState } from '../../player/types.ts';
import type { ErrorCode } from './errors.ts';
import type { MiniPlayerController, MiniPlayerOptions } from './mini-player.ts';
import { dirOf } from '../locale.ts';
import { LazyPart, lazy } from '../lazy.ts';
import type { UiStrings } from '../strings.ts';

// At module level: tsc leaves an import() inside a class field unrewritten for lib/.
const pageModeChunk = () => import('../../page/page-mode.ts');
const miniPlayerChunk = () => import('./mini-player.ts');

/** The player, as its page pieces read it. */
export type PiecesHost = LitElement & PageModeHost & { readonly for: string; readonly lang: string; readonly sticky: boolean; readonly strings: UiStrings };

/** What the pieces need from the player beyond its public properties. */
export interface PiecesEvents extends Omit<MiniPlayerOptions, 'obscured'> {
  /** The listener's follow-along switch. */
  following(): boolean;
  /** Page mode found no element, or nothing to read in it. */
  failed(code: ErrorCode, message: string): void;
}

/**
 * The parts of the player that live in the host page rather than in the
 * player's box, each a lazy chunk loaded only when asked for: page mode
 * (`for`: the page's element is the article, highlighted in place, with a
 * caption where highlights cannot be painted) and the sticky mini-player
 * (`sticky`), which page mode keeps the followed sentence clear of.
 */
export class PagePieces {
  /** The sticky mini-player, while `sticky` is set and its chunk has loaded. */
  mini: MiniPlayerController | null = null;
  /** Page mode's controller: reads the page's element into `article` and highlights the store's place in it. */
  readonly page: LazyPart<PageModeController>;
  readonly #miniPlayer = new LazyPart(() => lazy(miniPlayerChunk(), 'the mini-player').then((m) => m?.MiniPlayerController));

  constructor(
    private readonly host: PiecesHost,
    private readonly on: PiecesEvents,
  ) {
    this.page = new LazyPart(() =>
      lazy(pageModeChunk(), 'page mode').then((m) => {
        if (!m) return;
        const page = new m.PageModeController(host, {
          target: () => host.for,
          lang: () => host.lang,
          following: on.following,
          obscured: () => this.mini?.obscured() ?? { top: 0, bottom: 0 },
          onError: (e) => on.failed(e.code, e.message),
        });
        host.requestUpdate();
        return page;
      }),
    );
  }

  /** After `sticky` changed: the mini-player made (its chunk loaded once) or taken down. */
  stick(): void {
    if (!this.host.sticky) {
      this.mini?.dispose();
      this.mini = null;
      return;
    }
    void this.#miniPlayer.get().then((Mini) => {
      if (!Mini || !this.host.sticky || this.mini) return;
      this.mini = new Mini(this.host, this.on);
    });
  }

  /** Page mode where highlights cannot be painted: the current sentence as a caption (not a live region). */
  caption(state: PlayerState | null, lang: string): TemplateResult | typeof nothing {
    const text = this.page.value?.caption(state);
    return text
      ? html`<p part="caption" class="caption" lang=${lang} dir=${dirOf(lang)}><span class="sr-only">${this.host.strings.nowReading}: </span>${text}</p>`
      : nothing;
  }
}
