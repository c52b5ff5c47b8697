/// <reference types="mocha" />
// <aloud-player>: structure, names and states, events, live region, text view.
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { axeViolations } from '../support/axe.ts';
import { sampleArticle } from '../support/fixtures.ts';
import { FAKE_VOICE } from '../../support/fake-engine.ts';
import { button, cleanup, moreItem, openMore, voiceSelect, current, flush, mount, playButton, q, status, until, untilAsync } from '../support/player.ts';

afterEach(cleanup);

describe('aloud-player', () => {
  it('has no axe violations when ready, playing and with help open', async () => {
    const { el, engine, root } = await mount();
    expect(await axeViolations(el)).to.deep.equal([]);
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    expect(await axeViolations(el)).to.deep.equal([]);
    await openMore(el, root);
    expect(await axeViolations(el)).to.deep.equal([]);
    (await moreItem(el, root, 'Keyboard shortcuts')).click();
    await until(() => root.querySelector<HTMLDialogElement>('dialog[part="help-dialog"]')?.open, 'the help dialog');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('keeps the article structure: title, section headings, lists and quotes', async () => {
    const { el, root } = await mount();
    expect(q(root, 'h2').textContent).to.equal('Sample story');
    const h3s = [...root.querySelectorAll('.text h3')].map((h) => h.textContent);
    expect(h3s).to.deep.equal(['Why it matters', 'What comes next', 'The end']);
    expect([...root.querySelectorAll('.text ul > li')].map((li) => li.textContent?.trim())).to.deep.equal([
      'Point one.',
      'Point two.',
    ]);
    expect(q(root, '.text blockquote').textContent?.trim()).to.equal('A quoted line.');
    el.headingLevel = 3;
    await flush(el);
    expect(q(root, 'h3#title').textContent).to.equal('Sample story');
    expect(root.querySelectorAll('.text h4').length).to.equal(3);
  });

  it('renders hostile article text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const article = sampleArticle({ title: '<script>window.__pwned=1</script>' });
    article.sections[0]!.paragraphs[0]!.sentences[0]!.text = hostile;
    article.sections[1]!.heading = '<b>bold</b>';
    const { root } = await mount({ article });
    expect(root.querySelector('.text img, b, script')).to.equal(null);
    expect(q(root, '[data-id="s1p1s1"]').textContent).to.equal(hostile);
    expect(q(root, 'h2').textContent).to.equal('<script>window.__pwned=1</script>');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('names the play button after the state: Play, Pause, Play again', async () => {
    const { el, engine, root } = await mount();
    expect(playButton(root).textContent?.trim()).to.equal('Play');
    expect(playButton(root).hasAttribute('aria-pressed')).to.equal(false);
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    expect(playButton(root).textContent?.trim()).to.equal('Pause');
    playButton(root).click();
    await flush(el);
    expect(el.store!.state.status).to.equal('paused');
    expect(playButton(root).textContent?.trim()).to.equal('Play');
    playButton(root).click();
    await flush(el);
    engine.finishAll();
    await flush(el);
    expect(el.store!.state.status).to.equal('ended');
    expect(playButton(root).textContent?.trim()).to.equal('Play again');
    expect(status(root)).to.equal('End of article');
  });

  it('the scrubber follows a pointer drag at once and seeks once, on release, to the sentence under the thumb', async () => {
    const { el, engine, root } = await mount();
    const position = q<HTMLInputElement>(root, '#position');
    const r = position.getBoundingClientRect();
    const y = Math.round(r.top + r.height / 2);
    const spoken = engine.spoken.length;
    await sendMouse({ type: 'move', position: [Math.round(r.left + 4), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width * 0.4), y] });
    await sendMouse({ type: 'move', position: [Math.round(r.right - 2), y] });
    await flush(el);
    // While dragging: the thumb and its label follow, the player has not moved.
    const last = Number(position.max);
    expect(Number(position.value)).to.equal(last);
    expect(position.getAttribute('aria-valuetext')).to.match(/^Section 4 of 4/);
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
    await sendMouse({ type: 'up' });
    await flush(el);
    expect(el.store!.state.position?.flatIndex).to.equal(last);
    expect(engine.spoken.length).to.equal(spoken); // not playing: a seek, no speech
  });

  it('gives the speed chip and the scrubber human values, and marks the current section in the contents', async () => {
    const { el, engine, root } = await mount();
    const speed = q(root, '#speed');
    const position = q<HTMLInputElement>(root, '#position');
    expect(speed.getAttribute('role')).to.equal('slider');
    expect(speed.getAttribute('aria-valuetext')).to.equal('1 times speed');
    expect(speed.textContent).to.equal('1×');
    // An untitled section is named by the start of its text; then how far in, of how long (21 words at 160 a minute).
    expect(position.getAttribute('aria-valuetext')).to.equal('Section 1 of 4: Lead one., 0:00 of 0:08');
    expect(q(root, 'nav [aria-current="true"]').textContent).to.equal('Lead one.');
    el.nextSection();
    await flush(el);
    expect(position.getAttribute('aria-valuetext')).to.equal('Section 2 of 4: Why it matters, 0:03 of 0:08');
    // The scrubber moves by sentence: section 2 starts at the article's fifth sentence.
    expect(position.value).to.equal(String(el.store!.state.position!.flatIndex));
    expect(root.querySelectorAll('nav [aria-current="true"]').length).to.equal(1);
    expect(q(root, 'nav [aria-current="true"]').textContent).to.equal('Why it matters');
    el.rate = 1.5;
    await flush(el);
    expect(speed.getAttribute('aria-valuetext')).to.equal('1.5 times speed');
    expect(speed.textContent).to.equal('1.5×');
    expect(engine.spoken.length).to.equal(0);
  });

  it('estimates elapsed and remaining time from the words and the rate', async () => {
    const { el, root } = await mount();
    const time = () => [...root.querySelectorAll('[part="time"]')].map((p) => p.textContent?.trim()).join(' ');
    // 21 words at 160 words a minute: 7.9 s.
    expect(time()).to.equal('0:00 −0:08');
    expect(q(root, '.label').textContent?.replace(/\s+/g, ' ').trim()).to.equal('Listen to this article · 1 min');
    el.seek('s4p1s1');
    await flush(el);
    // 18 words before the last sentence: 6.75 s, 3 words after: 1.1 s.
    expect(time()).to.equal('0:07 −0:01');
    el.rate = 0.5;
    await flush(el);
    expect(time()).to.equal('0:14 −0:02');
  });

  it('announces the section and speed changes the user causes, never each sentence', async () => {
    const { el, engine, root } = await mount();
    playButton(root).focus();
    await sendKeys({ press: 'Shift+ArrowRight' });
    await flush(el);
    expect(status(root)).to.equal('Section 2 of 4: Why it matters');
    await sendKeys({ press: 'Shift+Period' });
    await flush(el);
    expect(status(root)).to.equal('1.1 times speed');
    // Playback moving on by itself, across sentences and into a section, says nothing.
    playButton(root).click();
    engine.finishCurrent(); // the heading
    engine.finishCurrent(); // Second one.
    engine.finishCurrent(); // Second two.
    engine.finishCurrent(); // A quoted line.
    engine.fireStart(); // heading of section 3
    await flush(el);
    expect(el.store!.state.position?.sectionIndex).to.equal(2);
    expect(status(root)).to.equal('1.1 times speed');
  });

  it('fires each event once for real changes, with details', async () => {
    const { el, engine, root, events } = await mount();
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    el.nextSection();
    engine.fireStart();
    await flush(el);
    el.pause();
    await flush(el);
    el.pause();
    await flush(el);
    const types = events.map((e) => e.type);
    // Moving while playing keeps playing: no second aloud-play; the second pause() changes nothing.
    expect(types).to.deep.equal(['aloud-play', 'aloud-sentence', 'aloud-section', 'aloud-pause']);
    expect(events[1]!.detail).to.deep.equal({ sentenceId: 's2p1s1', index: 4, sectionIndex: 1 });
    expect(events[2]!.detail).to.deep.equal({ sectionIndex: 1, sectionId: 's2', heading: 'Why it matters' });
    expect(events.every((e) => e.bubbles && e.composed)).to.equal(true);
  });

  it('fires no event when a property is set in code', async () => {
    const { el, events } = await mount();
    el.rate = 2;
    el.voice = 'fake-en-GB';
    el.theme = 'dark';
    el.headingLevel = 3;
    el.shortcuts = 'off';
    await flush(el);
    el.rate = 2;
    await flush(el);
    expect(el.store!.state.rate).to.equal(2);
    expect(events.map((e) => e.type)).to.deep.equal([]);
  });

  it('reflects the store back into rate and voice', async () => {
    const { el, root } = await mount();
    // A tap on the speed chip steps to the next preset, as podcast apps do.
    q(root, '#speed').click();
    await flush(el);
    expect(el.rate).to.equal(1.25);
    expect(el.voice).to.equal('fake-en-GB');
    // The voice picker lives in a dialog opened from the More menu (a lazy chunk).
    const select = await voiceSelect(el, root);
    await until(() => select.options.length > 1, 'the voice list');
    // The automatic choice says which voice it resolved to.
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'Automatic: Fake English (English (United Kingdom))',
      'Fake English',
    ]);
    expect(q(root, 'optgroup').getAttribute('label')).to.equal('English (United Kingdom)');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await flush(el);
    expect(el.voice).to.equal('');
  });

  it("names the automatic voice without saying its language twice when the voice's name already does", async () => {
    const zira = { ...FAKE_VOICE, id: 'zira', name: 'Microsoft Zira - English (United Kingdom)' };
    const { el, root } = await mount({ engine: { voices: [zira] } });
    const named = async () => (await moreItem(el, root, /^Voice: /)).textContent!.trim();
    await untilAsync(async () => (await named()).includes('Zira'), 'the voice resolved');
    expect(await named()).to.equal('Voice: Automatic: Microsoft Zira - English (United Kingdom)');
  });

  it('plays from a clicked sentence, and from Enter on a focused one', async () => {
    const { el, engine, root } = await mount();
    q(root, '[data-id="s3p1s2"]').click();
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    expect(current(root)).to.equal('s3p1s2');
    el.pause();
    await flush(el);
    const target = q(root, '[data-id="s2p1s2"]');
    target.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => engine.queue.length > 0, 'speak');
    engine.fireStart();
    await flush(el);
    expect(current(root)).to.equal('s2p1s2');
    expect(el.store!.state.status).to.equal('playing');
  });

  it('keeps one tab stop in the text: the current sentence; arrows move between sentences', async () => {
    const { el, root } = await mount();
    const stops = () => [...root.querySelectorAll<HTMLElement>('.s')].filter((s) => s.tabIndex === 0);
    expect(stops().map((s) => s.dataset['id'])).to.deep.equal(['s1p1s1']);
    el.seek('s2p1s1');
    await flush(el);
    expect(stops().map((s) => s.dataset['id'])).to.deep.equal(['s2p1s1']);
    stops()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((root.activeElement as HTMLElement).dataset['id']).to.equal('s2p2s1');
    expect(stops().length).to.equal(1);
    await sendKeys({ press: 'ArrowUp' });
    expect((root.activeElement as HTMLElement).dataset['id']).to.equal('s2p1s2');
    // Moving through the text is the listener reading: the position did not move.
    expect(el.store!.state.position?.sentenceId).to.equal('s2p1s1');
  });

  it('highlights the current sentence, and the current word with boundaries', async () => {
    const { el, engine, root } = await mount();
    el.seek('s2p1s2');
    el.play();
    await flush(el);
    engine.fireStart(); // heading? no: mid-section sentence
    engine.fireBoundary();
    await flush(el);
    // The word alone moves a few times a second: the highlight, not a render of the element.
    const own = el as unknown as { render(): unknown };
    const render = own.render.bind(el);
    let renders = 0;
    own.render = () => (renders++, render());
    engine.fireBoundary();
    await flush(el);
    expect(renders).to.equal(0);
    expect(current(root)).to.equal('s2p1s2');
    expect(el.store!.state.word).to.deep.include({ sentenceId: 's2p1s2', start: 7, end: 11 });
    const hl = CSS.highlights.get('aloud-word');
    expect(hl?.size).to.equal(1);
    const range = [...hl!][0] as Range;
    expect(range.toString()).to.equal('two.');
    el.pause();
    el.remove();
    expect(hl?.size).to.equal(0);
  });

  it('speaks announcements of slotted pieces through its one live region', async () => {
    const { el, root } = await mount();
    const piece = document.createElement('div');
    piece.slot = 'extras';
    el.append(piece);
    piece.dispatchEvent(
      new CustomEvent('aloud-announce', { detail: { message: 'Saved for offline.' }, bubbles: true, composed: true }),
    );
    await flush(el);
    expect(status(root)).to.equal('Saved for offline.');
    expect(root.querySelectorAll('[role="status"]').length).to.equal(1);
  });

  it('focus() focuses Play, and a resume choice that removed the focused button hands focus to Play', async () => {
    const { el, root } = await mount();
    el.focus();
    expect(root.activeElement).to.equal(playButton(root));
    const prompt = document.createElement('button');
    prompt.slot = 'extras';
    prompt.textContent = 'Resume';
    el.append(prompt);
    prompt.focus();
    prompt.dispatchEvent(new CustomEvent('aloud-resume', { bubbles: true, composed: true }));
    prompt.remove();
    await flush(el);
    await new Promise((r) => setTimeout(r));
    expect(root.activeElement).to.equal(playButton(root));
  });

  it('gives the lock screen the article and its controls (Media Session)', async () => {
    const { el } = await mount();
    await until(() => navigator.mediaSession.metadata?.title === 'Sample story', 'media session metadata');
    expect(navigator.mediaSession.metadata?.artist).to.equal('By A. Writer');
    el.remove();
  });

  it('pauses at the end of the section when the sleep timer says so, and announces it', async () => {
    const { el, engine, root } = await mount();
    el.seek('s1p3s1');
    await flush(el);
    const sleepItem = (await openMore(el, root)).querySelector<HTMLElement>('#sleep')!;
    expect(sleepItem.textContent!.trim()).to.equal('Sleep timer: Off');
    expect(sleepItem.getAttribute('aria-haspopup')).to.equal('menu');
    (await moreItem(el, root, 'End of this section')).click();
    // The timer's code is a lazy chunk, loaded by this first choice.
    const armed = el as unknown as { _sleep: { mode: unknown } | null };
    await until(() => armed._sleep?.mode === 'end-of-section', 'the timer armed');
    el.play();
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    engine.finishCurrent(); // the last sentence of section 1
    engine.fireStart(); // section 2's heading: the section ended
    await flush(el);
    expect(el.store!.state.status).to.equal('paused');
    expect(status(root)).to.equal('Sleep timer: paused');
    expect((await moreItem(el, root, 'Sleep timer: Off')).getAttribute('aria-expanded')).to.equal('false');
    expect((await moreItem(el, root, 'Off')).getAttribute('aria-checked')).to.equal('true');
  });

  it('offers "Keep screen on" where the browser can, off by default', async () => {
    const { el, root } = await mount();
    const menu = await openMore(el, root);
    const item = menu.querySelector('#keep-awake');
    expect(Boolean(item)).to.equal('wakeLock' in navigator);
    if (!item) return;
    expect(item.getAttribute('role')).to.equal('menuitemcheckbox');
    expect(item.getAttribute('aria-checked')).to.equal('false');
    (item as HTMLElement).click();
    await until(() => (el as unknown as { _sleep: unknown })._sleep, 'the timers loaded');
    expect((await moreItem(el, root, 'Keep screen on')).getAttribute('aria-checked')).to.equal('true');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('starting one player pauses the others on the page', async () => {
    const a = await mount();
    const b = await mount();
    a.el.play();
    a.engine.fireStart();
    await flush(a.el);
    expect(a.el.store!.state.status).to.equal('playing');
    playButton(b.root).click();
    b.engine.fireStart();
    await flush(b.el);
    expect(a.el.store!.state.status).to.equal('paused');
    expect(b.el.store!.state.status).to.equal('playing');
  });

  it('follows the system colour scheme, and theme="dark" / theme="light" override it', async () => {
    const { el } = await mount();
    const bg = () => getComputedStyle(el).backgroundColor;
    expect(bg()).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await flush(el);
    expect(bg()).to.equal('rgb(22, 24, 29)');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      el.theme = 'auto';
      await flush(el);
      expect(bg()).to.equal('rgb(22, 24, 29)');
      el.theme = 'light';
      await flush(el);
      expect(bg()).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('keeps the current sentence visible under forced colours, with no axe violations', async () => {
    const { el, root } = await mount();
    await emulateMedia({ forcedColors: 'active' });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const cur = getComputedStyle(q(root, '.s.current'));
      expect(cur.outlineStyle).to.equal('solid');
      expect(parseFloat(cur.outlineWidth)).to.be.at.least(2);
      expect(cur.forcedColorAdjust).to.equal('none');
      expect(await axeViolations(el)).to.deep.equal([]);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('keeps the highlight and one tab stop after the heading level re-renders the text', async () => {
    const { el, root } = await mount();
    el.seek('s2p1s2');
    await flush(el);
    el.headingLevel = 4;
    await flush(el);
    expect(root.querySelectorAll('.s.current').length).to.equal(1);
    expect(q(root, '.s.current').dataset['id']).to.equal('s2p1s2');
    expect(root.querySelectorAll('.s[tabindex="0"]').length).to.equal(1);
  });

  it('"Play again" at the end starts over from the first sentence', async () => {
    const { el, engine, root } = await mount();
    el.seek('s4p1s1');
    el.play();
    engine.finishAll();
    await flush(el);
    expect(playButton(root).textContent?.trim()).to.equal('Play again');
    playButton(root).click();
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    expect(el.store!.state.position?.sentenceId).to.equal('s1p1s1');
  });

  it('navigates from the contents, marks the section and announces it', async () => {
    const { el, root } = await mount();
    button(root, 'What comes next').click();
    await flush(el);
    expect(el.store!.state.position?.sentenceId).to.equal('s3p1s1');
    expect(q(root, 'nav [aria-current="true"]').textContent).to.equal('What comes next');
    expect(status(root)).to.equal('Section 3 of 4: What comes next');
  });

  it('plays from a focused sentence with Space too', async () => {
    const { el, engine, root } = await mount();
    q(root, '[data-id="s3p1s1"]').focus();
    await sendKeys({ press: 'Space' });
    await until(() => engine.queue.length > 0, 'speak');
    engine.fireStart();
    await flush(el);
    expect(el.store!.state.status).to.equal('playing');
    expect(current(root)).to.equal('s3p1s1');
  });
});
