import type { MemoryMapEntry } from '@rvhv/devices';

/**
 * Main memory of the boards rvhv builds: where QEMU's `virt` and `spike`
 * boards put DRAM, so bare programs linked for them run unchanged.
 */
export const DRAM_BASE = 0x8000_0000;

/** RAM of a bare run unless told otherwise (QEMU `virt`'s default size). */
export const DEFAULT_RAM_SIZE = 128 * 1024 * 1024;

/** The RAM entry of a board's memory map. */
export function dramEntry(size: number = DEFAULT_RAM_SIZE, base: number = DRAM_BASE): MemoryMapEntry {
  return { name: 'dram', base, size };
}
