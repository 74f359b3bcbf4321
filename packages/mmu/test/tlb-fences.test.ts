import { describe, expect, it } from 'vitest';
import { FaultCause, PMP_A_SHIFT, PmpMatch, PTE_A, PTE_D, PTE_G, PTE_R, PTE_V, PTE_W, PTE_X } from '@rvhv/mmu';
import { M, makeMachine, openPmp, PageTables, RAM_BASE, readPte, S, satpValue, SV39, SV48, writePte } from './helpers/machine.js';

const RW = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
const LPF = -1 - FaultCause.loadPageFault;
const A = RAM_BASE + 0x1000;
const B = RAM_BASE + 0x2000;

function setup(asid = 1) {
  const m = makeMachine({ tlbEntries: 64 });
  openPmp(m.tr);
  const pt = new PageTables(m.ram, 3, m.alloc);
  const satp = satpValue(SV39, asid, pt.root);
  m.tr.writeSatp(satp.lo, satp.hi);
  m.tr.setMode(S);
  return { ...m, pt };
}

/** Points the leaf at `at` to physical page `pa`, keeping its flags. */
function retarget(ram: ReturnType<typeof setup>['ram'], at: number, pa: number): void {
  const pte = readPte(ram, at);
  writePte(ram, at, ((pa / 4096) << 10) | (pte.lo & 0x3ff), 0);
}

describe('stale translations are used until the right fence', () => {
  it('sfence.vma with rs1=x0, rs2=x0 drops everything', () => {
    const { tr, pt, ram } = setup();
    const at = pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    retarget(ram, at, B);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    expect(tr.translateStore(0x1000, 4)).toBe(B); // the store TLB had no entry: it walks now
    tr.sfenceVma(undefined, undefined);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
  });

  it('sfence.vma on another address keeps the stale entry; on its address drops it', () => {
    const { tr, pt, ram } = setup();
    const at = pt.map(0x1000, A, RW);
    pt.map(0x5000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    expect(tr.translateLoad(0x5000, 4)).toBe(A);
    retarget(ram, at, B);
    tr.sfenceVma(0x5000, undefined);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    tr.sfenceVma(0x1ffc, undefined);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
  });

  it('an address fence inside a megapage drops the 4 KiB slots filled from it elsewhere', () => {
    const { tr, pt, ram } = setup();
    const at = pt.map(0x20_0000, RAM_BASE + 0x20_0000, RW, 1);
    expect(tr.translateLoad(0x20_0000, 4)).toBe(RAM_BASE + 0x20_0000);
    expect(tr.translateLoad(0x3f_f000, 4)).toBe(RAM_BASE + 0x3f_f000);
    writePte(ram, at, 0, 0);
    tr.sfenceVma(0x20_0000, undefined);
    expect(tr.translateLoad(0x3f_f000, 4)).toBe(LPF);
  });

  it('an ASID fence drops that ASID only, and never global entries', () => {
    const { tr, pt, ram } = setup(5);
    const local = pt.map(0x1000, A, RW);
    const global = pt.map(0x3000, A, RW | PTE_G);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    expect(tr.translateLoad(0x3000, 4)).toBe(A);
    retarget(ram, local, B);
    retarget(ram, global, B);
    tr.sfenceVma(undefined, 6);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    tr.sfenceVma(undefined, 5);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
    expect(tr.translateLoad(0x3000, 4)).toBe(A);
    tr.sfenceVma(0x3000, 5);
    expect(tr.translateLoad(0x3000, 4)).toBe(A);
    tr.sfenceVma(0x3000, undefined);
    expect(tr.translateLoad(0x3000, 4)).toBe(B);
  });

  it('the G bit of a non-leaf PTE makes the mappings below it global', () => {
    const { tr, pt, ram } = setup(5);
    const at = pt.map(0x1000, A, RW);
    const top = pt.pteAddress(0x1000, 2);
    const pte = readPte(ram, top);
    writePte(ram, top, pte.lo | PTE_G, pte.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    retarget(ram, at, B);
    tr.sfenceVma(undefined, 5);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
  });
});

describe('satp writes do not flush', () => {
  it('a new root with the same ASID keeps using the old translations until sfence.vma', () => {
    const { tr, pt, alloc, ram } = setup(3);
    pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    const other = new PageTables(ram, 3, alloc);
    other.map(0x1000, B, RW);
    const satp = satpValue(SV39, 3, other.root);
    tr.writeSatp(satp.lo, satp.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    tr.sfenceVma(undefined, undefined);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
  });

  it('an ASID change takes effect immediately, and switching back finds the old entries', () => {
    const { tr, pt, alloc, ram } = setup(3);
    const at = pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    const other = new PageTables(ram, 3, alloc);
    other.map(0x1000, B, RW);
    const satp4 = satpValue(SV39, 4, other.root);
    tr.writeSatp(satp4.lo, satp4.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
    retarget(ram, at, B);
    const satp3 = satpValue(SV39, 3, pt.root);
    tr.writeSatp(satp3.lo, satp3.hi);
    // ASID 3's (now stale) entry survived: slots are salted per ASID, so ASID 4 did not evict it.
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
  });

  it('switching to Bare and back takes effect immediately', () => {
    const { tr, pt } = setup(3);
    pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    const saved = { lo: 0, hi: 0 };
    tr.readSatp(saved);
    tr.writeSatp(0, 0);
    expect(tr.translateLoad(A, 4)).toBe(A);
    expect(tr.translateLoad(0x1000, 4)).toBe(0x1000);
    tr.writeSatp(saved.lo, saved.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
  });

  it('M-mode accesses never use S-mode entries', () => {
    const { tr, pt } = setup();
    pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    tr.setMode(M);
    expect(tr.translateLoad(0x1000, 4)).toBe(0x1000);
  });
});

describe('PMP writes invalidate cached PMP results', () => {
  it('a new denying entry takes effect on a cached page', () => {
    const { tr, pt } = setup();
    pt.map(0x1000, A, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(A);
    tr.pmp.writeAddr(0, (A / 4 + 0x1ff) | 0, 0);
    tr.pmp.writeCfg(0, PmpMatch.napot << PMP_A_SHIFT, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(-1 - FaultCause.loadAccessFault);
  });
});

describe('Sv48 and Sv39 entries are not confused', () => {
  it('a MODE change with the same ASID walks the new tables', () => {
    const { tr, ram, alloc } = setup(2);
    const pt48 = new PageTables(ram, 4, alloc);
    pt48.map(0x1000, B, RW);
    const satp = satpValue(SV48, 2, pt48.root);
    tr.writeSatp(satp.lo, satp.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(B);
  });
});
