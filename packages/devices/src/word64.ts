import type { Word64 } from '@rvhv/mmu';

/**
 * Unsigned 64-bit arithmetic on int32 halves for device registers (mtime,
 * mtimecmp, virtqueue addresses): devices follow the same no-BigInt rule
 * as the hart, so registers can be read and written as two 32-bit halves.
 */

export const TWO_32 = 4294967296;

/** Splits a non-negative integer (exact below 2^53) into halves. */
export function splitWord(value: number, out: Word64): Word64 {
  out.lo = value % TWO_32 | 0;
  out.hi = Math.floor(value / TWO_32) | 0;
  return out;
}

/** hi:lo as a number (exact below 2^53, rounded above). */
export function joinWord(lo: number, hi: number): number {
  return (hi >>> 0) * TWO_32 + (lo >>> 0);
}

/** Unsigned aHi:aLo >= bHi:bLo. */
export function atLeast64(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  const ah = aHi >>> 0;
  const bh = bHi >>> 0;
  return ah !== bh ? ah > bh : aLo >>> 0 >= bLo >>> 0;
}

/** (aHi:aLo + bHi:bLo) modulo 2^64 into `out`. */
export function add64(aLo: number, aHi: number, bLo: number, bHi: number, out: Word64): Word64 {
  const lo = (aLo >>> 0) + (bLo >>> 0);
  out.lo = lo | 0;
  out.hi = (aHi + bHi + (lo >= TWO_32 ? 1 : 0)) | 0;
  return out;
}

/** (aHi:aLo - bHi:bLo) modulo 2^64 into `out`. */
export function sub64(aLo: number, aHi: number, bLo: number, bHi: number, out: Word64): Word64 {
  const lo = (aLo >>> 0) - (bLo >>> 0);
  out.lo = lo | 0;
  out.hi = (aHi - bHi - (lo < 0 ? 1 : 0)) | 0;
  return out;
}

/**
 * (a * m + c) modulo 2^64 into `out`, exactly, for integers 0 <= a < 2^53,
 * 0 <= m < 2^32, 0 <= c < 2^32 (e.g. seconds * 1e9 + nanoseconds): `a` is
 * split into 16-bit limbs so every partial product stays below 2^53.
 */
export function mulAdd64(a: number, m: number, c: number, out: Word64): Word64 {
  const a0 = a % 65536;
  const a1 = Math.floor(a / 65536) % 65536;
  const a2 = Math.floor(a / TWO_32) % 65536;
  const a3 = Math.floor(a / 281474976710656) % 65536;
  const low = a0 * m + c + (a1 * m % 65536) * 65536;
  const carry = Math.floor(low / TWO_32);
  const high = carry + Math.floor((a1 * m) / 65536) + a2 * m + ((a3 * m) % 65536) * 65536;
  out.lo = low % TWO_32 | 0;
  out.hi = high % TWO_32 | 0;
  return out;
}
