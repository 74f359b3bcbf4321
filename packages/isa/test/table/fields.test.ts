import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, extractField, fieldAccepts, insertField, type FieldSpec } from '@rvhv/isa';
import { fieldBits, prng, randomFieldValue } from './random-operands.js';

const fields = Object.values(FIELDS) as FieldSpec[];

describe('operand fields', () => {
  it.each(fields.map((f) => [f.name, f] as const))('%s: insert then extract gives the value back', (_name, f) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 0, max: 0xffffffff }), (seed, base) => {
        const value = randomFieldValue(f, prng(seed));
        const word = insertField(f, base >>> 0, value);
        expect(extractField(f, word)).toBe(value);
        // Only the field's own bits change.
        expect(((word ^ base) & ~fieldBits(f)) >>> 0).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it.each(fields.map((f) => [f.name, f] as const))('%s: every bit pattern extracts to an accepted value', (_name, f) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (word) => {
        const value = extractField(f, word >>> 0);
        const reserved = (f.nonzero && value === 0) || (f.excludes?.includes(value) ?? false);
        expect(fieldAccepts(f, value)).toBe(!reserved);
        expect(extractField(f, insertField(f, 0, value))).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('no field has overlapping slices and each slice fits its word', () => {
    for (const f of fields) {
      let seen = 0;
      for (const [hi, lo, at] of f.slices) {
        expect(hi).toBeGreaterThanOrEqual(lo);
        expect(hi).toBeLessThan(f.name.startsWith('c_') ? 16 : 32);
        expect(at + hi - lo).toBeLessThan(f.width);
        const bits = ((1 << (hi - lo + 1)) - 1) << lo;
        expect(seen & bits).toBe(0);
        seen |= bits;
      }
    }
  });

  it('rejects values out of range, misaligned or reserved', () => {
    expect(fieldAccepts(FIELDS.imm_i, 2047)).toBe(true);
    expect(fieldAccepts(FIELDS.imm_i, 2048)).toBe(false);
    expect(fieldAccepts(FIELDS.imm_i, -2048)).toBe(true);
    expect(fieldAccepts(FIELDS.imm_b, 3)).toBe(false);
    expect(fieldAccepts(FIELDS.imm_b, -4096)).toBe(true);
    expect(fieldAccepts(FIELDS.c_uimm8, 8)).toBe(true);
    expect(fieldAccepts(FIELDS.c_uimm8, 4)).toBe(false);
    expect(fieldAccepts(FIELDS.c_uimm8, 256)).toBe(false);
    expect(fieldAccepts(FIELDS.c_rd_p, 7)).toBe(false);
    expect(fieldAccepts(FIELDS.c_rd_p, 8)).toBe(true);
    expect(fieldAccepts(FIELDS.c_rd_p, 15)).toBe(true);
    expect(fieldAccepts(FIELDS.c_rd_p, 16)).toBe(false);
    expect(fieldAccepts(FIELDS.c_nzuimm10, 0)).toBe(false);
    expect(fieldAccepts(FIELDS.c_rd_n2, 2)).toBe(false);
    expect(fieldAccepts(FIELDS.c_rd_n2, 0)).toBe(true);
    expect(fieldAccepts(FIELDS.c_sp, 2)).toBe(true);
    expect(fieldAccepts(FIELDS.c_sp, 3)).toBe(false);
  });

  it("c.lui's immediate is lui's 20-bit value: sign-extended from 6 bits", () => {
    const f = FIELDS.c_nzimm_lui;
    expect(fieldAccepts(f, 0xfffff)).toBe(true);
    expect(fieldAccepts(f, 0xfffe0)).toBe(true);
    expect(fieldAccepts(f, 0x1f)).toBe(true);
    expect(fieldAccepts(f, 0x20)).toBe(false);
    expect(fieldAccepts(f, 0xfffdf)).toBe(false);
    expect(extractField(f, insertField(f, 0, 0xfffe0))).toBe(0xfffe0);
    // c.lui a0, 0xfffff is 0x757d (GNU as).
    expect(extractField(f, 0x757d)).toBe(0xfffff);
  });
});
