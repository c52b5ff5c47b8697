// The offline UI pieces in Chromium: names and states as a screen reader
// meets them, real clicks and keys, focus after removal, and axe.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/ui/offline/define.ts';
import type { AloudResumePrompt, AloudSaveToggle, AloudSavedList, AloudStorageNotice } from '../../../src/ui/offline/define.ts';
import { humanSize } from '../../../src/ui/offline/strings.ts';
import type { Article } from '../../../src/article/model.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { setSaved, listSaved } from '../../../src/storage/article-cache.ts';
import { axeViolations } from '../support/axe.ts';

let n = 0;
const storageFor = () => openStorage({ name: `aloud-ui-test-${Date.now()}-${n++}` });

const article = (id: string, title: string): Article => ({
  version: 1,
  id,
  lang: 'en',
  title,
  sections: [{ id: 's1', paragraphs: [{ id: 's1p1', sentences: [{ id: 's1p1s1', text: 'One sentence.' }] }] }],
});

async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, setup: (el: HTMLElementTagNameMap[K]) => void = () => {}) {
  const el = document.createElement(tag);
  setup(el);
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')];
const name = (b: HTMLButtonElement) => b.textContent!.replace(/\s+/g, ' ').trim();
const until = async (ok: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('<aloud-resume-prompt>', () => {
  it('shows nothing without an offer', async () => {
    const el = await mount('aloud-resume-prompt');
    expect(buttons(el)).to.have.length(0);
  });

  it('offers "Resume from \'Key trading city\'" and "Start over", reports the choice, and passes axe', async () => {
    const offer = { sentenceId: 's4p1s1', heading: 'Key trading city', snippet: 'x', at: Date.UTC(2026, 10, 24, 18, 5) };
    const el: AloudResumePrompt = await mount('aloud-resume-prompt', (e) => (e.offer = offer));
    const [resume, startOver] = buttons(el);
    expect(name(resume!)).to.equal("Resume from 'Key trading city'");
    expect(name(startOver!)).to.equal('Start over');
    expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Continue listening');
    expect(await axeViolations(el)).to.deep.equal([]);
    const got: string[] = [];
    el.addEventListener('aloud-resume', (e) => got.push(`resume ${(e as CustomEvent).detail.sentenceId}`));
    document.body.addEventListener('aloud-start-over', () => got.push('start over'), { once: true });
    resume!.focus();
    await sendKeys({ press: 'Enter' });
    startOver!.click();
    expect(got).to.deep.equal(['resume s4p1s1', 'start over']);
  });
});

describe('<aloud-save-toggle>', () => {
  it('is one button named for what pressing it does, and each change is announced once', async () => {
    const storage = storageFor();
    const url = `${location.origin}/a.json`;
    const changes: unknown[] = [];
    const said: string[] = [];
    const el: AloudSaveToggle = await mount('aloud-save-toggle', (e) => {
      e.storage = storage;
      e.url = url;
      e.article = article('a', 'The harbour ferry');
    });
    el.addEventListener('aloud-saved-change', (e) => changes.push((e as CustomEvent).detail));
    el.addEventListener('aloud-announce', (e) => said.push((e as CustomEvent).detail.message));
    const [button] = buttons(el);
    expect(name(button!)).to.equal('Save for offline');
    expect(button!.hasAttribute('aria-pressed'), 'an action, not a pressed state under an action name').to.equal(false);
    expect(await axeViolations(el)).to.deep.equal([]);
    button!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => name(button!) === 'Remove offline copy'); // the name of what pressing it does now
    expect(el.shadowRoot!.textContent).to.contain('Saved: this article plays without a connection.');
    expect((await listSaved({ storage })).map((s) => s.title)).to.deep.equal(['The harbour ferry']);
    expect(changes).to.deep.equal([{ url, saved: true }]);
    expect(said).to.deep.equal(['Saved for offline.']);
    expect(await axeViolations(el)).to.deep.equal([]);
    button!.click();
    await until(() => name(button!) === 'Save for offline');
    expect(await listSaved({ storage })).to.deep.equal([]);
    expect(said).to.deep.equal(['Saved for offline.', 'Offline copy removed.']);

    // A second toggle on the same URL (a later visit) starts as "Remove offline copy" when saved, and says nothing.
    await setSaved(url, true, { storage, article: article('a', 'The harbour ferry') });
    const quiet: string[] = [];
    const again = await mount('aloud-save-toggle', (e) => {
      e.storage = storage;
      e.url = url;
      e.addEventListener('aloud-announce', () => quiet.push('said'));
    });
    await until(() => name(buttons(again)[0]!) === 'Remove offline copy');
    expect(quiet).to.deep.equal([]);
  });

  it('when storage is blocked, stays unpressed and says so (once, via aloud-announce too)', async () => {
    const storage = openStorage({ indexedDB: null });
    const said: string[] = [];
    const el = await mount('aloud-save-toggle', (e) => {
      e.storage = storage;
      e.url = '/a.json';
      e.article = article('a', 'A');
    });
    el.addEventListener('aloud-announce', (e) => said.push((e as CustomEvent).detail.message));
    buttons(el)[0]!.click();
    await until(() => said.length === 1);
    await el.updateComplete;
    expect(name(buttons(el)[0]!)).to.equal('Save for offline');
    expect(said).to.deep.equal(["This article couldn't be saved for offline listening in this browser window."]);
    expect(el.shadowRoot!.textContent).to.contain("couldn't be saved for offline");
  });
});

describe('<aloud-saved-list>', () => {
  it('lists titles, human sizes and dates with a "Remove <title>" button each; removal moves focus on', async () => {
    const storage = storageFor();
    await setSaved(`${location.origin}/one.json`, true, { storage, article: article('one', 'First <b>story</b>') });
    await setSaved(`${location.origin}/two.json`, true, { storage, article: article('two', 'Second story') });
    const el: AloudSavedList = await mount('aloud-saved-list', (e) => (e.storage = storage));
    await until(() => buttons(el).length === 2);
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    const saved = await listSaved({ storage });
    expect(items.map((li) => li.querySelector('.title')!.textContent)).to.deep.equal(saved.map((s) => s.title));
    // Titles are text, never markup.
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect(items[0]!.textContent).to.contain(humanSize(saved[0]!.bytes));
    expect(items[0]!.textContent).to.match(/saved \w{3} \d{1,2}, \d{4}/);
    expect(buttons(el).map((b) => name(b))).to.deep.equal(saved.map((s) => `Remove ${s.title}`));
    expect(await axeViolations(el)).to.deep.equal([]);

    const said: string[] = [];
    el.addEventListener('aloud-announce', (e) => said.push((e as CustomEvent).detail.message));
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => buttons(el).length === 1 && said.length === 1);
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
    expect(said[0]).to.equal(`Removed ${saved[0]!.title} from offline articles.`);
    buttons(el)[0]!.click();
    await until(() => buttons(el).length === 0 && said.length === 2);
    const empty = el.shadowRoot!.querySelector('.empty')!;
    expect(empty.textContent).to.equal('No articles are saved for offline listening.');
    expect(el.shadowRoot!.activeElement).to.equal(empty);
  });

  it('formats sizes for people', () => {
    expect(humanSize(850)).to.equal('850 bytes');
    expect(humanSize(12_345)).to.equal('12 kB');
    expect(humanSize(1_450_000)).to.equal('1.5 MB');
  });
});

describe('<aloud-storage-notice>', () => {
  it('shows nothing while storage works', async () => {
    const el = await mount('aloud-storage-notice', (e) => (e.storage = storageFor()));
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('says once, plainly, that the place cannot be saved, and can be dismissed', async () => {
    const storage = openStorage({ indexedDB: null });
    const said: string[] = [];
    const el: AloudStorageNotice = await mount('aloud-storage-notice', (e) => (e.storage = storage));
    el.addEventListener('aloud-announce', (e) => said.push((e as CustomEvent).detail.message));
    await storage.set('settings', 'rate', 1);
    await storage.set('positions', 'a', 1);
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('[part=notice]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(
      "Your place and settings can't be saved in this browser window (storage is blocked). Listening still works.",
    );
    expect(said).to.have.length(1);
    expect(await axeViolations(el)).to.deep.equal([]);
    buttons(el)[0]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=notice]')).to.equal(null);
  });

  it('shows a problem reported before it was connected', async () => {
    const storage = openStorage({ indexedDB: null });
    await storage.get('settings', 'x');
    const el = await mount('aloud-storage-notice', (e) => (e.storage = storage));
    expect(el.shadowRoot!.textContent).to.contain('storage is blocked');
  });
});
