# zicond.S: Zicond, integer conditional operations (Zicond spec 1.0):
# czero.eqz rd, rs1, rs2 is rd = (rs2 == 0) ? 0 : rs1 and czero.nez rd,
# rs1, rs2 is rd = (rs2 != 0) ? 0 : rs1, the condition looking at all 64
# bits of rs2; with x0 as either source or as the destination, all three
# registers the same, and the conditional-select idiom the spec gives.
#
# GNU as 2.40 does not know Zicond, so the instructions are written as words
# (CZERO below); QEMU 7.2 does not implement it either (see
# qemu-spike.test.ts): on rvhv only.

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  # The instruction words with rd = rs1 = rs2 = x0 (funct7 0000111, OP).
  .equ CZERO_EQZ, 0x0e005033
  .equ CZERO_NEZ, 0x0e007033

  # x registers by number, for CZERO.
  .equ X0, 0
  .equ A0, 10
  .equ A1, 11
  .equ A2, 12
  .equ A3, 13
  .equ A4, 14

# op rd, rs1, rs2 with register numbers (op = CZERO_EQZ or CZERO_NEZ).
.macro CZERO op, rd, rs1, rs2
  .word \op | (\rs2 << 20) | (\rs1 << 15) | (\rd << 7)
.endm

# op a0, a1, a2 with a1 = v1, a2 = v2: a0 = expected, the sources unchanged.
.macro TEST_CZERO n, op, expected, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  li a0, 0x5a5a5a5a5a5a5a5a
  CZERO \op, A0, A1, A2
  CHECK a0, \expected
  CHECK a1, \v1
  CHECK a2, \v2
.endm

  .text
  .globl main
main:
  # ---- czero.eqz: zero when the condition is zero -----------------------------
  TEST_CZERO 1, CZERO_EQZ, 0x0000000000000000, 0x0123456789abcdef, 0
  TEST_CZERO 2, CZERO_EQZ, 0x0123456789abcdef, 0x0123456789abcdef, 1
  TEST_CZERO 3, CZERO_EQZ, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000
  TEST_CZERO 4, CZERO_EQZ, 0x8000000000000000, 0x8000000000000000, 0x0000000100000000   # only the upper word is nonzero
  TEST_CZERO 5, CZERO_EQZ, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff
  TEST_CZERO 6, CZERO_EQZ, 0x0000000000000000, 0xffffffffffffffff, 0

  # ---- czero.nez: zero when the condition is nonzero ---------------------------
  TEST_CZERO 11, CZERO_NEZ, 0x0123456789abcdef, 0x0123456789abcdef, 0
  TEST_CZERO 12, CZERO_NEZ, 0x0000000000000000, 0x0123456789abcdef, 1
  TEST_CZERO 13, CZERO_NEZ, 0x0000000000000000, 0xffffffffffffffff, 0x8000000000000000
  TEST_CZERO 14, CZERO_NEZ, 0x0000000000000000, 0x8000000000000000, 0x0000000100000000
  TEST_CZERO 15, CZERO_NEZ, 0xffffffffffffffff, 0xffffffffffffffff, 0
  TEST_CZERO 16, CZERO_NEZ, 0x0000000000000000, 0x0000000000000000, 0

  # ---- x0 as a source or the destination ------------------------------------------
  TEST 20                       # rs2 = x0: eqz always zero, nez always rs1
  li a1, 0x77
  li a0, 1
  CZERO CZERO_EQZ, A0, A1, X0
  CHECK a0, 0
  CZERO CZERO_NEZ, A0, A1, X0
  CHECK a0, 0x77

  TEST 21                       # rs1 = x0: zero either way
  li a2, 1
  li a0, 1
  CZERO CZERO_EQZ, A0, X0, A2
  CHECK a0, 0
  li a0, 1
  CZERO CZERO_NEZ, A0, X0, X0
  CHECK a0, 0

  TEST 22                       # rd = x0 stays zero
  li a1, 5
  li a2, 0
  CZERO CZERO_NEZ, X0, A1, A2
  CHECK x0, 0
  li a2, 1
  CZERO CZERO_EQZ, X0, A1, A2
  CHECK x0, 0

  # ---- one register for all three ------------------------------------------------------
  TEST 23                       # eqz: x ? x : 0 = x; nez: x ? 0 : x = 0
  li a1, 0x8000000000000000
  CZERO CZERO_EQZ, A1, A1, A1
  CHECK a1, 0x8000000000000000
  CZERO CZERO_NEZ, A1, A1, A1
  CHECK a1, 0

  TEST 24                       # rd = rs2: the condition is read before rd is written
  li a1, 0x1234
  li a2, 1
  CZERO CZERO_EQZ, A2, A1, A2
  CHECK a2, 0x1234
  li a2, 1
  CZERO CZERO_NEZ, A2, A1, A2
  CHECK a2, 0

  # ---- conditional select: a0 = a3 ? a1 : a2 (Zicond spec, "Usage examples")
  TEST 25
  li a1, 0x1111
  li a2, 0x2222
  li a3, 0x100000000
  CZERO CZERO_EQZ, A4, A1, A3
  CZERO CZERO_NEZ, A0, A2, A3
  or a0, a0, a4
  CHECK a0, 0x1111
  li a3, 0
  CZERO CZERO_EQZ, A4, A1, A3
  CZERO CZERO_NEZ, A0, A2, A3
  or a0, a0, a4
  CHECK a0, 0x2222

  PASS
