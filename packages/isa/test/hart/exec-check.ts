/**
 * Property checks of register instructions against BigInt models: random
 * 64-bit operands (edge values favoured), random registers including x0 and
 * rd aliasing a source.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { INSTRUCTION_BY_NAME } from '../../src/table/index.js';
import { createMachine, encode, execute, getX, RAM_BASE } from './harness.js';
import { int64, s64 } from './int64-reference.js';

const machine = createMachine();

const register = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(0), fc.constantFrom(1, 5, 31));

const RUNS = { numRuns: 600 };

/** Executes one instruction word and checks rd against the model, x0 and the next pc. */
function runOne(word: number, rd: number, regs: Record<number, bigint>, want: (r: Record<number, bigint>) => bigint): void {
  // The model sees what the registers hold after aliasing (x0 reads 0).
  const seen: Record<number, bigint> = {};
  for (const [r, v] of Object.entries(regs)) seen[Number(r)] = Number(r) === 0 ? 0n : v;
  const h = execute(machine, word, regs);
  // No trap (it would vector to mtvec = 0) and no jump.
  expect(h.pc).toBe(RAM_BASE + 4);
  expect(getX(h, 0)).toBe(0n);
  if (rd !== 0) expect(getX(h, rd)).toBe(s64(want(seen)));
}

/** rd = model(rs1, rs2) for an R-type instruction. */
export function checkRegReg(name: string, model: (a: bigint, b: bigint) => bigint): void {
  fc.assert(
    fc.property(register, register, register, int64, int64, (rd, rs1, rs2, a, b) => {
      const regs: Record<number, bigint> = {};
      regs[rs1] = a;
      regs[rs2] = b; // rs2 wins when rs1 === rs2
      runOne(encode(name, { rd, rs1, rs2 }), rd, regs, (r) => model(r[rs1]!, r[rs2]!));
    }),
    RUNS,
  );
}

/** rd = model(rs1, imm) for an instruction with an immediate (range from the table's field). */
export function checkRegImm(name: string, model: (a: bigint, imm: number) => bigint): void {
  const spec = INSTRUCTION_BY_NAME.get(name)!;
  const field = spec.fields.find((f) => f.slot === 'imm')!;
  const min = field.kind === 'simm' ? -(2 ** (field.width - 1)) : 0;
  const max = field.kind === 'simm' ? 2 ** (field.width - 1) - 1 : 2 ** field.width - 1;
  const imm = fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, 0, 1, Math.min(max, 31), Math.min(max, 32)));
  fc.assert(
    fc.property(register, register, int64, imm, (rd, rs1, a, i) => {
      runOne(encode(name, { rd, rs1, imm: i }), rd, { [rs1]: a }, (r) => model(r[rs1]!, i));
    }),
    RUNS,
  );
}

/** rd = model(rs1) for a unary instruction. */
export function checkUnary(name: string, model: (a: bigint) => bigint): void {
  fc.assert(
    fc.property(register, register, int64, (rd, rs1, a) => {
      runOne(encode(name, { rd, rs1 }), rd, { [rs1]: a }, (r) => model(r[rs1]!));
    }),
    RUNS,
  );
}

/** Sign-extends the low 32 bits (W instruction results). */
export function sext32(v: bigint): bigint {
  return BigInt.asIntN(32, v);
}

/** The low 32 bits as unsigned. */
export function zext32(v: bigint): bigint {
  return BigInt.asUintN(32, v);
}
