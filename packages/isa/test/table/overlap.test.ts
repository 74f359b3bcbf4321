import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, extractField, fieldValueAllowed, type InstructionSpec } from '@rvhv/isa';
import { fieldBits } from './random-operands.js';

/**
 * Whether some word matches both rows, counting the fields that reserve
 * values (nonzero/excludes). Those fields cover few bits, so every setting of
 * the bits they cover (and both rows leave open) is tried.
 */
function overlap(a: InstructionSpec, b: InstructionSpec): number | undefined {
  if (a.length !== b.length) return undefined;
  if (((a.match ^ b.match) & a.mask & b.mask) !== 0) return undefined;
  const base = (a.match | b.match) >>> 0;
  const fixed = (a.mask | b.mask) >>> 0;
  const constrained = [...a.fields, ...b.fields].filter((f) => f.nonzero || f.excludes);
  let free = 0;
  for (const f of constrained) free |= fieldBits(f);
  free = (free & ~fixed) >>> 0;
  const positions: number[] = [];
  for (let bit = 0; bit < 32; bit++) if ((free >>> bit) & 1) positions.push(bit);
  expect(positions.length).toBeLessThanOrEqual(16);
  for (let n = 0; n < 1 << positions.length; n++) {
    let word = base;
    positions.forEach((bit, i) => {
      if ((n >>> i) & 1) word |= 1 << bit;
    });
    word >>>= 0;
    const ok = (row: InstructionSpec): boolean => row.fields.every((f) => fieldValueAllowed(f, extractField(f, word)));
    if (ok(a) && ok(b)) return word;
  }
  return undefined;
}

describe('instruction table', () => {
  it('has unique mnemonics', () => {
    const names = INSTRUCTIONS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has no two rows that match the same word (no reliance on decoder ordering)', () => {
    const clashes: string[] = [];
    for (let i = 0; i < INSTRUCTIONS.length; i++) {
      for (let j = i + 1; j < INSTRUCTIONS.length; j++) {
        const a = INSTRUCTIONS[i]!;
        const b = INSTRUCTIONS[j]!;
        const word = overlap(a, b);
        if (word !== undefined) clashes.push(`${a.name} / ${b.name} at 0x${word.toString(16)}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every row a consistent pattern: fields lie in the open bits, the opcode is fixed', () => {
    for (const spec of INSTRUCTIONS) {
      const width = spec.length === 2 ? 0xffff : 0xffffffff;
      for (const f of [...spec.fields, ...(spec.ordering ?? [])]) {
        expect((fieldBits(f) & spec.mask) >>> 0, `${spec.name}.${f.name}`).toBe(0);
        expect((fieldBits(f) & ~width) >>> 0, `${spec.name}.${f.name}`).toBe(0);
      }
      // Fields of one row never share bits, except the same register in two roles.
      let used = 0;
      for (const f of [...spec.fields, ...(spec.ordering ?? [])]) {
        expect((used & fieldBits(f)) >>> 0, `${spec.name}.${f.name}`).toBe(0);
        used |= fieldBits(f);
      }
      expect(spec.mask & 3, spec.name).toBe(3);
      expect((spec.match & 3) === 3, spec.name).toBe(spec.length === 4);
      if (spec.length === 4) expect(spec.mask & 0x7f, spec.name).toBe(0x7f);
      else expect(spec.mask & 0xe003, spec.name).toBe(0xe003);
    }
  });
});
