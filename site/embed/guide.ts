/// <reference types="vite/client" />
/**
 * The embed guide page (embed-guide.html): fills in the copy-paste snippets
 * with this site's own URLs, the postMessage tables from the protocol's own
 * command list, and runs a live example of each way to embed. Snippets are
 * set with textContent: the markup they show is never parsed.
 */
import '../../src/define.ts';
// no-inline: a small file would become a data: URL, which a strict CSP (connect-src) refuses to fetch.
import articleUrl from '../../content/harbour-ferry-2026-05-02.json?url&no-inline';
// The iframe plays another article: two players of one article on one page would be two look-alike landmarks and toolbars.
import frameArticleUrl from '../../content/sourdough-notes.json?url&no-inline';
import { COMMANDS, PROTOCOL, type CommandName, type FrameMessage } from './frame-protocol.ts';

const here = new URL('.', location.href);
const widgetUrl = new URL('aloud-player.js', here).href;
const embedUrl = new URL('embed.html', here).href;
const playerOrigin = new URL(embedUrl).origin;
const absoluteArticle = new URL(frameArticleUrl, location.href).href;

/** The copy-paste analytics example; {@link milestonesExample} runs the same logic, logging instead of sending. */
const ANALYTICS_SNIPPET = `const player = document.querySelector('aloud-player');
const sent = new Set();

function milestone(percent) {
  if (sent.has(percent)) return; // each milestone once per page view
  sent.add(percent);
  navigator.sendBeacon('/analytics/listen', JSON.stringify({
    article: location.pathname,
    percent,
  }));
}

player.addEventListener('aloud-progress', (event) => {
  const percent = event.detail.fraction * 100;
  for (const m of [25, 50, 75, 100]) if (percent >= m) milestone(m);
});`;

const SNIPPETS: Record<string, string> = {
  'snippet-script': `<script type="module" src="${widgetUrl}"></script>

<aloud-player src="/articles/harbour-ferry.json"></aloud-player>`,
  'snippet-page': `<script type="module" src="${widgetUrl}"></script>

<aloud-player for="story"></aloud-player>
<article id="story" lang="en">
  <h1>Night ferry gets a quieter engine</h1>
  <p>The harbour's night ferry returned to service on Monday…</p>
</article>`,
  'snippet-iframe': `<iframe
  src="${embedUrl}?src=${encodeURIComponent('https://your.site/articles/harbour-ferry.json')}&origin=${encodeURIComponent('https://your.site')}"
  title="Listen to this article"
  allow="autoplay"
  width="100%" height="200"></iframe>`,
  'snippet-messages': `const frame = document.querySelector('iframe[title="Listen to this article"]');
const PLAYER = '${playerOrigin}';

// Commands: only from the origins named in origin=…
frame.contentWindow.postMessage({ aloud: 1, type: 'command', command: 'play', id: 1 }, PLAYER);
frame.contentWindow.postMessage({ aloud: 1, type: 'command', command: 'setRate', arg: 1.25 }, PLAYER);

// Results and events: check the origin before trusting a message.
addEventListener('message', (event) => {
  if (event.origin !== PLAYER || event.data?.aloud !== 1) return;
  if (event.data.type === 'event') console.log(event.data.name, event.data.detail);
});`,
  'snippet-markers': `<article id="story">
  <h1>The harbour wall is fixed at last</h1>
  <p>Builders finished the wall on Friday<span data-aloud-skip> (photo: Harbour Trust)</span>.</p>
  <div class="fact-box" data-aloud-skip>…not read aloud…</div>
</article>

<!-- Or read only the marked parts, in page order (the <h1> is still read): -->
<div data-aloud-read>…</div>

<!-- Markdown sources -->
<!-- aloud-skip -->
A box that is not read.
<!-- /aloud-skip -->`,
  'snippet-analytics': ANALYTICS_SNIPPET,
  'snippet-i18n': `<!-- German controls, whatever the page's language -->
<aloud-player ui-lang="de" src="/articles/harbour-ferry.json"></aloud-player>

<!-- On an Arabic page, or in an Arabic container, the player follows it -->
<div lang="ar" dir="rtl">
  <aloud-player src="/articles/harbour-ferry.json"></aloud-player>
</div>`,
  'snippet-theme': `aloud-player {
  --aloud-accent: #8a1538;
  --aloud-radius: 0;
  --aloud-font: "Source Sans 3", system-ui, sans-serif;
}
aloud-player::part(play-button) { text-transform: uppercase; }

/* Page mode: the highlights in your article */
#story {
  --aloud-page-sentence-bg: #fdf2c4;
  --aloud-page-word-bg: #7a3e00; /* at least 3:1 against the sentence */
  --aloud-page-word-fg: #ffffff;
}`,
};

const COMMAND_HELP: Record<CommandName, [arg: string, what: string]> = {
  play: ['', 'Start or resume.'],
  pause: ['', 'Pause, keeping the place.'],
  toggle: ['', 'Play if paused, pause if playing.'],
  seek: ['sentence id, e.g. "s2p1s1"', 'Move to a sentence.'],
  nextSentence: ['', 'Next sentence.'],
  previousSentence: ['', 'Previous sentence.'],
  nextSection: ['', 'Next section.'],
  previousSection: ['', 'Start of this section, or the previous one.'],
  setRate: ['number, 0.5–3', 'Speaking rate; the result is the rate applied.'],
  getState: ['', 'Answers { rate, playing, src }.'],
};

const REPLIES: [string, string, string][] = [
  ['ready', '—', 'The frame has loaded and listens for commands.'],
  ['result', 'id, ok, value or error', 'The answer to a command that carried an id.'],
  [
    'event',
    'name, detail',
    'aloud-play, aloud-pause, aloud-sentence, aloud-section, aloud-progress, aloud-end, aloud-error: the player element’s events, as plain data.',
  ],
];

function fillSnippets(): void {
  for (const [id, text] of Object.entries(SNIPPETS)) {
    const code = document.getElementById(id);
    if (code) code.textContent = text;
  }
}

function row(cells: string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) {
      cell.setAttribute('scope', 'row');
      const code = document.createElement('code');
      code.textContent = text;
      cell.append(code);
    } else {
      cell.textContent = text;
    }
    tr.append(cell);
  });
  return tr;
}

function fillTables(): void {
  document.getElementById('commands')?.append(...COMMANDS.map((c) => row([c, ...COMMAND_HELP[c]])));
  document.getElementById('replies')?.append(...REPLIES.map((r) => row(r)));
}

function wireCopyButtons(): void {
  const status = document.getElementById('copy-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset['copy']!)?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = 'Copied to the clipboard.';
      } catch {
        // No clipboard permission: select the snippet so Ctrl+C works.
        const code = document.getElementById(button.dataset['copy']!);
        if (code) getSelection()?.selectAllChildren(code);
        if (status) status.textContent = 'Snippet selected: press Ctrl+C or Cmd+C to copy it.';
      }
    });
  }
}

function scriptExample(): void {
  const player = document.createElement('aloud-player');
  player.setAttribute('heading-level', '4');
  player.src = articleUrl;
  document.getElementById('example-script')?.append(player);
}

/** The same article with German controls (ui-lang) and with Arabic ones (from the container's lang and dir). */
function languageExamples(): void {
  for (const [id, uiLang] of [['example-de', 'de'], ['example-ar', null]] as const) {
    const player = document.createElement('aloud-player');
    player.setAttribute('heading-level', '4');
    player.setAttribute('layout', 'compact');
    if (uiLang) player.setAttribute('ui-lang', uiLang);
    player.src = articleUrl;
    document.getElementById(id)?.append(player);
  }
}

function iframeExample(): void {
  const box = document.getElementById('example-iframe');
  const log = document.getElementById('events');
  if (!box || !log) return;
  const frame = document.createElement('iframe');
  frame.title = 'Listen to this article';
  frame.allow = 'autoplay';
  frame.src = `${embedUrl}?src=${encodeURIComponent(absoluteArticle)}&origin=${encodeURIComponent(location.origin)}`;
  box.prepend(frame);

  let nextId = 1;
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
    button.addEventListener('click', () => {
      const command = button.dataset['command'] as CommandName;
      frame.contentWindow?.postMessage({ aloud: PROTOCOL, type: 'command', command, id: nextId++ }, playerOrigin);
    });
  }
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== playerOrigin) return;
    const data = event.data as FrameMessage;
    if (data?.aloud !== PROTOCOL) return;
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = JSON.stringify(data);
    item.append(code);
    log.append(item);
    // A short, recent log: old lines go.
    while (log.children.length > 12) log.firstElementChild?.remove();
  });
}

/** The live analytics example: the snippet's milestones, listed on the page instead of sent. */
function milestonesExample(): void {
  const player = document.querySelector<HTMLElement>('aloud-player[for="marked-story"]');
  const log = document.getElementById('milestones');
  if (!player || !log) return;
  const sent = new Set<number>();
  player.addEventListener('aloud-progress', (event) => {
    const { fraction, elapsedSeconds, totalSeconds } = event.detail;
    for (const m of [25, 50, 75, 100]) {
      if (fraction * 100 < m || sent.has(m)) continue;
      sent.add(m);
      const item = document.createElement('li');
      item.textContent = `${m} % (about ${Math.round(elapsedSeconds)} of ${Math.round(totalSeconds)} s)`;
      log.append(item);
    }
  });
}

fillSnippets();
fillTables();
milestonesExample();
wireCopyButtons();
scriptExample();
languageExamples();
iframeExample();
