/**
 * Accrued exception flags, with the bit positions of the RISC-V fflags CSR
 * (unprivileged spec, "Floating-Point Control and Status Register").
 */
export const FFlag = {
  /** Inexact. */
  NX: 1,
  /** Underflow (tiny after rounding and inexact). */
  UF: 2,
  /** Overflow. */
  OF: 4,
  /** Divide by zero. */
  DZ: 8,
  /** Invalid operation. */
  NV: 16,
} as const;
