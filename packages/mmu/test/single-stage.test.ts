import { describe, expect, it } from 'vitest';
import { Access, FaultCause, PTE_A, PTE_D, PTE_G, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X } from '@rvhv/mmu';
import { makeMachine, openPmp, PageTables, RAM_BASE, readPte, S, satpValue, SV39, SV48, U, writePte } from './helpers/machine.js';

const RWX = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
const fault = (cause: number): number => -1 - cause;

function sv(levels: 3 | 4) {
  const m = makeMachine();
  openPmp(m.tr);
  const pt = new PageTables(m.ram, levels, m.alloc);
  const satp = satpValue(levels === 3 ? SV39 : SV48, 1, pt.root);
  m.tr.writeSatp(satp.lo, satp.hi);
  m.tr.setMode(S);
  return { ...m, pt };
}

describe('Sv39 translation at every level', () => {
  it('maps 4 KiB pages, keeping the page offset', () => {
    const { tr, pt } = sv(3);
    pt.map(0x4000_1000, RAM_BASE + 0x5000, RWX);
    expect(tr.translateLoad(0x4000_1234, 4)).toBe(RAM_BASE + 0x5234);
    expect(tr.translateStore(0x4000_1ff8, 8)).toBe(RAM_BASE + 0x5ff8);
    expect(tr.translateFetch(0x4000_1002)).toBe(RAM_BASE + 0x5002);
  });

  it('maps 2 MiB megapages with the low VPN bits taken from the address', () => {
    const { tr, pt } = sv(3);
    pt.map(0x4020_0000, RAM_BASE + 0x20_0000, RWX, 1);
    expect(tr.translateLoad(0x4020_0000 + 0x12_3456, 1)).toBe(RAM_BASE + 0x20_0000 + 0x12_3456);
    expect(tr.translateLoad(0x4020_0000 + 0x1f_fff8, 8)).toBe(RAM_BASE + 0x3f_fff8);
  });

  it('maps 1 GiB gigapages', () => {
    const { tr, pt } = sv(3);
    pt.map(0x4000_0000, RAM_BASE, RWX, 2);
    expect(tr.translateLoad(0x4000_0000 + 0x3ff_0010, 4)).toBe(RAM_BASE + 0x3ff_0010);
  });

  it('translates high-half (negative) canonical addresses', () => {
    const { tr, pt } = sv(3);
    const va = -0x40_0000_0000 + 0x1000; // 0xffff_ffc0_0000_1000
    pt.map(va, RAM_BASE + 0x7000, RWX);
    expect(tr.translateLoad(va + 8, 8)).toBe(RAM_BASE + 0x7008);
    expect(tr.translateLoad(-4096, 8)).toBe(fault(FaultCause.loadPageFault));
  });

  it('faults on non-canonical addresses (bits 63:39 must equal bit 38)', () => {
    const { tr, pt } = sv(3);
    pt.map(0, RAM_BASE, RWX, 2);
    expect(tr.translateLoad(0x40_0000_0000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateStore(-0x40_0000_0001, 4)).toBe(fault(FaultCause.storePageFault));
    expect(tr.translateFetch(0x80_0000_0000)).toBe(fault(FaultCause.instructionPageFault));
    expect(tr.fault.va).toBe(0x80_0000_0000);
  });
});

describe('Sv48 translation at every level', () => {
  it('maps 4 KiB, 2 MiB, 1 GiB and 512 GiB pages', () => {
    const { tr, pt } = sv(4);
    pt.map(0x1000, RAM_BASE + 0x3000, RWX, 0);
    pt.map(0x20_0000, RAM_BASE + 0x40_0000, RWX, 1);
    pt.map(0x40_0000_0000, RAM_BASE - 0x8000_0000 + 0x4000_0000, RWX, 2); // PA 0x4000_0000 (1 GiB aligned)
    pt.map(0x80_0000_0000, 0, RWX, 3);
    expect(tr.translateLoad(0x1abc, 1)).toBe(RAM_BASE + 0x3abc);
    expect(tr.translateLoad(0x2f_0000, 1)).toBe(RAM_BASE + 0x4f_0000);
    expect(tr.translateLoad(0x40_1234_5678, 1)).toBe(0x4000_0000 + 0x1234_5678);
    expect(tr.translateLoad(0x80_0000_0000 + RAM_BASE + 0x10, 1)).toBe(RAM_BASE + 0x10);
  });

  it('accepts 48-bit canonical addresses and faults beyond', () => {
    const { tr, pt } = sv(4);
    const va = -(2 ** 47) + 0x5000;
    pt.map(va, RAM_BASE + 0x9000, RWX);
    expect(tr.translateLoad(va, 4)).toBe(RAM_BASE + 0x9000);
    expect(tr.translateLoad(2 ** 47, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateLoad(-(2 ** 47) - 4096, 4)).toBe(fault(FaultCause.loadPageFault));
  });
});

describe('invalid PTEs and reserved encodings raise page faults', () => {
  it('V=0 at a leaf and at a non-leaf', () => {
    const { tr, pt, ram } = sv(3);
    const leaf = pt.map(0x1000, RAM_BASE, RWX);
    writePte(ram, leaf, RWX & ~PTE_V, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    const top = pt.pteAddress(0x4000_0000, 2);
    writePte(ram, top, 0, 0);
    expect(tr.translateStore(0x4000_0000, 4)).toBe(fault(FaultCause.storePageFault));
  });

  it('W=1 with R=0 is reserved (leaf or not)', () => {
    const { tr, pt } = sv(3);
    pt.map(0x1000, RAM_BASE, PTE_V | PTE_W | PTE_A | PTE_D);
    pt.map(0x2000, RAM_BASE, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateFetch(0x2000)).toBe(fault(FaultCause.instructionPageFault));
  });

  it('bits 60:54 must be zero', () => {
    const { tr, pt } = sv(3);
    for (let bit = 54; bit <= 60; bit++) {
      const va = 0x1000 * (bit - 50);
      pt.map(va, RAM_BASE, RWX, 0, 1 << (bit - 32));
      expect(tr.translateLoad(va, 4), `bit ${bit}`).toBe(fault(FaultCause.loadPageFault));
    }
  });

  it('D, A, U (and N, PBMT) in a non-leaf PTE are reserved', () => {
    for (const bits of [PTE_D, PTE_A, PTE_U]) {
      const { tr, pt, ram } = sv(3);
      pt.map(0x1000, RAM_BASE, RWX);
      const top = pt.pteAddress(0x1000, 2);
      const pte = readPte(ram, top);
      writePte(ram, top, pte.lo | bits, pte.hi);
      expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    }
    for (const hiBits of [1 << 31, 1 << 29]) {
      const { tr, pt, ram } = sv(3);
      tr.setMenvcfg(0, 1 << 30); // PBMTE on: PBMT is still reserved in non-leaf PTEs
      pt.map(0x1000, RAM_BASE, RWX);
      const mid = pt.pteAddress(0x1000, 1);
      const pte = readPte(ram, mid);
      writePte(ram, mid, pte.lo, pte.hi | hiBits);
      expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    }
  });

  it('a pointer at level 0 faults (i < 0)', () => {
    const { tr, pt, ram } = sv(3);
    const leaf = pt.map(0x1000, RAM_BASE, RWX);
    writePte(ram, leaf, ((RAM_BASE / 4096) << 10) | PTE_V, 0);
    expect(tr.translateFetch(0x1000)).toBe(fault(FaultCause.instructionPageFault));
  });

  it('misaligned superpages fault', () => {
    const { tr, pt } = sv(3);
    pt.map(0x20_0000, RAM_BASE + 0x1000, RWX, 1); // megapage at a PA that is not 2 MiB aligned
    pt.map(0x4000_0000, RAM_BASE + 0x20_0000, RWX, 2); // gigapage at a PA that is not 1 GiB aligned
    expect(tr.translateLoad(0x20_0000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateStore(0x4000_0000, 4)).toBe(fault(FaultCause.storePageFault));
  });

  it('global bits on any level are accepted (and G is not a reserved bit)', () => {
    const { tr, pt } = sv(3);
    pt.map(0x1000, RAM_BASE, RWX | PTE_G);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE);
  });
});

describe('page-table accesses that fail PMP or hit no memory are access faults', () => {
  it('reports an access fault of the original access type', () => {
    const m = makeMachine();
    const pt = new PageTables(m.ram, 3, m.alloc);
    const satp = satpValue(SV39, 0, pt.root);
    m.tr.writeSatp(satp.lo, satp.hi);
    m.tr.setMode(S);
    pt.map(0x1000, RAM_BASE, RWX);
    // No PMP entry: the S-mode walk itself is denied.
    expect(m.tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
    expect(m.tr.translateStore(0x1000, 4)).toBe(fault(FaultCause.storeAccessFault));
    expect(m.tr.translateFetch(0x1000)).toBe(fault(FaultCause.instructionAccessFault));
  });

  it('a root table outside RAM is an access fault', () => {
    const m = makeMachine();
    openPmp(m.tr);
    const satp = satpValue(SV39, 0, 0x1000_0000);
    m.tr.writeSatp(satp.lo, satp.hi);
    m.tr.setMode(U);
    expect(m.tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
  });

  it('a leaf pointing to memory PMP denies is an access fault, not a page fault', () => {
    const m = makeMachine();
    const pt = new PageTables(m.ram, 3, m.alloc);
    // Entry 0: deny the first 64 KiB of RAM to S/U; entry 15: everything else.
    m.tr.pmp.writeAddr(0, (RAM_BASE / 4 + 0x2000 - 1) | 0, 0);
    m.tr.pmp.writeCfg(0, 3 << 3, 0);
    openPmp(m.tr);
    const satp = satpValue(SV39, 0, pt.root);
    m.tr.writeSatp(satp.lo, satp.hi);
    m.tr.setMode(S);
    pt.map(0x1000, RAM_BASE, RWX);
    pt.map(0x2000, RAM_BASE + 0x1_0000, RWX);
    expect(m.tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
    expect(m.tr.translateLoad(0x2000, 4)).toBe(RAM_BASE + 0x1_0000);
  });
});

describe('Bare and M-mode', () => {
  it('M-mode does not translate, whatever satp holds', () => {
    const { tr } = sv(3);
    tr.setMode(3);
    expect(tr.translateLoad(RAM_BASE + 8, 8)).toBe(RAM_BASE + 8);
    expect(tr.translateFetch(0x1000)).toBe(0x1000);
  });

  it('addresses at or above 2^53 (and negative ones) are access faults in Bare', () => {
    const m = makeMachine();
    expect(m.tr.translateLoad(2 ** 53, 1)).toBe(fault(FaultCause.loadAccessFault));
    expect(m.tr.translateStore(-8, 8)).toBe(fault(FaultCause.storeAccessFault));
    expect(m.tr.translateFetch(-2)).toBe(fault(FaultCause.instructionAccessFault));
  });

  it('S-mode Bare is identity but PMP-checked', () => {
    const m = makeMachine();
    m.tr.setMode(S);
    expect(m.tr.translateLoad(RAM_BASE, 4)).toBe(fault(FaultCause.loadAccessFault));
    openPmp(m.tr);
    expect(m.tr.translateLoad(RAM_BASE, 4)).toBe(RAM_BASE);
  });

  it('peek translates without faulting on a clear A bit', () => {
    const { tr, pt, ram } = sv(3);
    const at = pt.map(0x1000, RAM_BASE, PTE_V | PTE_R);
    expect(tr.translate(0x1000, Access.load | Access.peek, 4)).toBe(RAM_BASE);
    expect(readPte(ram, at).lo & PTE_A).toBe(0);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
  });
});
