/**
 * The float unit's state in mstatus (privileged spec 3.1.6.6; H spec
 * 8.2.10): with FS = Off every F/D instruction is illegal (with V=1 also
 * when vsstatus.FS = Off); an instruction that writes an f register or
 * raises a flag sets FS (and vsstatus.FS while V=1) to Dirty and SD to 1;
 * instructions that only read the float state leave FS alone. Flags accrue:
 * no instruction clears them.
 */
import { describe, expect, it } from 'vitest';
import { Exception } from '../../src/hart/causes.js';
import { INSTRUCTIONS } from '../../src/table/index.js';
import { CSR } from '../../src/table/csrs.js';
import { ExtensionState, MSTATUS, MSTATUS_SHIFT } from '../../src/hart/mstatus.js';
import { BOX, completed, fsState, getF, runFloat, sdBit, setF, setFs } from './exec-float-check.js';
import { createMachine, encode, getCsr, getX, RAM_BASE, writeHalves } from './harness.js';
import { attempt, getCsr as hGetCsr, makeHart, setCsr } from './h-helpers.js';

const FLOAT_ROWS = INSTRUCTIONS.filter((spec) => spec.ext === 'F' || spec.ext === 'D').map((spec) => spec.name);
const COMPRESSED_FLOAT_ROWS = ['c.fld', 'c.fsd', 'c.fldsp', 'c.fsdsp'];

describe('mstatus.FS = Off', () => {
  const m = createMachine();

  it.each(FLOAT_ROWS)('%s is an illegal instruction and changes nothing', (name) => {
    const h = m.hart;
    setFs(h, ExtensionState.Off);
    h.f.fill(0x11);
    h.x[20] = 0x22;
    h.fflags = 0;
    const operands = { rd: 10, rs1: 11, rs2: 12, rs3: 13, rm: 0, imm: 0 };
    h.x[22] = RAM_BASE + 0x100; // x11: an address in RAM, for loads and stores
    h.x[23] = -1;
    h.pc = h.nextPc = RAM_BASE;
    const word = encode(name, operands);
    m.ram.view.setUint32(0, word, true);
    m.memory.noteRamWrite(0, 4);
    h.step();
    expect(completed(h)).toBe(false);
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.illegalInstruction));
    expect(getCsr(h, CSR.mtval)).toBe(BigInt(word));
    expect(h.f.every((v) => v === 0x11)).toBe(true);
    expect(h.x[20]).toBe(0x22);
    expect(h.fflags).toBe(0);
    expect(fsState(h)).toBe(ExtensionState.Off);
  });

  it.each(COMPRESSED_FLOAT_ROWS)('%s is an illegal instruction (tval: its 16 bits)', (name) => {
    const h = m.hart;
    setFs(h, ExtensionState.Off);
    h.f.fill(0x11);
    const parcel = encode(name, { rd: 9, rs1: 8, rs2: 9, imm: 8 });
    h.x[16] = RAM_BASE + 0x100; // x8
    h.x[17] = -1;
    h.x[4] = RAM_BASE + 0x200; // sp
    h.x[5] = -1;
    writeHalves(m, RAM_BASE, [parcel]);
    h.pc = h.nextPc = RAM_BASE;
    h.step();
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.illegalInstruction));
    expect(getCsr(h, CSR.mtval)).toBe(BigInt(parcel));
    expect(h.f.every((v) => v === 0x11)).toBe(true);
  });

  it('the same instructions run once FS is on', () => {
    const h = runFloat(m, 'fadd.d', { rd: 10, rs1: 11, rs2: 12, rm: 0 }, { f: { 11: 0x3ff0000000000000n, 12: 0x3ff0000000000000n } });
    expect(completed(h)).toBe(true);
    expect(getF(h, 10)).toBe(0x4000000000000000n);
  });
});

describe('FS = Dirty after writes of the float state', () => {
  const m = createMachine();

  /** Runs one instruction from FS = Clean and returns FS after it. */
  function fsAfter(name: string, operands: Record<string, number>, f: Record<number, bigint> = {}, x: Record<number, bigint> = {}): number {
    setFs(m.hart, ExtensionState.Clean);
    const h = runFloat(m, name, operands, { f, x });
    expect(completed(h), name).toBe(true);
    expect(sdBit(h)).toBe(fsState(h) === ExtensionState.Dirty);
    return fsState(h);
  }
  const ADDRESS = BigInt(RAM_BASE + 0x400);
  const ONE = 0x3ff0000000000000n;
  const SNAN = 0x7ff4000000000000n;
  const QNAN = 0x7ff8000000000000n;

  it('instructions that write an f register make it Dirty (and set SD)', () => {
    expect(fsAfter('fmv.w.x', { rd: 1, rs1: 5 })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fmv.d.x', { rd: 1, rs1: 5 })).toBe(ExtensionState.Dirty);
    expect(fsAfter('flw', { rd: 1, rs1: 5, imm: 0 }, {}, { 5: ADDRESS })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fld', { rd: 1, rs1: 5, imm: 0 }, {}, { 5: ADDRESS })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fsgnj.d', { rd: 1, rs1: 2, rs2: 2 }, { 2: ONE })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fadd.d', { rd: 1, rs1: 2, rs2: 2, rm: 0 }, { 2: ONE })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fcvt.d.l', { rd: 1, rs1: 5, rm: 0 }, {}, { 5: 3n })).toBe(ExtensionState.Dirty);
  });

  it('instructions that only read the float state leave it Clean', () => {
    expect(fsAfter('fsw', { rs1: 5, rs2: 2, imm: 0 }, { 2: ONE }, { 5: ADDRESS })).toBe(ExtensionState.Clean);
    expect(fsAfter('fsd', { rs1: 5, rs2: 2, imm: 0 }, { 2: ONE }, { 5: ADDRESS })).toBe(ExtensionState.Clean);
    expect(fsAfter('fmv.x.d', { rd: 6, rs1: 2 }, { 2: ONE })).toBe(ExtensionState.Clean);
    expect(fsAfter('fmv.x.w', { rd: 6, rs1: 2 }, { 2: ONE })).toBe(ExtensionState.Clean);
    expect(fsAfter('fclass.d', { rd: 6, rs1: 2 }, { 2: SNAN })).toBe(ExtensionState.Clean);
    expect(fsAfter('feq.d', { rd: 6, rs1: 2, rs2: 3 }, { 2: ONE, 3: QNAN })).toBe(ExtensionState.Clean);
    expect(fsAfter('fcvt.w.d', { rd: 6, rs1: 2, rm: 0 }, { 2: ONE })).toBe(ExtensionState.Clean);
  });

  it('instructions that write only x registers make it Dirty when they raise a flag', () => {
    expect(fsAfter('feq.d', { rd: 6, rs1: 2, rs2: 3 }, { 2: ONE, 3: SNAN })).toBe(ExtensionState.Dirty);
    expect(fsAfter('flt.d', { rd: 6, rs1: 2, rs2: 3 }, { 2: ONE, 3: QNAN })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fcvt.w.d', { rd: 6, rs1: 2, rm: 0 }, { 2: 0x3ff8000000000000n })).toBe(ExtensionState.Dirty);
    expect(fsAfter('fcvt.lu.d', { rd: 6, rs1: 2, rm: 0 }, { 2: 0xbff0000000000000n })).toBe(ExtensionState.Dirty);
  });

  it('a load that faults writes nothing and leaves FS alone', () => {
    setFs(m.hart, ExtensionState.Clean);
    setF(m.hart, 1, 0x1234n);
    const h = runFloat(m, 'fld', { rd: 1, rs1: 5, imm: 0 }, { x: { 5: 0x1000n } });
    expect(completed(h)).toBe(false);
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.loadAccessFault));
    expect(getF(h, 1)).toBe(0x1234n);
    expect(fsState(h)).toBe(ExtensionState.Clean);
  });
});

describe('fflags accrue', () => {
  const m = createMachine();

  it('each instruction ORs its flags into fflags and never clears one', () => {
    const h = m.hart;
    runFloat(m, 'fdiv.d', { rd: 1, rs1: 2, rs2: 3, rm: 0 }, { f: { 2: 0x3ff0000000000000n, 3: 0n } });
    expect(h.fflags).toBe(8); // DZ
    expect(getF(h, 1)).toBe(0x7ff0000000000000n);
    // runFloat resets fflags: set it by hand to keep the accrued value.
    setF(h, 2, 0x3ff0000000000000n);
    setF(h, 3, 0x4008000000000000n);
    h.pc = h.nextPc = RAM_BASE;
    m.ram.view.setUint32(0, encode('fdiv.d', { rd: 1, rs1: 2, rs2: 3, rm: 0 }), true);
    m.memory.noteRamWrite(0, 4);
    h.step();
    expect(h.fflags).toBe(8 | 1); // DZ still set, NX added
    h.pc = h.nextPc = RAM_BASE;
    m.ram.view.setUint32(0, encode('fadd.d', { rd: 1, rs1: 2, rs2: 2, rm: 0 }), true);
    m.memory.noteRamWrite(0, 4);
    h.step();
    expect(h.fflags).toBe(8 | 1); // an exact operation raises nothing and clears nothing
    // And software sees them in fcsr: csrrs x10, fcsr, x0.
    h.frm = 3;
    h.pc = h.nextPc = RAM_BASE;
    m.ram.view.setUint32(0, encode('csrrs', { rd: 10, csr: CSR.fcsr, rs1: 0 }), true);
    m.memory.noteRamWrite(0, 4);
    h.step();
    expect(getX(h, 10)).toBe(BigInt((3 << 5) | 9));
  });
});

describe('V=1: vsstatus.FS too', () => {
  const FS_INITIAL = BigInt(ExtensionState.Initial << MSTATUS_SHIFT.FS);
  const FS_MASK = BigInt(MSTATUS.FS);
  const word = encode('fmv.w.x', { rd: 1, rs1: 0 });

  it('is illegal in VS-mode when vsstatus.FS = Off, even with mstatus.FS on', () => {
    const h = makeHart();
    setCsr(h, 'mstatus', hGetCsr(h, 'mstatus') | FS_INITIAL);
    setCsr(h, 'vsstatus', hGetCsr(h, 'vsstatus') & ~FS_MASK);
    const out = attempt(h, 'VS', word);
    expect(out).toMatchObject({ trap: true, to: 'M', cause: Exception.illegalInstruction, tval: BigInt(word) });
  });

  it('is illegal in VS-mode when mstatus.FS = Off, even with vsstatus.FS on', () => {
    const h = makeHart();
    setCsr(h, 'mstatus', hGetCsr(h, 'mstatus') & ~FS_MASK);
    setCsr(h, 'vsstatus', hGetCsr(h, 'vsstatus') | FS_INITIAL);
    const out = attempt(h, 'VU', word);
    expect(out).toMatchObject({ trap: true, to: 'M', cause: Exception.illegalInstruction });
  });

  it('marks both mstatus.FS and vsstatus.FS Dirty when it writes', () => {
    const h = makeHart();
    setCsr(h, 'mstatus', hGetCsr(h, 'mstatus') | FS_INITIAL);
    setCsr(h, 'vsstatus', hGetCsr(h, 'vsstatus') | FS_INITIAL);
    expect(attempt(h, 'VS', word)).toEqual({ trap: false });
    expect(getF(h, 1)).toBe(BOX);
    expect((hGetCsr(h, 'mstatus') & FS_MASK) >> 13n).toBe(BigInt(ExtensionState.Dirty));
    expect((hGetCsr(h, 'vsstatus') & FS_MASK) >> 13n).toBe(BigInt(ExtensionState.Dirty));
    expect(hGetCsr(h, 'mstatus') >> 63n).toBe(1n);
    expect(hGetCsr(h, 'vsstatus') >> 63n).toBe(1n);
  });
});
