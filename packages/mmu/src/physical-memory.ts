/**
 * The physical side of every access the hart makes: RAM on a fast path and
 * everything else (devices) through `read`/`write`.
 *
 * 64-bit values travel as two 32-bit halves (no BigInt on hot paths, see
 * DESIGN.md): `read` fills a caller-owned {@link Word64}, `write` takes `lo`
 * and `hi`. Physical addresses are plain numbers (exact up to 2^53; anything
 * above that is not backed by memory and faults).
 */

/** Width in bytes of one memory access. */
export type AccessWidth = 1 | 2 | 4 | 8;

/** A 64-bit value as two 32-bit halves; `lo` and `hi` are int32 values. */
export interface Word64 {
  lo: number;
  hi: number;
}

/**
 * Main memory, laid out so the interpreter and a later WebAssembly
 * translator see the same bytes: `bytes`/`view` are views of guest RAM
 * inside one `WebAssembly.Memory` (see DESIGN.md).
 */
export interface RamWindow {
  /** Physical address of the first byte. */
  readonly base: number;
  /** Size in bytes. */
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
}

/** The physical address space as the hart sees it. */
export interface PhysicalMemory {
  /** The RAM region, accessed directly by the hart without a call. */
  readonly ram: RamWindow;
  /**
   * Reads `width` bytes at `paddr` (outside RAM) into `out`, zero-extended
   * into `out.lo`/`out.hi`. Returns false when nothing answers at that
   * address: the hart turns that into an access fault.
   */
  read(paddr: number, width: AccessWidth, out: Word64): boolean;
  /** Writes the low `width` bytes of `hi:lo` at `paddr`; false on access fault. */
  write(paddr: number, width: AccessWidth, lo: number, hi: number): boolean;
}

/** Allocates guest RAM inside a WebAssembly.Memory, as DESIGN.md requires. */
export function createRam(base: number, size: number, memory?: WebAssembly.Memory, offset = 0): RamWindow {
  const pageSize = 65536;
  const mem = memory ?? new WebAssembly.Memory({ initial: Math.ceil((offset + size) / pageSize) });
  if (offset + size > mem.buffer.byteLength) {
    throw new RangeError(`RAM of ${size} bytes at offset ${offset} does not fit in a ${mem.buffer.byteLength}-byte memory`);
  }
  return {
    base,
    size,
    bytes: new Uint8Array(mem.buffer, offset, size),
    view: new DataView(mem.buffer, offset, size),
  };
}

/** A physical address space of just RAM: everything else faults. */
export function ramOnly(ram: RamWindow): PhysicalMemory {
  return {
    ram,
    read: () => false,
    write: () => false,
  };
}
