import { createRam } from '@rvhv/mmu';
import { CoherentMemory, Hart, type MisalignedPolicy } from '@rvhv/isa';
import { Bus, Htif, NULL_CONSOLE, ramDma, type ConsolePort } from '@rvhv/devices';
import { DEFAULT_RAM_SIZE, DRAM_BASE } from './memory-map.js';
import { loadElf } from './load-elf.js';
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
  const maxInstructions = options.maxInstructions ?? DEFAULT_MAX_INSTRUCTIONS;
  const ram = createRam(DRAM_BASE, options.ramSize ?? DEFAULT_RAM_SIZE);
  const bus = new Bus(ram);
  const memory = new CoherentMemory(bus);
  const loaded = loadElf(bytes, memory);
  const warnings: string[] = [];
  if (!loaded.ok) return { status: 'error', code: -1, instructions: 0, pc: 0, message: loaded.error, warnings };
  const image = loaded.image;

  const hart = new Hart({ memory, resetPc: image.entry, misaligned: options.misaligned ?? 'perform' });
  let htif: Htif | undefined;
  if (image.tohost === undefined) {
    warnings.push('the program has no tohost symbol: it cannot report a result, so the run ends only by timeout');
  } else {
    if (image.fromhost === undefined) warnings.push('the program has no fromhost symbol: HTIF replies are dropped');
    htif = new Htif({ tohost: image.tohost, fromhost: image.fromhost, memory: ramDma(memory), console: options.console ?? NULL_CONSOLE });
  }

  const inMemory = (pc: number): boolean => (pc >= ram.base && pc < ram.base + ram.size) || bus.regionAt(pc) !== undefined;
  const result = (status: RunStatus, code: number, message: string): RunResult => {
    if (htif !== undefined) for (const c of htif.ignored) warnings.push(`ignored HTIF ${c}`);
    return { status, code, instructions: executed, pc: hart.pc, message, warnings };
  };

  let executed = 0;
  let commandsSeen = 0;
  while (executed < maxInstructions) {
    const busy = htif !== undefined && htif.commands !== commandsSeen;
    if (htif !== undefined) commandsSeen = htif.commands;
    const chunk = Math.min(busy ? BUSY_POLL_INTERVAL : POLL_INTERVAL, maxInstructions - executed);
    const done = options.trace === undefined ? hart.run(chunk) : runTraced(hart, chunk, options.trace);
    executed += done;
    if (htif !== undefined && htif.poll()) {
      const state = htif.state;
      if (state.kind === 'exited') {
        return state.code === 0
          ? result('pass', 0, `PASS (${executed} instructions)`)
          : result('fail', state.code, `FAIL: exit code ${state.code} (${executed} instructions)`);
      }
      if (state.kind === 'error') return result('error', -1, `HTIF error: ${state.message}`);
    }
    if (!inMemory(hart.pc)) {
      return result('error', -1, `the hart is fetching from ${hex64(hart.pc)}, outside memory (an unhandled trap?) ${describeTrap(hart)}`);
    }
    if (done < chunk && hart.waiting) {
      return result('error', -1, `the hart waits for an interrupt (wfi at ${hex64(hart.pc - 4)}) and no device can raise one`);
    }
  }
  return result('timeout', -1, `TIMEOUT after ${executed} instructions at pc ${hex64(hart.pc)}`);
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
