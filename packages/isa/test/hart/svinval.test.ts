// Svinval: SINVAL.VMA and HINVAL.*VMA follow their fence's permission rules
// and really invalidate; SFENCE.W.INVAL / SFENCE.INVAL.IR are illegal in
// U-mode and a virtual instruction in VU-mode (privileged spec, Svinval).
import { describe, expect, it } from 'vitest';
import { Exception } from '@rvhv/isa';
import { attempt, csrWrite, encode, makeHart } from './h-helpers.js';

const VIRTUAL = { trap: true, to: 'M', cause: Exception.virtualInstruction };
const ILLEGAL = { trap: true, to: 'M', cause: Exception.illegalInstruction };
const OK = { trap: false };
const MSTATUS_TVM = 1n << 20n;
const HSTATUS_VTVM = 1n << 20n;

describe('Svinval', () => {
  const sinval = encode('sinval.vma', { rs1: 0, rs2: 0 });

  it('SINVAL.VMA has the permission rules of SFENCE.VMA', () => {
    expect(attempt(makeHart(), 'HS', sinval)).toEqual(OK);
    expect(attempt(makeHart(), 'U', sinval)).toMatchObject(ILLEGAL);
    expect(attempt(makeHart(), 'VU', sinval)).toMatchObject(VIRTUAL);
    const tvm = makeHart();
    csrWrite(tvm, 'M', 'mstatus', MSTATUS_TVM);
    expect(attempt(tvm, 'HS', sinval)).toMatchObject(ILLEGAL);
    const vtvm = makeHart();
    csrWrite(vtvm, 'M', 'hstatus', HSTATUS_VTVM);
    expect(attempt(vtvm, 'VS', sinval)).toMatchObject(VIRTUAL);
  });

  it('HINVAL.VVMA and HINVAL.GVMA have the rules of the HFENCEs', () => {
    for (const name of ['hinval.vvma', 'hinval.gvma']) {
      const word = encode(name, { rs1: 0, rs2: 0 });
      expect(attempt(makeHart(), 'HS', word)).toEqual(OK);
      expect(attempt(makeHart(), 'VS', word)).toMatchObject(VIRTUAL);
      expect(attempt(makeHart(), 'U', word)).toMatchObject(ILLEGAL);
    }
    const tvm = makeHart();
    csrWrite(tvm, 'M', 'mstatus', MSTATUS_TVM);
    expect(attempt(tvm, 'HS', encode('hinval.gvma', { rs1: 0, rs2: 0 }))).toMatchObject(ILLEGAL);
    expect(attempt(tvm, 'HS', encode('hinval.vvma', { rs1: 0, rs2: 0 }))).toEqual(OK);
  });

  it('SFENCE.W.INVAL and SFENCE.INVAL.IR run in S/VS, are illegal in U and virtual in VU', () => {
    for (const name of ['sfence.w.inval', 'sfence.inval.ir']) {
      const word = encode(name);
      expect(attempt(makeHart(), 'HS', word)).toEqual(OK);
      expect(attempt(makeHart(), 'VS', word)).toEqual(OK);
      expect(attempt(makeHart(), 'M', word)).toEqual(OK);
      expect(attempt(makeHart(), 'U', word)).toMatchObject(ILLEGAL);
      expect(attempt(makeHart(), 'VU', word)).toMatchObject(VIRTUAL);
    }
  });
});
