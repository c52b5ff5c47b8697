/// <reference types="mocha" />
// Keyboard: real key presses through the browser (sendKeys), shortcuts on the
// element, focused controls keeping their keys, Tab order, the help dialog.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { longArticle } from '../support/fixtures.ts';
import { button, cleanup, flush, focused, mount, playButton, q, status, until, voiceSelect } from '../support/player.ts';

afterEach(cleanup);

const press = async (el: HTMLElement & { updateComplete: Promise<boolean> }, key: string) => {
  await sendKeys({ press: key });
  await (el as { updateComplete: Promise<boolean> }).updateComplete;
};

describe('aloud-player keyboard', () => {
  it('has no axe violations with the help dialog open', async () => {
    const { el, root } = await mount();
    // The shortcuts are a chunk fetched at connect (keys before it arrives are not handled):
    // on this first page of the run, wait for it as a listener's first key press would.
    await import('../../../src/ui/controllers/shortcuts.ts');
    await flush(el);
    playButton(root).focus();
    await press(el, 'Shift+Slash');
    // The dialog's content is a lazy chunk: it opens once that has loaded.
    await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"]')?.open, 'the help dialog');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('Space and K play and pause; Space on a focused button activates it once', async () => {
    const { el, engine, root } = await mount();
    q(root, '#position').focus();
    await press(el, 'k');
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    await press(el, 'Space');
    expect(el.store!.state.status).to.equal('paused');
    // On the play button Space is the button's own activation: one toggle, not two.
    playButton(root).focus();
    await press(el, 'Space');
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    await press(el, 'K');
    expect(el.store!.state.status).to.equal('paused');
    // Space and Enter on another button are that button's, not play/pause.
    const spokenBefore = engine.spoken.length;
    button(root, 'Next section').focus();
    await press(el, 'Space');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s2p1s1');
    await press(el, 'Enter');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s3p1s1');
    expect(el.store!.state.status).to.equal('paused');
    expect(engine.spoken.length).to.equal(spokenBefore);
  });

  it('arrows move by sentence, Shift+arrows and PageUp/PageDown by section, Home/End to the ends', async () => {
    const { el, root } = await mount();
    const at = () => el.store!.state.position?.sentenceId;
    playButton(root).focus();
    await press(el, 'ArrowRight');
    expect(at()).to.equal('s1p1s2');
    await press(el, 'ArrowLeft');
    expect(at()).to.equal('s1p1s1');
    await press(el, 'Shift+ArrowRight');
    expect(at()).to.equal('s2p1s1');
    await press(el, 'PageDown');
    expect(at()).to.equal('s3p1s1');
    await press(el, 'PageUp');
    expect(at()).to.equal('s2p1s1');
    await press(el, 'End');
    expect(at()).to.equal('s4p1s1');
    await press(el, 'Home');
    expect(at()).to.equal('s1p1s1');
    await press(el, 'Shift+ArrowRight');
    await press(el, 'Shift+ArrowLeft');
    expect(at()).to.equal('s1p1s1');
  });

  it('< and > change the speed by 0.1 within 0.5–3', async () => {
    const { el, root } = await mount();
    playButton(root).focus();
    await press(el, 'Shift+Period');
    await press(el, 'Shift+Period');
    expect(el.store!.state.rate).to.equal(1.2);
    await press(el, 'Shift+Comma');
    expect(el.store!.state.rate).to.equal(1.1);
    el.rate = 0.5;
    await flush(el);
    await press(el, 'Shift+Comma');
    expect(el.store!.state.rate).to.equal(0.5);
  });

  it('a focused slider keeps its arrows, Home and End; a select keeps every key', async () => {
    const { el, engine, root } = await mount();
    const speed = q(root, '#speed');
    speed.focus();
    await press(el, 'ArrowRight');
    await flush(el);
    expect(el.store!.state.rate).to.equal(1.1);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'End');
    await flush(el);
    expect(el.store!.state.rate).to.equal(3);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'Home');
    await flush(el);
    expect(el.store!.state.rate).to.equal(0.5);
    expect(speed.getAttribute('aria-valuetext')).to.equal('0.5 times speed');
    // The scrubber moves by sentence with the arrows, by section with PageUp/PageDown, to the ends with Home/End.
    const position = q<HTMLInputElement>(root, '#position');
    position.focus();
    await press(el, 'ArrowRight');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s2');
    await press(el, 'PageDown');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s2p1s1');
    expect(position.getAttribute('aria-valuetext')).to.match(/^Section 2 of 4: Why it matters, 0:0\d of 0:\d\d$/);
    await press(el, 'PageUp');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'End');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal(el.store!.state.article!.sections.at(-1)!.paragraphs.at(-1)!.sentences.at(-1)!.id);
    await press(el, 'Home');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    expect(focused(root)).to.equal(position);
    (await voiceSelect(el, root)).focus();
    await press(el, 'k');
    await press(el, 'Space');
    expect(engine.spoken.length).to.equal(0);
  });

  it('? opens the help dialog; Escape and Close shut it and focus returns', async () => {
    const { el, engine, root } = await mount();
    const next = button(root, 'Next section');
    next.focus();
    await press(el, 'Shift+Slash');
    // The help is a chunk loaded on first open; its dialog is there from then on.
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"][open]'), 'the help dialog');
    expect(q(dialog, 'h2').textContent).to.equal('Keyboard shortcuts');
    expect(dialog.querySelectorAll('tbody tr').length).to.be.greaterThan(5);
    // Shortcuts are off inside the dialog: K does not start playback behind it.
    await press(el, 'k');
    await press(el, 'ArrowRight');
    expect(engine.spoken.length).to.equal(0);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'Escape');
    expect(dialog.open).to.equal(false);
    expect(focused(root)).to.equal(next);
    await press(el, 'Shift+Slash');
    button(dialog, 'Close').click();
    await flush(el);
    expect(dialog.open).to.equal(false);
    expect(focused(root)).to.equal(next);
  });

  /** Tab from a button before the player to one after it; the names of the stops in between. */
  async function tabStops(el: HTMLElement, root: ShadowRoot): Promise<string[]> {
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    el.before(before);
    el.after(after);
    before.focus();
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement === after) break;
      const f = focused(root)!;
      names.push(f.id || f.dataset['id'] || f.textContent!.trim());
    }
    before.remove();
    after.remove();
    return names;
  }

  it('Tab goes through the controls in reading order and out again', async () => {
    const { root } = await mount();
    expect(await tabStops(root.host as HTMLElement, root)).to.deep.equal([
      'Skip player',
      'Play',
      // The skip buttons are one toolbar: one stop.
      'Previous section',
      'position',
      'speed',
      'more',
      // The contents are one widget: one stop, on the section being read.
      'Lead one.',
      's1p1s1',
    ]);
  });

  it('takes at most 10 Tab stops through the full layout of a long article, and Skip player jumps past it', async () => {
    const { el, root } = await mount({ article: longArticle(12, 5) });
    expect(el.store!.state.article!.sections.length).to.equal(12);
    const stops = await tabStops(el, root);
    expect(stops.length).to.be.at.most(10);
    expect(stops[0]).to.equal('Skip player');
    // Skip player: Enter on the link, and the next Tab leaves the player.
    const after = document.createElement('button');
    el.after(after);
    q(root, '.skip-link').focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(root)?.id).to.equal('player-end');
    await sendKeys({ press: 'Tab' });
    // (Compared as a boolean: chai's message for two unequal elements can take minutes to build.)
    expect(document.activeElement === after, `focus on ${focused(root)?.outerHTML.slice(0, 60)}`).to.equal(true);
    after.remove();
  });

  it('the contents are one widget: arrows, Home and End move, Enter jumps and is announced', async () => {
    const { el, root } = await mount();
    const entries = () => [...root.querySelectorAll<HTMLButtonElement>('nav button')];
    expect(q(root, 'nav :is(h1, h2, h3, h4, h5, h6)').textContent).to.equal('Contents');
    expect(entries().map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    entries()[0]!.focus();
    await press(el, 'ArrowDown');
    expect(focused(root)).to.equal(entries()[1]);
    // Arrows are the widget's here: the sentence did not move.
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'End');
    expect(focused(root)).to.equal(entries()[3]);
    await press(el, 'Home');
    expect(focused(root)).to.equal(entries()[0]);
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(entries().map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1]);
    await press(el, 'Enter');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s3p1s1');
    expect(entries()[2]!.getAttribute('aria-current')).to.equal('true');
    expect(status(root)).to.equal('Section 3 of 4: What comes next');
  });

  it('the skip buttons are one toolbar: arrows move between them; previous section again is heard again', async () => {
    const { el, root } = await mount();
    const prev = button(root, 'Previous section');
    // Named with the article's title, so two players on one page have two different toolbars.
    expect(prev.closest('[role="toolbar"]')!.getAttribute('aria-label')).to.equal(
      root.querySelector('[part="base"]')!.getAttribute('aria-label')!.replace(/^Listen: /, 'Skip: '),
    );
    expect(prev.closest('[role="toolbar"]')!.getAttribute('aria-label')).to.match(/^Skip: ./);
    prev.focus();
    await press(el, 'ArrowRight');
    expect(focused(root)).to.equal(button(root, 'Previous sentence'));
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(focused(root)).to.equal(button(root, 'Next section'));
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'Enter');
    await flush(el);
    expect(status(root)).to.equal('Section 2 of 4: Why it matters');
    await press(el, 'ArrowRight');
    expect(focused(root)).to.equal(prev);
    el.nextSentence();
    await flush(el);
    // Back to the start of the section just announced: still said, so the press is heard.
    await press(el, 'Enter');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s2p1s1');
    expect(status(root)).to.equal('Start of Section 2 of 4: Why it matters');
  });

  it('More is a menu button: Enter opens on the first item, arrows move, Escape closes and returns focus', async () => {
    const { el, root } = await mount();
    const more = q(root, '#more');
    expect(more.getAttribute('aria-haspopup')).to.equal('menu');
    more.focus();
    await press(el, 'Enter');
    await until(() => focused(root)?.getAttribute('role')?.startsWith('menuitem'), 'the first item focused');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const items = [...root.querySelectorAll<HTMLElement>('#more-menu [role^="menuitem"]')];
    expect(focused(root)).to.equal(items[0]);
    await press(el, 'ArrowDown');
    expect(focused(root)).to.equal(items[1]);
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focused(root)).to.equal(items.at(-1));
    expect(items.at(-1)!.textContent!.trim()).to.equal('Keyboard shortcuts');
    // Arrows were the menu's: the sentence did not move.
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'Escape');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(root)).to.equal(more);
    // ArrowDown opens it too; choosing an item closes it and focus returns to the button.
    await press(el, 'ArrowDown');
    await until(() => focused(root)?.getAttribute('role')?.startsWith('menuitem'), 'the menu open again');
    const follow = q(root, '#follow');
    follow.focus();
    expect(follow.getAttribute('aria-checked')).to.equal('true');
    await press(el, 'Enter');
    await flush(el);
    expect(focused(root)).to.equal(more);
    expect((el as unknown as { _followAlong: boolean })._followAlong).to.equal(false);
  });

  it('the sleep timer is a submenu: Right opens it on the checked choice, Left and Escape close it, a choice closes the menu', async () => {
    const { el, root } = await mount();
    const more = q(root, '#more');
    more.focus();
    await press(el, 'Enter');
    await until(() => focused(root)?.id !== 'more' && focused(root)?.getAttribute('role') === 'menuitem', 'the menu open');
    await press(el, 'ArrowDown');
    const sleep = q(root, '#sleep');
    expect(focused(root)).to.equal(sleep);
    expect(sleep.textContent!.trim()).to.equal('Sleep timer: Off');
    expect([sleep.getAttribute('aria-haspopup'), sleep.getAttribute('aria-expanded')]).to.deep.equal(['menu', 'false']);
    // Its choices are not among the menu's own items until it opens: the menu stays short.
    expect(root.querySelector('#sleep-menu')).to.equal(null);
    await press(el, 'ArrowRight');
    await until(() => focused(root)?.closest('#sleep-menu'), 'the submenu open');
    expect(sleep.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(root)!.textContent!.trim()).to.equal('Off');
    expect(focused(root)!.getAttribute('aria-checked')).to.equal('true');
    expect(await axeViolations(el)).to.deep.equal([]);
    // Arrows stay inside the submenu (wrapping), and are not the player's.
    await press(el, 'ArrowUp');
    expect(focused(root)!.textContent!.trim()).to.equal('60 minutes');
    await press(el, 'ArrowLeft');
    await until(() => focused(root) === sleep, 'back on the sleep item');
    expect(sleep.getAttribute('aria-expanded')).to.equal('false');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    // Escape inside the submenu closes only the submenu.
    await press(el, 'ArrowRight');
    await until(() => focused(root)?.closest('#sleep-menu'), 'the submenu open again');
    await press(el, 'Escape');
    await until(() => focused(root) === sleep, 'Escape back on the sleep item');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    // Enter opens it too; a choice sets the timer, closes the whole menu and gives focus back to More.
    await press(el, 'Enter');
    await until(() => focused(root)?.closest('#sleep-menu'), 'the submenu opened by Enter');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(focused(root)!.textContent!.trim()).to.equal('15 minutes');
    await press(el, 'Enter');
    await until(() => focused(root) === more, 'focus back on More');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    await until(() => (el as unknown as { _sleep: { mode: unknown } | null })._sleep?.mode === 15, 'the timer set');
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'Enter');
    await until(() => q(root, '#sleep').textContent!.trim() === 'Sleep timer: 15 min left', 'the item saying what the timer does');
    await press(el, 'Escape');
  });

  it('shortcuts="off" turns the keys off; "global" adds Alt+Shift keys anywhere on the page', async () => {
    const { el, engine, root } = await mount({ attrs: { shortcuts: 'off' } });
    playButton(root).focus();
    await press(el, 'ArrowRight');
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    el.shortcuts = 'global';
    await flush(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await press(el, 'Alt+Shift+ArrowRight');
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s2');
    await press(el, 'Alt+Shift+KeyK');
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    // Without the modifiers, keys on the page are the page's.
    await press(el, 'k');
    expect(el.store!.state.status).to.equal('playing');
  });

  it('Up and Down in the text stop follow-along; "Back to the current sentence" resumes it', async () => {
    const { el, root } = await mount({ article: longArticle() });
    q(root, '.s[tabindex="0"]').focus();
    await press(el, 'ArrowDown');
    await flush(el);
    const back = button(root, 'Back to the current sentence');
    back.click();
    await flush(el);
    expect(root.querySelector('[part="back-button"]')).to.equal(null);
  });
});

describe('the focusable sentence', () => {
  it('is a button named by its text and described by a hint in the interface language', async () => {
    const { el, root } = await mount();
    await flush(el);
    const stop = q(root, '.s[tabindex="0"]');
    expect(stop.getAttribute('role')).to.equal('button');
    const hint = root.getElementById(stop.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.equal('Press Enter to play from this sentence.');
    expect(hint.hidden, 'read only as the description').to.equal(true);
    expect(hint.lang).to.equal('en');
    expect(root.querySelectorAll('.s[role="button"]')).to.have.length(1);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
