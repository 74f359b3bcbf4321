/**
 * The conversions of the reference implementation (softfloat-slow.ts) with
 * the public calling convention (see convert.ts, which must agree with these).
 */
import type { FloatContext } from './float-context.js';
import { bitsFromHalves, writeBits64 } from './f64-slow.js';
import {
  BINARY32,
  BINARY64,
  INT32,
  INT64,
  UINT32,
  UINT64,
  convertSlow,
  fromIntSlow,
  toIntSlow,
  type IntFormat,
  type SlowFormat,
} from './softfloat-slow.js';

const big32 = (bits: number): bigint => BigInt(bits >>> 0);

export function f32ToF64Slow(a: number, ctx: FloatContext): void {
  writeBits64(convertSlow(BINARY32, BINARY64, big32(a), 0, ctx), ctx);
}

export function f64ToF32Slow(aLo: number, aHi: number, rm: number, ctx: FloatContext): number {
  return Number(convertSlow(BINARY64, BINARY32, bitsFromHalves(aLo, aHi), rm, ctx));
}

function to32(f: SlowFormat, i: IntFormat, bits: bigint, rm: number, ctx: FloatContext): number {
  return Number(BigInt.asIntN(32, toIntSlow(f, i, bits, rm, ctx)));
}

/** fcvt.w.s: the int32 result. */
export function f32ToI32Slow(a: number, rm: number, ctx: FloatContext): number {
  return to32(BINARY32, INT32, big32(a), rm, ctx);
}
/** fcvt.wu.s: the uint32 result as int32 (RISC-V sign-extends it into the x register). */
export function f32ToU32Slow(a: number, rm: number, ctx: FloatContext): number {
  return to32(BINARY32, UINT32, big32(a), rm, ctx);
}
export function f32ToI64Slow(a: number, rm: number, ctx: FloatContext): void {
  writeBits64(toIntSlow(BINARY32, INT64, big32(a), rm, ctx), ctx);
}
export function f32ToU64Slow(a: number, rm: number, ctx: FloatContext): void {
  writeBits64(toIntSlow(BINARY32, UINT64, big32(a), rm, ctx), ctx);
}
export function f64ToI32Slow(aLo: number, aHi: number, rm: number, ctx: FloatContext): number {
  return to32(BINARY64, INT32, bitsFromHalves(aLo, aHi), rm, ctx);
}
export function f64ToU32Slow(aLo: number, aHi: number, rm: number, ctx: FloatContext): number {
  return to32(BINARY64, UINT32, bitsFromHalves(aLo, aHi), rm, ctx);
}
export function f64ToI64Slow(aLo: number, aHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(toIntSlow(BINARY64, INT64, bitsFromHalves(aLo, aHi), rm, ctx), ctx);
}
export function f64ToU64Slow(aLo: number, aHi: number, rm: number, ctx: FloatContext): void {
  writeBits64(toIntSlow(BINARY64, UINT64, bitsFromHalves(aLo, aHi), rm, ctx), ctx);
}

const i32 = (x: number): bigint => BigInt(x | 0);
const u32 = (x: number): bigint => BigInt(x >>> 0);
const i64 = (lo: number, hi: number): bigint => BigInt.asIntN(64, bitsFromHalves(lo, hi));
const u64 = (lo: number, hi: number): bigint => bitsFromHalves(lo, hi);

export function i32ToF32Slow(x: number, rm: number, ctx: FloatContext): number {
  return Number(fromIntSlow(BINARY32, i32(x), rm, ctx));
}
export function u32ToF32Slow(x: number, rm: number, ctx: FloatContext): number {
  return Number(fromIntSlow(BINARY32, u32(x), rm, ctx));
}
export function i64ToF32Slow(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return Number(fromIntSlow(BINARY32, i64(lo, hi), rm, ctx));
}
export function u64ToF32Slow(lo: number, hi: number, rm: number, ctx: FloatContext): number {
  return Number(fromIntSlow(BINARY32, u64(lo, hi), rm, ctx));
}
export function i32ToF64Slow(x: number, rm: number, ctx: FloatContext): void {
  writeBits64(fromIntSlow(BINARY64, i32(x), rm, ctx), ctx);
}
export function u32ToF64Slow(x: number, rm: number, ctx: FloatContext): void {
  writeBits64(fromIntSlow(BINARY64, u32(x), rm, ctx), ctx);
}
export function i64ToF64Slow(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  writeBits64(fromIntSlow(BINARY64, i64(lo, hi), rm, ctx), ctx);
}
export function u64ToF64Slow(lo: number, hi: number, rm: number, ctx: FloatContext): void {
  writeBits64(fromIntSlow(BINARY64, u64(lo, hi), rm, ctx), ctx);
}
