// Test support: every F/D operation of the float module behind one uniform
// signature (operands and result as 64-bit register contents, BigInt), in
// its fast and its reference (slow) implementation, keyed by the RISC-V
// mnemonic it implements. Used by the corner-case tests, the fast-vs-slow
// property tests and the differential test against qemu-riscv64.
import * as fp from '../../src/float/index.js';
import type { FloatContext } from '../../src/float/index.js';
import * as cs from '../../src/float/convert-slow.js';
import * as s32 from '../../src/float/f32-slow.js';
import * as s64 from '../../src/float/f64-slow.js';

export type Kind = 'f32' | 'f64' | 'x';

export interface FloatOp {
  /** RISC-V mnemonic. */
  name: string;
  /** Operand kinds (x: an integer register, 64 bits). */
  args: Kind[];
  result: Kind;
  /** Whether the instruction has a rounding mode that matters. */
  rounds: boolean;
  fast: Impl;
  slow?: Impl;
}

/** Operands as register contents; returns the result register contents. */
export type Impl = (ops: bigint[], rm: number, ctx: FloatContext) => bigint;

const lo = (v: bigint): number => Number(BigInt.asIntN(32, v));
const hi = (v: bigint): number => Number(BigInt.asIntN(32, v >> 32n));
const u32 = (v: bigint): number => Number(BigInt.asUintN(32, v));
const f32Out = (bits: number): bigint => BigInt(bits >>> 0);
const ctx64 = (ctx: FloatContext): bigint => BigInt.asUintN(64, (BigInt(ctx.hi) << 32n) | BigInt(ctx.lo >>> 0));
/** A 32-bit integer result as the sign-extended x register. */
const xOut32 = (v: number): bigint => BigInt.asUintN(64, BigInt(v | 0));
const xOut = (v: number): bigint => BigInt(v);

type F32Bin = (a: number, b: number, rm: number, ctx: FloatContext) => number;
type F64Bin = (aLo: number, aHi: number, bLo: number, bHi: number, rm: number, ctx: FloatContext) => void;
type F32Ter = (a: number, b: number, c: number, rm: number, ctx: FloatContext) => number;
type F64Ter = (
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  rm: number,
  ctx: FloatContext,
) => void;

const s2 =
  (f: F32Bin): Impl =>
  ([a, b], rm, ctx) =>
    f32Out(f(u32(a!), u32(b!), rm, ctx));
const d2 =
  (f: F64Bin): Impl =>
  ([a, b], rm, ctx) => {
    f(lo(a!), hi(a!), lo(b!), hi(b!), rm, ctx);
    return ctx64(ctx);
  };
const s3 =
  (f: F32Ter): Impl =>
  ([a, b, c], rm, ctx) =>
    f32Out(f(u32(a!), u32(b!), u32(c!), rm, ctx));
const d3 =
  (f: F64Ter): Impl =>
  ([a, b, c], rm, ctx) => {
    f(lo(a!), hi(a!), lo(b!), hi(b!), lo(c!), hi(c!), rm, ctx);
    return ctx64(ctx);
  };

// Negations of the fma core for the slow path (sign flips of the operands).
const S32_SIGN = 0x80000000;
const D_SIGN = 0x80000000 | 0;
const slowFma32 = {
  msub: (a: number, b: number, c: number, rm: number, ctx: FloatContext) =>
    s32.f32MulAddSlow(a, b, (c ^ S32_SIGN) >>> 0, rm, ctx),
  nmsub: (a: number, b: number, c: number, rm: number, ctx: FloatContext) =>
    s32.f32MulAddSlow((a ^ S32_SIGN) >>> 0, b, c, rm, ctx),
  nmadd: (a: number, b: number, c: number, rm: number, ctx: FloatContext) =>
    s32.f32MulAddSlow((a ^ S32_SIGN) >>> 0, b, (c ^ S32_SIGN) >>> 0, rm, ctx),
};
const slowFma64 = {
  msub: (aL: number, aH: number, bL: number, bH: number, cL: number, cH: number, rm: number, ctx: FloatContext) =>
    s64.f64MulAddSlow(aL, aH, bL, bH, cL, cH ^ D_SIGN, rm, ctx),
  nmsub: (aL: number, aH: number, bL: number, bH: number, cL: number, cH: number, rm: number, ctx: FloatContext) =>
    s64.f64MulAddSlow(aL, aH ^ D_SIGN, bL, bH, cL, cH, rm, ctx),
  nmadd: (aL: number, aH: number, bL: number, bH: number, cL: number, cH: number, rm: number, ctx: FloatContext) =>
    s64.f64MulAddSlow(aL, aH ^ D_SIGN, bL, bH, cL, cH ^ D_SIGN, rm, ctx),
};

function op(name: string, args: Kind[], result: Kind, rounds: boolean, fast: Impl, slow?: Impl): FloatOp {
  return slow ? { name, args, result, rounds, fast, slow } : { name, args, result, rounds, fast };
}

export const FLOAT_OPS: readonly FloatOp[] = [
  op('fadd.s', ['f32', 'f32'], 'f32', true, s2(fp.f32Add), s2(s32.f32AddSlow)),
  op('fsub.s', ['f32', 'f32'], 'f32', true, s2(fp.f32Sub), s2(s32.f32SubSlow)),
  op('fmul.s', ['f32', 'f32'], 'f32', true, s2(fp.f32Mul), s2(s32.f32MulSlow)),
  op('fdiv.s', ['f32', 'f32'], 'f32', true, s2(fp.f32Div), s2(s32.f32DivSlow)),
  op(
    'fsqrt.s',
    ['f32'],
    'f32',
    true,
    ([a], rm, ctx) => f32Out(fp.f32Sqrt(u32(a!), rm, ctx)),
    ([a], rm, ctx) => f32Out(s32.f32SqrtSlow(u32(a!), rm, ctx)),
  ),
  op('fadd.d', ['f64', 'f64'], 'f64', true, d2(fp.f64Add), d2(s64.f64AddSlow)),
  op('fsub.d', ['f64', 'f64'], 'f64', true, d2(fp.f64Sub), d2(s64.f64SubSlow)),
  op('fmul.d', ['f64', 'f64'], 'f64', true, d2(fp.f64Mul), d2(s64.f64MulSlow)),
  op('fdiv.d', ['f64', 'f64'], 'f64', true, d2(fp.f64Div), d2(s64.f64DivSlow)),
  op(
    'fsqrt.d',
    ['f64'],
    'f64',
    true,
    ([a], rm, ctx) => {
      fp.f64Sqrt(lo(a!), hi(a!), rm, ctx);
      return ctx64(ctx);
    },
    ([a], rm, ctx) => {
      s64.f64SqrtSlow(lo(a!), hi(a!), rm, ctx);
      return ctx64(ctx);
    },
  ),
  op('fmadd.s', ['f32', 'f32', 'f32'], 'f32', true, s3(fp.f32MulAdd), s3(s32.f32MulAddSlow)),
  op('fmsub.s', ['f32', 'f32', 'f32'], 'f32', true, s3(fp.f32MulSub), s3(slowFma32.msub)),
  op('fnmsub.s', ['f32', 'f32', 'f32'], 'f32', true, s3(fp.f32NegMulSub), s3(slowFma32.nmsub)),
  op('fnmadd.s', ['f32', 'f32', 'f32'], 'f32', true, s3(fp.f32NegMulAdd), s3(slowFma32.nmadd)),
  op('fmadd.d', ['f64', 'f64', 'f64'], 'f64', true, d3(fp.f64MulAdd), d3(s64.f64MulAddSlow)),
  op('fmsub.d', ['f64', 'f64', 'f64'], 'f64', true, d3(fp.f64MulSub), d3(slowFma64.msub)),
  op('fnmsub.d', ['f64', 'f64', 'f64'], 'f64', true, d3(fp.f64NegMulSub), d3(slowFma64.nmsub)),
  op('fnmadd.d', ['f64', 'f64', 'f64'], 'f64', true, d3(fp.f64NegMulAdd), d3(slowFma64.nmadd)),

  op('fmin.s', ['f32', 'f32'], 'f32', false, ([a, b], _rm, ctx) => f32Out(fp.f32Min(u32(a!), u32(b!), ctx))),
  op('fmax.s', ['f32', 'f32'], 'f32', false, ([a, b], _rm, ctx) => f32Out(fp.f32Max(u32(a!), u32(b!), ctx))),
  op('fmin.d', ['f64', 'f64'], 'f64', false, ([a, b], _rm, ctx) => {
    fp.f64Min(lo(a!), hi(a!), lo(b!), hi(b!), ctx);
    return ctx64(ctx);
  }),
  op('fmax.d', ['f64', 'f64'], 'f64', false, ([a, b], _rm, ctx) => {
    fp.f64Max(lo(a!), hi(a!), lo(b!), hi(b!), ctx);
    return ctx64(ctx);
  }),
  op('feq.s', ['f32', 'f32'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f32Eq(u32(a!), u32(b!), ctx))),
  op('flt.s', ['f32', 'f32'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f32Lt(u32(a!), u32(b!), ctx))),
  op('fle.s', ['f32', 'f32'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f32Le(u32(a!), u32(b!), ctx))),
  op('feq.d', ['f64', 'f64'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f64Eq(lo(a!), hi(a!), lo(b!), hi(b!), ctx))),
  op('flt.d', ['f64', 'f64'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f64Lt(lo(a!), hi(a!), lo(b!), hi(b!), ctx))),
  op('fle.d', ['f64', 'f64'], 'x', false, ([a, b], _rm, ctx) => xOut(fp.f64Le(lo(a!), hi(a!), lo(b!), hi(b!), ctx))),
  op('fclass.s', ['f32'], 'x', false, ([a]) => xOut(fp.f32Class(u32(a!)))),
  op('fclass.d', ['f64'], 'x', false, ([a]) => xOut(fp.f64Class(lo(a!), hi(a!)))),

  op(
    'fcvt.s.d',
    ['f64'],
    'f32',
    true,
    ([a], rm, ctx) => f32Out(fp.f64ToF32(lo(a!), hi(a!), rm, ctx)),
    ([a], rm, ctx) => f32Out(cs.f64ToF32Slow(lo(a!), hi(a!), rm, ctx)),
  ),
  op(
    'fcvt.d.s',
    ['f32'],
    'f64',
    false,
    ([a], _rm, ctx) => {
      fp.f32ToF64(u32(a!), ctx);
      return ctx64(ctx);
    },
    ([a], _rm, ctx) => {
      cs.f32ToF64Slow(u32(a!), ctx);
      return ctx64(ctx);
    },
  ),
  ...toInt('s', 'f32'),
  ...toInt('d', 'f64'),
  ...fromInt('s', 'f32'),
  ...fromInt('d', 'f64'),
];

function toInt(suffix: 's' | 'd', kind: 'f32' | 'f64'): FloatOp[] {
  type To32 = (args: number[], rm: number, ctx: FloatContext) => number;
  type To64 = (args: number[], rm: number, ctx: FloatContext) => void;
  const split = (v: bigint): number[] => (kind === 'f32' ? [u32(v)] : [lo(v), hi(v)]);
  const w = (f: To32): Impl => ([a], rm, ctx) => xOut32(f(split(a!), rm, ctx));
  const l =
    (f: To64): Impl =>
    ([a], rm, ctx) => {
      f(split(a!), rm, ctx);
      return ctx64(ctx);
    };
  const pick = <T>(single: T, double: T): T => (kind === 'f32' ? single : double);
  return [
    op(
      `fcvt.w.${suffix}`,
      [kind],
      'x',
      true,
      w(pick<To32>(([a], rm, c) => fp.f32ToI32(a!, rm, c), ([a, b], rm, c) => fp.f64ToI32(a!, b!, rm, c))),
      w(pick<To32>(([a], rm, c) => cs.f32ToI32Slow(a!, rm, c), ([a, b], rm, c) => cs.f64ToI32Slow(a!, b!, rm, c))),
    ),
    op(
      `fcvt.wu.${suffix}`,
      [kind],
      'x',
      true,
      w(pick<To32>(([a], rm, c) => fp.f32ToU32(a!, rm, c), ([a, b], rm, c) => fp.f64ToU32(a!, b!, rm, c))),
      w(pick<To32>(([a], rm, c) => cs.f32ToU32Slow(a!, rm, c), ([a, b], rm, c) => cs.f64ToU32Slow(a!, b!, rm, c))),
    ),
    op(
      `fcvt.l.${suffix}`,
      [kind],
      'x',
      true,
      l(pick<To64>(([a], rm, c) => fp.f32ToI64(a!, rm, c), ([a, b], rm, c) => fp.f64ToI64(a!, b!, rm, c))),
      l(pick<To64>(([a], rm, c) => cs.f32ToI64Slow(a!, rm, c), ([a, b], rm, c) => cs.f64ToI64Slow(a!, b!, rm, c))),
    ),
    op(
      `fcvt.lu.${suffix}`,
      [kind],
      'x',
      true,
      l(pick<To64>(([a], rm, c) => fp.f32ToU64(a!, rm, c), ([a, b], rm, c) => fp.f64ToU64(a!, b!, rm, c))),
      l(pick<To64>(([a], rm, c) => cs.f32ToU64Slow(a!, rm, c), ([a, b], rm, c) => cs.f64ToU64Slow(a!, b!, rm, c))),
    ),
  ];
}

function fromInt(suffix: 's' | 'd', kind: 'f32' | 'f64'): FloatOp[] {
  const out = (ctx: FloatContext, bits: number | undefined): bigint => (kind === 'f32' ? f32Out(bits!) : ctx64(ctx));
  type From32 = (x: number, rm: number, ctx: FloatContext) => number | void;
  type From64 = (lo: number, hi: number, rm: number, ctx: FloatContext) => number | void;
  const w =
    (f: From32): Impl =>
    ([a], rm, ctx) =>
      out(ctx, f(lo(a!), rm, ctx) ?? undefined);
  const l =
    (f: From64): Impl =>
    ([a], rm, ctx) =>
      out(ctx, f(lo(a!), hi(a!), rm, ctx) ?? undefined);
  const single = kind === 'f32';
  return [
    op(
      `fcvt.${suffix}.w`,
      ['x'],
      kind,
      single,
      w(single ? fp.i32ToF32 : (x, _rm, c) => fp.i32ToF64(x, c)),
      w(single ? cs.i32ToF32Slow : cs.i32ToF64Slow),
    ),
    op(
      `fcvt.${suffix}.wu`,
      ['x'],
      kind,
      single,
      w(single ? fp.u32ToF32 : (x, _rm, c) => fp.u32ToF64(x, c)),
      w(single ? cs.u32ToF32Slow : cs.u32ToF64Slow),
    ),
    op(`fcvt.${suffix}.l`, ['x'], kind, true, l(single ? fp.i64ToF32 : fp.i64ToF64), l(single ? cs.i64ToF32Slow : cs.i64ToF64Slow)),
    op(`fcvt.${suffix}.lu`, ['x'], kind, true, l(single ? fp.u64ToF32 : fp.u64ToF64), l(single ? cs.u64ToF32Slow : cs.u64ToF64Slow)),
  ];
}

export const OP_BY_NAME: ReadonlyMap<string, FloatOp> = new Map(FLOAT_OPS.map((o) => [o.name, o]));

export function floatOp(name: string): FloatOp {
  const o = OP_BY_NAME.get(name);
  if (!o) throw new Error(`no float op ${name}`);
  return o;
}

/** Run an implementation with fresh flags; returns [result, flags]. */
export function run(impl: Impl, ops: bigint[], rm: number): [bigint, number] {
  const ctx = fp.createFloatContext();
  ctx.lo = 0x5a5a5a5a; // garbage, to catch results that are not written
  ctx.hi = 0x5a5a5a5a;
  const r = impl(ops, rm, ctx);
  return [r, ctx.flags];
}

export const RMS = [0, 1, 2, 3, 4] as const;
export const RM_NAMES = ['rne', 'rtz', 'rdn', 'rup', 'rmm'] as const;
