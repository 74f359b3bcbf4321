import type { Decoded } from '../../decode/decoder.js';
import { Exception } from '../causes.js';
import type { Hart } from '../hart.js';

/** The illegal-instruction trap for the instruction being executed (tval = its bits). */
export function illegal(h: Hart, d: Decoded): void {
  h.raise(Exception.illegalInstruction, d.raw);
}

/**
 * The virtual-instruction trap (H spec 8.6.1): an HS-qualified instruction
 * that V=1 may not execute. tval is written as for an illegal instruction.
 */
export function virtualInstruction(h: Hart, d: Decoded): void {
  h.raise(Exception.virtualInstruction, d.raw);
}
