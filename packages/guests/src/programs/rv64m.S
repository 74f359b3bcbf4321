# rv64m.S: the M extension, instruction by instruction: full and high
# products with every sign combination, division by zero, signed overflow,
# the W forms' 32-bit inputs and sign-extended results, and x0 destinations
# (unprivileged spec chapter 13, table 13.1 for division corner cases).

  .include "prelude.S"

  .text
  .globl main
main:
  # mul: low 64 bits, whatever the signs
  TEST_RR 1, mul, 0x0000000000000000, 0x0, 0x0
  TEST_RR 2, mul, 0x0000000000000015, 3, 7
  TEST_RR 3, mul, 0xffffffffffffffeb, -3, 7
  TEST_RR 4, mul, 0x0000000000000001, -1, -1
  TEST_RR 5, mul, 0x8000000000000000, 0x8000000000000000, 0x8000000000000001
  TEST_RR 6, mul, 0xfffffffe00000001, 0xffffffff, 0xffffffff
  TEST_RR_SRC1_EQ_DEST 7, mul, 143, 13, 11
  TEST_RR_SRC2_EQ_DEST 8, mul, 154, 14, 11
  TEST_RR_SRC12_EQ_DEST 9, mul, 169, 13
  TEST_RR_ZERODEST 10, mul, 13, 11

  # mulh: signed x signed, high half
  TEST_RR 11, mulh, 0x0000000000000000, -1, -1
  TEST_RR 12, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
  TEST_RR 13, mulh, 0xffffffffffffffff, 0x8000000000000000, 1
  TEST_RR 14, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
  TEST_RR 15, mulh, 0x0000000000000000, 0x7fffffffffffffff, 1
  TEST_RR_ZERODEST 16, mulh, -1, -1

  # mulhu: unsigned x unsigned
  TEST_RR 21, mulhu, 0xfffffffffffffffe, -1, -1
  TEST_RR 22, mulhu, 0x0000000000000001, 0x8000000000000000, 2
  TEST_RR 23, mulhu, 0x0000000000000000, 0xffffffff, 0xffffffff
  TEST_RR_SRC12_EQ_DEST 24, mulhu, 0xfffffffffffffffe, -1

  # mulhsu: signed rs1 x unsigned rs2
  TEST_RR 31, mulhsu, 0xffffffffffffffff, -1, -1
  TEST_RR 32, mulhsu, 0x8000000000000000, 0x8000000000000000, -1
  TEST_RR 33, mulhsu, 0x0000000000000004, 5, -1
  TEST_RR 34, mulhsu, 0xffffffffffffffff, -5, 3
  TEST_RR 35, mulhsu, 0x0000000000000000, 5, 3

  # mulw: 32-bit product, sign-extended; upper input bits ignored
  TEST_RR 41, mulw, 0xfffffffffffffffe, 0x7fffffff, 2
  TEST_RR 42, mulw, 0x0000000034567890, 0x123456789, 0x10
  TEST_RR 43, mulw, 0x0000000000000001, -1, -1
  TEST_RR 44, mulw, 0xffffffff80000000, 0x80000000, 0xffffffff00000001
  TEST_RR_ZERODEST 45, mulw, 3, 4

  # div / rem: round towards zero, remainder takes the dividend's sign
  TEST_RR 51, div, 0xfffffffffffffffd, -7, 2
  TEST_RR 52, rem, 0xffffffffffffffff, -7, 2
  TEST_RR 53, div, 0xfffffffffffffffd, 7, -2
  TEST_RR 54, rem, 0x0000000000000001, 7, -2
  TEST_RR 55, div, 0x0000000000000003, -7, -2
  TEST_RR 56, rem, 0xffffffffffffffff, -7, -2
  # division by zero: quotient all ones, remainder the dividend
  TEST_RR 57, div, 0xffffffffffffffff, 5, 0
  TEST_RR 58, rem, 0x0000000000000005, 5, 0
  TEST_RR 59, div, 0xffffffffffffffff, -5, 0
  TEST_RR 60, rem, 0xfffffffffffffffb, -5, 0
  # signed overflow: -2^63 / -1 = -2^63, remainder 0
  TEST_RR 61, div, 0x8000000000000000, 0x8000000000000000, -1
  TEST_RR 62, rem, 0x0000000000000000, 0x8000000000000000, -1
  TEST_RR_ZERODEST 63, div, 5, 0
  TEST_RR_ZERODEST 64, rem, 0x8000000000000000, -1

  # divu / remu
  TEST_RR 71, divu, 0x7ffffffffffffffc, -7, 2
  TEST_RR 72, remu, 0x0000000000000001, -7, 2
  TEST_RR 73, divu, 0xffffffffffffffff, 5, 0
  TEST_RR 74, remu, 0x0000000000000005, 5, 0
  TEST_RR 75, divu, 0x0000000000000000, 5, -1
  TEST_RR 76, remu, 0x0000000000000005, 5, -1
  TEST_RR 77, divu, 0x0000000000000001, 0x8000000000000000, 0x8000000000000000

  # divw / remw: 32-bit signed inputs, sign-extended results
  TEST_RR 81, divw, 0xffffffff80000000, 0xffffffff80000000, -1
  TEST_RR 82, remw, 0x0000000000000000, 0xffffffff80000000, -1
  TEST_RR 83, divw, 0xffffffffffffffff, 5, 0
  TEST_RR 84, remw, 0xffffffff80000005, 0x180000005, 0
  TEST_RR 85, divw, 0x0000000000000003, 0x100000007, 2
  TEST_RR 86, remw, 0xffffffffffffffff, -7, 2
  TEST_RR 87, divw, 0xfffffffffffffffd, 7, 0xfffffffe
  TEST_RR_ZERODEST 88, divw, 7, 0

  # divuw / remuw: 32-bit unsigned inputs, results sign-extended from bit 31
  TEST_RR 91, divuw, 0xffffffffffffffff, 5, 0
  TEST_RR 92, remuw, 0xffffffff80000005, 0x180000005, 0
  TEST_RR 93, divuw, 0x000000007ffffff8, 0xfffffff0, 2
  TEST_RR 94, remuw, 0x0000000000000005, -1, 10
  TEST_RR 95, divuw, 0xffffffffffffffff, -1, 1
  TEST_RR 96, divuw, 0x0000000000000000, 7, 0xffffffff
  TEST_RR_ZERODEST 97, remuw, 7, 0

  PASS
