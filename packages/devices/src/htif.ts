import type { ConsolePort } from './console-port.js';
import type { DmaPort } from './dma-port.js';
import { hexAddress } from './memory-map.js';

/**
 * HTIF, the Berkeley host-target interface as Spike's front-end server
 * (riscv-isa-sim `fesvr/htif.cc`, `device.cc`, `syscall.cc`) and QEMU's spike
 * board implement it.
 *
 * The target writes a 64-bit command to the `tohost` doubleword:
 *
 *     63      56 55      48 47                              0
 *     | device  | command  |            payload             |
 *
 * The host polls `tohost`, clears it, and carries the command out; replies
 * go to `fromhost` (written only while `fromhost` is zero, so the target
 * consumes them one at a time). Both words are ordinary RAM named by the
 * program's `tohost`/`fromhost` symbols, so this device is polled by the
 * run loop between batches of instructions, as Spike does.
 *
 * Devices served here:
 * - 0, the syscall proxy (command 0). An odd payload ends the program with
 *   exit code `payload >> 1` (so `tohost = 1` is a pass); an even payload
 *   points to `magic_mem`, eight doublewords `[which, arg0, arg1, arg2, ...]`
 *   whose first is overwritten with the result (riscv-tests
 *   `benchmarks/common/syscalls.c`); then `fromhost = 1`.
 * - 1, the console ("bcd"): command 1 writes the payload's low byte to the
 *   console (no reply, like Spike); command 0 reads a byte, answered with
 *   `0x100 | byte` once input is available.
 */

export const HTIF_DEVICE = { syscall: 0, console: 1 } as const;
export const HTIF_CONSOLE_COMMAND = { getc: 0, putc: 1 } as const;
/** Syscall numbers of the proxy: the RISC-V Linux numbers (riscv-pk / fesvr `syscall.cc`). */
export const HTIF_SYSCALL = { write: 64, exit: 93 } as const;

/** Negative errno results of the syscall proxy (Linux values, as fesvr returns them). */
const EBADF = 9;
const EFAULT = 14;
/** Largest single `write` the proxy copies; bigger requests are short writes (the caller loops). */
const MAX_WRITE = 1 << 20;
const STDOUT = 1;
const STDERR = 2;

export type HtifState =
  | { readonly kind: 'running' }
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'error'; readonly message: string };

export interface HtifOptions {
  /** Physical address of the `tohost` doubleword. */
  readonly tohost: number;
  /** Physical address of `fromhost`; without it replies are dropped. */
  readonly fromhost?: number;
  readonly memory: DmaPort;
  readonly console: ConsolePort;
}

/** A 64-bit HTIF word as two uint32 halves. */
interface Halves {
  lo: number;
  hi: number;
}

export class Htif {
  private readonly tohost: number;
  private readonly fromhost: number | undefined;
  private readonly memory: DmaPort;
  private readonly console: ConsolePort;
  private readonly word = new Uint8Array(8);
  private readonly wordView = new DataView(this.word.buffer);
  private readonly replies: Halves[] = [];
  private readonly input: number[] = [];
  private pendingReads = 0;
  private current: HtifState = { kind: 'running' };
  /** Commands the host does not know, ignored as Spike and QEMU ignore them; kept for diagnostics. */
  readonly ignored: string[] = [];
  /** Commands taken from tohost so far (a run loop polls sooner while the guest is talking). */
  commands = 0;

  constructor(options: HtifOptions) {
    this.tohost = options.tohost;
    this.fromhost = options.fromhost;
    this.memory = options.memory;
    this.console = options.console;
  }

  /** Whether the program is still running, has exited (with its code), or misused HTIF. */
  get state(): HtifState {
    return this.current;
  }

  /** Queues console input for HTIF console reads. */
  pushInput(bytes: Uint8Array): void {
    for (const b of bytes) this.input.push(b);
    this.serveReads();
  }

  /**
   * Takes one command from `tohost` if the target left one, and delivers a
   * queued reply to `fromhost` if the target consumed the previous one.
   * Returns true when the program has stopped (exited or error).
   */
  poll(): boolean {
    if (this.current.kind !== 'running') return true;
    const cmd = this.readWord(this.tohost);
    if (cmd === undefined) return this.fail(`tohost at ${hexAddress(this.tohost)} is not in memory`);
    if (cmd.lo !== 0 || cmd.hi !== 0) {
      this.writeWord(this.tohost, 0, 0);
      this.commands++;
      this.execute(cmd);
    }
    this.deliverReply();
    return this.current.kind !== 'running';
  }

  private execute(cmd: Halves): void {
    const device = cmd.hi >>> 24;
    const command = (cmd.hi >>> 16) & 0xff;
    const payloadHi = cmd.hi & 0xffff;
    if (device === HTIF_DEVICE.syscall && command === 0) {
      if ((cmd.lo & 1) !== 0) {
        // exit code = payload >> 1 (a 47-bit value, exact as a number)
        this.current = { kind: 'exited', code: payloadHi * 0x8000_0000 + (cmd.lo >>> 1) };
        return;
      }
      this.syscall(payloadHi * 0x1_0000_0000 + cmd.lo);
      return;
    }
    if (device === HTIF_DEVICE.console && command === HTIF_CONSOLE_COMMAND.putc) {
      this.console.write(Uint8Array.of(cmd.lo & 0xff));
      return;
    }
    if (device === HTIF_DEVICE.console && command === HTIF_CONSOLE_COMMAND.getc) {
      this.pendingReads++;
      this.serveReads();
      return;
    }
    this.ignored.push(`device ${device} command ${command}`);
  }

  /** The syscall proxy: `magic_mem` at `pointer` holds [which, arg0, arg1, arg2, ...]. */
  private syscall(pointer: number): void {
    const magic = new Uint8Array(64);
    if (!this.memory.read(pointer, magic)) {
      this.fail(`syscall block at ${hexAddress(pointer)} (from tohost) is not in memory`);
      return;
    }
    const view = new DataView(magic.buffer);
    const arg = (i: number): number => view.getUint32(i * 8 + 4, true) * 0x1_0000_0000 + view.getUint32(i * 8, true);
    const which = arg(0);
    let result: number;
    if (which === HTIF_SYSCALL.write) {
      result = this.sysWrite(arg(1), arg(2), arg(3));
    } else if (which === HTIF_SYSCALL.exit) {
      this.current = { kind: 'exited', code: arg(1) };
      return;
    } else {
      this.fail(`unsupported syscall ${which} through the HTIF syscall proxy`);
      return;
    }
    const lo = result | 0;
    const hi = result < 0 ? -1 : Math.floor(result / 0x1_0000_0000);
    this.writeWord(pointer, lo, hi);
    this.replies.push({ lo: 1, hi: 0 });
  }

  private sysWrite(fd: number, buffer: number, length: number): number {
    if (fd !== STDOUT && fd !== STDERR) return -EBADF;
    const count = Math.min(length, MAX_WRITE);
    const bytes = new Uint8Array(count);
    if (!this.memory.read(buffer, bytes)) return -EFAULT;
    this.console.write(bytes);
    return count;
  }

  private serveReads(): void {
    while (this.pendingReads > 0 && this.input.length > 0) {
      const byte = this.input.shift()!;
      this.pendingReads--;
      this.replies.push({ lo: 0x100 | byte, hi: (HTIF_DEVICE.console << 24) | (HTIF_CONSOLE_COMMAND.getc << 16) });
    }
  }

  private deliverReply(): void {
    if (this.replies.length === 0 || this.fromhost === undefined) {
      if (this.fromhost === undefined) this.replies.length = 0;
      return;
    }
    const now = this.readWord(this.fromhost);
    if (now === undefined) {
      this.fail(`fromhost at ${hexAddress(this.fromhost)} is not in memory`);
      return;
    }
    if (now.lo !== 0 || now.hi !== 0) return;
    const reply = this.replies.shift()!;
    this.writeWord(this.fromhost, reply.lo, reply.hi);
  }

  private readWord(paddr: number): Halves | undefined {
    if (!this.memory.read(paddr, this.word)) return undefined;
    return { lo: this.wordView.getUint32(0, true), hi: this.wordView.getUint32(4, true) };
  }

  private writeWord(paddr: number, lo: number, hi: number): void {
    this.wordView.setUint32(0, lo >>> 0, true);
    this.wordView.setUint32(4, hi >>> 0, true);
    this.memory.write(paddr, this.word);
  }

  private fail(message: string): true {
    this.current = { kind: 'error', message };
    return true;
  }
}
