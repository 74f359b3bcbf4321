import type { Decoded } from '../../decode/decoder.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { sll64, sra64, srl64 } from '../int64.js';

/**
 * RV64I (unprivileged spec chapters 2 and 4), except ecall/ebreak/fence
 * which live in system.ts. Registers are int32 halves: x[2r] low word,
 * x[2r + 1] high word, indexed as `r << 1` and `(r << 1) | 1` (int32
 * operations, which V8 compiles without the overflow checks of `* 2` and
 * `+ 1`). Every handler reads all its sources before it writes rd, since rd
 * may name a source. Writes to x0 are undone by the handler the hart binds
 * for rd = 0 (see bind-handler.ts).
 */

// ---- upper immediates, jumps, branches ----------------------------------------------

/** lui: the decoder gives the raw 20-bit field; the value is imm << 12 sign-extended from 32 bits. */
function lui(h: Hart, d: Decoded): void {
  h.setX32(d.rd, d.imm << 12);
}

function auipc(h: Hart, d: Decoded): void {
  h.setXNumber(d.rd, h.pc + (d.imm << 12));
}

/** jal: the link is pc + length (pc + 2 for c.jal/c.j, which arrive expanded). */
function jal(h: Hart, d: Decoded): void {
  h.nextPc = h.pc + d.imm;
  h.setXNumber(d.rd, h.pc + d.length);
}

/** jalr: target = (rs1 + imm) with bit 0 cleared, computed before rd is written (rd may be rs1). */
function jalr(h: Hart, d: Decoded): void {
  const target = h.address(d.rs1, d.imm);
  // `& 1` reads the low bit of a negative number's two's complement too.
  h.nextPc = target - (target & 1);
  h.setXNumber(d.rd, h.pc + d.length);
}

function beq(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  if (x[a] === x[b] && x[a | 1] === x[b | 1]) h.nextPc = h.pc + d.imm;
}

function bne(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  if (x[a] !== x[b] || x[a | 1] !== x[b | 1]) h.nextPc = h.pc + d.imm;
}

function blt(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]!;
  const bh = x[b | 1]!;
  if (ah < bh || (ah === bh && x[a]! >>> 0 < x[b]! >>> 0)) h.nextPc = h.pc + d.imm;
}

function bge(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]!;
  const bh = x[b | 1]!;
  if (ah > bh || (ah === bh && x[a]! >>> 0 >= x[b]! >>> 0)) h.nextPc = h.pc + d.imm;
}

function bltu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]! >>> 0;
  const bh = x[b | 1]! >>> 0;
  if (ah < bh || (ah === bh && x[a]! >>> 0 < x[b]! >>> 0)) h.nextPc = h.pc + d.imm;
}

function bgeu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]! >>> 0;
  const bh = x[b | 1]! >>> 0;
  if (ah > bh || (ah === bh && x[a]! >>> 0 >= x[b]! >>> 0)) h.nextPc = h.pc + d.imm;
}

// ---- loads and stores ---------------------------------------------------------------
// A trapped access has raised already; the handler leaves rd alone.

function lb(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 1, true);
  if (h.trapped) return;
  h.setX32(d.rd, v);
}

function lh(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 2, true);
  if (h.trapped) return;
  h.setX32(d.rd, v);
}

function lw(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 4, true);
  if (h.trapped) return;
  h.setX32(d.rd, v);
}

function lbu(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 1, false);
  if (h.trapped) return;
  h.setX64(d.rd, v, 0);
}

function lhu(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 2, false);
  if (h.trapped) return;
  h.setX64(d.rd, v, 0);
}

function lwu(h: Hart, d: Decoded): void {
  const v = h.load(h.address(d.rs1, d.imm), 4, false);
  if (h.trapped) return;
  h.setX64(d.rd, v, 0);
}

function ld(h: Hart, d: Decoded): void {
  const lo = h.load64(h.address(d.rs1, d.imm));
  if (h.trapped) return;
  h.setX64(d.rd, lo, h.loadHi);
}

function sb(h: Hart, d: Decoded): void {
  h.store(h.address(d.rs1, d.imm), 1, h.x[d.rs2 << 1]!, 0);
}

function sh(h: Hart, d: Decoded): void {
  h.store(h.address(d.rs1, d.imm), 2, h.x[d.rs2 << 1]!, 0);
}

function sw(h: Hart, d: Decoded): void {
  h.store(h.address(d.rs1, d.imm), 4, h.x[d.rs2 << 1]!, 0);
}

function sd(h: Hart, d: Decoded): void {
  const r = d.rs2 << 1;
  h.store(h.address(d.rs1, d.imm), 8, h.x[r]!, h.x[r | 1]!);
}

// ---- register-immediate ---------------------------------------------------------------
// The 12-bit immediate is sign-extended: its high word is imm >> 31 (0 or -1).

function addi(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const lo = x[a]!;
  const imm = d.imm;
  const sum = (lo + imm) | 0;
  // Adding imm as unsigned: the low word carried out iff the sum wrapped below lo.
  const hi = (x[a | 1]! + (imm >> 31) + (sum >>> 0 < lo >>> 0 ? 1 : 0)) | 0;
  const r = d.rd << 1;
  x[r] = sum;
  x[r | 1] = hi;
}

function slti(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const ah = x[a | 1]!;
  const bh = d.imm >> 31;
  const lt = ah < bh || (ah === bh && x[a]! >>> 0 < d.imm >>> 0);
  h.setX64(d.rd, lt ? 1 : 0, 0);
}

/** sltiu: the immediate is sign-extended to 64 bits, then compared as unsigned (spec 2.4.1). */
function sltiu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const ah = x[a | 1]! >>> 0;
  const bh = (d.imm >> 31) >>> 0;
  const lt = ah < bh || (ah === bh && x[a]! >>> 0 < d.imm >>> 0);
  h.setX64(d.rd, lt ? 1 : 0, 0);
}

function xori(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! ^ (d.imm >> 31);
  x[r] = x[a]! ^ d.imm;
  x[r | 1] = hi;
}

function ori(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! | (d.imm >> 31);
  x[r] = x[a]! | d.imm;
  x[r | 1] = hi;
}

function andi(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! & (d.imm >> 31);
  x[r] = x[a]! & d.imm;
  x[r | 1] = hi;
}

/** slli/srli/srai: shamt is 6 bits on RV64 (0..63). */
function slli(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  sll64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, d.imm);
}

function srli(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  srl64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, d.imm);
}

function srai(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  sra64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, d.imm);
}

// ---- register-register --------------------------------------------------------------------

function add(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const al = x[a]!;
  const lo = (al + x[b]!) | 0;
  const hi = (x[a | 1]! + x[b | 1]! + (lo >>> 0 < al >>> 0 ? 1 : 0)) | 0;
  const r = d.rd << 1;
  x[r] = lo;
  x[r | 1] = hi;
}

function sub(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const al = x[a]!;
  const bl = x[b]!;
  const hi = (x[a | 1]! - x[b | 1]! - (al >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  const r = d.rd << 1;
  x[r] = (al - bl) | 0;
  x[r | 1] = hi;
}

/** sll/srl/sra: the shift amount is the low 6 bits of rs2 (the int64 shifts take it mod 64). */
function sll(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  sll64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, h.x[d.rs2 << 1]!);
}

function srl(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  srl64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, h.x[d.rs2 << 1]!);
}

function sra(h: Hart, d: Decoded): void {
  const a = d.rs1 << 1;
  sra64(h.x, d.rd << 1, h.x[a]!, h.x[a | 1]!, h.x[d.rs2 << 1]!);
}

function slt(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]!;
  const bh = x[b | 1]!;
  const lt = ah < bh || (ah === bh && x[a]! >>> 0 < x[b]! >>> 0);
  h.setX64(d.rd, lt ? 1 : 0, 0);
}

function sltu(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const ah = x[a | 1]! >>> 0;
  const bh = x[b | 1]! >>> 0;
  const lt = ah < bh || (ah === bh && x[a]! >>> 0 < x[b]! >>> 0);
  h.setX64(d.rd, lt ? 1 : 0, 0);
}

function xor(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! ^ x[b | 1]!;
  x[r] = x[a]! ^ x[b]!;
  x[r | 1] = hi;
}

function or(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! | x[b | 1]!;
  x[r] = x[a]! | x[b]!;
  x[r | 1] = hi;
}

function and(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 << 1;
  const b = d.rs2 << 1;
  const r = d.rd << 1;
  const hi = x[a | 1]! & x[b | 1]!;
  x[r] = x[a]! & x[b]!;
  x[r | 1] = hi;
}

// ---- 32-bit (W) forms: operate on the low words, sign-extend the 32-bit result (spec 4.2) ----

function addiw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 << 1]! + d.imm) | 0);
}

/** slliw/srliw/sraiw: shamtw is 5 bits (the table has no encoding with bit 25 set). */
function slliw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, h.x[d.rs1 << 1]! << d.imm);
}

function srliw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 << 1]! >>> d.imm) | 0);
}

function sraiw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, h.x[d.rs1 << 1]! >> d.imm);
}

function addw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 << 1]! + h.x[d.rs2 << 1]!) | 0);
}

function subw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 << 1]! - h.x[d.rs2 << 1]!) | 0);
}

/** sllw/srlw/sraw: the amount is the low 5 bits of rs2, which JS shifts take by themselves. */
function sllw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, h.x[d.rs1 << 1]! << h.x[d.rs2 << 1]!);
}

function srlw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 << 1]! >>> h.x[d.rs2 << 1]!) | 0);
}

function sraw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, h.x[d.rs1 << 1]! >> h.x[d.rs2 << 1]!);
}

export const BASE_HANDLERS: Record<string, ExecuteHandler> = {
  lui,
  auipc,
  jal,
  jalr,
  beq,
  bne,
  blt,
  bge,
  bltu,
  bgeu,
  lb,
  lh,
  lw,
  ld,
  lbu,
  lhu,
  lwu,
  sb,
  sh,
  sw,
  sd,
  addi,
  slti,
  sltiu,
  xori,
  ori,
  andi,
  slli,
  srli,
  srai,
  add,
  sub,
  sll,
  slt,
  sltu,
  xor,
  srl,
  sra,
  or,
  and,
  addiw,
  slliw,
  srliw,
  sraiw,
  addw,
  subw,
  sllw,
  srlw,
  sraw,
};
