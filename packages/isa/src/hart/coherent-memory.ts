import type { AccessWidth, PhysicalMemory, RamWindow, Word64 } from '@rvhv/mmu';
import type { Decoded } from '../decode/decoder.js';

/** Page geometry (a file-local const enum: inlined as literals, unlike module constants, on the store path). */
const enum Page {
  shift = 12,
  /** Decoded-instruction slots per 4 KiB page (one per halfword). */
  slots = 2048,
}

/**
 * Told that decoded instructions were dropped: those of one page (its slots
 * as {@link CoherentMemory.codeSlots} returned them), or of every page
 * (undefined).
 */
export type CodeDropListener = (slots: readonly (Decoded | undefined)[] | undefined) => void;

/**
 * The physical memory that all harts of a machine share, plus the state that
 * must be shared with it: the decoded-instruction cache (decode once per
 * physical page, dropped when the page is written — by any hart or by DMA)
 * and the LR/SC reservations (a store by any hart breaks another hart's
 * reservation on the same granule).
 */
export class CoherentMemory {
  readonly ram: RamWindow;
  /** Decoded instructions per RAM page, indexed by halfword within the page. */
  private readonly code: (Array<Decoded | undefined> | undefined)[];
  /** 1 where `code` holds a page: checked on every RAM store. */
  private readonly codePages: Uint8Array;
  /** Reserved physical granule (8-byte aligned address) per hart, -1 when none. */
  private readonly reservations: number[] = [];
  /** How many harts hold a reservation (stores skip the reservation check when none does). */
  private reservationsHeld = 0;
  /** Called whenever decoded instructions are dropped (see {@link onCodeDropped}). */
  private readonly codeDropListeners: CodeDropListener[] = [];

  constructor(readonly physical: PhysicalMemory) {
    this.ram = physical.ram;
    const pages = Math.ceil(this.ram.size / 4096);
    this.code = new Array(pages);
    this.codePages = new Uint8Array(pages);
  }

  read(paddr: number, width: AccessWidth, out: Word64): boolean {
    return this.physical.read(paddr, width, out);
  }

  write(paddr: number, width: AccessWidth, lo: number, hi: number): boolean {
    return this.physical.write(paddr, width, lo, hi);
  }

  /** Cached decoded instruction at RAM offset `offset`, if any. */
  cachedInstruction(offset: number): Decoded | undefined {
    const page = this.code[offset >>> Page.shift];
    return page === undefined ? undefined : page[(offset & 0xfff) >>> 1];
  }

  cacheInstruction(offset: number, decoded: Decoded): void {
    this.codeSlots(offset)[(offset & 0xfff) >>> 1] = decoded;
  }

  /**
   * The decoded-instruction slots of the RAM page holding `offset` (one per
   * halfword, undefined where nothing is decoded yet), created if needed. A
   * hart may keep the array to fetch from without a lookup for as long as
   * the page's code stays cached: it learns of every drop through
   * {@link onCodeDropped}.
   */
  codeSlots(offset: number): (Decoded | undefined)[] {
    const index = offset >>> Page.shift;
    let page = this.code[index];
    if (page === undefined) {
      // Filled with undefined (not holes) so that reads of empty slots stay on V8's fast elements path.
      page = this.code[index] = new Array<Decoded | undefined>(Page.slots).fill(undefined);
      this.codePages[index] = 1;
    }
    return page;
  }

  /** Registers `listener` to be told whenever cached decoded instructions are dropped. */
  onCodeDropped(listener: CodeDropListener): void {
    this.codeDropListeners.push(listener);
  }

  /**
   * Called after every write to RAM at [offset, offset+length): drops the
   * decoded instructions of the pages it touched and breaks reservations.
   */
  noteRamWrite(offset: number, length: number): void {
    // The common case costs two loads: one page, without code; no reservations.
    const first = offset >>> Page.shift;
    if (this.codePages[first] !== 0 || (offset + length - 1) >>> Page.shift !== first) this.dropCode(offset, length);
    if (this.reservationsHeld !== 0) this.breakReservations(this.ram.base + offset, length);
  }

  private dropCode(offset: number, length: number): void {
    const first = offset >>> Page.shift;
    const last = (offset + length - 1) >>> Page.shift;
    for (let p = first; p <= last; p++) {
      if (this.codePages[p] === 1) {
        const slots = this.code[p];
        this.code[p] = undefined;
        this.codePages[p] = 0;
        this.codeDropped(slots);
      }
    }
  }

  /** Drops every decoded instruction (fence.i, or a bulk load of an image). */
  flushCode(): void {
    this.code.fill(undefined);
    this.codePages.fill(0);
    this.codeDropped(undefined);
  }

  private codeDropped(slots: readonly (Decoded | undefined)[] | undefined): void {
    for (const listener of this.codeDropListeners) listener(slots);
  }

  reserve(hartIndex: number, paddr: number): void {
    this.setReservation(hartIndex, paddr - (paddr & 7));
  }

  /** Whether hart `hartIndex` still holds a reservation covering `paddr`; clears it either way. */
  takeReservation(hartIndex: number, paddr: number): boolean {
    const held = this.reservations[hartIndex] === paddr - (paddr & 7);
    this.setReservation(hartIndex, -1);
    return held;
  }

  clearReservation(hartIndex: number): void {
    this.setReservation(hartIndex, -1);
  }

  private setReservation(hartIndex: number, granule: number): void {
    const before = this.reservations[hartIndex] ?? -1;
    this.reservations[hartIndex] = granule;
    this.reservationsHeld += (granule >= 0 ? 1 : 0) - (before >= 0 ? 1 : 0);
  }

  private breakReservations(paddr: number, length: number): void {
    for (let i = 0; i < this.reservations.length; i++) {
      const granule = this.reservations[i]!;
      if (granule >= 0 && granule < paddr + length && paddr < granule + 8) this.setReservation(i, -1);
    }
  }
}
