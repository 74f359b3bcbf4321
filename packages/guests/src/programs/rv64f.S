# rv64f.S: the F extension (binary32), instruction by instruction: fadd,
# fsub, fmul, fdiv and fsqrt in every rounding mode, static (the rm field)
# and dynamic (rm = dyn takes frm); the five exception flags; signed zeros,
# subnormals, overflow and underflow (tininess detected after rounding);
# infinities, quiet and signalling NaNs and the canonical NaN; fmin/fmax
# (IEEE 754-2019 minimumNumber/maximumNumber), sign injection, comparisons
# and fclass (unprivileged spec chapter 11, IEEE 754-2008).
#
# Operands and results are bit patterns. The expected values were produced
# by running each instruction under Debian's qemu-riscv64, and the program
# itself runs on QEMU's spike board in the guests test suite (qemu-spike.test.ts).
# Conversions are in fcvt.S, fused multiply-add in fmadd.S, NaN-boxing and
# moves in nan-boxing.S, fcsr and mstatus.FS in fcsr.S.

  .include "prelude.S"
  .include "float-macros.S"

  .text
  .globl main
main:
  # fadd.s: exact sums and the sign of zero (IEEE 754 6.3: x + -x is +0, -0 under rdn)
  TEST_FP_RR_S 1, fadd.s, 0x40400000, 0, 0x3f800000, 0x40000000, rne
  TEST_FP_RR_S 2, fadd.s, 0x00000000, 0, 0xbf800000, 0x3f800000, rne
  TEST_FP_RR_S 3, fadd.s, 0x80000000, 0, 0xbf800000, 0x3f800000, rdn
  TEST_FP_RR_S 4, fadd.s, 0x80000000, 0, 0x80000000, 0x80000000, rne
  TEST_FP_RR_S 5, fadd.s, 0x00000000, 0, 0x00000000, 0x80000000, rne
  TEST_FP_RR_S 6, fadd.s, 0x80000000, 0, 0x00000000, 0x80000000, rdn
  TEST_FP_RR_S 7, fadd.s, 0x00000002, 0, 0x00000001, 0x00000001, rne  # subnormals add exactly
  TEST_FP_RR_S 8, fadd.s, 0x00800000, 0, 0x007fffff, 0x00000001, rne  # into the normal range
  TEST_FP_RR_S 9, fadd.s, 0x3f800000, 0, 0x3f800000, 0x00000000, rne

  # fadd.s: every static rounding mode (rne, rtz, rdn, rup, rmm)
  TEST_FP_RR_S 10, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000, rne  # a tie: rne keeps the even 1, rmm goes away
  TEST_FP_RR_S 11, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000, rtz
  TEST_FP_RR_S 12, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000, rdn
  TEST_FP_RR_S 13, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800000, 0x33800000, rup
  TEST_FP_RR_S 14, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800000, 0x33800000, rmm
  TEST_FP_RR_S 15, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000, rne  # the negative tie
  TEST_FP_RR_S 16, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000, rtz
  TEST_FP_RR_S 17, fadd.s, 0xbf800001, FFLAG_NX, 0xbf800000, 0xb3800000, rdn
  TEST_FP_RR_S 18, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000, rup
  TEST_FP_RR_S 19, fadd.s, 0xbf800001, FFLAG_NX, 0xbf800000, 0xb3800000, rmm
  TEST_FP_RR_S 20, fadd.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x33800000, rne  # a tie above an odd significand: rne rounds up
  TEST_FP_RR_S 21, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800001, 0x33800000, rtz
  TEST_FP_RR_S 22, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800001, 0x33800000, rdn
  TEST_FP_RR_S 23, fadd.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x33800000, rup
  TEST_FP_RR_S 24, fadd.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x33800000, rmm
  TEST_FP_RR_S 25, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x32800000, rne  # below the tie
  TEST_FP_RR_S 26, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x32800000, rtz
  TEST_FP_RR_S 27, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x32800000, rdn
  TEST_FP_RR_S 28, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800000, 0x32800000, rup
  TEST_FP_RR_S 29, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x32800000, rmm
  TEST_FP_RR_S 30, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb, rne
  TEST_FP_RR_S 31, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb, rtz
  TEST_FP_RR_S 32, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb, rdn
  TEST_FP_RR_S 33, fadd.s, 0x404f7642, FFLAG_NX, 0x3dcccccd, 0x40490fdb, rup
  TEST_FP_RR_S 34, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb, rmm

  # fadd.s: the dynamic rounding mode (rm = dyn takes frm, set with fsrmi)
  fsrmi 0
  TEST_FP_RR_S 35, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000
  fsrmi 1
  TEST_FP_RR_S 36, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000
  fsrmi 2
  TEST_FP_RR_S 37, fadd.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33800000
  fsrmi 3
  TEST_FP_RR_S 38, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800000, 0x33800000
  fsrmi 4
  TEST_FP_RR_S 39, fadd.s, 0x3f800001, FFLAG_NX, 0x3f800000, 0x33800000
  fsrmi 0
  TEST_FP_RR_S 40, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000
  fsrmi 1
  TEST_FP_RR_S 41, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000
  fsrmi 2
  TEST_FP_RR_S 42, fadd.s, 0xbf800001, FFLAG_NX, 0xbf800000, 0xb3800000
  fsrmi 3
  TEST_FP_RR_S 43, fadd.s, 0xbf800000, FFLAG_NX, 0xbf800000, 0xb3800000
  fsrmi 4
  TEST_FP_RR_S 44, fadd.s, 0xbf800001, FFLAG_NX, 0xbf800000, 0xb3800000
  fsrmi 0
  TEST_FP_RR_S 45, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb
  fsrmi 1
  TEST_FP_RR_S 46, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb
  fsrmi 2
  TEST_FP_RR_S 47, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb
  fsrmi 3
  TEST_FP_RR_S 48, fadd.s, 0x404f7642, FFLAG_NX, 0x3dcccccd, 0x40490fdb
  fsrmi 4
  TEST_FP_RR_S 49, fadd.s, 0x404f7641, FFLAG_NX, 0x3dcccccd, 0x40490fdb
  fsrmi 0

  # fadd.s: overflow (OF and NX; rtz/rdn/rup stop at the largest finite value on their side), infinities, NaNs
  TEST_FP_RR_S 50, fadd.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x7f7fffff, rne
  TEST_FP_RR_S 51, fadd.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x7f7fffff, rtz
  TEST_FP_RR_S 52, fadd.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x7f7fffff, rdn
  TEST_FP_RR_S 53, fadd.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x7f7fffff, rup
  TEST_FP_RR_S 54, fadd.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x7f7fffff, rmm
  TEST_FP_RR_S 55, fadd.s, 0xff800000, FFLAG_OF|FFLAG_NX, 0xff7fffff, 0xff7fffff, rne
  TEST_FP_RR_S 56, fadd.s, 0xff7fffff, FFLAG_OF|FFLAG_NX, 0xff7fffff, 0xff7fffff, rtz
  TEST_FP_RR_S 57, fadd.s, 0xff800000, FFLAG_OF|FFLAG_NX, 0xff7fffff, 0xff7fffff, rdn
  TEST_FP_RR_S 58, fadd.s, 0xff7fffff, FFLAG_OF|FFLAG_NX, 0xff7fffff, 0xff7fffff, rup
  TEST_FP_RR_S 59, fadd.s, 0xff800000, FFLAG_OF|FFLAG_NX, 0xff7fffff, 0xff7fffff, rmm
  TEST_FP_RR_S 60, fadd.s, 0x7f800000, 0, 0x7f800000, 0xff7fffff, rne
  TEST_FP_RR_S 61, fadd.s, 0x7fc00000, FFLAG_NV, 0x7f800000, 0xff800000, rne  # inf - inf: invalid, canonical NaN
  TEST_FP_RR_S 62, fadd.s, 0x7fc00000, 0, 0x7fc12345, 0x3f800000, rne  # quiet NaN operand: canonical NaN, no flag
  TEST_FP_RR_S 63, fadd.s, 0x7fc00000, FFLAG_NV, 0x3f800000, 0x7f800001, rne  # signalling NaN operand: NV
  TEST_FP_RR_S 64, fadd.s, 0x7fc00000, FFLAG_NV, 0xff800001, 0x7fc00000, rne

  # fsub.s
  TEST_FP_RR_S 65, fsub.s, 0x40000000, 0, 0x40400000, 0x3f800000, rne
  TEST_FP_RR_S 66, fsub.s, 0x00000000, 0, 0x3f800000, 0x3f800000, rne
  TEST_FP_RR_S 67, fsub.s, 0x80000000, 0, 0x3f800000, 0x3f800000, rdn
  TEST_FP_RR_S 68, fsub.s, 0x80000000, 0, 0x80000000, 0x00000000, rne
  TEST_FP_RR_S 69, fsub.s, 0x80000000, 0, 0x00000000, 0x00000000, rdn
  TEST_FP_RR_S 70, fsub.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33000000, rne  # a tie just below 1
  TEST_FP_RR_S 71, fsub.s, 0x3f7fffff, FFLAG_NX, 0x3f800000, 0x33000000, rtz
  TEST_FP_RR_S 72, fsub.s, 0x3f7fffff, FFLAG_NX, 0x3f800000, 0x33000000, rdn
  TEST_FP_RR_S 73, fsub.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33000000, rup
  TEST_FP_RR_S 74, fsub.s, 0x3f800000, FFLAG_NX, 0x3f800000, 0x33000000, rmm
  TEST_FP_RR_S 75, fsub.s, 0x7fc00000, FFLAG_NV, 0x7f800000, 0x7f800000, rne
  TEST_FP_RR_S 76, fsub.s, 0xff800000, 0, 0xff800000, 0x7f800000, rne
  TEST_FP_RR_S 77, fsub.s, 0x007fffff, 0, 0x00800000, 0x00000001, rne  # back to the largest subnormal
  TEST_FP_RR_S 78, fsub.s, 0x7fc00000, FFLAG_NV, 0x7fc00000, 0x7f800001, rne

  # fmul.s: exact products, signs, invalid, overflow
  TEST_FP_RR_S 79, fmul.s, 0x40c00000, 0, 0x40000000, 0x40400000, rne
  TEST_FP_RR_S 80, fmul.s, 0x80000000, 0, 0x80000000, 0x3f800000, rne
  TEST_FP_RR_S 81, fmul.s, 0x80000000, 0, 0xbf800000, 0x00000000, rne
  TEST_FP_RR_S 82, fmul.s, 0x7fc00000, FFLAG_NV, 0x00000000, 0x7f800000, rne  # 0 * inf: invalid
  TEST_FP_RR_S 83, fmul.s, 0x7f800000, 0, 0xff800000, 0xbf800000, rne
  TEST_FP_RR_S 84, fmul.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x40000000, rne
  TEST_FP_RR_S 85, fmul.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x40000000, rtz
  TEST_FP_RR_S 86, fmul.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x40000000, rdn
  TEST_FP_RR_S 87, fmul.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x40000000, rup
  TEST_FP_RR_S 88, fmul.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x40000000, rmm
  TEST_FP_RR_S 89, fmul.s, 0x3c23d70b, FFLAG_NX, 0x3dcccccd, 0x3dcccccd, rne
  TEST_FP_RR_S 90, fmul.s, 0x3c23d70a, FFLAG_NX, 0x3dcccccd, 0x3dcccccd, rtz
  TEST_FP_RR_S 91, fmul.s, 0x3c23d70a, FFLAG_NX, 0x3dcccccd, 0x3dcccccd, rdn
  TEST_FP_RR_S 92, fmul.s, 0x3c23d70b, FFLAG_NX, 0x3dcccccd, 0x3dcccccd, rup
  TEST_FP_RR_S 93, fmul.s, 0x3c23d70b, FFLAG_NX, 0x3dcccccd, 0x3dcccccd, rmm
  TEST_FP_RR_S 94, fmul.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x3f800001, rne
  TEST_FP_RR_S 95, fmul.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x3f800001, rtz
  TEST_FP_RR_S 96, fmul.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x3f800001, rdn
  TEST_FP_RR_S 97, fmul.s, 0x3f800003, FFLAG_NX, 0x3f800001, 0x3f800001, rup
  TEST_FP_RR_S 98, fmul.s, 0x3f800002, FFLAG_NX, 0x3f800001, 0x3f800001, rmm
  TEST_FP_RR_S 99, fmul.s, 0x7fc00000, FFLAG_NV, 0x7fa00000, 0x3f800000, rne

  # fmul.s: subnormal results, underflow (UF when tiny after rounding and inexact)
  TEST_FP_RR_S 100, fmul.s, 0x00400000, 0, 0x00800000, 0x3f000000, rne  # exact subnormal: no flag
  TEST_FP_RR_S 101, fmul.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x3f000000, rne  # half the smallest subnormal: a tie with zero
  TEST_FP_RR_S 102, fmul.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x3f000000, rtz
  TEST_FP_RR_S 103, fmul.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x3f000000, rdn
  TEST_FP_RR_S 104, fmul.s, 0x00000001, FFLAG_UF|FFLAG_NX, 0x00000001, 0x3f000000, rup
  TEST_FP_RR_S 105, fmul.s, 0x00000001, FFLAG_UF|FFLAG_NX, 0x00000001, 0x3f000000, rmm
  TEST_FP_RR_S 106, fmul.s, 0x80000000, FFLAG_UF|FFLAG_NX, 0x80000001, 0x3f000000, rne
  TEST_FP_RR_S 107, fmul.s, 0x80000000, FFLAG_UF|FFLAG_NX, 0x80000001, 0x3f000000, rtz
  TEST_FP_RR_S 108, fmul.s, 0x80000001, FFLAG_UF|FFLAG_NX, 0x80000001, 0x3f000000, rdn
  TEST_FP_RR_S 109, fmul.s, 0x80000000, FFLAG_UF|FFLAG_NX, 0x80000001, 0x3f000000, rup
  TEST_FP_RR_S 110, fmul.s, 0x80000001, FFLAG_UF|FFLAG_NX, 0x80000001, 0x3f000000, rmm
  TEST_FP_RR_S 111, fmul.s, 0x00800000, FFLAG_NX, 0x3f800400, 0x007ffc00, rne  # just below the smallest normal: rounds to it (not tiny after rounding) except rtz/rdn
  TEST_FP_RR_S 112, fmul.s, 0x007fffff, FFLAG_UF|FFLAG_NX, 0x3f800400, 0x007ffc00, rtz
  TEST_FP_RR_S 113, fmul.s, 0x007fffff, FFLAG_UF|FFLAG_NX, 0x3f800400, 0x007ffc00, rdn
  TEST_FP_RR_S 114, fmul.s, 0x00800000, FFLAG_NX, 0x3f800400, 0x007ffc00, rup
  TEST_FP_RR_S 115, fmul.s, 0x00800000, FFLAG_NX, 0x3f800400, 0x007ffc00, rmm
  TEST_FP_RR_S 116, fmul.s, 0x00fffffe, 0, 0x007fffff, 0x40000000, rne

  # fdiv.s
  TEST_FP_RR_S 117, fdiv.s, 0x40000000, 0, 0x40c00000, 0x40400000, rne
  TEST_FP_RR_S 118, fdiv.s, 0x3eaaaaab, FFLAG_NX, 0x3f800000, 0x40400000, rne
  TEST_FP_RR_S 119, fdiv.s, 0x3eaaaaaa, FFLAG_NX, 0x3f800000, 0x40400000, rtz
  TEST_FP_RR_S 120, fdiv.s, 0x3eaaaaaa, FFLAG_NX, 0x3f800000, 0x40400000, rdn
  TEST_FP_RR_S 121, fdiv.s, 0x3eaaaaab, FFLAG_NX, 0x3f800000, 0x40400000, rup
  TEST_FP_RR_S 122, fdiv.s, 0x3eaaaaab, FFLAG_NX, 0x3f800000, 0x40400000, rmm
  TEST_FP_RR_S 123, fdiv.s, 0xbeaaaaab, FFLAG_NX, 0xbf800000, 0x40400000, rne
  TEST_FP_RR_S 124, fdiv.s, 0xbeaaaaaa, FFLAG_NX, 0xbf800000, 0x40400000, rtz
  TEST_FP_RR_S 125, fdiv.s, 0xbeaaaaab, FFLAG_NX, 0xbf800000, 0x40400000, rdn
  TEST_FP_RR_S 126, fdiv.s, 0xbeaaaaaa, FFLAG_NX, 0xbf800000, 0x40400000, rup
  TEST_FP_RR_S 127, fdiv.s, 0xbeaaaaab, FFLAG_NX, 0xbf800000, 0x40400000, rmm
  TEST_FP_RR_S 128, fdiv.s, 0x3f2aaaab, FFLAG_NX, 0x40000000, 0x40400000, rne
  TEST_FP_RR_S 129, fdiv.s, 0x3f2aaaaa, FFLAG_NX, 0x40000000, 0x40400000, rtz
  TEST_FP_RR_S 130, fdiv.s, 0x3f2aaaaa, FFLAG_NX, 0x40000000, 0x40400000, rdn
  TEST_FP_RR_S 131, fdiv.s, 0x3f2aaaab, FFLAG_NX, 0x40000000, 0x40400000, rup
  TEST_FP_RR_S 132, fdiv.s, 0x3f2aaaab, FFLAG_NX, 0x40000000, 0x40400000, rmm
  TEST_FP_RR_S 133, fdiv.s, 0x7f800000, FFLAG_DZ, 0x3f800000, 0x00000000, rne  # division by zero: DZ
  TEST_FP_RR_S 134, fdiv.s, 0xff800000, FFLAG_DZ, 0xbf800000, 0x00000000, rne
  TEST_FP_RR_S 135, fdiv.s, 0xff800000, FFLAG_DZ, 0x3f800000, 0x80000000, rne
  TEST_FP_RR_S 136, fdiv.s, 0x7fc00000, FFLAG_NV, 0x00000000, 0x00000000, rne  # 0 / 0: invalid, not DZ
  TEST_FP_RR_S 137, fdiv.s, 0x7fc00000, FFLAG_NV, 0x7f800000, 0x7f800000, rne
  TEST_FP_RR_S 138, fdiv.s, 0x7f800000, 0, 0x7f800000, 0x00000000, rne  # an infinite dividend: exact, no DZ
  TEST_FP_RR_S 139, fdiv.s, 0x80000000, 0, 0x3f800000, 0xff800000, rne
  TEST_FP_RR_S 140, fdiv.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x3f000000, rne
  TEST_FP_RR_S 141, fdiv.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x3f000000, rtz
  TEST_FP_RR_S 142, fdiv.s, 0x7f7fffff, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x3f000000, rdn
  TEST_FP_RR_S 143, fdiv.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x3f000000, rup
  TEST_FP_RR_S 144, fdiv.s, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x7f7fffff, 0x3f000000, rmm
  TEST_FP_RR_S 145, fdiv.s, 0x00400000, 0, 0x00800000, 0x40000000, rne
  TEST_FP_RR_S 146, fdiv.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x40000000, rne
  TEST_FP_RR_S 147, fdiv.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x40000000, rtz
  TEST_FP_RR_S 148, fdiv.s, 0x00000000, FFLAG_UF|FFLAG_NX, 0x00000001, 0x40000000, rdn
  TEST_FP_RR_S 149, fdiv.s, 0x00000001, FFLAG_UF|FFLAG_NX, 0x00000001, 0x40000000, rup
  TEST_FP_RR_S 150, fdiv.s, 0x00000001, FFLAG_UF|FFLAG_NX, 0x00000001, 0x40000000, rmm
  TEST_FP_RR_S 151, fdiv.s, 0x7fc00000, 0, 0x7fc00000, 0x00000000, rne
  TEST_FP_RR_S 152, fdiv.s, 0x7fc00000, FFLAG_NV, 0x7f800001, 0x00000000, rne

  # fsqrt.s
  TEST_FP_R_S 153, fsqrt.s, 0x40000000, 0, 0x40800000, rne
  TEST_FP_R_S 154, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000, rne
  TEST_FP_R_S 155, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000, rtz
  TEST_FP_R_S 156, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000, rdn
  TEST_FP_R_S 157, fsqrt.s, 0x3fb504f4, FFLAG_NX, 0x40000000, rup
  TEST_FP_R_S 158, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000, rmm
  TEST_FP_R_S 159, fsqrt.s, 0x3fddb3d7, FFLAG_NX, 0x40400000, rne
  TEST_FP_R_S 160, fsqrt.s, 0x3fddb3d7, FFLAG_NX, 0x40400000, rtz
  TEST_FP_R_S 161, fsqrt.s, 0x3fddb3d7, FFLAG_NX, 0x40400000, rdn
  TEST_FP_R_S 162, fsqrt.s, 0x3fddb3d8, FFLAG_NX, 0x40400000, rup
  TEST_FP_R_S 163, fsqrt.s, 0x3fddb3d7, FFLAG_NX, 0x40400000, rmm
  TEST_FP_R_S 164, fsqrt.s, 0x00000000, 0, 0x00000000, rne
  TEST_FP_R_S 165, fsqrt.s, 0x80000000, 0, 0x80000000, rne  # sqrt(-0) = -0
  TEST_FP_R_S 166, fsqrt.s, 0x7fc00000, FFLAG_NV, 0xbf800000, rne  # negative: invalid
  TEST_FP_R_S 167, fsqrt.s, 0x7f800000, 0, 0x7f800000, rne
  TEST_FP_R_S 168, fsqrt.s, 0x7fc00000, FFLAG_NV, 0xff800000, rne
  TEST_FP_R_S 169, fsqrt.s, 0x1a3504f3, FFLAG_NX, 0x00000001, rne
  TEST_FP_R_S 170, fsqrt.s, 0x1fffffff, FFLAG_NX, 0x007fffff, rne
  TEST_FP_R_S 171, fsqrt.s, 0x7fc00000, 0, 0x7fc12345, rne
  TEST_FP_R_S 172, fsqrt.s, 0x7fc00000, FFLAG_NV, 0x7f800001, rne
  TEST_FP_R_S 173, fsqrt.s, 0x7fc00000, FFLAG_NV, 0x80000001, rne

  # fsqrt.s with the dynamic rounding mode
  fsrmi 0
  TEST_FP_R_S 174, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000
  fsrmi 1
  TEST_FP_R_S 175, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000
  fsrmi 2
  TEST_FP_R_S 176, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000
  fsrmi 3
  TEST_FP_R_S 177, fsqrt.s, 0x3fb504f4, FFLAG_NX, 0x40000000
  fsrmi 4
  TEST_FP_R_S 178, fsqrt.s, 0x3fb504f3, FFLAG_NX, 0x40000000
  fsrmi 0

  # fmin.s (minimumNumber/maximumNumber: a NaN operand yields the other, sNaN raises NV, -0 < +0, two NaNs give the canonical NaN)
  TEST_FP_RR2_S 179, fmin.s, 0x3f800000, 0, 0x3f800000, 0x40000000
  TEST_FP_RR2_S 180, fmin.s, 0x3f800000, 0, 0x40000000, 0x3f800000
  TEST_FP_RR2_S 181, fmin.s, 0xbf800000, 0, 0xbf800000, 0x3f800000
  TEST_FP_RR2_S 182, fmin.s, 0x80000000, 0, 0x00000000, 0x80000000
  TEST_FP_RR2_S 183, fmin.s, 0x80000000, 0, 0x80000000, 0x00000000
  TEST_FP_RR2_S 184, fmin.s, 0xff800000, 0, 0xff800000, 0x7f800000
  TEST_FP_RR2_S 185, fmin.s, 0x80000001, 0, 0x00000001, 0x80000001
  TEST_FP_RR2_S 186, fmin.s, 0x3f800000, 0, 0x7fc00000, 0x3f800000
  TEST_FP_RR2_S 187, fmin.s, 0x3f800000, 0, 0x3f800000, 0x7fc12345
  TEST_FP_RR2_S 188, fmin.s, 0x3f800000, FFLAG_NV, 0x7f800001, 0x3f800000
  TEST_FP_RR2_S 189, fmin.s, 0xbf800000, FFLAG_NV, 0xbf800000, 0xff800001
  TEST_FP_RR2_S 190, fmin.s, 0x7fc00000, 0, 0x7fc12345, 0xffc00000
  TEST_FP_RR2_S 191, fmin.s, 0x7fc00000, FFLAG_NV, 0x7f800001, 0x7fc00000
  TEST_FP_RR2_S 192, fmin.s, 0x7fc00000, FFLAG_NV, 0x7fa00000, 0xff800001
  TEST_FP_RR2_S 193, fmin.s, 0x7f7fffff, 0, 0x7f7fffff, 0x7f7fffff

  # fmax.s (minimumNumber/maximumNumber: a NaN operand yields the other, sNaN raises NV, -0 < +0, two NaNs give the canonical NaN)
  TEST_FP_RR2_S 194, fmax.s, 0x40000000, 0, 0x3f800000, 0x40000000
  TEST_FP_RR2_S 195, fmax.s, 0x40000000, 0, 0x40000000, 0x3f800000
  TEST_FP_RR2_S 196, fmax.s, 0x3f800000, 0, 0xbf800000, 0x3f800000
  TEST_FP_RR2_S 197, fmax.s, 0x00000000, 0, 0x00000000, 0x80000000
  TEST_FP_RR2_S 198, fmax.s, 0x00000000, 0, 0x80000000, 0x00000000
  TEST_FP_RR2_S 199, fmax.s, 0x7f800000, 0, 0xff800000, 0x7f800000
  TEST_FP_RR2_S 200, fmax.s, 0x00000001, 0, 0x00000001, 0x80000001
  TEST_FP_RR2_S 201, fmax.s, 0x3f800000, 0, 0x7fc00000, 0x3f800000
  TEST_FP_RR2_S 202, fmax.s, 0x3f800000, 0, 0x3f800000, 0x7fc12345
  TEST_FP_RR2_S 203, fmax.s, 0x3f800000, FFLAG_NV, 0x7f800001, 0x3f800000
  TEST_FP_RR2_S 204, fmax.s, 0xbf800000, FFLAG_NV, 0xbf800000, 0xff800001
  TEST_FP_RR2_S 205, fmax.s, 0x7fc00000, 0, 0x7fc12345, 0xffc00000
  TEST_FP_RR2_S 206, fmax.s, 0x7fc00000, FFLAG_NV, 0x7f800001, 0x7fc00000
  TEST_FP_RR2_S 207, fmax.s, 0x7fc00000, FFLAG_NV, 0x7fa00000, 0xff800001
  TEST_FP_RR2_S 208, fmax.s, 0x7f7fffff, 0, 0x7f7fffff, 0x7f7fffff

  # fsgnj.s: bit operations, no flags, NaNs kept as they are
  TEST_FP_RR2_S 209, fsgnj.s, 0x3f800000, 0, 0x3f800000, 0x40000000
  TEST_FP_RR2_S 210, fsgnj.s, 0xbf800000, 0, 0x3f800000, 0xbf800000
  TEST_FP_RR2_S 211, fsgnj.s, 0x3f800000, 0, 0xbf800000, 0x40000000
  TEST_FP_RR2_S 212, fsgnj.s, 0xbf800000, 0, 0xbf800000, 0x80000000
  TEST_FP_RR2_S 213, fsgnj.s, 0x80000000, 0, 0x00000000, 0x80000000
  TEST_FP_RR2_S 214, fsgnj.s, 0xff800001, 0, 0x7f800001, 0xbf800000
  TEST_FP_RR2_S 215, fsgnj.s, 0x7fc00000, 0, 0xffc00000, 0x7fc12345
  TEST_FP_RR2_S 216, fsgnj.s, 0xff800000, 0, 0xff800000, 0xff800000

  # fsgnjn.s: bit operations, no flags, NaNs kept as they are
  TEST_FP_RR2_S 217, fsgnjn.s, 0xbf800000, 0, 0x3f800000, 0x40000000
  TEST_FP_RR2_S 218, fsgnjn.s, 0x3f800000, 0, 0x3f800000, 0xbf800000
  TEST_FP_RR2_S 219, fsgnjn.s, 0xbf800000, 0, 0xbf800000, 0x40000000
  TEST_FP_RR2_S 220, fsgnjn.s, 0x3f800000, 0, 0xbf800000, 0x80000000
  TEST_FP_RR2_S 221, fsgnjn.s, 0x00000000, 0, 0x00000000, 0x80000000
  TEST_FP_RR2_S 222, fsgnjn.s, 0x7f800001, 0, 0x7f800001, 0xbf800000
  TEST_FP_RR2_S 223, fsgnjn.s, 0xffc00000, 0, 0xffc00000, 0x7fc12345
  TEST_FP_RR2_S 224, fsgnjn.s, 0x7f800000, 0, 0xff800000, 0xff800000

  # fsgnjx.s: bit operations, no flags, NaNs kept as they are
  TEST_FP_RR2_S 225, fsgnjx.s, 0x3f800000, 0, 0x3f800000, 0x40000000
  TEST_FP_RR2_S 226, fsgnjx.s, 0xbf800000, 0, 0x3f800000, 0xbf800000
  TEST_FP_RR2_S 227, fsgnjx.s, 0xbf800000, 0, 0xbf800000, 0x40000000
  TEST_FP_RR2_S 228, fsgnjx.s, 0x3f800000, 0, 0xbf800000, 0x80000000
  TEST_FP_RR2_S 229, fsgnjx.s, 0x80000000, 0, 0x00000000, 0x80000000
  TEST_FP_RR2_S 230, fsgnjx.s, 0xff800001, 0, 0x7f800001, 0xbf800000
  TEST_FP_RR2_S 231, fsgnjx.s, 0xffc00000, 0, 0xffc00000, 0x7fc12345
  TEST_FP_RR2_S 232, fsgnjx.s, 0x7f800000, 0, 0xff800000, 0xff800000

  # feq.s (quiet: NV only for signalling NaNs)
  TEST_FP_CMP_S 233, feq.s, 0x1, 0, 0x3f800000, 0x3f800000
  TEST_FP_CMP_S 234, feq.s, 0x0, 0, 0x3f800000, 0x40000000
  TEST_FP_CMP_S 235, feq.s, 0x0, 0, 0x40000000, 0x3f800000
  TEST_FP_CMP_S 236, feq.s, 0x0, 0, 0xbf800000, 0x3f800000
  TEST_FP_CMP_S 237, feq.s, 0x1, 0, 0x00000000, 0x80000000
  TEST_FP_CMP_S 238, feq.s, 0x1, 0, 0x80000000, 0x00000000
  TEST_FP_CMP_S 239, feq.s, 0x0, 0, 0x00000001, 0x00000000
  TEST_FP_CMP_S 240, feq.s, 0x0, 0, 0x80000001, 0x00000001
  TEST_FP_CMP_S 241, feq.s, 0x0, 0, 0xff800000, 0xff7fffff
  TEST_FP_CMP_S 242, feq.s, 0x1, 0, 0x7f800000, 0x7f800000
  TEST_FP_CMP_S 243, feq.s, 0x0, 0, 0x7fc00000, 0x3f800000
  TEST_FP_CMP_S 244, feq.s, 0x0, 0, 0x3f800000, 0x7fc00000
  TEST_FP_CMP_S 245, feq.s, 0x0, 0, 0x7fc00000, 0x7fc00000
  TEST_FP_CMP_S 246, feq.s, 0x0, FFLAG_NV, 0x7f800001, 0x3f800000
  TEST_FP_CMP_S 247, feq.s, 0x0, FFLAG_NV, 0x3f800000, 0xff800001

  # flt.s (signalling: NV for any NaN)
  TEST_FP_CMP_S 248, flt.s, 0x0, 0, 0x3f800000, 0x3f800000
  TEST_FP_CMP_S 249, flt.s, 0x1, 0, 0x3f800000, 0x40000000
  TEST_FP_CMP_S 250, flt.s, 0x0, 0, 0x40000000, 0x3f800000
  TEST_FP_CMP_S 251, flt.s, 0x1, 0, 0xbf800000, 0x3f800000
  TEST_FP_CMP_S 252, flt.s, 0x0, 0, 0x00000000, 0x80000000
  TEST_FP_CMP_S 253, flt.s, 0x0, 0, 0x80000000, 0x00000000
  TEST_FP_CMP_S 254, flt.s, 0x0, 0, 0x00000001, 0x00000000
  TEST_FP_CMP_S 255, flt.s, 0x1, 0, 0x80000001, 0x00000001
  TEST_FP_CMP_S 256, flt.s, 0x1, 0, 0xff800000, 0xff7fffff
  TEST_FP_CMP_S 257, flt.s, 0x0, 0, 0x7f800000, 0x7f800000
  TEST_FP_CMP_S 258, flt.s, 0x0, FFLAG_NV, 0x7fc00000, 0x3f800000
  TEST_FP_CMP_S 259, flt.s, 0x0, FFLAG_NV, 0x3f800000, 0x7fc00000
  TEST_FP_CMP_S 260, flt.s, 0x0, FFLAG_NV, 0x7fc00000, 0x7fc00000
  TEST_FP_CMP_S 261, flt.s, 0x0, FFLAG_NV, 0x7f800001, 0x3f800000
  TEST_FP_CMP_S 262, flt.s, 0x0, FFLAG_NV, 0x3f800000, 0xff800001

  # fle.s (signalling: NV for any NaN)
  TEST_FP_CMP_S 263, fle.s, 0x1, 0, 0x3f800000, 0x3f800000
  TEST_FP_CMP_S 264, fle.s, 0x1, 0, 0x3f800000, 0x40000000
  TEST_FP_CMP_S 265, fle.s, 0x0, 0, 0x40000000, 0x3f800000
  TEST_FP_CMP_S 266, fle.s, 0x1, 0, 0xbf800000, 0x3f800000
  TEST_FP_CMP_S 267, fle.s, 0x1, 0, 0x00000000, 0x80000000
  TEST_FP_CMP_S 268, fle.s, 0x1, 0, 0x80000000, 0x00000000
  TEST_FP_CMP_S 269, fle.s, 0x0, 0, 0x00000001, 0x00000000
  TEST_FP_CMP_S 270, fle.s, 0x1, 0, 0x80000001, 0x00000001
  TEST_FP_CMP_S 271, fle.s, 0x1, 0, 0xff800000, 0xff7fffff
  TEST_FP_CMP_S 272, fle.s, 0x1, 0, 0x7f800000, 0x7f800000
  TEST_FP_CMP_S 273, fle.s, 0x0, FFLAG_NV, 0x7fc00000, 0x3f800000
  TEST_FP_CMP_S 274, fle.s, 0x0, FFLAG_NV, 0x3f800000, 0x7fc00000
  TEST_FP_CMP_S 275, fle.s, 0x0, FFLAG_NV, 0x7fc00000, 0x7fc00000
  TEST_FP_CMP_S 276, fle.s, 0x0, FFLAG_NV, 0x7f800001, 0x3f800000
  TEST_FP_CMP_S 277, fle.s, 0x0, FFLAG_NV, 0x3f800000, 0xff800001

  # fclass.s: one bit of ten (-inf, -normal, -subnormal, -0, +0, +subnormal, +normal, +inf, sNaN, qNaN)
  TEST_FP_CLASS_S 278, fclass.s, 0x1, 0xff800000
  TEST_FP_CLASS_S 279, fclass.s, 0x2, 0xff7fffff
  TEST_FP_CLASS_S 280, fclass.s, 0x2, 0xbf800000
  TEST_FP_CLASS_S 281, fclass.s, 0x2, 0x80800000
  TEST_FP_CLASS_S 282, fclass.s, 0x4, 0x807fffff
  TEST_FP_CLASS_S 283, fclass.s, 0x4, 0x80000001
  TEST_FP_CLASS_S 284, fclass.s, 0x8, 0x80000000
  TEST_FP_CLASS_S 285, fclass.s, 0x10, 0x00000000
  TEST_FP_CLASS_S 286, fclass.s, 0x20, 0x00000001
  TEST_FP_CLASS_S 287, fclass.s, 0x20, 0x007fffff
  TEST_FP_CLASS_S 288, fclass.s, 0x40, 0x00800000
  TEST_FP_CLASS_S 289, fclass.s, 0x40, 0x3f800000
  TEST_FP_CLASS_S 290, fclass.s, 0x40, 0x7f7fffff
  TEST_FP_CLASS_S 291, fclass.s, 0x80, 0x7f800000
  TEST_FP_CLASS_S 292, fclass.s, 0x100, 0x7f800001
  TEST_FP_CLASS_S 293, fclass.s, 0x100, 0x7fa00000
  TEST_FP_CLASS_S 294, fclass.s, 0x100, 0xff800001
  TEST_FP_CLASS_S 295, fclass.s, 0x200, 0x7fc00000
  TEST_FP_CLASS_S 296, fclass.s, 0x200, 0xffc00000
  TEST_FP_CLASS_S 297, fclass.s, 0x200, 0x7fc12345

  PASS
