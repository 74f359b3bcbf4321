/**
 * One entry of a board's declared memory map: a named physical address range.
 * Boards keep their map as one table of these (QEMU `virt` `memmap[]`, rvemu
 * `bus.rs`), and the bus is built from that table.
 */
export interface MemoryMapEntry {
  readonly name: string;
  /** Physical address of the first byte. */
  readonly base: number;
  /** Size in bytes (> 0). */
  readonly size: number;
}

/** Formats a physical address the way error messages and logs show it. */
export function hexAddress(address: number): string {
  return `0x${address.toString(16)}`;
}
