// Every case of the virtual-instruction exception that the H spec lists
// (8.6.1) outside the CSR tables (those are in h-csr-virtualization), and
// the neighbouring cases that must stay illegal instructions.
import { describe, expect, it } from 'vitest';
import { CSR, Exception } from '@rvhv/isa';
import { attempt, csrAttempt, csrWrite, encode, makeHart, type Mode } from './h-helpers.js';

const VIRTUAL = { trap: true, to: 'M', cause: Exception.virtualInstruction };
const ILLEGAL = { trap: true, to: 'M', cause: Exception.illegalInstruction };
const OK = { trap: false };

const HSTATUS_VTVM = 1n << 20n;
const HSTATUS_VTW = 1n << 21n;
const HSTATUS_VTSR = 1n << 22n;
const HSTATUS_HU = 1n << 9n;
const MSTATUS_TVM = 1n << 20n;
const MSTATUS_TW = 1n << 21n;
const MSTATUS_TSR = 1n << 22n;

const HYPERVISOR_INSTRUCTIONS = [
  encode('hlv.b', { rd: 5, rs1: 6 }),
  encode('hlv.bu', { rd: 5, rs1: 6 }),
  encode('hlv.h', { rd: 5, rs1: 6 }),
  encode('hlv.hu', { rd: 5, rs1: 6 }),
  encode('hlv.w', { rd: 5, rs1: 6 }),
  encode('hlv.wu', { rd: 5, rs1: 6 }),
  encode('hlv.d', { rd: 5, rs1: 6 }),
  encode('hlvx.hu', { rd: 5, rs1: 6 }),
  encode('hlvx.wu', { rd: 5, rs1: 6 }),
  encode('hsv.b', { rs2: 5, rs1: 6 }),
  encode('hsv.h', { rs2: 5, rs1: 6 }),
  encode('hsv.w', { rs2: 5, rs1: 6 }),
  encode('hsv.d', { rs2: 5, rs1: 6 }),
  encode('hfence.vvma', {}),
  encode('hfence.gvma', {}),
];

/** A hart whose x6 points at RAM (HLV/HSV in modes where they are allowed must not fault). */
function hart(): ReturnType<typeof makeHart> {
  const h = makeHart();
  h.x[12] = 0x8000_8000 | 0; // x6 = DATA
  h.x[13] = 0;
  return h;
}

describe('hypervisor instructions', () => {
  it('are virtual instructions in VS and VU, even with hstatus.HU = 1', () => {
    for (const word of HYPERVISOR_INSTRUCTIONS) {
      for (const mode of ['VS', 'VU'] as Mode[]) {
        const h = hart();
        csrWrite(h, 'M', 'hstatus', HSTATUS_HU);
        const out = attempt(h, mode, word);
        expect(out, `${word.toString(16)} in ${mode}`).toMatchObject(VIRTUAL);
        if (out.trap) expect(out.tval).toBe(BigInt(word));
      }
    }
  });

  it('are valid in M and HS', () => {
    for (const word of HYPERVISOR_INSTRUCTIONS) {
      for (const mode of ['M', 'HS'] as Mode[]) expect(attempt(hart(), mode, word), `${word.toString(16)} in ${mode}`).toEqual(OK);
    }
  });

  it('HLV/HLVX/HSV are illegal in U-mode unless hstatus.HU = 1; the fences always are', () => {
    for (const word of HYPERVISOR_INSTRUCTIONS) {
      const fence = word === encode('hfence.vvma') || word === encode('hfence.gvma');
      expect(attempt(hart(), 'U', word)).toMatchObject(ILLEGAL);
      const h = hart();
      csrWrite(h, 'M', 'hstatus', HSTATUS_HU);
      expect(attempt(h, 'U', word), word.toString(16)).toMatchObject(fence ? ILLEGAL : OK);
    }
  });

  it('HFENCE.GVMA is illegal in HS-mode with mstatus.TVM = 1, HFENCE.VVMA is not', () => {
    const h = hart();
    csrWrite(h, 'M', 'mstatus', MSTATUS_TVM);
    expect(attempt(h, 'HS', encode('hfence.gvma'))).toMatchObject(ILLEGAL);
    expect(attempt(h, 'HS', encode('hfence.vvma'))).toEqual(OK);
    expect(attempt(h, 'M', encode('hfence.gvma'))).toEqual(OK);
    expect(attempt(h, 'VS', encode('hfence.gvma'))).toMatchObject(VIRTUAL);
  });
});

describe('SRET', () => {
  it('is a virtual instruction in VU, and in VS with hstatus.VTSR = 1', () => {
    expect(attempt(makeHart(), 'VU', encode('sret'))).toMatchObject(VIRTUAL);
    const h = makeHart();
    csrWrite(h, 'M', 'hstatus', HSTATUS_VTSR);
    expect(attempt(h, 'VS', encode('sret'))).toMatchObject(VIRTUAL);
  });

  it('is unaffected by mstatus.TSR in VS-mode, illegal with it in HS-mode, illegal in U', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', MSTATUS_TSR);
    expect(attempt(h, 'VS', encode('sret'))).toEqual(OK);
    expect(attempt(h, 'HS', encode('sret'))).toMatchObject(ILLEGAL);
    expect(attempt(makeHart(), 'U', encode('sret'))).toMatchObject(ILLEGAL);
  });
});

describe('MRET', () => {
  it('is an illegal instruction (not HS-qualified) in every mode but M', () => {
    for (const mode of ['HS', 'U', 'VS', 'VU'] as Mode[]) expect(attempt(makeHart(), mode, encode('mret')), mode).toMatchObject(ILLEGAL);
  });
});

describe('WFI', () => {
  it('is a virtual instruction in VU-mode when mstatus.TW = 0', () => {
    expect(attempt(makeHart(), 'VU', encode('wfi'))).toMatchObject(VIRTUAL);
  });

  it('is a virtual instruction in VS-mode when hstatus.VTW = 1 and mstatus.TW = 0', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'hstatus', HSTATUS_VTW);
    expect(attempt(h, 'VS', encode('wfi'))).toMatchObject(VIRTUAL);
    expect(attempt(h, 'HS', encode('wfi'))).toEqual(OK); // VTW affects VS-mode only
  });

  it('is illegal in every mode below M when mstatus.TW = 1, VTW or not', () => {
    for (const mode of ['HS', 'U', 'VS', 'VU'] as Mode[]) {
      const h = makeHart();
      csrWrite(h, 'M', 'mstatus', MSTATUS_TW);
      csrWrite(h, 'M', 'hstatus', HSTATUS_VTW);
      expect(attempt(h, mode, encode('wfi')), mode).toMatchObject(ILLEGAL);
    }
  });

  it('is illegal in U-mode and waits in VS-mode with VTW = 0', () => {
    expect(attempt(makeHart(), 'U', encode('wfi'))).toMatchObject(ILLEGAL);
    const h = makeHart();
    expect(attempt(h, 'VS', encode('wfi'))).toEqual(OK);
    expect(h.waiting).toBe(true);
  });
});

describe('SFENCE.VMA', () => {
  const sfence = encode('sfence.vma', { rs1: 0, rs2: 0 });

  it('is a virtual instruction in VU, and in VS with hstatus.VTVM = 1', () => {
    expect(attempt(makeHart(), 'VU', sfence)).toMatchObject(VIRTUAL);
    const h = makeHart();
    csrWrite(h, 'M', 'hstatus', HSTATUS_VTVM);
    expect(attempt(h, 'VS', sfence)).toMatchObject(VIRTUAL);
    expect(attempt(h, 'HS', sfence)).toEqual(OK);
  });

  it('ignores mstatus.TVM in VS-mode; TVM makes it illegal in HS-mode', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', MSTATUS_TVM);
    expect(attempt(h, 'VS', sfence)).toEqual(OK);
    expect(attempt(h, 'HS', sfence)).toMatchObject(ILLEGAL);
    expect(attempt(makeHart(), 'U', sfence)).toMatchObject(ILLEGAL);
  });
});

describe('Sstc stimecmp', () => {
  const STCE = 1n << 63n;

  function sstcHart(menvcfg: bigint, henvcfg: bigint, mcounteren: bigint, hcounteren: bigint) {
    const h = makeHart();
    csrWrite(h, 'M', 'menvcfg', menvcfg);
    csrWrite(h, 'M', 'henvcfg', henvcfg);
    csrWrite(h, 'M', 'mcounteren', mcounteren);
    csrWrite(h, 'M', 'hcounteren', hcounteren);
    return h;
  }

  it('is accessible from HS and VS when every enable is set', () => {
    const h = sstcHart(STCE, STCE, 2n, 2n);
    expect(csrAttempt(h, 'HS', CSR.stimecmp, true)).toEqual(OK);
    expect(csrAttempt(h, 'VS', CSR.stimecmp, true)).toEqual(OK);
    expect(csrAttempt(h, 'HS', CSR.vstimecmp, true)).toEqual(OK);
  });

  it('is illegal below M without menvcfg.STCE or mcounteren.TM', () => {
    for (const [menv, mcnt] of [
      [0n, 2n],
      [STCE, 0n],
    ]) {
      const h = sstcHart(menv!, STCE, mcnt!, 2n);
      for (const mode of ['HS', 'VS', 'VU'] as Mode[]) expect(csrAttempt(h, mode, CSR.stimecmp, false), mode).toMatchObject(ILLEGAL);
      expect(csrAttempt(h, 'HS', CSR.vstimecmp, false)).toMatchObject(ILLEGAL);
      expect(csrAttempt(h, 'VS', CSR.vstimecmp, false)).toMatchObject(ILLEGAL); // not HS-qualified
      expect(csrAttempt(h, 'M', CSR.stimecmp, false)).toEqual(OK);
    }
  });

  it('is a virtual instruction from VS without henvcfg.STCE or hcounteren.TM', () => {
    expect(csrAttempt(sstcHart(STCE, 0n, 2n, 2n), 'VS', CSR.stimecmp, false)).toMatchObject(VIRTUAL);
    expect(csrAttempt(sstcHart(STCE, STCE, 2n, 0n), 'VS', CSR.stimecmp, false)).toMatchObject(VIRTUAL);
    expect(csrAttempt(sstcHart(STCE, 0n, 2n, 0n), 'HS', CSR.stimecmp, false)).toEqual(OK);
  });

  it('is a virtual instruction from VU (HS-qualified) and direct vstimecmp from VS', () => {
    const h = sstcHart(STCE, STCE, 2n, 2n);
    expect(csrAttempt(h, 'VU', CSR.stimecmp, false)).toMatchObject(VIRTUAL);
    expect(csrAttempt(h, 'VS', CSR.vstimecmp, false)).toMatchObject(VIRTUAL);
    expect(csrAttempt(h, 'U', CSR.stimecmp, false)).toMatchObject(ILLEGAL);
  });
});

describe('the exception is an illegal instruction when V=1 is not the reason', () => {
  it('for an unknown encoding in VS', () => {
    expect(attempt(makeHart(), 'VS', 0xffff_ffff)).toMatchObject(ILLEGAL);
  });
});
