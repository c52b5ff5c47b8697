/**
 * The English words of the error panel: a title and one piece of advice per
 * kind of error (src/ui/player/errors.ts sorts codes into kinds). The
 * `errorTitle` and `errorHelp` parts of the catalogue (src/ui/strings.ts),
 * kept in the error view's chunk, which the player fetches beside the
 * article: other languages give them inside their one file.
 */
import { format } from './format.ts';

const f = format('en');

export const errorStrings = {
  errorTitle: {
    load: 'The article could not be loaded',
    offline: 'You are offline',
    server: 'The site could not send the article',
    notFound: 'The article was not found',
    forbidden: 'The site did not let the player read this article',
    invalidJson: 'The article file is damaged',
    notArticle: 'This is not an article the player can read',
    noElement: 'There is no article on this page to read',
    empty: 'This article is empty',
    noVoice: 'No voice can read this article',
    notAllowed: 'Press Play to start listening',
    speech: 'The voice stopped working',
  },
  errorHelp: {
    load: 'Check your connection, then try again.',
    offline: 'Connect to the internet, then try again.',
    server: (status: string) => `The server had a problem (HTTP ${status}). Try again in a moment.`,
    notFound: (status: string) =>
      `The link may be out of date, or the article was moved or removed (HTTP ${status}). Check the address, or tell the site owner.`,
    forbidden: (status: string) =>
      `It may need you to sign in, or be for subscribers only (HTTP ${status}). Open it on the site, or tell the site owner.`,
    invalidJson: 'Its data could not be read. The site owner can check the file.',
    notArticle: 'The file may be damaged or in the wrong format. The site owner can check it.',
    noElement: (id: string) => `The player reads the element with the id "${id}", and the page has none. The site owner can check the player's for attribute.`,
    empty: 'There is no text in it to read aloud.',
    noVoice: (lang: string) =>
      `Your device has no voice for ${f.language(lang)}. Install one in your system's speech or accessibility settings, then reload the page.`,
    notAllowed: 'Your browser only lets speech start after you press a button.',
    speech: 'Press Play to try again, or choose another voice.',
  },
};

export type ErrorStrings = typeof errorStrings;
