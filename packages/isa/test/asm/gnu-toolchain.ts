import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Debian's riscv64-unknown-elf binutils as the reference assembler. Tests
 * that use it run only where it is installed (CI installs it).
 */
const BIN = '/usr/bin/riscv64-unknown-elf-';
export const gnuAvailable = ['as', 'ld', 'objcopy'].every((t) => existsSync(`${BIN}${t}`));
export const readelfAvailable = existsSync(`${BIN}readelf`);

export const GNU_MARCH = 'rv64gc_zba_zbb_zbs_zicond_zifencei_zicsr_h_svinval_zihintpause';

export type GnuResult = { ok: true; text: Uint8Array } | { ok: false; stderr: string };

/**
 * Assembles with GNU as (-mno-relax) and returns the .text bytes. With
 * `link`, links at address 0 first so that relocations (la, call, %pcrel_lo)
 * are resolved the way the final program has them.
 */
export function gnuAssemble(source: string, options: { march?: string; link?: boolean } = {}): GnuResult {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-gas-'));
  try {
    writeFileSync(join(dir, 'in.s'), source);
    const run = (tool: string, args: string[]): void => {
      execFileSync(`${BIN}${tool}`, args, { stdio: 'pipe', cwd: dir });
    };
    try {
      run('as', [`-march=${options.march ?? GNU_MARCH}`, '-mno-relax', '-o', 'in.o', 'in.s']);
      let object = 'in.o';
      if (options.link) {
        run('ld', ['--no-relax', '-Ttext=0', '-e', '0', '-o', 'out.elf', 'in.o']);
        object = 'out.elf';
      }
      run('objcopy', ['-O', 'binary', '-j', '.text', object, 'text.bin']);
    } catch (e) {
      return { ok: false, stderr: String((e as { stderr?: Buffer }).stderr ?? e) };
    }
    return { ok: true, text: new Uint8Array(readFileSync(join(dir, 'text.bin'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The extensions of GNU_MARCH that this GNU as accepts (binutils 2.40 has no Zicond). */
export function gnuMarch(): string {
  const parts = GNU_MARCH.split('_');
  const accepted = [parts[0]!];
  for (const ext of parts.slice(1)) {
    const march = [...accepted, ext].join('_');
    if (gnuAssemble('nop\n', { march }).ok) accepted.push(ext);
  }
  return accepted.join('_');
}

/** Runs readelf -a -W; returns its stdout and stderr. */
export function readelf(file: Uint8Array): { stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-readelf-'));
  try {
    writeFileSync(join(dir, 'a.elf'), file);
    const r = spawnSync(`${BIN}readelf`, ['-a', '-W', join(dir, 'a.elf')], { encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
