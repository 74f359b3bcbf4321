# rv64a.S: the A extension (unprivileged spec chapter 14) instruction by
# instruction: every AMO in .w and .d form (rd = the old value, .w results
# sign-extended, only the low 32 bits of rs2 used and only 4 bytes written),
# amomin/amomax signed against unsigned at the edges, rd = x0 and rd = rs2
# forms, LR/SC success and failure (no reservation, another address, a
# second SC after one that consumed the reservation), access faults where
# nothing answers, and misaligned atomics (address-misaligned, privileged
# spec 3.6.3.4: never performed even when misaligned loads/stores are).

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  # Nothing answers here, on rvhv and on QEMU's spike and virt boards.
  .equ NOWHERE, 0x40000000
  # Guards the bytes around a word-sized access.
  .equ GUARD, 0x5a5a5a5a5a5a5a5a

  .data
  .align 3
amo_mem: .dword 0, 0
lr_mem: .dword 0, 0
  .align 12
far_mem: .dword 0          # a page away from lr_mem: outside any reservation set of lr_mem

# inst a0, a2, (a1) on the word at amo_mem (the upper half of the doubleword holds GUARD's):
# a0 = expected_rd (the old word sign-extended), the word becomes new, the upper word and a2 are unchanged.
.macro TEST_AMO_W n, inst, expected_rd, old, src, new
  TEST \n
  la a1, amo_mem
  li a3, GUARD
  sd a3, 0(a1)
  li a3, \old
  sw a3, 0(a1)
  li a2, \src
  \inst a0, a2, (a1)
  CHECK a0, \expected_rd
  lwu a4, 0(a1)
  CHECK a4, \new
  lwu a4, 4(a1)
  CHECK a4, 0x5a5a5a5a
  CHECK a2, \src
  la a3, amo_mem
  CHECK_EQ a1, a3
.endm

# inst a0, a2, (a1) on the doubleword at amo_mem: a0 = old, the doubleword becomes new.
.macro TEST_AMO_D n, inst, old, src, new
  TEST \n
  la a1, amo_mem
  li a3, \old
  sd a3, 0(a1)
  li a2, \src
  \inst a0, a2, (a1)
  CHECK a0, \old
  ld a4, 0(a1)
  CHECK a4, \new
  CHECK a2, \src
.endm

  .text
  .globl main
main:
  # ---- amoswap ---------------------------------------------------------------
  TEST_AMO_W 1, amoswap.w, 0xffffffff80000000, 0x80000000, 0x1234567800000001, 0x00000001
  TEST_AMO_W 2, amoswap.w, 0x000000007fffffff, 0x7fffffff, 0xffffffffdeadbeef, 0xdeadbeef
  TEST_AMO_D 3, amoswap.d, 0x8000000000000000, 0x0123456789abcdef, 0x0123456789abcdef

  # ---- amoadd: wrap-around, only the low word of rs2 in .w, the carry between halves in .d
  TEST_AMO_W 4, amoadd.w, 0x000000007fffffff, 0x7fffffff, 0x0000000100000001, 0x80000000
  TEST_AMO_W 5, amoadd.w, 0xffffffffffffffff, 0xffffffff, 0x0000000000000001, 0x00000000
  TEST_AMO_W 6, amoadd.w, 0xffffffff80000000, 0x80000000, 0xffffffff80000000, 0x00000000
  TEST_AMO_D 7, amoadd.d, 0x00000000ffffffff, 0x0000000000000001, 0x0000000100000000
  TEST_AMO_D 8, amoadd.d, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000
  TEST_AMO_D 9, amoadd.d, 0x7fffffffffffffff, 0x0000000000000001, 0x8000000000000000

  # ---- logic ---------------------------------------------------------------------
  TEST_AMO_W 10, amoxor.w, 0xffffffffff00ff00, 0xff00ff00, 0xffffffff0ff00ff0, 0xf0f0f0f0
  TEST_AMO_W 11, amoand.w, 0xffffffffff00ff00, 0xff00ff00, 0x000000000ff00ff0, 0x0f000f00
  TEST_AMO_W 12, amoor.w, 0x000000000000ff00, 0x0000ff00, 0xffffffff0ff00ff0, 0x0ff0fff0
  TEST_AMO_D 13, amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0
  TEST_AMO_D 14, amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00
  TEST_AMO_D 15, amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0

  # ---- min/max: signed vs unsigned at the sign boundary; .w compares 32-bit values
  TEST_AMO_W 20, amomin.w, 0xffffffff80000000, 0x80000000, 0x0000000000000001, 0x80000000
  TEST_AMO_W 21, amominu.w, 0xffffffff80000000, 0x80000000, 0x0000000000000001, 0x00000001
  TEST_AMO_W 22, amomax.w, 0xffffffffffffffff, 0xffffffff, 0x0000000000000000, 0x00000000
  TEST_AMO_W 23, amomaxu.w, 0xffffffffffffffff, 0xffffffff, 0x0000000000000000, 0xffffffff
  # rs2's upper half is ignored: 0x00000001_7fffffff is 0x7fffffff to a .w AMO.
  TEST_AMO_W 24, amomin.w, 0xffffffff80000000, 0x80000000, 0x000000017fffffff, 0x80000000
  TEST_AMO_W 25, amomax.w, 0xffffffff80000000, 0x80000000, 0x000000017fffffff, 0x7fffffff
  TEST_AMO_W 26, amominu.w, 0x0000000000000002, 0x00000002, 0xffffffff00000001, 0x00000001
  TEST_AMO_W 27, amomaxu.w, 0x0000000000000002, 0x00000002, 0x00000001fffffffe, 0xfffffffe
  TEST_AMO_W 28, amomin.w, 0x0000000000000005, 0x00000005, 0x0000000000000005, 0x00000005
  TEST_AMO_D 30, amomin.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000
  TEST_AMO_D 31, amominu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff
  TEST_AMO_D 32, amomax.d, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000
  TEST_AMO_D 33, amomaxu.d, 0xffffffffffffffff, 0x0000000000000000, 0xffffffffffffffff
  # Equal upper halves: the lower halves decide, compared unsigned even in the signed forms.
  TEST_AMO_D 34, amomin.d, 0x0000000180000000, 0x0000000100000001, 0x0000000100000001
  TEST_AMO_D 35, amomax.d, 0x0000000180000000, 0x0000000100000001, 0x0000000180000000
  TEST_AMO_D 36, amomin.d, 0xffffffff00000000, 0xfffffffeffffffff, 0xfffffffeffffffff
  TEST_AMO_D 37, amomaxu.d, 0x00000000ffffffff, 0x0000000100000000, 0x0000000100000000

  # ---- ordering bits change nothing in a single hart
  TEST_AMO_W 40, amoadd.w.aq, 0x0000000000000001, 0x00000001, 0x0000000000000002, 0x00000003
  TEST_AMO_W 41, amoadd.w.rl, 0x0000000000000001, 0x00000001, 0x0000000000000002, 0x00000003
  TEST_AMO_D 42, amoswap.d.aqrl, 0x0000000000000007, 0x0000000000000008, 0x0000000000000008

  # ---- register forms ---------------------------------------------------------------
  TEST 43                       # rd = x0: memory still updated, x0 still zero
  la a1, amo_mem
  li a3, 40
  sd a3, 0(a1)
  li a2, 2
  amoadd.d x0, a2, (a1)
  CHECK x0, 0
  ld a4, 0(a1)
  CHECK a4, 42
  amoswap.w zero, a2, (a1)
  CHECK x0, 0
  ld a4, 0(a1)
  CHECK a4, 2

  TEST 44                       # rd = rs2: the source is read before rd is written
  la a1, amo_mem
  li a3, 0x1111
  sd a3, 0(a1)
  li a2, 0x2222
  amoswap.d a2, a2, (a1)
  CHECK a2, 0x1111
  ld a4, 0(a1)
  CHECK a4, 0x2222

  TEST 45                       # rd = rs1: the address is used before rd is written
  la a1, amo_mem
  li a3, 0x33
  sd a3, 0(a1)
  li a2, 1
  mv a5, a1
  amoadd.d a1, a2, (a1)
  CHECK a1, 0x33
  ld a4, 0(a5)
  CHECK a4, 0x34

  TEST 46                       # the second word of the doubleword (amo.w at offset 4)
  la a1, amo_mem
  li a3, 0x8000000000000000
  sd a3, 0(a1)
  addi a1, a1, 4
  li a2, 1
  amoor.w a0, a2, (a1)
  CHECK a0, 0xffffffff80000000
  ld a4, -4(a1)
  CHECK a4, 0x8000000100000000

  # ---- LR/SC --------------------------------------------------------------------------
  TEST 50                       # lr.w sign-extends; sc.w succeeds (rd = 0) and writes 4 bytes
  la a1, lr_mem
  li a3, GUARD
  sd a3, 0(a1)
  li a3, 0x80000001
  sw a3, 0(a1)
  lr.w a0, (a1)
  CHECK a0, 0xffffffff80000001
  li a2, 0xffffffff12345678
  sc.w a4, a2, (a1)
  CHECK a4, 0
  ld a4, 0(a1)
  CHECK a4, 0x5a5a5a5a12345678

  TEST 51                       # lr.d/sc.d: all 64 bits
  la a1, lr_mem
  li a3, 0x8000000000000001
  sd a3, 0(a1)
  lr.d a0, (a1)
  CHECK a0, 0x8000000000000001
  li a2, 0x0123456789abcdef
  sc.d a4, a2, (a1)
  CHECK a4, 0
  ld a4, 0(a1)
  CHECK a4, 0x0123456789abcdef

  TEST 52                       # the reservation is gone after an SC: a second SC fails (rd = 1), no store
  li a2, 0x7777
  sc.d a4, a2, (a1)
  CHECK a4, 1
  ld a4, 0(a1)
  CHECK a4, 0x0123456789abcdef

  TEST 53                       # SC without any LR fails
  la a1, lr_mem
  sd zero, 0(a1)
  li a2, 5
  sc.w a4, a2, (a1)
  CHECK a4, 1
  sc.d a4, a2, (a1)
  CHECK a4, 1
  ld a4, 0(a1)
  CHECK a4, 0

  TEST 54                       # SC to an address outside the reservation set fails, and drops the reservation
  la a1, lr_mem
  la a3, far_mem
  sd zero, 0(a3)
  lr.d a0, (a1)
  li a2, 9
  sc.d a4, a2, (a3)
  CHECK a4, 1
  ld a4, 0(a3)
  CHECK a4, 0
  sc.d a4, a2, (a1)             # the SC above consumed the reservation, failing or not
  CHECK a4, 1
  ld a4, 0(a1)
  CHECK a4, 0

  TEST 55                       # lr with rd = x0 still reserves; sc with rd = x0 still stores
  la a1, lr_mem
  lr.w x0, (a1)
  CHECK x0, 0
  li a2, 0x66
  sc.w a4, a2, (a1)
  CHECK a4, 0
  lr.d a0, (a1)
  li a2, 0x77
  sc.d x0, a2, (a1)
  CHECK x0, 0
  ld a4, 0(a1)
  CHECK a4, 0x77

  TEST 56                       # an LR/SC loop: atomic increment
  la a1, lr_mem
  li a3, 99
  sd a3, 0(a1)
3:
  lr.d.aq a0, (a1)
  addi a0, a0, 1
  sc.d.rl a4, a0, (a1)
  bnez a4, 3b
  ld a4, 0(a1)
  CHECK a4, 100

  TEST 57                       # a failed SC leaves rs2 and the address register alone
  la a1, lr_mem
  li a2, 0xabc
  sc.w a2, a2, (a1)             # rd = rs2, no reservation: rd becomes 1
  CHECK a2, 1
  la a3, lr_mem
  CHECK_EQ a1, a3

  # ---- access faults: nothing answers ---------------------------------------------------
  li a1, NOWHERE
  li a0, 0x5a
  TRAP_BEGIN 60                 # lr: load access fault, rd unchanged
  lr.w a0, (a1)
  TRAP_END_TVAL CAUSE_LOAD_ACCESS, NOWHERE
  CHECK a0, 0x5a
  li a1, NOWHERE + 8
  TRAP_BEGIN 61
  lr.d a0, (a1)
  TRAP_END_TVAL CAUSE_LOAD_ACCESS, NOWHERE + 8

  # ---- misaligned atomics ----------------------------------------------------------------
  la a1, lr_mem + 2
  TRAP_BEGIN 70                 # lr: load address-misaligned, tval = the address
  lr.w a0, (a1)
  TRAP_END CAUSE_MISALIGNED_LOAD
  CHECK_TRAP_TVAL_ADDR lr_mem + 2
  CHECK a0, 0x5a
  la a1, lr_mem + 4
  TRAP_BEGIN 71
  lr.d a0, (a1)
  TRAP_END CAUSE_MISALIGNED_LOAD
  CHECK_TRAP_TVAL_ADDR lr_mem + 4

  # Last, because QEMU 7.2 reports faulting AMOs as loads: access faults as
  # load access faults (cause 5) and misaligned AMOs as load-misaligned
  # (cause 4), where an AMO's exceptions are store/AMO ones (7 and 6;
  # privileged spec table 3.6, unprivileged spec 14.4: AMOs need write
  # permission); and it lets an SC without a reservation fail before it
  # checks alignment (14.2: a misaligned SC raises the exception).
  li a1, NOWHERE + 16
  TRAP_BEGIN 75                 # AMOs where nothing answers: store/AMO access fault, rd unchanged
  amoadd.w a0, a2, (a1)
  TRAP_END_TVAL CAUSE_STORE_ACCESS, NOWHERE + 16
  CHECK a0, 0x5a
  TRAP_BEGIN 76
  amoswap.d a0, a2, (a1)
  TRAP_END_TVAL CAUSE_STORE_ACCESS, NOWHERE + 16
  TRAP_BEGIN 77
  amomaxu.d a0, a2, (a1)
  TRAP_END_TVAL CAUSE_STORE_ACCESS, NOWHERE + 16
  CHECK a0, 0x5a

  la a1, amo_mem + 2
  TRAP_BEGIN 80
  amoadd.w a0, a2, (a1)
  TRAP_END CAUSE_MISALIGNED_STORE
  CHECK_TRAP_TVAL_ADDR amo_mem + 2
  CHECK a0, 0x5a
  la a1, amo_mem + 1
  TRAP_BEGIN 81
  amoswap.w a0, a2, (a1)
  TRAP_END CAUSE_MISALIGNED_STORE
  CHECK_TRAP_TVAL_ADDR amo_mem + 1
  la a1, amo_mem + 4
  TRAP_BEGIN 82
  amominu.d a0, a2, (a1)
  TRAP_END CAUSE_MISALIGNED_STORE
  CHECK_TRAP_TVAL_ADDR amo_mem + 4
  la a1, amo_mem + 6
  TRAP_BEGIN 83
  sc.w a0, a2, (a1)
  TRAP_END CAUSE_MISALIGNED_STORE
  CHECK_TRAP_TVAL_ADDR amo_mem + 6
  la a1, amo_mem + 4
  TRAP_BEGIN 84
  sc.d a0, a2, (a1)
  TRAP_END CAUSE_MISALIGNED_STORE
  CHECK_TRAP_TVAL_ADDR amo_mem + 4
  CHECK a0, 0x5a

  PASS
