/// <reference types="mocha" />
// The text view on its own: current sentence, roving tab stop, keys and the
// word range, driven by a plain state (no store, no element).
import { expect } from '@esm-bundle/chai';
import type { ReactiveControllerHost } from 'lit';
import { FollowAlongController } from '../../../src/ui/controllers/follow-along.ts';
import { TextView } from '../../../src/ui/controllers/text-view.ts';
import type { ArticleIndex } from '../../../src/ui/player/article-index.ts';
import type { PlayerState } from '../../../src/player/types.ts';
import { WORD_HIGHLIGHT } from '../../../src/page/highlight-api.ts';
import { PLAY_HINT_ID } from '../../../src/ui/player/article-view.ts';

const ids = ['s1', 's2', 's3'];
const index = { ids, flatOf: new Map(ids.map((id, i) => [id, i])) } as unknown as ArticleIndex;

function setup() {
  const box = document.createElement('div');
  box.className = 'text';
  for (const id of ids) {
    const s = document.createElement('span');
    s.className = 's';
    s.dataset['id'] = id;
    s.tabIndex = -1;
    s.textContent = `Sentence ${id} here.`;
    box.append(s);
  }
  document.body.append(box);
  let state: PlayerState | null = null;
  const played: string[] = [];
  const host = { addController() {}, requestUpdate() {} } as unknown as ReactiveControllerHost;
  const follow = new FollowAlongController(host, () => box);
  const view = new TextView({ root: () => box, state: () => state, index: () => index, followAlong: () => true, playFrom: (id) => played.push(id) }, follow);
  for (const [type, fn] of [['keydown', view.onKeydown], ['focusin', view.onFocusIn], ['focusout', view.onFocusOut], ['click', view.onClick]] as const) {
    box.addEventListener(type, fn as EventListener);
  }
  const set = (next: Partial<PlayerState>) => {
    state = { status: 'paused', position: null, word: null, ...next } as PlayerState;
    view.sync();
  };
  const el = (id: string) => box.querySelector<HTMLElement>(`[data-id="${id}"]`)!;
  return { box, view, set, el, played, follow };
}

const at = (sentenceId: string) => ({ sentenceId, flatIndex: ids.indexOf(sentenceId), sectionIndex: 0 }) as PlayerState['position'];

afterEach(() => {
  for (const b of document.querySelectorAll('.text')) b.remove();
});

describe('TextView', () => {
  it('marks the first sentence before any position, then follows the store’s place with one tab stop', () => {
    const { set, el } = setup();
    set({});
    expect(el('s1').classList.contains('current')).to.equal(true);
    expect(el('s1').tabIndex).to.equal(0);
    set({ position: at('s2') });
    expect(el('s1').classList.contains('current')).to.equal(false);
    expect(el('s2').classList.contains('current')).to.equal(true);
    expect(ids.map((id) => el(id).tabIndex)).to.deep.equal([-1, 0, -1]);
  });

  it('moves the tab stop with Up and Down, clamps at the ends, and gives it back on leaving', () => {
    const { box, set, el, follow } = setup();
    set({ position: at('s1') });
    el('s1').focus();
    el('s1').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(document.activeElement).to.equal(el('s2'));
    expect(ids.map((id) => el(id).tabIndex)).to.deep.equal([-1, 0, -1]);
    expect(follow.following).to.equal(false);
    el('s2').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    el('s3').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(document.activeElement).to.equal(el('s3'));
    (document.activeElement as HTMLElement).blur();
    expect(box.contains(document.activeElement)).to.equal(false);
    expect(ids.map((id) => el(id).tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('makes only the tab stop a button described by the play hint, and moves both with it', () => {
    const { set, el } = setup();
    const role = () => ids.map((id) => [el(id).getAttribute('role'), el(id).getAttribute('aria-describedby')]);
    set({ position: at('s1') });
    expect(role()).to.deep.equal([['button', PLAY_HINT_ID], [null, null], [null, null]]);
    set({ position: at('s3') });
    expect(role()).to.deep.equal([[null, null], [null, null], ['button', PLAY_HINT_ID]]);
    el('s3').focus();
    el('s3').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    expect(role()).to.deep.equal([[null, null], ['button', PLAY_HINT_ID], [null, null]]);
  });

  it('plays from a sentence on Enter, Space or a click, and ignores modified keys', () => {
    const { el, set, played } = setup();
    set({});
    el('s2').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    el('s3').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    el('s1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    el('s1').click();
    expect(played).to.deep.equal(['s2', 's3', 's1']);
  });

  it('puts the current word in the shared highlight, and takes it out when there is none', () => {
    const { set, view } = setup();
    set({ position: at('s2'), word: { sentenceId: 's2', start: 9, end: 11 } as PlayerState['word'] });
    const hl = CSS.highlights.get(WORD_HIGHLIGHT)!;
    expect(hl.size).to.equal(1);
    const [range] = [...hl] as Range[];
    expect(range!.toString()).to.equal('s2');
    set({ position: at('s2'), word: null });
    expect(hl.size).to.equal(0);
    view.forget();
  });
});
