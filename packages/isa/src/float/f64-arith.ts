/**
 * binary64 arithmetic for the D extension on raw bits: operands are int32
 * halves (lo, hi), results are written to ctx.lo / ctx.hi, flags accrue into
 * ctx.flags. Thin wrappers over the double cores of f64-core.ts, which
 * explain the algorithms; here only NaN operands are recognised from their
 * bits (a NaN result is canonical, with NV for signalling NaN operands).
 */
import { doubleFromHalves, writeDouble } from './double-bits.js';
import { addF64, divF64, fmaF64, mulF64, sqrtF64 } from './f64-core.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { F64_CANONICAL_NAN_HI, F64_CANONICAL_NAN_LO, f64IsSignalingNaN } from './nan.js';

/** Write r, or for a NaN r the canonical NaN (with NV if `signaling`). */
function write(r: number, signaling: boolean, ctx: FloatContext): void {
  if (r === r) return writeDouble(r, ctx);
  if (signaling) ctx.flags |= FFlag.NV;
  ctx.lo = F64_CANONICAL_NAN_LO;
  ctx.hi = F64_CANONICAL_NAN_HI;
}

function write2(r: number, aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): void {
  if (r === r) return writeDouble(r, ctx);
  write(r, f64IsSignalingNaN(aLo, aHi) || f64IsSignalingNaN(bLo, bHi), ctx);
}

export function f64Add(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  write2(addF64(doubleFromHalves(aLo, aHi), doubleFromHalves(bLo, bHi), rm, ctx), aLo, aHi, bLo, bHi, ctx);
}

export function f64Sub(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  write2(addF64(doubleFromHalves(aLo, aHi), -doubleFromHalves(bLo, bHi), rm, ctx), aLo, aHi, bLo, bHi, ctx);
}

export function f64Mul(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  write2(mulF64(doubleFromHalves(aLo, aHi), doubleFromHalves(bLo, bHi), rm, ctx), aLo, aHi, bLo, bHi, ctx);
}

export function f64Div(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  write2(divF64(doubleFromHalves(aLo, aHi), doubleFromHalves(bLo, bHi), rm, ctx), aLo, aHi, bLo, bHi, ctx);
}

export function f64Sqrt(aLo: number, aHi: number, rm: number, ctx: FloatContext): void {
  write(sqrtF64(doubleFromHalves(aLo, aHi), rm, ctx), f64IsSignalingNaN(aLo, aHi), ctx);
}

/** x * y + z from halves, with the signs of the product and of the addend flipped as asked. */
function fma(
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  negateProduct: number,
  negateAddend: number,
  rm: number,
  ctx: FloatContext,
): void {
  const x = doubleFromHalves(aLo, aHi) * negateProduct;
  const y = doubleFromHalves(bLo, bHi);
  const z = doubleFromHalves(cLo, cHi) * negateAddend;
  const r = fmaF64(x, y, z, rm, ctx);
  if (r === r) return writeDouble(r, ctx);
  write(r, f64IsSignalingNaN(aLo, aHi) || f64IsSignalingNaN(bLo, bHi) || f64IsSignalingNaN(cLo, cHi), ctx);
}

/** fmadd.d: a * b + c. */
export function f64MulAdd(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi, 1, 1, rm, ctx);
}

/** fmsub.d: a * b - c. */
export function f64MulSub(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi, 1, -1, rm, ctx);
}

/** fnmsub.d: -(a * b) + c. */
export function f64NegMulSub(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi, -1, 1, rm, ctx);
}

/** fnmadd.d: -(a * b) - c. */
export function f64NegMulAdd(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi, -1, -1, rm, ctx);
}
