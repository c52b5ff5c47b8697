import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Article } from '../../article/model.ts';
import { highlightsSupported, WORD_HIGHLIGHT } from '../../page/highlight-api.ts';
import type { PlayerState } from '../../player/types.ts';
import { dirOf } from '../locale.ts';
import type { UiStrings } from '../strings.ts';
import type { ArticleIndex } from '../player/article-index.ts';
import { PLAY_HINT_ID, renderArticleBody } from '../player/article-view.ts';
import type { FollowAlongController } from './follow-along.ts';

/** A Highlight shared by every player of the page: one name in the document-wide registry. */
let wordHighlight: Highlight | null | undefined;
function sharedWordHighlight(): Highlight | null {
  if (wordHighlight === undefined) {
    wordHighlight = null;
    if (highlightsSupported()) {
      wordHighlight = new Highlight();
      // Above page mode's sentence highlight, which may paint the same text.
      wordHighlight.priority = 1;
      CSS.highlights.set(WORD_HIGHLIGHT, wordHighlight);
    }
  }
  return wordHighlight;
}

/**
 * True when the store's state `next` differs from `prev` in more than its
 * word: what the element renders for. The word moves a few times a second
 * and the text view paints it alone (the store keeps every field it does
 * not change, so identity tells).
 */
export function changedBesidesWord(next: PlayerState | null, prev: PlayerState | null | undefined): boolean {
  if (next === prev) return false;
  if (!next || !prev) return true;
  for (const k in next) if (k !== 'word' && next[k as keyof PlayerState] !== prev[k as keyof PlayerState]) return true;
  return false;
}

/** What the text view reads from its element. */
export interface TextViewHost {
  /** Where the sentences (`.s[data-id]`) are rendered. */
  root(): ParentNode;
  state(): PlayerState | null;
  index(): ArticleIndex | null;
  /** The listener's follow-along switch. */
  followAlong(): boolean;
  /** Enter or Space on a sentence (or a click on one): play from there. */
  playFrom(id: string): void;
}

/**
 * The article text's behaviour, kept imperative because the text is
 * rendered once (100,000 words in the budget's test): the current sentence's
 * class, the word range in the shared highlight, and the text's single Tab
 * stop (roving tabindex: Up and Down move it, leaving the text puts it back
 * on the current sentence).
 */
export class TextView {
  #els = new Map<string, HTMLElement>();
  #current: HTMLElement | null = null;
  #followed: HTMLElement | null = null;
  #roving: HTMLElement | null = null;
  /** The one sentence with tabindex 0. */
  #tabStop: HTMLElement | null = null;
  #word: Range | null = null;
  #playing = false;

  readonly #host: TextViewHost;
  readonly #follow: FollowAlongController;

  constructor(host: TextViewHost, follow: FollowAlongController) {
    this.#host = host;
    this.#follow = follow;
  }

  /**
   * The text region: the article rendered once per article, heading level and
   * words (`guard`), its keys, clicks and focus, the scrolls that pause
   * follow-along, and "Back to the current sentence" while it is paused.
   */
  render(article: Article, lang: string, level: number, t: UiStrings): TemplateResult {
    const follow = this.#follow;
    return html`<div class="text-wrap">
      <div part="text" class="text" lang=${lang} dir=${dirOf(lang)} aria-label=${t.articleText} role="region"
        @click=${this.onClick} @keydown=${this.onKeydown} @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}
        @wheel=${{ handleEvent: follow.userScrolled, passive: true }}
        @touchmove=${{ handleEvent: follow.userScrolled, passive: true }}
        @pointerdown=${follow.pointerDown}>
        ${guard([article, level, t], () => renderArticleBody(article, level, t))}
      </div>
      ${follow.following || !this.#host.followAlong()
        ? nothing
        : html`<button type="button" part="back-button" class="back" @click=${() => follow.resume(this.current)}>${t.backToCurrent}</button>`}
    </div>`;
  }

  /** The current sentence's element (for "Back to the current sentence"). */
  get current(): HTMLElement | null {
    return this.#current;
  }

  /** True before the sentence elements were looked up (the text is new or not rendered yet). */
  get empty(): boolean {
    return this.#els.size === 0;
  }

  sentence(id: string | undefined): HTMLElement | null {
    if (!id) return null;
    if (this.#els.size === 0) {
      for (const el of this.#host.root().querySelectorAll<HTMLElement>('.s')) this.#els.set(el.dataset['id']!, el);
    }
    return this.#els.get(id) ?? null;
  }

  /** Paint the store's place: current sentence, follow-along scroll, tab stop and word. */
  sync(): void {
    const state = this.#host.state();
    const el = this.sentence(state?.position?.sentenceId ?? this.#host.index()?.ids[0]);
    if (el !== this.#current) {
      this.#current?.classList.remove('current');
      el?.classList.add('current');
      this.#current = el;
    }
    // Follow only while listening: a ready player must not scroll the text it just showed.
    const playing = state?.status === 'playing';
    if (playing && this.#host.followAlong() && el !== this.#followed) {
      // Play, or a move other than on to the next sentence, is the listener going somewhere.
      const flat = this.#host.index()?.flatOf;
      const from = flat?.get(this.#followed?.dataset['id'] ?? '');
      if (!this.#playing || (from !== undefined && flat?.get(el?.dataset['id'] ?? '') !== from + 1)) this.#follow.jumped();
      this.#followed = el;
      this.#follow.follow(el);
    }
    this.#playing = playing;
    this.#syncRoving();
    this.syncWord();
  }

  /** The text was re-rendered (or replaced): forget its elements. */
  forget(): void {
    this.#els.clear();
    this.#current = this.#roving = this.#followed = this.#tabStop = null;
    this.clearWord();
  }

  clearWord(): void {
    if (this.#word) wordHighlight?.delete(this.#word);
    this.#word = null;
  }

  readonly onClick = (e: MouseEvent): void => {
    const el = sentenceFrom(e);
    // Selecting text to copy it is not a request to play.
    const sel = (this.#host.root() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    if (!el || (sel && !sel.isCollapsed)) return;
    this.#host.playFrom(el.dataset['id']!);
  };

  readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = sentenceFrom(e);
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#host.playFrom(el.dataset['id']!);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const index = this.#host.index();
      const ids = index?.ids ?? [];
      const i = (index?.flatOf.get(el.dataset['id']!) ?? 0) + (e.key === 'ArrowDown' ? 1 : -1);
      const next = this.sentence(ids[Math.max(0, Math.min(ids.length - 1, i))]);
      if (next && next !== el) {
        this.#follow.userScrolled();
        this.#roving = next;
        this.#syncRoving();
        next.focus();
      }
    }
  };

  readonly onFocusIn = (e: FocusEvent): void => {
    const el = sentenceFrom(e);
    if (!el) return;
    this.#roving = el;
    this.#syncRoving();
  };

  readonly onFocusOut = (e: FocusEvent): void => {
    // Leaving the text: the tab stop goes back to the current sentence.
    const to = e.relatedTarget as Node | null;
    if (!to || !(e.currentTarget as Node).contains(to)) {
      this.#roving = null;
      this.#syncRoving();
    }
  };

  #syncRoving(): void {
    const stop = this.#roving ?? this.#current;
    // Tracked, not queried: no selector over the whole text on every sentence change.
    if (stop === this.#tabStop) return;
    const old = this.#tabStop;
    if (old) {
      old.tabIndex = -1;
      old.removeAttribute('role');
      old.removeAttribute('aria-describedby');
    }
    // Only the tab stop is a button (Enter plays from it), so reading the
    // text in browse mode does not say "button" before every sentence.
    if (stop) {
      stop.tabIndex = 0;
      stop.setAttribute('role', 'button');
      stop.setAttribute('aria-describedby', PLAY_HINT_ID);
    }
    this.#tabStop = stop;
  }

  /** Paint the store's word (alone: a commit that moved only the word). */
  syncWord(): void {
    const state = this.#host.state();
    const hl = sharedWordHighlight();
    if (!hl) return;
    const word = state?.word;
    const el = word && this.sentence(word.sentenceId);
    const text = el && [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && !!(n as Text).data);
    if (!word || !text || word.end > text.length || word.start >= word.end) {
      this.clearWord();
      return;
    }
    const range = this.#word ?? new Range();
    range.setStart(text, word.start);
    range.setEnd(text, word.end);
    if (!this.#word) hl.add(range);
    this.#word = range;
  }
}

/** The sentence an event happened in, without leaving the text region. */
function sentenceFrom(e: Event): HTMLElement | null {
  for (const n of e.composedPath()) {
    if (n instanceof HTMLElement && n.dataset['id']) return n;
    if (n === e.currentTarget) break;
  }
  return null;
}
