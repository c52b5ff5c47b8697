// An offline panel whose script the page never loaded: the player loads it
// (a lazy chunk, out of the widget's first download), it upgrades inside the
// running player and shows the player's remembering. (A panel defined before
// its player remembers is offline-panel.test.ts.)
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { until } from '../support/player.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { saveSetting } from '../../../src/storage/settings.ts';
import { savePosition } from '../../../src/storage/positions.ts';

describe('<aloud-offline-panel> the page did not load', () => {
  it('is loaded by the player, upgrades, and shows the saved place the player offers; the saved speed is applied', async () => {
    const storage = openStorage({ name: `aloud-lazy-${Date.now()}` });
    await saveSetting(storage, 'rate', 1.3);
    await savePosition(storage, 'sample', { sentenceId: 's2p1s1', heading: 'Why it matters' });
    const player = document.createElement('aloud-player');
    player.engine = new FakeSpeechEngine();
    player.article = sampleArticle();
    const panel = document.createElement('aloud-offline-panel') as HTMLElement & { storage?: unknown };
    panel.slot = 'extras';
    player.storage = storage;
    player.append(panel);
    document.body.append(player);
    expect(customElements.get('aloud-offline-panel')).to.equal(undefined, 'the panel is not defined before the player');
    await until(() => player.store, 'the store');
    await until(() => customElements.get('aloud-offline-panel'), 'the player to define the panel');
    const prompt = await until(
      () =>
        panel.shadowRoot
          ?.querySelector('aloud-resume-prompt')
          ?.shadowRoot?.querySelector('button'),
      'the resume button',
    );
    expect(prompt.textContent!.trim()).to.equal("Resume from 'Why it matters'");
    await until(() => player.store!.state.rate === 1.3, 'the saved speed');
  });
});
