/// <reference types="mocha" />
// <aloud-player> in other interface languages: German by `ui-lang`, Arabic by
// the page's `lang` and `dir`; names by role, announcements, direction, axe.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { byRole, namesOf } from '../support/a11y.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { cleanup, flush, moreItem, mount, playButton, q, status, until } from '../support/player.ts';
import { FAKE_VOICE, FakeSpeechEngine } from '../../support/fake-engine.ts';
import type { AloudPlayer } from '../../../src/ui/player/aloud-player.ts';
import '../../../src/ui/offline/define.ts';
import { openStorage } from '../../../src/storage/db.ts';
import { savePosition } from '../../../src/storage/positions.ts';

const html = document.documentElement;
const pageLang = html.getAttribute('lang');
const pageDir = html.getAttribute('dir');

afterEach(() => {
  cleanup();
  document.querySelectorAll('.i18n-fixture').forEach((n) => n.remove());
  if (pageLang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', pageLang);
  if (pageDir === null) html.removeAttribute('dir');
  else html.setAttribute('dir', pageDir);
});

/** Waits until the player shows its words in `lang` (the catalogue is a lazy chunk). */
async function inLanguage(el: AloudPlayer, lang: string): Promise<void> {
  await until(() => el.strings.locale === lang, `the ${lang} catalogue`);
  await flush(el);
}

const base = (el: AloudPlayer) => q(el.shadowRoot!, '[part="base"]');
const number = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n);

describe('aloud-player in German (ui-lang="de")', () => {
  // First in the file: catalogues are cached per page, and this must see German still loading.
  it('says nothing on load, then what the listener caused, in German, once', async () => {
    const el = document.createElement('aloud-player');
    const engine = new FakeSpeechEngine();
    el.engine = engine;
    el.setAttribute('ui-lang', 'de');
    el.article = sampleArticle();
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const said: string[] = [status(root)];
    new MutationObserver(() => said.push(status(root))).observe(q(root, '[role="status"]'), {
      childList: true,
      characterData: true,
      subtree: true,
    });
    await inLanguage(el, 'de');
    await until(() => el.store, 'the store');
    await flush(el);
    // A page load is not something the listener did: nothing is said, in any language.
    expect(said.filter(Boolean)).to.deep.equal([]);
    playButton(root).focus();
    await sendKeys({ press: 'Shift+ArrowRight' });
    await flush(el);
    expect(status(root)).to.equal('Abschnitt 2 von 4: Why it matters');
    expect(said.filter(Boolean)).to.deep.equal(['Abschnitt 2 von 4: Why it matters']);
    await sendKeys({ press: 'Shift+Period' });
    await flush(el);
    expect(status(root)).to.equal(`${number('de', 1.1)}-fache Geschwindigkeit`);
    expect(q(root, '[part="speed"]').textContent).to.equal('1,1×');
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    expect(playButton(root).textContent?.trim()).to.equal('Pause');
  });

  it('names every control by role in German, marked lang="de" and left to right', async () => {
    const { el } = await mount({ attrs: { 'ui-lang': 'de' } });
    await inLanguage(el, 'de');
    expect(base(el).getAttribute('lang')).to.equal('de');
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    await byRole(el, 'region', 'Anhören: Sample story');
    await byRole(el, 'group', 'Wiedergabesteuerung');
    expect(await namesOf(el, 'button')).to.include.members([
      'Player überspringen',
      'Wiedergabe',
      'Vorheriger Satz',
      'Nächster Satz',
      'Vorheriger Abschnitt',
      'Nächster Abschnitt',
      'Mehr',
    ]);
    const speed = await byRole<HTMLElement>(el, 'slider', 'Geschwindigkeit');
    expect(speed.getAttribute('aria-valuetext')).to.equal('1-fache Geschwindigkeit');
    const position = await byRole<HTMLInputElement>(el, 'slider', 'Position');
    expect(position.getAttribute('aria-valuetext')).to.match(/^Abschnitt 1 von 4: Lead one\., 0:00 von \d+:\d\d$/);
    await byRole(el, 'navigation', 'Inhalt');
    expect((await moreItem(el, el.shadowRoot!, /^Stimme: Automatisch/)).getAttribute('role')).to.equal('menuitem');
    expect((await moreItem(el, el.shadowRoot!, 'Mitlesen')).getAttribute('role')).to.equal('menuitemcheckbox');
    expect((await moreItem(el, el.shadowRoot!, 'Schlaftimer: Aus')).getAttribute('aria-haspopup')).to.equal('menu');
    // The article keeps its own language: only the controls are German.
    const text = await byRole(el, 'region', 'Artikeltext');
    expect(text.getAttribute('lang')).to.equal('en');
    expect(await namesOf(el, 'button')).not.to.include('Play');
  });

  it('says the help in German with the same keys, and is axe clean', async () => {
    const { el, root } = await mount({ attrs: { 'ui-lang': 'de' } });
    await inLanguage(el, 'de');
    expect(await axeViolations(el)).to.deep.equal([]);
    (await moreItem(el, root, 'Tastenkürzel')).click();
    await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"]')?.open && root.querySelector('dialog[part="help-dialog"] table'), 'the help dialog');
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('dialog[part="help-dialog"] tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent));
    expect(rows[0]).to.deep.equal(['Leertaste, K', 'Wiedergabe oder Pause']);
    expect(rows[2]).to.deep.equal(['Umschalt + Pfeil links, Umschalt + Pfeil rechts, Bild auf, Bild ab', 'Vorheriger oder nächster Abschnitt']);
    expect(q(root, '#help-title').textContent).to.equal('Tastenkürzel');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('takes the language of a regional tag, and switches when ui-lang changes', async () => {
    const { el, root } = await mount({ attrs: { 'ui-lang': 'de-AT' } });
    await inLanguage(el, 'de');
    expect(playButton(root).textContent?.trim()).to.equal('Wiedergabe');
    el.setAttribute('ui-lang', 'en');
    await inLanguage(el, 'en');
    expect(playButton(root).textContent?.trim()).to.equal('Play');
    expect(base(el).getAttribute('lang')).to.equal('en');
  });

  it('lets two players on one page speak two languages', async () => {
    const de = await mount({ attrs: { 'ui-lang': 'de' } });
    const en = await mount();
    await inLanguage(de.el, 'de');
    expect(playButton(de.root).textContent?.trim()).to.equal('Wiedergabe');
    expect(playButton(en.root).textContent?.trim()).to.equal('Play');
    expect(base(en.el).getAttribute('lang')).to.equal('en');
  });

  it('falls back to the nearest lang through shadow roots, then to the article’s language', async () => {
    // A host page component with the player inside its shadow root, under lang="de".
    const host = document.createElement('div');
    host.className = 'i18n-fixture';
    host.setAttribute('lang', 'de');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('aloud-player');
    inner.article = sampleArticle();
    shadow.append(inner);
    await inLanguage(inner, 'de');
    // A lang changed on an ancestor is followed.
    host.setAttribute('lang', 'en-GB');
    await inLanguage(inner, 'en');

    html.removeAttribute('lang');
    const german = { voices: [{ ...FAKE_VOICE, id: 'fake-de', name: 'Fake Deutsch', lang: 'de-DE' }] };
    const { el, root } = await mount({ article: sampleArticle({ lang: 'de' }), engine: german });
    await inLanguage(el, 'de');
    expect(playButton(root).textContent?.trim()).to.equal('Wiedergabe');
  });
});

describe('aloud-player in Arabic (page lang="ar" dir="rtl")', () => {
  beforeEach(() => {
    html.setAttribute('lang', 'ar');
    html.setAttribute('dir', 'rtl');
  });

  it('names its controls in Arabic, right to left, with the article kept left to right', async () => {
    const { el, root } = await mount();
    await inLanguage(el, 'ar');
    expect(base(el).getAttribute('lang')).to.equal('ar');
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(q(root, '[part="controls"]')).direction).to.equal('rtl');
    // Time runs left to right, as in platform media players: the skip buttons in their icons' order, the timeline from the left.
    const skips = [...root.querySelectorAll<HTMLElement>('.skip button')].map((b) => Math.round(b.getBoundingClientRect().left));
    expect(skips).to.deep.equal([...skips].sort((a, b) => a - b));
    expect(getComputedStyle(q(root, '#position')).direction).to.equal('ltr');
    // The play button and the label, though, are mirrored: Play sits at the right.
    expect(q(root, '[part="play-button"]').getBoundingClientRect().left).to.be.greaterThan(q(root, '.skip').getBoundingClientRect().left);
    // In the compact bar an English title keeps its own direction (cut at its end), set at the interface's start.
    el.layout = 'compact';
    await flush(el);
    const title = q(root, '.bar-title');
    expect(getComputedStyle(title).direction).to.equal('ltr');
    expect(getComputedStyle(title).textAlign).to.equal('right');
    el.layout = 'full';
    await flush(el);
    await byRole(el, 'region', 'استمع: \u2068Sample story\u2069');
    expect(await namesOf(el, 'button')).to.include.members([
      'تشغيل',
      'الجملة السابقة',
      'الجملة التالية',
      'القسم السابق',
      'القسم التالي',
      'المزيد',
    ]);
    await byRole(el, 'slider', 'السرعة');
    const text = await byRole(el, 'region', 'نص المقال');
    expect(text.getAttribute('lang')).to.equal('en');
    expect(text.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(text).direction).to.equal('ltr');
  });

  it('keeps speeds and times in one left-to-right piece, in Arabic digits', async () => {
    const { el, root } = await mount();
    await inLanguage(el, 'ar');
    const speed = await byRole<HTMLElement>(el, 'slider', 'السرعة');
    expect(speed.getAttribute('aria-valuetext')).to.equal('السرعة العادية');
    // Never "×1": the number and its sign are isolated left to right.
    const nf = new Intl.NumberFormat('ar', { maximumFractionDigits: 2 });
    expect(q(root, '[part="speed"]').textContent).to.equal(`\u2066${nf.format(1)}×\u2069`);
    el.rate = 1.5;
    await flush(el);
    expect(q(root, '[part="speed"]').textContent).to.equal(`\u2066${nf.format(1.5)}×\u2069`);
    expect(speed.getAttribute('aria-valuetext')).to.equal(`${nf.format(1.5)} ضعف السرعة العادية`);
    const time = q(root, '[part="time"]').textContent ?? '';
    expect(time).to.contain('\u2066').and.contain('\u2069');
    expect(time).to.contain(`${number('ar', 0)}:`);
  });

  it('announces in Arabic with the heading bidi-isolated, and is axe clean', async () => {
    const { el, root } = await mount();
    await inLanguage(el, 'ar');
    expect(status(root)).to.equal('');
    playButton(root).focus();
    await sendKeys({ press: 'Shift+ArrowRight' });
    await flush(el);
    expect(status(root)).to.equal(`القسم ${number('ar', 2)} من ${number('ar', 4)}: \u2068Why it matters\u2069`);
    expect(await axeViolations(el)).to.deep.equal([]);
    (await moreItem(el, root, 'اختصارات لوحة المفاتيح')).click();
    await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"]')?.open && root.querySelector('dialog[part="help-dialog"] table'), 'the help dialog');
    expect(q(root, 'dialog[part="help-dialog"] tbody tr').textContent).to.contain('مفتاح المسافة');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows an error in Arabic only (the lower layer’s English detail left out)', async () => {
    const { el, root } = await mount({ src: '/test/browser/support/fixtures/missing.json' });
    await inLanguage(el, 'ar');
    await until(() => root.querySelector('[part="error"]'), 'the error');
    const box = q(root, '[part="error"]');
    // A 404: "not found", with the Arabic advice for it (HTTP and the status are the only Latin).
    expect(box.querySelector('h2')?.textContent).to.equal('لم يُعثر على المقال');
    expect(box.querySelector('.detail')).to.equal(null);
    expect(box.textContent!.replace(/HTTP/g, '')).not.to.match(/[A-Za-z]{2,}/);
    expect(status(root)).to.match(/^لم يُعثر على المقال\. ربما يكون الرابط قديمًا/);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});

describe('the offline pieces in other languages', () => {
  /** Every button inside the panel's own pieces (their shadow roots). */
  const panelButtons = (panel: Element) =>
    [...(panel.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((el) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])]);
  const names = (panel: Element) => panelButtons(panel).map((b) => b.textContent!.replace(/\s+/g, ' ').trim());

  it('a panel in a German player speaks German: resume prompt and save toggle', async () => {
    const storage = openStorage({ name: `aloud-i18n-${Date.now()}` });
    await savePosition(storage, 'sample', { sentenceId: 's3p1s2', heading: 'What comes next' });
    const player = document.createElement('aloud-player');
    player.engine = new FakeSpeechEngine();
    player.article = sampleArticle();
    player.setAttribute('ui-lang', 'de');
    const panel = document.createElement('aloud-offline-panel');
    panel.slot = 'extras';
    player.storage = storage;
    panel.src = '/articles/sample.json';
    player.append(panel);
    document.body.append(player);
    await inLanguage(player, 'de');
    await until(() => names(panel).includes('Weiter bei „What comes next“'), 'the German resume button');
    expect(names(panel)).to.include.members(['Von vorn beginnen', 'Offline speichern']);
    // Switching the player's language switches the panel with it.
    player.setAttribute('ui-lang', 'fr');
    await inLanguage(player, 'fr');
    await until(() => names(panel).includes('Enregistrer hors ligne'), 'the French save toggle');
    expect(await axeViolations(player)).to.deep.equal([]);
  });

  it('a saved list on its own follows the nearest lang', async () => {
    const box = document.createElement('div');
    box.className = 'i18n-fixture';
    box.setAttribute('lang', 'fr');
    const list = document.createElement('aloud-saved-list');
    list.storage = openStorage({ name: `aloud-i18n-list-${Date.now()}` });
    box.append(list);
    document.body.append(box);
    await until(() => list.shadowRoot?.querySelector('.empty')?.textContent === 'Aucun article n’est enregistré pour l’écoute hors ligne.', 'the French empty list');
  });
});
