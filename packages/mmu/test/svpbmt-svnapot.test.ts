import { describe, expect, it } from 'vitest';
import { FaultCause, PTE_A, PTE_D, PTE_R, PTE_V, PTE_W } from '@rvhv/mmu';
import { makeMachine, openPmp, PageTables, PBMTE_HI, RAM_BASE, S, satpValue, SV39 } from './helpers/machine.js';

const RW = PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
const LPF = -1 - FaultCause.loadPageFault;
const pbmt = (value: number): number => value << 29;
const N = 1 << 31;

function setup() {
  const m = makeMachine();
  openPmp(m.tr);
  const pt = new PageTables(m.ram, 3, m.alloc);
  const satp = satpValue(SV39, 0, pt.root);
  m.tr.writeSatp(satp.lo, satp.hi);
  m.tr.setMode(S);
  return { ...m, pt };
}

describe('Svpbmt', () => {
  it('nonzero PBMT faults while menvcfg.PBMTE = 0', () => {
    const { tr, pt } = setup();
    pt.map(0x1000, RAM_BASE, RW, 0, pbmt(1));
    expect(tr.translateLoad(0x1000, 4)).toBe(LPF);
  });

  it('with PBMTE = 1, NC and IO are accepted and 3 is reserved', () => {
    const { tr, pt } = setup();
    tr.setMenvcfg(0, PBMTE_HI);
    pt.map(0x1000, RAM_BASE, RW, 0, pbmt(1));
    pt.map(0x2000, RAM_BASE, RW, 0, pbmt(2));
    pt.map(0x3000, RAM_BASE, RW, 0, pbmt(3));
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE);
    expect(tr.translateLoad(0x2000, 4)).toBe(RAM_BASE);
    expect(tr.translateLoad(0x3000, 4)).toBe(LPF);
  });
});

describe('Svnapot', () => {
  it('a 64 KiB NAPOT PTE takes ppn[3:0] from the virtual address', () => {
    const { tr, pt } = setup();
    const pa = RAM_BASE + 0x10_0000; // 64 KiB aligned
    // The PTE for va 0x35000 (in the 64 KiB region 0x30000-0x3ffff) with ppn[3:0] = 1000.
    pt.map(0x3_5000, pa + 0x8000, RW, 0, N);
    expect(tr.translateLoad(0x3_5123, 4)).toBe(pa + 0x5123);
  });

  it('other ppn[3:0] encodings are reserved', () => {
    const { tr, pt } = setup();
    for (const low of [0x0, 0x1, 0x2, 0x4, 0x9, 0xc]) {
      const va = 0x10_0000 + low * 0x1_0000;
      pt.map(va, RAM_BASE + low * 0x1000, RW, 0, N);
      expect(tr.translateLoad(va, 4), `ppn[3:0]=${low}`).toBe(LPF);
    }
  });

  it('N=1 is reserved on superpage leaves', () => {
    const { tr, pt } = setup();
    pt.map(0x20_0000, RAM_BASE, RW, 1, N);
    expect(tr.translateLoad(0x20_0000, 4)).toBe(LPF);
  });

  it('an address fence on one 4 KiB page of a NAPOT region drops the whole region', () => {
    const { tr, pt, ram } = setup();
    const pa = RAM_BASE + 0x10_0000;
    // Software fills all 16 PTEs of the region with the same NAPOT PTE.
    const slots: number[] = [];
    for (let k = 0; k < 16; k++) slots.push(pt.map(0x3_0000 + k * 0x1000, pa + 0x8000, RW, 0, N));
    expect(tr.translateLoad(0x3_2000, 4)).toBe(pa + 0x2000);
    for (const at of slots) ram.view.setInt32(at - ram.base, 0, true);
    expect(tr.translateLoad(0x3_2000, 4)).toBe(pa + 0x2000); // stale until the fence
    // A fence naming another page of the region covers this translation too.
    tr.sfenceVma(0x3_0000, undefined);
    expect(tr.translateLoad(0x3_2000, 4)).toBe(LPF);
  });
});
