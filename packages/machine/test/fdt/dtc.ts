// Debian's device tree compiler and QEMU, as references for the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DTC = '/usr/bin/dtc';
export const QEMU = '/usr/bin/qemu-system-riscv64';
export const dtcExists = existsSync(DTC);
export const qemuExists = existsSync(QEMU);

function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-fdt-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `dtc -I dtb -O dts` of a blob: exit status, the source text and what dtc printed on stderr. */
export function decompile(dtb: Uint8Array): { status: number | null; dts: string; stderr: string } {
  return withTempDir((dir) => {
    const file = join(dir, 'tree.dtb');
    writeFileSync(file, dtb);
    const r = spawnSync(DTC, ['-I', 'dtb', '-O', 'dts', file], { encoding: 'utf8' });
    return { status: r.status, dts: r.stdout, stderr: r.stderr };
  });
}

/** `dtc -I dts -O dtb` of a source text. */
export function compile(dts: string): Uint8Array {
  return withTempDir((dir) => {
    const file = join(dir, 'tree.dts');
    writeFileSync(file, dts);
    const r = spawnSync(DTC, ['-I', 'dts', '-O', 'dtb', file]);
    if (r.status !== 0) throw new Error(`dtc failed: ${r.stderr.toString()}`);
    return new Uint8Array(r.stdout);
  });
}

/** The tree QEMU's riscv64 `virt` machine generates (`-machine dumpdtb=`). */
export function qemuVirtDtb(smp: number, memory: string): Uint8Array {
  return withTempDir((dir) => {
    const file = join(dir, 'qemu.dtb');
    const r = spawnSync(QEMU, ['-M', `virt,dumpdtb=${file}`, '-smp', String(smp), '-m', memory, '-nographic', '-bios', 'none'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`qemu failed: ${r.stderr}`);
    return new Uint8Array(readFileSync(file));
  });
}
