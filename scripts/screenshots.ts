/**
 * `npm run screenshots`: pictures of the built demo (dist/, or $ALOUD_DIST)
 * for people to look at, written to docs/screenshots/<state>-<theme>-<width>.png.
 * The issue that asked for them (11, item 12) found problems no test did:
 * a faint highlight, a wrapped button, a title cut to one word. Run it after
 * `npm run build` and look at every picture before calling a visual change done.
 *
 * States: the demo idle and playing, the compact bar on a news page (page
 * mode), the sticky mini-player on that page scrolled down, and the error
 * panel; each at 375 and 1280 px, light and dark. Speech is the e2e suite's
 * fake in manual mode, so each state holds still while it is photographed.
 *
 * Options: `--only <substring>` keeps the shots whose name contains it;
 * `--out <dir>` writes elsewhere.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST, launchChromium, openPage, type TestServer } from '../test/e2e/support/index.ts';
import { fixtureText, serveHost } from '../test/e2e/support/csp-host.ts';

type Theme = 'light' | 'dark';
const WIDTHS = [375, 1280] as const;
const THEMES: Theme[] = ['light', 'dark'];
const HEIGHT = { 375: 740, 1280: 800 } as const;

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = resolve(option('--out') ?? resolve(import.meta.dirname, '../docs/screenshots'));
const ONLY = option('--only');

// A dark edition of the news page: a publisher's own dark stylesheet, and a
// player left to follow the reader's colour scheme (theme="auto").
const DARK_HOST_CSS = `
body { color: #e4e7eb; background: #12161c; }
a { color: #8cc8ff; }
.cookie-banner { background: #1f2933; color: #e4e7eb; }
.ad-slot, .ad-box { background: #1f2933; border-color: #52606d; }
.newsletter { background: #102a43; }
figcaption { color: #9aa5b1; }
`;

function newsPage(theme: Theme, sticky: boolean): string {
  let html = fixtureText('news-page.html');
  const attrs = `for="story" theme="${theme === 'dark' ? 'auto' : 'light'}"${sticky ? ' sticky' : ''}`;
  html = html.replace('<aloud-player for="story" theme="light">', `<aloud-player ${attrs}>`);
  if (theme === 'dark') html = html.replace('</head>', '<link rel="stylesheet" href="/shots/host-dark.css">\n</head>');
  return html;
}

const shadowButton = (page: Page, name: string) =>
  page.locator('aloud-player').first().getByRole('button', { name, exact: true }).first();

/** Press Play, then end utterances (title, heading…) until a body sentence is being spoken. */
async function playToBody(page: Page, finishes: number): Promise<void> {
  await shadowButton(page, 'Play').click();
  await page.waitForFunction(() => window.__fakeSpeech.current !== null, null, { timeout: 10_000 });
  for (let i = 0; i < finishes; i++) {
    const before = await page.evaluate(() => window.__fakeSpeech.spoken.length);
    await page.evaluate(() => window.__fakeSpeech.finish());
    await page.waitForFunction((n) => window.__fakeSpeech.spoken.length > n, before, { timeout: 10_000 });
  }
  // The highlight paints on the next frames.
  await page.waitForTimeout(300);
}

interface Shot {
  name: string;
  take(page: Page, origin: string): Promise<void>;
}

const SHOTS: Shot[] = [
  {
    name: 'demo-idle',
    async take(page, origin) {
      await page.goto(`${origin}/`);
      await shadowButton(page, 'Play').waitFor();
    },
  },
  {
    name: 'demo-playing',
    async take(page, origin) {
      await page.goto(`${origin}/`);
      await playToBody(page, 3);
    },
  },
  {
    name: 'news-compact',
    async take(page, origin) {
      await page.goto(`${origin}/shots/news.html`);
      await playToBody(page, 2);
      // Follow-along has scrolled to the sentence; the bar is the subject here.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'news-mini-player',
    async take(page, origin) {
      await page.goto(`${origin}/shots/news-sticky.html`);
      // The listener has dealt with the cookie banner (it stacks above the bar, as it should).
      await page.evaluate(() => document.querySelector<HTMLElement>('.cookie-banner')?.remove());
      await playToBody(page, 4);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
      await page.locator('aloud-player').first().locator('.mini').waitFor({ timeout: 5_000 });
      await page.waitForTimeout(400); // the bar's entrance
    },
  },
  {
    name: 'demo-menu',
    async take(page, origin) {
      await page.goto(`${origin}/`);
      await shadowButton(page, 'More').click();
      await page.locator('aloud-player').first().getByRole('menuitemcheckbox', { name: 'Save for offline' }).waitFor();
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'demo-sleep-menu',
    async take(page, origin) {
      await page.goto(`${origin}/`);
      await shadowButton(page, 'More').click();
      const player = page.locator('aloud-player').first();
      await player.getByRole('menuitem', { name: /^Sleep timer/ }).click();
      await player.getByRole('menuitemradio', { name: '15 minutes' }).waitFor();
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'demo-error',
    async take(page, origin) {
      await page.goto(`${origin}/`);
      await shadowButton(page, 'Play').waitFor();
      await page.evaluate(() => {
        document.querySelector('aloud-player')!.setAttribute('src', '/missing-article.json');
      });
      await page.locator('aloud-player [part="error"]').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200);
    },
  },
];

/** Every shot of one theme; the news pages are served in that theme's edition. */
async function takeTheme(browser: Browser, server: TestServer, theme: Theme): Promise<string[]> {
  server.setFile('/shots/news.html', { body: newsPage(theme, false), type: 'text/html' });
  server.setFile('/shots/news-sticky.html', { body: newsPage(theme, true), type: 'text/html' });
  const written: string[] = [];
  for (const shot of SHOTS) {
    for (const width of WIDTHS) {
      const file = `${shot.name}-${theme}-${width}.png`;
      if (ONLY && !file.includes(ONLY)) continue;
      const opened = await openPage(browser, {
        viewport: { width, height: HEIGHT[width] },
        colorScheme: theme,
        reducedMotion: 'reduce',
        serviceWorkers: 'block',
        fakeSpeech: { mode: 'manual' },
      });
      try {
        await shot.take(opened.page, server.origin);
        const path = join(OUT, file);
        await opened.page.screenshot({ path, animations: 'disabled', caret: 'hide' });
        written.push(path);
        console.log(`wrote ${path}`);
      } catch (err) {
        console.error(`FAILED ${file}: ${(err as Error).message}`);
        process.exitCode = 1;
      } finally {
        await opened.close();
      }
    }
  }
  return written;
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`No built demo in ${DIST}: run \`npm run build\` first (or point ALOUD_DIST at a build).`);
  process.exit(1);
}
await mkdir(OUT, { recursive: true });
const server = await serveHost({ files: { '/shots/host-dark.css': { body: DARK_HOST_CSS, type: 'text/css' } } });
const browser = await launchChromium();
try {
  let count = 0;
  for (const theme of THEMES) count += (await takeTheme(browser, server, theme)).length;
  console.log(`${count} screenshots in ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
