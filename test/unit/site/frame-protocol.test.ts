import { describe, expect, it } from 'vitest';
import { allowedOrigins, parseCommand } from '../../../site/embed/frame-protocol.ts';

describe('parseCommand', () => {
  it('accepts the commands of the protocol', () => {
    expect(parseCommand({ aloud: 1, type: 'command', command: 'play' })).toEqual({ command: 'play' });
    expect(parseCommand({ aloud: 1, type: 'command', command: 'seek', arg: 's2p1s1', id: 7 })).toEqual({
      command: 'seek',
      arg: 's2p1s1',
      id: 7,
    });
    expect(parseCommand({ aloud: 1, type: 'command', command: 'setRate', arg: 1.5 })).toEqual({
      command: 'setRate',
      arg: 1.5,
    });
  });

  it.each([
    ['a string', 'play'],
    ['null', null],
    ['another protocol version', { aloud: 2, type: 'command', command: 'play' }],
    ['an unknown command', { aloud: 1, type: 'command', command: 'eval' }],
    ['an inherited name', { aloud: 1, type: 'command', command: 'constructor' }],
    ['seek without an id', { aloud: 1, type: 'command', command: 'seek' }],
    ['seek with a number', { aloud: 1, type: 'command', command: 'seek', arg: 3 }],
    ['setRate with a string', { aloud: 1, type: 'command', command: 'setRate', arg: '2' }],
    ['setRate with NaN', { aloud: 1, type: 'command', command: 'setRate', arg: Number.NaN }],
    ['a fractional id', { aloud: 1, type: 'command', command: 'play', id: 1.5 }],
  ])('ignores %s', (_name, data) => {
    expect(parseCommand(data)).toBeNull();
  });
});

describe('allowedOrigins', () => {
  const own = 'https://player.example';
  it('defaults to the frame’s own origin', () => {
    expect(allowedOrigins('?src=a.json', own)).toEqual([own]);
  });
  it('reads a list of origins and normalises them', () => {
    expect(allowedOrigins('?origin=https://news.example/path,http://localhost:8080', own)).toEqual([
      'https://news.example',
      'http://localhost:8080',
    ]);
  });
  it('refuses wildcards, null and other schemes', () => {
    expect(allowedOrigins('?origin=*', own)).toEqual([own]);
    expect(allowedOrigins('?origin=null,javascript:alert(1)', own)).toEqual([own]);
  });
});
