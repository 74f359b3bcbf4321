/**
 * Sign injection (fsgnj, fsgnjn, fsgnjx): pure bit operations that raise no
 * flags and do not canonicalize NaNs. binary64 variants only touch the high
 * half, so they take and return high halves (int32); the low half of the
 * result is the first operand's.
 */
const SIGN = 0x80000000;
const MAGNITUDE = 0x7fffffff;

/** fsgnj.s: a's magnitude with b's sign. */
export function f32Sgnj(a: number, b: number): number {
  return ((a & MAGNITUDE) | (b & SIGN)) >>> 0;
}
/** fsgnjn.s: a's magnitude with the opposite of b's sign (fneg.s when a = b). */
export function f32Sgnjn(a: number, b: number): number {
  return ((a & MAGNITUDE) | (~b & SIGN)) >>> 0;
}
/** fsgnjx.s: a with its sign XOR b's sign (fabs.s when a = b). */
export function f32Sgnjx(a: number, b: number): number {
  return (a ^ (b & SIGN)) >>> 0;
}
/** fsgnj.d high half. */
export function f64SgnjHi(aHi: number, bHi: number): number {
  return (aHi & MAGNITUDE) | (bHi & SIGN);
}
/** fsgnjn.d high half. */
export function f64SgnjnHi(aHi: number, bHi: number): number {
  return (aHi & MAGNITUDE) | (~bHi & SIGN);
}
/** fsgnjx.d high half. */
export function f64SgnjxHi(aHi: number, bHi: number): number {
  return aHi ^ (bHi & SIGN);
}
