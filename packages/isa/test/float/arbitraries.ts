// Test support: fast-check arbitraries for operands that reach the corners
// of IEEE arithmetic far more often than uniform bit patterns do: signed
// zeros, subnormals, the normal/subnormal boundary, the overflow boundary,
// infinities, quiet and signalling NaNs, values near integers and near the
// integer conversion limits, and significands with long runs of ones/zeros.
import fc from 'fast-check';
import type { Kind } from './float-ops.js';
import { createFloatContext } from '../../src/float/index.js';
import { BINARY32, BINARY64, mulSlow } from '../../src/float/softfloat-slow.js';

interface Layout {
  fracBits: number;
  expBits: number;
}

const F32: Layout = { fracBits: 23, expBits: 8 };
const F64: Layout = { fracBits: 52, expBits: 11 };

function pack(l: Layout, sign: bigint, exp: bigint, frac: bigint): bigint {
  return (sign << BigInt(l.fracBits + l.expBits)) | (exp << BigInt(l.fracBits)) | frac;
}

function fraction(l: Layout): fc.Arbitrary<bigint> {
  const bits = BigInt(l.fracBits);
  const all = (1n << bits) - 1n;
  return fc.oneof(
    fc.bigInt({ min: 0n, max: all }),
    fc.constantFrom(0n, all, 1n, all - 1n, 1n << (bits - 1n), (1n << (bits - 1n)) - 1n, (1n << (bits - 1n)) + 1n),
    // A few significant bits at the top, the rest zero: exact-ish products and sums.
    fc.nat({ max: 255 }).map((v) => BigInt(v) << (bits - 8n)),
    // Runs of ones reaching the bottom: values just below a power of two or a midpoint.
    fc.nat({ max: l.fracBits }).map((n) => all >> BigInt(n)),
  );
}

/** Biased exponents near the interesting places: 0 (subnormal), 1, the bias (1.0), the top. */
function exponent(l: Layout): fc.Arbitrary<bigint> {
  const max = (1 << l.expBits) - 1;
  const bias = (1 << (l.expBits - 1)) - 1;
  const near = (c: number, d: number): fc.Arbitrary<bigint> =>
    fc.integer({ min: Math.max(0, c - d), max: Math.min(max, c + d) }).map(BigInt);
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max }).map(BigInt), weight: 3 },
    { arbitrary: near(0, 2), weight: 2 },
    { arbitrary: near(bias, 4), weight: 3 },
    { arbitrary: near(bias + 31, 2), weight: 1 }, // 2^31 boundary
    { arbitrary: near(bias + 63, 2), weight: 1 }, // 2^63 / 2^64 boundary
    { arbitrary: near(max - 1, 2), weight: 2 },
    { arbitrary: near(bias + l.fracBits, 2), weight: 1 }, // ulp = 1: integers and halves
    // binary32's subnormal, normal and overflow boundaries inside binary64 (fcvt.s.d).
    { arbitrary: l === F64 ? fc.constantFrom(-150, -149, -148, -127, -126, -125, 127, 128).chain((c) => near(bias + c, 1)) : near(bias, 1), weight: 2 },
  );
}

function floatBits(l: Layout): fc.Arbitrary<bigint> {
  return fc
    .tuple(fc.constantFrom(0n, 1n), exponent(l), fraction(l))
    .map(([s, e, f]) => pack(l, s, e, f));
}

export const f32Bits: fc.Arbitrary<bigint> = fc.oneof(
  { arbitrary: floatBits(F32), weight: 8 },
  { arbitrary: fc.bigInt({ min: 0n, max: 0xffffffffn }), weight: 2 },
);

export const f64Bits: fc.Arbitrary<bigint> = fc.oneof(
  { arbitrary: floatBits(F64), weight: 8 },
  { arbitrary: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), weight: 2 },
);

/** Integer register contents: small, near 2^31/2^32/2^53/2^63/2^64 limits, or random. */
export const xBits: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: -1000n, max: 1000n }).map((v) => BigInt.asUintN(64, v)),
  fc
    .tuple(fc.constantFrom(24n, 25n, 31n, 32n, 53n, 54n, 63n, 64n), fc.bigInt({ min: -300n, max: 300n }))
    .map(([p, d]) => BigInt.asUintN(64, (1n << p) + d)),
  fc
    .tuple(fc.nat({ max: 63 }), fc.bigInt({ min: 0n, max: 0xffffffn }), fc.boolean())
    .map(([sh, m, neg]) => BigInt.asUintN(64, (neg ? -m : m) << BigInt(sh))),
  // Zero-extended and sign-extended 32-bit values.
  fc.integer().map((v) => BigInt.asUintN(64, BigInt(v))),
);

export function operand(kind: Kind): fc.Arbitrary<bigint> {
  return kind === 'f32' ? f32Bits : kind === 'f64' ? f64Bits : xBits;
}

/**
 * Operand tuples for an operation. For three-operand fma the addend is often
 * built from the product so that the sum cancels heavily, where a separate
 * multiply and add would round differently.
 */
export function operands(args: readonly Kind[]): fc.Arbitrary<bigint[]> {
  const plain = fc.tuple(...args.map(operand));
  if (args.length !== 3) return plain;
  const f = args[0] === 'f32' ? BINARY32 : BINARY64;
  const cancelling = fc
    .tuple(operand(args[0]!), operand(args[0]!), fc.integer({ min: 0, max: 4 }), fc.bigInt({ min: -3n, max: 3n }))
    .map(([a, b, rm, delta]) => {
      const product = mulSlow(f, a, b, rm, createFloatContext());
      const c = BigInt.asUintN(f.width, (product ^ f.signBit) + delta);
      return [a, b, c];
    });
  return fc.oneof(plain, cancelling);
}
