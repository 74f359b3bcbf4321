/**
 * Test fixtures: a RAM window, a page-table builder that writes real PTEs
 * into it, and a translator wired to both.
 */
import {
  createRam,
  ExecutionMode,
  makePte,
  PMP_A_SHIFT,
  PMP_R,
  PMP_W,
  PMP_X,
  PmpMatch,
  PTE_V,
  Translator,
  type PhysicalMemory,
  type RamWindow,
  type Word64,
} from '@rvhv/mmu';

export const RAM_BASE = 0x8000_0000;
export const RAM_SIZE = 32 * 1024 * 1024;
export const PAGE = 4096;

/** satp/hgatp MODE values. */
export const SV39 = 8;
export const SV48 = 9;

export interface TestMachine {
  ram: RamWindow;
  memory: PhysicalMemory & { ramWrites: number };
  tr: Translator;
  /** Allocates zeroed, naturally aligned host-physical pages in RAM. */
  alloc(pages?: number, align?: number): number;
}

export function makeMachine(options: { tlbEntries?: number } = {}): TestMachine {
  const ram = createRam(RAM_BASE, RAM_SIZE);
  const memory = {
    ram,
    ramWrites: 0,
    read: () => false,
    write: () => false,
    noteRamWrite(): void {
      memory.ramWrites++;
    },
  };
  const tr = new Translator(memory, options);
  // Tables live from 16 MiB into RAM; data pages below that.
  let next = RAM_BASE + 16 * 1024 * 1024;
  const alloc = (pages = 1, align = PAGE): number => {
    next = Math.ceil(next / align) * align;
    const at = next;
    next += pages * PAGE;
    return at;
  };
  return { ram, memory, tr, alloc };
}

/** Grants S/U full access to all memory with one NAPOT PMP entry (what firmware does). */
export function openPmp(tr: Translator): void {
  tr.pmp.writeAddr(15, -1, 0x3f_ffff);
  tr.pmp.writeCfg(2, 0, ((PmpMatch.napot << PMP_A_SHIFT) | PMP_R | PMP_W | PMP_X) << 24);
}

export function readPte(ram: RamWindow, hostAddr: number): Word64 {
  const off = hostAddr - ram.base;
  return { lo: ram.view.getInt32(off, true), hi: ram.view.getInt32(off + 4, true) };
}

export function writePte(ram: RamWindow, hostAddr: number, lo: number, hi: number): void {
  const off = hostAddr - ram.base;
  ram.view.setInt32(off, lo, true);
  ram.view.setInt32(off + 4, hi, true);
}

export function satpValue(mode: number, asid: number, rootPa: number): Word64 {
  const ppn = rootPa / PAGE;
  return { lo: ppn % 2 ** 32 | 0, hi: (mode << 28) | (asid << 12) | Math.floor(ppn / 2 ** 32) };
}

/**
 * Builds page tables (Sv39/Sv48 or, with `rootPages` 4, Sv39x4/Sv48x4).
 * Table addresses are in the table's own physical space (host physical for
 * satp/hgatp tables, guest physical for vsatp tables); `toHost` maps them
 * to host RAM for writing.
 */
export class PageTables {
  readonly root: number;
  constructor(
    private readonly ram: RamWindow,
    private readonly levels: 3 | 4,
    private readonly alloc: (pages?: number, align?: number) => number,
    private readonly toHost: (addr: number) => number = (a) => a,
    rootPages = 1,
  ) {
    this.root = alloc(rootPages, rootPages * PAGE);
  }

  /** Index of `va` at `level` (top level takes every remaining bit, for the x4 roots). */
  private index(va: number, level: number): number {
    const span = this.levels === 3 ? 2 ** 39 : 2 ** 48;
    const unsigned = va < 0 ? va + span : va;
    const idx = Math.floor(unsigned / 2 ** (12 + 9 * level));
    return level === this.levels - 1 ? idx : idx % 512;
  }

  /** Host address of the PTE for `va` at `level`, creating intermediate tables. */
  pteAddress(va: number, level: number): number {
    let table = this.root;
    for (let l = this.levels - 1; l > level; l--) {
      const at = this.toHost(table + this.index(va, l) * 8);
      const pte = readPte(this.ram, at);
      if ((pte.lo & PTE_V) === 0) {
        const next = this.alloc();
        const out = { lo: 0, hi: 0 };
        makePte(next / PAGE, PTE_V, out);
        writePte(this.ram, at, out.lo, out.hi);
        table = next;
      } else {
        table = ((pte.hi & 0x3fffff) * 2 ** 22 + (pte.lo >>> 10)) * PAGE;
      }
    }
    return this.toHost(table + this.index(va, level) * 8);
  }

  /** Maps the page at `va` (size given by `level`) to `pa` with PTE flag bits `flags` (V included by the caller). */
  map(va: number, pa: number, flags: number, level = 0, highBits = 0): number {
    const at = this.pteAddress(va, level);
    const out = { lo: 0, hi: 0 };
    makePte(pa / PAGE, flags, out);
    writePte(this.ram, at, out.lo, out.hi | highBits);
    return at;
  }
}

export const M = ExecutionMode.M;
export const S = ExecutionMode.S;
export const U = ExecutionMode.U;
export const VS = ExecutionMode.VS;
export const VU = ExecutionMode.VU;

/** mstatus bits. */
export const MPRV = 1 << 17;
export const SUM = 1 << 18;
export const MXR = 1 << 19;
export const MPP_S = 1 << 11;
export const MPP_M = 3 << 11;
/** mstatus.MPV in the high word. */
export const MPV_HI = 1 << 7;
/** menvcfg/henvcfg high-word bits. */
export const PBMTE_HI = 1 << 30;
export const ADUE_HI = 1 << 29;
