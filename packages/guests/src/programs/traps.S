# traps.S: synchronous traps and privilege changes (privileged spec 3.1.6,
# 3.1.14-3.1.16, 3.3): illegal instructions and their mtval, access faults,
# ecall from M, S and U, ebreak, CSR accesses from too low a privilege,
# writes to read-only CSRs, counter enables, mret/sret and what they do to
# mstatus, TSR/TW, delegation to S-mode with medeleg, and WFI waking on a
# pending interrupt. Misaligned accesses are in misaligned.S.

  .include "prelude.S"

  # Addresses nothing answers at, on rvhv and on QEMU's spike and virt boards.
  .equ NOWHERE, 0x40000000

  .equ MCOUNTEREN_CY, 1
  .equ MSTATUS_TVM, 0x100000
  .equ MSTATUS_TW, 0x200000
  .equ MSTATUS_TSR, 0x400000
  .equ MIP_SSIP, 0x2

# The trap value must be the trapping instruction's bits (as Spike and QEMU report them).
.macro CHECK_TRAP_TVAL_IS_INSN rec=m
  la t6, \rec\()_trap_state
  ld t5, TRAP_EPC(t6)
  lwu t5, 0(t5)
  ld t6, TRAP_TVAL(t6)
  CHECK_EQ t5, t6
.endm

  .text
  .globl main
main:
  # ---- illegal instructions ------------------------------------------------------
  TRAP_BEGIN 1                  # an opcode nobody implements (custom-0)
  .word 0x0000000b
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x0000000b

  TRAP_BEGIN 2                  # the all-zero halfword is illegal (and 2 bytes long)
  .half 0x0000
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0

  TRAP_BEGIN 3                  # a CSR that does not exist
  csrr a0, 0x8ff
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN

  TRAP_BEGIN 4                  # writing a read-only CSR (unimp = csrrw x0, cycle, x0)
  csrrw x0, cycle, x0
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN

  TRAP_BEGIN 5                  # even with rd = x0, csrrw writes
  csrw mhartid, zero
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION

  TEST 6                        # reading a read-only CSR is fine, and csrrs/csrrc with x0 do not write
  TRAP_ARM
  csrr a0, mhartid
  csrrs a0, mvendorid, x0
  csrrc a0, marchid, x0
  csrrsi a0, mimpid, 0
  TRAP_DISARM
  CHECK_TRAP_COUNT 0

  # Reserved encodings are illegal instructions too.
  TRAP_BEGIN 7                  # slliw with shamt[5] = 1
  .word 0x0205959b
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x0205959b

  TRAP_BEGIN 8                  # sraiw with shamt[5] = 1
  .word 0x4205d59b
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x4205d59b

  TRAP_BEGIN 9                  # srli with a funct6 that names no shift
  .word 0x0405d593
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x0405d593

  TRAP_BEGIN 10                 # c.addi4spn with a zero immediate
  .half 0x0004
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x0004

  TRAP_BEGIN 15                 # c.lui with a zero immediate
  .half 0x6081
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x6081

  # ---- access faults -------------------------------------------------------------
  TEST 11                       # fetch from where nothing answers: epc and tval are the target
  TRAP_ARM
  TRAP_RESUME 3f
  li a1, NOWHERE
  jalr a1
  j fail
3:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_FETCH_ACCESS
  CHECK_TRAP_FIELD TRAP_EPC, NOWHERE, m
  CHECK_TRAP_TVAL NOWHERE

  li a1, NOWHERE + 16
  TRAP_BEGIN 12                 # load (aligned: misaligned would take precedence)
  ld a0, -8(a1)
  TRAP_END_TVAL CAUSE_LOAD_ACCESS, NOWHERE + 8

  li a1, NOWHERE
  TRAP_BEGIN 13                 # store
  sw a0, 16(a1)
  TRAP_END_TVAL CAUSE_STORE_ACCESS, NOWHERE + 16

  li a0, 0x5a5a
  li a1, NOWHERE
  TRAP_BEGIN 14                 # a faulting load leaves its destination alone
  lw a0, 0(a1)
  TRAP_END CAUSE_LOAD_ACCESS
  CHECK a0, 0x5a5a

  # ---- ecall and ebreak in M-mode ------------------------------------------------------
  TRAP_BEGIN 21
  ecall
  TRAP_END_TVAL CAUSE_MACHINE_ECALL, 0
  CHECK_TRAP_FROM PRV_M

  TRAP_BEGIN 22                 # ebreak: tval is 0 or the ebreak's address (3.1.16; rvhv and Spike: the address)
  .option push
  .option norvc
  ebreak
  .option pop
  TRAP_END CAUSE_BREAKPOINT
  la t6, m_trap_state
  ld t5, TRAP_EPC(t6)
  ld t6, TRAP_TVAL(t6)
  beqz t6, 3f
  CHECK_EQ t5, t6
3:

  TRAP_BEGIN 23                 # c.ebreak: 2 bytes long
  c.ebreak
  TRAP_END CAUSE_BREAKPOINT

  # ---- U-mode -----------------------------------------------------------------------------
  TEST 31                       # ecall from U
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_U 3f
3:
  ecall
  j fail
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL
  CHECK_TRAP_EPC 3b
  CHECK_TRAP_FROM PRV_U

  TEST 32                       # from U: M and S CSRs, mret, sret and wfi are illegal
  TRAP_ARM
  GOTO_U 3f
3:
  csrr a0, mstatus
  csrr a0, sstatus
  csrw sscratch, a0
  mret
  sret
  wfi
  TRAP_RESUME 4f                # (U can write memory: PMP is open)
  ecall
  j fail
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 7
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL

  TEST 33                       # each of those was an illegal instruction with its bits in mtval
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_U 3f
3:
  mret
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_EPC 3b
  CHECK_TRAP_TVAL_IS_INSN
  CHECK_TRAP_FROM PRV_U

  # Counters from U: allowed only when both mcounteren and scounteren allow them.
  TEST 34
  csrw mcounteren, zero
  csrw scounteren, zero
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_U 3f
3:
  rdcycle a0
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_EPC 3b

  TEST 35
  csrwi mcounteren, MCOUNTEREN_CY
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_U 3f
3:
  rdcycle a0
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_EPC 3b

  TEST 36
  csrwi scounteren, MCOUNTEREN_CY
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_U 3f
3:
  rdcycle a0
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL
  csrw mcounteren, zero
  csrw scounteren, zero

  # ---- S-mode -------------------------------------------------------------------------------
  TEST 41                       # ecall from S
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_S 3f
3:
  ecall
  j fail
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL
  CHECK_TRAP_EPC 3b
  CHECK_TRAP_FROM PRV_S

  TEST 42                       # S reaches its own CSRs but not M's; mret is illegal in S
  TRAP_ARM
  GOTO_S 3f
3:
  csrr a0, sstatus
  csrr a2, sscratch             # (the S trap handler's pointer: put it back)
  csrw sscratch, a0
  csrr a1, sscratch
  csrw sscratch, a2
  CHECK_EQ a0, a1
  CHECK_TRAP_COUNT 0
  csrr a0, mstatus
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN
  CHECK_TRAP_FROM PRV_S
  csrw mscratch, zero
  CHECK_TRAP_COUNT 2
  mret
  CHECK_TRAP_COUNT 3
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 4
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL

  TEST 43                       # mstatus.TSR makes sret illegal in S; TW makes wfi illegal in S
  li a0, MSTATUS_TSR | MSTATUS_TW
  csrs mstatus, a0
  TRAP_ARM
  GOTO_S 3f
3:
  sret
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_FROM PRV_S
  wfi
  CHECK_TRAP_COUNT 2
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  li a0, MSTATUS_TSR | MSTATUS_TW
  csrc mstatus, a0

  # ---- mret and sret ------------------------------------------------------------------------
  TEST 51                       # mret: MIE = MPIE, MPIE = 1, MPP = U (privileged spec 3.1.6.1)
  li a0, MSTATUS_MPP | MSTATUS_MPIE
  csrs mstatus, a0
  csrci mstatus, MSTATUS_MIE
  la a0, 3f
  csrw mepc, a0
  mret
3:
  csrr a0, mstatus
  csrci mstatus, MSTATUS_MIE
  li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
  and a0, a0, a1
  CHECK a0, MSTATUS_MIE | MSTATUS_MPIE

  TEST 52                       # mret to S with MPIE = 0: MIE stays 0, MPIE becomes 1
  csrci mstatus, MSTATUS_MIE
  li a0, MSTATUS_MPIE
  csrc mstatus, a0
  TRAP_ARM
  TRAP_RESUME 4f
  GOTO_S 3f
3:
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_FROM PRV_S
  la t6, m_trap_state           # the status the handler saw: MPIE = MIE before the ecall = 0
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_MPIE | MSTATUS_MIE
  CHECK a0, 0

  TEST 53                       # sret to U: SIE = SPIE, SPIE = 1, SPP = U
  TRAP_ARM
  TRAP_RESUME 5f
  GOTO_S 3f
3:
  li a0, MSTATUS_SPP | MSTATUS_SIE
  csrc sstatus, a0
  li a0, MSTATUS_SPIE
  csrs sstatus, a0
  la a0, 4f
  csrw sepc, a0
  sret
  j fail
4:
  ecall                         # in U
  j fail
5:
  TRAP_DISARM
  CHECK_TRAP_FROM PRV_U
  CHECK_TRAP_EPC 4b
  la t6, m_trap_state
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
  CHECK a0, MSTATUS_SPIE | MSTATUS_SIE
  csrci mstatus, MSTATUS_SIE

  TEST 54                       # sret to S: SPP = 1 returns to S, and sepc is where it goes
  TRAP_ARM
  TRAP_RESUME 5f
  GOTO_S 3f
3:
  li a0, MSTATUS_SPP
  csrs sstatus, a0
  la a0, 4f
  csrw sepc, a0
  sret
  j fail
4:
  csrr a0, sstatus              # S can do this, U could not
  ecall
5:
  TRAP_DISARM
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL

  # ---- delegation ---------------------------------------------------------------------------
  TEST 61                       # medeleg: ecall from U goes to S; ecall from S still goes to M
  li a0, 1 << CAUSE_USER_ECALL
  csrw medeleg, a0
  TRAP_ARM s
  TRAP_RESUME 5f, s
  TRAP_ARM m
  TRAP_RESUME 6f, m
  GOTO_U 3f
3:
  ecall                         # U -> S
  j fail
5:
  CHECK_TRAP_COUNT 1, s         # in S now
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL, s
  CHECK_TRAP_EPC 3b, s
  CHECK_TRAP_COUNT 0, m
  la t6, s_trap_state           # sstatus.SPP = 0: it came from U
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_SPP
  CHECK a0, 0
  ecall                         # S -> M
  j fail
6:
  TRAP_DISARM s
  TRAP_DISARM m
  CHECK_TRAP_COUNT 1, m
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL, m
  CHECK_TRAP_FROM PRV_S
  csrw medeleg, zero

  TEST 62                       # delegated traps taken in M-mode stay in M
  li a0, 1 << CAUSE_ILLEGAL_INSTRUCTION
  csrw medeleg, a0
  TRAP_BEGIN 62
  .word 0x0000000b
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  csrw medeleg, zero

  TEST 63                       # an illegal instruction in S, delegated, has its bits in stval
  li a0, 1 << CAUSE_ILLEGAL_INSTRUCTION
  csrw medeleg, a0
  TRAP_ARM s
  TRAP_ARM m
  TRAP_RESUME 4f, m
  GOTO_S 3f
3:
  .word 0x0000000b
  CHECK_TRAP_COUNT 1, s
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION, s
  CHECK_TRAP_TVAL 0x0000000b, s
  ecall
4:
  TRAP_DISARM s
  TRAP_DISARM m
  CHECK_TRAP_COUNT 1, m
  csrw medeleg, zero

  # ---- wfi ------------------------------------------------------------------------------------
  TEST 71                       # wfi returns when an enabled interrupt is pending, even with MIE = 0
  csrci mstatus, MSTATUS_MIE
  csrsi mie, MIP_SSIP
  csrsi mip, MIP_SSIP
  wfi
  csrr a0, mip
  andi a0, a0, MIP_SSIP
  CHECK a0, MIP_SSIP
  csrci mip, MIP_SSIP
  csrci mie, MIP_SSIP

  # Last, because QEMU 7.2 gets it wrong (its mepc keeps bit 0): the other tests still run there.
  TEST 99                       # mepc[0] is always zero (privileged spec 3.1.14)
  la a0, main + 1
  csrw mepc, a0
  csrr a1, mepc
  la a0, main
  CHECK_EQ a0, a1

  PASS
