import { describe, expect, it } from 'vitest';
import { ConsoleEscape, type ConsoleEvent } from '../src/index.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const show = (events: ConsoleEvent[]) => events.map((e) => (e.kind === 'input' ? new TextDecoder().decode(e.bytes) : e.command));

describe("the console's Ctrl-A escapes (QEMU's -nographic mux)", () => {
  it('passes ordinary input through untouched, Ctrl-C included', () => {
    expect(show(new ConsoleEscape().feed(text('ls -l\r\x03')))).toEqual(['ls -l\r\x03']);
  });

  it('turns Ctrl-A x, h, ? and s into commands, in order with the input around them', () => {
    expect(show(new ConsoleEscape().feed(text('ab\x01hcd\x01?\x01s\x01x')))).toEqual(['ab', 'help', 'cd', 'help', 'flush-disks', 'quit']);
  });

  it('sends one Ctrl-A for Ctrl-A Ctrl-A', () => {
    expect(show(new ConsoleEscape().feed(text('a\x01\x01b')))).toEqual(['a', '\x01', 'b']);
  });

  it('pairs a Ctrl-A at the end of a chunk with the next chunk', () => {
    const escape = new ConsoleEscape();
    expect(show(escape.feed(text('abc\x01')))).toEqual(['abc']);
    expect(show(escape.feed(text('xdef')))).toEqual(['quit', 'def']);
  });

  it("names QEMU's commands that rvhv lacks, and drops Ctrl-A with any other key", () => {
    expect(show(new ConsoleEscape().feed(text('\x01c\x01t\x01zq')))).toEqual([{ unsupported: 'the monitor (C-a c)' }, { unsupported: 'console timestamps (C-a t)' }, 'q']);
  });
});
