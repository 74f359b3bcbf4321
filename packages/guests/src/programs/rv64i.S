# rv64i.S: the RV64I base, instruction by instruction: arithmetic with
# wrap-around, the W forms' sign extension, shifts by 0, 31, 32 and 63 (and
# by register amounts that use only the low 6/5 bits), comparisons at the
# signed/unsigned boundaries, loads with sign and zero extension, partial
# stores, branches and jumps with their link values, x0 as a destination,
# and a store over code followed by fence.i (unprivileged spec chapters 2, 5).

  .include "prelude.S"

  .data
  .align 3
tdat:  .dword 0xfedcba9876543210
tdat2: .dword 0x00000000ffffffff
sdat:  .dword 0xaaaaaaaaaaaaaaaa
       .dword 0xaaaaaaaaaaaaaaaa

  .text
  .globl main
main:
  # ---- add, sub, addw, subw ---------------------------------------------------
  TEST_RR 1, add, 0x0000000000000000, 0x0, 0x0
  TEST_RR 2, add, 0x000000000000000a, 3, 7
  TEST_RR 3, add, 0x8000000000000000, 0x7fffffffffffffff, 1
  TEST_RR 4, add, 0x0000000000000000, -1, 1
  TEST_RR 5, add, 0x0000000100000000, 0xffffffff, 1
  TEST_RR_SRC1_EQ_DEST 6, add, 24, 13, 11
  TEST_RR_SRC2_EQ_DEST 7, add, 25, 14, 11
  TEST_RR_SRC12_EQ_DEST 8, add, 26, 13
  TEST_RR_ZERODEST 9, add, 13, 11
  TEST_RR 10, sub, 0xffffffffffffffff, 0, 1
  TEST_RR 11, sub, 0x7fffffffffffffff, 0x8000000000000000, 1
  TEST_RR 12, sub, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000
  TEST_RR_ZERODEST 13, sub, 13, 11
  # W forms: 32-bit result, sign-extended; upper input bits ignored
  TEST_RR 14, addw, 0xffffffff80000000, 0x7fffffff, 1
  TEST_RR 15, addw, 0x0000000000000000, 0xffffffff, 1
  TEST_RR 16, addw, 0x0000000000000002, 0x1234567800000001, 0x8765432100000001
  TEST_RR 17, subw, 0x000000007fffffff, 0xffffffff80000000, 1
  TEST_RR 18, subw, 0xffffffffffffffff, 0, 1
  TEST_RR_ZERODEST 19, addw, 0x7fffffff, 1

  # ---- immediates ----------------------------------------------------------------
  TEST_RI 21, addi, 0x0000000000000000, 1, -1
  TEST_RI 22, addi, 0x80000000000007fe, 0x7fffffffffffffff, 0x7ff
  TEST_RI 23, addi, 0x7ffffffffffff7ff, 0x7fffffffffffffff, -0x800
  TEST_RI_SRC1_EQ_DEST 24, addi, 24, 13, 11
  TEST_RI_ZERODEST 25, addi, 13, 11
  TEST_RI 26, addiw, 0xffffffff80000000, 0x7fffffff, 1
  TEST_RI 27, addiw, 0x000000007fffffff, 0xffffffff80000000, -1
  TEST_RI 28, addiw, 0xffffffffffffffff, 0x1234567800000000, -1
  TEST_RI 29, slti, 1, -1, 0
  TEST_RI 30, slti, 0, 0, -1
  TEST_RI 31, slti, 1, 0x8000000000000000, 0x7ff
  TEST_RI 32, sltiu, 1, 0, -1
  TEST_RI 33, sltiu, 0, -1, -1
  TEST_RI 34, sltiu, 1, 0xfffffffffffffffe, -1
  TEST_RI 35, xori, 0xffffffffff00f00f, 0x0000000000ff0ff0, -1
  TEST_RI 36, xori, 0x0000000000ff0f00, 0x0000000000ff0ff0, 0xf0
  TEST_RI 37, ori, 0xffffffffffffff0f, 0x000000000000000f, -0xf1
  TEST_RI 38, andi, 0x0000000000ff0ff0, 0x0000000000ff0ff0, -1
  TEST_RI 39, andi, 0x0000000000000000, 0xffffffffffff0000, 0x7ff
  TEST_RI_ZERODEST 40, xori, -1, 5

  # ---- shifts ------------------------------------------------------------------------
  TEST_RI 41, slli, 0x0000000000000001, 1, 0
  TEST_RI 42, slli, 0x8000000000000000, 1, 63
  TEST_RI 43, slli, 0x0000000100000000, 1, 32
  TEST_RI 44, srli, 0x0000000000000001, 0x8000000000000000, 63
  TEST_RI 45, srli, 0x0000000080000000, 0x8000000000000000, 32
  TEST_RI 46, srai, 0xffffffffffffffff, 0x8000000000000000, 63
  TEST_RI 47, srai, 0xffffffff80000000, 0x8000000000000000, 32
  TEST_RI 48, srai, 0x7fffffffffffffff, 0x7fffffffffffffff, 0
  TEST_RI 49, slliw, 0xffffffff80000000, 1, 31
  TEST_RI 50, slliw, 0x0000000000000000, 0x100000000, 0
  TEST_RI 51, slliw, 0xffffffff87654321, 0x87654321, 0
  TEST_RI 52, srliw, 0x0000000000000001, 0x80000000, 31
  TEST_RI 53, srliw, 0xffffffff80000000, 0xffffffff80000000, 0
  TEST_RI 54, srliw, 0x000000007fffffff, 0xffffffffffffffff, 1
  TEST_RI 55, sraiw, 0xffffffffffffffff, 0x80000000, 31
  TEST_RI 56, sraiw, 0x0000000000000000, 0x7fffffff00000000, 0
  TEST_RI 57, sraiw, 0xffffffffc0000000, 0x0000000080000000, 1
  TEST_RI_ZERODEST 58, slli, 1, 63
  # register amounts: only the low 6 bits count (5 for the W forms)
  TEST_RR 61, sll, 0x8000000000000000, 1, 63
  TEST_RR 62, sll, 0x0000000000000001, 1, 64
  TEST_RR 63, sll, 0x0000000000000002, 1, 65
  TEST_RR 64, sll, 0x0000000000000001, 1, -64
  TEST_RR 65, srl, 0x0000000000000001, 0x8000000000000000, 63
  TEST_RR 66, srl, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffc0
  TEST_RR 67, sra, 0xffffffffffffffff, 0x8000000000000000, 63
  TEST_RR 68, sra, 0xc000000000000000, 0x8000000000000000, 0x41
  TEST_RR 69, sllw, 0xffffffff80000000, 1, 31
  TEST_RR 70, sllw, 0x0000000000000001, 1, 32
  TEST_RR 71, srlw, 0x0000000000000001, 0x80000000, 31
  TEST_RR 72, srlw, 0xffffffff80000000, 0x80000000, 32
  TEST_RR 73, sraw, 0xffffffffffffffff, 0x80000000, 31
  TEST_RR 74, sraw, 0xffffffffc0000000, 0x80000000, 33
  TEST_RR 75, sraw, 0x0000000000000000, 0xffffffff00000000, 5
  TEST_RR_ZERODEST 76, sra, -1, 1

  # ---- comparisons and logic --------------------------------------------------------
  TEST_RR 81, slt, 1, -1, 1
  TEST_RR 82, slt, 0, 1, -1
  TEST_RR 83, slt, 1, 0x8000000000000000, 0x7fffffffffffffff
  TEST_RR 84, slt, 0, 5, 5
  TEST_RR 85, sltu, 0, -1, 1
  TEST_RR 86, sltu, 1, 1, -1
  TEST_RR 87, sltu, 0, 0x8000000000000000, 0x7fffffffffffffff
  TEST_RR 88, sltu, 1, 0, 1
  TEST_RR 89, xor, 0xf00ff00ff00ff00f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  TEST_RR 90, or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  TEST_RR 91, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  TEST_RR_ZERODEST 92, sltu, 0, 1

  # ---- lui, auipc ---------------------------------------------------------------------
  TEST 101
  lui a0, 0x80000
  CHECK a0, 0xffffffff80000000
  TEST 102
  lui a0, 0x7ffff
  CHECK a0, 0x000000007ffff000
  TEST 103
  lui x0, 0x12345
  CHECK x0, 0
  TEST 104
1:
  auipc a0, 0
  la a1, 1b
  CHECK_EQ a0, a1
  TEST 105
1:
  auipc a0, 0x1
  la a1, 1b
  sub a0, a0, a1
  CHECK a0, 0x1000
  TEST 106
1:
  auipc a0, 0x80000
  la a1, 1b
  sub a0, a0, a1
  CHECK a0, 0xffffffff80000000

  # ---- loads ---------------------------------------------------------------------------
  TEST_LD 111, lb, 0x0000000000000010, 0, tdat
  TEST_LD 112, lb, 0xfffffffffffffffe, 7, tdat
  TEST_LD 113, lbu, 0x00000000000000fe, 7, tdat
  TEST_LD 114, lb, 0xffffffffffffff98, 4, tdat
  TEST_LD 115, lh, 0x0000000000003210, 0, tdat
  TEST_LD 116, lh, 0xfffffffffffffedc, 6, tdat
  TEST_LD 117, lhu, 0x000000000000fedc, 6, tdat
  TEST_LD 118, lw, 0x0000000076543210, 0, tdat
  TEST_LD 119, lw, 0xfffffffffedcba98, 4, tdat
  TEST_LD 120, lwu, 0x00000000fedcba98, 4, tdat
  TEST_LD 121, ld, 0xfedcba9876543210, 0, tdat
  TEST_LD 122, lw, 0xffffffffffffffff, -8, tdat2+8
  TEST_LD 123, lwu, 0x00000000ffffffff, -8, tdat2+8
  TEST_LD 124, ld, 0xfedcba9876543210, -8, tdat+8
  TEST 125                      # a load into x0 is performed but writes nothing
  la a1, tdat
  ld x0, 0(a1)
  CHECK x0, 0
  TEST 126                      # base register equal to the destination
  la a0, tdat
  ld a0, 0(a0)
  CHECK a0, 0xfedcba9876543210

  # ---- stores ---------------------------------------------------------------------------
  TEST_ST 131, sd, ld, 0x0123456789abcdef, 0x0123456789abcdef, 0, sdat
  TEST_ST 132, sw, lw, 0xffffffff89abcdef, 0x0123456789abcdef, 8, sdat
  TEST_ST 133, sh, lh, 0xffffffffffffcdef, 0x0123456789abcdef, 12, sdat
  TEST_ST 134, sb, lbu, 0x00000000000000ef, 0x0123456789abcdef, 15, sdat
  TEST 135                      # partial stores leave the other bytes alone
  la a1, sdat
  li a2, -1
  sd a2, 0(a1)
  sb zero, 1(a1)
  sh zero, 4(a1)
  ld a0, 0(a1)
  CHECK a0, 0xffff0000ffff00ff
  sw zero, 4(a1)
  ld a0, 0(a1)
  CHECK a0, 0x00000000ffff00ff
  TEST 136                      # negative offsets
  la a1, sdat+16
  li a2, 0x1122334455667788
  sd a2, -16(a1)
  ld a0, -16(a1)
  CHECK a0, 0x1122334455667788

  # ---- branches ---------------------------------------------------------------------------
  TEST_BR_TAKEN 141, beq, 5, 5
  TEST_BR_NOT_TAKEN 142, beq, 5, 6
  TEST_BR_TAKEN 143, bne, 0, 1
  TEST_BR_NOT_TAKEN 144, bne, -1, -1
  TEST_BR_TAKEN 145, blt, -1, 0
  TEST_BR_NOT_TAKEN 146, blt, 0, -1
  TEST_BR_TAKEN 147, blt, 0x8000000000000000, 0x7fffffffffffffff
  TEST_BR_NOT_TAKEN 148, blt, 3, 3
  TEST_BR_TAKEN 149, bge, 3, 3
  TEST_BR_TAKEN 150, bge, 0, -1
  TEST_BR_NOT_TAKEN 151, bge, -1, 0
  TEST_BR_TAKEN 152, bltu, 0, -1
  TEST_BR_NOT_TAKEN 153, bltu, -1, 0
  TEST_BR_NOT_TAKEN 154, bltu, 0x8000000000000000, 0x7fffffffffffffff
  TEST_BR_TAKEN 155, bgeu, -1, 0
  TEST_BR_TAKEN 156, bgeu, 7, 7
  TEST_BR_NOT_TAKEN 157, bgeu, 0, -1
  TEST 158                      # backward branch
  li a0, 3
  li a1, 0
1:
  addi a1, a1, 1
  addi a0, a0, -1
  bnez a0, 1b
  CHECK a1, 3

  # ---- jal, jalr --------------------------------------------------------------------------
  TEST 161                      # jal links the address of the next instruction
  jal a0, 1f
2:
  j fail
1:
  la a1, 2b
  CHECK_EQ a0, a1
  TEST 162                      # jal x0 writes nothing
  jal x0, 1f
  j fail
1:
  CHECK x0, 0
  TEST 163                      # jalr: target (rs1 + imm) with bit 0 cleared
  la a1, 1f
  addi a1, a1, -3
  jalr a0, 4(a1)                # rs1 + 4 = target + 1: odd, bit 0 dropped
2:
  j fail
1:
  la a2, 2b
  CHECK_EQ a0, a2
  TEST 164                      # jalr with rd = rs1 jumps to the old value
  la a0, 1f
  jalr a0, 0(a0)
2:
  j fail
1:
  la a1, 2b
  CHECK_EQ a0, a1
  TEST 165                      # call and return through ra
  li a0, 20
  call add_one
  CHECK a0, 21

  # ---- x0 ---------------------------------------------------------------------------------
  TEST 171                      # writes to x0 are dropped by every kind of instruction
  addi x0, x0, 1
  li a0, 5
  add x0, a0, a0
  lui x0, 1
  auipc x0, 1
  slli x0, a0, 3
  CHECK x0, 0
  add a1, x0, x0
  CHECK a1, 0

  # ---- fence.i: code written by a store runs after fence.i ---------------------------------
  TEST 181
  li a0, 0
  call patched                  # first run: returns 1
  CHECK a0, 1
  la a1, patched
  li a2, 0x00200513             # addi a0, zero, 2
  sw a2, 0(a1)
  fence.i
  call patched
  CHECK a0, 2
  TEST 182                      # fence and fence.i themselves change nothing
  li a0, 7
  fence
  fence rw, rw
  fence.i
  CHECK a0, 7

  PASS

add_one:
  addi a0, a0, 1
  ret

  .align 2
patched:
  .word 0x00100513              # addi a0, zero, 1 (a full-size instruction, rewritten by test 181)
  ret
