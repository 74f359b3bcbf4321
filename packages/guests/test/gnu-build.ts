import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** GNU binutils for bare RISC-V, as Debian packages them (binutils-riscv64-unknown-elf). */
export const GNU_AS = 'riscv64-unknown-elf-as';
export const GNU_LD = 'riscv64-unknown-elf-ld';

export const PROGRAMS_DIR = fileURLToPath(new URL('../src/programs/', import.meta.url));

export function commandExists(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds a guest program with GNU as (-march=rv64gc: it compresses what it
 * can) and ld (.text at 0x8000_0000, ld's default layout otherwise) into
 * `dir`; returns the ELF's path, or the tools' complaints.
 */
export function buildWithGnu(file: string, dir: string): { ok: true; elf: string } | { ok: false; error: string } {
  const name = file.replace(/\.[sS]$/, '');
  const object = join(dir, `${name}.o`);
  const elf = join(dir, `${name}.elf`);
  const as = spawnSync(GNU_AS, ['-march=rv64gc', '-I', PROGRAMS_DIR, '-o', object, join(PROGRAMS_DIR, file)], { encoding: 'utf8' });
  if (as.status !== 0 || as.stderr !== '') return { ok: false, error: `${GNU_AS}: ${as.stderr}` };
  const ld = spawnSync(GNU_LD, ['-Ttext=0x80000000', '-o', elf, object], { encoding: 'utf8' });
  if (ld.status !== 0 || ld.stderr !== '') return { ok: false, error: `${GNU_LD}: ${ld.stderr}` };
  return { ok: true, elf };
}
