// Hand-picked corner cases of add/sub/mul/div/sqrt/fma, checked against both
// the fast and the reference implementation. Expected values follow IEEE
// 754-2008 with the RISC-V choices: canonical NaNs, tininess after rounding.
import { describe, expect, it } from 'vitest';
import { checkCases, type Case } from './check-cases.js';
import { floatOp, run } from './float-ops.js';
import {
  D, D_INF, D_MAX, D_MIN_NORM, D_MIN_SUB, D_NEG, D_NEG_INF, D_QNAN, D_SNAN, DZ, NV, NX, OF, RDN, RMM, RNE, RTZ,
  RUP, S, S_INF, S_MAX, S_MAX_SUB, S_MIN_NORM, S_MIN_SUB, S_NEG, S_NEG_INF, S_QNAN, S_SNAN, UF,
} from './values.js';

const ALL = [RNE, RTZ, RDN, RUP, RMM];
/** The same operation and operands under each mode: results and flags per mode, in RNE..RMM order. */
function perMode(name: string, ops: bigint[], results: [bigint, number][], why: string): Case[] {
  return ALL.map((rm) => [name, rm, ops, results[rm]![0], results[rm]![1], why]);
}

checkCases('binary32 add/sub', [
  ...perMode('fadd.s', [S(1), S(2 ** -24)], [[S(1), NX], [S(1), NX], [S(1), NX], [0x3f800001n, NX], [0x3f800001n, NX]],
    'exact tie: RNE keeps the even 1.0, RMM goes away'),
  ['fadd.s', RNE, [S(1 + 2 ** -23), S(2 ** -24)], S(1 + 2 ** -22), NX, 'tie from an odd significand rounds up'],
  ...perMode('fadd.s', [S(1), S(-1)], [[0n, 0], [0n, 0], [S_NEG, 0], [0n, 0], [0n, 0]], 'x - x is +0, -0 under RDN'),
  ['fadd.s', RNE, [S_NEG, S_NEG], S_NEG, 0, '-0 + -0 = -0'],
  ['fadd.s', RNE, [0n, S_NEG], 0n, 0, '+0 + -0 = +0'],
  ['fadd.s', RDN, [0n, S_NEG], S_NEG, 0, '+0 + -0 = -0 under RDN'],
  ['fsub.s', RNE, [0n, 0n], 0n, 0, '+0 - +0 = +0'],
  ['fsub.s', RDN, [0n, 0n], S_NEG, 0, '+0 - +0 = -0 under RDN'],
  ['fadd.s', RNE, [S_MIN_SUB, S_MIN_SUB], 2n, 0, 'subnormal sums are exact: no UF'],
  ['fsub.s', RNE, [S_MIN_NORM, S_MIN_SUB], S_MAX_SUB, 0, 'exact subnormal difference: no UF'],
  ...perMode('fadd.s', [S_MAX, S_MAX], [[S_INF, OF | NX], [S_MAX, OF | NX], [S_MAX, OF | NX], [S_INF, OF | NX], [S_INF, OF | NX]],
    'overflow: infinity or MAX by direction'),
  ...perMode('fadd.s', [S_MAX | S_NEG, S_MAX | S_NEG],
    [[S_NEG_INF, OF | NX], [S_MAX | S_NEG, OF | NX], [S_NEG_INF, OF | NX], [S_MAX | S_NEG, OF | NX], [S_NEG_INF, OF | NX]],
    'negative overflow'),
  ...perMode('fadd.s', [S_MAX, S(2 ** 103)], [[S_INF, OF | NX], [S_MAX, NX], [S_MAX, NX], [S_INF, OF | NX], [S_INF, OF | NX]],
    'MAX + half ulp: overflow only where the unbounded rounding leaves MAX'),
  ...perMode('fadd.s', [S_MAX, S(2 ** 102)], [[S_MAX, NX], [S_MAX, NX], [S_MAX, NX], [S_INF, OF | NX], [S_MAX, NX]],
    'MAX + quarter ulp'),
  ['fadd.s', RNE, [0x7fc12345n, S(1)], S_QNAN, 0, 'quiet NaN with payload: canonical NaN, no flag'],
  ['fadd.s', RNE, [0x7f812345n, S(1)], S_QNAN, NV, 'signalling NaN: NV'],
  ['fadd.s', RNE, [S_QNAN, S_SNAN], S_QNAN, NV, 'signalling NaN in second operand'],
  ['fadd.s', RNE, [S_INF, S_NEG_INF], S_QNAN, NV, 'inf - inf is invalid'],
  ['fsub.s', RNE, [S_INF, S_INF], S_QNAN, NV, 'inf - inf is invalid'],
  ['fadd.s', RNE, [S_INF, S_MAX], S_INF, 0, 'inf + finite is exact'],
]);

checkCases('binary32 mul', [
  ...perMode('fmul.s', [0x3f7fffffn, S_MIN_NORM],
    [[S_MIN_NORM, UF | NX], [S_MAX_SUB, UF | NX], [S_MAX_SUB, UF | NX], [S_MIN_NORM, UF | NX], [S_MIN_NORM, UF | NX]],
    'product 2^-126 - 2^-150 is tiny after rounding even when it rounds up to MIN_NORM'),
  ...perMode('fmul.s', [S(18631 * 2 ** -140), S(1801 / 2048)],
    [[S_MIN_NORM, NX], [S_MAX_SUB, UF | NX], [S_MAX_SUB, UF | NX], [S_MIN_NORM, NX], [S_MIN_NORM, NX]],
    'product 2^-126 - 2^-151 rounds (unbounded) to 2^-126 in the nearest and upward modes: not tiny'),
  ...perMode('fmul.s', [S_MIN_SUB, S(0.5)],
    [[0n, UF | NX], [0n, UF | NX], [0n, UF | NX], [S_MIN_SUB, UF | NX], [S_MIN_SUB, UF | NX]],
    'half the smallest subnormal: tie between 0 and MIN_SUB'),
  ...perMode('fmul.s', [S_MIN_SUB | S_NEG, S(0.5)],
    [[S_NEG, UF | NX], [S_NEG, UF | NX], [S_MIN_SUB | S_NEG, UF | NX], [S_NEG, UF | NX], [S_MIN_SUB | S_NEG, UF | NX]],
    'negative underflow keeps the sign'),
  ['fmul.s', RNE, [S_MIN_SUB, S(1)], S_MIN_SUB, 0, 'exact subnormal product: no UF'],
  ['fmul.s', RNE, [S_INF, 0n], S_QNAN, NV, 'inf * 0 is invalid'],
  ['fmul.s', RNE, [S_NEG, S(3)], S_NEG, 0, '-0 * 3 = -0'],
  ['fmul.s', RTZ, [S_MAX, S(2)], S_MAX, OF | NX, 'overflow towards zero'],
]);

checkCases('binary32 div and sqrt', [
  ['fdiv.s', RNE, [S(1), 0n], S_INF, DZ, '1 / +0'],
  ['fdiv.s', RNE, [S(-1), 0n], S_NEG_INF, DZ, '-1 / +0'],
  ['fdiv.s', RNE, [S(1), S_NEG], S_NEG_INF, DZ, '1 / -0'],
  ['fdiv.s', RNE, [0n, 0n], S_QNAN, NV, '0 / 0'],
  ['fdiv.s', RNE, [S_INF, S_INF], S_QNAN, NV, 'inf / inf'],
  ['fdiv.s', RNE, [S_INF, 0n], S_INF, 0, 'inf / 0 is exact, no DZ'],
  ['fdiv.s', RNE, [0n, S_INF], 0n, 0, '0 / inf'],
  ...perMode('fdiv.s', [S(1), S(3)], [[0x3eaaaaabn, NX], [0x3eaaaaaan, NX], [0x3eaaaaaan, NX], [0x3eaaaaabn, NX], [0x3eaaaaabn, NX]], '1/3'),
  ...perMode('fdiv.s', [S(-1), S(3)], [[0xbeaaaaabn, NX], [0xbeaaaaaan, NX], [0xbeaaaaabn, NX], [0xbeaaaaaan, NX], [0xbeaaaaabn, NX]], '-1/3'),
  ['fdiv.s', RTZ, [S_MAX, S(0.5)], S_MAX, OF | NX, 'overflowing quotient towards zero'],
  ['fdiv.s', RNE, [S_MIN_NORM, S(2)], 0x00400000n, 0, 'exact subnormal quotient'],
  ['fsqrt.s', RNE, [S_NEG], S_NEG, 0, 'sqrt(-0) = -0'],
  ['fsqrt.s', RNE, [S(-1)], S_QNAN, NV, 'sqrt of a negative number'],
  ['fsqrt.s', RNE, [S_NEG_INF], S_QNAN, NV, 'sqrt(-inf)'],
  ['fsqrt.s', RNE, [S_INF], S_INF, 0, 'sqrt(inf)'],
  ['fsqrt.s', RNE, [S_SNAN], S_QNAN, NV, 'sqrt(sNaN)'],
  ['fsqrt.s', RNE, [S_QNAN], S_QNAN, 0, 'sqrt(qNaN)'],
  ['fsqrt.s', RNE, [S(4)], S(2), 0, 'exact root'],
  ...perMode('fsqrt.s', [S(2)], [[0x3fb504f3n, NX], [0x3fb504f3n, NX], [0x3fb504f3n, NX], [0x3fb504f4n, NX], [0x3fb504f3n, NX]], 'sqrt(2)'),
]);

checkCases('binary32 fused multiply-add', [
  ['fmadd.s', RNE, [S(1 + 2 ** -12), S(1 + 2 ** -12), S(-(1 + 2 ** -11))], S(2 ** -24), 0,
    '(1+2^-12)^2 - (1+2^-11) = 2^-24 exactly: no intermediate rounding'],
  ['fmadd.s', RNE, [S_MAX, S(2), S_MAX | S_NEG], S_MAX, 0, 'no intermediate overflow'],
  ['fmadd.s', RNE, [S(1), S(1), S(2 ** -30)], S(1), NX, 'inexact sum'],
  ['fmadd.s', RUP, [S(1), S(1), S(2 ** -30)], 0x3f800001n, NX, 'inexact sum rounded up'],
  ['fmadd.s', RNE, [0n, S(1), S_NEG], 0n, 0, '+0 + -0 = +0'],
  ['fmadd.s', RDN, [0n, S(1), S_NEG], S_NEG, 0, '+0 + -0 = -0 under RDN'],
  ['fmadd.s', RNE, [S_NEG, S(1), S_NEG], S_NEG, 0, '-0 + -0 = -0'],
  ['fmadd.s', RNE, [S(1), S(1), S(-1)], 0n, 0, 'exact cancellation = +0'],
  ['fmadd.s', RDN, [S(1), S(1), S(-1)], S_NEG, 0, 'exact cancellation = -0 under RDN'],
  ['fmsub.s', RNE, [S(1), S(2), S(3)], S(-1), 0, 'fmsub = a*b - c'],
  ['fnmsub.s', RNE, [S(1), S(2), S(3)], S(1), 0, 'fnmsub = -(a*b) + c'],
  ['fnmadd.s', RNE, [S(1), S(2), S(3)], S(-5), 0, 'fnmadd = -(a*b) - c'],
  ['fnmadd.s', RNE, [0n, S(1), 0n], S_NEG, 0, 'fnmadd(+0, 1, +0) = -0 - +0 = -0'],
  ['fmsub.s', RDN, [0n, S(1), 0n], S_NEG, 0, 'fmsub(+0, 1, +0) = +0 - +0 = -0 under RDN'],
  ['fmadd.s', RNE, [S_INF, 0n, S_QNAN], S_QNAN, NV, 'inf * 0 + qNaN raises NV (RISC-V)'],
  ['fmadd.s', RNE, [S_QNAN, S(1), S(1)], S_QNAN, 0, 'quiet NaN propagates quietly'],
  ['fmadd.s', RNE, [S(1), S(1), S_SNAN], S_QNAN, NV, 'signalling addend'],
  ['fmadd.s', RNE, [S_INF, S(1), S_NEG_INF], S_QNAN, NV, 'inf - inf'],
  ['fmadd.s', RNE, [S_INF, S(1), S_INF], S_INF, 0, 'inf + inf'],
  ['fmadd.s', RNE, [S(1), S(1), S_NEG_INF], S_NEG_INF, 0, 'finite + -inf'],
]);

describe('fused multiply-add rounds once', () => {
  it('differs from fmul.s followed by fadd.s', () => {
    const a = S(1 + 2 ** -12);
    const [p] = run(floatOp('fmul.s').fast, [a, a], RNE);
    const [separate] = run(floatOp('fadd.s').fast, [p, S(-(1 + 2 ** -11))], RNE);
    expect(separate).toBe(0n);
  });
});

checkCases('binary64 add/sub', [
  ...perMode('fadd.d', [D(1), D(2 ** -53)], [[D(1), NX], [D(1), NX], [D(1), NX], [D(1 + 2 ** -52), NX], [D(1 + 2 ** -52), NX]],
    'exact tie above 1'),
  ...perMode('fadd.d', [D(-1), D(-(2 ** -53))],
    [[D(-1), NX], [D(-1), NX], [D(-(1 + 2 ** -52)), NX], [D(-1), NX], [D(-(1 + 2 ** -52)), NX]], 'negative tie'),
  ...perMode('fadd.d', [D(1), D(-(2 ** -54))], [[D(1), NX], [D(1 - 2 ** -53), NX], [D(1 - 2 ** -53), NX], [D(1), NX], [D(1), NX]],
    'tie just below a power of two, where the ulp halves'),
  ...perMode('fadd.d', [D_MAX, D_MAX], [[D_INF, OF | NX], [D_MAX, OF | NX], [D_MAX, OF | NX], [D_INF, OF | NX], [D_INF, OF | NX]], 'overflow'),
  ...perMode('fadd.d', [D_MAX | D_NEG, D_MAX | D_NEG],
    [[D_NEG_INF, OF | NX], [D_MAX | D_NEG, OF | NX], [D_NEG_INF, OF | NX], [D_MAX | D_NEG, OF | NX], [D_NEG_INF, OF | NX]], 'negative overflow'),
  ...perMode('fadd.d', [D_MAX, D(2 ** 970)], [[D_INF, OF | NX], [D_MAX, NX], [D_MAX, NX], [D_INF, OF | NX], [D_INF, OF | NX]], 'MAX + half ulp'),
  ...perMode('fadd.d', [D_MAX, D(2 ** 969)], [[D_MAX, NX], [D_MAX, NX], [D_MAX, NX], [D_INF, OF | NX], [D_MAX, NX]], 'MAX + quarter ulp'),
  ['fadd.d', RNE, [D(1), D(-1)], 0n, 0, 'x - x = +0'],
  ['fadd.d', RDN, [D(1), D(-1)], D_NEG, 0, 'x - x = -0 under RDN'],
  ['fadd.d', RNE, [D_NEG, 0n], 0n, 0, '-0 + +0 = +0'],
  ['fadd.d', RDN, [D_NEG, 0n], D_NEG, 0, '-0 + +0 = -0 under RDN'],
  ['fadd.d', RNE, [D_NEG, D_NEG], D_NEG, 0, '-0 + -0 = -0'],
  ['fsub.d', RDN, [0n, 0n], D_NEG, 0, '+0 - +0 = -0 under RDN'],
  ['fadd.d', RNE, [D_MIN_SUB, D_MIN_SUB], 2n, 0, 'subnormal sum is exact'],
  ['fadd.d', RNE, [0x7ff8000000000123n, D(1)], D_QNAN, 0, 'NaN payload is not propagated'],
  ['fadd.d', RNE, [D(1), D_SNAN], D_QNAN, NV, 'signalling NaN'],
  ['fsub.d', RNE, [D_INF, D_INF], D_QNAN, NV, 'inf - inf'],
  ...perMode('fsub.d', [0xffd7ffffffffffffn, D_MAX | D_NEG],
    [[0x7fe4000000000000n, NX], [0x7fe3ffffffffffffn, NX], [0x7fe3ffffffffffffn, NX], [0x7fe4000000000000n, NX], [0x7fe4000000000000n, NX]],
    'a tie near MAX, where the error term of TwoSum overflows spuriously'),
]);

checkCases('binary64 mul/div/sqrt', [
  ...perMode('fmul.d', [D(1 - 2 ** -53), D_MIN_NORM],
    [[D_MIN_NORM, UF | NX], [0x000fffffffffffffn, UF | NX], [0x000fffffffffffffn, UF | NX], [D_MIN_NORM, UF | NX], [D_MIN_NORM, UF | NX]],
    'tiny after rounding although the result is MIN_NORM'),
  ...perMode('fmul.d', [D_MIN_SUB, D(0.5)], [[0n, UF | NX], [0n, UF | NX], [0n, UF | NX], [D_MIN_SUB, UF | NX], [D_MIN_SUB, UF | NX]],
    'half the smallest subnormal'),
  ['fmul.d', RNE, [D(2 ** -600), D(2 ** -600)], 0n, UF | NX, 'underflow to zero'],
  ['fmul.d', RUP, [D(2 ** -600), D(2 ** -600)], D_MIN_SUB, UF | NX, 'underflow rounded up'],
  ['fmul.d', RNE, [D(1 + 2 ** -52), D(1 + 2 ** -52)], D(1 + 2 ** -51), NX, 'product with a low-order error'],
  ['fmul.d', RUP, [D(1 + 2 ** -52), D(1 + 2 ** -52)], D(1 + 2 ** -51 + 2 ** -52), NX, 'product rounded up'],
  ['fmul.d', RNE, [D_MAX, D(2)], D_INF, OF | NX, 'overflow'],
  ['fmul.d', RTZ, [D_MAX, D(2)], D_MAX, OF | NX, 'overflow towards zero'],
  ['fmul.d', RNE, [D_INF, D_NEG], D_QNAN, NV, 'inf * -0'],
  ...perMode('fdiv.d', [D(1), D(3)],
    [[0x3fd5555555555555n, NX], [0x3fd5555555555555n, NX], [0x3fd5555555555555n, NX], [0x3fd5555555555556n, NX], [0x3fd5555555555555n, NX]], '1/3'),
  ['fdiv.d', RNE, [D(1), 0n], D_INF, DZ, '1 / 0'],
  ['fdiv.d', RNE, [D(-1), 0n], D_NEG_INF, DZ, '-1 / 0'],
  ['fdiv.d', RNE, [0n, 0n], D_QNAN, NV, '0 / 0'],
  ['fdiv.d', RNE, [D_MIN_NORM, D(2)], 0x0008000000000000n, 0, 'exact subnormal quotient'],
  ['fdiv.d', RNE, [D_MIN_SUB, D(2)], 0n, UF | NX, 'quotient underflows to zero'],
  ['fdiv.d', RMM, [D_MIN_SUB, D(2)], D_MIN_SUB, UF | NX, 'quotient underflow, ties away'],
  ['fdiv.d', RTZ, [D_MAX, D(0.5)], D_MAX, OF | NX, 'overflowing quotient towards zero'],
  ...perMode('fsqrt.d', [D(2)],
    [[0x3ff6a09e667f3bcdn, NX], [0x3ff6a09e667f3bccn, NX], [0x3ff6a09e667f3bccn, NX], [0x3ff6a09e667f3bcdn, NX], [0x3ff6a09e667f3bcdn, NX]], 'sqrt(2)'),
  ['fsqrt.d', RNE, [D_MIN_SUB], D(2 ** -537), 0, 'sqrt(2^-1074) = 2^-537 exactly'],
  ['fsqrt.d', RNE, [D_NEG], D_NEG, 0, 'sqrt(-0)'],
  ['fsqrt.d', RNE, [D_MIN_SUB | D_NEG], D_QNAN, NV, 'sqrt of a negative subnormal'],
  ['fsqrt.d', RNE, [D_INF], D_INF, 0, 'sqrt(inf)'],
  ['fsqrt.d', RNE, [D_SNAN], D_QNAN, NV, 'sqrt(sNaN)'],
]);

checkCases('binary64 fused multiply-add', [
  ['fmadd.d', RNE, [D(1 + 2 ** -27), D(1 + 2 ** -27), D(-(1 + 2 ** -26))], D(2 ** -54), 0, 'single rounding'],
  ['fmadd.d', RNE, [D_MIN_NORM, D(0.5), 0n], 0x0008000000000000n, 0, 'exact subnormal result'],
  ['fmadd.d', RNE, [D_MIN_SUB, D(0.5), 0n], 0n, UF | NX, 'underflow to zero'],
  ['fmadd.d', RUP, [D_MIN_SUB, D(0.5), 0n], D_MIN_SUB, UF | NX, 'underflow rounded up'],
  ['fmadd.d', RNE, [D(1e-200), D(1e-200), D(1)], D(1), NX, 'tiny product, large addend'],
  ['fmadd.d', RUP, [D(1e-200), D(1e-200), D(1)], D(1 + 2 ** -52), NX, 'tiny product rounds the addend up'],
  ['fmadd.d', RTZ, [D(-1e-200), D(1e-200), D(1)], D(1 - 2 ** -53), NX, 'tiny negative product, towards zero'],
  ['fmadd.d', RNE, [D_MAX, D(2), D_MAX | D_NEG], D_MAX, 0, 'no intermediate overflow'],
  ['fmadd.d', RNE, [D(1e308), D(10), D_NEG_INF], D_NEG_INF, 0, 'finite product (even if huge) + -inf'],
  ['fmadd.d', RNE, [D_INF, 0n, D_QNAN], D_QNAN, NV, 'inf * 0 + qNaN raises NV (RISC-V)'],
  ['fmadd.d', RNE, [D(2), D(3), D(4)], D(10), 0, '2 * 3 + 4'],
  ['fmsub.d', RNE, [D(1), D(2), D(3)], D(-1), 0, 'fmsub'],
  ['fnmsub.d', RNE, [D(1), D(2), D(3)], D(1), 0, 'fnmsub'],
  ['fnmadd.d', RNE, [D(1), D(2), D(3)], D(-5), 0, 'fnmadd'],
  ['fmadd.d', RDN, [D(1), D(1), D(-1)], D_NEG, 0, 'exact cancellation under RDN'],
  ['fmadd.d', RNE, [D_NEG, D(1), 0n], 0n, 0, '-0 + +0'],
  ['fmadd.d', RNE, [D_NEG, D(1), D_NEG], D_NEG, 0, '-0 + -0'],
  ...perMode('fmadd.d', [D(1 + 2 ** -52), D(1 + 2 ** -52), D(2 ** -53)],
    [[0x3ff0000000000003n, NX], [0x3ff0000000000002n, NX], [0x3ff0000000000002n, NX], [0x3ff0000000000003n, NX], [0x3ff0000000000003n, NX]],
    '2^-104 above a midpoint: the low product bits break the tie'),
  ...perMode('fmadd.d', [D(1 + 2 ** -52), D(1 - 2 ** -53), D(2 ** -52)],
    [[0x3ff0000000000001n, NX], [0x3ff0000000000001n, NX], [0x3ff0000000000001n, NX], [0x3ff0000000000002n, NX], [0x3ff0000000000001n, NX]],
    '2^-105 below a midpoint'),
]);

checkCases('binary32 fma near midpoints', [
  ...perMode('fmadd.s', [S(1 + 2 ** -23), S(1 + 2 ** -23), S(2 ** -24)],
    [[0x3f800003n, NX], [0x3f800002n, NX], [0x3f800002n, NX], [0x3f800003n, NX], [0x3f800003n, NX]],
    '2^-46 above a midpoint'),
]);
