// The offline panel loaded late (a lazy chunk after the player is already
// up, to keep it out of the widget's first download) still connects.
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import { FakeSpeechEngine } from '../../support/fake-engine.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { until } from '../support/player.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { saveSetting } from '../../../src/storage/settings.ts';
import { savePosition } from '../../../src/storage/positions.ts';

describe('<aloud-offline-panel> defined after the player is running', () => {
  it('upgrades, finds the existing store, applies the saved speed and offers the saved place', async () => {
    const storage = openStorage({ name: `aloud-lazy-${Date.now()}` });
    await saveSetting(storage, 'rate', 1.3);
    await savePosition(storage, 'sample', { sentenceId: 's2p1s1', heading: 'Why it matters' });
    const player = document.createElement('aloud-player');
    player.engine = new FakeSpeechEngine();
    player.article = sampleArticle();
    const panel = document.createElement('aloud-offline-panel') as HTMLElement & { storage?: unknown };
    panel.slot = 'extras';
    panel.storage = storage;
    player.append(panel);
    document.body.append(player);
    await until(() => player.store, 'the store');
    expect(customElements.get('aloud-offline-panel')).to.equal(undefined);

    await import('../../../src/ui/offline/offline-panel.ts');
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
