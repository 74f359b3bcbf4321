/** Ctrl-A: the escape character of QEMU's -nographic console (its "mux"). */
export const ESCAPE_CHAR = 0x01;

/** What a Ctrl-A sequence asks of rvhv. */
export type EscapeCommand = 'quit' | 'help' | 'flush-disks' | { readonly unsupported: string };

/** Input split into what the guest gets and what rvhv does, in the order typed. */
export type ConsoleEvent = { readonly kind: 'input'; readonly bytes: Uint8Array } | { readonly kind: 'command'; readonly command: EscapeCommand };

/** Ctrl-A h's text (lines end in CR LF: the terminal is in raw mode). */
export const ESCAPE_HELP = [
  'C-a h    print this help',
  'C-a x    exit rvhv',
  'C-a s    write cached disk data back to the image files',
  'C-a C-a  send C-a to the guest',
]
  .map((line) => `${line}\r\n`)
  .join('');

/** QEMU's other mux commands, which rvhv does not have. */
const UNSUPPORTED: Record<string, string> = {
  t: 'console timestamps (C-a t)',
  b: 'sending a break (C-a b)',
  c: 'the monitor (C-a c)',
};

/**
 * The escape handling of QEMU's -nographic console: Ctrl-A followed by a
 * letter is a command for the emulator (x quits, h prints help, s writes
 * disks back), Ctrl-A Ctrl-A sends one Ctrl-A to the guest, and Ctrl-A
 * followed by anything else is dropped, as QEMU does. Everything else goes
 * to the guest unchanged. A Ctrl-A at the end of one chunk of input pairs
 * with the first byte of the next.
 */
export class ConsoleEscape {
  private afterEscape = false;

  feed(bytes: Uint8Array): ConsoleEvent[] {
    const events: ConsoleEvent[] = [];
    let start = 0;
    const flushInput = (end: number): void => {
      if (end > start) events.push({ kind: 'input', bytes: bytes.slice(start, end) });
    };
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.afterEscape) {
        this.afterEscape = false;
        start = i + 1;
        if (b === ESCAPE_CHAR) {
          events.push({ kind: 'input', bytes: Uint8Array.of(ESCAPE_CHAR) });
          continue;
        }
        const command = commandFor(String.fromCharCode(b));
        if (command !== undefined) events.push({ kind: 'command', command });
        continue;
      }
      if (b === ESCAPE_CHAR) {
        flushInput(i);
        this.afterEscape = true;
        start = i + 1;
      }
    }
    if (!this.afterEscape) flushInput(bytes.length);
    return events;
  }
}

function commandFor(letter: string): EscapeCommand | undefined {
  switch (letter) {
    case 'x':
      return 'quit';
    case 'h':
    case '?':
      return 'help';
    case 's':
      return 'flush-disks';
    default: {
      const what = UNSUPPORTED[letter];
      return what === undefined ? undefined : { unsupported: what };
    }
  }
}
