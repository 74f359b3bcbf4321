import { describe, expect, it } from 'vitest';
import { checkRegImm, checkRegReg, checkUnary, sext32, zext32 } from './exec-check.js';
import { createMachine, encode, execute, getX } from './harness.js';
import { s64, u64 } from './int64-reference.js';

const b = BigInt;

function clzN(v: bigint, bits: number): bigint {
  let n = 0;
  for (let i = bits - 1; i >= 0 && ((v >> b(i)) & 1n) === 0n; i--) n++;
  return b(n);
}

function ctzN(v: bigint, bits: number): bigint {
  let n = 0;
  for (let i = 0; i < bits && ((v >> b(i)) & 1n) === 0n; i++) n++;
  return b(n);
}

function popcount(v: bigint): bigint {
  return b([...v.toString(2)].filter((c) => c === '1').length);
}

function rotr(v: bigint, s: bigint, bits: bigint): bigint {
  const mask = (1n << bits) - 1n;
  const x = v & mask;
  return ((x >> s) | (x << ((bits - s) % bits))) & mask;
}

function bytesOf(v: bigint): bigint[] {
  return Array.from({ length: 8 }, (_, i) => (u64(v) >> b(8 * i)) & 0xffn);
}

describe('Zba', () => {
  it('add.uw', () => checkRegReg('add.uw', (a, c) => c + zext32(a)));
  for (const n of [1, 2, 3]) {
    it(`sh${n}add`, () => checkRegReg(`sh${n}add`, (a, c) => c + (a << b(n))));
    it(`sh${n}add.uw`, () => checkRegReg(`sh${n}add.uw`, (a, c) => c + (zext32(a) << b(n))));
  }
  it('slli.uw', () => checkRegImm('slli.uw', (a, i) => zext32(a) << b(i)));
});

describe('Zbb', () => {
  const regReg: [string, (a: bigint, c: bigint) => bigint][] = [
    ['andn', (a, c) => a & ~c],
    ['orn', (a, c) => a | ~c],
    ['xnor', (a, c) => ~(a ^ c)],
    ['max', (a, c) => (a > c ? a : c)],
    ['maxu', (a, c) => (u64(a) > u64(c) ? a : c)],
    ['min', (a, c) => (a < c ? a : c)],
    ['minu', (a, c) => (u64(a) < u64(c) ? a : c)],
    ['rol', (a, c) => rotr(a, (64n - (c & 63n)) % 64n, 64n)],
    ['ror', (a, c) => rotr(a, c & 63n, 64n)],
    ['rolw', (a, c) => sext32(rotr(a, (32n - (c & 31n)) % 32n, 32n))],
    ['rorw', (a, c) => sext32(rotr(a, c & 31n, 32n))],
  ];
  for (const [name, model] of regReg) it(name, () => checkRegReg(name, model));

  const unary: [string, (a: bigint) => bigint][] = [
    ['clz', (a) => clzN(u64(a), 64)],
    ['ctz', (a) => ctzN(u64(a), 64)],
    ['cpop', (a) => popcount(u64(a))],
    ['clzw', (a) => clzN(zext32(a), 32)],
    ['ctzw', (a) => ctzN(zext32(a), 32)],
    ['cpopw', (a) => popcount(zext32(a))],
    ['sext.b', (a) => BigInt.asIntN(8, a)],
    ['sext.h', (a) => BigInt.asIntN(16, a)],
    ['zext.h', (a) => BigInt.asUintN(16, a)],
    ['orc.b', (a) => bytesOf(a).reduce((acc, byte, i) => acc | ((byte !== 0n ? 0xffn : 0n) << b(8 * i)), 0n)],
    ['rev8', (a) => bytesOf(a).reduce((acc, byte) => (acc << 8n) | byte, 0n)],
  ];
  for (const [name, model] of unary) it(name, () => checkUnary(name, model));

  it('rori', () => checkRegImm('rori', (a, i) => rotr(a, b(i), 64n)));
  it('roriw', () => checkRegImm('roriw', (a, i) => sext32(rotr(a, b(i), 32n))));

  it('counts of zero are the register width', () => {
    const m = createMachine();
    const run = (name: string, a: bigint): bigint => getX(execute(m, encode(name, { rd: 10, rs1: 11 }), { 11: a }), 10);
    expect(run('clz', 0n)).toBe(64n);
    expect(run('ctz', 0n)).toBe(64n);
    expect(run('clzw', 0x1_0000_0000n)).toBe(32n);
    expect(run('ctzw', 0x1_0000_0000n)).toBe(32n);
    expect(run('cpopw', -1n)).toBe(32n);
    expect(run('rev8', 0x0102030405060708n)).toBe(0x0807060504030201n);
  });
});

describe('Zbs', () => {
  const regReg: [string, (a: bigint, c: bigint) => bigint][] = [
    ['bclr', (a, c) => a & ~(1n << (c & 63n))],
    ['bset', (a, c) => a | (1n << (c & 63n))],
    ['binv', (a, c) => a ^ (1n << (c & 63n))],
    ['bext', (a, c) => (u64(a) >> (c & 63n)) & 1n],
  ];
  for (const [name, model] of regReg) {
    it(name, () => checkRegReg(name, model));
    it(`${name}i`, () => checkRegImm(`${name}i`, (a, i) => model(a, b(i))));
  }
  it('bit 63 and bit 31 land in the right half', () => {
    const m = createMachine();
    const run = (name: string, a: bigint, i: number): bigint =>
      getX(execute(m, encode(name, { rd: 10, rs1: 11, imm: i }), { 11: a }), 10);
    expect(run('bseti', 0n, 63)).toBe(s64(1n << 63n));
    expect(run('bseti', 0n, 31)).toBe(1n << 31n);
    expect(run('bexti', -1n, 63)).toBe(1n);
    expect(run('bclri', -1n, 32)).toBe(s64(~(1n << 32n)));
  });
});

describe('Zicond', () => {
  it('czero.eqz', () => checkRegReg('czero.eqz', (a, c) => (c === 0n ? 0n : a)));
  it('czero.nez', () => checkRegReg('czero.nez', (a, c) => (c !== 0n ? 0n : a)));
  it('looks at all 64 bits of the condition', () => {
    const m = createMachine();
    const h = execute(m, encode('czero.eqz', { rd: 10, rs1: 11, rs2: 12 }), { 11: 7n, 12: 1n << 40n });
    expect(getX(h, 10)).toBe(7n);
  });
});
