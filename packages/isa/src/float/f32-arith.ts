/**
 * binary32 arithmetic for the F extension: operands and results are raw bit
 * patterns (uint32 numbers); flags accrue into ctx.flags.
 *
 * Each operation runs in double precision, where binary32 operands are
 * exact: products of two binary32 values are exact doubles, sums are exact up
 * to an error that TwoSum recovers, and quotients and square roots leave a
 * remainder that Dekker's TwoProduct computes exactly. The double result is
 * then rounded to odd and rounded once more to binary32 under the requested
 * mode (round-f32.ts), which is correct for every mode, including subnormal
 * and overflowing results. No BigInt here.
 */
import { floatBits, floatFromBits, roundToOddFromNearest } from './double-bits.js';
import { eft, twoProduct, twoSum } from './error-free.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { F32_CANONICAL_NAN, f32IsNaN, f32IsSignalingNaN } from './nan.js';
import { roundF32FromOdd } from './round-f32.js';
import { RoundingMode } from './rounding-mode.js';

const SIGN = 0x80000000;
const NEGATIVE_ZERO = 0x80000000;

/** The canonical NaN for an operation whose double result was NaN. */
function nanResult(a: number, b: number, ctx: FloatContext): number {
  // No NaN operand means an invalid operation (inf - inf, 0 * inf, 0 / 0, inf / inf).
  if (f32IsSignalingNaN(a) || f32IsSignalingNaN(b) || !(f32IsNaN(a) || f32IsNaN(b))) ctx.flags |= FFlag.NV;
  return F32_CANONICAL_NAN;
}

/** x + y for the exact binary32 values x, y (raw bits a, b for NaN and zero handling). */
function add(x: number, y: number, a: number, b: number, rm: number, ctx: FloatContext): number {
  const s = x + y;
  if (s - s !== 0) return s === s ? floatBits(s) : nanResult(a, b, ctx); // infinity (exact) or NaN
  if (s === 0) {
    // An exact zero sum is -0 under RDN unless both operands are +0 (IEEE 754 §6.3).
    if (rm === RoundingMode.RDN && (a | b) !== 0) return NEGATIVE_ZERO;
    return floatBits(s);
  }
  const rounded = twoSum(x, y);
  const err = eft.err;
  return roundF32FromOdd(err === 0 ? rounded : roundToOddFromNearest(rounded, err), rm, ctx);
}

export function f32Add(a: number, b: number, rm: number, ctx: FloatContext): number {
  return add(floatFromBits(a), floatFromBits(b), a, b, rm, ctx);
}

export function f32Sub(a: number, b: number, rm: number, ctx: FloatContext): number {
  const nb = (b ^ SIGN) >>> 0;
  return add(floatFromBits(a), floatFromBits(nb), a, nb, rm, ctx);
}

export function f32Mul(a: number, b: number, rm: number, ctx: FloatContext): number {
  const p = floatFromBits(a) * floatFromBits(b); // exact: 48 bits, |p| in [2^-298, 2^256]
  if (p !== p) return nanResult(a, b, ctx);
  if (p === 0 || p - p !== 0) return floatBits(p);
  return roundF32FromOdd(p, rm, ctx);
}

export function f32Div(a: number, b: number, rm: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  const q = x / y;
  if (q !== q) return nanResult(a, b, ctx);
  if (q === 0 || q - q !== 0) {
    // Exact zero or infinity, or division of a finite non-zero number by zero.
    if (y === 0 && x - x === 0) ctx.flags |= FFlag.DZ;
    return floatBits(q);
  }
  // q in [2^-277, 2^277]: the remainder x - q*y is exact via TwoProduct.
  const p = twoProduct(q, y);
  const rem = x - p - eft.err;
  if (rem === 0) return roundF32FromOdd(q, rm, ctx);
  // The exact quotient lies above q when the remainder has the divisor's sign.
  return roundF32FromOdd(roundToOddFromNearest(q, rem > 0 === y > 0 ? 1 : -1), rm, ctx);
}

export function f32Sqrt(a: number, rm: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  if (x !== x) return nanResult(a, a, ctx);
  if (x === 0) return a >>> 0; // sqrt(+-0) = +-0
  if (x < 0) {
    ctx.flags |= FFlag.NV;
    return F32_CANONICAL_NAN;
  }
  if (x - x !== 0) return a >>> 0; // +infinity
  const s = Math.sqrt(x);
  const p = twoProduct(s, s);
  const rem = x - p - eft.err;
  if (rem === 0) return roundF32FromOdd(s, rm, ctx);
  return roundF32FromOdd(roundToOddFromNearest(s, rem), rm, ctx);
}

/** NaN or infinite operands of a * b + c, and the invalid cases. */
function fmaSpecial(a: number, b: number, c: number, x: number, y: number, z: number, ctx: FloatContext): number {
  const infTimesZero = (x === 0 && y - y !== 0 && y === y) || (y === 0 && x - x !== 0 && x === x);
  if (f32IsNaN(a) || f32IsNaN(b) || f32IsNaN(c)) {
    // RISC-V: infinity * zero raises NV even when the addend is a quiet NaN.
    if (infTimesZero || f32IsSignalingNaN(a) || f32IsSignalingNaN(b) || f32IsSignalingNaN(c)) ctx.flags |= FFlag.NV;
    return F32_CANONICAL_NAN;
  }
  const s = x * y + z; // infinite operands: the product is exact or NaN
  if (s !== s) {
    ctx.flags |= FFlag.NV;
    return F32_CANONICAL_NAN;
  }
  return floatBits(s);
}

/** a * b + c with a single rounding: the binary32 core of fmadd/fmsub/fnmsub/fnmadd. */
function fma(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  const x = floatFromBits(a);
  const y = floatFromBits(b);
  const z = floatFromBits(c);
  const p = x * y; // exact for finite operands
  const s = p + z;
  if (s - s !== 0 || p - p !== 0) return fmaSpecial(a, b, c, x, y, z, ctx);
  if (s === 0) {
    // Exact zero: +0 + +0 and -0 + -0 keep their sign; otherwise -0 only under RDN.
    if (p === 0 && z === 0) {
      const pNegative = 1 / p < 0;
      if (pNegative === (c >>> 31 === 1)) return pNegative ? NEGATIVE_ZERO : 0;
    }
    return rm === RoundingMode.RDN ? NEGATIVE_ZERO : 0;
  }
  const rounded = twoSum(p, z);
  const err = eft.err;
  return roundF32FromOdd(err === 0 ? rounded : roundToOddFromNearest(rounded, err), rm, ctx);
}

/** fmadd.s: a * b + c. */
export function f32MulAdd(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  return fma(a, b, c, rm, ctx);
}

/** fmsub.s: a * b - c. */
export function f32MulSub(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  return fma(a, b, (c ^ SIGN) >>> 0, rm, ctx);
}

/** fnmsub.s: -(a * b) + c. */
export function f32NegMulSub(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  return fma((a ^ SIGN) >>> 0, b, c, rm, ctx);
}

/** fnmadd.s: -(a * b) - c. */
export function f32NegMulAdd(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  return fma((a ^ SIGN) >>> 0, b, (c ^ SIGN) >>> 0, rm, ctx);
}
