/**
 * Rounding a binary64 result in any mode from its round-to-nearest-even value
 * and the exact error, as the fast paths of f64-arith.ts and convert.ts
 * obtain them from error-free transformations.
 */
import { nextAway, nextTowardZero } from './double-bits.js';
import { FFlag } from './fflags.js';
import type { FloatContext } from './float-context.js';
import { RoundingMode } from './rounding-mode.js';

/** An error-sign stand-in that is never half an ulp of a normal double: for operations whose exact result is never a midpoint. */
export const NOT_A_TIE = Number.MIN_VALUE;

/**
 * The result under rm of an inexact operation, from its round-to-nearest-even
 * value s (a normal, finite double) and the exact error err = X - s (or, for
 * operations whose exact result is never a midpoint, anything of the error's
 * sign that is not half an ulp of s). Since s is the nearest double to X, the
 * correctly rounded result in any mode is s or its neighbour on X's side.
 * Raises OF when the step reaches infinity.
 */
export function roundF64Directed(s: number, err: number, rm: number, ctx: FloatContext): number {
  let r = s;
  switch (rm) {
    case RoundingMode.RTZ:
      if (err > 0 !== s > 0) r = nextTowardZero(s);
      break;
    case RoundingMode.RDN:
      if (err < 0) r = s > 0 ? nextTowardZero(s) : nextAway(s);
      break;
    case RoundingMode.RUP:
      if (err > 0) r = s > 0 ? nextAway(s) : nextTowardZero(s);
      break;
    case RoundingMode.RMM:
      // A tie that RNE resolved towards zero: err is half the gap above |s|.
      if (err > 0 === s > 0) {
        const away = nextAway(s);
        if (2 * err === away - s) r = away;
      }
      break;
    default:
  }
  if (r - r !== 0) ctx.flags |= FFlag.OF;
  return r;
}

/** The inexact result whose nearest-even value is s and exact error err, with NX (see roundF64Directed). */
export function roundF64Inexact(s: number, err: number, rm: number, ctx: FloatContext): number {
  ctx.flags |= FFlag.NX;
  return rm === RoundingMode.RNE ? s : roundF64Directed(s, err, rm, ctx);
}
