/**
 * Error-free transformations on doubles (Knuth's TwoSum; Dekker's
 * TwoProduct with Veltkamp splitting): s + err equals the exact result.
 * They return the rounded value and leave the error in `eft.err`, so that
 * the hot paths allocate nothing.
 */
// Initialised with a non-integer so that the field holds doubles from the start.
export const eft = { err: 0.5 };

/** a + b = s + eft.err exactly, for any finite a, b whose sum does not overflow. */
export function twoSum(a: number, b: number): number {
  const s = a + b;
  const bv = s - a;
  eft.err = a - (s - bv) + (b - bv);
  return s;
}

const SPLITTER = 134217729; // 2^27 + 1

/**
 * a * b = p + eft.err exactly, provided |a|, |b| <= 2^995 (the splitting does
 * not overflow), |p| <= 2^1021 and |p| >= 2^-969 (the partial products and the
 * error are not affected by underflow).
 */
export function twoProduct(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  eft.err = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}
