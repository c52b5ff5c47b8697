import { describe, expect, it } from 'vitest';
import { Announcer } from '../../../src/ui/controllers/announcer.ts';
import { strings as english, type UiStrings } from '../../../src/ui/strings.ts';

function setup() {
  let updates = 0;
  let ready: (() => void) | null = null;
  let catalogue: UiStrings = english;
  const waiting: ((s: UiStrings) => void)[] = [];
  const locale = {
    whenReady(fn: (s: UiStrings) => void) {
      if (ready) waiting.push(fn);
      else fn(catalogue);
    },
  };
  const announcer = new Announcer(locale, () => void updates++);
  return {
    announcer,
    updates: () => updates,
    /** The next messages wait, as while a language's chunk is loading. */
    loading(next: UiStrings) {
      ready = () => {
        catalogue = next;
        ready = null;
        for (const fn of waiting.splice(0)) fn(catalogue);
      };
    },
    loaded: () => ready?.(),
  };
}

describe('the announcer (the one live region)', () => {
  it('says a message and asks for a render', () => {
    const a = setup();
    a.announcer.say('Paused');
    expect(a.announcer.text).toBe('Paused');
    expect(a.updates()).toBe(1);
  });

  it('makes the same words twice differ, so a live region says them again', () => {
    const a = setup();
    a.announcer.say('Section 2 of 4');
    a.announcer.say('Section 2 of 4');
    expect(a.announcer.text).not.toBe('Section 2 of 4');
    expect(a.announcer.text.trim()).toBe('Section 2 of 4');
    a.announcer.say('Section 2 of 4');
    expect(a.announcer.text).toBe('Section 2 of 4');
  });

  it('says a message of the catalogue in the language that is loading, not in English first', () => {
    const a = setup();
    a.loading({ ...english, cancelled: 'Abgebrochen' });
    a.announcer.say((t) => t.cancelled);
    expect(a.announcer.text).toBe('');
    a.loaded();
    expect(a.announcer.text).toBe('Abgebrochen');
  });
});

describe('the announcer with a host', () => {
  it('says what a slotted piece announces (aloud-announce from inside the host), and ignores an empty one', () => {
    const host = new EventTarget();
    let updates = 0;
    const announcer = new Announcer({ whenReady: (fn) => fn(english) }, () => void updates++, host);
    host.dispatchEvent(new CustomEvent('aloud-announce', { detail: { message: 'Saved for offline.' } }));
    expect(announcer.text).toBe('Saved for offline.');
    host.dispatchEvent(new CustomEvent('aloud-announce', { detail: {} }));
    expect(announcer.text).toBe('Saved for offline.');
    expect(updates).toBe(1);
  });
});
