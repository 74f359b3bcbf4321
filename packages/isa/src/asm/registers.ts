import { FREG_NAMES, ROUNDING_MODE_NAMES, XREG_NAMES } from '../disasm/operand-format.js';

/**
 * Register and operand names the assembler accepts: xN/fN and the ABI names
 * (psABI "Register Convention"; `fp` is another name of s0), taken from the
 * disassembler's name lists so both sides spell them the same way.
 */

const XREGS = new Map<string, number>();
const FREGS = new Map<string, number>();
for (let i = 0; i < 32; i++) {
  XREGS.set(`x${i}`, i);
  XREGS.set(XREG_NAMES[i]!, i);
  FREGS.set(`f${i}`, i);
  FREGS.set(FREG_NAMES[i]!, i);
}
XREGS.set('fp', 8);

/** Number of integer register `name` (x0..x31, zero, ra, sp, ..., fp), or undefined. */
export function parseXReg(name: string): number | undefined {
  return XREGS.get(name);
}

/** Number of float register `name` (f0..f31, ft0, fa0, fs0, ...), or undefined. */
export function parseFReg(name: string): number | undefined {
  return FREGS.get(name);
}

/** Rounding mode value of `name` (rne, rtz, rdn, rup, rmm, dyn), or undefined. */
export function parseRoundingMode(name: string): number | undefined {
  const i = ROUNDING_MODE_NAMES.indexOf(name);
  return i >= 0 && name !== 'unknown' ? i : undefined;
}

const FENCE_BITS: Readonly<Record<string, number>> = { i: 8, o: 4, r: 2, w: 1 };

/** A fence predecessor/successor set written as letters from 'iorw', or undefined. */
export function parseFenceSet(text: string): number | undefined {
  let bits = 0;
  for (const c of text) {
    const bit = FENCE_BITS[c];
    if (bit === undefined || bits & bit) return undefined;
    bits |= bit;
  }
  return text.length > 0 ? bits : undefined;
}
