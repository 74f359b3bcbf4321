import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, decode, matchInstruction, type Decoded } from '@rvhv/isa';
import { prng, randomInstance } from './random-operands.js';

function slotValue(d: Decoded, slot: string): number | undefined {
  switch (slot) {
    case 'rd':
      return d.rd;
    case 'rs1':
      return d.rs1;
    case 'rs2':
      return d.rs2;
    case 'rs3':
      return d.rs3;
    case 'imm':
      return d.imm;
    case 'csr':
      return d.csr;
    case 'rm':
      return d.rm;
    default:
      return undefined;
  }
}

describe('every table row', () => {
  it.each(INSTRUCTIONS.map((s) => [s.name, s] as const))('%s decodes from random operands back to itself', (_n, spec) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.boolean(), (seed, biased) => {
        const { word, values } = randomInstance(spec, prng(seed), { biased });
        expect(matchInstruction(word)).toBe(spec);
        const d = decode(word)!;
        expect(d.source).toBe(spec);
        expect(d.length).toBe(spec.length);
        expect(d.raw).toBe(word);
        if (spec.expand) return; // slots are the expansion's: see compressed.test.ts
        expect(d.spec).toBe(spec);
        for (const [f, value] of values) {
          if (f.slot === 'aqrl') continue;
          const got = slotValue(d, f.slot);
          if (got !== undefined) expect(got, f.name).toBe(value);
        }
        if (spec.ordering) {
          const [aq, rl] = spec.ordering;
          expect(d.aqrl).toBe((values.get(aq!)! << 1) | values.get(rl!)!);
        }
      }),
      { numRuns: 100 },
    );
  });
});
