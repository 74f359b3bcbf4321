import type { Hart } from '@rvhv/isa';
import type { Clock, Htif } from '@rvhv/devices';
import type { VirtBoard } from './virt-board.js';
import type { InstructionClock } from './instruction-clock.js';

/** Why a run ended. */
export type VirtStopReason =
  /** The guest powered the board off (sifive_test / SBI SRST shutdown). */
  | 'poweroff'
  /** The guest asked for a reset and the board was told not to reboot (`-no-reboot`). */
  | 'reset'
  /** A bare program ended through HTIF. */
  | 'exit'
  /** The host stopped the run (Ctrl-A x, a test). */
  | 'host'
  /** The instruction budget of the run was used up. */
  | 'limit'
  /** A bare program misused HTIF. */
  | 'error';

export interface VirtRunResult {
  readonly reason: VirtStopReason;
  /** The exit code the guest gave (poweroff, HTIF exit); undefined when it gave none. */
  readonly code: number | undefined;
  /** Instructions executed by all harts since the machine was created. */
  readonly instructions: number;
  /** One line for people. */
  readonly message: string;
}

/** What a synchronous stretch of {@link VirtMachine.runFor} left the machine doing. */
export type VirtProgress =
  | { readonly kind: 'running' }
  /** Every hart waits (WFI) until clock time `until` (in {@link Clock.now} ticks; Infinity: until input). */
  | { readonly kind: 'idle'; readonly until: number }
  | { readonly kind: 'stopped'; readonly result: VirtRunResult };

/** One power-on of the board: its hardware and, for bare programs, the HTIF mailbox. */
export interface BoardInstance {
  readonly board: VirtBoard;
  readonly htif: Htif | undefined;
}

export interface VirtMachineParts {
  /** The board as built and loaded at power-on. */
  readonly first: BoardInstance;
  /** Builds and loads a fresh board the same way: at every guest reset. */
  readonly rebuild: () => BoardInstance;
  readonly clock: Clock;
  /** Present when time follows the instruction count (deterministic runs). */
  readonly instructionClock: InstructionClock | undefined;
  /** The DTB handed to the firmware. */
  readonly dtb: Uint8Array;
  /** A guest reset reboots the board, or ends the run (`-no-reboot`). */
  readonly onReset: 'reboot' | 'stop';
  /** Instructions a hart runs before the next one gets its turn. */
  readonly slice: number;
}

/** Slice while a bare program talks through HTIF: it spins until each command is taken. */
const HTIF_BUSY_SLICE = 64;
/** Instructions between returns to the host's event loop in {@link VirtMachine.run}. */
const RUN_CHUNK = 1_000_000;
/** Longest single host sleep while idle: the loop looks again at least this often (and keeps the host process alive). */
const MAX_IDLE_MS = 1000;

/**
 * The `virt` machine: a board plus its run loop. The harts take turns in
 * time slices on one host thread (round robin); between slices the loop
 * brings device time up to date (CLINT timer interrupts, RTC alarm), looks
 * at HTIF, and acts on power events. When every hart waits in WFI it does
 * not spin: with time from the instruction count it jumps time to the next
 * timer deadline; with the host's clock it sleeps until then, or until
 * host input arrives ({@link receiveInput} wakes it).
 *
 * {@link runFor} runs synchronously (tests, benchmarks); {@link run} is the
 * asynchronous loop for interactive use, returning to the host's event loop
 * regularly so console input and Ctrl-A x are seen.
 */
export class VirtMachine {
  /** The DTB the firmware gets in a1 (what `-machine dumpdtb=` writes). */
  readonly dtb: Uint8Array;
  readonly clock: Clock;
  private readonly parts: VirtMachineParts;
  private instance: BoardInstance;
  private stopRequest: string | undefined;
  private finished: VirtRunResult | undefined;
  /** Instructions of boards before the last reset. */
  private earlier = 0;
  private htifCommands = 0;
  private wakeUp: (() => void) | undefined;
  private next = 0;

  constructor(parts: VirtMachineParts) {
    this.parts = parts;
    this.dtb = parts.dtb;
    this.clock = parts.clock;
    this.instance = parts.first;
  }

  /** The board now running (a new one after each guest reset). */
  get board(): VirtBoard {
    return this.instance.board;
  }

  get harts(): readonly Hart[] {
    return this.instance.board.harts;
  }

  /** Instructions executed by all harts so far. */
  get instructions(): number {
    let n = this.earlier;
    for (const h of this.instance.board.harts) n += h.cycles;
    return n;
  }

  /** How the machine stopped, once it has. */
  get result(): VirtRunResult | undefined {
    return this.finished;
  }

  /** Host input for the console (keystrokes): the UART's receiver, and HTIF's for bare programs. */
  receiveInput(bytes: Uint8Array): void {
    this.instance.board.uart.receive(bytes);
    this.instance.htif?.pushInput(bytes);
    this.wake();
  }

  /** Asks the run to end (Ctrl-A x): it stops after the current slice with reason 'host'. */
  stop(message = 'stopped by the host'): void {
    this.stopRequest ??= message;
    this.wake();
  }

  /**
   * Runs about `budget` instructions (all harts together) synchronously,
   * or less when the machine stops or every hart waits with no deadline
   * that time can reach without the host.
   */
  runFor(budget: number): VirtProgress {
    if (this.finished) return { kind: 'stopped', result: this.finished };
    const { slice } = this.parts;
    const iclock = this.parts.instructionClock;
    let done = 0;
    while (done < budget) {
      const { board, htif } = this.instance;
      const harts = board.harts;
      let ran = 0;
      for (let k = 0; k < harts.length && done < budget; k++) {
        // Round robin that continues where the last call stopped, so short budgets are fair too.
        const hart = harts[this.next]!;
        this.next = (this.next + 1) % harts.length;
        board.updateTime();
        const busy = htif !== undefined && htif.commands !== this.htifCommands;
        const limit = Math.min(busy ? HTIF_BUSY_SLICE : slice, budget - done);
        if (htif !== undefined) this.htifCommands = htif.commands;
        iclock?.beginSlice(hart);
        const n = hart.run(limit);
        iclock?.endSlice();
        ran += n;
        done += n;
        const stopped = this.afterSlice();
        if (stopped) return stopped;
        // A guest reset put a new board in place: start a fresh round on it.
        if (this.instance.board !== board) break;
      }
      if (ran === 0) {
        // Nobody ran: every hart waits. Time may have woken one meanwhile; if not, wait for the next deadline.
        board.updateTime();
        if (this.anyHartCanWake()) continue;
        const until = this.nextDeadline();
        if (iclock !== undefined && until !== Infinity) {
          iclock.skipTo(until);
          continue;
        }
        return { kind: 'idle', until };
      }
    }
    return { kind: 'running' };
  }

  /**
   * Runs until the machine stops (or `maxInstructions` more have run):
   * the interactive loop. Sleeps while every hart waits, returns to the
   * event loop every million instructions or so.
   */
  async run(options: { readonly maxInstructions?: number } = {}): Promise<VirtRunResult> {
    const limit = options.maxInstructions ?? Infinity;
    const start = this.instructions;
    while (true) {
      const left = limit - (this.instructions - start);
      if (left <= 0) return this.finish('limit', undefined, `instruction limit reached (${this.instructions} instructions)`);
      const progress = this.runFor(Math.min(RUN_CHUNK, left));
      if (progress.kind === 'stopped') return progress.result;
      if (progress.kind === 'idle') {
        const ms = progress.until === Infinity ? MAX_IDLE_MS : ((progress.until - this.clock.now()) * 1000) / this.clock.frequency;
        await this.sleep(Math.min(MAX_IDLE_MS, Math.max(0, ms)));
      } else {
        await yieldToHost();
      }
    }
  }

  /** Records how the run ended (the first reason sticks). */
  private finish(reason: VirtStopReason, code: number | undefined, message: string): VirtRunResult {
    this.finished ??= { reason, code, instructions: this.instructions, message };
    return this.finished;
  }

  /** Acts on what happened during a slice; returns the end of the run, if it ended. */
  private afterSlice(): VirtProgress | undefined {
    const { htif } = this.instance;
    if (htif !== undefined && htif.poll()) {
      const state = htif.state;
      if (state.kind === 'exited') {
        const what = state.code === 0 ? 'PASS' : `FAIL: exit code ${state.code}`;
        return this.stopped('exit', state.code, `${what} (${this.instructions} instructions)`);
      }
      if (state.kind === 'error') return this.stopped('error', undefined, `HTIF error: ${state.message}`);
    }
    const power = this.instance.board.test.take();
    if (power !== undefined) {
      if (power.kind === 'poweroff') return this.stopped('poweroff', power.code, `the guest powered off with code ${power.code}`);
      if (this.parts.onReset === 'stop') return this.stopped('reset', undefined, 'the guest asked for a reset (no reboot)');
      this.reboot();
    }
    if (this.stopRequest !== undefined) return this.stopped('host', undefined, this.stopRequest);
    return undefined;
  }

  private stopped(reason: VirtStopReason, code: number | undefined, message: string): VirtProgress {
    return { kind: 'stopped', result: this.finish(reason, code, message) };
  }

  /** A guest reset: a fresh board with the images loaded again; time goes on. */
  private reboot(): void {
    this.earlier = this.instructions;
    this.instance = this.parts.rebuild();
    this.next = 0;
    this.htifCommands = 0;
  }

  /**
   * The clock time of the next timer event (CLINT mtimecmp, RTC alarm, a
   * hart's Sstc comparators), or Infinity. Each candidate counts only if it
   * lies ahead: a comparator set to "never" (all ones) wraps around in the
   * CLINT's clock arithmetic and comes out as a time already past.
   */
  private nextDeadline(): number {
    const { board } = this.instance;
    const now = this.clock.now();
    let until = Infinity;
    const consider = (at: number): void => {
      if (at > now && at < until) until = at;
    };
    consider(board.clint.nextDeadline());
    consider(board.rtc.nextDeadline());
    // The harts' comparators count platform time (mtime); mtime - clock is the CLINT's offset.
    const offset = board.clint.mtime() - now;
    for (const h of board.harts) consider(h.timerDeadline() - offset);
    return until;
  }

  /** Whether a hart can run now: one not waiting, or waiting with an interrupt pending and enabled. */
  private anyHartCanWake(): boolean {
    return this.instance.board.harts.some((h) => !h.waiting || h.wakeUpPending());
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

/** Lets the host's event loop run (stdin, timers) before continuing: setImmediate where there is one (Node), else a 0 ms timer. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
