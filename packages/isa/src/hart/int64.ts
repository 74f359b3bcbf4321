/**
 * 64-bit integer arithmetic on int32 halves, for the hart's hot path.
 *
 * A 64-bit value is a pair (lo, hi) of int32 numbers; as the register file
 * (`Hart.x`) stores them. Operations that produce a 64-bit value write it to
 * `out[at]` (low word) and `out[at + 1]` (high word), so a handler passes
 * `h.x, rd * 2` and the result lands in the register with no copy and no
 * allocation. Operations with a small result (compare, count) return it.
 *
 * No BigInt anywhere: everything is int32 math, plus float math where it is
 * provably exact (products and quotients below 2^53, see each function).
 */

const TWO_32 = 4294967296;
const TWO_NEG_32 = 1 / TWO_32;
/** 2^21: a high word below this (unsigned) means the value is below 2^53. */
const SAFE_HI = 0x200000;

// ---- add, subtract, compare -------------------------------------------------

/** out = a + b (mod 2^64). */
export function add64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const lo = (aLo + bLo) | 0;
  // The unsigned low sum wrapped iff it is smaller than an addend.
  out[at + 1] = (aHi + bHi + ((lo >>> 0) < (aLo >>> 0) ? 1 : 0)) | 0;
  out[at] = lo;
}

/** out = a - b (mod 2^64). */
export function sub64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  out[at + 1] = (aHi - bHi - ((aLo >>> 0) < (bLo >>> 0) ? 1 : 0)) | 0;
  out[at] = (aLo - bLo) | 0;
}

/** out = -a (mod 2^64). */
export function neg64(out: Int32Array, at: number, lo: number, hi: number): void {
  out[at + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
  out[at] = -lo | 0;
}

/** a < b as signed 64-bit values. */
export function lt64(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aHi !== bHi ? aHi < bHi : aLo >>> 0 < bLo >>> 0;
}

/** a < b as unsigned 64-bit values. */
export function ltu64(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aHi !== bHi ? aHi >>> 0 < bHi >>> 0 : aLo >>> 0 < bLo >>> 0;
}

// ---- shifts and rotates -------------------------------------------------------
// JS shifts use the count mod 32, so `x >>> (32 - s)` is wrong for s = 0;
// `(x >>> 1) >>> (31 - s)` and `(x << 1) << (31 - s)` are right for 0..31.

/** out = a << (s mod 64). */
export function sll64(out: Int32Array, at: number, lo: number, hi: number, s: number): void {
  if ((s & 32) !== 0) {
    out[at + 1] = lo << s;
    out[at] = 0;
  } else {
    out[at + 1] = (hi << s) | ((lo >>> 1) >>> (31 - (s & 31)));
    out[at] = lo << s;
  }
}

/** out = a >>> (s mod 64) (logical). */
export function srl64(out: Int32Array, at: number, lo: number, hi: number, s: number): void {
  if ((s & 32) !== 0) {
    out[at] = hi >>> s;
    out[at + 1] = 0;
  } else {
    out[at] = (lo >>> s) | ((hi << 1) << (31 - (s & 31)));
    out[at + 1] = hi >>> s;
  }
}

/** out = a >> (s mod 64) (arithmetic). */
export function sra64(out: Int32Array, at: number, lo: number, hi: number, s: number): void {
  if ((s & 32) !== 0) {
    out[at] = hi >> s;
    out[at + 1] = hi >> 31;
  } else {
    out[at] = (lo >>> s) | ((hi << 1) << (31 - (s & 31)));
    out[at + 1] = hi >> s;
  }
}

/** out = a rotated right by (s mod 64). */
export function ror64(out: Int32Array, at: number, lo: number, hi: number, s: number): void {
  let l = lo;
  let h = hi;
  if ((s & 32) !== 0) {
    l = hi;
    h = lo;
  }
  const back = 31 - (s & 31);
  out[at] = (l >>> s) | ((h << 1) << back);
  out[at + 1] = (h >>> s) | ((l << 1) << back);
}

/** out = a rotated left by (s mod 64). */
export function rol64(out: Int32Array, at: number, lo: number, hi: number, s: number): void {
  ror64(out, at, lo, hi, (64 - (s & 63)) & 63);
}

/** A 32-bit value rotated right by (s mod 32), as int32. */
export function ror32(v: number, s: number): number {
  return (v >>> s) | ((v << 1) << (31 - (s & 31)));
}

// ---- multiply ------------------------------------------------------------------

/**
 * High 32 bits of the unsigned 64-bit product of two 32-bit values, as an
 * unsigned number: schoolbook multiplication in 16-bit limbs, every partial
 * product below 2^32 (measured a little faster than a float product with an
 * exact correction of its rounding).
 */
export function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = Math.imul(a0, b1) >>> 0;
  const p10 = Math.imul(a1, b0) >>> 0;
  const middle = (Math.imul(a0, b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (Math.imul(a1, b1) >>> 0) + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16);
}

/** out = low 64 bits of a * b (the same for signed and unsigned operands). */
export function mul64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const hi = mulhu32(aLo, bLo) + Math.imul(aLo, bHi) + Math.imul(aHi, bLo);
  out[at] = Math.imul(aLo, bLo);
  out[at + 1] = hi | 0;
}

/** out = high 64 bits of the unsigned 128-bit product a * b. */
export function mulhu64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  // Four 32x32 -> 64 partial products, summed by 32-bit columns. Column sums
  // stay below 2^34, exact in a double.
  const l01 = Math.imul(aLo, bHi) >>> 0;
  const l10 = Math.imul(aHi, bLo) >>> 0;
  const l11 = Math.imul(aHi, bHi) >>> 0;
  const column1 = mulhu32(aLo, bLo) + l01 + l10;
  const column2 = mulhu32(aLo, bHi) + mulhu32(aHi, bLo) + l11 + Math.floor(column1 * TWO_NEG_32);
  out[at] = column2 | 0;
  out[at + 1] = (mulhu32(aHi, bHi) + Math.floor(column2 * TWO_NEG_32)) | 0;
}

/**
 * out = high 64 bits of the signed product a * b. From the unsigned product
 * (Hacker's Delight 8-3): subtract b when a < 0 and a when b < 0.
 */
export function mulh64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  mulhu64(out, at, aLo, aHi, bLo, bHi);
  if (aHi < 0) sub64(out, at, out[at]!, out[at + 1]!, bLo, bHi);
  if (bHi < 0) sub64(out, at, out[at]!, out[at + 1]!, aLo, aHi);
}

/** out = high 64 bits of signed a times unsigned b. */
export function mulhsu64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  mulhu64(out, at, aLo, aHi, bLo, bHi);
  if (aHi < 0) sub64(out, at, out[at]!, out[at + 1]!, bLo, bHi);
}

// ---- divide ---------------------------------------------------------------------

// Results of the dividers: quotient lo/hi, remainder lo/hi. An Int32Array,
// not module `let`s: V8 boxes a context slot holding a non-Smi number, which
// would allocate on every division.
const qr = new Int32Array(4);
const Q_LO = 0;
const Q_HI = 1;
const R_LO = 2;
const R_HI = 3;

/**
 * Unsigned 64-bit a / b and a % b into `qr`; b must not be 0.
 *
 * Every float division used is of integers t < 2^53, for which
 * floor(fl(t / d)) is the exact quotient (rounding up to the next integer
 * would need t >= d * 2^k >= 2^53 for the binade 2^k of the quotient).
 */
function udivmod(aLo: number, aHi: number, bLo: number, bHi: number): void {
  const ah = aHi >>> 0;
  const al = aLo >>> 0;
  const bh = bHi >>> 0;
  const bl = bLo >>> 0;
  if (bh === 0) {
    if (ah < SAFE_HI) {
      // Both below 2^53: one exact float division.
      const a = ah * TWO_32 + al;
      const q = Math.floor(a / bl);
      const r = a - q * bl;
      qr[Q_LO] = q | 0;
      qr[Q_HI] = (q * TWO_NEG_32) | 0;
      qr[R_LO] = r | 0;
      qr[R_HI] = 0;
      return;
    }
    // 32-bit divisor: long division in digits of 32, 16 and 16 bits; each
    // partial dividend r * 2^16 + digit stays below 2^48.
    const q1 = Math.floor(ah / bl);
    let r = ah - q1 * bl;
    let t = r * 65536 + (al >>> 16);
    const q2 = Math.floor(t / bl);
    r = t - q2 * bl;
    t = r * 65536 + (al & 0xffff);
    const q3 = Math.floor(t / bl);
    r = t - q3 * bl;
    qr[Q_HI] = q1 | 0;
    qr[Q_LO] = (q2 * 65536 + q3) | 0;
    qr[R_LO] = r | 0;
    qr[R_HI] = 0;
    return;
  }
  // Divisor >= 2^32, so the quotient is below 2^32. The float estimate is
  // within 1 of it (relative error about 3 * 2^-53 on a value < 2^32); start
  // one below, so q * b cannot exceed a, and correct upwards (at most twice).
  const estimate = Math.floor((ah * TWO_32 + al) / (bh * TWO_32 + bl));
  const q = estimate > 0 ? estimate - 1 : 0;
  // p = q * b (exact: q * b <= a < 2^64).
  const pLo = Math.imul(q, bl);
  const pHi = (mulhu32(q, bl) + Math.imul(q, bh)) | 0;
  let rHi = (aHi - pHi - (al < pLo >>> 0 ? 1 : 0)) | 0;
  let rLo = (aLo - pLo) | 0;
  let qLo = q;
  while (ltu64(rLo, rHi, bLo, bHi) === false) {
    rHi = (rHi - bHi - ((rLo >>> 0) < bl ? 1 : 0)) | 0;
    rLo = (rLo - bLo) | 0;
    qLo++;
  }
  qr[Q_LO] = qLo | 0;
  qr[Q_HI] = 0;
  qr[R_LO] = rLo;
  qr[R_HI] = rHi;
}

/** Whether hi:lo as a signed value lies in [-2^53, 2^53), where a float holds it exactly. */
function fitsSigned53(hi: number): boolean {
  return (hi + SAFE_HI) >>> 0 < 2 * SAFE_HI;
}

/** Signed division of the values a, b (b != 0), both exact numbers; results in `qr`. */
function sdivmodNumbers(a: number, b: number): void {
  // Truncating division (RISC-V rounds towards zero); % takes the dividend's sign as RISC-V rem does.
  const q = Math.trunc(a / b);
  const r = a % b;
  qr[Q_LO] = q | 0;
  qr[Q_HI] = Math.floor(q * TWO_NEG_32) | 0;
  qr[R_LO] = r | 0;
  qr[R_HI] = Math.floor(r * TWO_NEG_32) | 0;
}

/**
 * Signed 64-bit division into `qr`, with the RISC-V results
 * for the special cases (unprivileged spec 13.2, table 13.1): division by
 * zero gives quotient -1 and remainder a; -2^63 / -1 gives quotient -2^63 and
 * remainder 0 (the magnitude path below yields exactly that).
 */
function sdivmod(aLo: number, aHi: number, bLo: number, bHi: number): void {
  if ((bLo | bHi) === 0) {
    qr[Q_LO] = -1;
    qr[Q_HI] = -1;
    qr[R_LO] = aLo;
    qr[R_HI] = aHi;
    return;
  }
  if (fitsSigned53(aHi) && fitsSigned53(bHi)) {
    sdivmodNumbers(aHi * TWO_32 + (aLo >>> 0), bHi * TWO_32 + (bLo >>> 0));
    return;
  }
  const aNeg = aHi < 0;
  const bNeg = bHi < 0;
  // Magnitudes (|-2^63| = 2^63 is fine as unsigned).
  const maLo = aNeg ? -aLo | 0 : aLo;
  const maHi = aNeg ? (~aHi + (aLo === 0 ? 1 : 0)) | 0 : aHi;
  const mbLo = bNeg ? -bLo | 0 : bLo;
  const mbHi = bNeg ? (~bHi + (bLo === 0 ? 1 : 0)) | 0 : bHi;
  udivmod(maLo, maHi, mbLo, mbHi);
  if (aNeg !== bNeg) {
    qr[Q_HI] = (~qr[Q_HI]! + (qr[Q_LO]! === 0 ? 1 : 0)) | 0;
    qr[Q_LO] = -qr[Q_LO]! | 0;
  }
  if (aNeg) {
    qr[R_HI] = (~qr[R_HI]! + (qr[R_LO]! === 0 ? 1 : 0)) | 0;
    qr[R_LO] = -qr[R_LO]! | 0;
  }
}

/** Unsigned division with the division-by-zero results (quotient 2^64 - 1, remainder a). */
function udivmodChecked(aLo: number, aHi: number, bLo: number, bHi: number): void {
  if ((bLo | bHi) === 0) {
    qr[Q_LO] = -1;
    qr[Q_HI] = -1;
    qr[R_LO] = aLo;
    qr[R_HI] = aHi;
    return;
  }
  udivmod(aLo, aHi, bLo, bHi);
}

/** out = a / b, signed, RISC-V `div` semantics. */
export function div64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  sdivmod(aLo, aHi, bLo, bHi);
  out[at] = qr[Q_LO]!;
  out[at + 1] = qr[Q_HI]!;
}

/** out = a % b, signed, RISC-V `rem` semantics. */
export function rem64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  sdivmod(aLo, aHi, bLo, bHi);
  out[at] = qr[R_LO]!;
  out[at + 1] = qr[R_HI]!;
}

/** out = a / b, unsigned, RISC-V `divu` semantics. */
export function divu64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  udivmodChecked(aLo, aHi, bLo, bHi);
  out[at] = qr[Q_LO]!;
  out[at + 1] = qr[Q_HI]!;
}

/** out = a % b, unsigned, RISC-V `remu` semantics. */
export function remu64(out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  udivmodChecked(aLo, aHi, bLo, bHi);
  out[at] = qr[R_LO]!;
  out[at + 1] = qr[R_HI]!;
}

/** Signed 32-bit a / b with RISC-V `divw` semantics, as int32. */
export function div32(a: number, b: number): number {
  // ToInt32 truncates towards zero, and wraps 2^31 (from -2^31 / -1) to -2^31 as the spec requires.
  return b === 0 ? -1 : (a / b) | 0;
}

/** Signed 32-bit a % b with RISC-V `remw` semantics, as int32 (-2^31 % -1 is 0). */
export function rem32(a: number, b: number): number {
  return b === 0 ? a | 0 : (a % b) | 0;
}

/** Unsigned 32-bit a / b with RISC-V `divuw` semantics, as int32 bits. */
export function divu32(a: number, b: number): number {
  return b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0;
}

/** Unsigned 32-bit a % b with RISC-V `remuw` semantics, as int32 bits. */
export function remu32(a: number, b: number): number {
  return b === 0 ? a | 0 : ((a >>> 0) % (b >>> 0)) | 0;
}

// ---- bit counts and byte operations -----------------------------------------------

/** Trailing zeros of a 32-bit value (32 for 0). */
export function ctz32(v: number): number {
  return v === 0 ? 32 : 31 - Math.clz32(v & -v);
}

/** Set bits of a 32-bit value. */
export function cpop32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Leading zeros of a 64-bit value (64 for 0). */
export function clz64(lo: number, hi: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}

/** Trailing zeros of a 64-bit value (64 for 0). */
export function ctz64(lo: number, hi: number): number {
  return lo !== 0 ? ctz32(lo) : 32 + ctz32(hi);
}

/** Set bits of a 64-bit value. */
export function cpop64(lo: number, hi: number): number {
  return cpop32(lo) + cpop32(hi);
}

/** A 32-bit value with its bytes reversed, as int32. */
export function bswap32(v: number): number {
  return (v << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** orc.b on a 32-bit word: each non-zero byte becomes 0xff, each zero byte stays 0. */
export function orcb32(v: number): number {
  // Bit 7 of each byte of `t` is set iff the byte is non-zero (no carries cross bytes).
  const t = (((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) & 0x80808080;
  return Math.imul(t >>> 7, 0xff);
}
