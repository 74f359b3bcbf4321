// Hand-picked corner cases of the conversions, checked against both the fast
// and the reference implementation: rounding of halves under every mode,
// saturation per the RISC-V table (NaN -> max, +inf -> max, -inf -> min; NV
// and no NX when out of range), the 2^31 / 2^32 / 2^63 / 2^64 boundaries,
// and binary64 -> binary32 overflow and underflow.
import { checkCases, type Case } from './check-cases.js';
import {
  D, D_INF, D_MAX, D_NEG, D_NEG_INF, D_QNAN, D_SNAN, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, S, S_INF, S_MAX,
  S_MIN_NORM, S_MIN_SUB, S_NEG, S_NEG_INF, S_QNAN, S_SNAN, UF, X,
} from './values.js';

const ALL = [RNE, RTZ, RDN, RUP, RMM];
const HALVES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5];
/** Rounded values of HALVES per mode. */
const ROUNDED: Record<number, number[]> = {
  [RNE]: [0, 2, 2, 0, -2, -2],
  [RTZ]: [0, 1, 2, 0, -1, -2],
  [RDN]: [0, 1, 2, -1, -2, -3],
  [RUP]: [1, 2, 3, 0, -1, -2],
  [RMM]: [1, 2, 3, -1, -2, -3],
};

function halves(name: string, enc: (x: number) => bigint): Case[] {
  return ALL.flatMap((rm) =>
    HALVES.map((h, i): Case => [name, rm, [enc(h)], X(ROUNDED[rm]![i]!), NX, 'rounding a half to an integer']),
  );
}

const INT32_MIN = X(-(2 ** 31));
const INT32_MAX = X(2 ** 31 - 1);
const INT64_MIN = X(-(2n ** 63n));
const INT64_MAX = X(2n ** 63n - 1n);
const ALL_ONES = X(-1);

checkCases('float to integer: halves under each mode', [
  ...halves('fcvt.w.s', S),
  ...halves('fcvt.l.s', S),
  ...halves('fcvt.w.d', D),
  ...halves('fcvt.l.d', D),
]);

checkCases('float to integer: saturation and boundaries', [
  ['fcvt.w.s', RNE, [S(2 ** 31)], INT32_MAX, NV, '2^31 is out of range'],
  ['fcvt.w.s', RNE, [S(-(2 ** 31))], INT32_MIN, 0, '-2^31 is in range'],
  ['fcvt.w.s', RNE, [S(-(2 ** 32))], INT32_MIN, NV, 'too negative'],
  ['fcvt.w.s', RNE, [S_QNAN], INT32_MAX, NV, 'NaN gives the maximum'],
  ['fcvt.w.s', RNE, [S_QNAN | S_NEG], INT32_MAX, NV, 'negative NaN gives the maximum too'],
  ['fcvt.w.s', RNE, [S_INF], INT32_MAX, NV, '+inf'],
  ['fcvt.w.s', RNE, [S_NEG_INF], INT32_MIN, NV, '-inf'],
  ['fcvt.wu.s', RNE, [S_QNAN], ALL_ONES, NV, 'NaN: 2^32-1, sign-extended'],
  ['fcvt.wu.s', RNE, [S_INF], ALL_ONES, NV, '+inf'],
  ['fcvt.wu.s', RNE, [S_NEG_INF], 0n, NV, '-inf gives 0'],
  ['fcvt.wu.s', RNE, [S(-1)], 0n, NV, '-1 is out of range'],
  ['fcvt.wu.s', RNE, [S(-0.5)], 0n, NX, '-0.5 rounds to 0: in range, inexact'],
  ['fcvt.wu.s', RDN, [S(-0.5)], 0n, NV, '-0.5 rounds to -1 under RDN: out of range'],
  ['fcvt.wu.s', RNE, [S_NEG], 0n, 0, '-0 converts exactly'],
  ['fcvt.wu.s', RNE, [S(4294967040)], X(-256), 0, 'large uint32 results are sign-extended'],
  ['fcvt.wu.s', RNE, [S(2 ** 32)], ALL_ONES, NV, '2^32 is out of range'],
  ['fcvt.l.s', RNE, [S(2 ** 63)], INT64_MAX, NV, '2^63 is out of range'],
  ['fcvt.l.s', RNE, [S(-(2 ** 63))], INT64_MIN, 0, '-2^63 is in range'],
  ['fcvt.l.s', RNE, [S_SNAN], INT64_MAX, NV, 'NaN'],
  ['fcvt.l.s', RNE, [S_NEG_INF], INT64_MIN, NV, '-inf'],
  ['fcvt.lu.s', RNE, [S_QNAN], ALL_ONES, NV, 'NaN'],
  ['fcvt.lu.s', RNE, [S(2 ** 64)], ALL_ONES, NV, '2^64 is out of range'],
  ['fcvt.lu.s', RNE, [S(2 ** 63)], X(2n ** 63n), 0, '2^63 fits'],
  ['fcvt.lu.s', RNE, [S(-1)], 0n, NV, 'negative'],
  ['fcvt.w.d', RNE, [D(2 ** 31 - 0.5)], INT32_MAX, NV, 'rounds (ties to even) to 2^31: out of range'],
  ['fcvt.w.d', RTZ, [D(2 ** 31 - 0.5)], INT32_MAX, NX, 'truncates to 2^31-1: in range, inexact'],
  ['fcvt.w.d', RMM, [D(2 ** 31 - 0.5)], INT32_MAX, NV, 'ties away: out of range'],
  ['fcvt.w.d', RNE, [D(-(2 ** 31) - 0.5)], INT32_MIN, NX, 'ties to even -2^31'],
  ['fcvt.w.d', RUP, [D(-(2 ** 31) - 0.5)], INT32_MIN, NX, 'rounds up to -2^31'],
  ['fcvt.w.d', RDN, [D(-(2 ** 31) - 0.5)], INT32_MIN, NV, 'rounds down out of range'],
  ['fcvt.w.d', RUP, [D(1e-300)], X(1), NX, 'tiny positive rounds up to 1'],
  ['fcvt.w.d', RDN, [D(-1e-300)], X(-1), NX, 'tiny negative rounds down to -1'],
  ['fcvt.w.d', RNE, [D(1e-300)], 0n, NX, 'tiny rounds to 0'],
  ['fcvt.wu.d', RNE, [D(4294967295.5)], ALL_ONES, NV, 'rounds to 2^32: out of range'],
  ['fcvt.wu.d', RTZ, [D(4294967295.5)], ALL_ONES, NX, 'truncates to 2^32-1'],
  ['fcvt.l.d', RNE, [D(2 ** 63)], INT64_MAX, NV, '2^63'],
  ['fcvt.l.d', RNE, [D(-(2 ** 63))], INT64_MIN, 0, '-2^63'],
  ['fcvt.l.d', RNE, [D(2 ** 63 - 1024)], X(2n ** 63n - 1024n), 0, 'largest double below 2^63'],
  ['fcvt.l.d', RNE, [D_QNAN], INT64_MAX, NV, 'NaN'],
  ['fcvt.l.d', RNE, [D_INF], INT64_MAX, NV, '+inf'],
  ['fcvt.l.d', RNE, [D_NEG_INF], INT64_MIN, NV, '-inf'],
  ['fcvt.lu.d', RNE, [D(2 ** 64)], ALL_ONES, NV, '2^64'],
  ['fcvt.lu.d', RNE, [D(2 ** 64 - 2048)], X(2n ** 64n - 2048n), 0, 'largest double below 2^64'],
  ['fcvt.lu.d', RNE, [D_NEG], 0n, 0, '-0'],
  ['fcvt.lu.d', RNE, [D(-1)], 0n, NV, '-1'],
  ['fcvt.lu.d', RUP, [D(-0.25)], 0n, NX, '-0.25 rounds up to 0'],
  ['fcvt.lu.d', RDN, [D(-0.25)], 0n, NV, '-0.25 rounds down to -1'],
  ['fcvt.lu.d', RNE, [D_SNAN], ALL_ONES, NV, 'NaN'],
]);

checkCases('integer to float', [
  ...[
    [S(2 ** 24), NX],
    [S(2 ** 24), NX],
    [S(2 ** 24), NX],
    [S(2 ** 24 + 2), NX],
    [S(2 ** 24 + 2), NX],
  ].map(([r, f], rm): Case => ['fcvt.s.w', rm, [X(2 ** 24 + 1)], r as bigint, f as number, '2^24+1: a tie']),
  ['fcvt.s.w', RNE, [X(2 ** 24 + 3)], S(2 ** 24 + 4), NX, 'tie to the even 2^24+4'],
  ['fcvt.s.w', RTZ, [X(2 ** 24 + 3)], S(2 ** 24 + 2), NX, 'truncated'],
  ['fcvt.s.w', RDN, [X(-(2 ** 24) - 1)], S(-(2 ** 24) - 2), NX, 'negative rounds down in magnitude up'],
  ['fcvt.s.w', RUP, [X(-(2 ** 24) - 1)], S(-(2 ** 24)), NX, 'negative rounds up'],
  ['fcvt.s.w', RMM, [X(-(2 ** 24) - 1)], S(-(2 ** 24) - 2), NX, 'negative tie away'],
  ['fcvt.s.w', RNE, [X(-(2 ** 31))], S(-(2 ** 31)), 0, 'int32 minimum'],
  ['fcvt.s.w', RNE, [X(0x100000001n)], S(1), 0, 'only the low 32 bits are read'],
  ['fcvt.s.w', RNE, [0n], 0n, 0, 'zero is +0'],
  ['fcvt.s.wu', RNE, [X(0xffffffffn)], S(2 ** 32), NX, '2^32-1 rounds to 2^32'],
  ['fcvt.s.wu', RTZ, [X(0xffffffffn)], S(4294967040), NX, '2^32-1 truncated'],
  ['fcvt.s.l', RNE, [INT64_MAX], S(2 ** 63), NX, '2^63-1 rounds to 2^63'],
  ['fcvt.s.l', RTZ, [INT64_MAX], 0x5effffffn, NX, '2^63-1 truncated'],
  ['fcvt.s.l', RNE, [INT64_MIN], S(-(2 ** 63)), 0, '-2^63 is exact'],
  ['fcvt.s.l', RNE, [X(2n ** 53n + 1n)], S(2 ** 53), NX, 'double rounding would not matter here, but must not'],
  ['fcvt.s.l', RNE, [X(2n ** 40n + 2n ** 16n + 1n)], S(2 ** 40 + 2 ** 17), NX, 'just above a tie (24-bit): rounds up'],
  ['fcvt.s.lu', RNE, [ALL_ONES], S(2 ** 64), NX, '2^64-1'],
  ['fcvt.s.lu', RTZ, [ALL_ONES], 0x5f7fffffn, NX, '2^64-1 truncated'],
  ['fcvt.s.lu', RNE, [0n], 0n, 0, 'zero'],
  ...[
    [D(2 ** 53), NX],
    [D(2 ** 53), NX],
    [D(2 ** 53), NX],
    [D(2 ** 53 + 2), NX],
    [D(2 ** 53 + 2), NX],
  ].map(([r, f], rm): Case => ['fcvt.d.l', rm, [X(2n ** 53n + 1n)], r as bigint, f as number, '2^53+1: a tie']),
  ['fcvt.d.l', RDN, [X(-(2n ** 53n) - 1n)], D(-(2 ** 53) - 2), NX, 'negative tie rounded down'],
  ['fcvt.d.l', RMM, [X(-(2n ** 53n) - 1n)], D(-(2 ** 53) - 2), NX, 'negative tie away'],
  ['fcvt.d.l', RNE, [INT64_MAX], D(2 ** 63), NX, '2^63-1'],
  ['fcvt.d.l', RTZ, [INT64_MAX], D(2 ** 63 - 1024), NX, '2^63-1 truncated'],
  ['fcvt.d.lu', RNE, [ALL_ONES], D(2 ** 64), NX, '2^64-1'],
  ['fcvt.d.lu', RTZ, [ALL_ONES], D(2 ** 64 - 2048), NX, '2^64-1 truncated'],
  ['fcvt.d.w', RNE, [ALL_ONES], D(-1), 0, 'int32 -1'],
  ['fcvt.d.wu', RNE, [ALL_ONES], D(4294967295), 0, 'uint32 from the low 32 bits'],
]);

checkCases('binary64 <-> binary32', [
  ...[
    [S(1), NX],
    [S(1), NX],
    [S(1), NX],
    [0x3f800001n, NX],
    [0x3f800001n, NX],
  ].map(([r, f], rm): Case => ['fcvt.s.d', rm, [D(1 + 2 ** -24)], r as bigint, f as number, 'a binary32 tie']),
  ['fcvt.s.d', RNE, [D(1 + 2 ** -24 + 2 ** -50)], 0x3f800001n, NX, 'just above the tie'],
  ...[
    [S_INF, OF | NX],
    [S_MAX, OF | NX],
    [S_MAX, OF | NX],
    [S_INF, OF | NX],
    [S_INF, OF | NX],
  ].map(([r, f], rm): Case => ['fcvt.s.d', rm, [D_MAX], r as bigint, f as number, 'overflow']),
  ['fcvt.s.d', RDN, [D(-1e300)], S_NEG_INF, OF | NX, 'negative overflow down'],
  ['fcvt.s.d', RUP, [D(-1e300)], S_MAX | S_NEG, OF | NX, 'negative overflow up'],
  ['fcvt.s.d', RNE, [D(2 ** 128 - 2 ** 103)], S_INF, OF | NX, 'MAX + half ulp: overflow'],
  ['fcvt.s.d', RTZ, [D(2 ** 128 - 2 ** 103)], S_MAX, NX, 'MAX + half ulp towards zero: no overflow'],
  ['fcvt.s.d', RNE, [D(1e-50)], 0n, UF | NX, 'underflow to zero'],
  ['fcvt.s.d', RUP, [D(1e-50)], S_MIN_SUB, UF | NX, 'underflow rounded up'],
  ['fcvt.s.d', RNE, [D(2 ** -149)], S_MIN_SUB, 0, 'exact subnormal'],
  ['fcvt.s.d', RNE, [D(2 ** -150)], 0n, UF | NX, 'half of MIN_SUB ties to 0'],
  ['fcvt.s.d', RMM, [D(2 ** -150)], S_MIN_SUB, UF | NX, 'half of MIN_SUB ties away'],
  ['fcvt.s.d', RNE, [D(2 ** -126 - 2 ** -150)], S_MIN_NORM, UF | NX, 'tiny after rounding, result MIN_NORM'],
  ['fcvt.s.d', RNE, [D(2 ** -126 - 2 ** -151)], S_MIN_NORM, NX, 'rounds to 2^-126 unbounded: not tiny'],
  ['fcvt.s.d', RNE, [D(5e-324)], 0n, UF | NX, 'binary64 subnormal'],
  ['fcvt.s.d', RNE, [D_SNAN], S_QNAN, NV, 'signalling NaN'],
  ['fcvt.s.d', RNE, [0x7ff8000012345678n], S_QNAN, 0, 'NaN payload dropped'],
  ['fcvt.s.d', RNE, [D_INF], S_INF, 0, 'infinity'],
  ['fcvt.s.d', RNE, [D_NEG], S_NEG, 0, '-0'],
  ['fcvt.d.s', RNE, [S_SNAN], D_QNAN, NV, 'signalling NaN'],
  ['fcvt.d.s', RNE, [0x7fc12345n], D_QNAN, 0, 'NaN payload dropped'],
  ['fcvt.d.s', RNE, [S_MIN_SUB], D(2 ** -149), 0, 'subnormal widens exactly'],
  ['fcvt.d.s', RNE, [S_NEG_INF], D_NEG_INF, 0, '-inf'],
]);
