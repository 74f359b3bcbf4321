/**
 * Every F/D operation through the hart against the float module's
 * references (test/float/float-ops.ts: the BigInt reference where there is
 * one): random operands that favour IEEE corners, random registers with
 * aliasing, static and dynamic rounding modes, and flags accrued on top of
 * the ones already set. This checks the executor's wiring: which registers
 * it reads (singles unboxed), where the result goes (singles NaN-boxed,
 * 32-bit integers sign-extended), which rounding mode applies, how flags
 * accrue and when FS becomes Dirty.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../src/table/index.js';
import { ExtensionState } from '../../src/hart/mstatus.js';
import { unimplementedInstructions } from '../../src/hart/exec/handlers.js';
import { RoundingMode } from '../../src/float/index.js';
import { operands as operandTuples } from '../float/arbitraries.js';
import { FLOAT_OPS, run as runImpl } from '../float/float-ops.js';
import { BOX, completed, fsState, getF, runFloat, setF, setFs } from './exec-float-check.js';
import { createMachine, getX } from './harness.js';
import { u64 } from './int64-reference.js';

const machine = createMachine();
const register = fc.oneof(fc.integer({ min: 0, max: 31 }), fc.constantFrom(0, 1, 10, 31));
/** A static rounding mode (0..4) or DYN with frm = 0..4. */
const rounding = fc.record({ rm: fc.constantFrom(0, 1, 2, 3, 4, RoundingMode.DYN), frm: fc.integer({ min: 0, max: 4 }) });
const RUNS = { numRuns: Number(process.env.RVHV_EXEC_FLOAT_RUNS ?? 250) };

describe('F and D handlers', () => {
  it('exist for every F and D row of the instruction table', () => {
    const rows = INSTRUCTIONS.filter((spec) => spec.ext === 'F' || spec.ext === 'D').map((spec) => spec.name);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const missing = new Set(unimplementedInstructions());
    expect(rows.filter((name) => missing.has(name))).toEqual([]);
  });

  it('cover every operation of the float module', () => {
    const names = new Set(INSTRUCTIONS.map((spec) => spec.name));
    expect(FLOAT_OPS.filter((op) => !names.has(op.name)).map((op) => op.name)).toEqual([]);
  });
});

describe.each(FLOAT_OPS.map((op) => [op.name, op] as const))('%s through the hart', (name, op) => {
  const reference = op.slow ?? op.fast;
  const hasRm = op.rounds || name.startsWith('fcvt.');

  it('matches the reference in every rounding mode, with accrued flags and FS', () => {
    fc.assert(
      fc.property(
        operandTuples(op.args),
        fc.array(register, { minLength: 4, maxLength: 4 }),
        rounding,
        fc.integer({ min: 0, max: 31 }),
        (values, [rd, ...sources], { rm, frm }, initialFlags) => {
          const h = machine.hart;
          setFs(h, ExtensionState.Initial);
          const x: Record<number, bigint> = {};
          const fields: Record<string, number> = { rd: rd! };
          op.args.forEach((kind, i) => {
            const r = sources[i]!;
            fields[['rs1', 'rs2', 'rs3'][i]!] = r;
            if (kind === 'x') x[r] = values[i]!;
            else setF(h, r, kind === 'f32' ? BOX | values[i]! : values[i]!);
          });
          if (hasRm) fields.rm = rm;
          // The operands as the instruction sees them after register aliasing (x0 reads 0).
          const seen = op.args.map((kind, i) => {
            const r = sources[i]!;
            if (kind === 'x') return r === 0 ? 0n : u64(x[r]!);
            const bits = getF(h, r);
            return kind === 'f32' ? bits & 0xffffffffn : bits;
          });
          const effectiveRm = rm === RoundingMode.DYN ? frm : rm;
          const [want, wantFlags] = runImpl(reference, seen, op.rounds ? effectiveRm : 0);

          runFloat(machine, name, fields, { x, frm, fflags: initialFlags });
          expect(completed(h)).toBe(true);
          if (op.result === 'f32') expect(getF(h, rd!)).toBe(BOX | want);
          else if (op.result === 'f64') expect(getF(h, rd!)).toBe(want);
          else expect(u64(getX(h, rd!))).toBe(rd === 0 ? 0n : want);
          expect(h.fflags).toBe(initialFlags | wantFlags);
          const writesF = op.result !== 'x';
          expect(fsState(h)).toBe(writesF || wantFlags !== 0 ? ExtensionState.Dirty : ExtensionState.Initial);
        },
      ),
      RUNS,
    );
  });
});
