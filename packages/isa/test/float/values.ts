// Test support: bit patterns of binary32/binary64 values as BigInt register
// contents, and named special values.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** binary32 bits of x, which must be exactly representable. */
export function S(x: number): bigint {
  f32[0] = x;
  if (f32[0] !== x && x === x) throw new Error(`${x} is not a binary32 value`);
  return BigInt(u32[0]!);
}

/** binary64 bits of x. */
export function D(x: number): bigint {
  f64[0] = x;
  return u64[0]!;
}

/** A 64-bit integer register holding the (signed or unsigned) integer v. */
export function X(v: bigint | number): bigint {
  return BigInt.asUintN(64, BigInt(v));
}

export const S_MIN_SUB = 0x00000001n;
export const S_MAX_SUB = 0x007fffffn;
export const S_MIN_NORM = 0x00800000n;
export const S_MAX = 0x7f7fffffn;
export const S_INF = 0x7f800000n;
export const S_NEG_INF = 0xff800000n;
export const S_QNAN = 0x7fc00000n;
export const S_SNAN = 0x7f800001n;
export const S_NEG = 0x80000000n;

export const D_MIN_SUB = 0x0000000000000001n;
export const D_MIN_NORM = 0x0010000000000000n;
export const D_MAX = 0x7fefffffffffffffn;
export const D_INF = 0x7ff0000000000000n;
export const D_NEG_INF = 0xfff0000000000000n;
export const D_QNAN = 0x7ff8000000000000n;
export const D_SNAN = 0x7ff0000000000001n;
export const D_NEG = 0x8000000000000000n;

export const NX = 1;
export const UF = 2;
export const OF = 4;
export const DZ = 8;
export const NV = 16;

export const RNE = 0;
export const RTZ = 1;
export const RDN = 2;
export const RUP = 3;
export const RMM = 4;
