/**
 * Runtime validation of the article format, version 1 (docs/article-format.md).
 *
 * The same rules are written as a JSON Schema in schema/article.schema.json;
 * test/unit/schema.test.ts checks that both reject the same documents. The
 * validator additionally checks what a schema cannot say: ids unique across
 * the whole article.
 */
import type { Article } from './model.ts';
import { ArticleValidationError, type ArticleIssue, type ArticleIssueCode } from './errors.ts';

export type { ArticleIssue, ArticleIssueCode } from './errors.ts';

/** The result of {@link validateArticle}. */
export type ArticleValidation =
  | { ok: true; article: Article }
  | {
      ok: false;
      /** `empty` when the structure is valid but there is nothing to read. */
      reason: ArticleIssueCode;
      /** The problems found, in document order, at most {@link MAX_ISSUES}. */
      errors: ArticleIssue[];
      /** True when more problems exist than were reported. */
      truncated: boolean;
    };

/** Validation stops collecting after this many problems. */
export const MAX_ISSUES = 50;

/**
 * BCP 47 language tag syntax (RFC 5646 "langtag", without the grandfathered
 * and private-use-only forms). Syntax only: "xx" passes, registry lookups
 * are not worth the bytes. Shared with the JSON Schema's `lang` pattern.
 */
export const LANG_TAG =
  /^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$/;

const KINDS: readonly string[] = ['paragraph', 'item', 'quote', 'credit'];

/** A calendar date written YYYY-MM-DD that exists (no 2017-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/**
 * Checks that `value` is a valid version-1 article and names every problem
 * (up to {@link MAX_ISSUES}) with its exact path, e.g.
 * `sections[2].paragraphs[0].sentences[3].text: expected a non-empty string, got number`.
 *
 * Unknown extra fields are allowed everywhere: the format grows additively.
 * A structurally valid article without a single sentence is reported with
 * `reason: 'empty'`, so a UI can say "this article is empty" rather than
 * "this is not an article". On success the same object is returned, typed.
 */
export function validateArticle(value: unknown): ArticleValidation {
  const v = new Validator();
  v.article(value);
  if (v.issues.length === 0) return { ok: true, article: value as Article };
  const reason: ArticleIssueCode = v.issues.every((i) => i.code === 'empty') ? 'empty' : 'invalid';
  return { ok: false, reason, errors: v.issues, truncated: v.truncated };
}

/**
 * Returns `value` typed as an {@link Article}, or throws an
 * {@link ArticleValidationError} (code `not-an-article` or `empty-article`)
 * carrying every issue found.
 */
export function assertArticle(value: unknown): Article {
  const r = validateArticle(value);
  if (r.ok) return r.article;
  throw new ArticleValidationError(r.errors);
}

type Obj = Record<string, unknown>;

/** What a JSON value is, in the words the messages use. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return value.trim() === '' ? (value === '' ? 'an empty string' : 'a blank string') : 'string';
  return typeof value;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && /\S/.test(value);
}

class Validator {
  readonly issues: ArticleIssue[] = [];
  truncated = false;
  private readonly ids = new Map<string, string>();
  private sentences = 0;

  private add(path: string, message: string, code: ArticleIssueCode = 'invalid'): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.truncated = true;
      return;
    }
    this.issues.push({ path, message, code });
  }

  private full(): boolean {
    return this.truncated;
  }

  /** Checks a required field's presence; returns false (and reports) when missing. */
  private present(obj: Obj, key: string, path: string, expected: string): boolean {
    // undefined counts as absent: JSON.stringify drops it, so in-memory
    // articles built with `{ byline: maybe }` mean the same as JSON ones.
    if (obj[key] !== undefined) return true;
    this.add(path, `missing; expected ${expected}`);
    return false;
  }

  private text(obj: Obj, key: string, path: string, required: boolean): void {
    if (!required && obj[key] === undefined) return;
    if (required && !this.present(obj, key, path, 'a non-empty string')) return;
    if (!isText(obj[key])) this.add(path, `expected a non-empty string, got ${describe(obj[key])}`);
  }

  private string(obj: Obj, key: string, path: string, required: boolean): void {
    if (!required && obj[key] === undefined) return;
    if (required && !this.present(obj, key, path, 'a string')) return;
    if (typeof obj[key] !== 'string') this.add(path, `expected a string, got ${describe(obj[key])}`);
  }

  private id(obj: Obj, path: string): void {
    const p = join(path, 'id');
    this.text(obj, 'id', p, true);
    const id = obj['id'];
    if (!isText(id)) return;
    const first = this.ids.get(id);
    if (first !== undefined) this.add(p, `duplicate id "${id}" (already used at ${first})`);
    else this.ids.set(id, p);
  }

  private array(obj: Obj, key: string, path: string, each: (item: unknown, path: string) => void): void {
    if (!this.present(obj, key, path, 'an array')) return;
    const list = obj[key];
    if (!Array.isArray(list)) {
      this.add(path, `expected an array, got ${describe(list)}`);
      return;
    }
    for (let i = 0; i < list.length && !this.full(); i++) each(list[i], `${path}[${i}]`);
  }

  article(value: unknown): void {
    if (!isObject(value)) {
      this.add('', `expected an article object, got ${describe(value)}`);
      return;
    }
    if (this.present(value, 'version', 'version', 'the number 1')) {
      const version = value['version'];
      if (typeof version === 'number' && version !== 1) {
        this.add('version', `unsupported version ${version}; expected 1`);
      } else if (version !== 1) {
        this.add('version', `expected the number 1, got ${describe(version)}`);
      }
    }
    this.text(value, 'id', 'id', true);
    if (this.present(value, 'lang', 'lang', 'a BCP 47 language tag')) this.lang(value, '');
    this.string(value, 'title', 'title', true);
    this.text(value, 'titleSpeak', 'titleSpeak', false);
    if (value['announceTitle'] !== undefined && value['announceTitle'] !== false) {
      this.add('announceTitle', `expected false or nothing, got ${value['announceTitle'] === true ? 'true' : describe(value['announceTitle'])}`);
    }
    for (const key of ['byline', 'kicker', 'updated']) this.string(value, key, key, false);
    if (value['published'] !== undefined) {
      const published = value['published'];
      if (typeof published !== 'string') this.add('published', `expected a date YYYY-MM-DD, got ${describe(published)}`);
      else if (!isIsoDate(published)) this.add('published', `expected a real date written YYYY-MM-DD, got "${clip(published)}"`);
    }
    this.array(value, 'sections', 'sections', (s, p) => this.section(s, p));
    // Only an otherwise valid article is "empty": a broken one is "not an article".
    if (this.issues.length === 0 && this.sentences === 0) {
      this.add('sections', 'the article has no sentences', 'empty');
    }
  }

  private section(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.add(path, `expected a section object, got ${describe(value)}`);
      return;
    }
    this.id(value, path);
    this.text(value, 'heading', join(path, 'heading'), false);
    this.text(value, 'headingSpeak', join(path, 'headingSpeak'), false);
    if (value['level'] !== undefined) {
      const level = value['level'];
      if (!(typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6)) {
        this.add(join(path, 'level'), `expected a whole number from 1 to 6, got ${typeof level === 'number' ? String(level) : describe(level)}`);
      }
    }
    this.array(value, 'paragraphs', join(path, 'paragraphs'), (p, pp) => this.paragraph(p, pp));
  }

  private paragraph(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.add(path, `expected a paragraph object, got ${describe(value)}`);
      return;
    }
    this.id(value, path);
    if (value['kind'] !== undefined) {
      const kind = value['kind'];
      if (typeof kind !== 'string' || !KINDS.includes(kind)) {
        this.add(
          join(path, 'kind'),
          `expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}, got ${typeof kind === 'string' ? `"${clip(kind)}"` : describe(kind)}`,
        );
      }
    }
    this.lang(value, path);
    this.array(value, 'sentences', join(path, 'sentences'), (s, sp) => this.sentence(s, sp));
  }

  /** An optional `lang` (the article's own is required: checked before). */
  private lang(value: Record<string, unknown>, path: string): void {
    const lang = value['lang'];
    const at = join(path, 'lang');
    if (lang === undefined) return;
    if (typeof lang !== 'string') this.add(at, `expected a BCP 47 language tag, got ${describe(lang)}`);
    else if (!LANG_TAG.test(lang)) this.add(at, `expected a BCP 47 language tag like "en" or "pt-BR", got "${clip(lang)}"`);
  }

  private sentence(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.add(path, `expected a sentence object, got ${describe(value)}`);
      return;
    }
    this.sentences++;
    this.id(value, path);
    this.text(value, 'text', join(path, 'text'), true);
    this.text(value, 'speak', join(path, 'speak'), false);
    this.lang(value, path);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Keeps quoted input short in messages: a 10 MB string is not a message. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
