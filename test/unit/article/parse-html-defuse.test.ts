import { describe, expect, it } from 'vitest';
import { defuse } from '../../../src/article/parse-html.ts';
import { parseSourceInNode } from '../../../src/article/node.ts';

describe('defuse (no CSP reports from parsing an article source)', () => {
  it('renames inline handlers and turns <style> into an inert script block', () => {
    const out = defuse('<p onclick="x()" ONLOAD = "y">a</p><style>p{}</style><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/<style/i);
    expect(out).toContain('<script type="text/x-aloud-style">p{}</script>');
  });

  it('leaves text that merely mentions handlers alone', () => {
    const text = 'Set onclick = handler in the docs, then say "on=off".';
    expect(defuse(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });

  it('keeps the article text of a source with styles and handlers', () => {
    const article = parseSourceInNode(
      '<article><h1>T</h1><style>.a{}</style><p onmouseover="steal()">Body one. Body two.</p></article>',
      { format: 'html' },
    );
    const sentences = article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    expect(sentences).toEqual(['Body one.', 'Body two.']);
  });
});
