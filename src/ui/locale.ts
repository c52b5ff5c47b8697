/**
 * The interface language of one element. Aloud cannot have one language per
 * document (two players on a page may speak to their readers in two
 * languages), so each element resolves its own: its `ui-lang`, else the
 * nearest `lang` up the tree (through shadow hosts), else the article's
 * language, else English. Every language but English is its own lazy chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { strings, type Strings, type UiStrings } from './strings.ts';

export { dirOf } from './format.ts';

/**
 * The interface languages besides English: adding one is its file in
 * ./locales/ and one line here.
 */
const LOCALES: Record<string, () => Promise<{ default: Strings }>> = {
  ar: () => import('./locales/ar.ts'),
  de: () => import('./locales/de.ts'),
  es: () => import('./locales/es.ts'),
  fr: () => import('./locales/fr.ts'),
  he: () => import('./locales/he.ts'),
  it: () => import('./locales/it.ts'),
  ja: () => import('./locales/ja.ts'),
  nl: () => import('./locales/nl.ts'),
  pl: () => import('./locales/pl.ts'),
  pt: () => import('./locales/pt.ts'),
  zh: () => import('./locales/zh.ts'),
};

/** Every interface language, English first. */
export const SUPPORTED = ['en', ...Object.keys(LOCALES)];

/**
 * The supported interface language for a BCP 47 tag, or null: de-AT → de,
 * pt-BR → pt, zh-Hans-CN → zh. Matched on the language subtag (through
 * Intl.Locale, so "iw" and other legacy forms canonicalize); there is one
 * catalogue per language, so regional variants share it.
 */
export function matchLang(tag: string | null | undefined): string | null {
  if (!tag) return null;
  let lang: string;
  try {
    lang = new Intl.Locale(tag.replace('_', '-')).language;
  } catch {
    return null;
  }
  return SUPPORTED.includes(lang) ? lang : null;
}

/**
 * The nearest `lang` at or above `el`, climbing out of shadow roots to their
 * hosts; null where there is none or the nearest is `lang=""` (unknown).
 */
export function nearestLang(el: Element): string | null {
  for (let n: Element | undefined = el; n; n = (n.getRootNode() as ShadowRoot).host) {
    const at = n.closest('[lang]');
    if (at) return at.getAttribute('lang') || null;
  }
  return null;
}

/**
 * The interface language for an element: `uiLang`, else its nearest `lang`,
 * else `articleLang`, else English; at each step a tag no catalogue serves
 * is passed over (a German page with `ui-lang="xx"` gets German).
 */
export function resolveLang(el: Element, uiLang?: string | null, articleLang?: string | null): string {
  return matchLang(uiLang) ?? matchLang(nearestLang(el)) ?? matchLang(articleLang) ?? 'en';
}

/** The catalogues loaded so far (English is always there). */
const loaded = new Map<string, UiStrings>([['en', strings]]);

/** A catalogue, loading its chunk on first use. */
export async function loadStrings(lang: string): Promise<UiStrings> {
  let s = loaded.get(lang);
  if (!s) loaded.set(lang, (s = (await LOCALES[lang]!()).default));
  return s;
}

/**
 * Holds an element's active catalogue. It re-resolves before each update of
 * its host and whenever a `lang` changes in the document (or the shadow
 * roots) around it; a language not loaded yet leaves the current words up
 * (English at first, so labels are never empty) until its chunk arrives,
 * then asks the host to update.
 */
export class LocaleController implements ReactiveController {
  /** The active catalogue. */
  strings: UiStrings = strings;
  #want = 'en';
  #pending: Promise<unknown> | null = null;
  #observer = new MutationObserver(() => this.sync());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** `off`: the host was given its words (by its player), so nothing is resolved or loaded. */
    private readonly inputs: () => { uiLang?: string | null; articleLang?: string | null; off?: boolean } = () => ({}),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (let n: Node | undefined = this.host; n; n = (n.getRootNode() as ShadowRoot).host) {
      this.#observer.observe(n.getRootNode(), { subtree: true, attributeFilter: ['lang'] });
    }
    this.sync();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Re-resolves the language; loads it if it changed. */
  sync(): void {
    const { uiLang, articleLang, off } = this.inputs();
    const want = off ? this.#want : resolveLang(this.host, uiLang, articleLang);
    if (want === this.#want) return;
    this.#want = want;
    const use = (s: UiStrings) => {
      if (this.#want !== want || s === this.strings) return;
      this.strings = s;
      this.host.requestUpdate();
    };
    const now = loaded.get(want);
    if (now) return use(now);
    const pending = (this.#pending = loadStrings(want)
      // A chunk that fails to load (offline, a broken deploy) leaves the words in use.
      .then(use, () => {})
      .finally(() => this.#pending === pending && (this.#pending = null)));
  }

  /**
   * Runs `fn` with the catalogue in use: at once, or when a language being
   * loaded has arrived, so an announcement is never made in English only
   * because its words were a moment late.
   */
  whenReady(fn: (s: UiStrings) => void): void {
    this.sync();
    if (this.#pending) void this.#pending.then(() => fn(this.strings));
    else fn(this.strings);
  }
}
