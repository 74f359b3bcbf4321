/**
 * Constants of the flattened device tree format (Devicetree Specification
 * v0.4, chapter 5 "Flattened Devicetree (DTB) Format"). All header fields and
 * tokens are big-endian 32-bit words.
 */

/** fdt_header.magic (5.2). */
export const FDT_MAGIC = 0xd00d_feed;
/** The version written (5.2: "the version of the devicetree data structure"). */
export const FDT_VERSION = 17;
/** fdt_header.last_comp_version written: version 17 stays readable by version 16 readers. */
export const FDT_LAST_COMP_VERSION = 16;
/** Oldest version read: before 16, node names were full paths and the header was shorter. */
export const FDT_MIN_READ_VERSION = 16;

/** Size of the version 17 header (ten 32-bit fields). Version 16 lacks size_dt_struct (36 bytes). */
export const FDT_HEADER_SIZE = 40;
export const FDT_V16_HEADER_SIZE = 36;

/** Byte offsets of the header fields (5.2). */
export const FDT_HEADER = {
  magic: 0,
  totalsize: 4,
  off_dt_struct: 8,
  off_dt_strings: 12,
  off_mem_rsvmap: 16,
  version: 20,
  last_comp_version: 24,
  boot_cpuid_phys: 28,
  size_dt_strings: 32,
  size_dt_struct: 36,
} as const;

/** Structure block tokens (5.4.1). */
export const FDT_BEGIN_NODE = 0x1;
export const FDT_END_NODE = 0x2;
export const FDT_PROP = 0x3;
export const FDT_NOP = 0x4;
export const FDT_END = 0x9;

/** The memory reservation block is 8-byte aligned, the structure block 4-byte aligned (5.1, 5.3.1, 5.4). */
export const FDT_RSVMAP_ALIGN = 8;
export const FDT_TOKEN_ALIGN = 4;
/** One reservation entry: 64-bit address and 64-bit size (5.3.2). */
export const FDT_RESERVE_ENTRY_SIZE = 16;

/** Rounds `n` up to a multiple of `align` (a power of two). */
export function alignUp(n: number, align: number): number {
  return (n + align - 1) & ~(align - 1);
}
