/// <reference types="mocha" />
// Keyboard: real key presses through the browser (sendKeys), shortcuts on the
// element, focused controls keeping their keys, Tab order, the help dialog.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { longArticle } from '../support/fixtures.ts';
import { button, cleanup, flush, focused, mount, playButton, q, until } from '../support/player.ts';

afterEach(cleanup);

const press = async (el: HTMLElement & { updateComplete: Promise<boolean> }, key: string) => {
  await sendKeys({ press: key });
  await (el as { updateComplete: Promise<boolean> }).updateComplete;
};

describe('aloud-player keyboard', () => {
  it('has no axe violations with the help dialog open', async () => {
    const { el, root } = await mount();
    playButton(root).focus();
    await press(el, 'Shift+Slash');
    // The dialog's content is a lazy chunk: it opens once that has loaded.
    await until(() => q<HTMLDialogElement>(root, 'dialog').open, 'the help dialog');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('Space and K play and pause; Space on a focused button activates it once', async () => {
    const { el, engine, root } = await mount();
    q(root, '#speed').focus();
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
    const speed = q<HTMLInputElement>(root, '#speed');
    speed.focus();
    await press(el, 'ArrowRight');
    await flush(el);
    expect(el.store!.state.rate).to.equal(1.1);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await press(el, 'End');
    await flush(el);
    expect(el.store!.state.rate).to.equal(3);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    const section = q<HTMLInputElement>(root, '#section');
    section.focus();
    await press(el, 'ArrowRight');
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s2p1s1');
    expect(section.getAttribute('aria-valuetext')).to.equal('Section 2 of 4: Why it matters');
    q(root, '#voice').focus();
    await press(el, 'k');
    await press(el, 'Space');
    expect(engine.spoken.length).to.equal(0);
  });

  it('? opens the help dialog; Escape and Close shut it and focus returns', async () => {
    const { el, engine, root } = await mount();
    const dialog = q<HTMLDialogElement>(root, 'dialog');
    const next = button(root, 'Next section');
    next.focus();
    await press(el, 'Shift+Slash');
    await until(() => dialog.open, 'the help dialog');
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

  it('Tab goes through the controls in reading order and out again', async () => {
    const { el, root } = await mount();
    await until(() => root.querySelector('#sleep'), 'the hands-free row');
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    el.before(before);
    el.after(after);
    before.focus();
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement === after) break;
      const f = focused(root)!;
      names.push(f.id || f.dataset['id'] || f.textContent!.trim());
    }
    before.remove();
    after.remove();
    expect(names).to.deep.equal([
      'Play',
      'Previous sentence',
      'Next sentence',
      'Previous section',
      'Next section',
      'speed',
      'voice',
      'Keyboard shortcuts',
      'section',
      'sleep',
      ...('wakeLock' in navigator ? ['keep-awake'] : []),
      'follow',
      'Lead one.',
      'Why it matters',
      'What comes next',
      'The end',
      's1p1s1',
    ]);
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
