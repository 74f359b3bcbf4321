/**
 * What every F/D instruction handler shares: the float context the
 * soft-float module works in, the checks that may make an instruction
 * illegal (mstatus.FS = Off, an invalid rounding mode), reading singles out
 * of NaN-boxes (for sign injection; the float module's register entry points
 * unbox the operands of everything else), and the side effects of a result
 * on fflags and mstatus.FS.
 *
 * f registers are int32 halves: `h.f[2r]` low word, `h.f[2r + 1]` high word.
 * Handlers read every source before they write a destination (rd may name a
 * source) and never allocate.
 */
import type { Decoded } from '../../decode/decoder.js';
import { createFloatContext, RoundingMode, unboxF32 } from '../../float/index.js';
import type { Hart } from '../hart.js';
import { illegal } from './instruction-faults.js';

/**
 * The one context of the executor's float operations: instructions run one
 * at a time, so a module-level context is never shared by two in flight.
 * A handler clears `flags` before its operation and accrues them after.
 */
export const ctx = createFloatContext();

/** The largest valid rounding mode (RMM); 5 and 6 are reserved, 7 (DYN) means frm. */
const RM_MAX = RoundingMode.RMM;

/**
 * Whether the float unit may be used; raises illegal instruction when not.
 * With mstatus.FS = Off (or vsstatus.FS = Off while V=1, H spec 8.2.10) every
 * F/D instruction is illegal (privileged spec 3.1.6.6).
 */
export function floatOn(h: Hart, d: Decoded): boolean {
  if (h.floatEnabled()) return true;
  illegal(h, d);
  return false;
}

/**
 * The rounding mode of an instruction with an rm field, or -1 after raising
 * illegal instruction. rm = 7 (DYN) takes frm; an effective mode of 5, 6 or
 * 7 is reserved and the instruction is illegal (unprivileged spec,
 * "Floating-Point Control and Status Register"). The float unit must be on.
 *
 * The check applies to the exact conversions (fcvt.d.s, fcvt.d.w,
 * fcvt.d.wu) too, whose rounding mode cannot change the result: their rm
 * field is still a rounding-mode field, and Spike (`RM` in decode_macros.h),
 * QEMU (gen_set_rm) and the Sail model all trap on an invalid one.
 */
export function roundingMode(h: Hart, d: Decoded): number {
  if (!h.floatEnabled()) {
    illegal(h, d);
    return -1;
  }
  const rm = d.rm === RoundingMode.DYN ? h.frm : d.rm;
  if (rm > RM_MAX) {
    illegal(h, d);
    return -1;
  }
  return rm;
}

/**
 * The binary32 operand (uint32 bits) in f[r]: its low word when the register
 * holds a properly NaN-boxed single, else the canonical NaN (unprivileged
 * spec, "NaN Boxing of Narrower Values"). Every single-precision operation
 * but the transfers (fsw, fmv.x.w) reads its operands this way.
 */
export function readF32(h: Hart, r: number): number {
  return unboxF32(h.f[r * 2]!, h.f[r * 2 + 1]!);
}

/** Accrues the flags the last operation raised; a change of fflags makes the float state dirty. */
export function accrue(h: Hart): void {
  const raised = ctx.flags;
  if (raised !== 0) {
    h.fflags |= raised;
    h.markFloatDirty();
  }
}

/** After an operation that wrote an f register: accrues its flags; FS = Dirty. */
export function wroteF(h: Hart): void {
  h.fflags |= ctx.flags;
  h.markFloatDirty();
}
