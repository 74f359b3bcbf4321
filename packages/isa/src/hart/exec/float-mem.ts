/**
 * Float loads and stores: flw/fsw (F), fld/fsd (D), and through the
 * decoder's expansion c.fld/c.fsd/c.fldsp/c.fsdsp. They are transfers
 * (unprivileged spec, "NaN Boxing of Narrower Values"): bits move
 * unchanged, with no canonicalization and no flags. flw NaN-boxes the single
 * it loads; fsw stores the register's low 32 bits whatever the upper ones.
 */
import type { Decoded } from '../../decode/decoder.js';
import { F32_BOX_HI } from '../../float/index.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { floatOn } from './float-support.js';

function flw(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const v = h.load(h.address(d.rs1, d.imm), 4, true);
  if (h.trapped) return;
  h.f[d.rd * 2] = v;
  h.f[d.rd * 2 + 1] = F32_BOX_HI;
  h.markFloatDirty();
}

function fld(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  const lo = h.load64(h.address(d.rs1, d.imm));
  if (h.trapped) return;
  h.f[d.rd * 2] = lo;
  h.f[d.rd * 2 + 1] = h.loadHi;
  h.markFloatDirty();
}

function fsw(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.store(h.address(d.rs1, d.imm), 4, h.f[d.rs2 * 2]!, 0);
}

function fsd(h: Hart, d: Decoded): void {
  if (!floatOn(h, d)) return;
  h.store(h.address(d.rs1, d.imm), 8, h.f[d.rs2 * 2]!, h.f[d.rs2 * 2 + 1]!);
}

export const FLOAT_MEMORY_HANDLERS: Record<string, ExecuteHandler> = { flw, fsw, fld, fsd };
