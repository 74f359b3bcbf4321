import { describe, expect, it } from 'vitest';
import { Access, FaultCause, PTE_A, PTE_D, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X } from '@rvhv/mmu';
import { M, makeMachine, MPP_M, MPP_S, MPRV, MXR, openPmp, PageTables, RAM_BASE, S, satpValue, SUM, SV39, U } from './helpers/machine.js';

const AD = PTE_V | PTE_A | PTE_D;
const fault = (cause: number): number => -1 - cause;
const LPF = fault(FaultCause.loadPageFault);
const SPF = fault(FaultCause.storePageFault);
const IPF = fault(FaultCause.instructionPageFault);

function setup() {
  const m = makeMachine();
  openPmp(m.tr);
  const pt = new PageTables(m.ram, 3, m.alloc);
  const satp = satpValue(SV39, 0, pt.root);
  m.tr.writeSatp(satp.lo, satp.hi);
  // One page per permission combination.
  pt.map(0x1000, RAM_BASE + 0x1000, AD | PTE_R); // r--
  pt.map(0x2000, RAM_BASE + 0x2000, AD | PTE_R | PTE_W); // rw-
  pt.map(0x3000, RAM_BASE + 0x3000, AD | PTE_X); // --x
  pt.map(0x4000, RAM_BASE + 0x4000, AD | PTE_R | PTE_X); // r-x
  pt.map(0x5000, RAM_BASE + 0x5000, AD | PTE_R | PTE_W | PTE_X | PTE_U); // user rwx
  pt.map(0x6000, RAM_BASE + 0x6000, AD | PTE_X | PTE_U); // user --x
  return { ...m, pt };
}

describe('R/W/X checks per access kind', () => {
  it('loads need R, stores need W, fetches need X', () => {
    const { tr } = setup();
    tr.setMode(S);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0x1000);
    expect(tr.translateStore(0x1000, 4)).toBe(SPF);
    expect(tr.translateFetch(0x1000)).toBe(IPF);
    expect(tr.translateStore(0x2000, 4)).toBe(RAM_BASE + 0x2000);
    expect(tr.translateFetch(0x2000)).toBe(IPF);
    expect(tr.translateLoad(0x3000, 4)).toBe(LPF);
    expect(tr.translateStore(0x3000, 4)).toBe(SPF);
    expect(tr.translateFetch(0x3000)).toBe(RAM_BASE + 0x3000);
    expect(tr.translateFetch(0x4000)).toBe(RAM_BASE + 0x4000);
    expect(tr.translateStore(0x4000, 4)).toBe(SPF);
  });
});

describe('U bit and SUM', () => {
  it('U-mode may only touch U=1 pages', () => {
    const { tr } = setup();
    tr.setMode(U);
    expect(tr.translateLoad(0x1000, 4)).toBe(LPF);
    expect(tr.translateFetch(0x4000)).toBe(IPF);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    expect(tr.translateStore(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    expect(tr.translateFetch(0x5000)).toBe(RAM_BASE + 0x5000);
  });

  it('S-mode faults on U=1 pages unless SUM=1, and never executes them', () => {
    const { tr } = setup();
    tr.setMode(S);
    expect(tr.translateLoad(0x5000, 4)).toBe(LPF);
    expect(tr.translateStore(0x5000, 4)).toBe(SPF);
    tr.setMstatus(SUM, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    expect(tr.translateStore(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    expect(tr.translateFetch(0x5000)).toBe(IPF);
  });

  it('clearing SUM takes effect at once on a cached translation (no fence)', () => {
    const { tr } = setup();
    tr.setMode(S);
    tr.setMstatus(SUM, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    tr.setMstatus(0, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(LPF);
    tr.setMstatus(SUM, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
  });

  it('a privilege change takes effect at once on a cached translation', () => {
    const { tr } = setup();
    tr.setMode(S);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0x1000);
    tr.setMode(U);
    expect(tr.translateLoad(0x1000, 4)).toBe(LPF);
  });
});

describe('MXR', () => {
  it('makes execute-only pages readable by loads, not writable', () => {
    const { tr } = setup();
    tr.setMode(S);
    expect(tr.translateLoad(0x3000, 4)).toBe(LPF);
    tr.setMstatus(MXR, 0);
    expect(tr.translateLoad(0x3000, 4)).toBe(RAM_BASE + 0x3000);
    expect(tr.translateStore(0x3000, 4)).toBe(SPF);
    tr.setMode(U);
    expect(tr.translateLoad(0x6000, 4)).toBe(RAM_BASE + 0x6000);
    tr.setMstatus(0, 0);
    expect(tr.translateLoad(0x6000, 4)).toBe(LPF);
  });
});

describe('MPRV', () => {
  it('M-mode data accesses use MPP when MPRV=1; fetches do not', () => {
    const { tr } = setup();
    tr.setMode(M);
    tr.setMstatus(MPRV | MPP_S, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0x1000);
    expect(tr.translateStore(0x1000, 4)).toBe(SPF);
    // Instruction fetches are not affected by MPRV.
    expect(tr.translateFetch(RAM_BASE)).toBe(RAM_BASE);
  });

  it('MPP=U applies the U-mode rules, and SUM for MPP=S', () => {
    const { tr } = setup();
    tr.setMode(M);
    tr.setMstatus(MPRV, 0); // MPP = U
    expect(tr.translateLoad(0x1000, 4)).toBe(LPF);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
    tr.setMstatus(MPRV | MPP_S, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(LPF);
    tr.setMstatus(MPRV | MPP_S | SUM, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(RAM_BASE + 0x5000);
  });

  it('MPP=M means no translation; MPRV=0 means no translation in M-mode', () => {
    const { tr } = setup();
    tr.setMode(M);
    tr.setMstatus(MPRV | MPP_M, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(0x1000);
    tr.setMstatus(MPP_S, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(0x1000);
  });

  it('MPRV has no effect outside M-mode', () => {
    const { tr } = setup();
    tr.setMode(S);
    tr.setMstatus(MPRV, 0); // MPP=U would fault on a U=0 page
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0x1000);
  });
});

describe('explicit privilege overrides', () => {
  it('asUser / asSupervisor replace the effective privilege', () => {
    const { tr } = setup();
    tr.setMode(S);
    expect(tr.translate(0x1000, Access.load | Access.asUser, 4)).toBe(LPF);
    tr.setMode(U);
    expect(tr.translate(0x1000, Access.load | Access.asSupervisor, 4)).toBe(RAM_BASE + 0x1000);
  });
});
