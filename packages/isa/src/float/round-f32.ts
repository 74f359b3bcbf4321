/**
 * Rounding to binary32 from a double, in any rounding mode, with exact flags.
 *
 * Every binary32 operation is first computed in double precision and
 * *rounded to odd* (see roundToOddFromNearest in double-bits.ts): the double
 * x either equals the exact result X, or lies strictly between the two
 * doubles bracketing X and has an odd last significand bit. Because 53 >= 24
 * + 2, rounding x to binary32 (normal or subnormal, any direction) gives the
 * same value as rounding X, x is a binary32 midpoint only if X is, and x is
 * a binary32 value only if X is; so inexactness, tininess and overflow can be
 * decided on x. The caller guarantees x is finite and at least 2^-1022 in
 * magnitude when it is inexact.
 */
import { floatBits, floatFromBits } from './double-bits.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { RoundingMode } from './rounding-mode.js';

const MIN_NORMAL = 2 ** -126;
const MAX_FINITE = (2 - 2 ** -23) * 2 ** 127;
const TWO_128 = 2 ** 128;
/** Half an ulp above MAX_FINITE: from here round-to-nearest overflows. */
const NEAREST_OVERFLOW = TWO_128 - 2 ** 103;
const SIGN = 0x80000000;
const INFINITY_BITS = 0x7f800000;
const MAX_BITS = 0x7f7fffff;

/** The binary32 bits of x rounded under rm, accruing NX/UF/OF. */
export function roundF32FromOdd(x: number, rm: number, ctx: FloatContext): number {
  const ax = Math.abs(x);
  if (ax >= MIN_NORMAL) {
    if (ax > MAX_FINITE) return overflowF32(x < 0, ax, rm, ctx);
    const r = Math.fround(x);
    if (r === x) return floatBits(r);
    ctx.flags |= FFlag.NX;
    if (rm === RoundingMode.RNE) return floatBits(r);
    return floatBits(directedF32(x, ax, Math.abs(r), rm));
  }
  if (ax === 0) return floatBits(x);
  return tinyF32(x < 0, ax, rm, ctx);
}

/** x rounded under a directed mode or RMM; x is inexact, normal-range and |x| <= MAX_FINITE. */
function directedF32(x: number, ax: number, ar: number, rm: number): number {
  // The binary32 magnitudes just below (down) and above (up) |x|.
  let down: number;
  let up: number;
  if (ar < ax) {
    down = ar;
    up = floatFromBits(floatBits(ar) + 1);
  } else {
    up = ar;
    down = floatFromBits(floatBits(ar) - 1);
  }
  const negative = x < 0;
  let mag: number;
  switch (rm) {
    case RoundingMode.RTZ:
      mag = down;
      break;
    case RoundingMode.RDN:
      mag = negative ? up : down;
      break;
    case RoundingMode.RUP:
      mag = negative ? down : up;
      break;
    default: // RMM; both differences are exact (Sterbenz).
      mag = ax - down >= up - ax ? up : down;
  }
  return negative ? -mag : mag;
}

/**
 * |x| > MAX_FINITE. Overflow (IEEE 754 §7.4) happens when x rounded with an
 * unbounded exponent exceeds MAX_FINITE; otherwise the result is MAX_FINITE.
 */
function overflowF32(negative: boolean, ax: number, rm: number, ctx: FloatContext): number {
  let overflow: boolean;
  let toInfinity: boolean;
  if (rm === RoundingMode.RNE || rm === RoundingMode.RMM) {
    overflow = ax >= NEAREST_OVERFLOW;
    toInfinity = true;
  } else if (rm === RoundingMode.RTZ || (rm === RoundingMode.RDN) !== negative) {
    // Towards zero in magnitude.
    overflow = ax >= TWO_128;
    toInfinity = false;
  } else {
    overflow = true;
    toInfinity = true;
  }
  const sign = negative ? SIGN : 0;
  if (!overflow) {
    ctx.flags |= FFlag.NX;
    return (sign | MAX_BITS) >>> 0;
  }
  ctx.flags |= FFlag.OF | FFlag.NX;
  return (sign | (toInfinity ? INFINITY_BITS : MAX_BITS)) >>> 0;
}

/** Round the non-negative double y to an integer under rm, for a value of the given sign. */
function roundMagnitudeToInteger(y: number, negative: boolean, rm: number): number {
  const t = Math.floor(y);
  const frac = y - t;
  if (frac === 0) return t;
  switch (rm) {
    case RoundingMode.RNE:
      return frac > 0.5 || (frac === 0.5 && t % 2 === 1) ? t + 1 : t;
    case RoundingMode.RTZ:
      return t;
    case RoundingMode.RDN:
      return negative ? t + 1 : t;
    case RoundingMode.RUP:
      return negative ? t : t + 1;
    default:
      return frac >= 0.5 ? t + 1 : t;
  }
}

/** 0 < |x| < 2^-126: a subnormal (or zero, or the smallest normal) result. */
function tinyF32(negative: boolean, ax: number, rm: number, ctx: FloatContext): number {
  const sign = negative ? SIGN : 0;
  const y = ax * 2 ** 149; // |x| in units of the subnormal quantum 2^-149, exact
  const m = roundMagnitudeToInteger(y, negative, rm);
  if (m !== y) {
    ctx.flags |= FFlag.NX;
    // Tininess after rounding: rounded to 24 bits with an unbounded exponent,
    // is the result still below 2^-126? Only values in [2^-127, 2^-126) can
    // round up to 2^-126 (24 bits there: units of 2^-150).
    if (ax < 2 ** -127 || roundMagnitudeToInteger(ax * 2 ** 150, negative, rm) < 2 ** 24) {
      ctx.flags |= FFlag.UF;
    }
  }
  // m <= 2^23; m = 2^23 encodes the smallest normal number.
  return (sign | m) >>> 0;
}
