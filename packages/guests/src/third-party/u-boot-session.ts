import type { ConsoleStep } from './console-script.js';
import { TEST_DISK_BYTES, TEST_DISK_SIGNATURE } from './test-disk.js';

/**
 * The U-Boot console session the reference check runs on QEMU and the rvhv
 * `virt` board must reproduce: U-Boot S-mode (Debian's qemu-riscv64_smode)
 * above OpenSBI, a test disk (test-disk.ts) as virtio-blk device 0.
 * Commands are U-Boot 2023.01's (cmd/version.c, cmd/riscv/sbi.c,
 * cmd/virtio.c, cmd/mem.c).
 */
export const U_BOOT_PROMPT = '=> ';
/** U-Boot's kernel_addr_r on qemu-riscv: free RAM for block transfers. */
export const U_BOOT_READ_ADDRESS = 0x8400_0000;
const WRITE_ADDRESS = 0x8410_0000;
/** The session writes one 512-byte sector of this byte at this LBA. */
export const U_BOOT_WRITE_LBA = 0x10;
export const U_BOOT_WRITE_BYTE = 0x5a;
export const U_BOOT_SECTOR = 512;

const hex = (n: number): string => `0x${n.toString(16)}`;
const command = (line: string, ...expect: ConsoleStep['expect']): ConsoleStep => ({ send: `${line}\n`, expect: [...expect, U_BOOT_PROMPT] });

/** The `md.b` line that shows the disk signature: address, 16 hex bytes, the text. */
function signatureDumpLine(): RegExp {
  const bytes = [...Buffer.from(TEST_DISK_SIGNATURE.slice(0, 16), 'latin1')].map((b) => b.toString(16).padStart(2, '0'));
  return new RegExp(`${U_BOOT_READ_ADDRESS.toString(16)}: ${bytes.join(' ')}\\s+${TEST_DISK_SIGNATURE.slice(0, 16)}`);
}

export function uBootConsoleSession(): readonly ConsoleStep[] {
  return [
    { expect: ['Hit any key to stop autoboot'] },
    // Any key: abortboot() consumes it, so it is not typed at the prompt too.
    { send: ' ', expect: [U_BOOT_PROMPT] },
    command('version', /U-Boot \d{4}\.\d{2}/),
    command('sbi', /SBI \d+\.\d+/, /OpenSBI \d+\.\d+/, 'Timer Extension', 'Hart State Management Extension', 'System Reset Extension'),
    command('virtio scan'),
    command('virtio info', /Device 0: .*Block Device/, 'Type: Hard Disk', `(${TEST_DISK_BYTES / U_BOOT_SECTOR} x ${U_BOOT_SECTOR})`),
    command(`virtio read ${hex(U_BOOT_READ_ADDRESS)} 0 1`, '1 blocks read: OK'),
    command(`md.b ${hex(U_BOOT_READ_ADDRESS)} 0x20`, signatureDumpLine()),
    command(`mw.b ${hex(WRITE_ADDRESS)} ${hex(U_BOOT_WRITE_BYTE)} ${hex(U_BOOT_SECTOR)}`),
    command(`virtio write ${hex(WRITE_ADDRESS)} ${hex(U_BOOT_WRITE_LBA)} 1`, '1 blocks written: OK'),
    // SBI System Reset (shutdown): the machine stops after this.
    { send: 'poweroff\n', expect: ['poweroff'] },
  ];
}
