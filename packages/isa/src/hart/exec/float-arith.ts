/**
 * The rounding arithmetic of F and D: fadd, fsub, fmul, fdiv, fsqrt and the
 * fused multiply-adds (fmadd, fmsub, fnmsub, fnmadd: one rounding of the
 * exact a * b +- c), unprivileged spec chapters 11 and 12. IEEE 754-2008
 * semantics, the canonical NaN for NaN results and the five flags come from
 * the soft-float module (src/float); this file resolves the rounding mode,
 * unboxes singles and writes results.
 *
 * Each handler is its own function (no factory): these are the hot float
 * paths, and separate functions keep every call site monomorphic.
 */
import type { Decoded } from '../../decode/decoder.js';
import {
  f32Add,
  f32Div,
  f32Mul,
  f32MulAdd,
  f32MulSub,
  f32NegMulAdd,
  f32NegMulSub,
  f32Sqrt,
  f32Sub,
  f64Add,
  f64Div,
  f64Mul,
  f64MulAdd,
  f64MulSub,
  f64NegMulAdd,
  f64NegMulSub,
  f64Sqrt,
  f64Sub,
} from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { ctx, readF32, roundingMode, writeF32, writeF64Result } from './float-support.js';

// ---- single precision ------------------------------------------------------------

function faddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Add(readF32(h, d.rs1), readF32(h, d.rs2), rm, ctx));
}

function fsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Sub(readF32(h, d.rs1), readF32(h, d.rs2), rm, ctx));
}

function fmulS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Mul(readF32(h, d.rs1), readF32(h, d.rs2), rm, ctx));
}

function fdivS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Div(readF32(h, d.rs1), readF32(h, d.rs2), rm, ctx));
}

function fsqrtS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Sqrt(readF32(h, d.rs1), rm, ctx));
}

function fmaddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32MulAdd(readF32(h, d.rs1), readF32(h, d.rs2), readF32(h, d.rs3), rm, ctx));
}

function fmsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32MulSub(readF32(h, d.rs1), readF32(h, d.rs2), readF32(h, d.rs3), rm, ctx));
}

function fnmsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32NegMulSub(readF32(h, d.rs1), readF32(h, d.rs2), readF32(h, d.rs3), rm, ctx));
}

function fnmaddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32NegMulAdd(readF32(h, d.rs1), readF32(h, d.rs2), readF32(h, d.rs3), rm, ctx));
}

// ---- double precision ------------------------------------------------------------

function faddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Add(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Sub(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fmulD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Mul(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fdivD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Div(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fsqrtD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  f64Sqrt(f[a]!, f[a + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fmaddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const c = d.rs3 * 2;
  ctx.flags = 0;
  f64MulAdd(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, f[c]!, f[c + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fmsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const c = d.rs3 * 2;
  ctx.flags = 0;
  f64MulSub(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, f[c]!, f[c + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fnmsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const c = d.rs3 * 2;
  ctx.flags = 0;
  f64NegMulSub(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, f[c]!, f[c + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fnmaddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const c = d.rs3 * 2;
  ctx.flags = 0;
  f64NegMulAdd(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, f[c]!, f[c + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

export const FLOAT_ARITH_HANDLERS: Record<string, ExecuteHandler> = {
  'fadd.s': faddS,
  'fsub.s': fsubS,
  'fmul.s': fmulS,
  'fdiv.s': fdivS,
  'fsqrt.s': fsqrtS,
  'fmadd.s': fmaddS,
  'fmsub.s': fmsubS,
  'fnmsub.s': fnmsubS,
  'fnmadd.s': fnmaddS,
  'fadd.d': faddD,
  'fsub.d': fsubD,
  'fmul.d': fmulD,
  'fdiv.d': fdivD,
  'fsqrt.d': fsqrtD,
  'fmadd.d': fmaddD,
  'fmsub.d': fmsubD,
  'fnmsub.d': fnmsubD,
  'fnmadd.d': fnmaddD,
};
