import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bootLinuxOnQemu,
  createTestDisk,
  describeMissing,
  ensureLinux,
  ensureOpenSbi,
  ensureQemu,
  ensureUBoot,
  kernelTrouble,
  qemuConsole,
  readDiskBytes,
  runConsoleScript,
  spawnQemuVirt,
  testDiskHasInitPattern,
  TEST_DISK_SIGNATURE,
  uBootConsoleSession,
  U_BOOT_SECTOR,
  U_BOOT_WRITE_BYTE,
  U_BOOT_WRITE_LBA,
  waitForExit,
  type Ensured,
  type OpenSbiFirmware,
} from '../src/index.js';

/**
 * The reference: Debian's firmware, U-Boot and rvhv's test kernel on Debian's
 * qemu-system-riscv64 `-M virt`. What these tests see is what the rvhv `virt`
 * board must reproduce on the same images (the same console session, the
 * same init report, the same bytes on the disk afterwards).
 *
 * The kernel is built by `pnpm --filter @rvhv/guests prepare-guests` (CI runs
 * it before the tests); these tests never build it.
 */
const qemu = ensureQemu();
const firmware = { fw_dynamic: ensureOpenSbi('fw_dynamic'), fw_jump: ensureOpenSbi('fw_jump') };
const uBoot = ensureUBoot('qemu-riscv64_smode');
const linux = ensureLinux();
for (const missing of [qemu, firmware.fw_dynamic, firmware.fw_jump, uBoot, linux]) {
  if (!missing.ok) console.warn(`reference-qemu: ${describeMissing(missing)}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'rvhv-reference-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** The files of a result the describe block's condition has checked. */
function found<T>(result: Ensured<T>): T {
  if (!result.ok) throw new Error(describeMissing(result));
  return result;
}
const bios = (name: OpenSbiFirmware): string => found(firmware[name]).bin;

describe.runIf(qemu.ok && firmware.fw_dynamic.ok && firmware.fw_jump.ok && uBoot.ok)('U-Boot S-mode above OpenSBI on QEMU virt', () => {
  it.each(['fw_dynamic', 'fw_jump'] as const)('through %s: prompt, version, sbi, virtio scan/info/read/write, md.b, poweroff', async (name) => {
    const disk = join(tmp, `u-boot-${name}.img`);
    createTestDisk(disk);
    const machine = spawnQemuVirt({ bios: bios(name), kernel: found(uBoot).bin, disk });
    const session = await runConsoleScript(qemuConsole(machine), uBootConsoleSession(), { timeoutMs: 60_000 });
    const exit = await waitForExit(machine, 10_000);
    expect(session.ok, `${JSON.stringify(session.failure)}\n${session.transcript}`).toBe(true);
    expect(session.transcript).toContain(`U-Boot 20`);
    expect(exit).toEqual({ code: 0, timedOut: false });
    // The written sector reached the host's file; block 0 was left alone.
    expect(readDiskBytes(disk, U_BOOT_WRITE_LBA * U_BOOT_SECTOR, U_BOOT_SECTOR)).toEqual(new Uint8Array(U_BOOT_SECTOR).fill(U_BOOT_WRITE_BYTE));
    expect(Buffer.from(readDiskBytes(disk, 0, TEST_DISK_SIGNATURE.length)).toString('latin1')).toBe(TEST_DISK_SIGNATURE);
  });
});

describe.runIf(qemu.ok && firmware.fw_dynamic.ok && firmware.fw_jump.ok && linux.ok)("rvhv's test kernel on QEMU virt", () => {
  it.each([
    ['fw_dynamic', 1],
    ['fw_dynamic', 2],
    ['fw_jump', 1],
  ] as const)('through %s on %i hart(s): init runs every check, writes the disk, powers off', async (name, harts) => {
    const disk = join(tmp, `linux-${name}-${harts}.img`);
    createTestDisk(disk);
    const boot = await bootLinuxOnQemu({ bios: bios(name), kernel: found(linux).image, harts, disk, timeoutMs: 90_000 });
    const context = `${boot.transcript}\n${boot.stderr}`;
    expect(boot.exitCode, context).toBe(0);
    expect(boot.transcript).toMatch(/Linux version 6\.1\.\d+/);
    expect(kernelTrouble(boot.transcript)).toEqual([]);
    expect(boot.report, context).toMatchObject({ started: true, finished: true, allOk: true, failed: [], skipped: [], cpusOnline: harts, diskBlock0: TEST_DISK_SIGNATURE });
    expect(boot.report.passed).toEqual(
      expect.arrayContaining([
        'mount proc on /proc',
        'mount sysfs on /sys',
        'mount devtmpfs on /dev',
        'disk block 1 reads back what was written',
        'SIGALRM handler ran after setitimer',
        'floating point results are exact',
        'exec\'d child exited with 42',
        ...Array.from({ length: harts }, (_, cpu) => `cpu ${cpu} ran a pinned child (fp ok)`),
      ]),
    );
    expect(boot.transcript).toMatch(/^processor\s*: 0\r?$/m);
    expect(boot.transcript).toContain('rvhv-init: child: hello from pid');
    expect(testDiskHasInitPattern(disk)).toBe(true);
    expect(boot.firstLineSeconds).toBeGreaterThan(0);
  });

  it('without a disk: init says it skips the disk check, and the rest passes', async () => {
    const boot = await bootLinuxOnQemu({ bios: bios('fw_dynamic'), kernel: found(linux).image, timeoutMs: 90_000 });
    expect(boot.exitCode, boot.transcript).toBe(0);
    expect(boot.report).toMatchObject({ allOk: true, failed: [], skipped: ['disk (/dev/vda: No such file or directory)'], diskBlock0: undefined });
    expect(boot.report.passed).toContain('floating point results are exact');
  });
});
