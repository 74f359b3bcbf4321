/**
 * Known answers the RISC-V spec fixes beyond IEEE 754 (unprivileged spec
 * chapters 11 and 12), checked through the hart: saturating conversions and
 * their flags, sign extension of 32-bit results, fmin/fmax and signalling
 * NaNs, the canonical NaN, fclass's ten classes, fused multiply-add's single
 * rounding and invalid cases, quiet vs signalling comparisons.
 */
import { describe, expect, it } from 'vitest';
import { BOX, getF, runFloat } from './exec-float-check.js';
import { createMachine, getX } from './harness.js';

const NX = 1;
const UF = 2;
const OF = 4;
const DZ = 8;
const NV = 16;
const RNE = 0;
const RTZ = 1;
const RDN = 2;
const RUP = 3;

const D_ONE = 0x3ff0000000000000n;
const D_QNAN = 0x7ff8000000000000n;
const D_SNAN = 0x7ff0000000000001n;
const D_INF = 0x7ff0000000000000n;
const D_NEG_INF = 0xfff0000000000000n;
const D_NEG_ZERO = 0x8000000000000000n;

describe('F/D semantics through the hart', () => {
  const m = createMachine();
  const toInt = (name: string, a: bigint, rm = RTZ): [bigint, number] => {
    const h = runFloat(m, name, { rd: 10, rs1: 1, rm }, { f: { 1: a } });
    return [getX(h, 10), h.fflags];
  };
  const binD = (name: string, a: bigint, b: bigint, rm = RNE): [bigint, number] => {
    const h = runFloat(m, name, { rd: 10, rs1: 1, rs2: 2, rm }, { f: { 1: a, 2: b } });
    return [getF(h, 10), h.fflags];
  };
  const binS = (name: string, a: bigint, b: bigint): [bigint, number] => {
    const h = runFloat(m, name, { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: BOX | a, 2: BOX | b } });
    return [getF(h, 10), h.fflags];
  };
  const cmpD = (name: string, a: bigint, b: bigint): [bigint, number] => {
    const h = runFloat(m, name, { rd: 10, rs1: 1, rs2: 2 }, { f: { 1: a, 2: b } });
    return [getX(h, 10), h.fflags];
  };

  it('float-to-integer conversions saturate with NV only (table "Domains of float-to-integer conversions")', () => {
    expect(toInt('fcvt.w.d', D_QNAN)).toEqual([0x7fffffffn, NV]);
    expect(toInt('fcvt.w.d', D_QNAN | D_NEG_ZERO)).toEqual([0x7fffffffn, NV]); // a negative NaN too
    expect(toInt('fcvt.w.d', D_NEG_INF)).toEqual([-0x80000000n, NV]);
    expect(toInt('fcvt.w.d', 0x41e0000000000000n)).toEqual([0x7fffffffn, NV]); // 2^31
    expect(toInt('fcvt.w.d', 0xc1e0000000200000n)).toEqual([-0x80000000n, NV]); // -2^31 - 1
    expect(toInt('fcvt.w.d', 0xc1e0000000100000n)).toEqual([-0x80000000n, NX]); // -2^31 - 0.5 rounds in range
    expect(toInt('fcvt.l.d', D_INF)).toEqual([0x7fffffffffffffffn, NV]);
    expect(toInt('fcvt.l.d', D_SNAN)).toEqual([0x7fffffffffffffffn, NV]);
    expect(toInt('fcvt.lu.d', D_NEG_INF)).toEqual([0n, NV]);
    expect(toInt('fcvt.lu.d', 0xbff0000000000000n)).toEqual([0n, NV]); // -1
    expect(toInt('fcvt.lu.d', 0xbfe0000000000000n)).toEqual([0n, NX]); // -0.5 truncates to 0
    expect(toInt('fcvt.lu.d', 0xbfe0000000000000n, RDN)).toEqual([0n, NV]); // -0.5 rounds down to -1
    expect(toInt('fcvt.lu.d', D_QNAN)).toEqual([-1n, NV]); // 2^64 - 1
    expect(toInt('fcvt.l.s', BOX | 0x5f000000n)).toEqual([0x7fffffffffffffffn, NV]); // 2^63
    expect(toInt('fcvt.l.s', BOX | 0xdf000000n)).toEqual([-0x8000000000000000n, 0]); // -2^63 exactly
  });

  it('fcvt.wu results are sign-extended from 32 bits', () => {
    expect(toInt('fcvt.wu.d', 0x41e65a0bc0000000n)).toEqual([-0x4d2fa200n, 0]); // 3e9 -> 0xffffffffb2d05e00
    expect(toInt('fcvt.wu.d', D_QNAN)).toEqual([-1n, NV]); // 2^32 - 1, sign-extended
    expect(toInt('fcvt.wu.s', BOX | 0x4f800000n)).toEqual([-1n, NV]); // 2^32
    expect(toInt('fcvt.wu.s', BOX | 0x3f000000n)).toEqual([0n, NX]); // 0.5 truncates
  });

  it('integer-to-float conversions read 32 or 64 bits of rs1', () => {
    const h = runFloat(m, 'fcvt.d.w', { rd: 10, rs1: 5, rm: RNE }, { x: { 5: 0x12345678_ffffffffn } });
    expect(getF(h, 10)).toBe(0xbff0000000000000n); // the low word: -1
    const u = runFloat(m, 'fcvt.d.wu', { rd: 10, rs1: 5, rm: RNE }, { x: { 5: 0x12345678_ffffffffn } });
    expect(getF(u, 10)).toBe(0x41efffffffe00000n); // 4294967295
    const l = runFloat(m, 'fcvt.s.lu', { rd: 10, rs1: 5, rm: RUP }, { x: { 5: -1n } });
    expect(getF(l, 10)).toBe(BOX | 0x5f800000n); // 2^64 - 1 rounds up to 2^64
    expect(l.fflags).toBe(NX);
    const exact = runFloat(m, 'fcvt.d.l', { rd: 10, rs1: 5, rm: RTZ }, { x: { 5: 0x0020000000000001n } });
    expect(getF(exact, 10)).toBe(0x4340000000000000n); // 2^53 + 1 truncates to 2^53
    expect(exact.fflags).toBe(NX);
  });

  it('fmin/fmax: a NaN operand yields the other, sNaN raises NV, -0 < +0, two NaNs give the canonical NaN', () => {
    expect(binD('fmin.d', D_QNAN, D_ONE)).toEqual([D_ONE, 0]);
    expect(binD('fmax.d', D_SNAN, D_ONE)).toEqual([D_ONE, NV]);
    expect(binD('fmin.d', D_ONE, D_SNAN)).toEqual([D_ONE, NV]);
    expect(binD('fmax.d', D_SNAN, D_QNAN | 5n)).toEqual([D_QNAN, NV]);
    expect(binD('fmin.d', 0xfff8000000000001n, D_QNAN | 7n)).toEqual([D_QNAN, 0]);
    expect(binD('fmin.d', 0n, D_NEG_ZERO)).toEqual([D_NEG_ZERO, 0]);
    expect(binD('fmax.d', D_NEG_ZERO, 0n)).toEqual([0n, 0]);
    expect(binS('fmin.s', 0x7f800001n, 0xc0000000n)).toEqual([BOX | 0xc0000000n, NV]);
    expect(binS('fmax.s', 0x7fc00001n, 0xffc00000n)).toEqual([BOX | 0x7fc00000n, 0]);
  });

  it('NaN results are canonical whatever the NaN operands were', () => {
    expect(binD('fadd.d', 0xfff8000000001234n, D_ONE)).toEqual([D_QNAN, 0]);
    expect(binD('fmul.d', D_SNAN | D_NEG_ZERO, D_ONE)).toEqual([D_QNAN, NV]);
    expect(binD('fsub.d', D_INF, D_INF)).toEqual([D_QNAN, NV]);
    expect(binD('fdiv.d', 0n, 0n)).toEqual([D_QNAN, NV]);
    expect(binD('fdiv.d', D_ONE, D_NEG_ZERO)).toEqual([D_NEG_INF, DZ]);
    const sqrt = runFloat(m, 'fsqrt.d', { rd: 10, rs1: 1, rm: RNE }, { f: { 1: 0xbff0000000000000n } });
    expect([getF(sqrt, 10), sqrt.fflags]).toEqual([D_QNAN, NV]);
    const narrowed = runFloat(m, 'fcvt.s.d', { rd: 10, rs1: 1, rm: RNE }, { f: { 1: D_SNAN | 0x80000000000n } });
    expect([getF(narrowed, 10), narrowed.fflags]).toEqual([BOX | 0x7fc00000n, NV]);
  });

  it('overflow and underflow flags with the directed modes', () => {
    expect(binD('fmul.d', 0x7fefffffffffffffn, 0x4000000000000000n, RNE)).toEqual([D_INF, OF | NX]);
    expect(binD('fmul.d', 0x7fefffffffffffffn, 0x4000000000000000n, RTZ)).toEqual([0x7fefffffffffffffn, OF | NX]);
    expect(binD('fmul.d', 0xffefffffffffffffn, 0x4000000000000000n, RUP)).toEqual([0xffefffffffffffffn, OF | NX]);
    // 2^-1074 * 0.5: tiny and inexact, a tie between 0 and 2^-1074.
    expect(binD('fmul.d', 0x0000000000000001n, 0x3fe0000000000000n, RNE)).toEqual([0n, UF | NX]);
    expect(binD('fmul.d', 0x0000000000000001n, 0x3fe0000000000000n, RUP)).toEqual([1n, UF | NX]);
    expect(binD('fmul.d', 0x0000000000000002n, 0x3fe0000000000000n, RNE)).toEqual([1n, 0]); // exact subnormal: no UF
  });

  it('fused multiply-add rounds once and raises NV for infinity times zero, even with a quiet NaN addend', () => {
    // (1 + 2^-52) * (1 - 2^-52) - 1 = -2^-104 exactly: a separate multiply would round the product to 1 and give 0.
    const fma = runFloat(m, 'fmsub.d', { rd: 10, rs1: 1, rs2: 2, rs3: 3, rm: RNE }, { f: { 1: 0x3ff0000000000001n, 2: 0x3feffffffffffffen, 3: D_ONE } });
    expect([getF(fma, 10), fma.fflags]).toEqual([0xb970000000000000n, 0]);
    const invalid = runFloat(m, 'fmadd.d', { rd: 10, rs1: 1, rs2: 2, rs3: 3, rm: RNE }, { f: { 1: D_INF, 2: 0n, 3: D_QNAN } });
    expect([getF(invalid, 10), invalid.fflags]).toEqual([D_QNAN, NV]);
    const cancel = runFloat(m, 'fnmadd.d', { rd: 10, rs1: 1, rs2: 2, rs3: 3, rm: RDN }, { f: { 1: D_ONE, 2: D_ONE, 3: 0xbff0000000000000n } });
    expect([getF(cancel, 10), cancel.fflags]).toEqual([D_NEG_ZERO, 0]); // -(1*1) - (-1) = 0, negative under RDN
  });

  it('feq is quiet, flt and fle signal on any NaN', () => {
    expect(cmpD('feq.d', D_QNAN, D_QNAN)).toEqual([0n, 0]);
    expect(cmpD('feq.d', D_SNAN, D_ONE)).toEqual([0n, NV]);
    expect(cmpD('feq.d', 0n, D_NEG_ZERO)).toEqual([1n, 0]);
    expect(cmpD('flt.d', D_QNAN, D_ONE)).toEqual([0n, NV]);
    expect(cmpD('fle.d', D_ONE, D_QNAN)).toEqual([0n, NV]);
    expect(cmpD('fle.d', D_NEG_ZERO, 0n)).toEqual([1n, 0]);
    expect(cmpD('flt.d', D_NEG_ZERO, 0n)).toEqual([0n, 0]);
  });

  it('fclass sets exactly one of its ten bits', () => {
    const classes: [bigint, bigint][] = [
      [D_NEG_INF, 1n << 0n],
      [0xbff0000000000000n, 1n << 1n],
      [0x800fffffffffffffn, 1n << 2n],
      [D_NEG_ZERO, 1n << 3n],
      [0n, 1n << 4n],
      [0x0000000000000001n, 1n << 5n],
      [D_ONE, 1n << 6n],
      [D_INF, 1n << 7n],
      [D_SNAN, 1n << 8n],
      [D_QNAN, 1n << 9n],
    ];
    for (const [value, mask] of classes) {
      const h = runFloat(m, 'fclass.d', { rd: 10, rs1: 1 }, { f: { 1: value } });
      expect(getX(h, 10), value.toString(16)).toBe(mask);
      expect(h.fflags).toBe(0);
    }
    const singles: [bigint, bigint][] = [
      [0xff800000n, 1n << 0n],
      [0x807fffffn, 1n << 2n],
      [0x00000001n, 1n << 5n],
      [0x7f800001n, 1n << 8n],
      [0xffc00000n, 1n << 9n],
    ];
    for (const [value, mask] of singles) {
      expect(getX(runFloat(m, 'fclass.s', { rd: 10, rs1: 1 }, { f: { 1: BOX | value } }), 10)).toBe(mask);
    }
  });
});
