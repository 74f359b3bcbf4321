import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Recipes that build the project's C guests with Debian's RISC-V cross
 * compilers, for tests and benchmarks that compare rvhv with QEMU. Nothing
 * built here is committed: callers pass an output path in a temporary
 * directory.
 *
 * - bare: `riscv64-unknown-elf-gcc`, M-mode, no libc, the runtime of
 *   src/c/ (crt0.S, htif.c, bare.ld): runs on rvhv's runner (and on QEMU's
 *   spike board);
 * - linux: `riscv64-linux-gnu-gcc -static`: runs under `qemu-riscv64`.
 *
 * Both use the same code generation flags, so the same source becomes
 * (nearly) the same instructions.
 */

/** Directory of the bare runtime (crt0.S, htif.c, htif.h, bare.ld). */
export const C_RUNTIME_DIR = fileURLToPath(new URL('../src/c/', import.meta.url));

export const BARE_GCC = 'riscv64-unknown-elf-gcc';
export const LINUX_GCC = 'riscv64-linux-gnu-gcc';
export const QEMU_USER = 'qemu-riscv64';

/** Code generation shared by both builds: RV64GC, lp64d, sqrt inlined as fsqrt. */
const COMMON_FLAGS = ['-O2', '-march=rv64gc', '-mabi=lp64d', '-fno-math-errno', '-Wall'];

export interface CBuildOptions {
  /** C (and assembly) sources, absolute paths. */
  readonly sources: readonly string[];
  /** The executable to write. */
  readonly output: string;
  /** -D definitions. */
  readonly defines?: Readonly<Record<string, string | number>>;
  /** Extra compiler flags (after the common ones). */
  readonly flags?: readonly string[];
}

export type CBuildResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Whether a command runs on this machine (a cross compiler or QEMU). */
export function toolAvailable(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

function compile(compiler: string, args: readonly string[]): CBuildResult {
  const r = spawnSync(compiler, args, { encoding: 'utf8' });
  if (r.error) return { ok: false, error: `${compiler}: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, error: `${compiler} failed:\n${r.stderr}` };
  return { ok: true };
}

function defineFlags(defines: CBuildOptions['defines']): string[] {
  return Object.entries(defines ?? {}).map(([k, v]) => `-D${k}=${v}`);
}

/** A bare-metal ELF for rvhv: crt0 + HTIF runtime, linked at 0x8000_0000. */
export function buildBareC(options: CBuildOptions): CBuildResult {
  const rt = (name: string): string => `${C_RUNTIME_DIR}${name}`;
  return compile(BARE_GCC, [
    ...COMMON_FLAGS,
    '-mcmodel=medany',
    '-ffreestanding',
    '-nostdlib',
    '-nostartfiles',
    '-static',
    '-DRVHV_BARE=1',
    `-I${C_RUNTIME_DIR}`,
    `-T${rt('bare.ld')}`,
    ...defineFlags(options.defines),
    ...(options.flags ?? []),
    rt('crt0.S'),
    rt('htif.c'),
    ...options.sources,
    '-lgcc',
    '-o',
    options.output,
  ]);
}

/** A static Linux executable for qemu-riscv64. */
export function buildLinuxC(options: CBuildOptions): CBuildResult {
  return compile(LINUX_GCC, [
    ...COMMON_FLAGS,
    '-static',
    ...defineFlags(options.defines),
    ...(options.flags ?? []),
    ...options.sources,
    '-lm',
    '-o',
    options.output,
  ]);
}
