/**
 * BigInt reference model for 64-bit values held as int32 halves, and
 * fast-check arbitraries that favour the edge values of 64-bit arithmetic.
 */
import fc from 'fast-check';

export const MASK64 = (1n << 64n) - 1n;

/** Signed 64-bit value of a BigInt (wrapping). */
export function s64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Unsigned 64-bit value of a BigInt (wrapping). */
export function u64(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

/** The halves [lo, hi] (int32 each) of a 64-bit value. */
export function halves(v: bigint): [number, number] {
  const u = u64(v);
  return [Number(BigInt.asIntN(32, u)), Number(BigInt.asIntN(32, u >> 32n))];
}

/** The signed 64-bit value of halves. */
export function fromHalves(lo: number, hi: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}

/** Values where 64-bit arithmetic tends to go wrong. */
export const EDGE_VALUES: readonly bigint[] = (() => {
  const base = [
    0n,
    1n,
    2n,
    3n,
    7n,
    10n,
    0x7fn,
    0x80n,
    0xffn,
    0x7fffn,
    0x8000n,
    0xffffn,
    (1n << 31n) - 1n,
    1n << 31n,
    (1n << 32n) - 1n,
    1n << 32n,
    (1n << 32n) + 1n,
    (1n << 52n) - 1n,
    1n << 52n,
    (1n << 53n) - 1n,
    1n << 53n,
    (1n << 53n) + 1n,
    (1n << 62n) + 12345n,
    (1n << 63n) - 1n,
    0x0123456789abcdefn,
    0x5555555555555555n,
  ];
  const out = new Set<bigint>();
  for (const v of base) {
    out.add(s64(v));
    out.add(s64(-v));
  }
  out.add(s64(1n << 63n));
  return [...out];
})();

/** A signed 64-bit value: edges, small numbers, 32-bit, near 2^53, or anything. */
export const int64: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(...EDGE_VALUES),
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(1n << 31n), max: (1n << 32n) - 1n }),
  fc.bigInt({ min: -(1n << 54n), max: 1n << 54n }),
  // Few bits set, high bits included (shifts, counts).
  fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 63 })).map(([a, b]) => s64((1n << BigInt(a)) | (1n << BigInt(b)))),
);

/** Halves of a random 64-bit value. */
export const int64Halves: fc.Arbitrary<[number, number]> = int64.map(halves);

/** A 32-bit value (int32) with edge values favoured. */
export const int32: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 0x7fffffff, -0x80000000, 0x7fff, 0x8000, 0xffff, -0x8000, 31, 32, 63, 64),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  fc.integer({ min: -64, max: 64 }),
);

/** Runs a writer `(out, at, ...)` and returns its 64-bit result as a signed BigInt. */
export function result64(write: (out: Int32Array, at: number) => void): bigint {
  const out = new Int32Array(4).fill(0x5a5a5a5a);
  write(out, 1);
  return fromHalves(out[1]!, out[2]!);
}
