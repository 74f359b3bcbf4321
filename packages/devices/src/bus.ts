import type { AccessWidth, PhysicalMemory, RamWindow, Word64 } from '@rvhv/mmu';
import type { MmioDevice } from './device.js';
import { hexAddress, type MemoryMapEntry } from './memory-map.js';

/** A device placed at one entry of the memory map. */
export interface MappedRegion {
  readonly entry: MemoryMapEntry;
  readonly device: MmioDevice;
}

/**
 * The physical address space of a board: RAM (which the hart reads and
 * writes directly, without calling the bus) plus memory-mapped devices.
 *
 * Regions are kept sorted by base address and found by binary search over
 * that table (an index, not a chain of address comparisons per device), with
 * the last region hit remembered because device accesses come in bursts
 * (a driver polling one status register, a UART fed byte by byte).
 * An access must lie entirely inside one region; anything else is an access
 * fault, as on real interconnects.
 */
export class Bus implements PhysicalMemory {
  readonly ram: RamWindow;
  private regionList: MappedRegion[] = [];
  /** Base and end (exclusive) of each region, parallel to `regionList`. */
  private bases: number[] = [];
  private ends: number[] = [];
  private lastHit = -1;

  constructor(ram: RamWindow, regions: readonly MappedRegion[] = []) {
    this.ram = ram;
    for (const r of regions) this.map(r.entry, r.device);
  }

  /** The mapped regions, lowest address first. */
  get regions(): readonly MappedRegion[] {
    return this.regionList;
  }

  /**
   * Places `device` at `entry`. Throws when the entry is empty or overlaps RAM
   * or another region: a board with an inconsistent memory map is a bug in
   * the board, not a guest error.
   */
  map(entry: MemoryMapEntry, device: MmioDevice): void {
    const end = entry.base + entry.size;
    if (!(entry.size > 0) || !Number.isSafeInteger(entry.base) || !Number.isSafeInteger(end) || entry.base < 0) {
      throw new RangeError(`memory map entry ${entry.name} at ${hexAddress(entry.base)} has an invalid range`);
    }
    if (entry.base < this.ram.base + this.ram.size && this.ram.base < end) {
      throw new RangeError(`memory map entry ${entry.name} at ${hexAddress(entry.base)} overlaps RAM`);
    }
    for (const other of this.regionList) {
      const o = other.entry;
      if (entry.base < o.base + o.size && o.base < end) {
        throw new RangeError(`memory map entry ${entry.name} at ${hexAddress(entry.base)} overlaps ${o.name} at ${hexAddress(o.base)}`);
      }
    }
    this.regionList = [...this.regionList, { entry, device }].sort((a, b) => a.entry.base - b.entry.base);
    this.bases = this.regionList.map((r) => r.entry.base);
    this.ends = this.regionList.map((r) => r.entry.base + r.entry.size);
    this.lastHit = -1;
  }

  /** Index into {@link regions} of the region containing `paddr`, or -1. */
  indexOf(paddr: number): number {
    const last = this.lastHit;
    if (last >= 0 && paddr >= this.bases[last]! && paddr < this.ends[last]!) return last;
    // Greatest base <= paddr.
    let lo = 0;
    let hi = this.bases.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bases[mid]! <= paddr) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || paddr >= this.ends[found]!) return -1;
    this.lastHit = found;
    return found;
  }

  /** The region containing `paddr`, if any. */
  regionAt(paddr: number): MappedRegion | undefined {
    const i = this.indexOf(paddr);
    return i < 0 ? undefined : this.regionList[i];
  }

  read(paddr: number, width: AccessWidth, out: Word64): boolean {
    const i = this.indexOf(paddr);
    if (i < 0 || paddr + width > this.ends[i]!) return false;
    return this.regionList[i]!.device.read(paddr - this.bases[i]!, width, out);
  }

  write(paddr: number, width: AccessWidth, lo: number, hi: number): boolean {
    const i = this.indexOf(paddr);
    if (i < 0 || paddr + width > this.ends[i]!) return false;
    return this.regionList[i]!.device.write(paddr - this.bases[i]!, width, lo, hi);
  }
}
