/**
 * OpenSBI's dynamic firmware convention (OpenSBI docs/firmware/fw_dynamic.md,
 * include/sbi/fw_dynamic.h): the previous boot stage passes, in a2, the
 * address of a `struct fw_dynamic_info` that names the next stage. On RV64
 * every field is an unsigned long (8 bytes), little-endian.
 *
 *     0x00 magic      0x4942534f ("OSBI")
 *     0x08 version    2 (adds boot_hart)
 *     0x10 next_addr  where the firmware jumps after its own setup
 *     0x18 next_mode  privilege of the next stage: 0 U, 1 S, 3 M
 *     0x20 options    0 (bit 0 would silence the banner)
 *     0x28 boot_hart  the hart that boots; -1 lets harts race for it
 *
 * QEMU's `virt` board puts this block in its boot ROM right after the reset
 * vector (hw/riscv/boot.c `riscv_rom_copy_firmware_info`) with boot_hart 0.
 */
export const FW_DYNAMIC_INFO = {
  magic: 0x4942_534f,
  version: 2,
  /** struct size on RV64: six unsigned longs. */
  size: 48,
} as const;

/** fw_dynamic_info.next_mode values. */
export const FW_DYNAMIC_NEXT_MODE = { U: 0, S: 1, M: 3 } as const;

export interface FwDynamicInfo {
  readonly nextAddr: number;
  readonly nextMode: number;
  readonly bootHart: number;
  readonly options?: number;
}

/** The struct's bytes (RV64 layout). */
export function encodeFwDynamicInfo(info: FwDynamicInfo): Uint8Array {
  const bytes = new Uint8Array(FW_DYNAMIC_INFO.size);
  const view = new DataView(bytes.buffer);
  const field = (index: number, value: number): void => {
    // Two's complement for -1 (boot_hart "any"): every value here is an address, a small code or -1.
    const v = BigInt.asUintN(64, BigInt(value));
    view.setBigUint64(index * 8, v, true);
  };
  field(0, FW_DYNAMIC_INFO.magic);
  field(1, FW_DYNAMIC_INFO.version);
  field(2, info.nextAddr);
  field(3, info.nextMode);
  field(4, info.options ?? 0);
  field(5, info.bootHart);
  return bytes;
}
