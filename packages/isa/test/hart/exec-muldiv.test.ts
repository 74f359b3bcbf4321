import { describe, expect, it } from 'vitest';
import { checkRegReg, sext32, zext32 } from './exec-check.js';
import { createMachine, encode, execute, getX } from './harness.js';
import { u64 } from './int64-reference.js';

const MIN64 = -(1n << 63n);
const MIN32 = -(1n << 31n);

/** Truncating division with the RISC-V results for x/0 and overflow (unprivileged spec table 13.1). */
function div(a: bigint, c: bigint, min: bigint): bigint {
  if (c === 0n) return -1n;
  if (a === min && c === -1n) return min;
  return a / c;
}

function rem(a: bigint, c: bigint, min: bigint): bigint {
  if (c === 0n) return a;
  if (a === min && c === -1n) return 0n;
  return a % c;
}

describe('M extension', () => {
  const models: [string, (a: bigint, c: bigint) => bigint][] = [
    ['mul', (a, c) => a * c],
    ['mulh', (a, c) => (a * c) >> 64n],
    ['mulhsu', (a, c) => (a * u64(c)) >> 64n],
    ['mulhu', (a, c) => (u64(a) * u64(c)) >> 64n],
    ['div', (a, c) => div(a, c, MIN64)],
    ['divu', (a, c) => (c === 0n ? -1n : u64(a) / u64(c))],
    ['rem', (a, c) => rem(a, c, MIN64)],
    ['remu', (a, c) => (c === 0n ? a : u64(a) % u64(c))],
    ['mulw', (a, c) => sext32(a * c)],
    ['divw', (a, c) => sext32(div(sext32(a), sext32(c), MIN32))],
    ['divuw', (a, c) => (zext32(c) === 0n ? -1n : sext32(zext32(a) / zext32(c)))],
    ['remw', (a, c) => sext32(rem(sext32(a), sext32(c), MIN32))],
    ['remuw', (a, c) => (zext32(c) === 0n ? sext32(a) : sext32(zext32(a) % zext32(c)))],
  ];
  for (const [name, model] of models) it(name, () => checkRegReg(name, model));

  it('division by zero and signed overflow give the architectural results', () => {
    const m = createMachine();
    const run = (name: string, a: bigint, c: bigint): bigint =>
      getX(execute(m, encode(name, { rd: 10, rs1: 11, rs2: 12 }), { 11: a, 12: c }), 10);
    expect(run('div', 5n, 0n)).toBe(-1n);
    expect(run('divu', 5n, 0n)).toBe(-1n);
    expect(run('rem', -5n, 0n)).toBe(-5n);
    expect(run('remu', -5n, 0n)).toBe(-5n);
    expect(run('div', MIN64, -1n)).toBe(MIN64);
    expect(run('rem', MIN64, -1n)).toBe(0n);
    expect(run('divw', MIN32, -1n)).toBe(MIN32);
    expect(run('remw', MIN32, -1n)).toBe(0n);
    expect(run('divw', 0x1_0000_0005n, 0x1_0000_0000n)).toBe(-1n); // the divisor's low word is 0
    expect(run('remuw', 0x1_8000_0005n, 0n)).toBe(-0x7ffffffbn); // remainder = dividend, sign-extended from 32 bits
    expect(run('divuw', -1n, 1n)).toBe(-1n); // 0xffffffff / 1, sign-extended
  });

  it('mulh/mulhsu/mulhu on the extreme values', () => {
    const m = createMachine();
    const run = (name: string, a: bigint, c: bigint): bigint =>
      getX(execute(m, encode(name, { rd: 10, rs1: 11, rs2: 12 }), { 11: a, 12: c }), 10);
    expect(run('mulhu', -1n, -1n)).toBe(-2n);
    expect(run('mulh', MIN64, MIN64)).toBe(1n << 62n);
    expect(run('mulh', MIN64, -1n)).toBe(0n);
    expect(run('mulhsu', -1n, -1n)).toBe(-1n);
    expect(run('mulhsu', MIN64, -1n)).toBe(MIN64);
  });
});
