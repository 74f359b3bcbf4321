/**
 * Comparisons, minimum/maximum and classification of F and D (unprivileged
 * spec chapters 11 and 12): feq (quiet: NV only for signalling NaNs), flt
 * and fle (signalling: NV for any NaN) write 1 or 0 to x[rd]; fmin/fmax
 * follow IEEE 754-2019 minimumNumber/maximumNumber (F 2.2: a NaN operand
 * yields the other, two NaNs the canonical NaN, signalling NaNs raise NV,
 * -0 < +0); fclass writes its one-hot 10-bit mask to x[rd]. None of them
 * rounds, so they have no rm field.
 */
import type { Decoded } from '../../decode/decoder.js';
import { f32Class, f32Eq, f32Le, f32Lt, f32Max, f32Min, f64Class, f64Eq, f64Le, f64Lt, f64Max, f64Min } from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { accrue, ctx, floatOn, readF32, writeF32, writeF64Result } from './float-support.js';

// ---- single precision ------------------------------------------------------------

function feqS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, f32Eq(readF32(h, d.rs1), readF32(h, d.rs2), ctx), 0);
  accrue(h);
}

function fltS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, f32Lt(readF32(h, d.rs1), readF32(h, d.rs2), ctx), 0);
  accrue(h);
}

function fleS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  h.setX64(d.rd, f32Le(readF32(h, d.rs1), readF32(h, d.rs2), ctx), 0);
  accrue(h);
}

function fminS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Min(readF32(h, d.rs1), readF32(h, d.rs2), ctx));
}

function fmaxS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  ctx.flags = 0;
  writeF32(h, d.rd, f32Max(readF32(h, d.rs1), readF32(h, d.rs2), ctx));
}

/** fclass.s of an improperly NaN-boxed register classifies the canonical NaN (quiet NaN). */
function fclassS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.setX64(d.rd, f32Class(readF32(h, d.rs1)), 0);
}

// ---- double precision ------------------------------------------------------------

function feqD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  h.setX64(d.rd, f64Eq(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, ctx), 0);
  accrue(h);
}

function fltD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  h.setX64(d.rd, f64Lt(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, ctx), 0);
  accrue(h);
}

function fleD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  h.setX64(d.rd, f64Le(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, ctx), 0);
  accrue(h);
}

function fminD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Min(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, ctx);
  writeF64Result(h, d.rd);
}

function fmaxD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  ctx.flags = 0;
  f64Max(f[a]!, f[a + 1]!, f[b]!, f[b + 1]!, ctx);
  writeF64Result(h, d.rd);
}

function fclassD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const a = d.rs1 * 2;
  h.setX64(d.rd, f64Class(h.f[a]!, h.f[a + 1]!), 0);
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
