# counters.S: the Zicntr counters and their controls (privileged spec
# 3.1.11-3.1.13, 4.1.5; unprivileged Zicntr): cycle and instret advance,
# writes to mcycle/minstret take effect, mcountinhibit freezes them,
# mcounteren gates S and U, scounteren gates U (illegal instruction when a
# gate is closed), and M-mode reads everything. The inhibit tests and the
# exact counts (instret counts retired instructions, a minstret write is
# what the next instruction reads) come last: QEMU 7.2 departs there.

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  .equ CY, 1
  .equ TM, 2
  .equ IR, 4
  .equ HPM3, 8
  .equ BIG, 0x0001000000000000      # 2^48
  .equ SLACK, 0x100000000           # how far a counter may run on between two reads (QEMU counts host ticks)

# After an instruction run in S or U with the M record armed: it was the count-th trap, an illegal instruction.
.macro CHECK_ILLEGAL count
  CHECK_TRAP_COUNT \count
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
.endm

# 0 <= a - b < SLACK (a, b registers).
.macro CHECK_SOON_AFTER a, b
  sub t5, \a, \b
  li t6, SLACK
  sltu t5, t5, t6
  CHECK t5, 1
.endm

  .text
  .globl main
main:
  csrw mcountinhibit, zero
  csrw mcounteren, zero
  csrw scounteren, zero

  # ---- the counters count -------------------------------------------------------------------
  TEST 1                        # cycle and instret (and their M-level names) advance
  rdcycle a0
  rdinstret a1
  li a4, 100
3:
  addi a4, a4, -1
  bnez a4, 3b
  rdcycle a2
  rdinstret a3
  sltu a5, a0, a2
  CHECK a5, 1
  sltu a5, a1, a3
  CHECK a5, 1
  csrr a0, mcycle
  csrr a1, minstret
  sltu a5, a2, a0
  CHECK a5, 1
  sltu a5, a3, a1
  CHECK a5, 1

  TEST 2                        # a write to minstret or mcycle takes effect (all 64 bits)
  li a0, BIG
  csrw minstret, a0
  csrr a1, minstret
  CHECK_SOON_AFTER a1, a0
  li a0, BIG + 0x12345678
  csrw mcycle, a0
  rdcycle a1
  CHECK_SOON_AFTER a1, a0

  # ---- gates -------------------------------------------------------------------------------------
  TEST 20                       # from S: mcounteren closed -> illegal, whatever scounteren
  csrw mcounteren, zero
  li a0, CY | IR | HPM3
  csrw scounteren, a0
  TRAP_ARM
  GOTO_S 3f
3:
  rdcycle a0
  CHECK_ILLEGAL 1
  rdinstret a0
  CHECK_ILLEGAL 2
  csrr a0, hpmcounter3
  CHECK_ILLEGAL 3
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 4
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL

  TEST 21                       # from S: each mcounteren bit opens its counter only
  csrwi mcounteren, CY
  csrw scounteren, zero
  TRAP_ARM
  GOTO_S 3f
3:
  rdcycle a0
  CHECK_TRAP_COUNT 0
  rdinstret a0
  CHECK_ILLEGAL 1
  csrr a0, hpmcounter3
  CHECK_ILLEGAL 2
  csrwi scounteren, IR          # (S owns scounteren; it opens nothing for S)
  rdinstret a0
  CHECK_ILLEGAL 3
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 4
  li a0, CY | IR | HPM3
  csrw mcounteren, a0
  TRAP_ARM
  GOTO_S 3f
3:
  rdcycle a0
  rdinstret a0
  csrr a0, hpmcounter3
  CHECK_TRAP_COUNT 0
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1

  TEST 22                       # from U: both gates must be open
  li a0, CY | IR | HPM3
  csrw mcounteren, a0
  csrw scounteren, zero
  TRAP_ARM
  GOTO_U 3f
3:
  rdcycle a0
  CHECK_ILLEGAL 1
  rdinstret a0
  CHECK_ILLEGAL 2
  csrr a0, hpmcounter3
  CHECK_ILLEGAL 3
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 4
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL

  TEST 23                       # from U: scounteren open, mcounteren closed: still illegal
  csrw mcounteren, zero
  li a0, CY | IR | HPM3
  csrw scounteren, a0
  TRAP_ARM
  GOTO_U 3f
3:
  rdcycle a0
  CHECK_ILLEGAL 1
  rdinstret a0
  CHECK_ILLEGAL 2
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 3

  TEST 24                       # from U: both open, bit by bit
  csrwi mcounteren, CY | IR
  csrwi scounteren, IR
  TRAP_ARM
  GOTO_U 3f
3:
  rdinstret a0
  CHECK_TRAP_COUNT 0
  rdcycle a0
  CHECK_ILLEGAL 1
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 2

  TEST 25                       # the gates never apply to M-mode
  csrw mcounteren, zero
  csrw scounteren, zero
  TRAP_ARM
  rdcycle a0
  rdinstret a0
  csrr a0, hpmcounter3
  TRAP_DISARM
  CHECK_TRAP_COUNT 0

  # ---- mcountinhibit ----------------------------------------------------------------------------
  # Last (with the exact counts below), because QEMU 7.2 does not freeze an
  # inhibited counter at its value: after the first read it reads as the
  # value last written (3.1.13: an inhibited counter is not incremented).
  TEST 80                       # IR and CY freeze minstret and mcycle
  li a0, CY | IR
  csrw mcountinhibit, a0
  CHECK_CSR mcountinhibit, CY | IR
  csrr a0, minstret
  csrr a1, mcycle
  nop
  nop
  nop
  csrr a2, minstret
  csrr a3, mcycle
  CHECK_EQ a0, a2
  CHECK_EQ a1, a3
  rdinstret a4                  # the user views too
  CHECK_EQ a0, a4

  TEST 81                       # a frozen counter takes writes and stays at the value written
  li a0, 0x1234
  csrw minstret, a0
  nop
  CHECK_CSR minstret, 0x1234
  li a0, 0x5678
  csrw mcycle, a0
  nop
  CHECK_CSR mcycle, 0x5678

  TEST 82                       # only IR: mcycle runs, minstret stays
  csrwi mcountinhibit, IR
  csrr a0, minstret
  csrr a1, mcycle
  nop
  csrr a2, minstret
  csrr a3, mcycle
  CHECK_EQ a0, a2
  sltu a5, a1, a3
  CHECK a5, 1

  TEST 83                       # uninhibited: counting resumes from where it stood
  csrw mcountinhibit, zero
  csrr a0, minstret
  nop
  csrr a2, minstret
  sltu a5, a0, a2
  CHECK a5, 1
  li a1, 0x1234
  CHECK_SOON_AFTER a0, a1

  # ---- exact counts ------------------------------------------------------------------------------
  # QEMU 7.2 (without -icount) reads host ticks for instret: Zicntr's
  # instret counts the instructions this hart retired, exactly.
  TEST 90                       # instret: two reads around 10 instructions differ by 11
  rdinstret a0
  .rept 10
  nop
  .endr
  rdinstret a1
  sub a1, a1, a0
  CHECK a1, 11

  TEST 91                       # a write to minstret is what the next instruction reads (the write's own retirement is not counted)
  li a0, BIG
  csrw minstret, a0
  csrr a1, minstret
  CHECK_EQ a0, a1

  TEST 92                       # mcountinhibit.TM does not exist (bit 1 is read-only zero; time cannot be inhibited)
  li a0, CY | TM | IR
  csrw mcountinhibit, a0
  CHECK_CSR mcountinhibit, CY | IR
  csrw mcountinhibit, zero

  TEST 93                       # time: mcounteren.TM gates S, both TM bits gate U (QEMU's spike board has no time CSR)
  TRAP_ARM
  rdtime a0                     # M-mode: always
  csrw mcounteren, zero
  csrwi scounteren, TM
  GOTO_S 3f
3:
  rdtime a0
  CHECK_ILLEGAL 1
  TRAP_RESUME 4f
  ecall
4:
  csrwi mcounteren, TM
  csrw scounteren, zero
  TRAP_ARM
  GOTO_S 3f
3:
  rdtime a0
  CHECK_TRAP_COUNT 0
  TRAP_RESUME 4f
  ecall
4:
  TRAP_ARM
  GOTO_U 3f
3:
  rdtime a0
  CHECK_ILLEGAL 1
  TRAP_RESUME 4f
  ecall
4:
  csrwi scounteren, TM
  TRAP_ARM
  GOTO_U 3f
3:
  rdtime a0
  CHECK_TRAP_COUNT 0
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL

  PASS
