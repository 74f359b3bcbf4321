import { describe, expect, it } from 'vitest';
import { decode } from '../../src/decode/decoder.js';
import { textWords } from './helpers.js';
import { prng } from './random-rows.js';

/** Runs a straight-line lui/addi/addiw/slli sequence (compressed forms included) and returns the registers. */
function evaluate(words: readonly number[]): bigint[] {
  const x = new Array<bigint>(32).fill(0n);
  const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
  for (const word of words) {
    const d = decode(word);
    if (!d) throw new Error(`illegal word ${word.toString(16)}`);
    const rs1 = x[d.rs1]!;
    const imm = BigInt(d.imm);
    let value: bigint;
    switch (d.spec.name) {
      case 'lui':
        value = BigInt.asIntN(32, BigInt.asUintN(20, imm) << 12n);
        break;
      case 'addi':
        value = s64(rs1 + imm);
        break;
      case 'addiw':
        value = BigInt.asIntN(32, rs1 + imm);
        break;
      case 'slli':
        value = s64(rs1 << imm);
        break;
      default:
        throw new Error(`li produced ${d.spec.name}`);
    }
    if (d.rd !== 0) x[d.rd] = value;
  }
  return x;
}

const TRICKY: bigint[] = [
  0n,
  1n,
  -1n,
  2047n,
  -2048n,
  2048n,
  -2049n,
  0x7ffn,
  0x800n,
  0xfffn,
  0x1000n,
  0x7ffff7ffn,
  0x7ffff800n,
  0x7fffffffn,
  0x80000000n,
  -0x80000000n,
  -0x80000001n,
  0xffffffffn,
  0x100000000n,
  0x0000000100000001n,
  0x7fffffffffffffffn,
  -0x8000000000000000n,
  0x123456789abcdef0n,
  -0x123456789abcdef0n,
  0x00000fff00000fffn,
  0xfffffffffffff800n,
  0x8000000000000800n,
  0x7ffffffffffff800n,
  0x0000000080000800n,
  0xaaaaaaaaaaaaaaaan,
  0x5555555555555555n,
  0x0000ffff0000ffffn,
  0xffffffff00000000n,
  0x00000000fffff800n,
];

describe('li', () => {
  for (const compress of [false, true]) {
    it(`loads every tricky 64-bit constant in at most 8 instructions (${compress ? 'compressed' : '32-bit'})`, () => {
      const next = prng(9);
      const values = [...TRICKY];
      for (let i = 0; i < 300; i++) values.push(BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next())));
      for (let i = 0; i < 64; i++) values.push(BigInt.asIntN(64, 1n << BigInt(i)), BigInt.asIntN(64, (1n << BigInt(i)) - 1n));
      for (const v of values) {
        for (const reg of [10, 31]) {
          const words = textWords(`li x${reg}, ${v}`, { compress });
          expect(words.length, `li ${v}`).toBeLessThanOrEqual(8);
          const x = evaluate(words);
          expect(BigInt.asIntN(64, x[reg]!), `li x${reg}, ${v}`).toBe(BigInt.asIntN(64, v));
        }
      }
    });
  }

  it('takes unsigned spellings of negative values and expressions', () => {
    expect(textWords('li a0, 0xffffffffffffffff')).toEqual(textWords('li a0, -1'));
    expect(textWords('.equ K, 1 << 40\nli a0, K + 3')).toEqual(textWords('li a0, 0x10000000003'));
  });

  it('uses one addi for 12-bit values and lui(+addiw) for 32-bit ones', () => {
    expect(textWords('li a0, -5')).toEqual(textWords('addi a0, zero, -5'));
    expect(textWords('li a0, 0x12345000')).toEqual(textWords('lui a0, 0x12345'));
    expect(textWords('li a0, 0x12345678')).toEqual(textWords('lui a0, 0x12345\naddiw a0, a0, 0x678'));
  });
});
