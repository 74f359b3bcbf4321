/**
 * Reference IEEE 754-2008 arithmetic on raw bit patterns, exact by
 * construction: every operation computes the exact result as a BigInt
 * significand and exponent, and one function (`roundPack`) rounds it. It is
 * slow; the fast paths in f32-arith.ts / f64-arith.ts / convert.ts fall back to
 * it for rare cases (overflow and underflow boundaries, directed rounding where
 * the error terms are not available), and the tests check the fast paths
 * against it.
 *
 * RISC-V specifics (unprivileged spec, chapter "F" and "D"):
 * - every NaN result is the canonical NaN;
 * - tininess is detected after rounding; underflow is signalled only when
 *   the result is tiny and inexact;
 * - fused multiply-add signals invalid for infinity * zero even when the
 *   addend is a quiet NaN.
 */
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { RoundingMode } from './rounding-mode.js';

/** The parameters of a binary interchange format. */
export interface SlowFormat {
  /** Precision in bits, including the hidden bit. */
  readonly p: number;
  readonly expBits: number;
  readonly bias: number;
  /** Smallest normal exponent (1 - bias). */
  readonly emin: number;
  readonly width: number;
  readonly fracMask: bigint;
  readonly expField: bigint;
  readonly signBit: bigint;
  readonly quietBit: bigint;
  readonly canonicalNaN: bigint;
  readonly infinity: bigint;
  readonly maxFinite: bigint;
}

function format(p: number, expBits: number): SlowFormat {
  const width = p + expBits;
  const fracBits = BigInt(p - 1);
  const bias = (1 << (expBits - 1)) - 1;
  const expField = (1n << BigInt(expBits)) - 1n;
  const infinity = expField << fracBits;
  return {
    p,
    expBits,
    bias,
    emin: 1 - bias,
    width,
    fracMask: (1n << fracBits) - 1n,
    expField,
    signBit: 1n << BigInt(width - 1),
    quietBit: 1n << (fracBits - 1n),
    canonicalNaN: infinity | (1n << (fracBits - 1n)),
    infinity,
    maxFinite: infinity - 1n,
  };
}

export const BINARY32: SlowFormat = format(24, 8);
export const BINARY64: SlowFormat = format(53, 11);

/** A destination integer format of the float-to-integer conversions. */
export interface IntFormat {
  readonly width: 32 | 64;
  readonly signed: boolean;
}

export const INT32: IntFormat = { width: 32, signed: true };
export const UINT32: IntFormat = { width: 32, signed: false };
export const INT64: IntFormat = { width: 64, signed: true };
export const UINT64: IntFormat = { width: 64, signed: false };

const ZERO = 0;
const FINITE = 1;
const INF = 2;
const QNAN = 3;
const SNAN = 4;

/** An unpacked operand: for FINITE, the value is (-1)^sign * sig * 2^exp with sig > 0. */
interface Unpacked {
  sign: 0 | 1;
  kind: number;
  sig: bigint;
  exp: number;
}

function unpack(f: SlowFormat, bits: bigint): Unpacked {
  const fracBits = f.p - 1;
  const sign = (bits & f.signBit) !== 0n ? 1 : 0;
  const e = Number((bits >> BigInt(fracBits)) & f.expField);
  const frac = bits & f.fracMask;
  if (e === Number(f.expField)) {
    if (frac === 0n) return { sign, kind: INF, sig: 0n, exp: 0 };
    return { sign, kind: (frac & f.quietBit) !== 0n ? QNAN : SNAN, sig: 0n, exp: 0 };
  }
  if (e === 0) {
    if (frac === 0n) return { sign, kind: ZERO, sig: 0n, exp: 0 };
    return { sign, kind: FINITE, sig: frac, exp: f.emin - fracBits };
  }
  return { sign, kind: FINITE, sig: frac | (1n << BigInt(fracBits)), exp: e - f.bias - fracBits };
}

function isNaNKind(kind: number): boolean {
  return kind === QNAN || kind === SNAN;
}

function signedZero(f: SlowFormat, sign: number): bigint {
  return sign ? f.signBit : 0n;
}

function signedInfinity(f: SlowFormat, sign: number): bigint {
  return sign ? f.signBit | f.infinity : f.infinity;
}

/** The canonical NaN, with NV if any operand is a signalling NaN. */
function propagateNaN(f: SlowFormat, ctx: FloatContext, ...ops: Unpacked[]): bigint {
  for (const op of ops) if (op.kind === SNAN) ctx.flags |= FFlag.NV;
  return f.canonicalNaN;
}

function invalid(f: SlowFormat, ctx: FloatContext): bigint {
  ctx.flags |= FFlag.NV;
  return f.canonicalNaN;
}

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Whether rounding `sig` (a magnitude) up to the next quantum is required. */
function roundsUp(rm: number, negative: boolean, truncatedOdd: boolean, rem: bigint, half: bigint): boolean {
  if (rem === 0n) return false;
  switch (rm) {
    case RoundingMode.RNE:
      return rem > half || (rem === half && truncatedOdd);
    case RoundingMode.RTZ:
      return false;
    case RoundingMode.RDN:
      return negative;
    case RoundingMode.RUP:
      return !negative;
    case RoundingMode.RMM:
      return rem >= half;
    default:
      throw new RangeError(`invalid rounding mode ${rm}`);
  }
}

/** sig * 2^exp rounded to an integer multiple of 2^q: the multiple m, and whether it was inexact. */
function roundToQuantum(
  negative: boolean,
  sig: bigint,
  exp: number,
  q: number,
  rm: number,
): { m: bigint; inexact: boolean } {
  if (exp >= q) return { m: sig << BigInt(exp - q), inexact: false };
  const shift = BigInt(q - exp);
  let m = sig >> shift;
  const rem = sig - (m << shift);
  if (roundsUp(rm, negative, (m & 1n) === 1n, rem, 1n << (shift - 1n))) m += 1n;
  return { m, inexact: rem !== 0n };
}

/**
 * Round the exact value (-1)^sign * sig * 2^exp (sig > 0) to the format under
 * `rm`, accruing NX/UF/OF. Callers that cannot represent an exact value keep
 * a sticky bit as the least significant bit of `sig`, at least two bits below
 * the format's precision.
 */
export function roundPack(f: SlowFormat, sign: number, sig: bigint, exp: number, rm: number, ctx: FloatContext): bigint {
  const negative = sign === 1;
  const p = f.p;
  const E = exp + bitLength(sig) - 1;
  const qUnbounded = E - (p - 1);
  const qMin = f.emin - (p - 1);
  const top = 1n << BigInt(p);

  // Tininess after rounding: the result rounded to p bits as if the exponent
  // range were unbounded lies strictly between -2^emin and 2^emin.
  let tiny = false;
  if (E < f.emin - 1) tiny = true;
  else if (E === f.emin - 1) tiny = roundToQuantum(negative, sig, exp, qUnbounded, rm).m < top;

  const q = Math.max(qUnbounded, qMin);
  const rounded = roundToQuantum(negative, sig, exp, q, rm);
  const inexact = rounded.inexact;
  let m = rounded.m;
  let quantum = q;
  if (m === top) {
    m >>= 1n;
    quantum += 1;
  }
  if (inexact) {
    ctx.flags |= FFlag.NX;
    if (tiny) ctx.flags |= FFlag.UF;
  }
  const signBits = signedZero(f, sign);
  const hidden = 1n << BigInt(p - 1);
  if (m < hidden) return signBits | m; // subnormal or zero: exponent field 0
  const biased = quantum + (p - 1) + f.bias;
  if (biased >= Number(f.expField)) return overflow(f, sign, rm, ctx);
  return signBits | (BigInt(biased) << BigInt(p - 1)) | (m - hidden);
}

/** Overflow result (IEEE 754 §7.4): infinity or the largest finite number, by rounding direction. */
function overflow(f: SlowFormat, sign: number, rm: number, ctx: FloatContext): bigint {
  ctx.flags |= FFlag.OF | FFlag.NX;
  const toInfinity =
    rm === RoundingMode.RNE ||
    rm === RoundingMode.RMM ||
    (rm === RoundingMode.RDN && sign === 1) ||
    (rm === RoundingMode.RUP && sign === 0);
  return toInfinity ? signedInfinity(f, sign) : signedZero(f, sign) | f.maxFinite;
}

/** The sign of an exact zero sum x + y (IEEE 754 §6.3). */
function zeroSumSign(xSign: number, ySign: number, xIsZero: boolean, yIsZero: boolean, rm: number): number {
  if (xIsZero && yIsZero && xSign === ySign) return xSign;
  return rm === RoundingMode.RDN ? 1 : 0;
}

/** (-1)^sign * sig * 2^exp + (-1)^sign2 * sig2 * 2^exp2, exactly, as sign and magnitude at the smaller exponent. */
function exactSum(
  s1: number,
  sig1: bigint,
  e1: number,
  s2: number,
  sig2: bigint,
  e2: number,
): { sign: number; sig: bigint; exp: number } {
  const exp = Math.min(e1, e2);
  const a = (s1 ? -sig1 : sig1) << BigInt(e1 - exp);
  const b = (s2 ? -sig2 : sig2) << BigInt(e2 - exp);
  const sum = a + b;
  return sum < 0n ? { sign: 1, sig: -sum, exp } : { sign: 0, sig: sum, exp };
}

export function addSlow(f: SlowFormat, aBits: bigint, bBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(f, aBits);
  const b = unpack(f, bBits);
  if (isNaNKind(a.kind) || isNaNKind(b.kind)) return propagateNaN(f, ctx, a, b);
  if (a.kind === INF) {
    if (b.kind === INF && a.sign !== b.sign) return invalid(f, ctx);
    return signedInfinity(f, a.sign);
  }
  if (b.kind === INF) return signedInfinity(f, b.sign);
  if (a.kind === ZERO && b.kind === ZERO) return signedZero(f, zeroSumSign(a.sign, b.sign, true, true, rm));
  if (a.kind === ZERO) return bBits;
  if (b.kind === ZERO) return aBits;
  const s = exactSum(a.sign, a.sig, a.exp, b.sign, b.sig, b.exp);
  if (s.sig === 0n) return signedZero(f, zeroSumSign(a.sign, b.sign, false, false, rm));
  return roundPack(f, s.sign, s.sig, s.exp, rm, ctx);
}

export function subSlow(f: SlowFormat, aBits: bigint, bBits: bigint, rm: number, ctx: FloatContext): bigint {
  return addSlow(f, aBits, bBits ^ f.signBit, rm, ctx);
}

export function mulSlow(f: SlowFormat, aBits: bigint, bBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(f, aBits);
  const b = unpack(f, bBits);
  if (isNaNKind(a.kind) || isNaNKind(b.kind)) return propagateNaN(f, ctx, a, b);
  const sign = a.sign ^ b.sign;
  if (a.kind === INF || b.kind === INF) {
    if (a.kind === ZERO || b.kind === ZERO) return invalid(f, ctx);
    return signedInfinity(f, sign);
  }
  if (a.kind === ZERO || b.kind === ZERO) return signedZero(f, sign);
  return roundPack(f, sign, a.sig * b.sig, a.exp + b.exp, rm, ctx);
}

export function divSlow(f: SlowFormat, aBits: bigint, bBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(f, aBits);
  const b = unpack(f, bBits);
  if (isNaNKind(a.kind) || isNaNKind(b.kind)) return propagateNaN(f, ctx, a, b);
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) return b.kind === INF ? invalid(f, ctx) : signedInfinity(f, sign);
  if (b.kind === INF) return signedZero(f, sign);
  if (b.kind === ZERO) {
    if (a.kind === ZERO) return invalid(f, ctx);
    ctx.flags |= FFlag.DZ;
    return signedInfinity(f, sign);
  }
  if (a.kind === ZERO) return signedZero(f, sign);
  // A quotient of at least p + 2 bits, then the remainder as a sticky bit.
  const k = Math.max(0, f.p + 3 + bitLength(b.sig) - bitLength(a.sig));
  const num = a.sig << BigInt(k);
  const q = num / b.sig;
  const sticky = num - q * b.sig !== 0n ? 1n : 0n;
  return roundPack(f, sign, (q << 1n) | sticky, a.exp - b.exp - k - 1, rm, ctx);
}

/** floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1); // >= sqrt(n)
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrtSlow(f: SlowFormat, aBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(f, aBits);
  if (isNaNKind(a.kind)) return propagateNaN(f, ctx, a);
  if (a.kind === ZERO) return aBits; // sqrt(-0) = -0
  if (a.sign === 1) return invalid(f, ctx);
  if (a.kind === INF) return aBits;
  // Scale to an even exponent and a radicand of at least 2(p + 2) bits.
  let shift = Math.max(0, 2 * (f.p + 3) - bitLength(a.sig));
  if ((a.exp - shift) % 2 !== 0) shift += 1;
  const radicand = a.sig << BigInt(shift);
  const root = isqrt(radicand);
  const sticky = radicand - root * root !== 0n ? 1n : 0n;
  return roundPack(f, 0, (root << 1n) | sticky, (a.exp - shift) / 2 - 1, rm, ctx);
}

/** a * b + c with a single rounding (IEEE 754 fusedMultiplyAdd). */
export function fmaSlow(
  f: SlowFormat,
  aBits: bigint,
  bBits: bigint,
  cBits: bigint,
  rm: number,
  ctx: FloatContext,
): bigint {
  const a = unpack(f, aBits);
  const b = unpack(f, bBits);
  const c = unpack(f, cBits);
  const infTimesZero = (a.kind === INF && b.kind === ZERO) || (a.kind === ZERO && b.kind === INF);
  if (isNaNKind(a.kind) || isNaNKind(b.kind) || isNaNKind(c.kind)) {
    // RISC-V: "must set the invalid operation exception flag when the
    // multiplicands are infinity and zero, even when the addend is a quiet NaN".
    if (infTimesZero) ctx.flags |= FFlag.NV;
    return propagateNaN(f, ctx, a, b, c);
  }
  if (infTimesZero) return invalid(f, ctx);
  const productSign = a.sign ^ b.sign;
  if (a.kind === INF || b.kind === INF) {
    if (c.kind === INF && c.sign !== productSign) return invalid(f, ctx);
    return signedInfinity(f, productSign);
  }
  if (c.kind === INF) return cBits;
  const productZero = a.kind === ZERO || b.kind === ZERO;
  if (productZero) {
    if (c.kind === ZERO) return signedZero(f, zeroSumSign(productSign, c.sign, true, true, rm));
    return cBits;
  }
  const pSig = a.sig * b.sig;
  const pExp = a.exp + b.exp;
  if (c.kind === ZERO) return roundPack(f, productSign, pSig, pExp, rm, ctx);
  const s = exactSum(productSign, pSig, pExp, c.sign, c.sig, c.exp);
  if (s.sig === 0n) return signedZero(f, zeroSumSign(productSign, c.sign, false, false, rm));
  return roundPack(f, s.sign, s.sig, s.exp, rm, ctx);
}

/** Conversion between the two formats (fcvt.s.d, fcvt.d.s): NaNs become the canonical NaN. */
export function convertSlow(from: SlowFormat, to: SlowFormat, aBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(from, aBits);
  if (isNaNKind(a.kind)) {
    if (a.kind === SNAN) ctx.flags |= FFlag.NV;
    return to.canonicalNaN;
  }
  if (a.kind === ZERO) return signedZero(to, a.sign);
  if (a.kind === INF) return signedInfinity(to, a.sign);
  return roundPack(to, a.sign, a.sig, a.exp, rm, ctx);
}

/**
 * Float to integer (fcvt.{w,wu,l,lu}.{s,d}), RISC-V semantics: the result is
 * rounded by `rm`; NaN and out-of-range values (after rounding) saturate and
 * raise NV only (unprivileged spec, table "Domains of float-to-integer
 * conversions"): NaN and too large positive values give the maximum, too
 * large negative values the minimum. Returns the integer as a mathematical
 * value (a BigInt in the destination's range).
 */
export function toIntSlow(f: SlowFormat, i: IntFormat, aBits: bigint, rm: number, ctx: FloatContext): bigint {
  const a = unpack(f, aBits);
  const max = i.signed ? (1n << BigInt(i.width - 1)) - 1n : (1n << BigInt(i.width)) - 1n;
  const min = i.signed ? -(1n << BigInt(i.width - 1)) : 0n;
  if (isNaNKind(a.kind)) {
    ctx.flags |= FFlag.NV;
    return max;
  }
  if (a.kind === INF) {
    ctx.flags |= FFlag.NV;
    return a.sign ? min : max;
  }
  if (a.kind === ZERO) return 0n;
  const { m, inexact } = roundToQuantum(a.sign === 1, a.sig, a.exp, 0, rm);
  const value = a.sign ? -m : m;
  if (value > max || value < min) {
    ctx.flags |= FFlag.NV;
    return value > max ? max : min;
  }
  if (inexact) ctx.flags |= FFlag.NX;
  return value;
}

/** Integer (a mathematical value) to float (fcvt.{s,d}.{w,wu,l,lu}). Zero is +0. */
export function fromIntSlow(f: SlowFormat, value: bigint, rm: number, ctx: FloatContext): bigint {
  if (value === 0n) return 0n;
  const sign = value < 0n ? 1 : 0;
  return roundPack(f, sign, sign ? -value : value, 0, rm, ctx);
}
