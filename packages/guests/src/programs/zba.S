# zba.S: Zba, address generation (bit-manipulation spec 1.0, chapter 2.1):
# add.uw, sh1add/sh2add/sh3add and their .uw forms, slli.uw; each with
# operands at the edges: the upper word of rs1 that the .uw forms drop, and
# 64-bit wrap-around. Expected values from the spec's pseudocode, checked on
# QEMU (qemu-spike.test.ts).

  # GNU as 2.40 knows these extensions but -march=rv64gc leaves them off.
  .option arch, +zba
  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  .text
  .globl main
main:
  # ---- add.uw: rs1's low word zero-extended
  TEST_RR 1, add.uw, 0x0000000080000001, 0xffffffff80000000, 0x0000000000000001
  TEST_RR 2, add.uw, 0x00000000fffffffe, 0xffffffffffffffff, 0xffffffffffffffff
  TEST_RR 3, add.uw, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005
  TEST_RR 4, add.uw, 0x0000000089abcddf, 0x0123456789abcdef, 0xfffffffffffffff0
  TEST_RR 5, add.uw, 0x800000007fffffff, 0x000000007fffffff, 0x8000000000000000
  # ---- shNadd: (rs1 << N) + rs2, 64-bit wrap-around
  TEST_RR 10, sh1add, 0x0000000000000001, 0x8000000000000000, 0x0000000000000001
  TEST_RR 11, sh1add, 0xfffffffffffffffe, 0x7fffffffffffffff, 0x0000000000000000
  TEST_RR 12, sh1add, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000002
  TEST_RR 13, sh1add, 0x000000000000000a, 0x0000000000000003, 0x0000000000000004
  TEST_RR 14, sh1add, 0x0123456789abcdee, 0x0123456789abcdef, 0xfedcba9876543210
  TEST_RR 20, sh2add, 0x0000000000000007, 0x4000000000000000, 0x0000000000000007
  TEST_RR 21, sh2add, 0xfffffffffffffffc, 0xffffffffffffffff, 0x0000000000000000
  TEST_RR 22, sh2add, 0x0000000000000000, 0x3fffffffffffffff, 0x0000000000000004
  TEST_RR 23, sh2add, 0x048d159e26af37bd, 0x0123456789abcdef, 0x0000000000000001
  TEST_RR 24, sh2add, 0x0000000000000013, 0x0000000000000005, 0xffffffffffffffff
  TEST_RR 30, sh3add, 0x0000000000000000, 0x2000000000000000, 0x0000000000000000
  TEST_RR 31, sh3add, 0x0000000000000000, 0x1fffffffffffffff, 0x0000000000000008
  TEST_RR 32, sh3add, 0xfffffffffffffff7, 0xffffffffffffffff, 0xffffffffffffffff
  TEST_RR 33, sh3add, 0x091a2b3c4d5e6f78, 0x0123456789abcdef, 0x0000000000000000
  TEST_RR 34, sh3add, 0x000000000000003f, 0x0000000000000007, 0x0000000000000007
  # ---- shNadd.uw: rs1's low word zero-extended first
  TEST_RR 40, sh1add.uw, 0x0000000100000000, 0xffffffff80000000, 0x0000000000000000
  TEST_RR 41, sh1add.uw, 0x00000001ffffffff, 0x00000001ffffffff, 0x0000000000000001
  TEST_RR 42, sh1add.uw, 0x00000001fffffffd, 0xffffffffffffffff, 0xffffffffffffffff
  TEST_RR 43, sh1add.uw, 0x000000013579bde0, 0x123456789abcdef0, 0x0000000000000000
  TEST_RR 50, sh2add.uw, 0x00000003fffffffc, 0xffffffffffffffff, 0x0000000000000000
  TEST_RR 51, sh2add.uw, 0x0000000200000003, 0x1234567880000000, 0x0000000000000003
  TEST_RR 52, sh2add.uw, 0x0000000000000000, 0x00000000ffffffff, 0xfffffffc00000004
  TEST_RR 53, sh2add.uw, 0x0000000000000014, 0xdeadbeef00000001, 0x0000000000000010
  TEST_RR 60, sh3add.uw, 0x0000000400000000, 0xffffffff80000000, 0x0000000000000000
  TEST_RR 61, sh3add.uw, 0x0000000800000000, 0xffffffffffffffff, 0x0000000000000008
  TEST_RR 62, sh3add.uw, 0x0000000000001234, 0x0000000100000000, 0x0000000000001234
  TEST_RR 63, sh3add.uw, 0x0000000091a2b3bf, 0x0000000012345678, 0xffffffffffffffff
  # ---- slli.uw: zero-extend the low word, then shift (shamt 0..63)
  TEST_RI 70, slli.uw, 0x0000000080000000, 0xffffffff80000000, 0
  TEST_RI 71, slli.uw, 0xffffffff00000000, 0xffffffffffffffff, 32
  TEST_RI 72, slli.uw, 0x8000000000000000, 0x00000000ffffffff, 63
  TEST_RI 73, slli.uw, 0x0000000000000002, 0x0000000100000001, 1
  TEST_RI 74, slli.uw, 0x7fffffff80000000, 0x00000000ffffffff, 31
  TEST_RI 75, slli.uw, 0x0000000123456780, 0xdeadbeef12345678, 4

  # ---- register aliasing, x0 destination, the zext.w alias (add.uw rd, rs, zero)
  TEST_RR_SRC1_EQ_DEST 80, sh1add.uw, 0x0000000100000001, 0xffffffff80000000, 1
  TEST_RR_SRC2_EQ_DEST 81, sh2add, 0x0000000000000011, 4, 1
  TEST_RR_SRC12_EQ_DEST 82, sh3add.uw, 0x0000000380000000, 0xffffffff80000000
  TEST_RR_ZERODEST 83, add.uw, 1, 2
  TEST_RI_SRC1_EQ_DEST 84, slli.uw, 0x00000001fffffffe, 0xffffffffffffffff, 1
  TEST_RI_ZERODEST 85, slli.uw, 1, 1
  TEST_R 86, zext.w, 0x00000000ffffffff, 0xffffffffffffffff

  PASS
