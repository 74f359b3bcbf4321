/**
 * binary64 arithmetic for the D extension. Operands are int32 halves
 * (lo, hi) of the raw bit patterns; results are written to ctx.lo / ctx.hi
 * and flags accrue into ctx.flags.
 *
 * Fast path: the JS operation gives the round-to-nearest-even result s, and
 * an error-free transformation gives the exact error X - s (TwoSum for sums,
 * TwoProduct for products, the remainders x - q*y and x - s*s for quotients
 * and square roots). From s and the error's sign every rounding mode follows
 * by one step to an adjacent double, and NX is exact. The transformations
 * are exact only away from the overflow and underflow thresholds; operands
 * or results near them (and every overflow or underflow in a directed mode)
 * go to the exact BigInt reference in f64-slow.ts. No BigInt here.
 */
import { doubleFromHalves, nextAway, nextTowardZero, writeDouble } from './double-bits.js';
import { eft, twoProduct, twoSum } from './error-free.js';
import {
  f64AddSlow,
  f64DivSlow,
  f64MulAddSlow,
  f64MulSlow,
} from './f64-slow.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { F64_CANONICAL_NAN_HI, F64_CANONICAL_NAN_LO, f64IsNaN, f64IsSignalingNaN } from './nan.js';
import { NOT_A_TIE, roundF64Directed, writeInexactF64 as writeInexact } from './round-f64.js';
import { RoundingMode } from './rounding-mode.js';

const SIGN = 0x80000000 | 0;
/** Bounds within which TwoProduct is exact (see error-free.ts). */
const PRODUCT_MIN = 2 ** -969;
const PRODUCT_MAX = 2 ** 1021;
const SPLIT_MAX = 2 ** 995;
/** Bound on the terms of the fma fast path: no sum of them overflows. */
const FMA_TERM_MAX = 2 ** 1000;

function writeNaN(ctx: FloatContext): void {
  ctx.lo = F64_CANONICAL_NAN_LO;
  ctx.hi = F64_CANONICAL_NAN_HI;
}

/** The canonical NaN for an operation whose double result was NaN. */
function nanResult(aLo: number, aHi: number, bLo: number, bHi: number, ctx: FloatContext): void {
  if (
    f64IsSignalingNaN(aLo, aHi) ||
    f64IsSignalingNaN(bLo, bHi) ||
    !(f64IsNaN(aLo, aHi) || f64IsNaN(bLo, bHi)) // invalid: inf - inf, 0 * inf, 0 / 0, inf / inf
  ) {
    ctx.flags |= FFlag.NV;
  }
  writeNaN(ctx);
}

/** Overflow seen by the JS operation (s infinite, operands finite): RNE and RMM give infinity. */
function nearestOverflow(s: number, ctx: FloatContext): void {
  ctx.flags |= FFlag.OF | FFlag.NX;
  writeDouble(s, ctx);
}

function add(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  const s = x + y;
  if (s - s === 0) {
    if (s === 0) {
      // An exact zero sum is -0 under RDN unless both operands are +0 (IEEE 754 §6.3).
      if (rm === RoundingMode.RDN && (aLo | aHi | bLo | bHi) !== 0) {
        ctx.lo = 0;
        ctx.hi = SIGN;
      } else writeDouble(s, ctx);
      return;
    }
    // TwoSum, inline. Results below 2^-1021 in magnitude are always exact.
    // Near the overflow threshold s - x can overflow spuriously, which
    // leaves err infinite or NaN: then use the exact path.
    const bv = s - x;
    const err = x - (s - bv) + (y - bv);
    if (err === 0) return writeDouble(s, ctx);
    if (err - err === 0) return writeInexact(s, err, rm, ctx);
  }
  if (s !== s) return nanResult(aLo, aHi, bLo, bHi, ctx);
  if (x - x !== 0 || y - y !== 0) return writeDouble(s, ctx); // infinite operand: exact
  if (s - s !== 0 && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(s, ctx);
  f64AddSlow(aLo, aHi, bLo, bHi, rm, ctx);
}

export function f64Add(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  add(aLo, aHi, bLo, bHi, rm, ctx);
}

export function f64Sub(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  add(aLo, aHi, bLo, bHi ^ SIGN, rm, ctx);
}

export function f64Mul(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  const p = x * y;
  const ap = Math.abs(p);
  if (ap >= PRODUCT_MIN && ap <= PRODUCT_MAX && Math.abs(x) <= SPLIT_MAX && Math.abs(y) <= SPLIT_MAX) {
    twoProduct(x, y);
    const err = eft.err;
    if (err === 0) writeDouble(p, ctx);
    else writeInexact(p, err, rm, ctx);
    return;
  }
  if (p !== p) return nanResult(aLo, aHi, bLo, bHi, ctx);
  if (x === 0 || y === 0 || x - x !== 0 || y - y !== 0) return writeDouble(p, ctx); // exact zero or infinity
  if (ap === Infinity && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(p, ctx);
  f64MulSlow(aLo, aHi, bLo, bHi, rm, ctx);
}

export function f64Div(aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  const q = x / y;
  const aq = Math.abs(q);
  const ax = Math.abs(x);
  if (
    aq >= PRODUCT_MIN &&
    aq <= SPLIT_MAX &&
    Math.abs(y) <= SPLIT_MAX &&
    ax >= PRODUCT_MIN &&
    ax <= PRODUCT_MAX
  ) {
    // x - q*y exactly: x - p is exact (Sterbenz), the rest keeps the sign.
    const p = twoProduct(q, y);
    const rem = x - p - eft.err;
    if (rem === 0) writeDouble(q, ctx);
    // A quotient is never a midpoint, so RMM agrees with RNE.
    else writeInexact(q, rem > 0 === y > 0 ? NOT_A_TIE : -NOT_A_TIE, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, ctx);
    return;
  }
  if (q !== q) return nanResult(aLo, aHi, bLo, bHi, ctx);
  if (y === 0) {
    if (x - x === 0) ctx.flags |= FFlag.DZ; // finite non-zero dividend (0 / 0 is NaN above)
    return writeDouble(q, ctx);
  }
  if (x === 0 || x - x !== 0 || y - y !== 0) return writeDouble(q, ctx); // exact zero or infinity
  if (aq === Infinity && (rm === RoundingMode.RNE || rm === RoundingMode.RMM)) return nearestOverflow(q, ctx);
  f64DivSlow(aLo, aHi, bLo, bHi, rm, ctx);
}

/** Scale factors that keep x * s*s inside TwoProduct's exact range: sqrt(x * 4^k) = sqrt(x) * 2^k. */
const SQRT_SMALL = 2 ** -960;
const SQRT_LARGE = 2 ** 1020;

export function f64Sqrt(aLo: number, aHi: number, rm: number, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  if (!(x > 0 && x - x === 0)) {
    // NaN, zero, negative or infinite.
    if (x !== x) return nanResult(aLo, aHi, aLo, aHi, ctx);
    if (x < 0) {
      ctx.flags |= FFlag.NV;
      return writeNaN(ctx);
    }
    ctx.lo = aLo; // sqrt(+-0) = +-0, sqrt(+inf) = +inf
    ctx.hi = aHi;
    return;
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
  if (rem === 0) return writeDouble(s * unscale, ctx);
  ctx.flags |= FFlag.NX;
  // A square root is never a midpoint, so RMM agrees with RNE; results are normal.
  const r = rm === RoundingMode.RNE || rm === RoundingMode.RMM ? s : roundF64Directed(s, rem > 0 ? NOT_A_TIE : -NOT_A_TIE, rm, ctx);
  writeDouble(r * unscale, ctx);
}

/** a * b + c when an operand is NaN or infinite. */
function fmaSpecial(
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  x: number,
  y: number,
  z: number,
  ctx: FloatContext,
): void {
  const xInf = x - x !== 0 && x === x;
  const yInf = y - y !== 0 && y === y;
  const infTimesZero = (xInf && y === 0) || (yInf && x === 0);
  if (f64IsNaN(aLo, aHi) || f64IsNaN(bLo, bHi) || f64IsNaN(cLo, cHi)) {
    // RISC-V: infinity * zero raises NV even when the addend is a quiet NaN.
    if (infTimesZero || f64IsSignalingNaN(aLo, aHi) || f64IsSignalingNaN(bLo, bHi) || f64IsSignalingNaN(cLo, cHi)) {
      ctx.flags |= FFlag.NV;
    }
    return writeNaN(ctx);
  }
  if (infTimesZero) {
    ctx.flags |= FFlag.NV;
    return writeNaN(ctx);
  }
  if (xInf || yInf) {
    const productNegative = (aHi ^ bHi) < 0;
    if (z - z !== 0 && z < 0 !== productNegative) {
      ctx.flags |= FFlag.NV;
      return writeNaN(ctx);
    }
    ctx.lo = 0;
    ctx.hi = productNegative ? 0xfff00000 | 0 : 0x7ff00000;
    return;
  }
  ctx.lo = cLo; // finite product plus an infinite addend
  ctx.hi = cHi;
}

/** a * b + c with a single rounding: the binary64 core of fmadd/fmsub/fnmsub/fnmadd. */
function fma(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  const x = doubleFromHalves(aLo, aHi);
  const y = doubleFromHalves(bLo, bHi);
  const z = doubleFromHalves(cLo, cHi);
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return fmaSpecial(aLo, aHi, bLo, bHi, cLo, cHi, x, y, z, ctx);
  if (x === 0 || y === 0) {
    // Exact zero product: the result is c, or a signed zero by the rules of addition.
    if (z !== 0) {
      ctx.lo = cLo;
      ctx.hi = cHi;
    } else if ((aHi ^ bHi) < 0 === cHi < 0) {
      ctx.lo = 0;
      ctx.hi = cHi & SIGN;
    } else {
      ctx.lo = 0;
      ctx.hi = rm === RoundingMode.RDN ? SIGN : 0;
    }
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  const au = ax * ay;
  if (ax <= SPLIT_MAX && ay <= SPLIT_MAX && au >= PRODUCT_MIN && au <= FMA_TERM_MAX && az <= FMA_TERM_MAX) {
    // X = uh + ul + z = th + tl + ul = th + vh + vl = zh + zl + vl, all exact.
    const uh = twoProduct(x, y);
    const ul = eft.err;
    const th = twoSum(z, uh);
    const tl = eft.err;
    const vh = twoSum(tl, ul);
    const vl = eft.err;
    const zh = twoSum(th, vh);
    const zl = eft.err;
    // w = RN(zl + vl) has the sign of X - zh and is zero only when X = zh.
    const w = zl + vl;
    if (w === 0) {
      if (zh !== 0) return writeDouble(zh, ctx);
      ctx.lo = 0; // exact cancellation
      ctx.hi = rm === RoundingMode.RDN ? SIGN : 0;
      return;
    }
    const azh = Math.abs(zh);
    if (azh >= PRODUCT_MIN) {
      // zh = RN(X) if |X - zh| is below half the gap to the neighbour on X's
      // side; RN is monotonic, so |w| < |h| implies it. Otherwise (X within
      // about 2^-106 relative of a midpoint) use the exact path.
      const neighbour = w > 0 === zh > 0 ? nextAway(zh) : nextTowardZero(zh);
      const h = (neighbour - zh) * 0.5;
      if (Math.abs(w) < Math.abs(h)) return writeInexact(zh, w, rm, ctx);
    }
  } else if (au < PRODUCT_MIN && az >= 2 ** -800 && az <= FMA_TERM_MAX) {
    // The product is below a quarter ulp of z: X = z + tiny, never a midpoint.
    const tiny = (aHi ^ bHi) < 0 ? -NOT_A_TIE : NOT_A_TIE;
    return writeInexact(z, tiny, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, ctx);
  }
  f64MulAddSlow(aLo, aHi, bLo, bHi, cLo, cHi, rm, ctx);
}

/** fmadd.d: a * b + c. */
export function f64MulAdd(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi, rm, ctx);
}

/** fmsub.d: a * b - c. */
export function f64MulSub(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi, bLo, bHi, cLo, cHi ^ SIGN, rm, ctx);
}

/** fnmsub.d: -(a * b) + c. */
export function f64NegMulSub(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi ^ SIGN, bLo, bHi, cLo, cHi, rm, ctx);
}

/** fnmadd.d: -(a * b) - c. */
export function f64NegMulAdd(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number, ctx: FloatContext): void {
  fma(aLo, aHi ^ SIGN, bLo, bHi, cLo, cHi ^ SIGN, rm, ctx);
}
