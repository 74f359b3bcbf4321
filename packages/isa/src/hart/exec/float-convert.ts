/**
 * Conversions of F and D (fcvt.*, unprivileged spec chapters 11 and 12,
 * table "Domains of float-to-integer conversions"), on the float module's
 * register entry points.
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
import * as fp from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { accrue, ctx, roundingMode, wroteF } from './float-support.js';

// ---- float to integer ------------------------------------------------------------

function fcvtWS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, fp.fcvtWS(h, d.rs1, rm, ctx));
  accrue(h);
}

function fcvtWuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, fp.fcvtWuS(h, d.rs1, rm, ctx));
  accrue(h);
}

function fcvtLS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtLS(h, d.rs1, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtLuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtLuS(h, d.rs1, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtWD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, fp.fcvtWD(h, d.rs1, rm, ctx));
  accrue(h);
}

function fcvtWuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  h.setX32(d.rd, fp.fcvtWuD(h, d.rs1, rm, ctx));
  accrue(h);
}

function fcvtLD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtLD(h, d.rs1, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

function fcvtLuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtLuD(h, d.rs1, rm, ctx);
  h.setX64(d.rd, ctx.lo, ctx.hi);
  accrue(h);
}

// ---- integer to float ------------------------------------------------------------

function fcvtSW(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtSW(h, d.rd, h.x[d.rs1 * 2]!, rm, ctx);
  wroteF(h);
}

function fcvtSWu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtSWu(h, d.rd, h.x[d.rs1 * 2]!, rm, ctx);
  wroteF(h);
}

function fcvtSL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  fp.fcvtSL(h, d.rd, h.x[a]!, h.x[a + 1]!, rm, ctx);
  wroteF(h);
}

function fcvtSLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  fp.fcvtSLu(h, d.rd, h.x[a]!, h.x[a + 1]!, rm, ctx);
  wroteF(h);
}

/** Exact: the rounding mode is only checked for validity. */
function fcvtDW(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  fp.fcvtDW(h, d.rd, h.x[d.rs1 * 2]!);
  wroteF(h);
}

/** Exact: the rounding mode is only checked for validity. */
function fcvtDWu(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  fp.fcvtDWu(h, d.rd, h.x[d.rs1 * 2]!);
  wroteF(h);
}

function fcvtDL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  fp.fcvtDL(h, d.rd, h.x[a]!, h.x[a + 1]!, rm, ctx);
  wroteF(h);
}

function fcvtDLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  const a = d.rs1 * 2;
  ctx.flags = 0;
  fp.fcvtDLu(h, d.rd, h.x[a]!, h.x[a + 1]!, rm, ctx);
  wroteF(h);
}

// ---- between formats -------------------------------------------------------------

function fcvtSD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fcvtSD(h, d.rd, d.rs1, rm, ctx);
  wroteF(h);
}

/** Exact (the rounding mode is only checked); a signalling NaN raises NV, every NaN becomes the canonical one. */
function fcvtDS(h: Hart, d: Decoded): void {
  if (roundingMode(h, d) < 0) return;
  ctx.flags = 0;
  fp.fcvtDS(h, d.rd, d.rs1, ctx);
  wroteF(h);
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
