import type { Decoded } from '../../decode/decoder.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import {
  div32,
  div64,
  divu32,
  divu64,
  mul64,
  mulh64,
  mulhsu64,
  mulhu64,
  rem32,
  rem64,
  remu32,
  remu64,
} from '../int64.js';

/**
 * "M" extension (unprivileged spec chapter 13). Division never traps:
 * x / 0 gives all ones and x % 0 gives x; the signed overflow -2^63 / -1
 * gives -2^63 and remainder 0 (table 13.1); the int64 helpers implement
 * both, for the W forms on 32-bit values likewise.
 */

// One function per instruction (not a shared closure) keeps each helper call site monomorphic.

function mul(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  mul64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function mulh(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  mulh64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function mulhsu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  mulhsu64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function mulhu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  mulhu64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function div(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  div64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function divu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  divu64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function rem(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  rem64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function remu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  remu64(x, d.rd << 1, x[a]!, x[a | 1]!, x[b]!, x[b | 1]!);
}

function mulw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, Math.imul(h.x[d.rs1 << 1]!, h.x[d.rs2 << 1]!));
}

function divw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, div32(h.x[d.rs1 << 1]!, h.x[d.rs2 << 1]!));
}

function divuw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, divu32(h.x[d.rs1 << 1]!, h.x[d.rs2 << 1]!));
}

function remw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, rem32(h.x[d.rs1 << 1]!, h.x[d.rs2 << 1]!));
}

function remuw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, remu32(h.x[d.rs1 << 1]!, h.x[d.rs2 << 1]!));
}

export const MULDIV_HANDLERS: Record<string, ExecuteHandler> = {
  mul,
  mulh,
  mulhsu,
  mulhu,
  div,
  divu,
  rem,
  remu,
  mulw,
  divw,
  divuw,
  remw,
  remuw,
};
