import { describe, expect, it } from 'vitest';
import { FaultCause, PMP_A_SHIFT, PMP_R, PmpMatch, PTE_A, PTE_D, PTE_R, PTE_V, PTE_W, PTE_X } from '@rvhv/mmu';
import { ADUE_HI, makeMachine, openPmp, PageTables, RAM_BASE, readPte, S, satpValue, SV39, writePte } from './helpers/machine.js';

const RW = PTE_V | PTE_R | PTE_W;
const fault = (cause: number): number => -1 - cause;

function setup(adue: boolean) {
  const m = makeMachine();
  openPmp(m.tr);
  const pt = new PageTables(m.ram, 3, m.alloc);
  const satp = satpValue(SV39, 0, pt.root);
  m.tr.writeSatp(satp.lo, satp.hi);
  m.tr.setMode(S);
  if (adue) m.tr.setMenvcfg(0, ADUE_HI);
  return { ...m, pt };
}

describe('Svade (menvcfg.ADUE = 0): missing A/D bits raise page faults', () => {
  it('A=0 faults for every access kind; the PTE is left alone', () => {
    const { tr, pt, ram } = setup(false);
    const at = pt.map(0x1000, RAM_BASE, RW | PTE_X);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateStore(0x1000, 4)).toBe(fault(FaultCause.storePageFault));
    expect(tr.translateFetch(0x1000)).toBe(fault(FaultCause.instructionPageFault));
    expect(readPte(ram, at).lo & (PTE_A | PTE_D)).toBe(0);
  });

  it('A=1, D=0: loads succeed, stores fault', () => {
    const { tr, pt } = setup(false);
    pt.map(0x1000, RAM_BASE, RW | PTE_A);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE);
    expect(tr.translateStore(0x1000, 4)).toBe(fault(FaultCause.storePageFault));
  });
});

describe('Svadu (menvcfg.ADUE = 1): the walker sets A and D', () => {
  it('a load sets A only; a later store sets D even after the load was cached', () => {
    const { tr, pt, ram, memory } = setup(true);
    const at = pt.map(0x1000, RAM_BASE, RW);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE);
    expect(readPte(ram, at).lo & (PTE_A | PTE_D)).toBe(PTE_A);
    expect(tr.translateStore(0x1000, 4)).toBe(RAM_BASE);
    expect(readPte(ram, at).lo & (PTE_A | PTE_D)).toBe(PTE_A | PTE_D);
    // Hardware PTE writes are reported so decode caches and reservations stay coherent.
    expect(memory.ramWrites).toBe(2);
  });

  it('a store sets A and D at once and keeps the rest of the PTE', () => {
    const { tr, pt, ram } = setup(true);
    const at = pt.map(0x20_0000, RAM_BASE + 0x20_0000, RW | PTE_X, 1);
    const before = readPte(ram, at);
    expect(tr.translateStore(0x20_0010, 8)).toBe(RAM_BASE + 0x20_0010);
    const after = readPte(ram, at);
    expect(after.lo).toBe(before.lo | PTE_A | PTE_D);
    expect(after.hi).toBe(before.hi);
  });

  it('a fetch sets A', () => {
    const { tr, pt, ram } = setup(true);
    const at = pt.map(0x1000, RAM_BASE, PTE_V | PTE_X);
    expect(tr.translateFetch(0x1000)).toBe(RAM_BASE);
    expect(readPte(ram, at).lo & (PTE_A | PTE_D)).toBe(PTE_A);
  });

  it('permission faults come before the A/D update (no update on a fault)', () => {
    const { tr, pt, ram } = setup(true);
    const at = pt.map(0x1000, RAM_BASE, PTE_V | PTE_R);
    expect(tr.translateStore(0x1000, 4)).toBe(fault(FaultCause.storePageFault));
    expect(readPte(ram, at).lo & PTE_A).toBe(0);
  });

  it('a PTE update that PMP forbids is an access fault', () => {
    const { tr, pt, ram } = setup(true);
    const at = pt.map(0x1000, RAM_BASE, RW);
    // Entry 0: the 4 KiB page holding the leaf table, read-only for S/U.
    const table = at - (at % 4096);
    tr.pmp.writeAddr(0, (table / 4 + 0x1ff) | 0, 0);
    tr.pmp.writeCfg(0, (PmpMatch.napot << PMP_A_SHIFT) | PMP_R, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
    expect(readPte(ram, at).lo & PTE_A).toBe(0);
  });

  it('re-reads the PTE: a PTE made invalid before the access is not updated', () => {
    const { tr, pt, ram } = setup(true);
    const at = pt.map(0x1000, RAM_BASE, RW);
    writePte(ram, at, 0, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(readPte(ram, at).lo).toBe(0);
  });
});
