/**
 * Conversions of the F and D extensions (fcvt.*): between binary32 and
 * binary64, from floats to 32/64-bit integers, and from integers to floats.
 * Calling convention as in f32-arith.ts / f64-arith.ts; 64-bit integers are
 * int32 halves (lo, hi). No BigInt here: every conversion is exact in double
 * arithmetic plus, for 64-bit integers, one TwoSum.
 */
import { doubleFromHalves, floatBits, floatFromBits, roundToOddFromNearest, writeDouble } from './double-bits.js';
import { eft, twoSum } from './error-free.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { F32_CANONICAL_NAN, F64_CANONICAL_NAN_HI, F64_CANONICAL_NAN_LO, f32IsNaN, f32IsSignalingNaN, f64IsSignalingNaN } from './nan.js';
import { roundF32FromOdd } from './round-f32.js';
import { roundF64Inexact } from './round-f64.js';
import { RoundingMode } from './rounding-mode.js';

const TWO_31 = 2 ** 31;
const TWO_32 = 2 ** 32;
const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

/** fcvt.d.s: exact; a NaN becomes the canonical NaN (NV if it was signalling). */
export function f32ToF64(a: number, ctx: FloatContext): void {
  if (f32IsNaN(a)) {
    if (f32IsSignalingNaN(a)) ctx.flags |= FFlag.NV;
    ctx.lo = F64_CANONICAL_NAN_LO;
    ctx.hi = F64_CANONICAL_NAN_HI;
    return;
  }
  writeDouble(floatFromBits(a), ctx);
}

/** fcvt.s.d: the binary32 bits of the binary64 value hi:lo rounded under rm. */
export function f64ToF32(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  const x = doubleFromHalves(lo, hi);
  if (x !== x) {
    if (f64IsSignalingNaN(lo, hi)) ctx.flags |= FFlag.NV;
    return F32_CANONICAL_NAN;
  }
  if (x === 0 || x - x !== 0) return floatBits(x); // signed zero or infinity
  return roundF32FromOdd(x, rm, ctx); // x is exact, so trivially "rounded to odd"
}

/**
 * x (not NaN) rounded to an integral value under rm; infinities pass through.
 * The result differs from x exactly when the conversion is inexact.
 */
function roundToIntegral(x: number, rm: number): number {
  const t = Math.trunc(x);
  const frac = x - t; // exact; NaN for infinite x
  if (frac === 0 || frac !== frac) return t;
  const away = frac > 0 ? t + 1 : t - 1;
  switch (rm) {
    case RoundingMode.RNE: {
      const f = Math.abs(frac);
      return f > 0.5 || (f === 0.5 && t % 2 !== 0) ? away : t;
    }
    case RoundingMode.RTZ:
      return t;
    case RoundingMode.RDN:
      return frac < 0 ? away : t;
    case RoundingMode.RUP:
      return frac > 0 ? away : t;
    default:
      return Math.abs(frac) >= 0.5 ? away : t;
  }
}

/*
 * Float to integer, RISC-V semantics (unprivileged spec, table "Domains of
 * float-to-integer conversions"): out-of-range results (after rounding) and
 * NaNs saturate and raise NV only, not NX: NaN and values too large give the
 * maximum, values too small the minimum.
 */

export function toI32(x: number, rm: number, ctx: FloatContext): number {
  if (x !== x) {
    ctx.flags |= FFlag.NV;
    return 0x7fffffff;
  }
  const r = roundToIntegral(x, rm);
  if (r >= TWO_31 || r < -TWO_31) {
    ctx.flags |= FFlag.NV;
    return r > 0 ? 0x7fffffff : -0x80000000;
  }
  if (r !== x) ctx.flags |= FFlag.NX;
  return r | 0;
}

/** The uint32 result as int32 (the executor sign-extends it, as fcvt.wu does). */
export function toU32(x: number, rm: number, ctx: FloatContext): number {
  if (x !== x) {
    ctx.flags |= FFlag.NV;
    return -1;
  }
  const r = roundToIntegral(x, rm);
  if (r >= TWO_32 || r < 0) {
    ctx.flags |= FFlag.NV;
    return r > 0 ? -1 : 0;
  }
  if (r !== x) ctx.flags |= FFlag.NX;
  return r | 0;
}

/** Write the integral double r (|r| < 2^64) as a 64-bit two's complement pair. */
function writeInteger64(r: number, ctx: FloatContext): void {
  const hi = Math.floor(r / TWO_32);
  ctx.lo = (r - hi * TWO_32) | 0;
  ctx.hi = hi | 0;
}

export function toI64(x: number, rm: number, ctx: FloatContext): void {
  const r = x !== x ? TWO_63 : roundToIntegral(x, rm);
  if (r >= TWO_63 || r < -TWO_63) {
    ctx.flags |= FFlag.NV;
    ctx.lo = r > 0 ? -1 : 0;
    ctx.hi = r > 0 ? 0x7fffffff : -0x80000000;
    return;
  }
  if (r !== x) ctx.flags |= FFlag.NX;
  writeInteger64(r, ctx);
}

export function toU64(x: number, rm: number, ctx: FloatContext): void {
  const r = x !== x ? TWO_64 : roundToIntegral(x, rm);
  if (r >= TWO_64 || r < 0) {
    ctx.flags |= FFlag.NV;
    ctx.lo = r > 0 ? -1 : 0;
    ctx.hi = ctx.lo;
    return;
  }
  if (r !== x) ctx.flags |= FFlag.NX;
  writeInteger64(r, ctx);
}

/** fcvt.w.s: int32 result. */
export function f32ToI32(a: number, rm: number, ctx: FloatContext): number {
  return toI32(floatFromBits(a), rm, ctx);
}
/** fcvt.wu.s: uint32 result as int32 (sign-extended into rd by RISC-V). */
export function f32ToU32(a: number, rm: number, ctx: FloatContext): number {
  return toU32(floatFromBits(a), rm, ctx);
}
/** fcvt.l.s: result in ctx.lo / ctx.hi. */
export function f32ToI64(a: number, rm: number, ctx: FloatContext): void {
  toI64(floatFromBits(a), rm, ctx);
}
/** fcvt.lu.s: result in ctx.lo / ctx.hi. */
export function f32ToU64(a: number, rm: number, ctx: FloatContext): void {
  toU64(floatFromBits(a), rm, ctx);
}
/** fcvt.w.d: int32 result. */
export function f64ToI32(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return toI32(doubleFromHalves(lo, hi), rm, ctx);
}
/** fcvt.wu.d: uint32 result as int32 (sign-extended into rd by RISC-V). */
export function f64ToU32(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return toU32(doubleFromHalves(lo, hi), rm, ctx);
}
/** fcvt.l.d: result in ctx.lo / ctx.hi. */
export function f64ToI64(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  toI64(doubleFromHalves(lo, hi), rm, ctx);
}
/** fcvt.lu.d: result in ctx.lo / ctx.hi. */
export function f64ToU64(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  toU64(doubleFromHalves(lo, hi), rm, ctx);
}

/** fcvt.s.w: x is read as int32. */
export function i32ToF32(x: number, rm: number, ctx: FloatContext): number {
  return roundF32FromOdd(x | 0, rm, ctx);
}
/** fcvt.s.wu: x is read as uint32. */
export function u32ToF32(x: number, rm: number, ctx: FloatContext): number {
  return roundF32FromOdd(x >>> 0, rm, ctx);
}

/** The 64-bit integer high * 2^32 + low rounded to odd as a double (the sum of two exact doubles). */
export function integer64ToOddDouble(high: number, low: number): number {
  const s = twoSum(high * TWO_32, low);
  const err = eft.err;
  return err === 0 ? s : roundToOddFromNearest(s, err);
}

/** fcvt.s.l: the int64 hi:lo. */
export function i64ToF32(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return roundF32FromOdd(integer64ToOddDouble(hi | 0, lo >>> 0), rm, ctx);
}
/** fcvt.s.lu: the uint64 hi:lo. */
export function u64ToF32(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return roundF32FromOdd(integer64ToOddDouble(hi >>> 0, lo >>> 0), rm, ctx);
}

/** fcvt.d.w: exact. */
export function i32ToF64(x: number, ctx: FloatContext): void {
  writeDouble(x | 0, ctx);
}
/** fcvt.d.wu: exact. */
export function u32ToF64(x: number, ctx: FloatContext): void {
  writeDouble(x >>> 0, ctx);
}

/** The 64-bit integer high * 2^32 + low (high signed or not, low unsigned) rounded to binary64 under rm. */
export function integer64ToDouble(high: number, low: number, rm: number, ctx: FloatContext): number {
  const s = twoSum(high * TWO_32, low); // RN of the exact integer; far from overflow and underflow
  const err = eft.err;
  return err === 0 ? s : roundF64Inexact(s, err, rm, ctx);
}

/** fcvt.d.l: the int64 hi:lo. */
export function i64ToF64(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  writeDouble(integer64ToDouble(hi | 0, lo >>> 0, rm, ctx), ctx);
}
/** fcvt.d.lu: the uint64 hi:lo. */
export function u64ToF64(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  writeDouble(integer64ToDouble(hi >>> 0, lo >>> 0, rm, ctx), ctx);
}
