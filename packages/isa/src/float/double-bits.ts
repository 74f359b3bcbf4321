/**
 * Moving values between JS numbers and raw IEEE bit patterns through one
 * shared scratch buffer (no allocation), and stepping to adjacent doubles.
 *
 * NaNs are never read out of the scratch buffer as numbers by this module's
 * callers: JS engines may canonicalize NaN payloads, so NaN inputs are
 * recognised from their raw bits and NaN results are canonical constants.
 */
const scratch = new ArrayBuffer(8);
const f64 = new Float64Array(scratch);
const f32 = new Float32Array(scratch);
const i32 = new Int32Array(scratch);
/** The scratch double and its words, for hot code that must not call out (see f64-core.ts). */
export const SCRATCH_F64 = f64;
export const SCRATCH_I32 = i32;

/** Index of the low / high word of a double in `i32` (host byte order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
export const LO = LITTLE_ENDIAN ? 0 : 1;
export const HI = LITTLE_ENDIAN ? 1 : 0;
/** Index of a float in `i32`/`f32` (both views start at byte 0). */
const W = 0;

/** The double with bit pattern hi:lo. */
export function doubleFromHalves(lo: number, hi: number): number {
  i32[LO] = lo;
  i32[HI] = hi;
  return f64[0];
}

/** The binary32 value with bit pattern `bits`, as a (exactly equal) double. */
export function floatFromBits(bits: number): number {
  i32[W] = bits;
  return f32[W];
}

/** The bit pattern (uint32) of `x`, which must be exactly representable in binary32. */
export function floatBits(x: number): number {
  f32[W] = x;
  return i32[W] >>> 0;
}

/** Low word (int32) of the bit pattern of `x`. Call `highWord()` right after for the high word. */
export function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO];
}

/** High word (int32) of the double last passed to `lowWord` or `writeDouble`. */
export function highWord(): number {
  return i32[HI];
}

/** Write the bit pattern of `x` into out.lo / out.hi. */
export function writeDouble(x: number, out: { lo: number; hi: number }): void {
  f64[0] = x;
  out.lo = i32[LO];
  out.hi = i32[HI];
}

/** The double adjacent to finite, non-zero `x` with the larger magnitude (may be infinite). */
export function nextAway(x: number): number {
  f64[0] = x;
  const lo = i32[LO];
  if (lo === -1) i32[HI] = i32[HI] + 1;
  i32[LO] = lo + 1;
  return f64[0];
}

/** The double adjacent to finite, non-zero `x` with the smaller magnitude (may be zero). */
export function nextTowardZero(x: number): number {
  f64[0] = x;
  const lo = i32[LO];
  if (lo === 0) i32[HI] = i32[HI] - 1;
  i32[LO] = lo - 1;
  return f64[0];
}

/**
 * Round-to-odd fix-up (Boldo and Melquiond, "Emulation of FMA and correctly
 * rounded sums: proved algorithms using rounding to odd", IEEE TC 2008):
 * given s = RN(X) and the sign of the exact error X - s (err != 0), return
 * the double bracketing X whose last significand bit is 1. A value rounded to
 * odd with 53 bits rounds correctly to any precision <= 51 in any direction.
 * `s` must be a normal double.
 */
export function roundToOddFromNearest(s: number, err: number): number {
  f64[0] = s;
  const lo = i32[LO];
  if ((lo & 1) !== 0) return s;
  // lo is even: adding 1 cannot carry; subtracting 1 borrows when lo is 0.
  if (err > 0 === s > 0) {
    i32[LO] = lo + 1;
  } else {
    if (lo === 0) i32[HI] = i32[HI] - 1;
    i32[LO] = lo - 1;
  }
  return f64[0];
}
