/**
 * 64-bit register values as addresses. Virtual addresses that the hart can
 * use (Bare up to 2^53, and every canonical Sv39/Sv48 address) are exact as
 * JS numbers when read as signed 64-bit values; that lets pc and addresses
 * be plain numbers on the hot path.
 */

const TWO_32 = 4294967296;

/** The signed 64-bit value hi:lo as a number (exact when |value| < 2^53). */
export function toSignedNumber(lo: number, hi: number): number {
  return hi * TWO_32 + (lo >>> 0);
}

/** Low 32 bits of a number holding a signed 64-bit value (exact for |value| < 2^53). */
export function lowWord(value: number): number {
  return value | 0;
}

/** High 32 bits (signed) of a number holding a signed 64-bit value. */
export function highWord(value: number): number {
  return Math.floor(value / TWO_32) | 0;
}

/** Whether a number is an exact 64-bit value (its halves round-trip). */
export function isExactAddress(value: number): boolean {
  return Number.isSafeInteger(value);
}
