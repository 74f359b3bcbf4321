/**
 * NaN-boxing of binary32 values in the 64-bit f registers of a hart with the
 * D extension (unprivileged spec, "NaN Boxing of Narrower Values"): a single
 * is stored with the upper 32 bits all 1s; a single-precision operand whose
 * upper bits are not all 1s reads as the canonical NaN.
 */
import { F32_CANONICAL_NAN } from './nan.js';

/** The upper half (int32) of a NaN-boxed binary32 value. */
export const F32_BOX_HI = -1;

/** The binary32 bits (uint32) an instruction reads from an f register holding hi:lo. */
export function unboxF32(lo: number, hi: number): number {
  return (hi | 0) === F32_BOX_HI ? lo >>> 0 : F32_CANONICAL_NAN;
}
