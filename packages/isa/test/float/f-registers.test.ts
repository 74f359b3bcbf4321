// The register-file API (f-registers.ts) against the value API: for random
// operands in random (possibly aliased) registers, every instruction leaves
// the same result bits and flags as the value-level operation, binary32
// operands are unboxed (a bad box reads as the canonical NaN) and binary32
// results are NaN-boxed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fr from '../../src/float/f-registers.js';
import { createFloatContext, type FloatContext, type FloatRegisters } from '../../src/float/index.js';
import { operand } from './arbitraries.js';
import { FLOAT_OPS, RMS, run, type Kind } from './float-ops.js';

/** Instruction operands: register numbers (f) or x register contents (x). */
interface Insn {
  rd: number;
  rs: number[];
  x: bigint;
}

type RegImpl = (r: FloatRegisters, i: Insn, rm: number, ctx: FloatContext) => void | number;

const lo = (v: bigint): number => Number(BigInt.asIntN(32, v));
const hi = (v: bigint): number => Number(BigInt.asIntN(32, v >> 32n));

/** The register function of each mnemonic, with a uniform calling shape. */
const REG: Record<string, RegImpl> = {
  'fadd.s': (r, i, rm, c) => fr.faddS(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fsub.s': (r, i, rm, c) => fr.fsubS(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fmul.s': (r, i, rm, c) => fr.fmulS(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fdiv.s': (r, i, rm, c) => fr.fdivS(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fsqrt.s': (r, i, rm, c) => fr.fsqrtS(r, i.rd, i.rs[0]!, rm, c),
  'fadd.d': (r, i, rm, c) => fr.faddD(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fsub.d': (r, i, rm, c) => fr.fsubD(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fmul.d': (r, i, rm, c) => fr.fmulD(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fdiv.d': (r, i, rm, c) => fr.fdivD(r, i.rd, i.rs[0]!, i.rs[1]!, rm, c),
  'fsqrt.d': (r, i, rm, c) => fr.fsqrtD(r, i.rd, i.rs[0]!, rm, c),
  'fmadd.s': (r, i, rm, c) => fr.fmaddS(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fmsub.s': (r, i, rm, c) => fr.fmsubS(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fnmsub.s': (r, i, rm, c) => fr.fnmsubS(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fnmadd.s': (r, i, rm, c) => fr.fnmaddS(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fmadd.d': (r, i, rm, c) => fr.fmaddD(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fmsub.d': (r, i, rm, c) => fr.fmsubD(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fnmsub.d': (r, i, rm, c) => fr.fnmsubD(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fnmadd.d': (r, i, rm, c) => fr.fnmaddD(r, i.rd, i.rs[0]!, i.rs[1]!, i.rs[2]!, rm, c),
  'fmin.s': (r, i, _rm, c) => fr.fminS(r, i.rd, i.rs[0]!, i.rs[1]!, c),
  'fmax.s': (r, i, _rm, c) => fr.fmaxS(r, i.rd, i.rs[0]!, i.rs[1]!, c),
  'fmin.d': (r, i, _rm, c) => fr.fminD(r, i.rd, i.rs[0]!, i.rs[1]!, c),
  'fmax.d': (r, i, _rm, c) => fr.fmaxD(r, i.rd, i.rs[0]!, i.rs[1]!, c),
  'feq.s': (r, i, _rm, c) => fr.feqS(r, i.rs[0]!, i.rs[1]!, c),
  'flt.s': (r, i, _rm, c) => fr.fltS(r, i.rs[0]!, i.rs[1]!, c),
  'fle.s': (r, i, _rm, c) => fr.fleS(r, i.rs[0]!, i.rs[1]!, c),
  'feq.d': (r, i, _rm, c) => fr.feqD(r, i.rs[0]!, i.rs[1]!, c),
  'flt.d': (r, i, _rm, c) => fr.fltD(r, i.rs[0]!, i.rs[1]!, c),
  'fle.d': (r, i, _rm, c) => fr.fleD(r, i.rs[0]!, i.rs[1]!, c),
  'fclass.s': (r, i) => fr.fclassS(r, i.rs[0]!),
  'fclass.d': (r, i) => fr.fclassD(r, i.rs[0]!),
  'fcvt.s.d': (r, i, rm, c) => fr.fcvtSD(r, i.rd, i.rs[0]!, rm, c),
  'fcvt.d.s': (r, i, _rm, c) => fr.fcvtDS(r, i.rd, i.rs[0]!, c),
  'fcvt.w.s': (r, i, rm, c) => fr.fcvtWS(r, i.rs[0]!, rm, c),
  'fcvt.wu.s': (r, i, rm, c) => fr.fcvtWuS(r, i.rs[0]!, rm, c),
  'fcvt.l.s': (r, i, rm, c) => fr.fcvtLS(r, i.rs[0]!, rm, c),
  'fcvt.lu.s': (r, i, rm, c) => fr.fcvtLuS(r, i.rs[0]!, rm, c),
  'fcvt.w.d': (r, i, rm, c) => fr.fcvtWD(r, i.rs[0]!, rm, c),
  'fcvt.wu.d': (r, i, rm, c) => fr.fcvtWuD(r, i.rs[0]!, rm, c),
  'fcvt.l.d': (r, i, rm, c) => fr.fcvtLD(r, i.rs[0]!, rm, c),
  'fcvt.lu.d': (r, i, rm, c) => fr.fcvtLuD(r, i.rs[0]!, rm, c),
  'fcvt.s.w': (r, i, rm, c) => fr.fcvtSW(r, i.rd, lo(i.x), rm, c),
  'fcvt.s.wu': (r, i, rm, c) => fr.fcvtSWu(r, i.rd, lo(i.x), rm, c),
  'fcvt.s.l': (r, i, rm, c) => fr.fcvtSL(r, i.rd, lo(i.x), hi(i.x), rm, c),
  'fcvt.s.lu': (r, i, rm, c) => fr.fcvtSLu(r, i.rd, lo(i.x), hi(i.x), rm, c),
  'fcvt.d.w': (r, i) => fr.fcvtDW(r, i.rd, lo(i.x)),
  'fcvt.d.wu': (r, i) => fr.fcvtDWu(r, i.rd, lo(i.x)),
  'fcvt.d.l': (r, i, rm, c) => fr.fcvtDL(r, i.rd, lo(i.x), hi(i.x), rm, c),
  'fcvt.d.lu': (r, i, rm, c) => fr.fcvtDLu(r, i.rd, lo(i.x), hi(i.x), rm, c),
};

const BOX = 0xffffffff00000000n;
const F32_CANONICAL_NAN = 0x7fc00000n;

function registers(): FloatRegisters & { u: BigUint64Array } {
  const buffer = new ArrayBuffer(256);
  return { f: new Int32Array(buffer), fd: new Float64Array(buffer), u: new BigUint64Array(buffer) };
}

/** A register's contents for an operand: binary32 values are NaN-boxed, or (sometimes) not. */
const registerValue = (kind: Kind): fc.Arbitrary<{ reg: bigint; value: bigint }> =>
  kind === 'f32'
    ? fc.tuple(operand('f32'), fc.oneof({ arbitrary: fc.constant(BOX >> 32n), weight: 9 }, fc.bigInt({ min: 0n, max: 0xffffffffn })))
        .map(([v, top]) => ({ reg: (top << 32n) | v, value: top === 0xffffffffn ? v : F32_CANONICAL_NAN }))
    : operand(kind).map((v) => ({ reg: v, value: v }));

const register = fc.integer({ min: 0, max: 31 });

describe('register-file API agrees with the value API', () => {
  for (const op of FLOAT_OPS) {
    const reg = REG[op.name];
    it(op.name, () => {
      expect(reg, `no register function for ${op.name}`).toBeDefined();
      const fArgs = op.args.filter((k) => k !== 'x');
      const arb = fc.record({
        vals: fc.tuple(...fArgs.map(registerValue)),
        rs: fc.uniqueArray(register, { minLength: fArgs.length, maxLength: fArgs.length }),
        rd: register,
        x: operand('x'),
        rm: fc.constantFrom(...RMS),
        aliased: fc.boolean(), // e.g. fadd.d f3, f3, f3
      });
      fc.assert(
        fc.property(arb, ({ vals: distinct, rs: distinctRs, rd, x, rm, aliased }) => {
          const vals = aliased ? distinct.map(() => distinct[0]!) : distinct;
          const rs = aliased ? distinctRs.map(() => distinctRs[0]!) : distinctRs;
          const r = registers();
          vals.forEach((v, k) => (r.u[rs[k]!] = v.reg));
          const before = r.u.slice();
          const ctx = createFloatContext();
          const returned = reg!(r, { rd, rs, x }, rm, ctx);

          const operands = op.args[0] === 'x' ? [x] : vals.map((v) => v.value);
          const [want, wantFlags] = run(op.fast, operands, rm);
          expect(ctx.flags).toBe(wantFlags);
          const expectedRegs = before.slice();
          if (op.result === 'x') {
            const got = typeof returned === 'number' ? BigInt.asUintN(64, BigInt(returned)) : BigInt.asUintN(64, (BigInt(ctx.hi) << 32n) | BigInt(ctx.lo >>> 0));
            expect(got).toBe(want);
          } else {
            expectedRegs[rd] = op.result === 'f32' ? BOX | want : want;
          }
          expect([...r.u]).toEqual([...expectedRegs]);
        }),
        { numRuns: 1500 },
      );
    });
  }
});
