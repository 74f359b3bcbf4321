import { findDebianFiles, type DebianFilesOptions } from './debian-files.js';
import type { Ensured } from './ensured.js';

/**
 * U-Boot builds for QEMU's virt board from Debian's `u-boot-qemu` package
 * (2023.01 in Debian 12): `qemu-riscv64_smode` runs in S-mode above OpenSBI
 * (linked at 0x8020_0000, where fw_dynamic and fw_jump enter it);
 * `qemu-riscv64` is the M-mode build that replaces the firmware.
 */
export type UBootTarget = 'qemu-riscv64_smode' | 'qemu-riscv64';

export const U_BOOT_DIR = '/usr/lib/u-boot';

export interface UBootFiles {
  /** Raw image (QEMU's -kernel, or -bios for the M-mode build). */
  readonly bin: string;
  /** The same build as ELF (Debian names it uboot.elf). */
  readonly elf: string;
}

export function ensureUBoot(target: UBootTarget = 'qemu-riscv64_smode', options: DebianFilesOptions = {}): Ensured<UBootFiles> {
  return findDebianFiles('u-boot-qemu', { bin: `${U_BOOT_DIR}/${target}/u-boot.bin`, elf: `${U_BOOT_DIR}/${target}/uboot.elf` }, options);
}
