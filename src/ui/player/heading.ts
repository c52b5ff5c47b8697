import { html, nothing, type TemplateResult } from 'lit';

/**
 * A real heading of `level` (clamped to 1–6). Lit cannot bind a tag name
 * without static-html, so a switch is the smallest safe way.
 */
export function heading(level: number, content: unknown, id?: string): TemplateResult {
  const idAttr = id ?? nothing;
  switch (Math.min(6, Math.max(1, Math.round(level)))) {
    case 1:
      return html`<h1 id=${idAttr}>${content}</h1>`;
    case 2:
      return html`<h2 id=${idAttr}>${content}</h2>`;
    case 3:
      return html`<h3 id=${idAttr}>${content}</h3>`;
    case 4:
      return html`<h4 id=${idAttr}>${content}</h4>`;
    case 5:
      return html`<h5 id=${idAttr}>${content}</h5>`;
    default:
      return html`<h6 id=${idAttr}>${content}</h6>`;
  }
}
