// Property: the fast paths (double arithmetic, error-free transformations)
// agree with the exact BigInt reference on every result bit and every flag,
// for operands biased towards the corners of the formats, in all five
// rounding modes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operands } from './arbitraries.js';
import { FLOAT_OPS, RMS, run } from './float-ops.js';

/** Per operation; raise with RVHV_FLOAT_RUNS for a long stress run. */
const RUNS = Number(process.env.RVHV_FLOAT_RUNS ?? 4000);

describe('fast paths agree with the exact reference', () => {
  for (const op of FLOAT_OPS) {
    const slow = op.slow;
    if (!slow) continue;
    it(op.name, () => {
      fc.assert(
        fc.property(operands(op.args), fc.constantFrom(...RMS), (ops, rm) => {
          expect(run(op.fast, ops, rm)).toEqual(run(slow, ops, rm));
        }),
        { numRuns: RUNS },
      );
    });
  }
});
