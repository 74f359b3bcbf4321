/**
 * `pnpm bench`: guest instructions per second of rvhv on CPU-bound programs
 * of the project's own (bench/programs/cpu-loops.c: an integer loop and a
 * float loop), next to the same program under Debian's `qemu-riscv64`, as a
 * ratio. Then the interpreter-dispatch microbenchmarks.
 *
 * How the numbers are made:
 * - The C program is built at bench time into a temporary directory twice,
 *   with the same GCC version and flags: bare (riscv64-unknown-elf-gcc, for
 *   rvhv's runner) and static Linux (riscv64-linux-gnu-gcc, for qemu-user).
 *   Both print a checksum; they must agree.
 * - rvhv counts the instructions it executes. Instructions per loop
 *   iteration come from two rvhv runs of different lengths (their
 *   difference cancels start-up and exit).
 * - qemu-riscv64 cannot count, so it is timed on two loop lengths too; the
 *   difference in time over the difference in instructions (as rvhv counted
 *   them for the same code) is its rate, free of process start-up.
 * - The integer loop also runs in S-mode (Sv39) and in VS-mode (two-stage
 *   translation) on rvhv, alternating with M-mode, reported as ratios to
 *   M-mode measured in the same run (privilege-modes.ts).
 * - Runs are calibrated and rated in CPU time (process.cpuUsage): the
 *   machines this runs on are shared, and wall time counts other people's work.
 * Then the interpreter-dispatch microbenchmarks, and the prototype translator
 * to WebAssembly (wasm-translation.ts) next to the interpreter on one loop.
 * Without the cross compilers, an assembly version of the loops
 * (programs/cpu-loops.S, assembled by rvhv's own assembler) runs on rvhv
 * alone.
 *
 * Run: pnpm bench   (or: node --conditions=@rvhv/source --import tsx bench/run.ts)
 * RVHV_BENCH_ASM=1 pnpm bench measures the assembly version even when GCC is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The root package has no workspace dependencies: reach the packages through their public entry points.
import { BufferedConsole } from '@rvhv/devices';
import { runElf, type RunResult } from '@rvhv/machine';
import {
  assembleGuest,
  BARE_GCC,
  buildBareC,
  buildLinuxC,
  LINUX_GCC,
  QEMU_USER,
  readGuestFiles,
  toolAvailable,
  bootLinuxOnRvhv,
  ensureLinux,
  ensureOpenSbi,
  qemuLinuxBootSeconds,
} from '@rvhv/guests';
import { benchInterpreterDispatch } from './interpreter-dispatch.js';
import { measurePrivilegeModes, type ModesResult } from './privilege-modes.js';
import { benchWasmTranslation } from './wasm-translation.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const C_SOURCE = join(here, 'programs', 'cpu-loops.c');
const ASM_SOURCE = join(here, 'programs', 'cpu-loops.S');
const ENTER_MODE_SOURCE = join(here, 'programs', 'enter-mode.S');

const KERNELS = [
  { name: 'integer', id: 1 },
  { name: 'float', id: 2 },
] as const;

/** CPU seconds each measured run should take, roughly. */
const TARGET_SECONDS = 1.5;
/** CPU seconds of each run of the privilege-mode comparison (three programs, several rounds). */
const MODE_RUN_SECONDS = 0.6;

interface RvhvRun {
  readonly result: RunResult;
  readonly output: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

function runOnRvhv(elf: Uint8Array): RvhvRun {
  const console = new BufferedConsole();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = runElf(elf, { console, maxInstructions: 20_000_000_000 });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { result, output: console.text(), seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Best (shortest) wall time of `repeat` runs of a qemu-user program, and its output. */
function timeQemu(executable: string, repeat = 3): { seconds: number; output: string } {
  let best = Infinity;
  let output = '';
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const r = spawnSync(QEMU_USER, [executable], { encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    if (r.status !== 0) throw new Error(`${QEMU_USER} ${executable} exited with ${r.status}: ${r.stderr}`);
    best = Math.min(best, seconds);
    output = r.stdout;
  }
  return { seconds: best, output };
}

function fail(message: string): never {
  throw new Error(message);
}

interface KernelReport {
  readonly kernel: string;
  readonly note?: string;
  readonly instructions?: number;
  readonly rvhvMips?: number;
  readonly rvhvCpuMips?: number;
  readonly qemuMips?: number;
}

/** Builds and measures one kernel from C on rvhv and, when installed, qemu-riscv64. */
function measureC(dir: string, kernel: (typeof KERNELS)[number], withQemu: boolean): KernelReport {
  const bare = (iterations: number): Uint8Array => {
    const output = join(dir, `${kernel.name}-${iterations}.elf`);
    const built = buildBareC({ sources: [C_SOURCE], output, defines: { KERNEL: kernel.id, ITERATIONS: iterations } });
    if (!built.ok) fail(built.error);
    return new Uint8Array(readFileSync(output));
  };
  // Calibrate (growing the loop until a run is long enough to be past the JIT's warm-up), then measure n and 2n.
  let n = 20_000;
  runOnRvhv(bare(n)); // warm-up
  let probe = runOnRvhv(bare(n));
  while (probe.result.status === 'pass' && probe.cpuSeconds < TARGET_SECONDS / 5) {
    n *= 4;
    probe = runOnRvhv(bare(n));
  }
  if (probe.result.status !== 'pass') {
    return { kernel: kernel.name, note: `rvhv cannot run it yet: ${probe.result.message}` };
  }
  n = Math.max(n, Math.round((n * TARGET_SECONDS) / probe.cpuSeconds / 2));
  const one = runOnRvhv(bare(n));
  const two = runOnRvhv(bare(2 * n));
  for (const r of [one, two]) if (r.result.status !== 'pass') fail(`rvhv: ${r.result.message}`);
  const perIteration = (two.result.instructions - one.result.instructions) / n;
  const report = {
    kernel: kernel.name,
    instructions: two.result.instructions,
    rvhvMips: two.result.instructions / two.seconds / 1e6,
    rvhvCpuMips: two.result.instructions / two.cpuSeconds / 1e6,
  };
  if (!withQemu) return { ...report, note: `${LINUX_GCC} or ${QEMU_USER} not installed: no comparison` };

  const linux = (iterations: number): string => {
    const output = join(dir, `${kernel.name}-${iterations}.linux`);
    const built = buildLinuxC({ sources: [C_SOURCE], output, defines: { KERNEL: kernel.id, ITERATIONS: iterations } });
    if (!built.ok) fail(built.error);
    return output;
  };
  const same = timeQemu(linux(n), 1);
  if (same.output !== one.output) {
    fail(`${kernel.name}: checksums differ: rvhv ${one.output.trim()}, qemu-riscv64 ${same.output.trim()}`);
  }
  // QEMU runs ~1 G instructions/s: give it enough iterations to be measurable.
  const qn = Math.max(n, Math.round(1e9 / perIteration));
  const q1 = timeQemu(linux(qn));
  const q2 = timeQemu(linux(2 * qn));
  const qemuSeconds = Math.max(q2.seconds - q1.seconds, 1e-6);
  return { ...report, qemuMips: (perIteration * qn) / qemuSeconds / 1e6 };
}

/** The assembly fallback: rvhv alone, assembled by rvhv's assembler. */
function measureAsm(kernel: (typeof KERNELS)[number]): KernelReport {
  const source = readFileSync(ASM_SOURCE, 'utf8');
  const build = (iterations: number): Uint8Array => {
    const files = new Map(readGuestFiles());
    files.set('cpu-loops.S', `  .equ KERNEL, ${kernel.id}\n  .equ ITERATIONS, ${iterations}\n${source}`);
    const r = assembleGuest('cpu-loops.S', files);
    if (!r.ok) fail(r.error);
    return r.elf;
  };
  let n = 20_000;
  runOnRvhv(build(n)); // warm-up
  let probe = runOnRvhv(build(n));
  while (probe.result.status === 'pass' && probe.cpuSeconds < TARGET_SECONDS / 5) {
    n *= 4;
    probe = runOnRvhv(build(n));
  }
  if (probe.result.status !== 'pass') return { kernel: kernel.name, note: `rvhv cannot run it yet: ${probe.result.message}` };
  n = Math.max(n, Math.round((n * TARGET_SECONDS) / probe.cpuSeconds));
  const run = runOnRvhv(build(n));
  if (run.result.status !== 'pass') fail(`rvhv: ${run.result.message}`);
  return {
    kernel: kernel.name,
    instructions: run.result.instructions,
    rvhvMips: run.result.instructions / run.seconds / 1e6,
    rvhvCpuMips: run.result.instructions / run.cpuSeconds / 1e6,
    note: `assembly version (${BARE_GCC} not installed): no comparison`,
  };
}

function printReport(reports: readonly KernelReport[]): void {
  const rows = reports.map((r) => [
    r.kernel,
    r.instructions === undefined ? '-' : `${(r.instructions / 1e6).toFixed(1)} M`,
    r.rvhvMips === undefined ? '-' : r.rvhvMips.toFixed(1),
    r.rvhvCpuMips === undefined ? '-' : r.rvhvCpuMips.toFixed(1),
    r.qemuMips === undefined ? '-' : r.qemuMips.toFixed(0),
    r.qemuMips === undefined || r.rvhvMips === undefined ? '-' : `${(r.rvhvMips / r.qemuMips).toFixed(3)} (1/${(r.qemuMips / r.rvhvMips).toFixed(0)})`,
  ]);
  const header = ['kernel', 'instructions', 'rvhv MIPS', '(per CPU s)', 'qemu-riscv64 MIPS', 'rvhv / qemu'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of reports) if (r.note) console.log(`  ${r.kernel}: ${r.note}`);
}

/** Iterations of the integer loop for a run of about MODE_RUN_SECONDS of CPU time in M-mode. */
function modeIterations(dir: string): number {
  const probeIterations = 200_000;
  const output = join(dir, 'integer-probe.elf');
  const built = buildBareC({ sources: [C_SOURCE], output, defines: { KERNEL: 1, ITERATIONS: probeIterations } });
  if (!built.ok) fail(built.error);
  const elf = new Uint8Array(readFileSync(output));
  runOnRvhv(elf); // warm-up
  const probe = runOnRvhv(elf);
  if (probe.result.status !== 'pass') fail(`rvhv: ${probe.result.message}`);
  return Math.max(probeIterations, Math.round((probeIterations * MODE_RUN_SECONDS) / probe.cpuSeconds));
}

function printModes(result: ModesResult): void {
  const rows = result.modes.map((m, i) => [
    m.mode,
    `${(m.instructions / 1e6).toFixed(1)} M`,
    m.cpuMips.toFixed(1),
    i === 0 ? '1' : m.vsMachine.toFixed(2),
  ]);
  const header = ['mode', 'instructions', 'rvhv MIPS (per CPU s)', 'vs M-mode'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`  two-stage vs single-stage (VS / S): ${result.vsOverS.toFixed(2)}; medians of ${result.rounds} alternating rounds`);
}

async function main(): Promise<void> {
  // RVHV_BENCH_ASM=1 forces the assembly version (to check it on a machine that has the compilers).
  const haveBare = process.env['RVHV_BENCH_ASM'] !== '1' && toolAvailable(BARE_GCC);
  const withQemu = haveBare && toolAvailable(LINUX_GCC) && toolAvailable(QEMU_USER);
  console.log(`CPU-bound loops (bench/programs/cpu-loops.${haveBare ? 'c' : 'S'}), guest instructions per second`);
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-bench-'));
  try {
    const reports = KERNELS.map((k) => {
      try {
        return haveBare ? measureC(dir, k, withQemu) : measureAsm(k);
      } catch (e) {
        return { kernel: k.name, note: `failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
    printReport(reports);
    console.log('\nThe integer loop in each privilege mode (rvhv only; 4 KiB pages, TLBs warm)');
    if (haveBare) {
      try {
        printModes(measurePrivilegeModes(dir, C_SOURCE, ENTER_MODE_SOURCE, modeIterations(dir)));
      } catch (e) {
        console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      console.log(`  skipped: ${BARE_GCC} is not installed (the mode switch is C and GNU assembly)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nInterpreter dispatch (bench/interpreter-dispatch.ts), 30 M instructions each');
  for (const r of benchInterpreterDispatch(30_000_000)) {
    console.log(`${r.name.padEnd(14)} ${r.mips.toFixed(1).padStart(7)} MIPS  (${(r.instructions / r.cpuSeconds / 1e6).toFixed(1)} per CPU s)`);
  }
  const w = benchWasmTranslation();
  console.log('\nTranslation to WebAssembly (bench/wasm-translation.ts, a prototype), the integer mix loop, per CPU s');
  console.log(
    `interpreter ${w.interpreterMips.toFixed(1)} MIPS, translated ${w.translatedMips.toFixed(0)} MIPS ` +
      `(${(w.translatedMips / w.interpreterMips).toFixed(1)}x); results ${w.agree ? 'agree' : 'DIFFER'}`,
  );
  await benchLinuxBoot();
}

/**
 * Linux boot: seconds from start to the first line of rvhv-init, on rvhv and
 * on Debian's qemu-system-riscv64, same kernel and firmware, same run.
 */
async function benchLinuxBoot(): Promise<void> {
  console.log('\nLinux boot (OpenSBI fw_dynamic + the guests package kernel), seconds to the init program\'s first line');
  const sbi = ensureOpenSbi('fw_dynamic');
  const linux = ensureLinux();
  if (!sbi.ok || !linux.ok) {
    const missing = !sbi.ok ? sbi : !linux.ok ? linux : undefined;
    console.log(`  skipped: missing ${missing?.missing} (${missing?.install})`);
    return;
  }
  for (const harts of [1, 2]) {
    try {
      const rvhv = await bootLinuxOnRvhv({ bios: sbi.bin, kernel: linux.image, harts });
      const rvhvSeconds = rvhv.firstLineSeconds;
      let line = `  ${harts} hart(s): rvhv ${rvhvSeconds === undefined ? 'did not reach init' : `${rvhvSeconds.toFixed(2)} s`}`;
      if (toolAvailable(QEMU_SYSTEM)) {
        const qemuSeconds = await qemuLinuxBootSeconds({ bios: sbi.bin, kernel: linux.image, harts });
        line += `, qemu-system-riscv64 ${qemuSeconds.toFixed(2)} s`;
        if (rvhvSeconds !== undefined) line += `, rvhv/qemu time ratio ${(rvhvSeconds / qemuSeconds).toFixed(1)}`;
      }
      console.log(line);
    } catch (e) {
      console.log(`  ${harts} hart(s): failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

const QEMU_SYSTEM = 'qemu-system-riscv64';

void main();
