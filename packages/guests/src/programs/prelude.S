# prelude.S: the scaffolding every test program and the demo start from.
# (See ../../README.md for how to write a program with it.)
#
# A program includes this file first, then defines `main`, which runs in
# M-mode and either returns (a0 = 0: pass, other: failure code) or ends with
# PASS / jumps to `fail`. The prelude provides:
#   - `_start`: stack, trap vectors, PMP open to S/U, FPU on, then `main`;
#   - the HTIF mailbox `tohost`/`fromhost` in section .tohost (Spike's
#     convention: tohost = 1 is a pass, (code << 1) | 1 a failure);
#   - console output: putchar, puts, write, print_hex, print_dec (HTIF
#     console device), sys_write (HTIF syscall proxy);
#   - trap handlers for M and S that record cause/epc/tval/status and resume;
#   - test macros: TEST, CHECK, TEST_RR, TEST_RI, ..., TEST_FP_RR_D, ...,
#     TRAP_BEGIN/TRAP_END.
#
# Reserved registers: gp holds the current test number (the failure code),
# t5 and t6 are scratch for the macros. Everything else belongs to the test.
# Macros use the numeric local labels 1 and 2: a test's own `1:`/`2:` labels
# must not be referenced across a macro.

# ---- constants -------------------------------------------------------------

  .equ CAUSE_MISALIGNED_FETCH, 0
  .equ CAUSE_FETCH_ACCESS, 1
  .equ CAUSE_ILLEGAL_INSTRUCTION, 2
  .equ CAUSE_BREAKPOINT, 3
  .equ CAUSE_MISALIGNED_LOAD, 4
  .equ CAUSE_LOAD_ACCESS, 5
  .equ CAUSE_MISALIGNED_STORE, 6
  .equ CAUSE_STORE_ACCESS, 7
  .equ CAUSE_USER_ECALL, 8
  .equ CAUSE_SUPERVISOR_ECALL, 9
  .equ CAUSE_VIRTUAL_SUPERVISOR_ECALL, 10
  .equ CAUSE_MACHINE_ECALL, 11
  .equ CAUSE_FETCH_PAGE_FAULT, 12
  .equ CAUSE_LOAD_PAGE_FAULT, 13
  .equ CAUSE_STORE_PAGE_FAULT, 15
  .equ CAUSE_FETCH_GUEST_PAGE_FAULT, 20
  .equ CAUSE_LOAD_GUEST_PAGE_FAULT, 21
  .equ CAUSE_VIRTUAL_INSTRUCTION, 22
  .equ CAUSE_STORE_GUEST_PAGE_FAULT, 23

  .equ MSTATUS_SIE, 0x2
  .equ MSTATUS_MIE, 0x8
  .equ MSTATUS_SPIE, 0x20
  .equ MSTATUS_MPIE, 0x80
  .equ MSTATUS_SPP, 0x100
  .equ MSTATUS_MPP, 0x1800
  .equ MSTATUS_MPP_S, 0x0800
  .equ MSTATUS_FS, 0x6000
  .equ MSTATUS_FS_INITIAL, 0x2000
  .equ MSTATUS_MPRV, 0x20000

  .equ PRV_U, 0
  .equ PRV_S, 1
  .equ PRV_M, 3

  # fflags bits (unprivileged spec 13.2)
  .equ FFLAG_NX, 0x01
  .equ FFLAG_UF, 0x02
  .equ FFLAG_OF, 0x04
  .equ FFLAG_DZ, 0x08
  .equ FFLAG_NV, 0x10

  # HTIF command words (device << 56 | command << 48)
  .equ HTIF_CONSOLE_PUTC, 0x0101000000000000
  .equ SYS_WRITE, 64

  # Failure code when no test case had started (gp = 0).
  .equ FAIL_OUTSIDE_TEST, 1023

  # Layout of a trap record (one for M-mode, one for S-mode).
  .equ TRAP_SAVE_T0, 0
  .equ TRAP_SAVE_T1, 8
  .equ TRAP_CAUSE, 16
  .equ TRAP_EPC, 24
  .equ TRAP_TVAL, 32
  .equ TRAP_STATUS, 40
  .equ TRAP_COUNT, 48
  .equ TRAP_ARMED, 56
  .equ TRAP_RESUME, 64
  .equ TRAP_SITE, 72
  .equ TRAP_RECORD_SIZE, 80

# ---- test macros -------------------------------------------------------------

# Starts test case n (n >= 1): a failure from here on exits with code n.
.macro TEST n
  li gp, \n
.endm

# Fails the current test unless registers a and b are equal. (`fail` may be
# beyond a branch's reach, so the branch skips a jump to it.)
.macro CHECK_EQ a, b
  beq \a, \b, 1f
  j fail
1:
.endm

# Fails the current test unless register reg holds the 64-bit value expected.
.macro CHECK reg, expected
  li t6, \expected
  CHECK_EQ \reg, t6
.endm

# Fails the current test unless the CSR holds expected.
.macro CHECK_CSR csr, expected
  csrr t5, \csr
  CHECK t5, \expected
.endm

# Fails unless fflags == expected; clears fflags.
.macro CHECK_FFLAGS expected
  csrrw t5, fflags, zero
  CHECK t5, \expected
.endm

# inst a0, a1, a2 with a1 = v1, a2 = v2; a0 must be expected and the sources unchanged.
.macro TEST_RR n, inst, expected, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst a0, a1, a2
  CHECK a0, \expected
  CHECK a1, \v1
  CHECK a2, \v2
.endm

# inst with the destination equal to the first source.
.macro TEST_RR_SRC1_EQ_DEST n, inst, expected, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst a1, a1, a2
  CHECK a1, \expected
.endm

# inst with the destination equal to the second source.
.macro TEST_RR_SRC2_EQ_DEST n, inst, expected, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst a2, a1, a2
  CHECK a2, \expected
.endm

# inst with both sources and the destination the same register.
.macro TEST_RR_SRC12_EQ_DEST n, inst, expected, v1
  TEST \n
  li a1, \v1
  \inst a1, a1, a1
  CHECK a1, \expected
.endm

# inst x0, a1, a2: the result is discarded, x0 stays 0.
.macro TEST_RR_ZERODEST n, inst, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst x0, a1, a2
  CHECK x0, 0
.endm

# inst a0, a1, imm with a1 = v1.
.macro TEST_RI n, inst, expected, v1, imm
  TEST \n
  li a1, \v1
  \inst a0, a1, \imm
  CHECK a0, \expected
  CHECK a1, \v1
.endm

# inst a1, a1, imm.
.macro TEST_RI_SRC1_EQ_DEST n, inst, expected, v1, imm
  TEST \n
  li a1, \v1
  \inst a1, a1, \imm
  CHECK a1, \expected
.endm

# inst x0, a1, imm.
.macro TEST_RI_ZERODEST n, inst, v1, imm
  TEST \n
  li a1, \v1
  \inst x0, a1, \imm
  CHECK x0, 0
.endm

# Unary: inst a0, a1 with a1 = v1.
.macro TEST_R n, inst, expected, v1
  TEST \n
  li a1, \v1
  \inst a0, a1
  CHECK a0, \expected
.endm

# Load: inst a0, offset(a1) with a1 = base (a label).
.macro TEST_LD n, inst, expected, offset, base
  TEST \n
  la a1, \base
  \inst a0, \offset(a1)
  CHECK a0, \expected
.endm

# Store then load back: store value at offset(base), load it with load, expect expected.
.macro TEST_ST n, store, load, expected, value, offset, base
  TEST \n
  la a1, \base
  li a2, \value
  \store a2, \offset(a1)
  \load a0, \offset(a1)
  CHECK a0, \expected
.endm

# Branch taken: inst a1, a2 must jump (and only to its target).
.macro TEST_BR_TAKEN n, inst, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst a1, a2, 1f
  j fail
1:
.endm

# Branch not taken: inst a1, a2 must fall through.
.macro TEST_BR_NOT_TAKEN n, inst, v1, v2
  TEST \n
  li a1, \v1
  li a2, \v2
  \inst a1, a2, 1f
  j 2f
1:
  j fail
2:
.endm

# ---- floating point -----------------------------------------------------------
# Values travel as bit patterns (hex), so every NaN payload and signed zero is
# exact. Single-precision results are checked NaN-boxed: the upper 32 bits of
# the f register must be all ones (unprivileged spec 13.2).

# f register <- 64-bit pattern (double) / 32-bit pattern (single, NaN-boxed by fmv.w.x).
.macro FLI_D freg, bits
  li t5, \bits
  fmv.d.x \freg, t5
.endm
.macro FLI_S freg, bits
  li t5, \bits
  fmv.w.x \freg, t5
.endm

# Fails unless the f register holds exactly these bits.
.macro CHECK_FREG_D freg, bits
  fmv.x.d t5, \freg
  CHECK t5, \bits
.endm
.macro CHECK_FREG_S freg, bits
  fmv.x.d t5, \freg
  CHECK t5, (0xffffffff00000000 | \bits)
.endm

# inst fa0, fa1, fa2[, rm] on doubles: result bits and the flags it raised (fflags cleared before).
.macro TEST_FP_RR_D n, inst, expected, flags, a, b, rm=dyn
  TEST \n
  FLI_D fa1, \a
  FLI_D fa2, \b
  csrwi fflags, 0
  \inst fa0, fa1, fa2, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm
.macro TEST_FP_RR_S n, inst, expected, flags, a, b, rm=dyn
  TEST \n
  FLI_S fa1, \a
  FLI_S fa2, \b
  csrwi fflags, 0
  \inst fa0, fa1, fa2, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# Unary with rounding (fsqrt): inst fa0, fa1[, rm].
.macro TEST_FP_R_D n, inst, expected, flags, a, rm=dyn
  TEST \n
  FLI_D fa1, \a
  csrwi fflags, 0
  \inst fa0, fa1, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm
.macro TEST_FP_R_S n, inst, expected, flags, a, rm=dyn
  TEST \n
  FLI_S fa1, \a
  csrwi fflags, 0
  \inst fa0, fa1, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# Fused multiply-add: inst fa0, fa1, fa2, fa3[, rm].
.macro TEST_FP_RRR_D n, inst, expected, flags, a, b, c, rm=dyn
  TEST \n
  FLI_D fa1, \a
  FLI_D fa2, \b
  FLI_D fa3, \c
  csrwi fflags, 0
  \inst fa0, fa1, fa2, fa3, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm
.macro TEST_FP_RRR_S n, inst, expected, flags, a, b, c, rm=dyn
  TEST \n
  FLI_S fa1, \a
  FLI_S fa2, \b
  FLI_S fa3, \c
  csrwi fflags, 0
  \inst fa0, fa1, fa2, fa3, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# Comparisons and classification (integer result in a0): inst a0, fa1, fa2 / inst a0, fa1.
.macro TEST_FP_CMP_D n, inst, expected, flags, a, b
  TEST \n
  FLI_D fa1, \a
  FLI_D fa2, \b
  csrwi fflags, 0
  \inst a0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK a0, \expected
.endm
.macro TEST_FP_CMP_S n, inst, expected, flags, a, b
  TEST \n
  FLI_S fa1, \a
  FLI_S fa2, \b
  csrwi fflags, 0
  \inst a0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK a0, \expected
.endm

# Float to integer: inst a0, fa1[, rm] (fcvt.w.d, fcvt.lu.s, ...).
.macro TEST_FP_TO_INT_D n, inst, expected, flags, a, rm=dyn
  TEST \n
  FLI_D fa1, \a
  csrwi fflags, 0
  \inst a0, fa1, \rm
  CHECK_FFLAGS \flags
  CHECK a0, \expected
.endm
.macro TEST_FP_TO_INT_S n, inst, expected, flags, a, rm=dyn
  TEST \n
  FLI_S fa1, \a
  csrwi fflags, 0
  \inst a0, fa1, \rm
  CHECK_FFLAGS \flags
  CHECK a0, \expected
.endm

# Integer to float: inst fa0, a1[, rm] (fcvt.d.l, fcvt.s.wu, ...).
.macro TEST_INT_TO_FP_D n, inst, expected, flags, a, rm=dyn
  TEST \n
  li a1, \a
  csrwi fflags, 0
  \inst fa0, a1, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm
.macro TEST_INT_TO_FP_S n, inst, expected, flags, a, rm=dyn
  TEST \n
  li a1, \a
  csrwi fflags, 0
  \inst fa0, a1, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# ---- trap expectations ---------------------------------------------------------
# The handlers record every trap in m_trap_state / s_trap_state. A trap that
# arrives while the record is not armed fails the test (and prints the trap).
# When armed, the handler resumes after the trapping instruction, or at the
# address given by TRAP_RESUME (in the handler's own mode: M for m, S for s).
# Fetch faults have no instruction to step over: they need TRAP_RESUME.

# Arms the record (rec = m or s) and clears its count; the trap site is not checked.
.macro TRAP_ARM rec=m
  la t6, \rec\()_trap_state
  sd zero, TRAP_COUNT(t6)
  sd zero, TRAP_SITE(t6)
  sd zero, TRAP_RESUME(t6)
  li t5, 1
  sd t5, TRAP_ARMED(t6)
.endm

.macro TRAP_DISARM rec=m
  la t6, \rec\()_trap_state
  sd zero, TRAP_ARMED(t6)
.endm

# The next trap taken into rec resumes at label (in that mode) instead of after the instruction.
.macro TRAP_RESUME label, rec=m
  la t6, \rec\()_trap_state
  la t5, \label
  sd t5, TRAP_RESUME(t6)
.endm

# Starts test n expecting the instruction right after this macro to trap into rec.
.macro TRAP_BEGIN n, rec=m
  TEST \n
  TRAP_ARM \rec
  la t5, .Ltrap_site_\@
  sd t5, TRAP_SITE(t6)
.Ltrap_site_\@:
.endm

# Ends a TRAP_BEGIN: exactly one trap, with this cause, at the trap site.
.macro TRAP_END cause, rec=m
  TRAP_DISARM \rec
  CHECK_TRAP_COUNT 1, \rec
  CHECK_TRAP_CAUSE \cause, \rec
  la t6, \rec\()_trap_state
  ld t5, TRAP_SITE(t6)
  ld t6, TRAP_EPC(t6)
  CHECK_EQ t5, t6
.endm

# TRAP_END plus the trap value (mtval/stval).
.macro TRAP_END_TVAL cause, tval, rec=m
  TRAP_END \cause, \rec
  CHECK_TRAP_TVAL \tval, \rec
.endm

.macro CHECK_TRAP_FIELD field, expected, rec
  la t6, \rec\()_trap_state
  ld t5, \field(t6)
  CHECK t5, \expected
.endm

.macro CHECK_TRAP_COUNT expected, rec=m
  CHECK_TRAP_FIELD TRAP_COUNT, \expected, \rec
.endm

.macro CHECK_TRAP_CAUSE expected, rec=m
  CHECK_TRAP_FIELD TRAP_CAUSE, \expected, \rec
.endm

.macro CHECK_TRAP_TVAL expected, rec=m
  CHECK_TRAP_FIELD TRAP_TVAL, \expected, \rec
.endm

# The trap value must be the address of label (+ offset): `li` takes no symbols in GNU as.
.macro CHECK_TRAP_TVAL_ADDR address, rec=m
  la t6, \rec\()_trap_state
  ld t5, TRAP_TVAL(t6)
  la t6, \address
  CHECK_EQ t5, t6
.endm

# The trap's epc must be the address of label.
.macro CHECK_TRAP_EPC label, rec=m
  la t6, \rec\()_trap_state
  ld t5, TRAP_EPC(t6)
  la t6, \label
  CHECK_EQ t5, t6
.endm

# The privilege the last M-mode trap came from (mstatus.MPP as the handler saw it).
.macro CHECK_TRAP_FROM prv
  la t6, m_trap_state
  ld t5, TRAP_STATUS(t6)
  srli t5, t5, 11
  andi t5, t5, 3
  CHECK t5, \prv
.endm

# ---- privilege changes -----------------------------------------------------------

# From M-mode: continue at label in U-mode (mret with MPP = U).
.macro GOTO_U label
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  la t6, \label
  csrw mepc, t6
  mret
.endm

# From M-mode: continue at label in S-mode (mret with MPP = S).
.macro GOTO_S label
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, MSTATUS_MPP_S
  csrs mstatus, t6
  la t6, \label
  csrw mepc, t6
  mret
.endm

# Ends the program: pass.
.macro PASS
  li a0, 0
  j exit
.endm

# ---- the program's mailbox and state ----------------------------------------------

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
  .type tohost, @object
  .size tohost, 8
tohost: .dword 0
  .align 6
  .globl fromhost
  .type fromhost, @object
  .size fromhost, 8
fromhost: .dword 0

  .data
  .align 6
magic_mem: .zero 64
  .align 3
  .globl m_trap_state
m_trap_state: .zero TRAP_RECORD_SIZE
  .globl s_trap_state
s_trap_state: .zero TRAP_RECORD_SIZE
print_buffer: .zero 32
msg_fail: .string "FAIL: test "
msg_trap: .string "unexpected trap: cause "
msg_epc: .string ", epc "
msg_tval: .string ", tval "
msg_in_m: .string " (in M-mode)"
msg_in_s: .string " (in S-mode)"
msg_newline: .string "\n"

  .bss
  .align 4
stack: .zero 8192
stack_top:

# ---- entry -------------------------------------------------------------------------

  .text
  .globl _start
_start:
  la sp, stack_top
  li gp, 0
  la t0, m_trap_vector
  csrw mtvec, t0
  la t0, m_trap_state
  csrw mscratch, t0
  la t0, s_trap_vector
  csrw stvec, t0
  la t0, s_trap_state
  csrw sscratch, t0
  # Open all of memory to S and U through PMP entry 0 (NAPOT, RWX), as
  # riscv-tests do; a hart without PMP traps here and skips it.
  la t0, 1f
  csrw mtvec, t0
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  .align 2
1:
  la t0, m_trap_vector
  csrw mtvec, t0
  # FPU on (mstatus.FS = Initial), round to nearest, no flags.
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  csrwi fcsr, 0
  call main
  j exit

# exit(a0): 0 = pass, anything else is the failure code. Waits for the host
# to take any console command still in tohost, then reports and stops.
  .globl exit
exit:
  slli a0, a0, 1
  ori a0, a0, 1
  la t0, tohost
1:
  ld t1, 0(t0)
  bnez t1, 1b
  sd a0, 0(t0)
2:
  j 2b

# fail: the current test (gp) failed.
  .globl fail
fail:
  la a0, msg_fail
  call puts
  mv a0, gp
  call print_dec
  la a0, msg_newline
  call puts
  mv a0, gp
  bnez a0, exit
  li a0, FAIL_OUTSIDE_TEST
  j exit

# ---- console (HTIF) ---------------------------------------------------------------

# putchar(a0): one byte through the HTIF console device.
  .globl putchar
putchar:
  la t0, tohost
1:
  ld t1, 0(t0)
  bnez t1, 1b
  li t1, HTIF_CONSOLE_PUTC
  andi a0, a0, 0xff
  or t1, t1, a0
  sd t1, 0(t0)
  ret

# write(a0 = buffer, a1 = length): a1 bytes through putchar.
# Console routines clobber a0-a4, t0-t4 (and follow the calling convention otherwise).
  .globl write
write:
  mv a2, a0
  add a3, a0, a1
  mv a4, ra
1:
  bgeu a2, a3, 2f
  lbu a0, 0(a2)
  call putchar
  addi a2, a2, 1
  j 1b
2:
  jr a4

# sys_write(a0 = buffer, a1 = length): one sys_write(1, buffer, length)
# through the HTIF syscall proxy (riscv-tests' magic_mem convention). Spike
# and rvhv serve it; QEMU's spike board only writes single characters this way.
  .globl sys_write
sys_write:
  la t0, magic_mem
  li t1, SYS_WRITE
  sd t1, 0(t0)
  li t1, 1
  sd t1, 8(t0)
  sd a0, 16(t0)
  sd a1, 24(t0)
  la t1, tohost
1:
  ld t2, 0(t1)
  bnez t2, 1b
  sd t0, 0(t1)
  la t1, fromhost
2:
  ld t2, 0(t1)
  beqz t2, 2b
  sd zero, 0(t1)
  ld a0, 0(t0)
  ret

# puts(a0): a NUL-terminated string, without adding a newline.
  .globl puts
puts:
  mv t0, a0
1:
  lbu t1, 0(t0)
  beqz t1, 2f
  addi t0, t0, 1
  j 1b
2:
  sub a1, t0, a0
  j write

# print_hex(a0): 0x and 16 hex digits.
  .globl print_hex
print_hex:
  la t0, print_buffer
  li t1, 48
  sb t1, 0(t0)
  li t1, 120
  sb t1, 1(t0)
  addi t2, t0, 17
  addi t4, t0, 1
1:
  andi t1, a0, 15
  addi t1, t1, 48
  li t3, 58
  blt t1, t3, 2f
  addi t1, t1, 39
2:
  sb t1, 0(t2)
  srli a0, a0, 4
  addi t2, t2, -1
  bne t2, t4, 1b
  mv a0, t0
  li a1, 18
  j write

# print_dec(a0): unsigned decimal.
  .globl print_dec
print_dec:
  la t0, print_buffer
  addi t2, t0, 31
  li t3, 10
1:
  remu t1, a0, t3
  addi t1, t1, 48
  sb t1, 0(t2)
  divu a0, a0, t3
  beqz a0, 2f
  addi t2, t2, -1
  j 1b
2:
  mv a0, t2
  addi a1, t0, 32
  sub a1, a1, t2
  j write

# ---- trap handlers ------------------------------------------------------------------

# One handler per mode (p = m or s): record the trap; if the record is not
# armed, report it and fail; else resume at TRAP_RESUME's label (in this
# mode: `previous_is_own_mode` is the xPP value that makes xret stay there)
# or after the trapping instruction.
.macro TRAP_HANDLER p, previous_is_own_mode, where
  .align 2
\p\()_trap_vector:
  csrrw t6, \p\()scratch, t6
  sd t0, TRAP_SAVE_T0(t6)
  sd t1, TRAP_SAVE_T1(t6)
  csrr t0, \p\()cause
  sd t0, TRAP_CAUSE(t6)
  csrr t0, \p\()epc
  sd t0, TRAP_EPC(t6)
  csrr t0, \p\()tval
  sd t0, TRAP_TVAL(t6)
  csrr t0, \p\()status
  sd t0, TRAP_STATUS(t6)
  ld t0, TRAP_COUNT(t6)
  addi t0, t0, 1
  sd t0, TRAP_COUNT(t6)
  ld t0, TRAP_ARMED(t6)
  beqz t0, \p\()_unexpected_trap
  ld t0, TRAP_RESUME(t6)
  beqz t0, 1f
  csrw \p\()epc, t0
  sd zero, TRAP_RESUME(t6)
  li t0, \previous_is_own_mode
  csrs \p\()status, t0
  j 3f
1:
  # Interrupts resume where they struck; fetch faults have nothing to step over.
  csrr t0, \p\()cause
  bltz t0, 3f
  li t1, CAUSE_MISALIGNED_FETCH
  beq t0, t1, \p\()_unexpected_trap
  li t1, CAUSE_FETCH_ACCESS
  beq t0, t1, \p\()_unexpected_trap
  li t1, CAUSE_FETCH_PAGE_FAULT
  beq t0, t1, \p\()_unexpected_trap
  li t1, CAUSE_FETCH_GUEST_PAGE_FAULT
  beq t0, t1, \p\()_unexpected_trap
  # Step over the trapping instruction: 4 bytes if its low bits are 11, else 2.
  csrr t0, \p\()epc
  lhu t1, 0(t0)
  andi t1, t1, 3
  addi t1, t1, -3
  addi t0, t0, 2
  bnez t1, 2f
  addi t0, t0, 2
2:
  csrw \p\()epc, t0
3:
  ld t0, TRAP_SAVE_T0(t6)
  ld t1, TRAP_SAVE_T1(t6)
  csrrw t6, \p\()scratch, t6
  \p\()ret

\p\()_unexpected_trap:
  la a0, msg_trap
  call puts
  csrr a0, \p\()cause
  call print_dec
  la a0, msg_epc
  call puts
  csrr a0, \p\()epc
  call print_hex
  la a0, msg_tval
  call puts
  csrr a0, \p\()tval
  call print_hex
  la a0, \where
  call puts
  la a0, msg_newline
  call puts
  j fail
.endm

  TRAP_HANDLER m, MSTATUS_MPP, msg_in_m
  TRAP_HANDLER s, MSTATUS_SPP, msg_in_s
