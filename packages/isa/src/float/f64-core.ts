/**
 * binary64 arithmetic on JS doubles: the cores behind the halves API
 * (f64-arith.ts) and the register API (f-registers.ts).
 *
 * Operands are doubles loaded from raw bits (a NaN operand is any NaN: its
 * payload and quiet bit are not trusted). A core returns the result as a
 * double; a NaN return means "the canonical NaN", and the caller, who holds
 * the raw operand bits, adds NV for signalling NaN operands. The cores raise
 * every other flag themselves, including NV for invalid operations.
 *
 * Fast path: the JS operation gives the round-to-nearest-even result s, and
 * an error-free transformation gives the exact error X - s (TwoSum for sums,
 * TwoProduct for products, the remainders x - q*y and x - s*s for quotients
 * and square roots). From s and the error every rounding mode follows by at
 * most one step to an adjacent double, and NX is exact. The transformations
 * are exact only away from the overflow and underflow thresholds; operands
 * or results near them (and overflow or underflow in a directed mode) go to
 * the exact BigInt reference in f64-slow.ts. No BigInt here.
 */
import { HI, LO, SCRATCH_F64, SCRATCH_I32, doubleFromHalves, highWord, lowWord } from './double-bits.js';
import { eft, twoProduct } from './error-free.js';
import { f64AddSlow, f64DivSlow, f64MulAddSlow, f64MulSlow } from './f64-slow.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { NOT_A_TIE, roundF64Inexact } from './round-f64.js';
import { RoundingMode } from './rounding-mode.js';

/** Bounds within which TwoProduct is exact (see error-free.ts). */
const PRODUCT_MIN = 2 ** -969;
const PRODUCT_MAX = 2 ** 1021;
const SPLIT_MAX = 2 ** 995;
/** Bound on the terms of the fma fast path: no sum of them overflows. */
const FMA_TERM_MAX = 2 ** 1000;
/** Veltkamp's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

type Slow2 = (aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext) => void;

/** Run a reference operation on non-NaN doubles and return its (non-NaN) result. */
function slow2(fn: Slow2, x: number, y: number, rm: number, ctx: FloatContext): number {
  const aLo = lowWord(x);
  const aHi = highWord();
  const bLo = lowWord(y);
  fn(aLo, aHi, bLo, highWord(), rm, ctx);
  return doubleFromHalves(ctx.lo, ctx.hi);
}

/** NV for an invalid operation: a NaN result from operands none of which is NaN. */
function invalidIfNoNaN(x: number, y: number, ctx: FloatContext): number {
  if (x === x && y === y) ctx.flags |= FFlag.NV;
  return NaN;
}

/** Overflow seen by the JS operation (s infinite, operands finite): RNE and RMM give infinity. */
function nearestOverflow(s: number, ctx: FloatContext): number {
  ctx.flags |= FFlag.OF | FFlag.NX;
  return s;
}

/** x + y (fadd.d; fsub.d with y negated). */
export function addF64(x: number, y: number, rm: number, ctx: FloatContext): number {
  const s = x + y;
  if (s - s === 0) {
    if (s === 0) {
      // An exact zero sum is -0 under RDN unless both operands are +0 (IEEE 754 §6.3).
      if (rm === RoundingMode.RDN && !(1 / x === Infinity && 1 / y === Infinity)) return -0;
      return s;
    }
    // TwoSum, inline. Results below 2^-1021 in magnitude are always exact.
    // Near the overflow threshold s - x can overflow spuriously, which
    // leaves err infinite or NaN: then use the exact path.
    const bv = s - x;
    const err = x - (s - bv) + (y - bv);
    if (err === 0) return s;
    if (err - err === 0) return roundF64Inexact(s, err, rm, ctx);
  }
  if (s !== s) return invalidIfNoNaN(x, y, ctx);
  if (x - x !== 0 || y - y !== 0) return s; // infinite operand: exact
  if (s - s !== 0 && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(s, ctx);
  return slow2(f64AddSlow, x, y, rm, ctx);
}

/** x * y (fmul.d). */
export function mulF64(x: number, y: number, rm: number, ctx: FloatContext): number {
  const p = x * y;
  const ap = Math.abs(p);
  if (ap >= PRODUCT_MIN && ap <= PRODUCT_MAX && Math.abs(x) <= SPLIT_MAX && Math.abs(y) <= SPLIT_MAX) {
    twoProduct(x, y);
    const err = eft.err;
    return err === 0 ? p : roundF64Inexact(p, err, rm, ctx);
  }
  if (p !== p) return invalidIfNoNaN(x, y, ctx);
  if (x === 0 || y === 0 || x - x !== 0 || y - y !== 0) return p; // exact zero or infinity
  if (ap === Infinity && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(p, ctx);
  return slow2(f64MulSlow, x, y, rm, ctx);
}

/** x / y (fdiv.d). */
export function divF64(x: number, y: number, rm: number, ctx: FloatContext): number {
  const q = x / y;
  const aq = Math.abs(q);
  const ax = Math.abs(x);
  if (aq >= PRODUCT_MIN && aq <= SPLIT_MAX && Math.abs(y) <= SPLIT_MAX && ax >= PRODUCT_MIN && ax <= PRODUCT_MAX) {
    // x - q*y exactly: x - p is exact (Sterbenz), the rest keeps the sign.
    const p = twoProduct(q, y);
    const rem = x - p - eft.err;
    if (rem === 0) return q;
    // A quotient is never a midpoint, so RMM agrees with RNE.
    const err = rem > 0 === y > 0 ? NOT_A_TIE : -NOT_A_TIE;
    return roundF64Inexact(q, err, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, ctx);
  }
  if (q !== q) return invalidIfNoNaN(x, y, ctx);
  if (y === 0) {
    if (x - x === 0) ctx.flags |= FFlag.DZ; // finite non-zero dividend (0 / 0 is NaN above)
    return q;
  }
  if (x === 0 || x - x !== 0 || y - y !== 0) return q; // exact zero or infinity
  if (aq === Infinity && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(q, ctx);
  return slow2(f64DivSlow, x, y, rm, ctx);
}

/** Scaling keeps x and s*s inside TwoProduct's exact range: sqrt(x * 4^k) = sqrt(x) * 2^k. */
const SQRT_SMALL = 2 ** -960;
const SQRT_LARGE = 2 ** 1020;

/** sqrt(x) (fsqrt.d). */
export function sqrtF64(x: number, rm: number, ctx: FloatContext): number {
  if (!(x > 0 && x - x === 0)) {
    // NaN, zero, negative or infinite: sqrt(+-0) = +-0, sqrt(+inf) = +inf.
    if (x < 0) {
      ctx.flags |= FFlag.NV;
      return NaN;
    }
    return x;
  }
  let scaled = x;
  let unscale = 1;
  if (x < SQRT_SMALL) {
    scaled = x * 2 ** 1000;
    unscale = 2 ** -500;
  } else if (x > SQRT_LARGE) {
    scaled = x * 2 ** -100;
    unscale = 2 ** 50;
  }
  const s = Math.sqrt(scaled);
  const p = twoProduct(s, s);
  const rem = scaled - p - eft.err;
  if (rem === 0) return s * unscale;
  // A square root is never a midpoint, so RMM agrees with RNE; results are normal.
  const r = roundF64Inexact(s, rem > 0 ? NOT_A_TIE : -NOT_A_TIE, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, ctx);
  return r * unscale;
}

/** x * y + z when an operand is NaN or infinite. */
function fmaSpecial(x: number, y: number, z: number, ctx: FloatContext): number {
  const xInf = x - x !== 0 && x === x;
  const yInf = y - y !== 0 && y === y;
  // RISC-V: infinity * zero raises NV even when the addend is a quiet NaN.
  if ((xInf && y === 0) || (yInf && x === 0)) {
    ctx.flags |= FFlag.NV;
    return NaN;
  }
  if (x !== x || y !== y || z !== z) return NaN;
  if (xInf || yInf) {
    const product = x * y; // an infinity of the product's sign
    if (z - z !== 0 && z !== product) {
      ctx.flags |= FFlag.NV;
      return NaN;
    }
    return product;
  }
  return z; // finite product plus an infinite addend (even if x * y overflows)
}

type Slow3 = (
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  rm: number,
  ctx: FloatContext,
) => void;

function slow3(fn: Slow3, x: number, y: number, z: number, rm: number, ctx: FloatContext): number {
  const aLo = lowWord(x);
  const aHi = highWord();
  const bLo = lowWord(y);
  const bHi = highWord();
  const cLo = lowWord(z);
  fn(aLo, aHi, bLo, bHi, cLo, highWord(), rm, ctx);
  return doubleFromHalves(ctx.lo, ctx.hi);
}

/** x * y + z with a single rounding (fmadd.d; the other three negate x and/or z). */
export function fmaF64(x: number, y: number, z: number, rm: number, ctx: FloatContext): number {
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return fmaSpecial(x, y, z, ctx);
  if (x === 0 || y === 0) {
    // Exact zero product: the result is z, or a signed zero by the rules of addition.
    if (z !== 0) return z;
    const p = x * y;
    if (1 / p === 1 / z) return z; // zeros of the same sign
    return rm === RoundingMode.RDN ? -0 : 0;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  const au = ax * ay;
  if (ax <= SPLIT_MAX && ay <= SPLIT_MAX && au >= PRODUCT_MIN && au <= FMA_TERM_MAX && az <= FMA_TERM_MAX) {
    // X = uh + ul + z = th + tl + ul = th + vh + vl = zh + zl + vl, all exact.
    // TwoProduct and TwoSum (error-free.ts) written out: this function is too
    // large for the JIT to inline them, and calls returning doubles allocate.
    const uh = x * y;
    let t = SPLITTER * x;
    const xh = t - (t - x);
    const xl = x - xh;
    t = SPLITTER * y;
    const yh = t - (t - y);
    const yl = y - yh;
    const ul = xh * yh - uh + xh * yl + xl * yh + xl * yl;
    const th = z + uh;
    let bv = th - z;
    const tl = z - (th - bv) + (uh - bv);
    const vh = tl + ul;
    bv = vh - tl;
    const vl = tl - (vh - bv) + (ul - bv);
    const zh = th + vh;
    bv = zh - th;
    const zl = th - (zh - bv) + (vh - bv);
    // w = RN(zl + vl) has the sign of X - zh and is zero only when X = zh.
    const w = zl + vl;
    if (w === 0) {
      if (zh !== 0) return zh;
      return rm === RoundingMode.RDN ? -0 : 0; // exact cancellation
    }
    if (Math.abs(zh) >= PRODUCT_MIN) {
      // zh = RN(X) if |X - zh| is below half the gap to the neighbour on X's
      // side; RN is monotonic, so |w| < h implies it. Otherwise (X within
      // about 2^-106 relative of a midpoint) use the exact path. The gap is
      // ulp(zh) = 2^(exponent - 52), built from zh's exponent field, halved
      // again below a power of two.
      SCRATCH_F64[0] = zh;
      const high = SCRATCH_I32[HI]!;
      const powerOfTwo = (high & 0xfffff) === 0 && SCRATCH_I32[LO] === 0;
      SCRATCH_I32[HI] = (high & 0x7ff00000) - (52 << 20);
      SCRATCH_I32[LO] = 0;
      const halfGap = SCRATCH_F64[0]! * (powerOfTwo && w > 0 !== zh > 0 ? 0.25 : 0.5);
      if (Math.abs(w) < halfGap) {
        if (rm === RoundingMode.RNE) {
          ctx.flags |= FFlag.NX;
          return zh;
        }
        return roundF64Inexact(zh, w, rm, ctx);
      }
    }
  } else if (au < PRODUCT_MIN && az >= 2 ** -800 && az <= FMA_TERM_MAX) {
    // The product is below a quarter ulp of z: X = z + tiny, never a midpoint.
    const tiny = x > 0 === y > 0 ? NOT_A_TIE : -NOT_A_TIE;
    return roundF64Inexact(z, tiny, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, ctx);
  }
  return slow3(f64MulAddSlow, x, y, z, rm, ctx);
}
