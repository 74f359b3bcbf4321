# fcvt.S: every conversion of F and D (unprivileged spec chapters 11 and
# 12, table "Domains of float-to-integer conversions"): float to 32/64-bit
# integers, signed and unsigned, in every rounding mode, saturating on NaN,
# infinities and out-of-range values with NV only (no NX); 32-bit results
# sign-extended into rd (fcvt.wu too); integers to floats, inexact in every
# rounding mode, the w/wu forms reading only the low 32 bits of rs1; and
# fcvt.s.d (rounding, overflow, underflow, NaNs canonical) and fcvt.d.s
# (exact).
#
# The expected values were produced by running each instruction under
# Debian's qemu-riscv64; the program runs on QEMU's spike board too.

  .include "prelude.S"
  .include "float-macros.S"

  .text
  .globl main
main:
  # fcvt.w.s: every rounding mode, saturation with NV only (the 32-bit result is sign-extended into rd, unsigned or not)
  TEST_FP_TO_INT_S 1, fcvt.w.s, 0x2, FFLAG_NX, 0x40200000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_S 2, fcvt.w.s, 0x2, FFLAG_NX, 0x40200000, rtz
  TEST_FP_TO_INT_S 3, fcvt.w.s, 0x2, FFLAG_NX, 0x40200000, rdn
  TEST_FP_TO_INT_S 4, fcvt.w.s, 0x3, FFLAG_NX, 0x40200000, rup
  TEST_FP_TO_INT_S 5, fcvt.w.s, 0x3, FFLAG_NX, 0x40200000, rmm
  TEST_FP_TO_INT_S 6, fcvt.w.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_S 7, fcvt.w.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rtz
  TEST_FP_TO_INT_S 8, fcvt.w.s, 0xfffffffffffffffd, FFLAG_NX, 0xc0200000, rdn
  TEST_FP_TO_INT_S 9, fcvt.w.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rup
  TEST_FP_TO_INT_S 10, fcvt.w.s, 0xfffffffffffffffd, FFLAG_NX, 0xc0200000, rmm
  TEST_FP_TO_INT_S 11, fcvt.w.s, 0x2, FFLAG_NX, 0x3fc00000, rne  # 1.5
  TEST_FP_TO_INT_S 12, fcvt.w.s, 0x1, FFLAG_NX, 0x3fc00000, rtz
  TEST_FP_TO_INT_S 13, fcvt.w.s, 0x1, FFLAG_NX, 0x3fc00000, rdn
  TEST_FP_TO_INT_S 14, fcvt.w.s, 0x2, FFLAG_NX, 0x3fc00000, rup
  TEST_FP_TO_INT_S 15, fcvt.w.s, 0x2, FFLAG_NX, 0x3fc00000, rmm
  TEST_FP_TO_INT_S 16, fcvt.w.s, 0x0, FFLAG_NX, 0xbf000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_S 17, fcvt.w.s, 0x0, FFLAG_NX, 0xbf000000, rtz
  TEST_FP_TO_INT_S 18, fcvt.w.s, 0xffffffffffffffff, FFLAG_NX, 0xbf000000, rdn
  TEST_FP_TO_INT_S 19, fcvt.w.s, 0x0, FFLAG_NX, 0xbf000000, rup
  TEST_FP_TO_INT_S 20, fcvt.w.s, 0xffffffffffffffff, FFLAG_NX, 0xbf000000, rmm
  TEST_FP_TO_INT_S 21, fcvt.w.s, 0x0, 0, 0x00000000, rtz
  TEST_FP_TO_INT_S 22, fcvt.w.s, 0x0, 0, 0x80000000, rtz
  TEST_FP_TO_INT_S 23, fcvt.w.s, 0x0, FFLAG_NX, 0x00000001, rtz
  TEST_FP_TO_INT_S 24, fcvt.w.s, 0xffffffffffffffff, FFLAG_NX, 0x80000001, rdn
  TEST_FP_TO_INT_S 25, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x7fc00000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_S 26, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0xffc00000, rtz
  TEST_FP_TO_INT_S 27, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x7f800001, rtz
  TEST_FP_TO_INT_S 28, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x7f800000, rtz
  TEST_FP_TO_INT_S 29, fcvt.w.s, 0xffffffff80000000, FFLAG_NV, 0xff800000, rtz
  TEST_FP_TO_INT_S 30, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x7f7fffff, rtz
  TEST_FP_TO_INT_S 31, fcvt.w.s, 0xffffffff80000000, FFLAG_NV, 0xff7fffff, rtz
  TEST_FP_TO_INT_S 32, fcvt.w.s, 0x1000002, 0, 0x4b800001, rtz
  TEST_FP_TO_INT_S 33, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x4f000000, rtz
  TEST_FP_TO_INT_S 34, fcvt.w.s, 0x7fffff80, 0, 0x4effffff, rtz
  TEST_FP_TO_INT_S 35, fcvt.w.s, 0xffffffff80000000, 0, 0xcf000000, rtz
  TEST_FP_TO_INT_S 36, fcvt.w.s, 0xffffffff80000000, FFLAG_NV, 0xcf000001, rtz
  TEST_FP_TO_INT_S 37, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x4f800000, rtz
  TEST_FP_TO_INT_S 38, fcvt.w.s, 0x7fffffff, FFLAG_NV, 0x4f7fffff, rtz

  # fcvt.wu.s: every rounding mode, saturation with NV only (the 32-bit result is sign-extended into rd, unsigned or not)
  TEST_FP_TO_INT_S 39, fcvt.wu.s, 0x2, FFLAG_NX, 0x40200000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_S 40, fcvt.wu.s, 0x2, FFLAG_NX, 0x40200000, rtz
  TEST_FP_TO_INT_S 41, fcvt.wu.s, 0x2, FFLAG_NX, 0x40200000, rdn
  TEST_FP_TO_INT_S 42, fcvt.wu.s, 0x3, FFLAG_NX, 0x40200000, rup
  TEST_FP_TO_INT_S 43, fcvt.wu.s, 0x3, FFLAG_NX, 0x40200000, rmm
  TEST_FP_TO_INT_S 44, fcvt.wu.s, 0x0, FFLAG_NV, 0xc0200000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_S 45, fcvt.wu.s, 0x0, FFLAG_NV, 0xc0200000, rtz
  TEST_FP_TO_INT_S 46, fcvt.wu.s, 0x0, FFLAG_NV, 0xc0200000, rdn
  TEST_FP_TO_INT_S 47, fcvt.wu.s, 0x0, FFLAG_NV, 0xc0200000, rup
  TEST_FP_TO_INT_S 48, fcvt.wu.s, 0x0, FFLAG_NV, 0xc0200000, rmm
  TEST_FP_TO_INT_S 49, fcvt.wu.s, 0x2, FFLAG_NX, 0x3fc00000, rne  # 1.5
  TEST_FP_TO_INT_S 50, fcvt.wu.s, 0x1, FFLAG_NX, 0x3fc00000, rtz
  TEST_FP_TO_INT_S 51, fcvt.wu.s, 0x1, FFLAG_NX, 0x3fc00000, rdn
  TEST_FP_TO_INT_S 52, fcvt.wu.s, 0x2, FFLAG_NX, 0x3fc00000, rup
  TEST_FP_TO_INT_S 53, fcvt.wu.s, 0x2, FFLAG_NX, 0x3fc00000, rmm
  TEST_FP_TO_INT_S 54, fcvt.wu.s, 0x0, FFLAG_NX, 0xbf000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_S 55, fcvt.wu.s, 0x0, FFLAG_NX, 0xbf000000, rtz
  TEST_FP_TO_INT_S 56, fcvt.wu.s, 0x0, FFLAG_NV, 0xbf000000, rdn
  TEST_FP_TO_INT_S 57, fcvt.wu.s, 0x0, FFLAG_NX, 0xbf000000, rup
  TEST_FP_TO_INT_S 58, fcvt.wu.s, 0x0, FFLAG_NV, 0xbf000000, rmm
  TEST_FP_TO_INT_S 59, fcvt.wu.s, 0x0, 0, 0x00000000, rtz
  TEST_FP_TO_INT_S 60, fcvt.wu.s, 0x0, 0, 0x80000000, rtz
  TEST_FP_TO_INT_S 61, fcvt.wu.s, 0x0, FFLAG_NX, 0x00000001, rtz
  TEST_FP_TO_INT_S 62, fcvt.wu.s, 0x0, FFLAG_NV, 0x80000001, rdn
  TEST_FP_TO_INT_S 63, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0x7fc00000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_S 64, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0xffc00000, rtz
  TEST_FP_TO_INT_S 65, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f800001, rtz
  TEST_FP_TO_INT_S 66, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f800000, rtz
  TEST_FP_TO_INT_S 67, fcvt.wu.s, 0x0, FFLAG_NV, 0xff800000, rtz
  TEST_FP_TO_INT_S 68, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f7fffff, rtz
  TEST_FP_TO_INT_S 69, fcvt.wu.s, 0x0, FFLAG_NV, 0xff7fffff, rtz
  TEST_FP_TO_INT_S 70, fcvt.wu.s, 0x1000002, 0, 0x4b800001, rtz
  TEST_FP_TO_INT_S 71, fcvt.wu.s, 0xffffffff80000000, 0, 0x4f000000, rtz
  TEST_FP_TO_INT_S 72, fcvt.wu.s, 0x7fffff80, 0, 0x4effffff, rtz
  TEST_FP_TO_INT_S 73, fcvt.wu.s, 0x0, FFLAG_NV, 0xcf000000, rtz
  TEST_FP_TO_INT_S 74, fcvt.wu.s, 0x0, FFLAG_NV, 0xcf000001, rtz
  TEST_FP_TO_INT_S 75, fcvt.wu.s, 0xffffffffffffffff, FFLAG_NV, 0x4f800000, rtz
  TEST_FP_TO_INT_S 76, fcvt.wu.s, 0xffffffffffffff00, 0, 0x4f7fffff, rtz

  # fcvt.l.s: every rounding mode, saturation with NV only
  TEST_FP_TO_INT_S 77, fcvt.l.s, 0x2, FFLAG_NX, 0x40200000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_S 78, fcvt.l.s, 0x2, FFLAG_NX, 0x40200000, rtz
  TEST_FP_TO_INT_S 79, fcvt.l.s, 0x2, FFLAG_NX, 0x40200000, rdn
  TEST_FP_TO_INT_S 80, fcvt.l.s, 0x3, FFLAG_NX, 0x40200000, rup
  TEST_FP_TO_INT_S 81, fcvt.l.s, 0x3, FFLAG_NX, 0x40200000, rmm
  TEST_FP_TO_INT_S 82, fcvt.l.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_S 83, fcvt.l.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rtz
  TEST_FP_TO_INT_S 84, fcvt.l.s, 0xfffffffffffffffd, FFLAG_NX, 0xc0200000, rdn
  TEST_FP_TO_INT_S 85, fcvt.l.s, 0xfffffffffffffffe, FFLAG_NX, 0xc0200000, rup
  TEST_FP_TO_INT_S 86, fcvt.l.s, 0xfffffffffffffffd, FFLAG_NX, 0xc0200000, rmm
  TEST_FP_TO_INT_S 87, fcvt.l.s, 0x2, FFLAG_NX, 0x3fc00000, rne  # 1.5
  TEST_FP_TO_INT_S 88, fcvt.l.s, 0x1, FFLAG_NX, 0x3fc00000, rtz
  TEST_FP_TO_INT_S 89, fcvt.l.s, 0x1, FFLAG_NX, 0x3fc00000, rdn
  TEST_FP_TO_INT_S 90, fcvt.l.s, 0x2, FFLAG_NX, 0x3fc00000, rup
  TEST_FP_TO_INT_S 91, fcvt.l.s, 0x2, FFLAG_NX, 0x3fc00000, rmm
  TEST_FP_TO_INT_S 92, fcvt.l.s, 0x0, FFLAG_NX, 0xbf000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_S 93, fcvt.l.s, 0x0, FFLAG_NX, 0xbf000000, rtz
  TEST_FP_TO_INT_S 94, fcvt.l.s, 0xffffffffffffffff, FFLAG_NX, 0xbf000000, rdn
  TEST_FP_TO_INT_S 95, fcvt.l.s, 0x0, FFLAG_NX, 0xbf000000, rup
  TEST_FP_TO_INT_S 96, fcvt.l.s, 0xffffffffffffffff, FFLAG_NX, 0xbf000000, rmm
  TEST_FP_TO_INT_S 97, fcvt.l.s, 0x0, 0, 0x00000000, rtz
  TEST_FP_TO_INT_S 98, fcvt.l.s, 0x0, 0, 0x80000000, rtz
  TEST_FP_TO_INT_S 99, fcvt.l.s, 0x0, FFLAG_NX, 0x00000001, rtz
  TEST_FP_TO_INT_S 100, fcvt.l.s, 0xffffffffffffffff, FFLAG_NX, 0x80000001, rdn
  TEST_FP_TO_INT_S 101, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x7fc00000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_S 102, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0xffc00000, rtz
  TEST_FP_TO_INT_S 103, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x7f800001, rtz
  TEST_FP_TO_INT_S 104, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x7f800000, rtz
  TEST_FP_TO_INT_S 105, fcvt.l.s, 0x8000000000000000, FFLAG_NV, 0xff800000, rtz
  TEST_FP_TO_INT_S 106, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x7f7fffff, rtz
  TEST_FP_TO_INT_S 107, fcvt.l.s, 0x8000000000000000, FFLAG_NV, 0xff7fffff, rtz
  TEST_FP_TO_INT_S 108, fcvt.l.s, 0x1000002, 0, 0x4b800001, rtz
  TEST_FP_TO_INT_S 109, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x5f000000, rtz
  TEST_FP_TO_INT_S 110, fcvt.l.s, 0x7fffff8000000000, 0, 0x5effffff, rtz
  TEST_FP_TO_INT_S 111, fcvt.l.s, 0x8000000000000000, 0, 0xdf000000, rtz
  TEST_FP_TO_INT_S 112, fcvt.l.s, 0x8000000000000000, FFLAG_NV, 0xdf000001, rtz
  TEST_FP_TO_INT_S 113, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x5f800000, rtz
  TEST_FP_TO_INT_S 114, fcvt.l.s, 0x7fffffffffffffff, FFLAG_NV, 0x5f7fffff, rtz

  # fcvt.lu.s: every rounding mode, saturation with NV only
  TEST_FP_TO_INT_S 115, fcvt.lu.s, 0x2, FFLAG_NX, 0x40200000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_S 116, fcvt.lu.s, 0x2, FFLAG_NX, 0x40200000, rtz
  TEST_FP_TO_INT_S 117, fcvt.lu.s, 0x2, FFLAG_NX, 0x40200000, rdn
  TEST_FP_TO_INT_S 118, fcvt.lu.s, 0x3, FFLAG_NX, 0x40200000, rup
  TEST_FP_TO_INT_S 119, fcvt.lu.s, 0x3, FFLAG_NX, 0x40200000, rmm
  TEST_FP_TO_INT_S 120, fcvt.lu.s, 0x0, FFLAG_NV, 0xc0200000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_S 121, fcvt.lu.s, 0x0, FFLAG_NV, 0xc0200000, rtz
  TEST_FP_TO_INT_S 122, fcvt.lu.s, 0x0, FFLAG_NV, 0xc0200000, rdn
  TEST_FP_TO_INT_S 123, fcvt.lu.s, 0x0, FFLAG_NV, 0xc0200000, rup
  TEST_FP_TO_INT_S 124, fcvt.lu.s, 0x0, FFLAG_NV, 0xc0200000, rmm
  TEST_FP_TO_INT_S 125, fcvt.lu.s, 0x2, FFLAG_NX, 0x3fc00000, rne  # 1.5
  TEST_FP_TO_INT_S 126, fcvt.lu.s, 0x1, FFLAG_NX, 0x3fc00000, rtz
  TEST_FP_TO_INT_S 127, fcvt.lu.s, 0x1, FFLAG_NX, 0x3fc00000, rdn
  TEST_FP_TO_INT_S 128, fcvt.lu.s, 0x2, FFLAG_NX, 0x3fc00000, rup
  TEST_FP_TO_INT_S 129, fcvt.lu.s, 0x2, FFLAG_NX, 0x3fc00000, rmm
  TEST_FP_TO_INT_S 130, fcvt.lu.s, 0x0, FFLAG_NX, 0xbf000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_S 131, fcvt.lu.s, 0x0, FFLAG_NX, 0xbf000000, rtz
  TEST_FP_TO_INT_S 132, fcvt.lu.s, 0x0, FFLAG_NV, 0xbf000000, rdn
  TEST_FP_TO_INT_S 133, fcvt.lu.s, 0x0, FFLAG_NX, 0xbf000000, rup
  TEST_FP_TO_INT_S 134, fcvt.lu.s, 0x0, FFLAG_NV, 0xbf000000, rmm
  TEST_FP_TO_INT_S 135, fcvt.lu.s, 0x0, 0, 0x00000000, rtz
  TEST_FP_TO_INT_S 136, fcvt.lu.s, 0x0, 0, 0x80000000, rtz
  TEST_FP_TO_INT_S 137, fcvt.lu.s, 0x0, FFLAG_NX, 0x00000001, rtz
  TEST_FP_TO_INT_S 138, fcvt.lu.s, 0x0, FFLAG_NV, 0x80000001, rdn
  TEST_FP_TO_INT_S 139, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0x7fc00000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_S 140, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0xffc00000, rtz
  TEST_FP_TO_INT_S 141, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f800001, rtz
  TEST_FP_TO_INT_S 142, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f800000, rtz
  TEST_FP_TO_INT_S 143, fcvt.lu.s, 0x0, FFLAG_NV, 0xff800000, rtz
  TEST_FP_TO_INT_S 144, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0x7f7fffff, rtz
  TEST_FP_TO_INT_S 145, fcvt.lu.s, 0x0, FFLAG_NV, 0xff7fffff, rtz
  TEST_FP_TO_INT_S 146, fcvt.lu.s, 0x1000002, 0, 0x4b800001, rtz
  TEST_FP_TO_INT_S 147, fcvt.lu.s, 0x8000000000000000, 0, 0x5f000000, rtz
  TEST_FP_TO_INT_S 148, fcvt.lu.s, 0x7fffff8000000000, 0, 0x5effffff, rtz
  TEST_FP_TO_INT_S 149, fcvt.lu.s, 0x0, FFLAG_NV, 0xdf000000, rtz
  TEST_FP_TO_INT_S 150, fcvt.lu.s, 0x0, FFLAG_NV, 0xdf000001, rtz
  TEST_FP_TO_INT_S 151, fcvt.lu.s, 0xffffffffffffffff, FFLAG_NV, 0x5f800000, rtz
  TEST_FP_TO_INT_S 152, fcvt.lu.s, 0xffffff0000000000, 0, 0x5f7fffff, rtz

  # fcvt.s.w
  TEST_INT_TO_FP_S 153, fcvt.s.w, 0x00000000, 0, 0x0, rne
  TEST_INT_TO_FP_S 154, fcvt.s.w, 0x3f800000, 0, 0x1, rne
  TEST_INT_TO_FP_S 155, fcvt.s.w, 0xbf800000, 0, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_S 156, fcvt.s.w, 0x4f000000, FFLAG_NX, 0x7fffffff, rne
  TEST_INT_TO_FP_S 157, fcvt.s.w, 0x4effffff, FFLAG_NX, 0x7fffffff, rtz
  TEST_INT_TO_FP_S 158, fcvt.s.w, 0x4effffff, FFLAG_NX, 0x7fffffff, rdn
  TEST_INT_TO_FP_S 159, fcvt.s.w, 0x4f000000, FFLAG_NX, 0x7fffffff, rup
  TEST_INT_TO_FP_S 160, fcvt.s.w, 0x4f000000, FFLAG_NX, 0x7fffffff, rmm
  TEST_INT_TO_FP_S 161, fcvt.s.w, 0xcf000000, 0, 0xffffffff80000000, rne
  TEST_INT_TO_FP_S 162, fcvt.s.w, 0xbf800000, 0, 0xffffffff, rne
  TEST_INT_TO_FP_S 163, fcvt.s.w, 0xbf800000, 0, 0xffffffff, rtz
  TEST_INT_TO_FP_S 164, fcvt.s.w, 0xbf800000, 0, 0xffffffff, rdn
  TEST_INT_TO_FP_S 165, fcvt.s.w, 0xbf800000, 0, 0xffffffff, rup
  TEST_INT_TO_FP_S 166, fcvt.s.w, 0xbf800000, 0, 0xffffffff, rmm
  TEST_INT_TO_FP_S 167, fcvt.s.w, 0xcf000000, 0, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_S 168, fcvt.s.w, 0x4b800000, FFLAG_NX, 0x1000001, rne  # a tie
  TEST_INT_TO_FP_S 169, fcvt.s.w, 0x4b800000, FFLAG_NX, 0x1000001, rtz
  TEST_INT_TO_FP_S 170, fcvt.s.w, 0x4b800000, FFLAG_NX, 0x1000001, rdn
  TEST_INT_TO_FP_S 171, fcvt.s.w, 0x4b800001, FFLAG_NX, 0x1000001, rup
  TEST_INT_TO_FP_S 172, fcvt.s.w, 0x4b800001, FFLAG_NX, 0x1000001, rmm
  TEST_INT_TO_FP_S 173, fcvt.s.w, 0xcb800002, FFLAG_NX, 0xfffffffffefffffd, rne
  TEST_INT_TO_FP_S 174, fcvt.s.w, 0xcb800001, FFLAG_NX, 0xfffffffffefffffd, rtz
  TEST_INT_TO_FP_S 175, fcvt.s.w, 0xcb800002, FFLAG_NX, 0xfffffffffefffffd, rdn
  TEST_INT_TO_FP_S 176, fcvt.s.w, 0xcb800001, FFLAG_NX, 0xfffffffffefffffd, rup
  TEST_INT_TO_FP_S 177, fcvt.s.w, 0xcb800002, FFLAG_NX, 0xfffffffffefffffd, rmm

  # fcvt.s.wu
  TEST_INT_TO_FP_S 178, fcvt.s.wu, 0x00000000, 0, 0x0, rne
  TEST_INT_TO_FP_S 179, fcvt.s.wu, 0x3f800000, 0, 0x1, rne
  TEST_INT_TO_FP_S 180, fcvt.s.wu, 0x4f800000, FFLAG_NX, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_S 181, fcvt.s.wu, 0x4f000000, FFLAG_NX, 0x7fffffff, rne
  TEST_INT_TO_FP_S 182, fcvt.s.wu, 0x4effffff, FFLAG_NX, 0x7fffffff, rtz
  TEST_INT_TO_FP_S 183, fcvt.s.wu, 0x4effffff, FFLAG_NX, 0x7fffffff, rdn
  TEST_INT_TO_FP_S 184, fcvt.s.wu, 0x4f000000, FFLAG_NX, 0x7fffffff, rup
  TEST_INT_TO_FP_S 185, fcvt.s.wu, 0x4f000000, FFLAG_NX, 0x7fffffff, rmm
  TEST_INT_TO_FP_S 186, fcvt.s.wu, 0x4f000000, 0, 0xffffffff80000000, rne
  TEST_INT_TO_FP_S 187, fcvt.s.wu, 0x4f800000, FFLAG_NX, 0xffffffff, rne
  TEST_INT_TO_FP_S 188, fcvt.s.wu, 0x4f7fffff, FFLAG_NX, 0xffffffff, rtz
  TEST_INT_TO_FP_S 189, fcvt.s.wu, 0x4f7fffff, FFLAG_NX, 0xffffffff, rdn
  TEST_INT_TO_FP_S 190, fcvt.s.wu, 0x4f800000, FFLAG_NX, 0xffffffff, rup
  TEST_INT_TO_FP_S 191, fcvt.s.wu, 0x4f800000, FFLAG_NX, 0xffffffff, rmm
  TEST_INT_TO_FP_S 192, fcvt.s.wu, 0x4f000000, 0, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_S 193, fcvt.s.wu, 0x4b800000, FFLAG_NX, 0x1000001, rne  # a tie
  TEST_INT_TO_FP_S 194, fcvt.s.wu, 0x4b800000, FFLAG_NX, 0x1000001, rtz
  TEST_INT_TO_FP_S 195, fcvt.s.wu, 0x4b800000, FFLAG_NX, 0x1000001, rdn
  TEST_INT_TO_FP_S 196, fcvt.s.wu, 0x4b800001, FFLAG_NX, 0x1000001, rup
  TEST_INT_TO_FP_S 197, fcvt.s.wu, 0x4b800001, FFLAG_NX, 0x1000001, rmm
  TEST_INT_TO_FP_S 198, fcvt.s.wu, 0x4f7f0000, FFLAG_NX, 0xfffffffffefffffd, rne
  TEST_INT_TO_FP_S 199, fcvt.s.wu, 0x4f7effff, FFLAG_NX, 0xfffffffffefffffd, rtz
  TEST_INT_TO_FP_S 200, fcvt.s.wu, 0x4f7effff, FFLAG_NX, 0xfffffffffefffffd, rdn
  TEST_INT_TO_FP_S 201, fcvt.s.wu, 0x4f7f0000, FFLAG_NX, 0xfffffffffefffffd, rup
  TEST_INT_TO_FP_S 202, fcvt.s.wu, 0x4f7f0000, FFLAG_NX, 0xfffffffffefffffd, rmm

  # fcvt.s.l
  TEST_INT_TO_FP_S 203, fcvt.s.l, 0x00000000, 0, 0x0, rne
  TEST_INT_TO_FP_S 204, fcvt.s.l, 0x3f800000, 0, 0x1, rne
  TEST_INT_TO_FP_S 205, fcvt.s.l, 0xbf800000, 0, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_S 206, fcvt.s.l, 0x4f000000, FFLAG_NX, 0x7fffffff, rne
  TEST_INT_TO_FP_S 207, fcvt.s.l, 0x4effffff, FFLAG_NX, 0x7fffffff, rtz
  TEST_INT_TO_FP_S 208, fcvt.s.l, 0x4effffff, FFLAG_NX, 0x7fffffff, rdn
  TEST_INT_TO_FP_S 209, fcvt.s.l, 0x4f000000, FFLAG_NX, 0x7fffffff, rup
  TEST_INT_TO_FP_S 210, fcvt.s.l, 0x4f000000, FFLAG_NX, 0x7fffffff, rmm
  TEST_INT_TO_FP_S 211, fcvt.s.l, 0xcf000000, 0, 0xffffffff80000000, rne
  TEST_INT_TO_FP_S 212, fcvt.s.l, 0x4f800000, FFLAG_NX, 0xffffffff, rne
  TEST_INT_TO_FP_S 213, fcvt.s.l, 0x4f7fffff, FFLAG_NX, 0xffffffff, rtz
  TEST_INT_TO_FP_S 214, fcvt.s.l, 0x4f7fffff, FFLAG_NX, 0xffffffff, rdn
  TEST_INT_TO_FP_S 215, fcvt.s.l, 0x4f800000, FFLAG_NX, 0xffffffff, rup
  TEST_INT_TO_FP_S 216, fcvt.s.l, 0x4f800000, FFLAG_NX, 0xffffffff, rmm
  TEST_INT_TO_FP_S 217, fcvt.s.l, 0x5d91a2b4, FFLAG_NX, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_S 218, fcvt.s.l, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rne
  TEST_INT_TO_FP_S 219, fcvt.s.l, 0x5effffff, FFLAG_NX, 0x7fffffffffffffff, rtz
  TEST_INT_TO_FP_S 220, fcvt.s.l, 0x5effffff, FFLAG_NX, 0x7fffffffffffffff, rdn
  TEST_INT_TO_FP_S 221, fcvt.s.l, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rup
  TEST_INT_TO_FP_S 222, fcvt.s.l, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rmm
  TEST_INT_TO_FP_S 223, fcvt.s.l, 0xdf000000, 0, 0x8000000000000000, rne
  TEST_INT_TO_FP_S 224, fcvt.s.l, 0xdf000000, 0, 0x8000000000000000, rtz
  TEST_INT_TO_FP_S 225, fcvt.s.l, 0xdf000000, 0, 0x8000000000000000, rdn
  TEST_INT_TO_FP_S 226, fcvt.s.l, 0xdf000000, 0, 0x8000000000000000, rup
  TEST_INT_TO_FP_S 227, fcvt.s.l, 0xdf000000, 0, 0x8000000000000000, rmm
  TEST_INT_TO_FP_S 228, fcvt.s.l, 0x4b800000, FFLAG_NX, 0x1000001, rne  # a tie
  TEST_INT_TO_FP_S 229, fcvt.s.l, 0x4b800000, FFLAG_NX, 0x1000001, rtz
  TEST_INT_TO_FP_S 230, fcvt.s.l, 0x4b800000, FFLAG_NX, 0x1000001, rdn
  TEST_INT_TO_FP_S 231, fcvt.s.l, 0x4b800001, FFLAG_NX, 0x1000001, rup
  TEST_INT_TO_FP_S 232, fcvt.s.l, 0x4b800001, FFLAG_NX, 0x1000001, rmm
  TEST_INT_TO_FP_S 233, fcvt.s.l, 0x4b800002, FFLAG_NX, 0x1000003, rne
  TEST_INT_TO_FP_S 234, fcvt.s.l, 0x4b800001, FFLAG_NX, 0x1000003, rtz
  TEST_INT_TO_FP_S 235, fcvt.s.l, 0x4b800001, FFLAG_NX, 0x1000003, rdn
  TEST_INT_TO_FP_S 236, fcvt.s.l, 0x4b800002, FFLAG_NX, 0x1000003, rup
  TEST_INT_TO_FP_S 237, fcvt.s.l, 0x4b800002, FFLAG_NX, 0x1000003, rmm
  TEST_INT_TO_FP_S 238, fcvt.s.l, 0xcb800000, FFLAG_NX, 0xfffffffffeffffff, rne
  TEST_INT_TO_FP_S 239, fcvt.s.l, 0xcb800000, FFLAG_NX, 0xfffffffffeffffff, rtz
  TEST_INT_TO_FP_S 240, fcvt.s.l, 0xcb800001, FFLAG_NX, 0xfffffffffeffffff, rdn
  TEST_INT_TO_FP_S 241, fcvt.s.l, 0xcb800000, FFLAG_NX, 0xfffffffffeffffff, rup
  TEST_INT_TO_FP_S 242, fcvt.s.l, 0xcb800001, FFLAG_NX, 0xfffffffffeffffff, rmm

  # fcvt.s.lu
  TEST_INT_TO_FP_S 243, fcvt.s.lu, 0x00000000, 0, 0x0, rne
  TEST_INT_TO_FP_S 244, fcvt.s.lu, 0x3f800000, 0, 0x1, rne
  TEST_INT_TO_FP_S 245, fcvt.s.lu, 0x5f800000, FFLAG_NX, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_S 246, fcvt.s.lu, 0x4f000000, FFLAG_NX, 0x7fffffff, rne
  TEST_INT_TO_FP_S 247, fcvt.s.lu, 0x4effffff, FFLAG_NX, 0x7fffffff, rtz
  TEST_INT_TO_FP_S 248, fcvt.s.lu, 0x4effffff, FFLAG_NX, 0x7fffffff, rdn
  TEST_INT_TO_FP_S 249, fcvt.s.lu, 0x4f000000, FFLAG_NX, 0x7fffffff, rup
  TEST_INT_TO_FP_S 250, fcvt.s.lu, 0x4f000000, FFLAG_NX, 0x7fffffff, rmm
  TEST_INT_TO_FP_S 251, fcvt.s.lu, 0x5f800000, FFLAG_NX, 0xffffffff80000000, rne
  TEST_INT_TO_FP_S 252, fcvt.s.lu, 0x4f800000, FFLAG_NX, 0xffffffff, rne
  TEST_INT_TO_FP_S 253, fcvt.s.lu, 0x4f7fffff, FFLAG_NX, 0xffffffff, rtz
  TEST_INT_TO_FP_S 254, fcvt.s.lu, 0x4f7fffff, FFLAG_NX, 0xffffffff, rdn
  TEST_INT_TO_FP_S 255, fcvt.s.lu, 0x4f800000, FFLAG_NX, 0xffffffff, rup
  TEST_INT_TO_FP_S 256, fcvt.s.lu, 0x4f800000, FFLAG_NX, 0xffffffff, rmm
  TEST_INT_TO_FP_S 257, fcvt.s.lu, 0x5d91a2b4, FFLAG_NX, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_S 258, fcvt.s.lu, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rne
  TEST_INT_TO_FP_S 259, fcvt.s.lu, 0x5effffff, FFLAG_NX, 0x7fffffffffffffff, rtz
  TEST_INT_TO_FP_S 260, fcvt.s.lu, 0x5effffff, FFLAG_NX, 0x7fffffffffffffff, rdn
  TEST_INT_TO_FP_S 261, fcvt.s.lu, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rup
  TEST_INT_TO_FP_S 262, fcvt.s.lu, 0x5f000000, FFLAG_NX, 0x7fffffffffffffff, rmm
  TEST_INT_TO_FP_S 263, fcvt.s.lu, 0x5f000000, 0, 0x8000000000000000, rne
  TEST_INT_TO_FP_S 264, fcvt.s.lu, 0x5f000000, 0, 0x8000000000000000, rtz
  TEST_INT_TO_FP_S 265, fcvt.s.lu, 0x5f000000, 0, 0x8000000000000000, rdn
  TEST_INT_TO_FP_S 266, fcvt.s.lu, 0x5f000000, 0, 0x8000000000000000, rup
  TEST_INT_TO_FP_S 267, fcvt.s.lu, 0x5f000000, 0, 0x8000000000000000, rmm
  TEST_INT_TO_FP_S 268, fcvt.s.lu, 0x4b800000, FFLAG_NX, 0x1000001, rne  # a tie
  TEST_INT_TO_FP_S 269, fcvt.s.lu, 0x4b800000, FFLAG_NX, 0x1000001, rtz
  TEST_INT_TO_FP_S 270, fcvt.s.lu, 0x4b800000, FFLAG_NX, 0x1000001, rdn
  TEST_INT_TO_FP_S 271, fcvt.s.lu, 0x4b800001, FFLAG_NX, 0x1000001, rup
  TEST_INT_TO_FP_S 272, fcvt.s.lu, 0x4b800001, FFLAG_NX, 0x1000001, rmm
  TEST_INT_TO_FP_S 273, fcvt.s.lu, 0x4b800002, FFLAG_NX, 0x1000003, rne
  TEST_INT_TO_FP_S 274, fcvt.s.lu, 0x4b800001, FFLAG_NX, 0x1000003, rtz
  TEST_INT_TO_FP_S 275, fcvt.s.lu, 0x4b800001, FFLAG_NX, 0x1000003, rdn
  TEST_INT_TO_FP_S 276, fcvt.s.lu, 0x4b800002, FFLAG_NX, 0x1000003, rup
  TEST_INT_TO_FP_S 277, fcvt.s.lu, 0x4b800002, FFLAG_NX, 0x1000003, rmm
  TEST_INT_TO_FP_S 278, fcvt.s.lu, 0x5f800000, FFLAG_NX, 0xfffffffffeffffff, rne
  TEST_INT_TO_FP_S 279, fcvt.s.lu, 0x5f7fffff, FFLAG_NX, 0xfffffffffeffffff, rtz
  TEST_INT_TO_FP_S 280, fcvt.s.lu, 0x5f7fffff, FFLAG_NX, 0xfffffffffeffffff, rdn
  TEST_INT_TO_FP_S 281, fcvt.s.lu, 0x5f800000, FFLAG_NX, 0xfffffffffeffffff, rup
  TEST_INT_TO_FP_S 282, fcvt.s.lu, 0x5f800000, FFLAG_NX, 0xfffffffffeffffff, rmm

  # fcvt.w.d: every rounding mode, saturation with NV only (the 32-bit result is sign-extended into rd, unsigned or not)
  TEST_FP_TO_INT_D 283, fcvt.w.d, 0x2, FFLAG_NX, 0x4004000000000000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_D 284, fcvt.w.d, 0x2, FFLAG_NX, 0x4004000000000000, rtz
  TEST_FP_TO_INT_D 285, fcvt.w.d, 0x2, FFLAG_NX, 0x4004000000000000, rdn
  TEST_FP_TO_INT_D 286, fcvt.w.d, 0x3, FFLAG_NX, 0x4004000000000000, rup
  TEST_FP_TO_INT_D 287, fcvt.w.d, 0x3, FFLAG_NX, 0x4004000000000000, rmm
  TEST_FP_TO_INT_D 288, fcvt.w.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_D 289, fcvt.w.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rtz
  TEST_FP_TO_INT_D 290, fcvt.w.d, 0xfffffffffffffffd, FFLAG_NX, 0xc004000000000000, rdn
  TEST_FP_TO_INT_D 291, fcvt.w.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rup
  TEST_FP_TO_INT_D 292, fcvt.w.d, 0xfffffffffffffffd, FFLAG_NX, 0xc004000000000000, rmm
  TEST_FP_TO_INT_D 293, fcvt.w.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rne  # 1.5
  TEST_FP_TO_INT_D 294, fcvt.w.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rtz
  TEST_FP_TO_INT_D 295, fcvt.w.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rdn
  TEST_FP_TO_INT_D 296, fcvt.w.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rup
  TEST_FP_TO_INT_D 297, fcvt.w.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rmm
  TEST_FP_TO_INT_D 298, fcvt.w.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_D 299, fcvt.w.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rtz
  TEST_FP_TO_INT_D 300, fcvt.w.d, 0xffffffffffffffff, FFLAG_NX, 0xbfe0000000000000, rdn
  TEST_FP_TO_INT_D 301, fcvt.w.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rup
  TEST_FP_TO_INT_D 302, fcvt.w.d, 0xffffffffffffffff, FFLAG_NX, 0xbfe0000000000000, rmm
  TEST_FP_TO_INT_D 303, fcvt.w.d, 0x0, 0, 0x0000000000000000, rtz
  TEST_FP_TO_INT_D 304, fcvt.w.d, 0x0, 0, 0x8000000000000000, rtz
  TEST_FP_TO_INT_D 305, fcvt.w.d, 0x0, FFLAG_NX, 0x0000000000000001, rtz
  TEST_FP_TO_INT_D 306, fcvt.w.d, 0xffffffffffffffff, FFLAG_NX, 0x8000000000000001, rdn
  TEST_FP_TO_INT_D 307, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x7ff8000000000000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_D 308, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0xfff8000000000000, rtz
  TEST_FP_TO_INT_D 309, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x7ff0000000000001, rtz
  TEST_FP_TO_INT_D 310, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x7ff0000000000000, rtz
  TEST_FP_TO_INT_D 311, fcvt.w.d, 0xffffffff80000000, FFLAG_NV, 0xfff0000000000000, rtz
  TEST_FP_TO_INT_D 312, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x7fefffffffffffff, rtz
  TEST_FP_TO_INT_D 313, fcvt.w.d, 0xffffffff80000000, FFLAG_NV, 0xffefffffffffffff, rtz
  TEST_FP_TO_INT_D 314, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x4340000000000001, rtz
  TEST_FP_TO_INT_D 315, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x41e0000000000000, rtz
  TEST_FP_TO_INT_D 316, fcvt.w.d, 0x7fffffff, FFLAG_NX, 0x41dfffffffe00000, rtz
  TEST_FP_TO_INT_D 317, fcvt.w.d, 0xffffffff80000000, 0, 0xc1e0000000000000, rtz
  TEST_FP_TO_INT_D 318, fcvt.w.d, 0xffffffff80000000, FFLAG_NV, 0xc1e0000000200000, rtz
  TEST_FP_TO_INT_D 319, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x41f0000000000000, rtz
  TEST_FP_TO_INT_D 320, fcvt.w.d, 0x7fffffff, FFLAG_NV, 0x41efffffffe00000, rtz

  # fcvt.wu.d: every rounding mode, saturation with NV only (the 32-bit result is sign-extended into rd, unsigned or not)
  TEST_FP_TO_INT_D 321, fcvt.wu.d, 0x2, FFLAG_NX, 0x4004000000000000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_D 322, fcvt.wu.d, 0x2, FFLAG_NX, 0x4004000000000000, rtz
  TEST_FP_TO_INT_D 323, fcvt.wu.d, 0x2, FFLAG_NX, 0x4004000000000000, rdn
  TEST_FP_TO_INT_D 324, fcvt.wu.d, 0x3, FFLAG_NX, 0x4004000000000000, rup
  TEST_FP_TO_INT_D 325, fcvt.wu.d, 0x3, FFLAG_NX, 0x4004000000000000, rmm
  TEST_FP_TO_INT_D 326, fcvt.wu.d, 0x0, FFLAG_NV, 0xc004000000000000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_D 327, fcvt.wu.d, 0x0, FFLAG_NV, 0xc004000000000000, rtz
  TEST_FP_TO_INT_D 328, fcvt.wu.d, 0x0, FFLAG_NV, 0xc004000000000000, rdn
  TEST_FP_TO_INT_D 329, fcvt.wu.d, 0x0, FFLAG_NV, 0xc004000000000000, rup
  TEST_FP_TO_INT_D 330, fcvt.wu.d, 0x0, FFLAG_NV, 0xc004000000000000, rmm
  TEST_FP_TO_INT_D 331, fcvt.wu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rne  # 1.5
  TEST_FP_TO_INT_D 332, fcvt.wu.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rtz
  TEST_FP_TO_INT_D 333, fcvt.wu.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rdn
  TEST_FP_TO_INT_D 334, fcvt.wu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rup
  TEST_FP_TO_INT_D 335, fcvt.wu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rmm
  TEST_FP_TO_INT_D 336, fcvt.wu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_D 337, fcvt.wu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rtz
  TEST_FP_TO_INT_D 338, fcvt.wu.d, 0x0, FFLAG_NV, 0xbfe0000000000000, rdn
  TEST_FP_TO_INT_D 339, fcvt.wu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rup
  TEST_FP_TO_INT_D 340, fcvt.wu.d, 0x0, FFLAG_NV, 0xbfe0000000000000, rmm
  TEST_FP_TO_INT_D 341, fcvt.wu.d, 0x0, 0, 0x0000000000000000, rtz
  TEST_FP_TO_INT_D 342, fcvt.wu.d, 0x0, 0, 0x8000000000000000, rtz
  TEST_FP_TO_INT_D 343, fcvt.wu.d, 0x0, FFLAG_NX, 0x0000000000000001, rtz
  TEST_FP_TO_INT_D 344, fcvt.wu.d, 0x0, FFLAG_NV, 0x8000000000000001, rdn
  TEST_FP_TO_INT_D 345, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff8000000000000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_D 346, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0xfff8000000000000, rtz
  TEST_FP_TO_INT_D 347, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff0000000000001, rtz
  TEST_FP_TO_INT_D 348, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff0000000000000, rtz
  TEST_FP_TO_INT_D 349, fcvt.wu.d, 0x0, FFLAG_NV, 0xfff0000000000000, rtz
  TEST_FP_TO_INT_D 350, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x7fefffffffffffff, rtz
  TEST_FP_TO_INT_D 351, fcvt.wu.d, 0x0, FFLAG_NV, 0xffefffffffffffff, rtz
  TEST_FP_TO_INT_D 352, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x4340000000000001, rtz
  TEST_FP_TO_INT_D 353, fcvt.wu.d, 0xffffffff80000000, 0, 0x41e0000000000000, rtz
  TEST_FP_TO_INT_D 354, fcvt.wu.d, 0x7fffffff, FFLAG_NX, 0x41dfffffffe00000, rtz
  TEST_FP_TO_INT_D 355, fcvt.wu.d, 0x0, FFLAG_NV, 0xc1e0000000000000, rtz
  TEST_FP_TO_INT_D 356, fcvt.wu.d, 0x0, FFLAG_NV, 0xc1e0000000200000, rtz
  TEST_FP_TO_INT_D 357, fcvt.wu.d, 0xffffffffffffffff, FFLAG_NV, 0x41f0000000000000, rtz
  TEST_FP_TO_INT_D 358, fcvt.wu.d, 0xffffffffffffffff, 0, 0x41efffffffe00000, rtz

  # fcvt.l.d: every rounding mode, saturation with NV only
  TEST_FP_TO_INT_D 359, fcvt.l.d, 0x2, FFLAG_NX, 0x4004000000000000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_D 360, fcvt.l.d, 0x2, FFLAG_NX, 0x4004000000000000, rtz
  TEST_FP_TO_INT_D 361, fcvt.l.d, 0x2, FFLAG_NX, 0x4004000000000000, rdn
  TEST_FP_TO_INT_D 362, fcvt.l.d, 0x3, FFLAG_NX, 0x4004000000000000, rup
  TEST_FP_TO_INT_D 363, fcvt.l.d, 0x3, FFLAG_NX, 0x4004000000000000, rmm
  TEST_FP_TO_INT_D 364, fcvt.l.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_D 365, fcvt.l.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rtz
  TEST_FP_TO_INT_D 366, fcvt.l.d, 0xfffffffffffffffd, FFLAG_NX, 0xc004000000000000, rdn
  TEST_FP_TO_INT_D 367, fcvt.l.d, 0xfffffffffffffffe, FFLAG_NX, 0xc004000000000000, rup
  TEST_FP_TO_INT_D 368, fcvt.l.d, 0xfffffffffffffffd, FFLAG_NX, 0xc004000000000000, rmm
  TEST_FP_TO_INT_D 369, fcvt.l.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rne  # 1.5
  TEST_FP_TO_INT_D 370, fcvt.l.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rtz
  TEST_FP_TO_INT_D 371, fcvt.l.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rdn
  TEST_FP_TO_INT_D 372, fcvt.l.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rup
  TEST_FP_TO_INT_D 373, fcvt.l.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rmm
  TEST_FP_TO_INT_D 374, fcvt.l.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_D 375, fcvt.l.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rtz
  TEST_FP_TO_INT_D 376, fcvt.l.d, 0xffffffffffffffff, FFLAG_NX, 0xbfe0000000000000, rdn
  TEST_FP_TO_INT_D 377, fcvt.l.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rup
  TEST_FP_TO_INT_D 378, fcvt.l.d, 0xffffffffffffffff, FFLAG_NX, 0xbfe0000000000000, rmm
  TEST_FP_TO_INT_D 379, fcvt.l.d, 0x0, 0, 0x0000000000000000, rtz
  TEST_FP_TO_INT_D 380, fcvt.l.d, 0x0, 0, 0x8000000000000000, rtz
  TEST_FP_TO_INT_D 381, fcvt.l.d, 0x0, FFLAG_NX, 0x0000000000000001, rtz
  TEST_FP_TO_INT_D 382, fcvt.l.d, 0xffffffffffffffff, FFLAG_NX, 0x8000000000000001, rdn
  TEST_FP_TO_INT_D 383, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x7ff8000000000000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_D 384, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0xfff8000000000000, rtz
  TEST_FP_TO_INT_D 385, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x7ff0000000000001, rtz
  TEST_FP_TO_INT_D 386, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x7ff0000000000000, rtz
  TEST_FP_TO_INT_D 387, fcvt.l.d, 0x8000000000000000, FFLAG_NV, 0xfff0000000000000, rtz
  TEST_FP_TO_INT_D 388, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x7fefffffffffffff, rtz
  TEST_FP_TO_INT_D 389, fcvt.l.d, 0x8000000000000000, FFLAG_NV, 0xffefffffffffffff, rtz
  TEST_FP_TO_INT_D 390, fcvt.l.d, 0x20000000000002, 0, 0x4340000000000001, rtz
  TEST_FP_TO_INT_D 391, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x43e0000000000000, rtz
  TEST_FP_TO_INT_D 392, fcvt.l.d, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, rtz
  TEST_FP_TO_INT_D 393, fcvt.l.d, 0x8000000000000000, 0, 0xc3e0000000000000, rtz
  TEST_FP_TO_INT_D 394, fcvt.l.d, 0x8000000000000000, FFLAG_NV, 0xc3e0000000000001, rtz
  TEST_FP_TO_INT_D 395, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x43f0000000000000, rtz
  TEST_FP_TO_INT_D 396, fcvt.l.d, 0x7fffffffffffffff, FFLAG_NV, 0x43efffffffffffff, rtz

  # fcvt.lu.d: every rounding mode, saturation with NV only
  TEST_FP_TO_INT_D 397, fcvt.lu.d, 0x2, FFLAG_NX, 0x4004000000000000, rne  # 2.5 in every mode
  TEST_FP_TO_INT_D 398, fcvt.lu.d, 0x2, FFLAG_NX, 0x4004000000000000, rtz
  TEST_FP_TO_INT_D 399, fcvt.lu.d, 0x2, FFLAG_NX, 0x4004000000000000, rdn
  TEST_FP_TO_INT_D 400, fcvt.lu.d, 0x3, FFLAG_NX, 0x4004000000000000, rup
  TEST_FP_TO_INT_D 401, fcvt.lu.d, 0x3, FFLAG_NX, 0x4004000000000000, rmm
  TEST_FP_TO_INT_D 402, fcvt.lu.d, 0x0, FFLAG_NV, 0xc004000000000000, rne  # -2.5 (unsigned: out of range below zero unless it rounds to 0)
  TEST_FP_TO_INT_D 403, fcvt.lu.d, 0x0, FFLAG_NV, 0xc004000000000000, rtz
  TEST_FP_TO_INT_D 404, fcvt.lu.d, 0x0, FFLAG_NV, 0xc004000000000000, rdn
  TEST_FP_TO_INT_D 405, fcvt.lu.d, 0x0, FFLAG_NV, 0xc004000000000000, rup
  TEST_FP_TO_INT_D 406, fcvt.lu.d, 0x0, FFLAG_NV, 0xc004000000000000, rmm
  TEST_FP_TO_INT_D 407, fcvt.lu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rne  # 1.5
  TEST_FP_TO_INT_D 408, fcvt.lu.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rtz
  TEST_FP_TO_INT_D 409, fcvt.lu.d, 0x1, FFLAG_NX, 0x3ff8000000000000, rdn
  TEST_FP_TO_INT_D 410, fcvt.lu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rup
  TEST_FP_TO_INT_D 411, fcvt.lu.d, 0x2, FFLAG_NX, 0x3ff8000000000000, rmm
  TEST_FP_TO_INT_D 412, fcvt.lu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rne  # -0.5: 0 or -1 (unsigned: -1 is out of range)
  TEST_FP_TO_INT_D 413, fcvt.lu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rtz
  TEST_FP_TO_INT_D 414, fcvt.lu.d, 0x0, FFLAG_NV, 0xbfe0000000000000, rdn
  TEST_FP_TO_INT_D 415, fcvt.lu.d, 0x0, FFLAG_NX, 0xbfe0000000000000, rup
  TEST_FP_TO_INT_D 416, fcvt.lu.d, 0x0, FFLAG_NV, 0xbfe0000000000000, rmm
  TEST_FP_TO_INT_D 417, fcvt.lu.d, 0x0, 0, 0x0000000000000000, rtz
  TEST_FP_TO_INT_D 418, fcvt.lu.d, 0x0, 0, 0x8000000000000000, rtz
  TEST_FP_TO_INT_D 419, fcvt.lu.d, 0x0, FFLAG_NX, 0x0000000000000001, rtz
  TEST_FP_TO_INT_D 420, fcvt.lu.d, 0x0, FFLAG_NV, 0x8000000000000001, rdn
  TEST_FP_TO_INT_D 421, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff8000000000000, rtz  # NaN: the largest value, NV
  TEST_FP_TO_INT_D 422, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0xfff8000000000000, rtz
  TEST_FP_TO_INT_D 423, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff0000000000001, rtz
  TEST_FP_TO_INT_D 424, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0x7ff0000000000000, rtz
  TEST_FP_TO_INT_D 425, fcvt.lu.d, 0x0, FFLAG_NV, 0xfff0000000000000, rtz
  TEST_FP_TO_INT_D 426, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0x7fefffffffffffff, rtz
  TEST_FP_TO_INT_D 427, fcvt.lu.d, 0x0, FFLAG_NV, 0xffefffffffffffff, rtz
  TEST_FP_TO_INT_D 428, fcvt.lu.d, 0x20000000000002, 0, 0x4340000000000001, rtz
  TEST_FP_TO_INT_D 429, fcvt.lu.d, 0x8000000000000000, 0, 0x43e0000000000000, rtz
  TEST_FP_TO_INT_D 430, fcvt.lu.d, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, rtz
  TEST_FP_TO_INT_D 431, fcvt.lu.d, 0x0, FFLAG_NV, 0xc3e0000000000000, rtz
  TEST_FP_TO_INT_D 432, fcvt.lu.d, 0x0, FFLAG_NV, 0xc3e0000000000001, rtz
  TEST_FP_TO_INT_D 433, fcvt.lu.d, 0xffffffffffffffff, FFLAG_NV, 0x43f0000000000000, rtz
  TEST_FP_TO_INT_D 434, fcvt.lu.d, 0xfffffffffffff800, 0, 0x43efffffffffffff, rtz

  # fcvt.d.w (exact: no rm operand in GNU as 2.40)
  TEST_INT_TO_FP_EXACT_D 435, fcvt.d.w, 0x0000000000000000, 0, 0x0
  TEST_INT_TO_FP_EXACT_D 436, fcvt.d.w, 0x3ff0000000000000, 0, 0x1
  TEST_INT_TO_FP_EXACT_D 437, fcvt.d.w, 0xbff0000000000000, 0, 0xffffffffffffffff  # -1, or the largest unsigned value
  TEST_INT_TO_FP_EXACT_D 438, fcvt.d.w, 0x41dfffffffc00000, 0, 0x7fffffff
  TEST_INT_TO_FP_EXACT_D 439, fcvt.d.w, 0xc1e0000000000000, 0, 0xffffffff80000000
  TEST_INT_TO_FP_EXACT_D 440, fcvt.d.w, 0xbff0000000000000, 0, 0xffffffff
  TEST_INT_TO_FP_EXACT_D 441, fcvt.d.w, 0xc1e0000000000000, 0, 0x1234567880000000  # only the low 32 bits count for w/wu

  # fcvt.d.wu (exact: no rm operand in GNU as 2.40)
  TEST_INT_TO_FP_EXACT_D 442, fcvt.d.wu, 0x0000000000000000, 0, 0x0
  TEST_INT_TO_FP_EXACT_D 443, fcvt.d.wu, 0x3ff0000000000000, 0, 0x1
  TEST_INT_TO_FP_EXACT_D 444, fcvt.d.wu, 0x41efffffffe00000, 0, 0xffffffffffffffff  # -1, or the largest unsigned value
  TEST_INT_TO_FP_EXACT_D 445, fcvt.d.wu, 0x41dfffffffc00000, 0, 0x7fffffff
  TEST_INT_TO_FP_EXACT_D 446, fcvt.d.wu, 0x41e0000000000000, 0, 0xffffffff80000000
  TEST_INT_TO_FP_EXACT_D 447, fcvt.d.wu, 0x41efffffffe00000, 0, 0xffffffff
  TEST_INT_TO_FP_EXACT_D 448, fcvt.d.wu, 0x41e0000000000000, 0, 0x1234567880000000  # only the low 32 bits count for w/wu

  # fcvt.d.l
  TEST_INT_TO_FP_D 449, fcvt.d.l, 0x0000000000000000, 0, 0x0, rne
  TEST_INT_TO_FP_D 450, fcvt.d.l, 0x3ff0000000000000, 0, 0x1, rne
  TEST_INT_TO_FP_D 451, fcvt.d.l, 0xbff0000000000000, 0, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_D 452, fcvt.d.l, 0x41dfffffffc00000, 0, 0x7fffffff, rne
  TEST_INT_TO_FP_D 453, fcvt.d.l, 0xc1e0000000000000, 0, 0xffffffff80000000, rne
  TEST_INT_TO_FP_D 454, fcvt.d.l, 0x41efffffffe00000, 0, 0xffffffff, rne
  TEST_INT_TO_FP_D 455, fcvt.d.l, 0x43b2345678800000, 0, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_D 456, fcvt.d.l, 0x43e0000000000000, FFLAG_NX, 0x7fffffffffffffff, rne
  TEST_INT_TO_FP_D 457, fcvt.d.l, 0xc3e0000000000000, 0, 0x8000000000000000, rne
  TEST_INT_TO_FP_D 458, fcvt.d.l, 0x4340000000000000, FFLAG_NX, 0x20000000000001, rne  # a tie
  TEST_INT_TO_FP_D 459, fcvt.d.l, 0x4340000000000002, FFLAG_NX, 0x20000000000003, rne
  TEST_INT_TO_FP_D 460, fcvt.d.l, 0xc340000000000000, FFLAG_NX, 0xffdfffffffffffff, rne

  # fcvt.d.lu
  TEST_INT_TO_FP_D 461, fcvt.d.lu, 0x0000000000000000, 0, 0x0, rne
  TEST_INT_TO_FP_D 462, fcvt.d.lu, 0x3ff0000000000000, 0, 0x1, rne
  TEST_INT_TO_FP_D 463, fcvt.d.lu, 0x43f0000000000000, FFLAG_NX, 0xffffffffffffffff, rne  # -1, or the largest unsigned value
  TEST_INT_TO_FP_D 464, fcvt.d.lu, 0x41dfffffffc00000, 0, 0x7fffffff, rne
  TEST_INT_TO_FP_D 465, fcvt.d.lu, 0x43effffffff00000, 0, 0xffffffff80000000, rne
  TEST_INT_TO_FP_D 466, fcvt.d.lu, 0x41efffffffe00000, 0, 0xffffffff, rne
  TEST_INT_TO_FP_D 467, fcvt.d.lu, 0x43b2345678800000, 0, 0x1234567880000000, rne  # only the low 32 bits count for w/wu
  TEST_INT_TO_FP_D 468, fcvt.d.lu, 0x43e0000000000000, FFLAG_NX, 0x7fffffffffffffff, rne
  TEST_INT_TO_FP_D 469, fcvt.d.lu, 0x43e0000000000000, 0, 0x8000000000000000, rne
  TEST_INT_TO_FP_D 470, fcvt.d.lu, 0x4340000000000000, FFLAG_NX, 0x20000000000001, rne  # a tie
  TEST_INT_TO_FP_D 471, fcvt.d.lu, 0x4340000000000002, FFLAG_NX, 0x20000000000003, rne
  TEST_INT_TO_FP_D 472, fcvt.d.lu, 0x43effc0000000000, FFLAG_NX, 0xffdfffffffffffff, rne

  # fcvt.s.d: rounds; overflow, underflow, NaNs become the canonical NaN (NV for signalling)
  TEST_FCVT_S_D 473, 0x3f800000, 0, 0x3ff0000000000000, rne
  TEST_FCVT_S_D 474, 0x80000000, 0, 0x8000000000000000, rne
  TEST_FCVT_S_D 475, 0x3dcccccd, FFLAG_NX, 0x3fb999999999999a, rne
  TEST_FCVT_S_D 476, 0x3dcccccc, FFLAG_NX, 0x3fb999999999999a, rtz
  TEST_FCVT_S_D 477, 0x3dcccccc, FFLAG_NX, 0x3fb999999999999a, rdn
  TEST_FCVT_S_D 478, 0x3dcccccd, FFLAG_NX, 0x3fb999999999999a, rup
  TEST_FCVT_S_D 479, 0x3dcccccd, FFLAG_NX, 0x3fb999999999999a, rmm
  TEST_FCVT_S_D 480, 0x40490fdb, FFLAG_NX, 0x400921fb54442d18, rne
  TEST_FCVT_S_D 481, 0x40490fda, FFLAG_NX, 0x400921fb54442d18, rtz
  TEST_FCVT_S_D 482, 0x40490fda, FFLAG_NX, 0x400921fb54442d18, rdn
  TEST_FCVT_S_D 483, 0x40490fdb, FFLAG_NX, 0x400921fb54442d18, rup
  TEST_FCVT_S_D 484, 0x40490fdb, FFLAG_NX, 0x400921fb54442d18, rmm
  TEST_FCVT_S_D 485, 0xff800000, FFLAG_OF|FFLAG_NX, 0xffefffffffffffff, rne  # overflow
  TEST_FCVT_S_D 486, 0xff7fffff, FFLAG_OF|FFLAG_NX, 0xffefffffffffffff, rtz
  TEST_FCVT_S_D 487, 0xff800000, FFLAG_OF|FFLAG_NX, 0xffefffffffffffff, rdn
  TEST_FCVT_S_D 488, 0xff7fffff, FFLAG_OF|FFLAG_NX, 0xffefffffffffffff, rup
  TEST_FCVT_S_D 489, 0xff800000, FFLAG_OF|FFLAG_NX, 0xffefffffffffffff, rmm
  TEST_FCVT_S_D 490, 0x7f7fffff, FFLAG_NX, 0x47efffffefffffff, rne  # just below the midpoint between the largest single and 2^128
  TEST_FCVT_S_D 491, 0x7f7fffff, FFLAG_NX, 0x47efffffefffffff, rtz
  TEST_FCVT_S_D 492, 0x7f7fffff, FFLAG_NX, 0x47efffffefffffff, rdn
  TEST_FCVT_S_D 493, 0x7f800000, FFLAG_OF|FFLAG_NX, 0x47efffffefffffff, rup
  TEST_FCVT_S_D 494, 0x7f7fffff, FFLAG_NX, 0x47efffffefffffff, rmm
  TEST_FCVT_S_D 495, 0x00000001, 0, 0x36a0000000000000, rne  # 2^-149: the smallest single subnormal, exact
  TEST_FCVT_S_D 496, 0x00000001, 0, 0x36a0000000000000, rtz
  TEST_FCVT_S_D 497, 0x00000001, 0, 0x36a0000000000000, rdn
  TEST_FCVT_S_D 498, 0x00000001, 0, 0x36a0000000000000, rup
  TEST_FCVT_S_D 499, 0x00000001, 0, 0x36a0000000000000, rmm
  TEST_FCVT_S_D 500, 0x00000000, FFLAG_UF|FFLAG_NX, 0x3690000000000000, rne  # 2^-150: a tie with zero
  TEST_FCVT_S_D 501, 0x00000000, FFLAG_UF|FFLAG_NX, 0x3690000000000000, rtz
  TEST_FCVT_S_D 502, 0x00000000, FFLAG_UF|FFLAG_NX, 0x3690000000000000, rdn
  TEST_FCVT_S_D 503, 0x00000001, FFLAG_UF|FFLAG_NX, 0x3690000000000000, rup
  TEST_FCVT_S_D 504, 0x00000001, FFLAG_UF|FFLAG_NX, 0x3690000000000000, rmm
  TEST_FCVT_S_D 505, 0x00800000, FFLAG_NX, 0x380fffffffffffff, rne  # just below the smallest single normal
  TEST_FCVT_S_D 506, 0x007fffff, FFLAG_UF|FFLAG_NX, 0x380fffffffffffff, rtz
  TEST_FCVT_S_D 507, 0x007fffff, FFLAG_UF|FFLAG_NX, 0x380fffffffffffff, rdn
  TEST_FCVT_S_D 508, 0x00800000, FFLAG_NX, 0x380fffffffffffff, rup
  TEST_FCVT_S_D 509, 0x00800000, FFLAG_NX, 0x380fffffffffffff, rmm
  TEST_FCVT_S_D 510, 0x00000000, FFLAG_UF|FFLAG_NX, 0x0000000000000001, rne
  TEST_FCVT_S_D 511, 0x00000000, FFLAG_UF|FFLAG_NX, 0x0000000000000001, rtz
  TEST_FCVT_S_D 512, 0x00000000, FFLAG_UF|FFLAG_NX, 0x0000000000000001, rdn
  TEST_FCVT_S_D 513, 0x00000001, FFLAG_UF|FFLAG_NX, 0x0000000000000001, rup
  TEST_FCVT_S_D 514, 0x00000000, FFLAG_UF|FFLAG_NX, 0x0000000000000001, rmm
  TEST_FCVT_S_D 515, 0x7f800000, 0, 0x7ff0000000000000, rne
  TEST_FCVT_S_D 516, 0xff800000, 0, 0xfff0000000000000, rne
  TEST_FCVT_S_D 517, 0x7fc00000, 0, 0x7ff8000000012345, rne
  TEST_FCVT_S_D 518, 0x7fc00000, FFLAG_NV, 0x7ff0000000000001, rne
  TEST_FCVT_S_D 519, 0x7fc00000, FFLAG_NV, 0xfff0000000000001, rne

  # fcvt.d.s: exact; NaNs become the canonical NaN (NV for signalling)
  TEST_FCVT_D_S 520, 0x3ff0000000000000, 0, 0x3f800000
  TEST_FCVT_D_S 521, 0x8000000000000000, 0, 0x80000000
  TEST_FCVT_D_S 522, 0x3fb99999a0000000, 0, 0x3dcccccd
  TEST_FCVT_D_S 523, 0x47efffffe0000000, 0, 0x7f7fffff
  TEST_FCVT_D_S 524, 0x36a0000000000000, 0, 0x00000001
  TEST_FCVT_D_S 525, 0xb80fffffc0000000, 0, 0x807fffff
  TEST_FCVT_D_S 526, 0xfff0000000000000, 0, 0xff800000
  TEST_FCVT_D_S 527, 0x7ff8000000000000, 0, 0x7fc12345
  TEST_FCVT_D_S 528, 0x7ff8000000000000, FFLAG_NV, 0x7f800001
  TEST_FCVT_D_S 529, 0x7ff8000000000000, FFLAG_NV, 0xff800001
  TEST_FCVT_D_S 530, 0x400921fb60000000, 0, 0x40490fdb

  PASS
