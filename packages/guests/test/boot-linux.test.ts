import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryBlockBackend } from '@rvhv/devices';
import { bootLinuxOnRvhv, createTestDisk, ensureLinux, ensureOpenSbi, TEST_DISK_BLOCK, TEST_DISK_SIGNATURE, testDiskPattern } from '../src/index.js';

const linux = ensureLinux();
const openSbi = ensureOpenSbi('fw_dynamic');

/** The test disk (test-disk.ts) as bytes: the same file the QEMU reference boot attaches. */
function testDisk(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-linux-'));
  try {
    createTestDisk(join(dir, 'disk.img'));
    return new Uint8Array(readFileSync(join(dir, 'disk.img')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * rvhv's test kernel (Linux 6.1 built by packages/guests/recipes, its
 * init program rvhv-init) booted through OpenSBI fw_dynamic on the virt
 * board with the test disk attached, as `qemu-system-riscv64 -M virt -bios
 * fw_dynamic.bin -kernel Image -drive ... -device virtio-blk-device` would.
 * rvhv-init checks the CPUs, proc/sys, the disk (reads the host's
 * signature, writes a block the test reads back), timers, signals,
 * fork/exec and floating point, then powers off. Time from the instruction
 * count, so every run is the same run.
 */
describe.runIf(linux.ok && openSbi.ok)('Linux on the virt board', () => {
  it.each([1, 2])(
    'boots through OpenSBI fw_dynamic on %i hart(s) to rvhv-init, which passes every check and powers off',
    async (harts) => {
      if (!linux.ok || !openSbi.ok) throw new Error('checked by runIf');
      const disk = new MemoryBlockBackend(testDisk());
      const boot = await bootLinuxOnRvhv({ bios: openSbi.bin, kernel: linux.image, harts, disk });
      process.stderr.write(
        `linux on ${harts} hart(s): init's first line after ${boot.firstLineInstructions} instructions, ${boot.firstLineSeconds?.toFixed(1)} s; ` +
          `power-off after ${boot.result.instructions} instructions, ${boot.totalSeconds.toFixed(1)} s\n`,
      );
      const { report } = boot;
      const context = boot.transcript.slice(-4000);
      expect(report.started, context).toBe(true);
      expect(report.failed, context).toEqual([]);
      expect(report.allOk, context).toBe(true);
      expect(report.cpusOnline).toBe(harts);
      expect(report.diskBlock0).toBe(TEST_DISK_SIGNATURE);
      expect(boot.result, context).toMatchObject({ reason: 'poweroff', code: 0 });
      expect(disk.image.subarray(TEST_DISK_BLOCK, 2 * TEST_DISK_BLOCK)).toEqual(testDiskPattern());
    },
    900_000,
  );
});
