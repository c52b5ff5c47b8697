/// <reference types="mocha" />
// With storage on (`offline`), the player's own fallback engine keeps its
// voice pack and each sentence's audio in Chromium's real IndexedDB.
// Headless Chromium lists no voices, so the bundled eSpeak NG voice speaks.
import { expect } from '@esm-bundle/chai';
import '../../../src/define.ts';
import { getStorage } from '../../../src/storage/db.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { until, untilAsync } from '../support/player.ts';

const audioEntries = async () => (await getStorage().entries('audio-index')).length;

afterEach(() => {
  for (const el of document.querySelectorAll('aloud-player')) el.remove();
});

describe('aloud-player sentence audio cache', () => {
  it('keeps the audio of what the fallback voice said when the page opted in to storage', async () => {
    expect(speechSynthesis.getVoices()).to.have.length(0);
    const before = await audioEntries();
    const el = document.createElement('aloud-player');
    el.setAttribute('offline', '');
    el.article = sampleArticle();
    document.body.append(el);
    await until(() => el.store, 'the store', 15_000);
    el.play();
    await until(() => el.store!.state.status === 'playing', 'playing', 15_000);
    await untilAsync(async () => (await audioEntries()) > before, 'audio kept in IndexedDB', 15_000);
    el.pause();
    const pack = (await getStorage().get('files', 'voice-pack-en')) as { url: string; data: ArrayBuffer } | undefined;
    expect(pack?.url).to.match(/en[^/]*\.espeak(\?|$)/);
    expect(pack?.data.byteLength).to.be.greaterThan(100_000);
  });
});
