// <aloud-offline-panel> inside a real <aloud-player>: it finds the store,
// applies saved settings, offers the saved place, and saves as you listen.
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import '../../../src/ui/offline/offline-panel.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { until } from '../support/player.ts';
import { axeViolations } from '../support/axe.ts';
import { openStorage, type AloudStorage } from '../../../src/storage/db.ts';
import { loadSettings, saveSetting } from '../../../src/storage/settings.ts';
import { loadPosition, savePosition } from '../../../src/storage/positions.ts';

let n = 0;

async function mountWithPanel(storage: AloudStorage) {
  const player = document.createElement('aloud-player');
  player.engine = new FakeSpeechEngine({ auto: { msPerChar: 20 } });
  player.article = sampleArticle();
  const panel = document.createElement('aloud-offline-panel');
  panel.slot = 'extras';
  player.storage = storage;
  panel.src = '/articles/sample.json';
  player.append(panel);
  document.body.append(player);
  await until(() => player.store, 'the store');
  return { player, panel };
}

const panelButtons = (panel: HTMLElement) =>
  [...panel.shadowRoot!.querySelectorAll('*')].flatMap((el) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])]);
const named = (panel: HTMLElement, name: RegExp) =>
  panelButtons(panel).find((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()));

afterEach(() => document.body.replaceChildren());

describe('<aloud-offline-panel> in <aloud-player>', () => {
  it('applies the saved speed, offers the saved place, resumes there, and keeps focus in the panel', async () => {
    const storage = openStorage({ name: `aloud-panel-${Date.now()}-${n++}` });
    await saveSetting(storage, 'rate', 1.7);
    await savePosition(storage, 'sample', { sentenceId: 's3p1s2', heading: 'What comes next' });
    const { player, panel } = await mountWithPanel(storage);

    const resume = await until(() => named(panel, /^Resume from/), 'the resume button');
    expect(panel.hidden).to.equal(false);
    expect(resume.textContent!.trim()).to.equal("Resume from 'What comes next'");
    expect(named(panel, /^Start over$/)).to.not.equal(undefined);
    await until(() => player.store!.state.rate === 1.7, 'the saved speed');
    expect(await axeViolations(player)).to.deep.equal([]);

    resume.focus();
    resume.click();
    await until(() => player.store!.state.position?.sentenceId === 's3p1s2', 'the resumed place');
    await until(() => !named(panel, /^Resume from/), 'the prompt to close');
    const toggle = named(panel, /^Save for offline$/)!;
    await until(() => toggle.getRootNode() instanceof ShadowRoot && (toggle.getRootNode() as ShadowRoot).activeElement === toggle, 'focus on the toggle');
  });

  it('saves the place on pause and the speed when changed, for the next visit', async () => {
    const storage = openStorage({ name: `aloud-panel-${Date.now()}-${n++}` });
    const { player } = await mountWithPanel(storage);
    const store = player.store!;
    store.setRate(2);
    store.play();
    store.seek('s2p1s2');
    await until(() => store.state.status === 'playing', 'playing');
    store.pause();
    await until(() => store.state.status === 'paused', 'paused');
    await new Promise((r) => setTimeout(r, 50));
    expect((await loadPosition(storage, 'sample'))?.sentenceId).to.equal('s2p1s2');
    expect((await loadSettings(storage)).rate).to.equal(2);
  });

  it('takes no room in the player when it has nothing to show, and appears with what it has', async () => {
    const storage = openStorage({ name: `aloud-panel-${Date.now()}-${n++}` });
    const { player, panel } = await mountWithPanel(storage);
    // With its toggle left out (the player's More menu has the item), no saved place and no storage problem: nothing.
    panel.hideSave = true;
    await panel.updateComplete;
    expect(panel.hidden).to.equal(true);
    expect(panel.getBoundingClientRect().height).to.equal(0);
    // Its toggle back: it shows again.
    panel.hideSave = false;
    await until(() => !panel.hidden && panel.getBoundingClientRect().height > 0, 'the panel shown with its toggle');
    expect(await axeViolations(player)).to.deep.equal([]);
  });

  it('with storage blocked: the player still plays, and the notice says so once', async () => {
    const storage = openStorage({ indexedDB: null });
    const { player, panel } = await mountWithPanel(storage);
    player.store!.play();
    await until(() => player.store!.state.status === 'playing', 'playing');
    const notice = await until(
      () => panel.shadowRoot!.querySelector('aloud-storage-notice')?.shadowRoot?.querySelector('[part=notice]'),
      'the notice',
    );
    expect(notice.textContent).to.contain("Your place and settings can't be saved in this browser window");
    expect(notice.querySelectorAll('p')).to.have.length(1);
  });
});
