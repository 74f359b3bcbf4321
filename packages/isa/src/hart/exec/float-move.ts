/**
 * Sign injection and moves between register files (unprivileged spec
 * chapters 11 and 12). None raises a flag or canonicalizes a NaN.
 *
 * - fsgnj/fsgnjn/fsgnjx (fmv, fneg, fabs) are not transfers: fsgnj*.s read
 *   their operands unboxed, so an improperly NaN-boxed operand is the
 *   canonical NaN (spec, "NaN Boxing of Narrower Values"); the .d forms
 *   change only the sign bit and keep the rest of rs1's 64 bits.
 * - fmv.x.w / fmv.w.x / fmv.x.d / fmv.d.x are transfers: bits move as they
 *   are. fmv.x.w takes the low 32 bits whatever the upper ones hold and
 *   sign-extends them into x[rd]; fmv.w.x NaN-boxes.
 */
import type { Decoded } from '../../decode/decoder.js';
import { F32_BOX_HI, f32Sgnj, f32Sgnjn, f32Sgnjx, f64SgnjHi, f64SgnjnHi, f64SgnjxHi } from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { floatOn, readF32 } from './float-support.js';

function setS(h: Hart, rd: number, bits: number): void {
  h.f[rd * 2] = bits;
  h.f[rd * 2 + 1] = F32_BOX_HI;
  h.markFloatDirty();
}

function setD(h: Hart, rd: number, lo: number, hi: number): void {
  h.f[rd * 2] = lo;
  h.f[rd * 2 + 1] = hi;
  h.markFloatDirty();
}

function fsgnjS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  setS(h, d.rd, f32Sgnj(readF32(h, d.rs1), readF32(h, d.rs2)));
}

function fsgnjnS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  setS(h, d.rd, f32Sgnjn(readF32(h, d.rs1), readF32(h, d.rs2)));
}

function fsgnjxS(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  setS(h, d.rd, f32Sgnjx(readF32(h, d.rs1), readF32(h, d.rs2)));
}

function fsgnjD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  setD(h, d.rd, f[a]!, f64SgnjHi(f[a + 1]!, f[d.rs2 * 2 + 1]!));
}

function fsgnjnD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  setD(h, d.rd, f[a]!, f64SgnjnHi(f[a + 1]!, f[d.rs2 * 2 + 1]!));
}

function fsgnjxD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const f = h.f;
  const a = d.rs1 * 2;
  setD(h, d.rd, f[a]!, f64SgnjxHi(f[a + 1]!, f[d.rs2 * 2 + 1]!));
}

function fmvXW(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.setX32(d.rd, h.f[d.rs1 * 2]!);
}

function fmvWX(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  setS(h, d.rd, h.x[d.rs1 * 2]!);
}

function fmvXD(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.setX64(d.rd, h.f[d.rs1 * 2]!, h.f[d.rs1 * 2 + 1]!);
}

function fmvDX(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  setD(h, d.rd, h.x[d.rs1 * 2]!, h.x[d.rs1 * 2 + 1]!);
}

export const FLOAT_MOVE_HANDLERS: Record<string, ExecuteHandler> = {
  'fsgnj.s': fsgnjS,
  'fsgnjn.s': fsgnjnS,
  'fsgnjx.s': fsgnjxS,
  'fsgnj.d': fsgnjD,
  'fsgnjn.d': fsgnjnD,
  'fsgnjx.d': fsgnjxD,
  'fmv.x.w': fmvXW,
  'fmv.w.x': fmvWX,
  'fmv.x.d': fmvXD,
  'fmv.d.x': fmvDX,
};
