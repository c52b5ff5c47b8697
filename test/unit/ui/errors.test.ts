import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorKind, shownError } from '../../../src/ui/player/errors.ts';
import { errorAdvice, errorAnnouncement, errorTitle, eventMessage } from '../../../src/ui/player/errors-view.ts';
import { errorStrings } from '../../../src/ui/error-strings.ts';
import { strings as t } from '../../../src/ui/strings.ts';

afterEach(() => vi.unstubAllGlobals());

describe('errorKind: codes sorted into kinds in one place', () => {
  it.each([
    ['no-voice', undefined, 'noVoice'],
    ['not-allowed', undefined, 'notAllowed'],
    ['empty-article', undefined, 'empty'],
    ['not-an-article', undefined, 'notArticle'],
    ['invalid-json', undefined, 'invalidJson'],
    ['unsupported-format', undefined, 'notArticle'],
    ['not-text', undefined, 'notArticle'],
    ['missing-element', undefined, 'noElement'],
    ['synthesis-failed', undefined, 'speech'],
    ['load-failed', undefined, 'load'],
    ['unreachable', undefined, 'load'],
    ['http-error', 404, 'notFound'],
    ['http-error', 410, 'notFound'],
    ['http-error', 403, 'forbidden'],
    ['http-error', 401, 'forbidden'],
    ['http-error', 500, 'server'],
    ['http-error', 503, 'server'],
    ['http-error', 408, 'server'],
    ['http-error', 429, 'server'],
    ['http-error', undefined, 'load'],
    [undefined, undefined, 'load'],
  ] as const)('%s %s → %s', (code, status, kind) => {
    expect(errorKind(code, status)).toBe(kind);
  });
  it('an unreachable server on a device with no connection is "offline"', () => {
    expect(errorKind('unreachable', undefined, false)).toBe('offline');
    expect(errorKind('http-error', 503, false)).toBe('server');
  });
});

/** Everything the panel shows, as one string. */
const panel = (e: ReturnType<typeof shownError>) => `${errorTitle(e)} | ${errorAdvice(e)}${e.retry ? ' | Try again' : ''}`;

describe('shownError: one message, advice by cause, "Try again" only where it can help', () => {
  it('not found (404): says so, points at the address, no retry and no word about the connection', () => {
    const e = shownError('http-error', 'The article could not be loaded (HTTP 404: not found).', 'en', true, 404);
    expect(panel(e)).toBe(
      'The article was not found | The link may be out of date, or the article was moved or removed (HTTP 404). Check the address, or tell the site owner.',
    );
    expect(e.retry).toBe(false);
    expect(panel(e)).not.toMatch(/connection/);
  });

  it('server error (503): the server had a problem, try again in a moment, with the button', () => {
    const e = shownError('http-error', 'x', 'en', true, 503);
    expect(panel(e)).toBe('The site could not send the article | The server had a problem (HTTP 503). Try again in a moment. | Try again');
  });

  it('offline: connect, then try again, with the button', () => {
    vi.stubGlobal('navigator', { onLine: false });
    const e = shownError('unreachable', 'The article could not be loaded: the server could not be reached.', 'en', true);
    expect(panel(e)).toBe('You are offline | Connect to the internet, then try again. | Try again');
  });

  it('unreachable while online: check the connection, with the button', () => {
    vi.stubGlobal('navigator', { onLine: true });
    const e = shownError('unreachable', 'x', 'en', true);
    expect(panel(e)).toBe('The article could not be loaded | Check your connection, then try again. | Try again');
  });

  it('invalid JSON: the file is damaged, no retry', () => {
    const e = shownError('invalid-json', 'The article file is damaged: it is not valid JSON (Unexpected token).', 'en', true);
    expect(panel(e)).toBe('The article file is damaged | Its data could not be read. The site owner can check the file.');
  });

  it('not an article: the wrong format, no retry', () => {
    const e = shownError('not-an-article', 'This file is not an article that can be read aloud (id: …).', 'en', true);
    expect(panel(e)).toBe('This is not an article the player can read | The file may be damaged or in the wrong format. The site owner can check it.');
  });

  it('page mode with no such element names the id it looked for', () => {
    const e = shownError('missing-element', 'The page has no element with the id "story" to read.', 'en', false, 'story');
    expect(panel(e)).toBe(
      'There is no article on this page to read | The player reads the element with the id "story", and the page has none. The site owner can check the player\'s for attribute.',
    );
  });

  it('never repeats itself: the title is not inside the advice, and neither holds the loader message', () => {
    const loader = 'The article could not be loaded (HTTP 404: not found).';
    for (const [code, status] of [['http-error', 404], ['http-error', 500], ['unreachable', undefined], ['invalid-json', undefined], ['not-an-article', undefined]] as const) {
      const e = shownError(code, loader, 'en', true, status);
      expect(errorAdvice(e)).not.toContain(errorTitle(e));
      expect(panel(e)).not.toContain(loader);
    }
  });

  it('keeps the lower layer message for the aloud-error event', () => {
    expect(shownError('http-error', 'The server answered 404.', 'en', true, 404).message).toBe('The server answered 404.');
  });

  it('offers a retry only for the element’s own fetch', () => {
    expect(shownError('unreachable', 'x', 'en').retry).toBe(false);
    expect(shownError('http-error', 'x', 'en', false, 503).retry).toBe(false);
    expect(shownError(undefined, 'x', 'en', true)).toMatchObject({ code: 'load-failed', retry: true });
  });

  it('uses the UI’s own words for no voice (naming the language) and for a needed tap', () => {
    expect(eventMessage(shownError('no-voice', 'engine text', 'fr'))).toBe(errorStrings.errorHelp.noVoice('fr'));
    expect(errorAdvice(shownError('no-voice', 'engine text', 'fr'))).toContain('French');
    expect(eventMessage(shownError('not-allowed', 'engine text', 'en'))).toBe(errorStrings.errorHelp.notAllowed);
    // Elsewhere the event carries the lower layer's own plain-English message.
    expect(eventMessage(shownError('http-error', 'HTTP 404 for /a.json', 'en', true, 404))).toBe('HTTP 404 for /a.json');
  });

  it('announces what the panel shows: the title, then the advice', () => {
    expect(errorAnnouncement(shownError('empty-article', 'Nothing here.', 'en'))).toBe(`${errorStrings.errorTitle.empty}. ${errorStrings.errorHelp.empty}`);
  });
});
