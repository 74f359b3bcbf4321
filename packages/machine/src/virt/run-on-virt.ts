import { NULL_CONSOLE, type ConsolePort } from '@rvhv/devices';
import { DEFAULT_MAX_INSTRUCTIONS, type RunResult, type RunStatus } from '../run-elf.js';
import { hex64 } from '../trace.js';
import { createVirtMachine, type VirtTimeSource } from './create-virt-machine.js';
import type { VirtioDeviceSpec } from './virt-board.js';

export interface RunOnVirtOptions {
  /** Where the UART's and HTIF's console output goes (default: dropped). */
  readonly console?: ConsolePort;
  /** Typed on the console before the program starts (the UART keeps it until the program reads it). */
  readonly input?: Uint8Array;
  readonly virtio?: readonly VirtioDeviceSpec[];
  /** Default 1. */
  readonly harts?: number;
  readonly ramSize?: number;
  /** Stop with status 'timeout' after this many instructions (all harts together; default {@link DEFAULT_MAX_INSTRUCTIONS}). */
  readonly maxInstructions?: number;
  /** Default: the instruction count (the same program gives the same run). */
  readonly time?: VirtTimeSource;
  readonly sliceInstructions?: number;
}

/**
 * Runs a bare program on the `virt` board, as `qemu-system-riscv64 -M virt
 * -bios prog.elf` would: the boot ROM enters it in M-mode with a0 = hartid
 * and a1 = the DTB, every device is there (UART, PLIC, CLINT, virtio...),
 * and the program reports through HTIF (its `tohost` symbol) like on the
 * bare runner, or powers the board off through the test device (code 0 is
 * a pass). Synchronous and deterministic by default; never throws for a bad
 * program.
 */
export function runOnVirt(elf: Uint8Array, options: RunOnVirtOptions = {}): RunResult {
  const created = createVirtMachine({
    images: { bios: elf, names: { bios: 'program' } },
    harts: options.harts,
    ramSize: options.ramSize,
    virtio: options.virtio,
    console: options.console ?? NULL_CONSOLE,
    time: options.time,
    sliceInstructions: options.sliceInstructions,
    onReset: 'stop',
  });
  const warnings: string[] = [];
  if (!created.ok) return { status: 'error', code: -1, instructions: 0, pc: 0, message: created.error, warnings };
  const { machine, plan } = created;
  if (plan.htif === undefined) warnings.push('the program has no tohost symbol: it can end only by powering off');
  if (options.input !== undefined) machine.receiveInput(options.input);

  const max = options.maxInstructions ?? DEFAULT_MAX_INSTRUCTIONS;
  const progress = machine.runFor(max);
  const pc = machine.harts[0]!.pc;
  const result = (status: RunStatus, code: number, message: string): RunResult => ({ status, code, instructions: machine.instructions, pc, message, warnings });
  if (progress.kind === 'running') return result('timeout', -1, `TIMEOUT after ${machine.instructions} instructions at pc ${hex64(pc)}`);
  if (progress.kind === 'idle') {
    return result('error', -1, `every hart waits for an interrupt (pc ${hex64(pc)}) and no device will raise one`);
  }
  const r = progress.result;
  switch (r.reason) {
    case 'exit':
    case 'poweroff':
      return r.code === 0 ? result('pass', 0, `PASS (${r.instructions} instructions)`) : result('fail', r.code ?? -1, `FAIL: exit code ${r.code} (${r.instructions} instructions)`);
    case 'reset':
      return result('error', -1, `the program reset the board (${r.instructions} instructions)`);
    default:
      return result('error', -1, r.message);
  }
}
