// Proves the browser layer: this runs in Debian's Chromium, not in Node.
import { expect } from '@esm-bundle/chai';

describe('browser layer', () => {
  it('runs in a real Chromium with Intl.Segmenter', () => {
    expect(navigator.userAgent).to.match(/Chrom/);
    const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
    expect([...seg.segment('One. Two.')].length).to.equal(2);
  });
});
