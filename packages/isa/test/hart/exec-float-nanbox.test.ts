/**
 * NaN-boxing of singles in the 64-bit f registers (unprivileged spec, "NaN
 * Boxing of Narrower Values"): transfers (flw, fsw, fmv.w.x, fmv.x.w) move
 * bits unchanged, flw and fmv.w.x box them, fsw and fmv.x.w take the low 32
 * bits whatever the upper ones hold; every other single-precision
 * instruction, sign injection and fclass included, reads an operand that is
 * not properly boxed as the canonical NaN. No instruction canonicalizes a
 * NaN it merely moves (fsgnj*, fmv, loads and stores).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOX, completed, getF, runFloat, setF } from './exec-float-check.js';
import { u64 } from './int64-reference.js';
import { createMachine, getX, RAM_BASE, readMemory64, writeMemory64 } from './harness.js';

const NV = 16;
const CANONICAL_S = BOX | 0x7fc00000n;
const ONE_S = BOX | 0x3f800000n;
const TWO_S = BOX | 0x40000000n;
const MINUS_ONE_S = BOX | 0xbf800000n;
/** Improperly boxed registers: the low half would be 1.0 or -1.0, the upper half is not all ones. */
const UNBOXED = [0x000000003f800000n, 0xfffffffe3f800000n, 0x7fffffffbf800000n, 0x3ff0000000000000n];

describe('transfers move bits unchanged', () => {
  const m = createMachine();
  const ADDRESS = RAM_BASE + 0x800;

  it('flw NaN-boxes the word it loads, signalling NaNs included', () => {
    writeMemory64(m, ADDRESS, 0x12345678_7f800001n);
    const h = runFloat(m, 'flw', { rd: 3, rs1: 5, imm: 0 }, { x: { 5: BigInt(ADDRESS) } });
    expect(getF(h, 3)).toBe(BOX | 0x7f800001n);
    expect(h.fflags).toBe(0);
  });

  it('fsw stores the low 32 bits of any register contents', () => {
    writeMemory64(m, ADDRESS, 0x1111111122222222n);
    runFloat(m, 'fsw', { rs1: 5, rs2: 3, imm: 0 }, { x: { 5: BigInt(ADDRESS) }, f: { 3: 0x12345678_9abcdef0n } });
    expect(readMemory64(m, ADDRESS)).toBe(0x11111111_9abcdef0n);
  });

  it('fld/fsd keep signalling NaN payloads', () => {
    writeMemory64(m, ADDRESS, 0x7ff0000000000001n);
    const h = runFloat(m, 'fld', { rd: 3, rs1: 5, imm: 8 }, { x: { 5: BigInt(ADDRESS - 8) } });
    expect(getF(h, 3)).toBe(0x7ff0000000000001n);
    runFloat(m, 'fsd', { rs1: 5, rs2: 3, imm: -8 }, { x: { 5: BigInt(ADDRESS + 16) } });
    expect(readMemory64(m, ADDRESS + 8)).toBe(0x7ff0000000000001n);
    expect(h.fflags).toBe(0);
  });

  it('fmv.x.w sign-extends the low 32 bits, boxed or not', () => {
    expect(getX(runFloat(m, 'fmv.x.w', { rd: 10, rs1: 3 }, { f: { 3: 0x12345678_8abcdef0n } }), 10)).toBe(-0x75432110n);
    expect(getX(runFloat(m, 'fmv.x.w', { rd: 10, rs1: 3 }, { f: { 3: BOX | 0x7fa00000n } }), 10)).toBe(0x7fa00000n);
  });

  it('fmv.w.x boxes the low 32 bits of x[rs1]', () => {
    expect(getF(runFloat(m, 'fmv.w.x', { rd: 3, rs1: 10 }, { x: { 10: 0x12345678_7fa00000n } }), 3)).toBe(BOX | 0x7fa00000n);
  });

  it('fmv.x.d and fmv.d.x move all 64 bits', () => {
    expect(getX(runFloat(m, 'fmv.x.d', { rd: 10, rs1: 3 }, { f: { 3: 0xfff0000000000001n } }), 10)).toBe(-0xfffffffffffffn);
    expect(getF(runFloat(m, 'fmv.d.x', { rd: 3, rs1: 10 }, { x: { 10: 0x00000000_3f800000n } }), 3)).toBe(0x3f800000n);
  });
});

describe('an improperly boxed single reads as the canonical NaN', () => {
  const m = createMachine();

  it.each(UNBOXED)('in arithmetic (upper bits of 0x%s)', (bad) => {
    for (const name of ['fadd.s', 'fsub.s', 'fmul.s', 'fdiv.s']) {
      const h = runFloat(m, name, { rd: 10, rs1: 1, rs2: 2, rm: 0 }, { f: { 1: bad, 2: ONE_S } });
      expect(getF(h, 10), name).toBe(CANONICAL_S);
      expect(h.fflags, name).toBe(0); // a quiet NaN operand raises nothing
    }
    const sqrt = runFloat(m, 'fsqrt.s', { rd: 10, rs1: 1, rm: 0 }, { f: { 1: bad } });
    expect(getF(sqrt, 10)).toBe(CANONICAL_S);
    const fma = runFloat(m, 'fmadd.s', { rd: 10, rs1: 2, rs2: 2, rs3: 1, rm: 0 }, { f: { 1: bad, 2: ONE_S } });
    expect(getF(fma, 10)).toBe(CANONICAL_S);
  });

  it.each(UNBOXED)('in sign injection (%s)', (bad) => {
    // The canonical NaN is positive: fsgnj gives +NaN, fsgnjn -NaN, and as the sign source it is +.
    expect(getF(runFloat(m, 'fsgnj.s', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: bad, 2: MINUS_ONE_S } }), 10)).toBe(BOX | 0xffc00000n);
    expect(getF(runFloat(m, 'fsgnj.s', { rd: 10, rs1: 1, rs2: 1 }, { f: { 1: bad } }), 10)).toBe(CANONICAL_S);
    expect(getF(runFloat(m, 'fsgnjn.s', { rd: 10, rs1: 1, rs2: 1 }, { f: { 1: bad } }), 10)).toBe(BOX | 0xffc00000n);
    expect(getF(runFloat(m, 'fsgnj.s', { rd: 10, rs1: 2, rs2: 1 }, { f: { 1: bad, 2: MINUS_ONE_S } }), 10)).toBe(ONE_S);
    expect(getF(runFloat(m, 'fsgnjx.s', { rd: 10, rs1: 2, rs2: 1 }, { f: { 1: bad, 2: MINUS_ONE_S } }), 10)).toBe(MINUS_ONE_S);
  });

  it.each(UNBOXED)('in fclass.s, comparisons, min/max and conversions (%s)', (bad) => {
    expect(getX(runFloat(m, 'fclass.s', { rd: 10, rs1: 1 }, { f: { 1: bad } }), 10)).toBe(0x200n); // quiet NaN
    const eq = runFloat(m, 'feq.s', { rd: 10, rs1: 1, rs2: 1 }, { f: { 1: bad } });
    expect(getX(eq, 10)).toBe(0n);
    expect(eq.fflags).toBe(0);
    const lt = runFloat(m, 'flt.s', { rd: 10, rs1: 2, rs2: 1 }, { f: { 1: bad, 2: ONE_S } });
    expect(getX(lt, 10)).toBe(0n);
    expect(lt.fflags).toBe(NV);
    const min = runFloat(m, 'fmin.s', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: bad, 2: TWO_S } });
    expect(getF(min, 10)).toBe(TWO_S);
    expect(min.fflags).toBe(0);
    const widened = runFloat(m, 'fcvt.d.s', { rd: 10, rs1: 1, rm: 0 }, { f: { 1: bad } });
    expect(getF(widened, 10)).toBe(0x7ff8000000000000n);
    expect(widened.fflags).toBe(0);
    const w = runFloat(m, 'fcvt.w.s', { rd: 10, rs1: 1, rm: 1 }, { f: { 1: bad } });
    expect(getX(w, 10)).toBe(0x7fffffffn);
    expect(w.fflags).toBe(NV);
  });

  it('a properly boxed single is used as it is', () => {
    const h = runFloat(m, 'fadd.s', { rd: 10, rs1: 1, rs2: 2, rm: 0 }, { f: { 1: ONE_S, 2: ONE_S } });
    expect(getF(h, 10)).toBe(TWO_S);
  });
});

describe('moves do not canonicalize NaNs', () => {
  const m = createMachine();

  it('fsgnj.s/fsgnjn.s/fsgnjx.s keep a signalling NaN payload and raise nothing', () => {
    const snan = BOX | 0x7f800001n;
    const a = runFloat(m, 'fsgnj.s', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: snan, 2: MINUS_ONE_S } });
    expect(getF(a, 10)).toBe(BOX | 0xff800001n);
    expect(a.fflags).toBe(0);
    expect(getF(runFloat(m, 'fsgnjn.s', { rd: 10, rs1: 1, rs2: 1 }, { f: { 1: snan } }), 10)).toBe(BOX | 0xff800001n);
    expect(getF(runFloat(m, 'fsgnjx.s', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: snan, 2: MINUS_ONE_S } }), 10)).toBe(BOX | 0xff800001n);
  });

  it('fsgnj.d/fsgnjn.d/fsgnjx.d change only bit 63', () => {
    const snan = 0x7ff0000000000001n;
    const neg = 0x8000000000000000n;
    expect(getF(runFloat(m, 'fsgnj.d', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: snan, 2: neg } }), 10)).toBe(0xfff0000000000001n);
    expect(getF(runFloat(m, 'fsgnjn.d', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: snan, 2: neg } }), 10)).toBe(snan);
    expect(getF(runFloat(m, 'fsgnjx.d', { rd: 10, rs1: 2, rs2: 2 }, { f: { 2: neg } }), 10)).toBe(0n); // fabs.d -0
    // A boxed single moved with fsgnj.d (fmv.d) stays exactly as it is.
    expect(getF(runFloat(m, 'fsgnj.d', { rd: 10, rs1: 1, rs2: 1 }, { f: { 1: BOX | 0x7f800001n } }), 10)).toBe(BOX | 0x7f800001n);
    const h = runFloat(m, 'fsgnjx.d', { rd: 1, rs1: 1, rs2: 1 }, { f: { 1: 0xfff0000000000001n } }); // rd = rs1 = rs2
    expect(getF(h, 1)).toBe(0x7ff0000000000001n);
    expect(h.fflags).toBe(0);
  });

  it('results of single-precision operations are boxed, fcvt.s.d included', () => {
    const h = runFloat(m, 'fcvt.s.d', { rd: 10, rs1: 1, rm: 0 }, { f: { 1: 0xc000000000000000n } });
    expect(completed(h)).toBe(true);
    expect(getF(h, 10)).toBe(BOX | 0xc0000000n);
    expect(getF(runFloat(m, 'fcvt.s.l', { rd: 10, rs1: 5, rm: 0 }, { x: { 5: -1n } }), 10)).toBe(MINUS_ONE_S);
    expect(getF(runFloat(m, 'fmin.s', { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: ONE_S, 2: TWO_S } }), 10)).toBe(ONE_S);
  });
});

describe('sign injection and moves against a bit model (random register contents, boxed or not)', () => {
  const m = createMachine();
  const SIGN32 = 0x80000000n;
  const SIGN64 = 1n << 63n;
  const unbox = (v: bigint): bigint => (v >> 32n === 0xffffffffn ? v & 0xffffffffn : 0x7fc00000n);
  const bits64 = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v) => BOX | v),
  );
  const reg = fc.integer({ min: 0, max: 31 });
  const models: [string, (a: bigint, b: bigint) => bigint][] = [
    ['fsgnj.s', (a, b) => BOX | (unbox(a) & ~SIGN32) | (unbox(b) & SIGN32)],
    ['fsgnjn.s', (a, b) => BOX | (unbox(a) & ~SIGN32) | (~unbox(b) & SIGN32)],
    ['fsgnjx.s', (a, b) => BOX | (unbox(a) ^ (unbox(b) & SIGN32))],
    ['fsgnj.d', (a, b) => (a & ~SIGN64) | (b & SIGN64)],
    ['fsgnjn.d', (a, b) => (a & ~SIGN64) | (~b & SIGN64)],
    ['fsgnjx.d', (a, b) => a ^ (b & SIGN64)],
  ];

  it.each(models)('%s', (name, model) => {
    fc.assert(
      fc.property(bits64, bits64, reg, reg, reg, (a, b, rd, rs1, rs2) => {
        const h = m.hart;
        setF(h, rs1, a);
        setF(h, rs2, b);
        const seenA = getF(h, rs1);
        const seenB = getF(h, rs2);
        runFloat(m, name, { rd, rs1, rs2 }, { fflags: 0 });
        expect(getF(h, rd)).toBe(model(seenA, seenB));
        expect(h.fflags).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('fmv.x.w, fmv.w.x, fmv.x.d, fmv.d.x', () => {
    fc.assert(
      fc.property(bits64, reg, fc.integer({ min: 1, max: 31 }), (v, fr, xr) => {
        const h = m.hart;
        setF(h, fr, v);
        runFloat(m, 'fmv.x.w', { rd: xr, rs1: fr });
        expect(u64(getX(h, xr))).toBe(u64(BigInt.asIntN(32, v)));
        runFloat(m, 'fmv.x.d', { rd: xr, rs1: fr });
        expect(u64(getX(h, xr))).toBe(v);
        runFloat(m, 'fmv.w.x', { rd: fr, rs1: xr }, { x: { [xr]: v } });
        expect(getF(h, fr)).toBe(BOX | (v & 0xffffffffn));
        runFloat(m, 'fmv.d.x', { rd: fr, rs1: xr }, { x: { [xr]: v } });
        expect(getF(h, fr)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });
});
