import type { Decoded } from '../../decode/decoder.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { bswap32, clz64, cpop32, cpop64, ctz32, ctz64, orcb32, rol64, ror32, ror64, sll64 } from '../int64.js';

/**
 * Bit manipulation (Zba, Zbb, Zbs of the bit-manipulation spec 1.0.0) and
 * integer conditional operations (Zicond 1.0), RV64 forms. Registers are
 * int32 halves; sources are read before rd is written.
 */

// ---- Zba: address generation ------------------------------------------------------

/** shNadd (rd = rs2 + (rs1 << n)) and shNadd.uw (rs1 zero-extended from 32 bits first); n is 1..3. */
function addShifted(h: Hart, d: Decoded, n: number, zeroExtend: boolean): void {
  const x = h.x;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const lo = x[a]!;
  const sLo = lo << n;
  const sHi = (zeroExtend ? 0 : x[a + 1]! << n) | (lo >>> (32 - n));
  const bl = x[b]!;
  const rLo = (sLo + bl) | 0;
  const rHi = (sHi + x[b + 1]! + (rLo >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  const r = d.rd * 2;
  x[r] = rLo;
  x[r + 1] = rHi;
}

/** add.uw: rd = rs2 + zext32(rs1) (zext.w is add.uw rd, rs1, x0). */
function addUw(h: Hart, d: Decoded): void {
  const x = h.x;
  const b = d.rs2 * 2;
  const bl = x[b]!;
  const rLo = (x[d.rs1 * 2]! + bl) | 0;
  const rHi = (x[b + 1]! + (rLo >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  const r = d.rd * 2;
  x[r] = rLo;
  x[r + 1] = rHi;
}

/** slli.uw: rd = zext32(rs1) << shamt (0..63). */
function slliUw(h: Hart, d: Decoded): void {
  sll64(h.x, d.rd * 2, h.x[d.rs1 * 2]!, 0, d.imm);
}

// ---- Zbb: logic with negation -------------------------------------------------------

function andn(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  h.setX64(d.rd, x[a]! & ~x[b]!, x[a + 1]! & ~x[b + 1]!);
}

function orn(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  h.setX64(d.rd, x[a]! | ~x[b]!, x[a + 1]! | ~x[b + 1]!);
}

function xnor(h: Hart, d: Decoded): void {
  const x = h.x;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  h.setX64(d.rd, ~(x[a]! ^ x[b]!), ~(x[a + 1]! ^ x[b + 1]!));
}

// ---- Zbb: counts --------------------------------------------------------------------

function clz(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  h.setX64(d.rd, clz64(h.x[a]!, h.x[a + 1]!), 0);
}

function ctz(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  h.setX64(d.rd, ctz64(h.x[a]!, h.x[a + 1]!), 0);
}

function cpop(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  h.setX64(d.rd, cpop64(h.x[a]!, h.x[a + 1]!), 0);
}

/** clzw/ctzw/cpopw count within the low 32 bits (clzw/ctzw of 0 is 32). */
function clzw(h: Hart, d: Decoded): void {
  h.setX64(d.rd, Math.clz32(h.x[d.rs1 * 2]!), 0);
}

function ctzw(h: Hart, d: Decoded): void {
  h.setX64(d.rd, ctz32(h.x[d.rs1 * 2]!), 0);
}

function cpopw(h: Hart, d: Decoded): void {
  h.setX64(d.rd, cpop32(h.x[d.rs1 * 2]!), 0);
}

// ---- Zbb: min/max, extension ---------------------------------------------------------------

/** rd = (rs1 < rs2) === wantLess ? rs1 : rs2, comparing signed or unsigned. */
function minMax(h: Hart, d: Decoded, signed: boolean, wantLess: boolean): void {
  const x = h.x;
  const a = d.rs1 * 2;
  const b = d.rs2 * 2;
  const al = x[a]!;
  const ah = x[a + 1]!;
  const bl = x[b]!;
  const bh = x[b + 1]!;
  const less =
    ah !== bh ? (signed ? ah < bh : ah >>> 0 < bh >>> 0) : al >>> 0 < bl >>> 0;
  if (less === wantLess) h.setX64(d.rd, al, ah);
  else h.setX64(d.rd, bl, bh);
}

function sextB(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 * 2]! << 24) >> 24);
}

function sextH(h: Hart, d: Decoded): void {
  h.setX32(d.rd, (h.x[d.rs1 * 2]! << 16) >> 16);
}

function zextH(h: Hart, d: Decoded): void {
  h.setX64(d.rd, h.x[d.rs1 * 2]! & 0xffff, 0);
}

// ---- Zbb: rotates and bytes -------------------------------------------------------------------

/** rol/ror: the amount is the low 6 bits of rs2. */
function rol(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  rol64(h.x, d.rd * 2, h.x[a]!, h.x[a + 1]!, h.x[d.rs2 * 2]!);
}

function ror(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  ror64(h.x, d.rd * 2, h.x[a]!, h.x[a + 1]!, h.x[d.rs2 * 2]!);
}

function rori(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  ror64(h.x, d.rd * 2, h.x[a]!, h.x[a + 1]!, d.imm);
}

/** rolw/rorw/roriw rotate the low word by the low 5 bits and sign-extend the result. */
function rolw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, ror32(h.x[d.rs1 * 2]!, -h.x[d.rs2 * 2]! & 31));
}

function rorw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, ror32(h.x[d.rs1 * 2]!, h.x[d.rs2 * 2]!));
}

function roriw(h: Hart, d: Decoded): void {
  h.setX32(d.rd, ror32(h.x[d.rs1 * 2]!, d.imm));
}

function orcB(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  h.setX64(d.rd, orcb32(h.x[a]!), orcb32(h.x[a + 1]!));
}

/** rev8 (RV64): reverses all eight bytes, so the halves swap too. */
function rev8(h: Hart, d: Decoded): void {
  const a = d.rs1 * 2;
  const lo = h.x[a]!;
  h.setX64(d.rd, bswap32(h.x[a + 1]!), bswap32(lo));
}

// ---- Zbs: single bit; the index is the low 6 bits of rs2 or shamt ------------------------------

const BitOp = { clear: 0, set: 1, invert: 2 } as const;
type BitOp = (typeof BitOp)[keyof typeof BitOp];

function singleBit(h: Hart, d: Decoded, index: number, op: BitOp): void {
  const x = h.x;
  const a = d.rs1 * 2;
  let lo = x[a]!;
  let hi = x[a + 1]!;
  // JS shifts take the index mod 32: bit 32 + k of the value is bit k of hi.
  const bit = 1 << index;
  if ((index & 32) !== 0) {
    hi = op === BitOp.clear ? hi & ~bit : op === BitOp.set ? hi | bit : hi ^ bit;
  } else {
    lo = op === BitOp.clear ? lo & ~bit : op === BitOp.set ? lo | bit : lo ^ bit;
  }
  h.setX64(d.rd, lo, hi);
}

function bitExtract(h: Hart, d: Decoded, index: number): void {
  const a = d.rs1 * 2;
  const word = (index & 32) !== 0 ? h.x[a + 1]! : h.x[a]!;
  h.setX64(d.rd, (word >>> index) & 1, 0);
}

// ---- Zicond ---------------------------------------------------------------------------------------

/** czero.eqz: rd = rs2 == 0 ? 0 : rs1. */
function czeroEqz(h: Hart, d: Decoded): void {
  const x = h.x;
  const b = d.rs2 * 2;
  if ((x[b]! | x[b + 1]!) === 0) h.setX64(d.rd, 0, 0);
  else h.setX64(d.rd, x[d.rs1 * 2]!, x[d.rs1 * 2 + 1]!);
}

/** czero.nez: rd = rs2 != 0 ? 0 : rs1. */
function czeroNez(h: Hart, d: Decoded): void {
  const x = h.x;
  const b = d.rs2 * 2;
  if ((x[b]! | x[b + 1]!) !== 0) h.setX64(d.rd, 0, 0);
  else h.setX64(d.rd, x[d.rs1 * 2]!, x[d.rs1 * 2 + 1]!);
}

export const BITMANIP_HANDLERS: Record<string, ExecuteHandler> = {
  // Zba
  'add.uw': addUw,
  sh1add: (h, d) => addShifted(h, d, 1, false),
  sh2add: (h, d) => addShifted(h, d, 2, false),
  sh3add: (h, d) => addShifted(h, d, 3, false),
  'sh1add.uw': (h, d) => addShifted(h, d, 1, true),
  'sh2add.uw': (h, d) => addShifted(h, d, 2, true),
  'sh3add.uw': (h, d) => addShifted(h, d, 3, true),
  'slli.uw': slliUw,
  // Zbb
  andn,
  orn,
  xnor,
  clz,
  ctz,
  cpop,
  clzw,
  ctzw,
  cpopw,
  max: (h, d) => minMax(h, d, true, false),
  maxu: (h, d) => minMax(h, d, false, false),
  min: (h, d) => minMax(h, d, true, true),
  minu: (h, d) => minMax(h, d, false, true),
  'sext.b': sextB,
  'sext.h': sextH,
  'zext.h': zextH,
  rol,
  ror,
  rori,
  rolw,
  rorw,
  roriw,
  'orc.b': orcB,
  rev8,
  // Zbs
  bclr: (h, d) => singleBit(h, d, h.x[d.rs2 * 2]!, BitOp.clear),
  bset: (h, d) => singleBit(h, d, h.x[d.rs2 * 2]!, BitOp.set),
  binv: (h, d) => singleBit(h, d, h.x[d.rs2 * 2]!, BitOp.invert),
  bext: (h, d) => bitExtract(h, d, h.x[d.rs2 * 2]!),
  bclri: (h, d) => singleBit(h, d, d.imm, BitOp.clear),
  bseti: (h, d) => singleBit(h, d, d.imm, BitOp.set),
  binvi: (h, d) => singleBit(h, d, d.imm, BitOp.invert),
  bexti: (h, d) => bitExtract(h, d, d.imm),
  // Zicond
  'czero.eqz': czeroEqz,
  'czero.nez': czeroNez,
};
