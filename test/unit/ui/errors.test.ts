import { describe, expect, it } from 'vitest';
import { errorAnnouncement, errorKind, shownError } from '../../../src/ui/player/errors.ts';
import { strings as t } from '../../../src/ui/strings.ts';

describe('errorKind: codes sorted into kinds in one place', () => {
  it.each([
    ['no-voice', 'noVoice'],
    ['not-allowed', 'notAllowed'],
    ['empty-article', 'empty'],
    ['not-an-article', 'notArticle'],
    ['invalid-json', 'notArticle'],
    ['unsupported-format', 'notArticle'],
    ['not-text', 'notArticle'],
    ['missing-element', 'notArticle'],
    ['synthesis-failed', 'speech'],
    ['load-failed', 'load'],
    ['unreachable', 'load'],
    ['http-error', 'load'],
    [undefined, 'load'],
  ] as const)('%s → %s', (code, kind) => {
    expect(errorKind(code)).toBe(kind);
  });
});

describe('shownError', () => {
  it('keeps the lower layer message where it is specific', () => {
    expect(shownError('http-error', 'The server answered 404.', 'en', true)).toEqual({
      kind: 'load',
      code: 'http-error',
      message: 'The server answered 404.',
      lang: 'en',
      retry: true,
    });
  });
  it('offers a retry only for the element’s own failed fetch', () => {
    expect(shownError('load-failed', 'x', 'en').retry).toBe(false);
    expect(shownError('not-an-article', 'x', 'en', true).retry).toBe(false);
    expect(shownError(undefined, 'x', 'en', true)).toMatchObject({ code: 'load-failed', retry: true });
  });
  it('uses the UI’s own words for no voice (naming the language) and for a needed tap', () => {
    expect(shownError('no-voice', 'engine text', 'fr').message).toBe(t.errorHelp.noVoice('fr'));
    expect(shownError('no-voice', 'engine text', 'fr').message).toContain('French');
    expect(shownError('not-allowed', 'engine text', 'en').message).toBe(t.errorHelp.notAllowed);
  });
  it('announces the title, then the message', () => {
    expect(errorAnnouncement(shownError('empty-article', 'Nothing here.', 'en'))).toBe(`${t.errorTitle.empty}. Nothing here.`);
  });
});
