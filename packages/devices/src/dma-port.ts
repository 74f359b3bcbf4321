/**
 * Guest physical memory as a bus master (a DMA engine, the HTIF host side)
 * sees it: byte ranges by physical address. The machine implements it over
 * RAM so that writes also drop stale decoded instructions and break LR/SC
 * reservations, exactly like a store from a hart.
 *
 * Returns false when any part of the range is not backed by memory.
 */
export interface DmaPort {
  /** Copies `into.length` bytes starting at `paddr` into `into`. */
  read(paddr: number, into: Uint8Array): boolean;
  /** Copies `bytes` to guest memory starting at `paddr`. */
  write(paddr: number, bytes: Uint8Array): boolean;
}
