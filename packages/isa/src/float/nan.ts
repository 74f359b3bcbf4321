/**
 * NaN recognition on raw bit patterns. RISC-V results that are NaN are always
 * the canonical NaN (unprivileged spec, "NaN Generation and Propagation");
 * signalling NaN operands raise NV.
 */
export const F32_CANONICAL_NAN = 0x7fc00000;
export const F64_CANONICAL_NAN_HI = 0x7ff80000;
export const F64_CANONICAL_NAN_LO = 0;

export function f32IsNaN(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000;
}

/** A NaN whose quiet bit (the fraction's most significant bit) is clear. */
export function f32IsSignalingNaN(bits: number): boolean {
  return (bits & 0x7fc00000) === 0x7f800000 && (bits & 0x003fffff) !== 0;
}

export function f64IsNaN(lo: number, hi: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0x000fffff) | lo) !== 0;
}

export function f64IsSignalingNaN(lo: number, hi: number): boolean {
  return (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0x0007ffff) | lo) !== 0;
}
