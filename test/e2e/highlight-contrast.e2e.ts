// WCAG 1.4.11 for the follow-along highlights, measured from Chromium's
// computed styles (so a colour change that makes them faint fails here):
// the current sentence is ≥ 3:1 against the text background, or carries an
// underline ≥ 3:1 against both the background and the sentence tint; the
// current word is ≥ 3:1 against the sentence; their text stays ≥ 4.5:1.
// In the player's own text view (the demo) and in page mode (a news page),
// light, dark and forced colours. Page mode also paints the word above the
// sentence (CSS Custom Highlight priority).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eSession, waitForSpoken, type FakeSpeechConfig } from './support/index.ts';
import { fixtureText, serveHost } from './support/csp-host.ts';

// The news page in a dark edition: the publisher's own dark colours behind the page-mode highlight.
const DARK_NEWS = fixtureText('news-page.html').replace('</head>', '<link rel="stylesheet" href="/t/dark.css">\n</head>');
const DARK_CSS = 'body { color: #e4e7eb; background: #12161c; } a { color: #8cc8ff; }';
const e2e = useE2eSession(() =>
  serveHost({ files: { '/t/news-dark.html': { body: DARK_NEWS, type: 'text/html' }, '/t/dark.css': { body: DARK_CSS, type: 'text/css' } } }),
);

/** The colours that decide the highlight's visibility, as computed in the page (rgba strings). */
interface Paint {
  /** The text's background: the first opaque background behind the sentence. */
  page: string;
  sentenceBg: string;
  sentenceFg: string;
  /** The sentence's underline colour, or null without an underline. */
  underline: string | null;
  wordBg: string;
  wordFg: string;
}

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`not an rgb() colour: ${color}`);
  const [r, g, b, a] = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
  return [r!, g!, b!, a ?? 1];
}

/** `top` painted over the opaque `under`. */
function over(top: string, under: Rgba): Rgba {
  const [r, g, b, a] = parse(top);
  return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface Ratios {
  sentenceVsPage: number;
  underlineVsPage: number;
  underlineVsSentence: number;
  wordVsSentence: number;
  sentenceText: number;
  wordText: number;
}

function ratios(p: Paint): Ratios {
  const page = parse(p.page);
  const sentence = over(p.sentenceBg, page);
  const word = over(p.wordBg, sentence);
  const underline = p.underline ? over(p.underline, sentence) : null;
  return {
    sentenceVsPage: contrast(sentence, page),
    underlineVsPage: underline ? contrast(underline, page) : 0,
    underlineVsSentence: underline ? contrast(underline, sentence) : 0,
    wordVsSentence: contrast(word, sentence),
    sentenceText: contrast(over(p.sentenceFg, sentence), sentence),
    wordText: contrast(over(p.wordFg, word), word),
  };
}

const round = (r: Ratios) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 100) / 100]));

function expectWcag(r: Ratios, label: string): void {
  const shown = `${label}: ${JSON.stringify(round(r))}`;
  console.log(shown);
  // The sentence shows by its tint, or else by an underline that shows on the page and on the tint.
  const marked = r.sentenceVsPage >= 3 || (r.underlineVsPage >= 3 && r.underlineVsSentence >= 3);
  expect(marked, `sentence not marked at 3:1 (${shown})`).toBe(true);
  expect(r.wordVsSentence, `word against sentence (${shown})`).toBeGreaterThanOrEqual(3);
  expect(r.sentenceText, `sentence text (${shown})`).toBeGreaterThanOrEqual(4.5);
  expect(r.wordText, `word text (${shown})`).toBeGreaterThanOrEqual(4.5);
}

/**
 * The computed paint of `sentence` (an element, or a text-holding element of
 * the host page when the sentence is a highlight range: then `sentenceHighlight`
 * names it).
 */
function readPaint(page: Page, where: 'player' | 'page'): Promise<Paint> {
  return page.evaluate((mode) => {
    const opaque = (el: Element | null): string => {
      for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
        const bg = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const line = (s: CSSStyleDeclaration) => (/underline/.test(s.textDecorationLine) ? s.textDecorationColor : null);
    if (mode === 'player') {
      const root = document.querySelector('aloud-player')!.shadowRoot!;
      const el = root.querySelector<HTMLElement>('.s.current')!;
      const s = getComputedStyle(el);
      const w = getComputedStyle(el, '::highlight(aloud-word)');
      return {
        page: opaque(el.parentElement),
        sentenceBg: s.backgroundColor,
        sentenceFg: s.color,
        underline: line(s),
        wordBg: w.backgroundColor,
        wordFg: w.color,
      };
    }
    const range = [...CSS.highlights.get('aloud-sentence')!][0] as Range;
    const el = range.startContainer.parentElement!;
    const s = getComputedStyle(el, '::highlight(aloud-sentence)');
    const w = getComputedStyle(el, '::highlight(aloud-word)');
    return {
      page: opaque(el),
      sentenceBg: s.backgroundColor,
      sentenceFg: s.color,
      underline: line(s),
      wordBg: w.backgroundColor,
      wordFg: w.color,
    };
  }, where);
}

const SCHEMES = [
  { label: 'light', colorScheme: 'light' as const, forced: false },
  { label: 'dark', colorScheme: 'dark' as const, forced: false },
  { label: 'forced colours, light', colorScheme: 'light' as const, forced: true },
  { label: 'forced colours, dark', colorScheme: 'dark' as const, forced: true },
];

async function openPlaying(path: string, scheme: (typeof SCHEMES)[number], speech: FakeSpeechConfig = { mode: 'manual' }): Promise<Page> {
  const { page } = await e2e.open({ width: 1280, serviceWorkers: 'block', colorScheme: scheme.colorScheme, fakeSpeech: speech });
  if (scheme.forced) await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(e2e.server.url(path));
  await page.locator('aloud-player').getByRole('button', { name: 'Play', exact: true }).click();
  return page;
}

describe('follow-along highlights meet WCAG 1.4.11', () => {
  for (const scheme of SCHEMES) {
    it(`in the player's text view, ${scheme.label}`, async () => {
      const page = await openPlaying('/', scheme);
      await waitForSpoken(page, /liberation of Mosul/);
      expectWcag(ratios(await readPaint(page, 'player')), `player, ${scheme.label}`);
    });

    it(`in page mode on a news page, ${scheme.label}`, async () => {
      const page = await openPlaying(scheme.label === 'dark' ? '/t/news-dark.html' : '/fixtures/news-page.html', scheme);
      await page.waitForFunction(() => (CSS.highlights.get('aloud-sentence')?.size ?? 0) > 0, null, { timeout: 10_000 });
      expectWcag(ratios(await readPaint(page, 'page')), `page mode, ${scheme.label}`);
    });
  }

  it('page mode paints the word above the sentence, whoever registered the word highlight first', async () => {
    // Words are highlighted in body sentences: let the title and first sentence run at a slow pace.
    const page = await openPlaying('/fixtures/news-page.html', SCHEMES[0]!, { wordMs: 150 });
    await page.waitForFunction(() => (CSS.highlights.get('aloud-word')?.size ?? 0) > 0, null, { timeout: 10_000 });
    const priorities = await page.evaluate(() => ({
      sentence: CSS.highlights.get('aloud-sentence')!.priority,
      word: CSS.highlights.get('aloud-word')!.priority,
    }));
    expect(priorities.word).toBeGreaterThan(priorities.sentence);
  });
});
