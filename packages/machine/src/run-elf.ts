import { createRam } from '@rvhv/mmu';
import { CoherentMemory, Hart, type MisalignedPolicy } from '@rvhv/isa';
import { Bus, Htif, NULL_CONSOLE, ramDma, type ConsolePort } from '@rvhv/devices';
import { DEFAULT_RAM_SIZE, DRAM_BASE } from './memory-map.js';
import { loadElf, type LoadedImage } from './load-elf.js';
import { hex64, lastTrap, peekInstruction, type TraceSink } from './trace.js';

/** How a run ended. */
export type RunStatus = 'pass' | 'fail' | 'timeout' | 'error';

export interface RunResult {
  readonly status: RunStatus;
  /** The exit code the program reported through HTIF (0 on pass), or -1 when it did not report one. */
  readonly code: number;
  /** Instructions executed (including ones that trapped). */
  readonly instructions: number;
  /** pc when the run stopped. */
  readonly pc: number;
  /** One line saying how the run ended, for people. */
  readonly message: string;
  /** Things worth knowing that did not stop the run (missing fromhost, ignored HTIF commands). */
  readonly warnings: readonly string[];
}

export interface RunOptions {
  /** Stop with status 'timeout' after this many instructions (default {@link DEFAULT_MAX_INSTRUCTIONS}). */
  readonly maxInstructions?: number;
  /** Where HTIF console output goes (default: dropped). */
  readonly console?: ConsolePort;
  /** RAM size in bytes at {@link DRAM_BASE} (default {@link DEFAULT_RAM_SIZE}). */
  readonly ramSize?: number;
  /** Receives every instruction and trap (runs one instruction at a time: slow). */
  readonly trace?: TraceSink;
  /** Misaligned loads/stores: performed (default) or trapped. */
  readonly misaligned?: MisalignedPolicy;
}

export const DEFAULT_MAX_INSTRUCTIONS = 500_000_000;

/**
 * Instructions between two looks at `tohost`. A program that signals its end
 * spins (or waits) afterwards, so the run overshoots by less than this; the
 * cost of a look is a few loads, negligible at this spacing. While the guest
 * is sending commands (console output, one character at a time) it spins
 * until each is taken, so the run loop looks sooner.
 */
const POLL_INTERVAL = 1024;
const BUSY_POLL_INTERVAL = 64;

/**
 * Runs a bare RISC-V ELF program on one hart with RAM, as Spike or QEMU's
 * spike board would: the image is loaded by physical address, the hart
 * starts in M-mode at the entry point, and the run ends when the program
 * writes its `tohost` symbol (HTIF: 1 = pass, another odd value = failure
 * with code `value >> 1`), after `maxInstructions`, or on an error that
 * stops the program for good (bad image, fetching from outside memory,
 * waiting for an interrupt that cannot come). Never throws for a bad guest.
 */
export function runElf(bytes: Uint8Array, options: RunOptions = {}): RunResult {
  const run = startRun(bytes, options);
  if (!(run instanceof ElfRun)) return run;
  for (;;) {
    const result = run.advance(Number.POSITIVE_INFINITY);
    if (result !== undefined) return result;
  }
}

/**
 * {@link runElf} for callers that must stay responsive (tests, front ends):
 * the program runs in slices of `sliceInstructions`, yielding to the event
 * loop between them, so a long run never blocks timers or I/O.
 */
export async function runElfAsync(bytes: Uint8Array, options: RunOptions = {}, sliceInstructions = 4_000_000): Promise<RunResult> {
  const run = startRun(bytes, options);
  if (!(run instanceof ElfRun)) return run;
  for (;;) {
    const result = run.advance(sliceInstructions);
    if (result !== undefined) return result;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** Loads the image and sets up the hart and HTIF; a result right away when the image is bad. */
function startRun(bytes: Uint8Array, options: RunOptions): ElfRun | RunResult {
  const ram = createRam(DRAM_BASE, options.ramSize ?? DEFAULT_RAM_SIZE);
  const bus = new Bus(ram);
  const memory = new CoherentMemory(bus);
  const loaded = loadElf(bytes, memory);
  if (!loaded.ok) return { status: 'error', code: -1, instructions: 0, pc: 0, message: loaded.error, warnings: [] };
  return new ElfRun(loaded.image, bus, memory, options);
}

/** A program run in progress: {@link ElfRun.advance} runs it further until it ends. */
class ElfRun {
  private readonly hart: Hart;
  private readonly htif: Htif | undefined;
  private readonly warnings: string[] = [];
  private readonly maxInstructions: number;
  private executed = 0;
  private commandsSeen = 0;

  constructor(
    image: LoadedImage,
    private readonly bus: Bus,
    memory: CoherentMemory,
    private readonly options: RunOptions,
  ) {
    this.maxInstructions = options.maxInstructions ?? DEFAULT_MAX_INSTRUCTIONS;
    this.hart = new Hart({ memory, resetPc: image.entry, misaligned: options.misaligned ?? 'perform' });
    if (image.tohost === undefined) {
      this.warnings.push('the program has no tohost symbol: it cannot report a result, so the run ends only by timeout');
    } else {
      if (image.fromhost === undefined) this.warnings.push('the program has no fromhost symbol: HTIF replies are dropped');
      this.htif = new Htif({
        tohost: image.tohost,
        fromhost: image.fromhost,
        memory: ramDma(memory),
        console: options.console ?? NULL_CONSOLE,
      });
    }
  }

  /** Runs up to about `budget` more instructions; the result once the program has ended. */
  advance(budget: number): RunResult | undefined {
    const { hart, htif } = this;
    const stopAt = Math.min(this.maxInstructions, this.executed + budget);
    while (this.executed < stopAt) {
      const busy = htif !== undefined && htif.commands !== this.commandsSeen;
      if (htif !== undefined) this.commandsSeen = htif.commands;
      const chunk = Math.min(busy ? BUSY_POLL_INTERVAL : POLL_INTERVAL, this.maxInstructions - this.executed);
      const done = this.options.trace === undefined ? hart.run(chunk) : runTraced(hart, chunk, this.options.trace);
      this.executed += done;
      if (htif !== undefined && htif.poll()) {
        const state = htif.state;
        if (state.kind === 'exited') {
          return state.code === 0
            ? this.result('pass', 0, `PASS (${this.executed} instructions)`)
            : this.result('fail', state.code, `FAIL: exit code ${state.code} (${this.executed} instructions)`);
        }
        if (state.kind === 'error') return this.result('error', -1, `HTIF error: ${state.message}`);
      }
      if (!this.inMemory(hart.pc)) {
        return this.result(
          'error',
          -1,
          `the hart is fetching from ${hex64(hart.pc)}, outside memory (an unhandled trap?) ${describeTrap(hart)}`,
        );
      }
      if (done < chunk && hart.waiting) {
        return this.result('error', -1, `the hart waits for an interrupt (wfi at ${hex64(hart.pc - 4)}) and no device can raise one`);
      }
    }
    if (this.executed >= this.maxInstructions) {
      return this.result('timeout', -1, `TIMEOUT after ${this.executed} instructions at pc ${hex64(hart.pc)}`);
    }
    return undefined;
  }

  private inMemory(pc: number): boolean {
    const ram = this.bus.ram;
    return (pc >= ram.base && pc < ram.base + ram.size) || this.bus.regionAt(pc) !== undefined;
  }

  private result(status: RunStatus, code: number, message: string): RunResult {
    if (this.htif !== undefined) for (const c of this.htif.ignored) this.warnings.push(`ignored HTIF ${c}`);
    return { status, code, instructions: this.executed, pc: this.hart.pc, message, warnings: this.warnings };
  }
}

/** Runs up to `limit` instructions one by one, reporting each and every trap; returns how many ran. */
function runTraced(hart: Hart, limit: number, sink: TraceSink): number {
  let done = 0;
  while (done < limit) {
    if (hart.takeInterrupt()) sink(lastTrap(hart));
    const pc = hart.pc;
    const raw = peekInstruction(hart, pc);
    const before = hart.instret;
    if (hart.run(1) === 0) break;
    done++;
    sink({ kind: 'instruction', pc, raw });
    if (hart.instret === before) sink(lastTrap(hart));
  }
  return done;
}

function describeTrap(hart: Hart): string {
  const t = lastTrap(hart);
  return `(last trap: cause ${t.cause}, epc ${hex64(t.epc)}, tval ${hex64(t.tval)})`;
}
