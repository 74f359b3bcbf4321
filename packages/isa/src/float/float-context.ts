/**
 * The caller-owned state every operation of this module works on: exception
 * flags accrue into `flags` (OR-ed in, never cleared here), and operations with
 * a 64-bit result (binary64 values, 64-bit integers) write it into `lo`/`hi`
 * as two int32 halves, so that no operation allocates.
 *
 * The executor typically keeps one context per hart, sets `flags = 0` before
 * an instruction and ORs a non-zero result into fflags afterwards.
 */
export interface FloatContext {
  /** Accrued FFlag bits. */
  flags: number;
  /** Low 32 bits of the last 64-bit result (int32). */
  lo: number;
  /** High 32 bits of the last 64-bit result (int32). */
  hi: number;
}

export function createFloatContext(): FloatContext {
  return { flags: 0, lo: 0, hi: 0 };
}
