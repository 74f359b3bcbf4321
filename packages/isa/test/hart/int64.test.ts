import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add64,
  bswap32,
  clz64,
  cpop32,
  cpop64,
  ctz32,
  ctz64,
  div32,
  div64,
  divu32,
  divu64,
  lt64,
  ltu64,
  mul64,
  mulh64,
  mulhsu64,
  mulhu32,
  mulhu64,
  neg64,
  orcb32,
  rem32,
  rem64,
  remu32,
  remu64,
  rol64,
  ror32,
  ror64,
  sll64,
  sra64,
  srl64,
  sub64,
} from '../../src/hart/int64.js';
import { EDGE_VALUES, fromHalves, halves, int32, int64, result64, s64, u64 } from './int64-reference.js';

type Binary = (out: Int32Array, at: number, aLo: number, aHi: number, bLo: number, bHi: number) => void;

const RUNS = { numRuns: 3000 };

/** Checks a binary 64-bit writer against a BigInt model on random values and on every pair of edge values. */
function checkBinary(fn: Binary, model: (a: bigint, b: bigint) => bigint): void {
  const check = (a: bigint, b: bigint): void => {
    const [aLo, aHi] = halves(a);
    const [bLo, bHi] = halves(b);
    const got = result64((out, at) => fn(out, at, aLo, aHi, bLo, bHi));
    if (got !== s64(model(a, b))) {
      expect.fail(`a=${a} b=${b}: got ${got}, want ${s64(model(a, b))}`);
    }
  };
  for (const a of EDGE_VALUES) for (const b of EDGE_VALUES) check(a, b);
  fc.assert(fc.property(int64, int64, (a, b) => check(a, b)), RUNS);
}

/** Truncating signed division with the RISC-V special cases. */
function divModel(a: bigint, b: bigint): bigint {
  if (b === 0n) return -1n;
  if (a === -(1n << 63n) && b === -1n) return a;
  return a / b;
}

function remModel(a: bigint, b: bigint): bigint {
  if (b === 0n) return a;
  if (a === -(1n << 63n) && b === -1n) return 0n;
  return a % b;
}

describe('int64 add/sub/neg/compare', () => {
  it('add64 wraps like 64-bit addition', () => checkBinary(add64, (a, b) => a + b));
  it('sub64 wraps like 64-bit subtraction', () => checkBinary(sub64, (a, b) => a - b));
  it('neg64 negates (and -2^63 stays -2^63)', () => {
    fc.assert(
      fc.property(int64, (a) => {
        const [lo, hi] = halves(a);
        expect(result64((out, at) => neg64(out, at, lo, hi))).toBe(s64(-a));
      }),
      RUNS,
    );
  });
  it('lt64 and ltu64 compare signed and unsigned', () => {
    const check = (a: bigint, b: bigint): void => {
      const [aLo, aHi] = halves(a);
      const [bLo, bHi] = halves(b);
      expect(lt64(aLo, aHi, bLo, bHi)).toBe(a < b);
      expect(ltu64(aLo, aHi, bLo, bHi)).toBe(u64(a) < u64(b));
    };
    for (const a of EDGE_VALUES) for (const b of EDGE_VALUES) check(a, b);
    fc.assert(fc.property(int64, int64, check), RUNS);
  });
  it('may write the result over an operand array slot', () => {
    const x = new Int32Array([-1, 0, 1, 0]);
    add64(x, 0, x[0]!, x[1]!, x[2]!, x[3]!);
    expect(fromHalves(x[0]!, x[1]!)).toBe(0x1_0000_0000n);
  });
});

describe('int64 shifts and rotates', () => {
  const shifts: [string, (out: Int32Array, at: number, lo: number, hi: number, s: number) => void, (a: bigint, s: bigint) => bigint][] = [
    ['sll64', sll64, (a, s) => a << s],
    ['srl64', srl64, (a, s) => u64(a) >> s],
    ['sra64', sra64, (a, s) => a >> s],
    ['ror64', ror64, (a, s) => (u64(a) >> s) | (u64(a) << ((64n - s) % 64n))],
    ['rol64', rol64, (a, s) => (u64(a) << s) | (u64(a) >> ((64n - s) % 64n))],
  ];
  for (const [name, fn, model] of shifts) {
    it(`${name} by every amount 0..63, using only the low 6 bits`, () => {
      fc.assert(
        fc.property(int64, fc.integer({ min: 0, max: 63 }), fc.integer({ min: -4, max: 4 }), (a, s, high) => {
          const [lo, hi] = halves(a);
          // The count is taken mod 64: callers may pass the whole register word.
          const count = s + high * 64;
          expect(result64((out, at) => fn(out, at, lo, hi, count))).toBe(s64(model(a, BigInt(s))));
        }),
        RUNS,
      );
      for (const a of EDGE_VALUES) {
        const [lo, hi] = halves(a);
        for (let s = 0; s < 64; s++) {
          expect(result64((out, at) => fn(out, at, lo, hi, s))).toBe(s64(model(a, BigInt(s))));
        }
      }
    });
  }
  it('ror32 rotates a word by every amount', () => {
    fc.assert(
      fc.property(int32, fc.integer({ min: 0, max: 31 }), (v, s) => {
        const u = BigInt(v >>> 0);
        const want = Number(BigInt.asIntN(32, (u >> BigInt(s)) | (u << BigInt((32 - s) % 32))));
        expect(ror32(v, s)).toBe(want);
      }),
      RUNS,
    );
  });
});

describe('int64 multiply', () => {
  it('mulhu32 is the exact high word of a 32x32 product', () => {
    fc.assert(
      fc.property(int32, int32, (a, b) => {
        expect(mulhu32(a, b)).toBe(Number((BigInt(a >>> 0) * BigInt(b >>> 0)) >> 32n));
      }),
      { numRuns: 10000 },
    );
    expect(mulhu32(-1, -1)).toBe(0xfffffffe);
  });
  it('mul64 is the low 64 bits', () => checkBinary(mul64, (a, b) => a * b));
  it('mulhu64 is the high 64 bits of the unsigned product', () =>
    checkBinary(mulhu64, (a, b) => (u64(a) * u64(b)) >> 64n));
  it('mulh64 is the high 64 bits of the signed product', () => checkBinary(mulh64, (a, b) => (a * b) >> 64n));
  it('mulhsu64 is the high 64 bits of signed times unsigned', () =>
    checkBinary(mulhsu64, (a, b) => (a * u64(b)) >> 64n));
});

describe('int64 divide', () => {
  it('div64: truncating, /0 = -1, -2^63/-1 = -2^63', () => checkBinary(div64, divModel));
  it('rem64: sign of the dividend, %0 = dividend, -2^63%-1 = 0', () => checkBinary(rem64, remModel));
  it('divu64: unsigned, /0 = 2^64-1', () => checkBinary(divu64, (a, b) => (b === 0n ? -1n : u64(a) / u64(b))));
  it('remu64: unsigned, %0 = dividend', () => checkBinary(remu64, (a, b) => (b === 0n ? a : u64(a) % u64(b))));
  it('divides large dividends by every kind of divisor (all three unsigned paths)', () => {
    const divisor = fc.oneof(
      fc.bigInt({ min: 1n, max: 0xffffn }),
      fc.bigInt({ min: 1n, max: (1n << 32n) - 1n }),
      fc.bigInt({ min: 1n << 32n, max: MAX_U64 }),
      fc.bigInt({ min: 1n, max: MAX_U64 }),
    );
    const dividend = fc.oneof(fc.bigInt({ min: 0n, max: MAX_U64 }), fc.bigInt({ min: 1n << 53n, max: MAX_U64 }));
    fc.assert(
      fc.property(dividend, divisor, (a, b) => {
        const [aLo, aHi] = halves(a);
        const [bLo, bHi] = halves(b);
        expect(u64(result64((o, t) => divu64(o, t, aLo, aHi, bLo, bHi)))).toBe(a / b);
        expect(u64(result64((o, t) => remu64(o, t, aLo, aHi, bLo, bHi)))).toBe(a % b);
      }),
      { numRuns: 10000 },
    );
  });
  it('quotients adjacent to the float estimate are corrected exactly', () => {
    // a = q * b + r with r at both extremes, for divisors >= 2^32.
    fc.assert(
      fc.property(fc.bigInt({ min: 1n << 32n, max: MAX_U64 }), fc.bigInt({ min: 0n, max: MAX_U64 }), fc.boolean(), (b, q0, top) => {
        const q = q0 % (MAX_U64 / b + 1n);
        const a = q * b + (top ? b - 1n : 0n);
        if (a > MAX_U64) return;
        const [aLo, aHi] = halves(a);
        const [bLo, bHi] = halves(b);
        expect(u64(result64((o, t) => divu64(o, t, aLo, aHi, bLo, bHi)))).toBe(q);
      }),
      { numRuns: 5000 },
    );
  });
  it('32-bit division helpers follow divw/divuw/remw/remuw', () => {
    const check = (a: number, b: number): void => {
      const sa = BigInt(a);
      const sb = BigInt(b);
      const ua = BigInt(a >>> 0);
      const ub = BigInt(b >>> 0);
      const w = (v: bigint): number => Number(BigInt.asIntN(32, v));
      expect(div32(a, b)).toBe(b === 0 ? -1 : w(sa / sb));
      expect(rem32(a, b)).toBe(b === 0 ? a : w(sa % sb));
      expect(divu32(a, b)).toBe(b === 0 ? -1 : w(ua / ub));
      expect(remu32(a, b)).toBe(b === 0 ? a : w(ua % ub));
    };
    check(-0x80000000, -1);
    check(-0x80000000, 0);
    check(5, 0);
    fc.assert(fc.property(int32, int32, check), RUNS);
  });
});

describe('int64 bit counts and bytes', () => {
  const popcount = (v: bigint): number => [...u64(v).toString(2)].filter((c) => c === '1').length;
  it('clz64/ctz64/cpop64', () => {
    fc.assert(
      fc.property(int64, (a) => {
        const [lo, hi] = halves(a);
        const u = u64(a);
        expect(clz64(lo, hi)).toBe(u === 0n ? 64 : 64 - u.toString(2).length);
        expect(ctz64(lo, hi)).toBe(u === 0n ? 64 : u.toString(2).length - 1 - u.toString(2).lastIndexOf('1'));
        expect(cpop64(lo, hi)).toBe(popcount(a));
      }),
      RUNS,
    );
  });
  it('ctz32/cpop32 on words', () => {
    expect(ctz32(0)).toBe(32);
    expect(ctz32(-0x80000000)).toBe(31);
    fc.assert(
      fc.property(int32, (v) => {
        expect(cpop32(v)).toBe(popcount(BigInt(v >>> 0)));
        const bits = (v >>> 0).toString(2);
        expect(ctz32(v)).toBe(v === 0 ? 32 : bits.length - 1 - bits.lastIndexOf('1'));
      }),
      RUNS,
    );
  });
  it('bswap32 and orcb32', () => {
    expect(bswap32(0x01020304)).toBe(0x04030201);
    expect(bswap32(-0x80000000 | 0xff)).toBe(-0x1000000 | 0x80);
    expect(orcb32(0x00010080)).toBe(0x00ff00ff);
    expect(orcb32(0)).toBe(0);
    fc.assert(
      fc.property(int32, (v) => {
        let want = 0;
        for (let i = 0; i < 4; i++) if (((v >>> (8 * i)) & 0xff) !== 0) want |= 0xff << (8 * i);
        expect(orcb32(v)).toBe(want);
        expect(bswap32(bswap32(v))).toBe(v);
      }),
      RUNS,
    );
  });
});

const MAX_U64 = (1n << 64n) - 1n;
