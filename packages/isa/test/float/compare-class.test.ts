// Comparisons, fmin/fmax, fclass, sign injection, NaN-boxing and rounding-mode
// validity: operations without rounding.
import { describe, expect, it } from 'vitest';
import {
  F32_BOX_HI,
  FClass,
  createFloatContext,
  f32Sgnj,
  f32Sgnjn,
  f32Sgnjx,
  f64SgnjHi,
  f64SgnjnHi,
  f64SgnjxHi,
  isValidRoundingMode,
  unboxF32,
} from '../../src/float/index.js';
import { checkCases } from './check-cases.js';
import { floatOp, run } from './float-ops.js';
import {
  D, D_INF, D_MIN_SUB, D_NEG, D_NEG_INF, D_QNAN, D_SNAN, NV, RNE, S, S_INF, S_MAX_SUB, S_MIN_NORM, S_NEG, S_NEG_INF,
  S_QNAN, S_SNAN,
} from './values.js';

checkCases('comparisons', [
  ['feq.s', RNE, [S_QNAN, S_QNAN], 0n, 0, 'feq is quiet for quiet NaNs'],
  ['feq.s', RNE, [S_SNAN, S(1)], 0n, NV, 'feq signals for signalling NaNs'],
  ['feq.s', RNE, [0n, S_NEG], 1n, 0, '+0 == -0'],
  ['feq.s', RNE, [S(1), S(1)], 1n, 0, 'equal'],
  ['flt.s', RNE, [S_QNAN, S(1)], 0n, NV, 'flt signals for any NaN'],
  ['fle.s', RNE, [S(1), S_QNAN], 0n, NV, 'fle signals for any NaN'],
  ['flt.s', RNE, [S_NEG, 0n], 0n, 0, '-0 < +0 is false'],
  ['fle.s', RNE, [S_NEG, 0n], 1n, 0, '-0 <= +0'],
  ['flt.s', RNE, [S_NEG_INF, S_INF], 1n, 0, '-inf < inf'],
  ['feq.d', RNE, [D_QNAN, D_QNAN], 0n, 0, 'quiet'],
  ['feq.d', RNE, [D(1), D_SNAN], 0n, NV, 'signalling NaN'],
  ['feq.d', RNE, [D_NEG, 0n], 1n, 0, '+0 == -0'],
  ['flt.d', RNE, [D_QNAN, D(1)], 0n, NV, 'any NaN'],
  ['fle.d', RNE, [D(1), D_QNAN], 0n, NV, 'any NaN'],
  ['flt.d', RNE, [D(1), D(1 + 2 ** -52)], 1n, 0, 'adjacent'],
  ['fle.d', RNE, [D_MIN_SUB, 0n], 0n, 0, 'subnormal > 0'],
]);

checkCases('fmin/fmax (minimumNumber/maximumNumber)', [
  ['fmin.s', RNE, [0n, S_NEG], S_NEG, 0, 'min(+0, -0) = -0'],
  ['fmin.s', RNE, [S_NEG, 0n], S_NEG, 0, 'min(-0, +0) = -0'],
  ['fmax.s', RNE, [S_NEG, 0n], 0n, 0, 'max(-0, +0) = +0'],
  ['fmax.s', RNE, [0n, S_NEG], 0n, 0, 'max(+0, -0) = +0'],
  ['fmin.s', RNE, [S_QNAN, S(1)], S(1), 0, 'a quiet NaN is ignored'],
  ['fmin.s', RNE, [S(1), S_SNAN], S(1), NV, 'a signalling NaN is ignored but signals'],
  ['fmax.s', RNE, [0x7fc12345n, 0x7f812345n], S_QNAN, NV, 'two NaNs give the canonical NaN'],
  ['fmax.s', RNE, [S_NEG_INF, S_QNAN], S_NEG_INF, 0, 'NaN vs -inf'],
  ['fmin.s', RNE, [S(-2), S(1)], S(-2), 0, 'ordinary'],
  ['fmax.s', RNE, [S(-2), S(1)], S(1), 0, 'ordinary'],
  ['fmin.d', RNE, [0n, D_NEG], D_NEG, 0, 'min(+0, -0) = -0'],
  ['fmax.d', RNE, [D_NEG, 0n], 0n, 0, 'max(-0, +0) = +0'],
  ['fmin.d', RNE, [D_QNAN, D(1)], D(1), 0, 'quiet NaN ignored'],
  ['fmax.d', RNE, [D(1), D_SNAN], D(1), NV, 'signalling NaN ignored but signals'],
  ['fmin.d', RNE, [0x7ff8000000000123n, D_QNAN], D_QNAN, 0, 'two NaNs: canonical'],
  ['fmax.d', RNE, [D(-2), D(3)], D(3), 0, 'ordinary'],
  ['fmin.d', RNE, [D_NEG_INF, D_INF], D_NEG_INF, 0, 'infinities'],
]);

checkCases('fclass', [
  ['fclass.s', RNE, [S_NEG_INF], BigInt(FClass.NEG_INF), 0, '-inf'],
  ['fclass.s', RNE, [S(-1)], BigInt(FClass.NEG_NORMAL), 0, 'negative normal'],
  ['fclass.s', RNE, [S_MAX_SUB | S_NEG], BigInt(FClass.NEG_SUBNORMAL), 0, 'negative subnormal'],
  ['fclass.s', RNE, [S_NEG], BigInt(FClass.NEG_ZERO), 0, '-0'],
  ['fclass.s', RNE, [0n], BigInt(FClass.POS_ZERO), 0, '+0'],
  ['fclass.s', RNE, [1n], BigInt(FClass.POS_SUBNORMAL), 0, 'positive subnormal'],
  ['fclass.s', RNE, [S_MIN_NORM], BigInt(FClass.POS_NORMAL), 0, 'smallest normal'],
  ['fclass.s', RNE, [S_INF], BigInt(FClass.POS_INF), 0, '+inf'],
  ['fclass.s', RNE, [S_SNAN], BigInt(FClass.SIGNALING_NAN), 0, 'sNaN, no flag'],
  ['fclass.s', RNE, [0xffc00000n], BigInt(FClass.QUIET_NAN), 0, 'negative qNaN'],
  ['fclass.d', RNE, [D_NEG_INF], 1n, 0, '-inf'],
  ['fclass.d', RNE, [D(-1)], 2n, 0, 'negative normal'],
  ['fclass.d', RNE, [D_MIN_SUB | D_NEG], 4n, 0, 'negative subnormal'],
  ['fclass.d', RNE, [D_NEG], 8n, 0, '-0'],
  ['fclass.d', RNE, [0n], 16n, 0, '+0'],
  ['fclass.d', RNE, [0x000fffffffffffffn], 32n, 0, 'largest subnormal'],
  ['fclass.d', RNE, [D(1)], 64n, 0, 'positive normal'],
  ['fclass.d', RNE, [D_INF], 128n, 0, '+inf'],
  ['fclass.d', RNE, [D_SNAN], 256n, 0, 'sNaN'],
  ['fclass.d', RNE, [0x7ff0000100000000n], 256n, 0, 'sNaN with payload in the high half'],
  ['fclass.d', RNE, [D_QNAN], 512n, 0, 'qNaN'],
]);

describe('operations without rounding', () => {
  it('fclass masks are the spec bit positions', () => {
    expect(Object.values(FClass)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
  });

  it('sign injection moves only sign bits and keeps NaN payloads', () => {
    expect(f32Sgnj(0x3f800000, 0x80000000)).toBe(0xbf800000);
    expect(f32Sgnjn(0x3f800000, 0x3f800000)).toBe(0xbf800000); // fneg
    expect(f32Sgnjx(0xbf800000, 0xbf800000)).toBe(0x3f800000); // fabs
    expect(f32Sgnjn(0x7f800001, 0x7f800001)).toBe(0xff800001); // sNaN payload kept
    expect(f64SgnjHi(0x3ff00000, 0x80000000 | 0)).toBe(0xbff00000 | 0);
    expect(f64SgnjnHi(0xbff00000 | 0, 0xbff00000 | 0)).toBe(0x3ff00000);
    expect(f64SgnjxHi(0xbff00000 | 0, 0xbff00000 | 0)).toBe(0x3ff00000);
  });

  it('NaN-boxing: only an all-ones upper half holds a binary32 value', () => {
    expect(unboxF32(0x3f800000, F32_BOX_HI)).toBe(0x3f800000);
    expect(unboxF32(0x3f800000 | 0, 0xffffffff)).toBe(0x3f800000);
    expect(unboxF32(0xbf800000 | 0, -1)).toBe(0xbf800000);
    expect(unboxF32(0x3f800000, 0)).toBe(0x7fc00000);
    expect(unboxF32(0x3f800000, 0x7fffffff)).toBe(0x7fc00000);
    expect(unboxF32(0x3f800000, -2)).toBe(0x7fc00000);
  });

  it('rounding modes 0..4 are valid, 5..7 and others are not', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, -1, 1.5].map(isValidRoundingMode)).toEqual([
      true, true, true, true, true, false, false, false, false, false,
    ]);
  });

  it('flags accrue: an operation ORs into the context and never clears', () => {
    const ctx = createFloatContext();
    ctx.flags = NV;
    const fdiv = floatOp('fdiv.s').fast;
    fdiv([S(1), S(3)], RNE, ctx);
    expect(ctx.flags).toBe(NV | 1);
    expect(run(fdiv, [S(1), S(4)], RNE)).toEqual([S(0.25), 0]);
  });
});
