/**
 * Comparisons, minimum/maximum and classification of F and D (unprivileged
 * spec chapters 11 and 12): feq (quiet: NV only for signalling NaNs), flt
 * and fle (signalling: NV for any NaN) write 1 or 0 to x[rd]; fmin/fmax
 * follow IEEE 754-2019 minimumNumber/maximumNumber (F 2.2: a NaN operand
 * yields the other, two NaNs the canonical NaN, signalling NaNs raise NV,
 * -0 < +0); fclass writes its one-hot 10-bit mask to x[rd]. None of them
 * rounds, so they have no rm field. Singles are unboxed by the float
 * module's register entry points: an improperly boxed operand is the
 * canonical NaN (fclass.s then reports a quiet NaN).
 */
import type { Decoded } from '../../decode/decoder.js';
import * as fp from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { accrue, ctx, floatOn, wroteF } from './float-support.js';

// ---- single precision ------------------------------------------------------------

function feqS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.feqS(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fltS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.fltS(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fleS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.fleS(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fminS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  fp.fminS(h, d.rd, d.rs1, d.rs2, ctx);
  wroteF(h);
}

function fmaxS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  fp.fmaxS(h, d.rd, d.rs1, d.rs2, ctx);
  wroteF(h);
}

function fclassS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.setX64(d.rd, fp.fclassS(h, d.rs1), 0);
}

// ---- double precision ------------------------------------------------------------

function feqD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.feqD(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fltD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.fltD(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fleD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, fp.fleD(h, d.rs1, d.rs2, ctx), 0);
  accrue(h);
}

function fminD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  fp.fminD(h, d.rd, d.rs1, d.rs2, ctx);
  wroteF(h);
}

function fmaxD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  fp.fmaxD(h, d.rd, d.rs1, d.rs2, ctx);
  wroteF(h);
}

function fclassD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.setX64(d.rd, fp.fclassD(h, d.rs1), 0);
}

export const FLOAT_COMPARE_HANDLERS: Record<string, ExecuteHandler> = {
  'feq.s': feqS,
  'flt.s': fltS,
  'fle.s': fleS,
  'fmin.s': fminS,
  'fmax.s': fmaxS,
  'fclass.s': fclassS,
  'feq.d': feqD,
  'flt.d': fltD,
  'fle.d': fleD,
  'fmin.d': fminD,
  'fmax.d': fmaxD,
  'fclass.d': fclassD,
};
