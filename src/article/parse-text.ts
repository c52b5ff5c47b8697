import type { DraftParagraph, DraftSection } from './model.ts';
import type { ParsedDraft } from './build-article.ts';
import { segmentParagraph } from './build-article.ts';
import { cleanBlock, isCreditSentence, isoDate, normalizeSource } from './parse-util.ts';

/** Options for {@link parseText}. */
export interface ParseTextOptions {
  /** Language used to split closing paragraphs into sentences for credit detection. */
  lang?: string;
}

/** One block of body text before it is classified. */
interface Unit {
  text: string;
  bullet: boolean;
  /** Made of one source line (only such a unit can be a heading or title). */
  single: boolean;
  blankBefore: boolean;
  blankAfter: boolean;
}

const DATE_LINE = /^date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$/i;
// "By Nick Paton Walsh, …, CNN", never a sentence ("By the time we left.").
const BYLINE = /^(?:By|BY|by)\s+\p{Lu}[^]*[^.!?]$/u;
// "Updated 1:36 PM ET, Thu June 29, 2017": a time stamp, not a sentence.
const UPDATED = /^updated\s[^]*\d[^]*[^.!?]$/i;
const BULLET = /^(?:[•‣◦▪●○∙·]|[-*+](?=\s))\s*/;
// Lines this long are never hard-wrapped prose, so lines are paragraphs.
const LONG_LINE = 100;
const HEADING_MAX_CHARS = 80;
const HEADING_MAX_WORDS = 10;
const TITLE_MAX_CHARS = 150;
const QUOTES = `'"‘’“”«»`;
const CREDIT_MAX_CHARS = 1000;

/**
 * Parses plain text: either the news-wire export format (a "date YYYY-MM-DD
 * kicker" line, title, "By …" byline, "Updated …" line, a highlights box of
 * • bullets, body, closing credits) or plain paragraphs separated by blank
 * lines. Never throws on any input; an empty result is caught later by
 * buildArticle.
 */
export function parseText(source: string, options: ParseTextOptions = {}): ParsedDraft {
  const lang = options.lang ?? 'en';
  const lines = normalizeSource(source)
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''));
  const draft: ParsedDraft = { sections: [] };
  let i = skipBlank(lines, 0);

  const dateLine = DATE_LINE.exec(lines[i]?.trim() ?? '');
  const newsWire = dateLine !== null;
  if (dateLine) {
    const published = isoDate(dateLine[1]);
    if (published) draft.published = published;
    const kicker = cleanBlock(dateLine[2] ?? '');
    if (kicker) draft.kicker = kicker;
    i = skipBlank(lines, i + 1);
  }

  const body = lines.slice(i);
  const lineMode = newsWire || body.some((line) => line.trim().length > LONG_LINE);
  const units = toUnits(body, lineMode);
  let u = 0;

  // Title: the news-wire format always has one; plain text only when its
  // first block is one short line that does not read as a sentence.
  const first = units[0];
  if (first && !first.bullet && first.single && units.length > 1) {
    if (newsWire || (first.text.length <= TITLE_MAX_CHARS && !/[.,;:]$/.test(first.text))) {
      draft.title = first.text;
      u = 1;
    }
  }
  // Metadata lines directly under the title.
  const hasTitle = u === 1;
  while (hasTitle && u < units.length) {
    const unit = units[u]!;
    if (!unit.single || unit.bullet) break;
    if (draft.byline === undefined && BYLINE.test(unit.text) && unit.text.length <= 300) {
      draft.byline = unit.text;
    } else if (draft.updated === undefined && UPDATED.test(unit.text)) {
      draft.updated = unit.text;
    } else break;
    u++;
  }

  const sections: DraftSection[] = [];
  // A heading followed only by bullets right under the title block is a
  // highlights box ("Story highlights"): the prose after it is the lead,
  // not part of the box.
  const boxHeading = units[u];
  if (hasTitle && boxHeading && isHeading(units, u) && units[u + 1]?.bullet) {
    const box: DraftSection = { heading: boxHeading.text, paragraphs: [] };
    u++;
    while (units[u]?.bullet) {
      box.paragraphs.push({ kind: 'item', text: units[u]!.text });
      u++;
    }
    sections.push(box);
  }

  let current: DraftSection = { paragraphs: [] };
  sections.push(current);
  for (; u < units.length; u++) {
    const unit = units[u]!;
    if (isHeading(units, u)) {
      // Headings keep their wrapping quotes ('We will not relent'): they mark
      // a quotation, and engines do not pronounce them.
      current = { heading: unit.text, paragraphs: [] };
      sections.push(current);
    } else {
      current.paragraphs.push({ kind: unit.bullet ? 'item' : 'paragraph', text: unit.text });
    }
  }
  markCredits(sections, lang);
  draft.sections = sections;
  return draft;
}

function skipBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

function toUnits(lines: string[], lineMode: boolean): Unit[] {
  const units: Unit[] = [];
  let blankBefore = true;
  let open: { parts: string[]; bullet: boolean; blankBefore: boolean } | undefined;
  const close = (blankAfter: boolean): void => {
    if (!open) return;
    const text = cleanBlock(open.parts.join(' '));
    if (text) {
      units.push({
        text,
        bullet: open.bullet,
        single: open.parts.length === 1,
        blankBefore: open.blankBefore,
        blankAfter,
      });
    }
    open = undefined;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      close(true);
      blankBefore = true;
      continue;
    }
    const bullet = BULLET.exec(line);
    const text = bullet ? line.slice(bullet[0].length) : line;
    if (open && !lineMode && !bullet) {
      // Hard-wrapped prose (or a wrapped bullet): the line continues the block.
      open.parts.push(text);
      continue;
    }
    close(false);
    open = { parts: [text], bullet: bullet !== null, blankBefore };
    blankBefore = false;
  }
  close(true);
  return units;
}

function isHeading(units: Unit[], index: number): boolean {
  const unit = units[index];
  if (!unit || unit.bullet || !unit.single) return false;
  // A heading introduces something and sits apart from at least one neighbour.
  if (index === units.length - 1) return false;
  if (!unit.blankBefore && !unit.blankAfter) return false;
  const text = unit.text;
  if (text.length > HEADING_MAX_CHARS || text.split(' ').length > HEADING_MAX_WORDS) return false;
  if (!/^[\p{Lu}\p{Lo}\p{N}'"‘“«]/u.test(text)) return false;
  const inner = stripWrappingQuotes(text);
  return inner !== '' && !/[.!?,;:…)\]]$/u.test(inner);
}

function stripWrappingQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && QUOTES.includes(text[start]!)) start++;
  while (end > start && QUOTES.includes(text[end - 1]!)) end--;
  return text.slice(start, end).trim();
}

// The trailing paragraphs of a news story that only credit its reporters
// ("X reported from Y. Z wrote this story from Atlanta.") are credits, not
// story: every sentence of each must read as a credit.
function markCredits(sections: DraftSection[], lang: string): void {
  const last = sections.at(-1);
  if (!last) return;
  for (let p = last.paragraphs.length - 1; p >= 0; p--) {
    const paragraph: DraftParagraph = last.paragraphs[p]!;
    // Credits are a line or two; a long paragraph is story.
    if (paragraph.kind !== 'paragraph' || paragraph.text.length > CREDIT_MAX_CHARS) break;
    const sentences = segmentParagraph(paragraph.text, lang);
    if (sentences.length === 0 || !sentences.every(isCreditSentence)) break;
    paragraph.kind = 'credit';
  }
}
