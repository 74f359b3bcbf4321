/**
 * Where a hart's registers live. The integer and float register files sit in
 * the same WebAssembly.Memory as guest RAM (DESIGN.md) so a later
 * translator to WebAssembly reads and writes the very same bytes.
 *
 * Layout of one hart's block (little endian):
 *   [0, 256)    x0..x31, 8 bytes each (low word at 8*i, high word at 8*i+4)
 *   [256, 512)  f0..f31, 8 bytes each, raw IEEE bits (singles NaN-boxed)
 *   [512, 1024) reserved for pc and hot CSRs when the translator needs them
 */
export const HART_STATE_BYTES = 1024;
export const X_OFFSET = 0;
export const F_OFFSET = 256;

export interface RegisterFile {
  /** x registers as int32 halves: x[2*i] low word, x[2*i+1] high word. x[0], x[1] read as zero. */
  readonly x: Int32Array;
  /** f registers as int32 halves, same layout. */
  readonly f: Int32Array;
  /** f registers as doubles (aliases `f`). */
  readonly fd: Float64Array;
}

/** Views of a hart's register block at `offset` in `buffer` (8-byte aligned). */
export function registerFileAt(buffer: ArrayBuffer, offset: number): RegisterFile {
  if (offset % 8 !== 0) throw new RangeError(`register block offset ${offset} is not 8-byte aligned`);
  return {
    x: new Int32Array(buffer, offset + X_OFFSET, 64),
    f: new Int32Array(buffer, offset + F_OFFSET, 64),
    fd: new Float64Array(buffer, offset + F_OFFSET, 32),
  };
}
