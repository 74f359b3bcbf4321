/**
 * The F and D instructions on a hart's float register file, named after
 * their mnemonics (faddD = fadd.d). This is the executor's fast entry point:
 * binary64 operands are loaded straight from the Float64Array view and
 * results stored into it, with no conversion through 32-bit halves; binary32
 * operands are unboxed and results NaN-boxed here (unprivileged spec, "NaN
 * Boxing of Narrower Values"). Flags accrue into ctx.flags; 64-bit integer
 * results go to ctx.lo / ctx.hi.
 *
 * The executor still owns: resolving rm = 7 (DYN) from frm and rejecting
 * invalid rounding modes (isValidRoundingMode), writing integer results to x
 * registers (sign-extending the int32 results of fcvt.w[u].*, feq/flt/fle
 * and fclass are small non-negative numbers), ORing ctx.flags into fflags,
 * marking mstatus.FS dirty, and the bit moves (fmv.*, fsgnj*, loads and
 * stores).
 */
import { floatBits, floatFromBits } from './double-bits.js';
import { f32Add, f32Div, f32Mul, f32MulAdd, f32MulSub, f32NegMulAdd, f32NegMulSub, f32Sqrt, f32Sub } from './f32-arith.js';
import { addF64, divF64, fmaF64, mulF64, sqrtF64 } from './f64-core.js';
import { f32Class, f32Eq, f32Le, f32Lt, f32Max, f32Min, f64Class } from './compare.js';
import {
  f32ToI32,
  f32ToI64,
  f32ToU32,
  f32ToU64,
  i32ToF32,
  i64ToF32,
  integer64ToDouble,
  toI32,
  toI64,
  toU32,
  toU64,
  u32ToF32,
  u64ToF32,
} from './convert.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { F32_CANONICAL_NAN, F64_CANONICAL_NAN_HI, f32IsNaN, f32IsSignalingNaN, f64IsSignalingNaN } from './nan.js';
import { roundF32FromOdd } from './round-f32.js';

/** A float register file: f0..f31 as int32 halves and, aliasing them, as doubles (little endian). */
export interface FloatRegisters {
  /** f[2*i] is the low word of f<i>, f[2*i+1] the high word. */
  readonly f: Int32Array;
  /** fd[i] is f<i> as a double. */
  readonly fd: Float64Array;
}

// ---------------------------------------------------------------- binary64

function isSignaling(f: Int32Array, i: number): boolean {
  return f64IsSignalingNaN(f[2 * i]!, f[2 * i + 1]!);
}

/** Store the double result r in f<rd>; a NaN r stores the canonical NaN. */
function storeD(f: Int32Array, fd: Float64Array, rd: number, r: number): void {
  if (r === r) {
    fd[rd] = r;
  } else {
    f[2 * rd] = 0;
    f[2 * rd + 1] = F64_CANONICAL_NAN_HI;
  }
}

/** Store r; for a NaN result first raise NV if f<rs1> or f<rs2> is a signalling NaN. */
function store2(r: FloatRegisters, rd: number, rs1: number, rs2: number, v: number, ctx: FloatContext): void {
  if (v === v) {
    r.fd[rd] = v;
    return;
  }
  if (isSignaling(r.f, rs1) || isSignaling(r.f, rs2)) ctx.flags |= FFlag.NV;
  storeD(r.f, r.fd, rd, v);
}

export function faddD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  store2(r, rd, rs1, rs2, addF64(r.fd[rs1]!, r.fd[rs2]!, rm, ctx), ctx);
}

export function fsubD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  store2(r, rd, rs1, rs2, addF64(r.fd[rs1]!, -r.fd[rs2]!, rm, ctx), ctx);
}

export function fmulD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  store2(r, rd, rs1, rs2, mulF64(r.fd[rs1]!, r.fd[rs2]!, rm, ctx), ctx);
}

export function fdivD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  store2(r, rd, rs1, rs2, divF64(r.fd[rs1]!, r.fd[rs2]!, rm, ctx), ctx);
}

export function fsqrtD(r: FloatRegisters, rd: number, rs1: number, rm: number, ctx: FloatContext): void {
  store2(r, rd, rs1, rs1, sqrtF64(r.fd[rs1]!, rm, ctx), ctx);
}

function fmaD(
  r: FloatRegisters,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  negateProduct: number,
  negateAddend: number,
  rm: number,
  ctx: FloatContext,
): void {
  const v = fmaF64(r.fd[rs1]! * negateProduct, r.fd[rs2]!, r.fd[rs3]! * negateAddend, rm, ctx);
  if (v === v) {
    r.fd[rd] = v;
    return;
  }
  if (isSignaling(r.f, rs1) || isSignaling(r.f, rs2) || isSignaling(r.f, rs3)) ctx.flags |= FFlag.NV;
  storeD(r.f, r.fd, rd, v);
}

/** fmadd.d: rs1 * rs2 + rs3. */
export function fmaddD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  fmaD(r, rd, rs1, rs2, rs3, 1, 1, rm, ctx);
}
/** fmsub.d: rs1 * rs2 - rs3. */
export function fmsubD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  fmaD(r, rd, rs1, rs2, rs3, 1, -1, rm, ctx);
}
/** fnmsub.d: -(rs1 * rs2) + rs3. */
export function fnmsubD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  fmaD(r, rd, rs1, rs2, rs3, -1, 1, rm, ctx);
}
/** fnmadd.d: -(rs1 * rs2) - rs3. */
export function fnmaddD(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  fmaD(r, rd, rs1, rs2, rs3, -1, -1, rm, ctx);
}

function minMaxD(r: FloatRegisters, rd: number, rs1: number, rs2: number, isMax: boolean, ctx: FloatContext): void {
  const x = r.fd[rs1]!;
  const y = r.fd[rs2]!;
  let v: number;
  if (x !== x || y !== y) {
    // minimumNumber/maximumNumber: a NaN loses to a number; sNaNs signal.
    if (isSignaling(r.f, rs1) || isSignaling(r.f, rs2)) ctx.flags |= FFlag.NV;
    v = x !== x ? y : x;
  } else if (x !== y) {
    v = x < y !== isMax ? x : y;
  } else {
    // Equal: the same value, or zeros of different signs (-0 < +0).
    v = x === 0 && 1 / x < 0 !== isMax ? x : y;
  }
  storeD(r.f, r.fd, rd, v);
}

/** fmin.d (minimumNumber; -0 < +0). */
export function fminD(r: FloatRegisters, rd: number, rs1: number, rs2: number, ctx: FloatContext): void {
  minMaxD(r, rd, rs1, rs2, false, ctx);
}
/** fmax.d (maximumNumber; -0 < +0). */
export function fmaxD(r: FloatRegisters, rd: number, rs1: number, rs2: number, ctx: FloatContext): void {
  minMaxD(r, rd, rs1, rs2, true, ctx);
}

/** feq.d: 1 or 0; NV only for signalling NaNs. */
export function feqD(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  const x = r.fd[rs1]!;
  const y = r.fd[rs2]!;
  if (x === y) return 1;
  if ((x !== x || y !== y) && (isSignaling(r.f, rs1) || isSignaling(r.f, rs2))) ctx.flags |= FFlag.NV;
  return 0;
}
/** flt.d: 1 or 0; NV for any NaN. */
export function fltD(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  const x = r.fd[rs1]!;
  const y = r.fd[rs2]!;
  if (x < y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}
/** fle.d: 1 or 0; NV for any NaN. */
export function fleD(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  const x = r.fd[rs1]!;
  const y = r.fd[rs2]!;
  if (x <= y) return 1;
  if (x !== x || y !== y) ctx.flags |= FFlag.NV;
  return 0;
}
/** fclass.d: the 10-bit class mask. */
export function fclassD(r: FloatRegisters, rs1: number): number {
  return f64Class(r.f[2 * rs1]!, r.f[2 * rs1 + 1]!);
}

/** fcvt.w.d: the int32 result (sign-extend it into rd). */
export function fcvtWD(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): number {
  return toI32(r.fd[rs1]!, rm, ctx);
}
/** fcvt.wu.d: the uint32 result as int32 (sign-extend it into rd, as the spec says). */
export function fcvtWuD(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): number {
  return toU32(r.fd[rs1]!, rm, ctx);
}
/** fcvt.l.d: the result in ctx.lo / ctx.hi. */
export function fcvtLD(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): void {
  toI64(r.fd[rs1]!, rm, ctx);
}
/** fcvt.lu.d: the result in ctx.lo / ctx.hi. */
export function fcvtLuD(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): void {
  toU64(r.fd[rs1]!, rm, ctx);
}
/** fcvt.d.w: from the low word of an x register (exact). */
export function fcvtDW(r: FloatRegisters, rd: number, x: number): void {
  r.fd[rd] = x | 0;
}
/** fcvt.d.wu: from the low word of an x register (exact). */
export function fcvtDWu(r: FloatRegisters, rd: number, x: number): void {
  r.fd[rd] = x >>> 0;
}
/** fcvt.d.l: from an x register's halves. */
export function fcvtDL(r: FloatRegisters, rd: number, lo: number, hi: number, rm: number, ctx: FloatContext): void {
  r.fd[rd] = integer64ToDouble(hi | 0, lo >>> 0, rm, ctx);
}
/** fcvt.d.lu: from an x register's halves. */
export function fcvtDLu(r: FloatRegisters, rd: number, lo: number, hi: number, rm: number, ctx: FloatContext): void {
  r.fd[rd] = integer64ToDouble(hi >>> 0, lo >>> 0, rm, ctx);
}

// ---------------------------------------------------------------- binary32

/** The binary32 bits in f<i>: the canonical NaN unless properly NaN-boxed. */
function single(f: Int32Array, i: number): number {
  return f[2 * i + 1] === -1 ? f[2 * i]! : F32_CANONICAL_NAN;
}

/** Store binary32 bits in f<rd>, NaN-boxed. */
function storeS(f: Int32Array, rd: number, bits: number): void {
  f[2 * rd] = bits;
  f[2 * rd + 1] = -1;
}

type F32Binary = (a: number, b: number, rm: number, ctx: FloatContext) => number;
type F32Ternary = (a: number, b: number, c: number, rm: number, ctx: FloatContext) => number;

function binaryS(op: F32Binary, r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, op(single(r.f, rs1), single(r.f, rs2), rm, ctx));
}

function ternaryS(
  op: F32Ternary,
  r: FloatRegisters,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: number,
  ctx: FloatContext,
): void {
  storeS(r.f, rd, op(single(r.f, rs1), single(r.f, rs2), single(r.f, rs3), rm, ctx));
}

export function faddS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  binaryS(f32Add, r, rd, rs1, rs2, rm, ctx);
}
export function fsubS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  binaryS(f32Sub, r, rd, rs1, rs2, rm, ctx);
}
export function fmulS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  binaryS(f32Mul, r, rd, rs1, rs2, rm, ctx);
}
export function fdivS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rm: number, ctx: FloatContext): void {
  binaryS(f32Div, r, rd, rs1, rs2, rm, ctx);
}
export function fsqrtS(r: FloatRegisters, rd: number, rs1: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, f32Sqrt(single(r.f, rs1), rm, ctx));
}
export function fmaddS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  ternaryS(f32MulAdd, r, rd, rs1, rs2, rs3, rm, ctx);
}
export function fmsubS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  ternaryS(f32MulSub, r, rd, rs1, rs2, rs3, rm, ctx);
}
export function fnmsubS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  ternaryS(f32NegMulSub, r, rd, rs1, rs2, rs3, rm, ctx);
}
export function fnmaddS(r: FloatRegisters, rd: number, rs1: number, rs2: number, rs3: number, rm: number, ctx: FloatContext): void {
  ternaryS(f32NegMulAdd, r, rd, rs1, rs2, rs3, rm, ctx);
}
export function fminS(r: FloatRegisters, rd: number, rs1: number, rs2: number, ctx: FloatContext): void {
  storeS(r.f, rd, f32Min(single(r.f, rs1), single(r.f, rs2), ctx));
}
export function fmaxS(r: FloatRegisters, rd: number, rs1: number, rs2: number, ctx: FloatContext): void {
  storeS(r.f, rd, f32Max(single(r.f, rs1), single(r.f, rs2), ctx));
}
export function feqS(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  return f32Eq(single(r.f, rs1), single(r.f, rs2), ctx);
}
export function fltS(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  return f32Lt(single(r.f, rs1), single(r.f, rs2), ctx);
}
export function fleS(r: FloatRegisters, rs1: number, rs2: number, ctx: FloatContext): number {
  return f32Le(single(r.f, rs1), single(r.f, rs2), ctx);
}
export function fclassS(r: FloatRegisters, rs1: number): number {
  return f32Class(single(r.f, rs1));
}
/** fcvt.w.s: the int32 result. */
export function fcvtWS(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): number {
  return f32ToI32(single(r.f, rs1), rm, ctx);
}
/** fcvt.wu.s: the uint32 result as int32 (sign-extended into rd). */
export function fcvtWuS(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): number {
  return f32ToU32(single(r.f, rs1), rm, ctx);
}
/** fcvt.l.s: the result in ctx.lo / ctx.hi. */
export function fcvtLS(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): void {
  f32ToI64(single(r.f, rs1), rm, ctx);
}
/** fcvt.lu.s: the result in ctx.lo / ctx.hi. */
export function fcvtLuS(r: FloatRegisters, rs1: number, rm: number, ctx: FloatContext): void {
  f32ToU64(single(r.f, rs1), rm, ctx);
}
/** fcvt.s.w: from the low word of an x register. */
export function fcvtSW(r: FloatRegisters, rd: number, x: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, i32ToF32(x, rm, ctx));
}
/** fcvt.s.wu: from the low word of an x register. */
export function fcvtSWu(r: FloatRegisters, rd: number, x: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, u32ToF32(x, rm, ctx));
}
/** fcvt.s.l: from an x register's halves. */
export function fcvtSL(r: FloatRegisters, rd: number, lo: number, hi: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, i64ToF32(lo, hi, rm, ctx));
}
/** fcvt.s.lu: from an x register's halves. */
export function fcvtSLu(r: FloatRegisters, rd: number, lo: number, hi: number, rm: number, ctx: FloatContext): void {
  storeS(r.f, rd, u64ToF32(lo, hi, rm, ctx));
}

// ---------------------------------------------------------------- between formats

/** fcvt.s.d: binary64 f<rs1> rounded to binary32, NaN-boxed into f<rd>. */
export function fcvtSD(r: FloatRegisters, rd: number, rs1: number, rm: number, ctx: FloatContext): void {
  const x = r.fd[rs1]!;
  let bits: number;
  if (x !== x) {
    if (isSignaling(r.f, rs1)) ctx.flags |= FFlag.NV;
    bits = F32_CANONICAL_NAN;
  } else if (x === 0 || x - x !== 0) {
    bits = floatBits(x); // signed zero or infinity
  } else {
    bits = roundF32FromOdd(x, rm, ctx);
  }
  storeS(r.f, rd, bits);
}

/** fcvt.d.s: binary32 f<rs1> widened exactly into f<rd>. */
export function fcvtDS(r: FloatRegisters, rd: number, rs1: number, ctx: FloatContext): void {
  const a = single(r.f, rs1);
  if (f32IsNaN(a)) {
    if (f32IsSignalingNaN(a)) ctx.flags |= FFlag.NV;
    storeD(r.f, r.fd, rd, NaN);
    return;
  }
  r.fd[rd] = floatFromBits(a);
}
