/**
 * Whole encodings that objdump prints under a name of their own although
 * they are instances of a table row: they are no rows here, so the decoder
 * never sees two rows for one word.
 */

/** `unimp` (GNU as): csrrw x0, cycle, x0, a write to a read-only CSR that traps. */
const UNIMP = 0xc0001073;
/** Zihintpause `pause`: fence w,0 with fm, rs1 and rd zero. */
const PAUSE = 0x0100000f;
/** fence.tso: fm = 1000, pred = succ = rw (rs1 and rd are ignored). */
const FENCE_TSO_MASK = 0xfff0707f;
const FENCE_TSO = 0x8330000f;

/** The text for an encoding with a name of its own, or undefined. */
export function fixedEncoding(word: number, length: 2 | 4, aliases: boolean): string | undefined {
  if (length === 2) {
    // The all-zero parcel is reserved (illegal); GNU tools call it c.unimp.
    return word === 0 ? (aliases ? 'unimp' : 'c.unimp') : undefined;
  }
  if (word === UNIMP) return 'unimp';
  if (word === PAUSE) return 'pause';
  if (((word & FENCE_TSO_MASK) >>> 0) === FENCE_TSO) return 'fence.tso';
  return undefined;
}
