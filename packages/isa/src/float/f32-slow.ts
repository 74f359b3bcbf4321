/**
 * The binary32 operations of the reference implementation (softfloat-slow.ts)
 * with the public calling convention: operands and results are raw bits as
 * uint32 numbers. The fast paths (f32-arith.ts) must agree with these.
 */
import type { FloatContext } from './float-context.js';
import {
  BINARY32,
  addSlow,
  divSlow,
  fmaSlow,
  mulSlow,
  sqrtSlow,
  subSlow,
} from './softfloat-slow.js';

const big = (bits: number): bigint => BigInt(bits >>> 0);

export function f32AddSlow(a: number, b: number, rm: number, ctx: FloatContext): number {
  return Number(addSlow(BINARY32, big(a), big(b), rm, ctx));
}

export function f32SubSlow(a: number, b: number, rm: number, ctx: FloatContext): number {
  return Number(subSlow(BINARY32, big(a), big(b), rm, ctx));
}

export function f32MulSlow(a: number, b: number, rm: number, ctx: FloatContext): number {
  return Number(mulSlow(BINARY32, big(a), big(b), rm, ctx));
}

export function f32DivSlow(a: number, b: number, rm: number, ctx: FloatContext): number {
  return Number(divSlow(BINARY32, big(a), big(b), rm, ctx));
}

export function f32SqrtSlow(a: number, rm: number, ctx: FloatContext): number {
  return Number(sqrtSlow(BINARY32, big(a), rm, ctx));
}

/** a * b + c with one rounding. */
export function f32MulAddSlow(a: number, b: number, c: number, rm: number, ctx: FloatContext): number {
  return Number(fmaSlow(BINARY32, big(a), big(b), big(c), rm, ctx));
}
