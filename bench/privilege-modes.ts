/**
 * The integer loop of cpu-loops.c in three privilege modes, on rvhv alone:
 * M-mode (no translation), S-mode with Sv39 paging, and VS-mode with
 * two-stage translation (Sv39 over Sv39x4), both with 4 KiB pages
 * (programs/enter-mode.S sets them up). Once the TLBs are warm the
 * translated modes should cost about what M-mode costs, and two stages no
 * more than one.
 *
 * The machine running the benchmark is shared and loaded, so absolute
 * rates drift: the three programs run in alternation, several rounds, and
 * the report gives the median rate of each and the median of the per-round
 * ratios to M-mode (and of VS to S), all in CPU time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferedConsole } from '@rvhv/devices';
import { runElf } from '@rvhv/machine';
import { buildBareC } from '@rvhv/guests';

export interface ModeReport {
  readonly mode: string;
  readonly instructions: number;
  /** Median M instructions per CPU second. */
  readonly cpuMips: number;
  /** Median per-round ratio of this mode's rate to M-mode's. */
  readonly vsMachine: number;
}

export interface ModesResult {
  readonly modes: readonly ModeReport[];
  /** Median per-round ratio of the VS-mode rate to the S-mode rate. */
  readonly vsOverS: number;
  readonly rounds: number;
}

const MODES = [
  { name: 'M (no translation)', define: undefined },
  { name: 'S (Sv39)', define: 1 },
  { name: 'VS (Sv39 over Sv39x4)', define: 2 },
] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Instructions and CPU seconds of one run; throws unless the program passes with `expected` output. */
function run(elf: Uint8Array, expected: string | undefined): { instructions: number; cpuSeconds: number; output: string } {
  const console = new BufferedConsole();
  const cpu = process.cpuUsage();
  const result = runElf(elf, { console, maxInstructions: 20_000_000_000 });
  const used = process.cpuUsage(cpu);
  if (result.status !== 'pass') throw new Error(`rvhv: ${result.message}`);
  const output = console.text();
  if (expected !== undefined && output !== expected) throw new Error(`checksums differ between modes: ${output.trim()} vs ${expected.trim()}`);
  return { instructions: result.instructions, cpuSeconds: (used.user + used.system) / 1e6, output };
}

/**
 * Builds the integer kernel with `iterations` in the three modes (in `dir`)
 * and measures them over `rounds` alternating rounds.
 */
export function measurePrivilegeModes(dir: string, source: string, enterMode: string, iterations: number, rounds = 5): ModesResult {
  const elfs = MODES.map((m) => {
    const output = join(dir, `integer-mode-${m.define ?? 0}.elf`);
    const built = buildBareC({
      sources: m.define === undefined ? [source] : [source, enterMode],
      output,
      defines: { KERNEL: 1, ITERATIONS: iterations, ...(m.define === undefined ? {} : { MODE: m.define }) },
    });
    if (!built.ok) throw new Error(built.error);
    return new Uint8Array(readFileSync(output));
  });
  // Warm-up (and the reference checksum: every mode computes the same thing).
  const expected = run(elfs[0]!, undefined).output;
  for (const elf of elfs.slice(1)) run(elf, expected);

  const rates: number[][] = MODES.map(() => []);
  const instructions = MODES.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    elfs.forEach((elf, i) => {
      const one = run(elf, expected);
      rates[i]!.push(one.instructions / one.cpuSeconds / 1e6);
      instructions[i] = one.instructions;
    });
  }
  const ratio = (i: number, j: number): number => median(rates[i]!.map((rate, r) => rate / rates[j]![r]!));
  return {
    modes: MODES.map((m, i) => ({ mode: m.name, instructions: instructions[i]!, cpuMips: median(rates[i]!), vsMachine: ratio(i, 0) })),
    vsOverS: ratio(2, 1),
    rounds,
  };
}
