/**
 * Comparisons (feq, flt, fle), minimum/maximum (fmin, fmax) and fclass for
 * both formats. No rounding is involved; operands are raw bits.
 */
import { doubleFromHalves, floatFromBits } from './double-bits.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import {
  F32_CANONICAL_NAN,
  F64_CANONICAL_NAN_HI,
  F64_CANONICAL_NAN_LO,
  f32IsNaN,
  f32IsSignalingNaN,
  f64IsSignalingNaN,
} from './nan.js';

/** feq.s: quiet comparison, NV only for signalling NaN operands. Returns 1 or 0. */
export function f32Eq(a: number, b: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  if (x === y) return 1;
  if ((x !== x || y !== y) && (f32IsSignalingNaN(a) || f32IsSignalingNaN(b))) ctx.flags |= FFlag.NV;
  return 0;
}

/** flt.s: signalling comparison, NV for any NaN operand. */
export function f32Lt(a: number, b: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  if (x < y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}

/** fle.s: signalling comparison, NV for any NaN operand. */
export function f32Le(a: number, b: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  if (x <= y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}

export function f64Eq(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): number {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  if (x === y) return 1;
  if ((x !== x || y !== y) && (f64IsSignalingNaN(aLo, aHi) || f64IsSignalingNaN(bLo, bHi))) ctx.flags |= FFlag.NV;
  return 0;
}

export function f64Lt(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): number {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  if (x < y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}

export function f64Le(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): number {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  if (x <= y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}

/*
 * fmin/fmax (F extension version 2.2, IEEE 754-2019 minimumNumber /
 * maximumNumber): a NaN operand is ignored in favour of the other; two NaNs
 * give the canonical NaN; signalling NaNs raise NV even when the result is
 * not NaN; -0 is less than +0. The result is the chosen operand's bits.
 */

function f32MinMax(a: number, b: number, isMax: boolean, ctx: FloatContext): number {
  const aNaN = f32IsNaN(a);
  const bNaN = f32IsNaN(b);
  if (aNaN || bNaN) {
    if (f32IsSignalingNaN(a) || f32IsSignalingNaN(b)) ctx.flags |= FFlag.NV;
    if (aNaN && bNaN) return F32_CANONICAL_NAN;
    return (aNaN ? b : a) >>> 0;
  }
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  if (x !== y) return (x < y !== isMax ? a : b) >>> 0;
  // Equal: identical bits, or zeros of either sign (OR keeps a set sign bit, AND clears it).
  return (isMax ? a & b : a | b) >>> 0;
}

export function f32Min(a: number, b: number, ctx: FloatContext): number {
  return f32MinMax(a, b, false, ctx);
}

export function f32Max(a: number, b: number, ctx: FloatContext): number {
  return f32MinMax(a, b, true, ctx);
}

function f64MinMax(aLo: number, aHi: number, bLo: number, bHi: number, isMax: boolean, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  if (x !== x || y !== y) {
    if (f64IsSignalingNaN(aLo, aHi) || f64IsSignalingNaN(bLo, bHi)) ctx.flags |= FFlag.NV;
    if (x !== x && y !== y) {
      ctx.lo = F64_CANONICAL_NAN_LO;
      ctx.hi = F64_CANONICAL_NAN_HI;
    } else if (x !== x) {
      ctx.lo = bLo;
      ctx.hi = bHi;
    } else {
      ctx.lo = aLo;
      ctx.hi = aHi;
    }
    return;
  }
  if (x !== y) {
    const pickA = x < y !== isMax;
    ctx.lo = pickA ? aLo : bLo;
    ctx.hi = pickA ? aHi : bHi;
    return;
  }
  ctx.lo = isMax ? aLo & bLo : aLo | bLo;
  ctx.hi = isMax ? aHi & bHi : aHi | bHi;
}

export function f64Min(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): void {
  f64MinMax(aLo, aHi, bLo, bHi, false, ctx);
}

export function f64Max(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): void {
  f64MinMax(aLo, aHi, bLo, bHi, true, ctx);
}

/** fclass result bits (unprivileged spec, table "Format of result of FCLASS instruction"). */
export const FClass = {
  NEG_INF: 1 << 0,
  NEG_NORMAL: 1 << 1,
  NEG_SUBNORMAL: 1 << 2,
  NEG_ZERO: 1 << 3,
  POS_ZERO: 1 << 4,
  POS_SUBNORMAL: 1 << 5,
  POS_NORMAL: 1 << 6,
  POS_INF: 1 << 7,
  SIGNALING_NAN: 1 << 8,
  QUIET_NAN: 1 << 9,
} as const;

function classify(negative: boolean, expAllOnes: boolean, expZero: boolean, fracZero: boolean, quiet: boolean): number {
  if (expAllOnes) {
    if (!fracZero) return quiet ? FClass.QUIET_NAN : FClass.SIGNALING_NAN;
    return negative ? FClass.NEG_INF : FClass.POS_INF;
  }
  if (expZero) {
    if (fracZero) return negative ? FClass.NEG_ZERO : FClass.POS_ZERO;
    return negative ? FClass.NEG_SUBNORMAL : FClass.POS_SUBNORMAL;
  }
  return negative ? FClass.NEG_NORMAL : FClass.POS_NORMAL;
}

/** fclass.s: the one-hot 10-bit class mask. */
export function f32Class(a: number): number {
  const exp = (a >>> 23) & 0xff;
  return classify(a >>> 31 === 1, exp === 0xff, exp === 0, (a & 0x7fffff) === 0, (a & 0x400000) !== 0);
}

/** fclass.d: the one-hot 10-bit class mask. */
export function f64Class(lo: number, hi: number): number {
  const exp = (hi >>> 20) & 0x7ff;
  return classify(hi < 0, exp === 0x7ff, exp === 0, ((hi & 0xfffff) | lo) === 0, (hi & 0x80000) !== 0);
}
