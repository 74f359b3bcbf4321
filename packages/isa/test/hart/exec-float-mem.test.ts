/**
 * Float loads and stores: addressing (signed offsets, rd/rs aliasing with
 * x registers of the same number), the compressed forms that expand to
 * fld/fsd, misaligned and page-crossing accesses, and faults that leave the
 * destination untouched.
 */
import { describe, expect, it } from 'vitest';
import { Exception } from '../../src/hart/causes.js';
import { CSR } from '../../src/table/csrs.js';
import { ExtensionState } from '../../src/hart/mstatus.js';
import { BOX, completed, fsState, getF, runFloat, setF, setFs } from './exec-float-check.js';
import { createMachine, encode, getCsr, getX, RAM_BASE, readMemory64, setX, writeHalves, writeMemory64, type TestMachine } from './harness.js';
import { u64 } from './int64-reference.js';

const DATA = RAM_BASE + 0x1000;

/** 8 bytes of memory as an unsigned 64-bit value. */
function mem(m: TestMachine, address: number): bigint {
  return u64(readMemory64(m, address));
}

/** Executes one 16-bit instruction at RAM_BASE with the float unit on. */
function runCompressed(m: TestMachine, name: string, operands: Record<string, number>): void {
  const h = m.hart;
  setFs(h, ExtensionState.Initial);
  writeHalves(m, RAM_BASE, [encode(name, operands)]);
  h.pc = h.nextPc = RAM_BASE;
  h.step();
  expect(h.pc, name).toBe(RAM_BASE + 2);
}

describe('flw / fsw / fld / fsd', () => {
  const m = createMachine();

  it('use x[rs1] + a signed offset', () => {
    writeMemory64(m, DATA, 0x400921fb54442d18n);
    writeMemory64(m, DATA + 8, 0x40490fdb_c0000000n);
    expect(getF(runFloat(m, 'fld', { rd: 7, rs1: 7, imm: -16 }, { x: { 7: BigInt(DATA + 16) } }), 7)).toBe(0x400921fb54442d18n);
    expect(getF(runFloat(m, 'flw', { rd: 7, rs1: 7, imm: 2047 }, { x: { 7: BigInt(DATA + 12 - 2047) } }), 7)).toBe(BOX | 0x40490fdbn);
    const h = runFloat(m, 'fsd', { rs1: 7, rs2: 7, imm: 24 }, { x: { 7: BigInt(DATA) }, f: { 7: 0x0123456789abcdefn } });
    expect(mem(m, DATA + 24)).toBe(0x0123456789abcdefn);
    expect(getX(h, 7)).toBe(BigInt(DATA)); // x7 is not f7
  });

  it('fsd stores a NaN with its payload', () => {
    const h = runFloat(m, 'fsd', { rs1: 5, rs2: 1, imm: 0 }, { x: { 5: BigInt(DATA) }, f: { 1: 0xfff8000000000123n } });
    expect(completed(h)).toBe(true);
    expect(mem(m, DATA)).toBe(0xfff8000000000123n);
  });

  it('misaligned accesses are performed (policy perform), page crossings included', () => {
    writeMemory64(m, DATA + 0xffd, 0x1122334455667788n);
    expect(getF(runFloat(m, 'fld', { rd: 2, rs1: 5, imm: 0 }, { x: { 5: BigInt(DATA + 0xffd) } }), 2)).toBe(0x1122334455667788n);
    expect(getF(runFloat(m, 'flw', { rd: 2, rs1: 5, imm: 0 }, { x: { 5: BigInt(DATA + 0xffe) } }), 2)).toBe(BOX | 0x44556677n);
    runFloat(m, 'fsd', { rs1: 5, rs2: 3, imm: 0 }, { x: { 5: BigInt(DATA + 0x1ffc) }, f: { 3: 0x8877665544332211n } });
    expect(mem(m, DATA + 0x1ffc)).toBe(0x8877665544332211n);
  });

  it('misaligned accesses trap under the trap policy, writing nothing', () => {
    const t = createMachine({ misaligned: 'trap' });
    setF(t.hart, 2, 0x55n);
    const h = runFloat(t, 'fld', { rd: 2, rs1: 5, imm: 4 }, { x: { 5: BigInt(DATA) } });
    expect(completed(h)).toBe(false);
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.loadMisaligned));
    expect(getCsr(h, CSR.mtval)).toBe(BigInt(DATA + 4));
    expect(getF(h, 2)).toBe(0x55n);
    const s = runFloat(t, 'fsw', { rs1: 5, rs2: 2, imm: 2 }, { x: { 5: BigInt(DATA) } });
    expect(getCsr(s, CSR.mcause)).toBe(BigInt(Exception.storeMisaligned));
  });

  it('an access fault leaves the destination and memory alone', () => {
    setF(m.hart, 4, 0x77n);
    const h = runFloat(m, 'flw', { rd: 4, rs1: 5, imm: 0 }, { x: { 5: 0x100n } });
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.loadAccessFault));
    expect(getF(h, 4)).toBe(0x77n);
    const s = runFloat(m, 'fsd', { rs1: 5, rs2: 4, imm: 8 }, { x: { 5: 0x100n } });
    expect(getCsr(s, CSR.mcause)).toBe(BigInt(Exception.storeAccessFault));
    expect(getCsr(s, CSR.mtval)).toBe(0x108n);
  });
});

describe('compressed float loads and stores', () => {
  const m = createMachine();

  it('c.fld / c.fsd: f8..f15, x8..x15 bases, offsets scaled by 8', () => {
    const h = m.hart;
    writeMemory64(m, DATA + 248, 0x3ff0000000000001n);
    setX(h, 9, BigInt(DATA));
    runCompressed(m, 'c.fld', { rd: 15, rs1: 9, imm: 248 });
    expect(getF(h, 15)).toBe(0x3ff0000000000001n);
    setF(h, 8, 0xc00921fb54442d18n);
    runCompressed(m, 'c.fsd', { rs1: 9, rs2: 8, imm: 16 });
    expect(mem(m, DATA + 16)).toBe(0xc00921fb54442d18n);
    expect(fsState(h)).toBe(ExtensionState.Initial); // a store does not dirty
  });

  it('c.fldsp / c.fsdsp: any f register, sp-relative', () => {
    const h = m.hart;
    setX(h, 2, BigInt(DATA + 0x100));
    writeMemory64(m, DATA + 0x100 + 504, 0x7ff4000000000000n);
    runCompressed(m, 'c.fldsp', { rd: 31, imm: 504 });
    expect(getF(h, 31)).toBe(0x7ff4000000000000n);
    expect(fsState(h)).toBe(ExtensionState.Dirty);
    setF(h, 0, 0x0000000000000001n);
    runCompressed(m, 'c.fsdsp', { rs2: 0, imm: 8 });
    expect(mem(m, DATA + 0x108)).toBe(1n);
  });
});
