/**
 * Implicit page-table accesses: 8-byte PTE reads (RAM directly, devices
 * through `read`) and the atomic compare-and-set used for A/D updates.
 */
import type { PhysicalMemory, Word64 } from './physical-memory.js';

/** What the translator needs from physical memory; `noteRamWrite` keeps decode caches and LR reservations coherent. */
export interface TranslatorMemory extends PhysicalMemory {
  noteRamWrite?(offset: number, length: number): void;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Result of {@link PteMemory.compareAndSet}. */
export const CasResult = { noMemory: -1, changed: 0, written: 1 } as const;

export class PteMemory {
  /** The PTE read by the last successful {@link read}. */
  lo = 0;
  hi = 0;
  private readonly scratch: Word64 = { lo: 0, hi: 0 };
  /** RAM as int32 words for Atomics (when its alignment and the host byte order allow). */
  private readonly words: Int32Array | undefined;

  constructor(private readonly memory: TranslatorMemory) {
    const bytes = memory.ram.bytes;
    this.words =
      LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 && memory.ram.size % 4 === 0
        ? new Int32Array(bytes.buffer, bytes.byteOffset, memory.ram.size / 4)
        : undefined;
  }

  /** Reads the 8-byte PTE at `paddr` into lo/hi; false when nothing answers (an access fault). */
  read(paddr: number): boolean {
    const ram = this.memory.ram;
    const off = paddr - ram.base;
    if (off >= 0 && off <= ram.size - 8) {
      this.lo = ram.view.getInt32(off, true);
      this.hi = ram.view.getInt32(off + 4, true);
      return true;
    }
    if (!this.memory.read(paddr, 8, this.scratch)) return false;
    this.lo = this.scratch.lo | 0;
    this.hi = this.scratch.hi | 0;
    return true;
  }

  /**
   * Atomically: if the PTE at `paddr` still equals expLo/expHi, replaces its
   * low word (where A and D live) with `newLo` (privileged spec 4.3.2 step 7:
   * "Compare pte to the value of the PTE ... If the values match, set
   * pte.a ..."). The high word is compared first; only the low word is
   * written, so a concurrent change of the low word is always detected.
   */
  compareAndSet(paddr: number, expLo: number, expHi: number, newLo: number): number {
    const ram = this.memory.ram;
    const off = paddr - ram.base;
    if (off >= 0 && off <= ram.size - 8) {
      if (ram.view.getInt32(off + 4, true) !== expHi) return CasResult.changed;
      if (this.words !== undefined) {
        if (Atomics.compareExchange(this.words, off / 4, expLo, newLo) !== expLo) return CasResult.changed;
      } else {
        if (ram.view.getInt32(off, true) !== expLo) return CasResult.changed;
        ram.view.setInt32(off, newLo, true);
      }
      this.memory.noteRamWrite?.(off, 8);
      return CasResult.written;
    }
    if (!this.memory.read(paddr, 8, this.scratch)) return CasResult.noMemory;
    if ((this.scratch.lo | 0) !== expLo || (this.scratch.hi | 0) !== expHi) return CasResult.changed;
    return this.memory.write(paddr, 8, newLo, expHi) ? CasResult.written : CasResult.noMemory;
  }
}
