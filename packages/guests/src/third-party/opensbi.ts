import { findDebianFiles, type DebianFilesOptions } from './debian-files.js';
import type { Ensured } from './ensured.js';

/**
 * OpenSBI's generic-platform firmwares from Debian's `opensbi` package
 * (1.1 in Debian 12). fw_dynamic reads the next stage's address from a
 * struct fw_dynamic_info that QEMU passes in a2; fw_jump jumps to a fixed
 * address, 0x8020_0000 on RV64, with the device tree copied to 0x8220_0000
 * (OpenSBI docs/firmware/fw_jump.md; platform/generic/objects.mk).
 */
export type OpenSbiFirmware = 'fw_dynamic' | 'fw_jump';

export const OPENSBI_DIR = '/usr/lib/riscv64-linux-gnu/opensbi/generic';

export interface OpenSbiFiles {
  /** Raw image, loaded at 0x8000_0000 (QEMU's -bios). */
  readonly bin: string;
  /** The same firmware as ELF (symbols, load address in the headers). */
  readonly elf: string;
}

export function ensureOpenSbi(firmware: OpenSbiFirmware = 'fw_dynamic', options: DebianFilesOptions = {}): Ensured<OpenSbiFiles> {
  return findDebianFiles('opensbi', { bin: `${OPENSBI_DIR}/${firmware}.bin`, elf: `${OPENSBI_DIR}/${firmware}.elf` }, options);
}
