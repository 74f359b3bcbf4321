/**
 * The binary64 operations of the reference implementation (softfloat-slow.ts)
 * with the public calling convention: operands as int32 halves (lo, hi), the
 * result written to ctx.lo / ctx.hi. The fast paths (f64-arith.ts) fall back
 * to these and must agree with them.
 */
import type { FloatContext } from './float-context.js';
import {
  BINARY64,
  addSlow,
  divSlow,
  fmaSlow,
  mulSlow,
  sqrtSlow,
  subSlow,
} from './softfloat-slow.js';

/** The 64-bit pattern of halves (lo, hi) as an unsigned BigInt. */
export function bitsFromHalves(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Write a 64-bit pattern (taken modulo 2^64) into ctx.lo / ctx.hi. */
export function writeBits64(bits: bigint, ctx: FloatContext): void {
  ctx.lo = Number(BigInt.asIntN(32, bits));
  ctx.hi = Number(BigInt.asIntN(32, bits >> 32n));
}

export function f64AddSlow(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(addSlow(BINARY64, bitsFromHalves(aLo, aHi), bitsFromHalves(bLo, bHi), rm, ctx), ctx);
}

export function f64SubSlow(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(subSlow(BINARY64, bitsFromHalves(aLo, aHi), bitsFromHalves(bLo, bHi), rm, ctx), ctx);
}

export function f64MulSlow(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(mulSlow(BINARY64, bitsFromHalves(aLo, aHi), bitsFromHalves(bLo, bHi), rm, ctx), ctx);
}

export function f64DivSlow(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(divSlow(BINARY64, bitsFromHalves(aLo, aHi), bitsFromHalves(bLo, bHi), rm, ctx), ctx);
}

export function f64SqrtSlow(aLo: number, aHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(sqrtSlow(BINARY64, bitsFromHalves(aLo, aHi), rm, ctx), ctx);
}

/** a * b + c with one rounding. */
export function f64MulAddSlow(
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  rm: number,
  ctx: FloatContext,
): void {
  const a = bitsFromHalves(aLo, aHi);
  const b = bitsFromHalves(bLo, bHi);
  writeBits64(fmaSlow(BINARY64, a, b, bitsFromHalves(cLo, cHi), rm, ctx), ctx);
}
