import type { AccessWidth, Word64 } from '@rvhv/mmu';

/**
 * A memory-mapped device: the registers a bus region exposes. Offsets are
 * relative to the start of the region the device is mapped at, so the same
 * model can sit at any base address (the board's memory map decides where).
 *
 * Accesses are 1, 2, 4 or 8 bytes; 64-bit values travel as two int32 halves
 * like everywhere on the physical side (see `PhysicalMemory` in @rvhv/mmu).
 * Returning false means the device does not answer that access (a width or
 * offset it does not decode): the hart turns it into an access fault.
 */
export interface MmioDevice {
  /** Reads `width` bytes at `offset`, zero-extended into `out.lo`/`out.hi`. */
  read(offset: number, width: AccessWidth, out: Word64): boolean;
  /** Writes the low `width` bytes of `hi:lo` at `offset`. */
  write(offset: number, width: AccessWidth, lo: number, hi: number): boolean;
}

/**
 * One interrupt output of a device (a wire to the PLIC, or to a hart's mip
 * bit for the CLINT). Level-triggered: the device drives it high while its
 * condition holds.
 */
export interface IrqLine {
  set(level: boolean): void;
}

/** An interrupt line connected to nothing, for devices used without an interrupt controller. */
export const UNCONNECTED_IRQ: IrqLine = { set: () => undefined };
