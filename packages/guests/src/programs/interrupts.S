# interrupts.S: interrupts raised from software (privileged spec 3.1.6.1,
# 3.1.7, 3.1.9, 3.3.3, 4.1.1, 4.1.3): the software-writable pending bits
# SSIP/STIP/SEIP of mip, where an interrupt is taken (not delegated: M-mode,
# from S and U whatever MIE; delegated with mideleg: S-mode, never while in
# M-mode, from U whatever SIE), the priority order SEI > SSI > STI and
# M-level before S-level whatever the order, the enables (mie, mstatus.MIE/
# SIE, sie/sip as views of mie/mip through mideleg), direct and vectored
# mtvec/stvec (cause * 4), what trap entry and xRET do to MIE/SIE, MPIE/
# SPIE and MPP/SPP, and WFI returning on a pending enabled interrupt while
# interrupts are globally disabled.
#
# The bare runner has no CLINT or PLIC, so the M-level interrupts (MSI, MTI,
# MEI) are left to the board's programs (timer-irq.S, plic.S).
#
# The program installs its own trap handlers: they log every trap (cause,
# epc, status, the handler's mode, the vector entry used), clear the pending
# bit of an interrupt (M: in mip; S: sip.SSIP and the enable in sie, since
# S-mode cannot clear STIP/SEIP), and turn an ecall into a return to M-mode
# at the label set with SET_RESUME, with interrupts off.

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  .equ SSIP, 0x2
  .equ STIP, 0x20
  .equ SEIP, 0x200
  .equ S_IRQS, 0x222
  .equ M_IRQS, 0x888
  .equ INTERRUPT, 0x8000000000000000
  .equ IRQ_SSI, INTERRUPT | 1
  .equ IRQ_STI, INTERRUPT | 5
  .equ IRQ_SEI, INTERRUPT | 9

  # One log entry: the trap's cause, epc, status (mstatus or sstatus as the
  # handler saw it), the handler's mode (PRV_M or PRV_S) and the vector
  # entry it came through (DIRECT for direct mode).
  .equ LOG_CAUSE, 0
  .equ LOG_EPC, 8
  .equ LOG_STATUS, 16
  .equ LOG_MODE, 24
  .equ LOG_VECTOR, 32
  .equ LOG_ENTRY, 64
  .equ LOG_MAX, 16
  .equ DIRECT, 0xff

  .data
  .align 3
irq_count: .dword 0
m_resume: .dword 0
m_save: .zero 32
s_save: .zero 32
irq_log: .zero LOG_ENTRY * LOG_MAX

# ---- log checks -------------------------------------------------------------------------

.macro LOG_CLEAR
  la t5, irq_count
  sd zero, 0(t5)
.endm

.macro CHECK_LOG_COUNT expected
  la t5, irq_count
  ld t5, 0(t5)
  CHECK t5, \expected
.endm

# Field `field` of log entry i must be `expected`.
.macro CHECK_LOG i, field, expected
  la t5, irq_log
  addi t5, t5, \i * LOG_ENTRY
  ld t5, \field(t5)
  CHECK t5, \expected
.endm

# The bits `mask` of the status log entry i saw must be `expected`.
.macro CHECK_LOG_STATUS i, mask, expected
  la t5, irq_log
  addi t5, t5, \i * LOG_ENTRY
  ld t5, LOG_STATUS(t5)
  li t6, \mask
  and t5, t5, t6
  CHECK t5, \expected
.endm

# Log entry i's epc must be the address of label.
.macro CHECK_LOG_EPC i, label
  la t5, irq_log
  addi t5, t5, \i * LOG_ENTRY
  ld t5, LOG_EPC(t5)
  la t6, \label
  CHECK_EQ t5, t6
.endm

# An interrupt entry: cause, handler mode, epc.
.macro CHECK_IRQ i, cause, mode, label
  CHECK_LOG \i, LOG_CAUSE, \cause
  CHECK_LOG \i, LOG_MODE, \mode
  CHECK_LOG_EPC \i, \label
.endm

# Log entry i came through the vector entry of its own cause (vectored mode).
.macro CHECK_LOG_VECTOR_IS_CAUSE i
  la t5, irq_log
  addi t5, t5, \i * LOG_ENTRY
  ld t6, LOG_VECTOR(t5)
  ld t5, LOG_CAUSE(t5)
  andi t5, t5, 0xff
  CHECK_EQ t5, t6
.endm

# The next ecall (from any mode) returns to M-mode at label, with MIE = 0.
.macro SET_RESUME label
  la t5, \label
  la t6, m_resume
  sd t5, 0(t6)
.endm

# The bits `mask` of CSR csr must be `expected`.
.macro CHECK_CSR_BITS csr, mask, expected
  csrr t5, \csr
  li t6, \mask
  and t5, t5, t6
  CHECK t5, \expected
.endm

# Back to a quiet state, in M-mode: nothing pending, enabled or delegated, direct vectors.
.macro QUIET
  csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  la t5, m_direct
  csrw mtvec, t5
  la t5, s_direct
  csrw stvec, t5
  LOG_CLEAR
.endm

  .text
  .globl main
main:
  la t0, m_save
  csrw mscratch, t0
  la t0, s_save
  csrw sscratch, t0
  csrw medeleg, zero
  QUIET

  # ---- the registers ------------------------------------------------------------------
  # M-mode writes SSIP, STIP and SEIP; MSIP/MTIP/MEIP are read-only: they
  # follow the devices (QEMU's spike board has MTIP pending from reset).
  TEST 1
  csrr a1, mip
  li a2, M_IRQS
  and a1, a1, a2
  li a0, -1
  csrw mip, a0
  csrr a3, mip
  and a4, a3, a2
  CHECK_EQ a4, a1
  andi a3, a3, S_IRQS
  CHECK a3, S_IRQS
  csrw mip, zero
  csrr a3, mip
  and a4, a3, a2
  CHECK_EQ a4, a1
  andi a3, a3, S_IRQS
  CHECK a3, 0
  li a0, SEIP
  csrs mip, a0
  CHECK_CSR_BITS mip, S_IRQS, SEIP
  csrw mip, zero

  TEST 2                        # mie holds the six standard enables
  li a0, -1
  csrw mie, a0
  CHECK_CSR_BITS mie, S_IRQS | M_IRQS, S_IRQS | M_IRQS
  csrw mie, zero
  CHECK_CSR_BITS mie, S_IRQS | M_IRQS, 0
  CHECK_LOG_COUNT 0

  TEST 3                        # mideleg: the S-level interrupts can be delegated, the M-level ones cannot
  li a0, -1
  csrw mideleg, a0
  CHECK_CSR_BITS mideleg, S_IRQS | M_IRQS, S_IRQS
  csrw mideleg, zero
  CHECK_CSR_BITS mideleg, S_IRQS | M_IRQS, 0

  TEST 4                        # sie/sip show only what mideleg delegates
  li a0, S_IRQS
  csrw mie, a0
  csrwi mip, SSIP
  CHECK_CSR sie, 0
  CHECK_CSR sip, 0
  li a0, SSIP | SEIP
  csrw mideleg, a0
  CHECK_CSR_BITS sie, S_IRQS, SSIP | SEIP
  CHECK_CSR_BITS sip, S_IRQS, SSIP
  csrw sie, zero                # clears only the delegated enables of mie
  CHECK_CSR_BITS mie, S_IRQS, STIP
  li a0, -1
  csrw sie, a0
  CHECK_CSR_BITS mie, S_IRQS, S_IRQS
  CHECK_LOG_COUNT 0
  QUIET

  TEST 5                        # through sip only SSIP is writable (privileged spec 4.1.3)
  li a0, S_IRQS
  csrw mideleg, a0
  li a0, STIP | SEIP
  csrs sip, a0
  CHECK_CSR_BITS mip, S_IRQS, 0
  csrsi sip, SSIP
  CHECK_CSR_BITS mip, S_IRQS, SSIP
  csrci sip, SSIP
  CHECK_CSR_BITS mip, S_IRQS, 0
  QUIET

  # ---- not delegated: taken in M-mode --------------------------------------------------------
  TEST 10                       # pending and enabled in mie, but MIE = 0: not taken
  csrsi mie, SSIP
  csrsi mip, SSIP
  nop
  nop
  CHECK_LOG_COUNT 0
  CHECK_CSR_BITS mip, SSIP, SSIP

  TEST 11                       # MIE = 1: taken right after the write that enables it
  csrsi mstatus, MSTATUS_MIE
3:
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_LOG_COUNT 1
  CHECK_IRQ 0, IRQ_SSI, PRV_M, 3b
  CHECK_LOG 0, LOG_VECTOR, DIRECT
  # On entry: MPP = M (where it came from), MPIE = the old MIE = 1, MIE = 0.
  CHECK_LOG_STATUS 0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP | MSTATUS_MPIE
  CHECK_CSR_BITS mip, SSIP, 0   # (the handler cleared it)

  TEST 12                       # mret restored MIE from MPIE (so the nop ran with MIE = 1)
  LOG_CLEAR
  csrsi mstatus, MSTATUS_MIE
  csrr a0, mstatus
  csrci mstatus, MSTATUS_MIE
  andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
  CHECK a0, MSTATUS_MIE | MSTATUS_MPIE
  CHECK_LOG_COUNT 0

  TEST 13                       # MIE = 1 but the enable in mie is clear: not taken until mie enables it
  csrw mie, zero
  li a0, STIP
  csrs mip, a0
  csrsi mstatus, MSTATUS_MIE
  nop
  CHECK_LOG_COUNT 0
  csrs mie, a0
3:
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK_LOG_COUNT 1
  CHECK_IRQ 0, IRQ_STI, PRV_M, 3b
  QUIET

  TEST 15                       # from S-mode with MIE = 0 (and SIE = 1): still taken, in M-mode
  csrsi mie, SSIP
  csrsi mip, SSIP
  li a0, MSTATUS_MPIE
  csrc mstatus, a0              # MIE after the mret below = 0
  csrsi mstatus, MSTATUS_SIE
  SET_RESUME 4f
  GOTO_S 3f
3:
  ecall
4:
  CHECK_LOG_COUNT 2
  CHECK_IRQ 0, IRQ_SSI, PRV_M, 3b
  CHECK_LOG_STATUS 0, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, MSTATUS_MPP_S
  CHECK_LOG 1, LOG_CAUSE, CAUSE_SUPERVISOR_ECALL
  CHECK_LOG_EPC 1, 3b           # the mret went back to S, to the ecall
  QUIET

  TEST 16                       # from U-mode with MIE = 0: taken in M-mode
  csrsi mie, SSIP
  csrsi mip, SSIP
  li a0, MSTATUS_MPIE
  csrc mstatus, a0
  SET_RESUME 4f
  GOTO_U 3f
3:
  ecall
4:
  CHECK_LOG_COUNT 2
  CHECK_IRQ 0, IRQ_SSI, PRV_M, 3b
  CHECK_LOG_STATUS 0, MSTATUS_MPP, 0
  CHECK_LOG 1, LOG_CAUSE, CAUSE_USER_ECALL
  QUIET

  # ---- delegated: taken in S-mode ---------------------------------------------------------------
  TEST 20                       # never taken while in M-mode, even with MIE = SIE = 1
  li a0, S_IRQS
  csrw mideleg, a0
  csrw mie, a0
  csrw mip, a0
  csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
  nop
  nop
  csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
  CHECK_LOG_COUNT 0
  QUIET

  TEST 21                       # in S-mode with SIE = 0: not taken; with SIE = 1: taken in S
  csrsi mideleg, SSIP
  csrsi mie, SSIP
  csrsi mip, SSIP
  SET_RESUME 5f
  GOTO_S 3f
3:
  nop
  CHECK_LOG_COUNT 0
  csrsi sstatus, MSTATUS_SIE
4:
  csrr a5, sstatus              # after the sret: SIE = SPIE = 1, SPIE = 1, SPP = U
  ecall
5:
  CHECK_LOG_COUNT 2
  CHECK_IRQ 0, IRQ_SSI, PRV_S, 4b
  CHECK_LOG 0, LOG_VECTOR, DIRECT
  # On entry: SPP = S, SPIE = the old SIE = 1, SIE = 0.
  CHECK_LOG_STATUS 0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
  CHECK_LOG 1, LOG_CAUSE, CAUSE_SUPERVISOR_ECALL
  andi a5, a5, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
  CHECK a5, MSTATUS_SPIE | MSTATUS_SIE
  QUIET

  TEST 22                       # from U-mode: taken in S-mode whatever SIE
  li a0, S_IRQS
  csrw mideleg, a0
  li a0, SEIP
  csrw mie, a0
  csrw mip, a0
  SET_RESUME 4f
  GOTO_U 3f
3:
  ecall
4:
  CHECK_LOG_COUNT 2
  CHECK_IRQ 0, IRQ_SEI, PRV_S, 3b
  CHECK_LOG_STATUS 0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, 0
  CHECK_LOG 1, LOG_CAUSE, CAUSE_USER_ECALL
  CHECK_LOG 1, LOG_MODE, PRV_M
  QUIET

  # M-level first: entering S-mode with SIE = 1, a delegated SSI and an STI
  # not delegated become takeable together; the STI (for M) goes first,
  # although SSI comes before STI in the priority order.
  TEST 23
  csrsi mideleg, SSIP
  li a0, SSIP | STIP
  csrw mie, a0
  csrw mip, a0
  csrsi mstatus, MSTATUS_SIE
  SET_RESUME 4f
  GOTO_S 3f
3:
  ecall
4:
  CHECK_LOG_COUNT 3
  CHECK_IRQ 0, IRQ_STI, PRV_M, 3b
  CHECK_IRQ 1, IRQ_SSI, PRV_S, 3b
  CHECK_LOG 2, LOG_CAUSE, CAUSE_SUPERVISOR_ECALL
  QUIET

  # ---- vectored mode: interrupts at BASE + 4 * cause, exceptions at BASE -----------------------------
  TEST 30
  la a0, m_table + 1
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK_EQ a0, a1
  li a0, S_IRQS
  csrw mie, a0
  csrw mip, a0
  csrsi mstatus, MSTATUS_MIE
3:
  csrci mstatus, MSTATUS_MIE
  CHECK_LOG_COUNT 3             # (in whatever order: the priority tests are at the end)
  CHECK_LOG_VECTOR_IS_CAUSE 0
  CHECK_LOG_VECTOR_IS_CAUSE 1
  CHECK_LOG_VECTOR_IS_CAUSE 2
  CHECK_LOG_EPC 2, 3b
  SET_RESUME 4f
  ecall                         # an exception: BASE
4:
  CHECK_LOG_COUNT 4
  CHECK_LOG 3, LOG_CAUSE, CAUSE_MACHINE_ECALL
  CHECK_LOG 3, LOG_VECTOR, 0
  QUIET

  TEST 31                       # vectored stvec
  la a0, s_table + 1
  csrw stvec, a0
  li a0, S_IRQS
  csrw mideleg, a0
  li a0, STIP | SSIP
  csrw mie, a0
  csrw mip, a0
  SET_RESUME 4f
  GOTO_U 3f
3:
  ecall
4:
  CHECK_LOG_COUNT 3
  CHECK_IRQ 0, IRQ_SSI, PRV_S, 3b
  CHECK_LOG 0, LOG_VECTOR, 1
  CHECK_IRQ 1, IRQ_STI, PRV_S, 3b
  CHECK_LOG 1, LOG_VECTOR, 5
  CHECK_LOG 2, LOG_MODE, PRV_M
  QUIET

  # ---- xRET ---------------------------------------------------------------------------------------------
  TEST 40                       # mret (M to M): MIE = MPIE, MPIE = 1, MPP = U
  li a0, MSTATUS_MPP | MSTATUS_MPIE
  csrs mstatus, a0
  la a0, 3f
  csrw mepc, a0
  mret
3:
  csrr a0, mstatus
  csrci mstatus, MSTATUS_MIE
  li a1, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
  and a0, a0, a1
  CHECK a0, MSTATUS_MPIE | MSTATUS_MIE

  TEST 41                       # sret (S to S) with SPIE = 0: SIE = 0, SPIE = 1, SPP = U
  SET_RESUME 5f
  GOTO_S 3f
3:
  li a0, MSTATUS_SPP
  csrs sstatus, a0
  li a0, MSTATUS_SPIE
  csrc sstatus, a0
  csrsi sstatus, MSTATUS_SIE
  la a0, 4f
  csrw sepc, a0
  sret
4:
  csrr a5, sstatus
  ecall                         # from S: SPP = S kept us in S
5:
  CHECK_LOG_COUNT 1
  CHECK_LOG 0, LOG_CAUSE, CAUSE_SUPERVISOR_ECALL
  andi a5, a5, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
  CHECK a5, MSTATUS_SPIE
  QUIET

  # ---- WFI ---------------------------------------------------------------------------------------------
  TEST 50                       # M-mode, MIE = 0, an enabled interrupt pending: wfi returns, nothing taken
  csrsi mie, SSIP
  csrsi mip, SSIP
  wfi
  CHECK_LOG_COUNT 0
  CHECK_CSR_BITS mip, SSIP, SSIP
  QUIET

  TEST 51                       # S-mode, SIE = 0, a delegated enabled interrupt pending: the same
  csrsi mideleg, SSIP
  csrsi mie, SSIP
  csrsi mip, SSIP
  SET_RESUME 4f
  GOTO_S 3f
3:
  wfi
  ecall
4:
  CHECK_LOG_COUNT 1
  CHECK_LOG 0, LOG_CAUSE, CAUSE_SUPERVISOR_ECALL
  QUIET

  # ---- priority ------------------------------------------------------------------------------
  # Last, because QEMU 7.2 (without AIA) takes the lowest-numbered pending
  # interrupt first, where privileged spec 3.1.9 orders them MEI, MSI, MTI,
  # SEI, SSI, STI (from high to low).
  TEST 90                       # several pending at once in M-mode: SEI, then SSI, then STI
  li a0, S_IRQS
  csrw mie, a0
  csrw mip, a0
  csrsi mstatus, MSTATUS_MIE
3:
  csrci mstatus, MSTATUS_MIE
  CHECK_LOG_COUNT 3
  CHECK_IRQ 0, IRQ_SEI, PRV_M, 3b
  CHECK_IRQ 1, IRQ_SSI, PRV_M, 3b
  CHECK_IRQ 2, IRQ_STI, PRV_M, 3b
  QUIET

  TEST 91                       # delegated ones in S-mode in the same order
  li a0, S_IRQS
  csrw mideleg, a0
  csrw mie, a0
  csrw mip, a0
  SET_RESUME 5f
  GOTO_S 3f
3:
  csrsi sstatus, MSTATUS_SIE
4:
  ecall
5:
  CHECK_LOG_COUNT 4
  CHECK_IRQ 0, IRQ_SEI, PRV_S, 4b
  CHECK_IRQ 1, IRQ_SSI, PRV_S, 4b
  CHECK_IRQ 2, IRQ_STI, PRV_S, 4b
  QUIET

  PASS

# ---- the handlers ----------------------------------------------------------------------------------

# Common part of the M-mode handler: t6 = m_save (swapped with mscratch),
# the interrupted t0 in m_save, t0 = the vector entry.
m_common:
  sd t1, 8(t6)
  sd t2, 16(t6)
  la t1, irq_count
  ld t2, 0(t1)
  li t1, LOG_MAX
  bgeu t2, t1, log_overflow
  addi t1, t2, 1
  la t2, irq_count
  sd t1, 0(t2)
  addi t1, t1, -1
  slli t1, t1, 6
  la t2, irq_log
  add t1, t1, t2
  sd t0, LOG_VECTOR(t1)
  li t2, PRV_M
  sd t2, LOG_MODE(t1)
  csrr t2, mepc
  sd t2, LOG_EPC(t1)
  csrr t2, mstatus
  sd t2, LOG_STATUS(t1)
  csrr t0, mcause
  sd t0, LOG_CAUSE(t1)
  bgez t0, 3f
  li t1, 1                      # an interrupt: clear its pending bit (sll takes the cause's low 6 bits)
  sll t1, t1, t0
  csrc mip, t1
  j 5f
3:
  li t1, CAUSE_USER_ECALL       # an ecall: back to M-mode at m_resume, MIE = 0
  bltu t0, t1, unexpected_exception
  li t1, CAUSE_MACHINE_ECALL
  bgtu t0, t1, unexpected_exception
  la t1, m_resume
  ld t1, 0(t1)
  csrw mepc, t1
  li t1, MSTATUS_MPP
  csrs mstatus, t1
  li t1, MSTATUS_MPIE
  csrc mstatus, t1
5:
  ld t0, 0(t6)
  ld t1, 8(t6)
  ld t2, 16(t6)
  csrrw t6, mscratch, t6
  mret

# Common part of the S-mode handler (t6 = s_save, swapped with sscratch).
s_common:
  sd t1, 8(t6)
  sd t2, 16(t6)
  la t1, irq_count
  ld t2, 0(t1)
  li t1, LOG_MAX
  bgeu t2, t1, log_overflow
  addi t1, t2, 1
  la t2, irq_count
  sd t1, 0(t2)
  addi t1, t1, -1
  slli t1, t1, 6
  la t2, irq_log
  add t1, t1, t2
  sd t0, LOG_VECTOR(t1)
  li t2, PRV_S
  sd t2, LOG_MODE(t1)
  csrr t2, sepc
  sd t2, LOG_EPC(t1)
  csrr t2, sstatus
  sd t2, LOG_STATUS(t1)
  csrr t0, scause
  sd t0, LOG_CAUSE(t1)
  bgez t0, unexpected_exception
  li t1, 1                      # S-mode can clear SSIP only: disable the source in sie too
  sll t1, t1, t0
  csrc sip, t1
  csrc sie, t1
  ld t0, 0(t6)
  ld t1, 8(t6)
  ld t2, 16(t6)
  csrrw t6, sscratch, t6
  sret

log_overflow:                   # an interrupt that does not go away
unexpected_exception:
  j fail

# Direct-mode entries.
  .align 2
m_direct:
  csrrw t6, mscratch, t6
  sd t0, 0(t6)
  li t0, DIRECT
  j m_common

  .align 2
s_direct:
  csrrw t6, sscratch, t6
  sd t0, 0(t6)
  li t0, DIRECT
  j s_common

# Vector tables: one 4-byte jump per cause (no compressed jumps here).
.macro M_STUB k
m_stub_\k:
  csrrw t6, mscratch, t6
  sd t0, 0(t6)
  li t0, \k
  j m_common
.endm
.macro S_STUB k
s_stub_\k:
  csrrw t6, sscratch, t6
  sd t0, 0(t6)
  li t0, \k
  j s_common
.endm

  .option push
  .option norvc
  .align 8
m_table:
  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  j m_stub_\k
  .endr
  .align 8
s_table:
  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
  j s_stub_\k
  .endr
  .option pop

  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  M_STUB \k
  .endr
  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
  S_STUB \k
  .endr
