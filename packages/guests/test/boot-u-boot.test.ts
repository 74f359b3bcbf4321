import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryBlockBackend } from '@rvhv/devices';
import { createVirtMachine } from '@rvhv/machine';
import {
  createTestDisk,
  ensureOpenSbi,
  ensureUBoot,
  runConsoleScript,
  uBootConsoleSession,
  U_BOOT_SECTOR,
  U_BOOT_WRITE_BYTE,
  U_BOOT_WRITE_LBA,
  VirtConsole,
  type OpenSbiFirmware,
} from '../src/index.js';

const uBoot = ensureUBoot('qemu-riscv64_smode');
const available = uBoot.ok && ensureOpenSbi('fw_dynamic').ok && ensureOpenSbi('fw_jump').ok;

/** The test disk (test-disk.ts) as bytes: the same file the QEMU reference run attaches. */
function testDisk(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-u-boot-'));
  try {
    createTestDisk(join(dir, 'disk.img'));
    return new Uint8Array(readFileSync(join(dir, 'disk.img')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * OpenSBI (Debian's generic firmware) with U-Boot S-mode above it
 * (Debian's qemu-riscv64_smode) on the virt board, driven through the
 * console exactly as the QEMU reference session is (u-boot-session.ts):
 * stop autoboot, `version`, `sbi`, `virtio scan`, `virtio info`, read the
 * disk's first block and show it, write a block, power off.
 */
describe.runIf(available)('OpenSBI and U-Boot on the virt board', () => {
  it.each<OpenSbiFirmware>(['fw_dynamic', 'fw_jump'])(
    'OpenSBI %s boots U-Boot to its prompt; U-Boot reads and writes a virtio disk, then powers off',
    async (firmware) => {
      const sbi = ensureOpenSbi(firmware);
      if (!sbi.ok || !uBoot.ok) throw new Error('checked by runIf');
      const console = new VirtConsole();
      const disk = new MemoryBlockBackend(testDisk());
      const created = createVirtMachine({
        images: { bios: new Uint8Array(readFileSync(sbi.bin)), kernel: new Uint8Array(readFileSync(uBoot.bin)) },
        console,
        virtio: [{ kind: 'blk', backend: disk }],
        time: { kind: 'icount' },
      });
      if (!created.ok) throw new Error(created.error);
      const machine = created.machine;
      const started = performance.now();
      const run = machine.run();
      console.attach(machine, run);
      const script = await runConsoleScript(console.endpoint, uBootConsoleSession(), { timeoutMs: 400_000 });
      if (!script.ok) machine.stop('the console script failed');
      const result = await run;
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`u-boot via ${firmware}: ${result.instructions} instructions, ${seconds.toFixed(1)} s\n`);
      expect(script.ok, `${JSON.stringify(script.failure)}\n${console.transcript.slice(-3000)}`).toBe(true);
      expect(console.transcript).toContain('OpenSBI v');
      expect(console.transcript).toMatch(firmware === 'fw_dynamic' ? /Domain0 Next Address\s+: 0x0*80200000/ : /Domain0 Next Arg1\s+: 0x0*82200000/);
      expect(result).toMatchObject({ reason: 'poweroff', code: 0 });
      const written = disk.image.subarray(U_BOOT_WRITE_LBA * U_BOOT_SECTOR, (U_BOOT_WRITE_LBA + 1) * U_BOOT_SECTOR);
      expect(written.every((b) => b === U_BOOT_WRITE_BYTE)).toBe(true);
    },
    500_000,
  );
});
