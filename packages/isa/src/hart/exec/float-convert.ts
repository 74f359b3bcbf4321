/**
 * Conversions of F and D (fcvt.*, unprivileged spec chapters 11 and 12,
 * table "Domains of float-to-integer conversions").
 *
 * - Float to integer: rounded under the rounding mode; NaNs and results out
 *   of range saturate and raise NV only. The 32-bit results (fcvt.w and
 *   fcvt.wu alike) are sign-extended into x[rd], as every RV64 W result is.
 * - Integer to float: the w/wu forms read the low 32 bits of rs1 (signed or
 *   not); the l/lu forms all 64.
 * - fcvt.s.d rounds; fcvt.d.s, fcvt.d.w and fcvt.d.wu are exact but their
 *   rm field must still name a valid rounding mode (see roundingMode).
 */
import type { Decoded } from '../../decode/decoder.js';
import {
  f32ToF64,
  f32ToI32,
  f32ToI64,
  f32ToU32,
  f32ToU64,
  f64ToF32,
  f64ToI32,
  f64ToI64,
  f64ToU32,
  f64ToU64,
  i32ToF32,
  i32ToF64,
  i64ToF32,
  i64ToF64,
  u32ToF32,
  u32ToF64,
  u64ToF32,
  u64ToF64,
} from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { accrue, ctx, readF32, roundingMode, writeF32, writeF64Result } from './float-support.js';

// ---- float to integer ------------------------------------------------------------

function fcvtWS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, f32ToI32(readF32(h, d.rs1), rm, ctx));
  accrue(h);
}

function fcvtWuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, f32ToU32(readF32(h, d.rs1), rm, ctx));
  accrue(h);
}

function fcvtLS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  f32ToI64(readF32(h, d.rs1), rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtLuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  f32ToU64(readF32(h, d.rs1), rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtWD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  h.setX32(d.rd, f64ToI32(h.f[a]!, h.f[a + 1]!, rm, ctx));
  accrue(h);
}

function fcvtWuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  h.setX32(d.rd, f64ToU32(h.f[a]!, h.f[a + 1]!, rm, ctx));
  accrue(h);
}

function fcvtLD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  f64ToI64(h.f[a]!, h.f[a + 1]!, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtLuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  f64ToU64(h.f[a]!, h.f[a + 1]!, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

// ---- integer to float ------------------------------------------------------------

function fcvtSW(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, i32ToF32(h.x[d.rs1 * 2]!, rm, ctx));
}

function fcvtSWu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  writeF32(h, d.rd, u32ToF32(h.x[d.rs1 * 2]!, rm, ctx));
}

function fcvtSL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  writeF32(h, d.rd, i64ToF32(h.x[a]!, h.x[a + 1]!, rm, ctx));
}

function fcvtSLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  writeF32(h, d.rd, u64ToF32(h.x[a]!, h.x[a + 1]!, rm, ctx));
}

function fcvtDW(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  i32ToF64(h.x[d.rs1 * 2]!, ctx);
  writeF64Result(h, d.rd);
}

function fcvtDWu(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  u32ToF64(h.x[d.rs1 * 2]!, ctx);
  writeF64Result(h, d.rd);
}

function fcvtDL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  i64ToF64(h.x[a]!, h.x[a + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

function fcvtDLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  u64ToF64(h.x[a]!, h.x[a + 1]!, rm, ctx);
  writeF64Result(h, d.rd);
}

// ---- between formats -------------------------------------------------------------

function fcvtSD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  writeF32(h, d.rd, f64ToF32(h.f[a]!, h.f[a + 1]!, rm, ctx));
}

/** Exact; a signalling NaN raises NV and every NaN becomes the canonical one. */
function fcvtDS(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  f32ToF64(readF32(h, d.rs1), ctx);
  writeF64Result(h, d.rd);
}

export const FLOAT_CONVERT_HANDLERS: Record<string, ExecuteHandler> = {
  'fcvt.w.s': fcvtWS,
  'fcvt.wu.s': fcvtWuS,
  'fcvt.l.s': fcvtLS,
  'fcvt.lu.s': fcvtLuS,
  'fcvt.w.d': fcvtWD,
  'fcvt.wu.d': fcvtWuD,
  'fcvt.l.d': fcvtLD,
  'fcvt.lu.d': fcvtLuD,
  'fcvt.s.w': fcvtSW,
  'fcvt.s.wu': fcvtSWu,
  'fcvt.s.l': fcvtSL,
  'fcvt.s.lu': fcvtSLu,
  'fcvt.d.w': fcvtDW,
  'fcvt.d.wu': fcvtDWu,
  'fcvt.d.l': fcvtDL,
  'fcvt.d.lu': fcvtDLu,
  'fcvt.s.d': fcvtSD,
  'fcvt.d.s': fcvtDS,
};
