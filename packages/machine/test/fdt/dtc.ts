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

/** QEMU's bundled OpenSBI (qemu-system-data), which `-M virt` runs when no -bios is given. */
export const QEMU_OPENSBI = '/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin';
export const openSbiExists = qemuExists && existsSync(QEMU_OPENSBI);

/**
 * Boots QEMU's OpenSBI on `-M virt` with `dtb` as the device tree and
 * returns its console output up to the end of the boot banner (OpenSBI's
 * last banner line is "Boot HART MEDELEG"), then stops QEMU. If OpenSBI
 * rejects the tree the banner is incomplete and QEMU is stopped after
 * `limitMs` (a safety net, not an assertion).
 */
export async function openSbiBanner(dtb: Uint8Array, smp: number, memory: string, limitMs = 60_000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-fdt-'));
  const file = join(dir, 'tree.dtb');
  writeFileSync(file, dtb);
  const { spawn } = await import('node:child_process');
  const child = spawn(QEMU, ['-M', 'virt', '-smp', String(smp), '-m', memory, '-display', 'none', '-monitor', 'none', '-serial', 'stdio', '-dtb', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    return await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve(output), limitMs);
      const done = () => {
        clearTimeout(timer);
        resolve(output);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/Boot HART MEDELEG[^\n]*\n/.test(output)) done();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', done);
    });
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
