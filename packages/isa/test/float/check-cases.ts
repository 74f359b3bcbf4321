// Test support: run a table of expected results against both the fast and
// the reference implementation of each operation.
import { describe, expect, it } from 'vitest';
import { floatOp, run, RM_NAMES } from './float-ops.js';

/** [mnemonic, rounding mode, operands, expected result register, expected flags, what it shows] */
export type Case = [string, number, bigint[], bigint, number, string];

const hex = (v: bigint): string => `0x${v.toString(16)}`;

export function checkCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const [name, rm, ops, want, flags, why] of cases) {
      const op = floatOp(name);
      const label = `${name}.${RM_NAMES[rm]}(${ops.map(hex).join(', ')}) = ${hex(want)} flags ${flags}: ${why}`;
      it(label, () => {
        expect(run(op.fast, ops, rm), 'fast').toEqual([want, flags]);
        if (op.slow) expect(run(op.slow, ops, rm), 'reference').toEqual([want, flags]);
      });
    }
  });
}
