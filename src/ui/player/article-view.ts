import { html, nothing, type TemplateResult } from 'lit';
import type { Article, Paragraph, Sentence } from '../../article/model.ts';
import { strings as en, type UiStrings } from '../strings.ts';

/** The id of the hint the text's tab stop is described by (see TextView). */
export const PLAY_HINT_ID = 'play-hint';

export { heading } from './heading.ts';
import { heading } from './heading.ts';

// Text bindings only: article text is never parsed as HTML. tabindex -1 on
// every sentence; the player gives one of them 0 (roving tab stop). A block
// or sentence in another language says so (a screen reader switches voice too).
const sentence = (s: Sentence) =>
  html`<span class="s" part="sentence" data-id=${s.id} tabindex="-1" lang=${s.lang ?? nothing}>${s.text}</span> `;

const sentences = (p: Paragraph) => p.sentences.map(sentence);

/** Paragraphs with consecutive list items gathered into one real list. */
function blocks(paragraphs: readonly Paragraph[]): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.kind === 'item') {
      const items: Paragraph[] = [];
      while (paragraphs[i]?.kind === 'item') items.push(paragraphs[i++]!);
      i--;
      out.push(html`<ul>${items.map((it) => html`<li lang=${it.lang ?? nothing}>${sentences(it)}</li>`)}</ul>`);
    } else if (p.kind === 'quote') {
      out.push(html`<blockquote lang=${p.lang ?? nothing}><p>${sentences(p)}</p></blockquote>`);
    } else {
      out.push(html`<p class=${p.kind === 'credit' ? 'credit' : nothing} lang=${p.lang ?? nothing}>${sentences(p)}</p>`);
    }
  }
  return out;
}

/**
 * The article body: sections as real headings one level below the title,
 * and the (hidden) hint that tells a screen reader what Enter does on the
 * focused sentence, in the interface's language.
 */
/** The full layout's header: kicker, the title heading, byline. */
export function renderHeader(article: Article, level: number, t: UiStrings): TemplateResult {
  return html`<header part="header">
    ${article.kicker ? html`<p class="kicker">${article.kicker}</p>` : nothing}
    ${heading(level, article.title, 'title')}
    ${article.byline ? html`<p class="byline">${t.by(article.byline)}</p>` : nothing}
  </header>`;
}

export function renderArticleBody(article: Article, titleLevel: number, t: UiStrings = en): TemplateResult {
  return html`${article.sections.map(
    (section) => html`<section>
      ${section.heading ? heading(titleLevel + Math.max(1, (section.level ?? 2) - 1), section.heading) : nothing}
      ${blocks(section.paragraphs)}
    </section>`,
  )}<span id=${PLAY_HINT_ID} lang=${t.locale} hidden>${t.playFromHere}</span>`;
}
