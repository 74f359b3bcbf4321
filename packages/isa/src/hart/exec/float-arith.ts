/**
 * The rounding arithmetic of F and D: fadd, fsub, fmul, fdiv, fsqrt and the
 * fused multiply-adds (fmadd, fmsub, fnmsub, fnmadd: one rounding of the
 * exact rs1 * rs2 +- rs3), unprivileged spec chapters 11 and 12. IEEE
 * 754-2008 semantics, NaN-boxing of singles, the canonical NaN and the five
 * flags come from the soft-float module's register-file entry points
 * (src/float/f-registers.ts), which read and write the hart's f registers
 * directly; this file resolves the rounding mode, accrues the flags and
 * marks the float state dirty.
 *
 * Each handler is its own function (no factory): these are the hot float
 * paths, and separate functions keep every call site monomorphic.
 */
import type { Decoded } from '../../decode/decoder.js';
import * as fp from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { ctx, roundingMode, wroteF } from './float-support.js';

// ---- single precision ------------------------------------------------------------

function faddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.faddS(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fsubS(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fmulS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmulS(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fdivS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fdivS(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fsqrtS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fsqrtS(h, d.rd, d.rs1, rm, ctx);
  wroteF(h);
}

function fmaddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmaddS(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fmsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmsubS(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fnmsubS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fnmsubS(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fnmaddS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fnmaddS(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

// ---- double precision ------------------------------------------------------------

function faddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.faddD(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fsubD(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fmulD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmulD(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fdivD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fdivD(h, d.rd, d.rs1, d.rs2, rm, ctx);
  wroteF(h);
}

function fsqrtD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fsqrtD(h, d.rd, d.rs1, rm, ctx);
  wroteF(h);
}

function fmaddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmaddD(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fmsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fmsubD(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fnmsubD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fnmsubD(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
}

function fnmaddD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  if (rm < 0) return;
  ctx.flags = 0;
  fp.fnmaddD(h, d.rd, d.rs1, d.rs2, d.rs3, rm, ctx);
  wroteF(h);
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
