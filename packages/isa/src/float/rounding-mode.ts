/**
 * IEEE 754 rounding-direction attributes as RISC-V encodes them in the `rm`
 * instruction field and in `frm` (unprivileged spec, "Floating-Point Control
 * and Status Register", table "Rounding mode encoding").
 */
export const RoundingMode = {
  /** Round to nearest, ties to even. */
  RNE: 0,
  /** Round towards zero. */
  RTZ: 1,
  /** Round down (towards -infinity). */
  RDN: 2,
  /** Round up (towards +infinity). */
  RUP: 3,
  /** Round to nearest, ties to max magnitude. */
  RMM: 4,
  /** In the instruction's rm field: use frm. Never valid in frm itself. */
  DYN: 7,
} as const;

/** A rounding mode this module accepts: 0..4 (DYN is resolved by the executor first). */
export type StaticRoundingMode = 0 | 1 | 2 | 3 | 4;

/**
 * Whether `rm` is one of the five rounding modes (0..4). Encodings 5 and 6 are
 * reserved, and 7 (DYN) is valid only in an instruction, where the executor
 * replaces it with frm; an instruction whose effective rounding mode is not
 * valid raises an illegal-instruction exception.
 */
export function isValidRoundingMode(rm: number): rm is StaticRoundingMode {
  return rm >= 0 && rm <= 4 && (rm | 0) === rm;
}
