import { describe, expect, it } from 'vitest';
import { add64, atLeast64, mulAdd64, sub64 } from '../src/word64.js';

const big = (w: { lo: number; hi: number }): bigint => (BigInt(w.hi >>> 0) << 32n) | BigInt(w.lo >>> 0);
const MASK = (1n << 64n) - 1n;

describe('word64', () => {
  it('multiplies and adds exactly modulo 2^64', () => {
    const cases: Array<[number, number, number]> = [
      [0, 1e9, 5],
      [1_700_000_000, 1e9, 999_999_999],
      [1_700_000_000_123, 1e6, 0],
      [Number.MAX_SAFE_INTEGER, 0xffff_ffff, 0xffff_ffff],
      [2 ** 40 + 12345, 65537, 3],
    ];
    for (const [a, m, c] of cases) {
      expect(big(mulAdd64(a, m, c, { lo: 0, hi: 0 }))).toBe((BigInt(a) * BigInt(m) + BigInt(c)) & MASK);
    }
  });

  it('adds, subtracts and compares unsigned', () => {
    expect(big(add64(-1, -1, 1, 0, { lo: 0, hi: 0 }))).toBe(0n);
    expect(big(add64(-1, 0, 1, 0, { lo: 0, hi: 0 }))).toBe(1n << 32n);
    expect(big(sub64(0, 0, 1, 0, { lo: 0, hi: 0 }))).toBe(MASK);
    expect(big(sub64(0, 1, 1, 0, { lo: 0, hi: 0 }))).toBe(0xffff_ffffn);
    expect(atLeast64(0, -1, -1, 0x7fff_ffff)).toBe(true);
    expect(atLeast64(5, 1, 6, 1)).toBe(false);
    expect(atLeast64(6, 1, 6, 1)).toBe(true);
  });
});
