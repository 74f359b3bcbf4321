import { assemble } from '@rvhv/isa';
import { encodeFwDynamicInfo, type FwDynamicInfo } from './fw-dynamic-info.js';

/** Where the `virt` board's mask ROM sits and how large it is (QEMU hw/riscv/virt.c VIRT_MROM). */
export const VIRT_MROM = { base: 0x1000, size: 0xf000 } as const;

export interface BootRomOptions {
  /** Where every hart jumps after the ROM: the firmware (or, with `-bios none`, the kernel). */
  readonly startAddr: number;
  /** The device tree blob's address, passed in a1. */
  readonly fdtAddr: number;
  /** The fw_dynamic_info the ROM points a2 at. */
  readonly dynamicInfo: FwDynamicInfo;
}

/**
 * The reset vector every hart runs from 0x1000, as QEMU's `virt` board
 * writes it (hw/riscv/boot.c `riscv_setup_rom_reset_vec`): a0 = mhartid,
 * a1 = the DTB address, a2 = the fw_dynamic_info that follows the code,
 * then a jump to the firmware. The two addresses are data words in the ROM,
 * so the code is the same for any layout. Assembled with the project's
 * assembler (the instruction table is the one source of encodings).
 */
const RESET_VECTOR = `
  .text
  .globl _start
_start:
  auipc t0, 0
  addi a2, t0, fw_dyn - _start
  csrr a0, mhartid
  ld a1, fdt_addr - _start(t0)
  ld t0, start_addr - _start(t0)
  jr t0
  .balign 8
start_addr: .dword START_ADDR
fdt_addr: .dword FDT_ADDR
fw_dyn:
`;

/** The ROM's contents: the reset vector followed by fw_dynamic_info. */
export function bootRomImage(options: BootRomOptions): Uint8Array {
  const source = RESET_VECTOR.replace('START_ADDR', `0x${options.startAddr.toString(16)}`).replace('FDT_ADDR', `0x${options.fdtAddr.toString(16)}`);
  const assembled = assemble(source, { base: VIRT_MROM.base, fileName: 'boot-rom.S' });
  // The source is fixed and known to assemble; a failure here is a bug in the assembler or in this file.
  if (!assembled.ok) throw new Error(`the boot ROM does not assemble: ${assembled.errors.map((e) => e.text).join('; ')}`);
  const text = assembled.sections.find((s) => s.name === '.text');
  if (text === undefined) throw new Error('the boot ROM has no .text section');
  const info = encodeFwDynamicInfo(options.dynamicInfo);
  const rom = new Uint8Array(text.data.length + info.length);
  rom.set(text.data);
  rom.set(info, text.data.length);
  return rom;
}

/** Offset of fw_dynamic_info in the ROM (a2 - VIRT_MROM.base): right after the reset vector's 40 bytes. */
export const FW_DYNAMIC_INFO_OFFSET = 0x28;
