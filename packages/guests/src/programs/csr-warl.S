# csr-warl.S: what CSR writes keep (WARL fields, privileged spec 2.3) and
# who may access a CSR (2.1, Zicsr chapter): mtvec/stvec MODE (2 and 3 are
# reserved), mstatus MPP (2 is reserved), satp with an unsupported MODE (the
# whole write is ignored, 4.1.11), misa, medeleg/mideleg (what can be
# delegated), xepc bit 0; M-level CSRs from S and U, S-level CSRs from U,
# writes to read-only CSRs (illegal even when the value would not change,
# fine for csrrs/csrrc with rs1 = x0), satp from S with mstatus.TVM.
# Every refused access is an illegal instruction with its bits in mtval.

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  .equ MTVEC_MODE, 3
  .equ MSTATUS_TVM, 0x100000
  .equ MSTATUS_MPP_2, 0x1000
  .equ SATP_MODE_SHIFT, 60
  .equ MISA_MXL_64, 0x8000000000000000
  .equ MISA_IMAFDCSU, 0x14112d      # I M A F D C S U
  .equ S_IRQS, 0x222
  .equ M_IRQS, 0x888
  .equ UXL_SXL_64, 0xa00000000      # mstatus.UXL = SXL = 2 (64 bits)

# The trap value must be the trapping instruction's bits.
.macro CHECK_TRAP_TVAL_IS_INSN
  la t6, m_trap_state
  ld t5, TRAP_EPC(t6)
  lwu t5, 0(t5)
  ld t6, TRAP_TVAL(t6)
  CHECK_EQ t5, t6
.endm

# After an instruction run in S or U with the M record armed: it was the
# count-th trap, an illegal instruction with its bits in mtval.
.macro CHECK_ILLEGAL count
  CHECK_TRAP_COUNT \count
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN
.endm

# The bits `mask` of register reg must be `expected`.
.macro CHECK_BITS reg, mask, expected
  li t6, \mask
  and t5, \reg, t6
  CHECK t5, \expected
.endm

  .data
  .align 3
sv39_root: .dword 0

  .text
  .globl main
main:
  # ---- xtvec: MODE is WARL, 0 (direct) and 1 (vectored) ---------------------------------
  TEST 1
  la s1, m_trap_vector
  addi a0, s1, 256              # a 256-byte-aligned base: any implementation takes it
  andi a0, a0, -256
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK_EQ a0, a1
  ori a2, a0, 1
  csrw mtvec, a2
  csrr a1, mtvec
  CHECK_EQ a1, a2
  ori a2, a0, 2                 # reserved modes: the field keeps a legal value
  csrw mtvec, a2
  csrr a1, mtvec
  csrw mtvec, s1
  andi a1, a1, MTVEC_MODE
  sltiu a1, a1, 2
  CHECK a1, 1
  ori a2, a0, 3
  csrw mtvec, a2
  csrr a1, mtvec
  csrw mtvec, s1
  andi a1, a1, MTVEC_MODE
  sltiu a1, a1, 2
  CHECK a1, 1

  TEST 2                        # the same for stvec
  la s1, s_trap_vector
  csrr s2, stvec
  addi a0, s1, 256
  andi a0, a0, -256
  ori a2, a0, 1
  csrw stvec, a2
  csrr a1, stvec
  CHECK_EQ a1, a2
  ori a2, a0, 3
  csrw stvec, a2
  csrr a1, stvec
  csrw stvec, s2
  andi a1, a1, MTVEC_MODE
  sltiu a1, a1, 2
  CHECK a1, 1

  TEST 3                        # xepc bit 1 is writable (IALIGN = 16 with C)
  li a0, 0x80000002
  csrw mepc, a0
  CHECK_CSR mepc, 0x80000002
  csrw sepc, a0
  CHECK_CSR sepc, 0x80000002

  # ---- mstatus ------------------------------------------------------------------------------
  TEST 10                       # MPP takes U, S and M
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  csrr a1, mstatus
  CHECK_BITS a1, MSTATUS_MPP, 0
  li a0, MSTATUS_MPP_S
  csrs mstatus, a0
  csrr a1, mstatus
  CHECK_BITS a1, MSTATUS_MPP, MSTATUS_MPP_S
  li a0, MSTATUS_MPP
  csrs mstatus, a0
  csrr a1, mstatus
  CHECK_BITS a1, MSTATUS_MPP, MSTATUS_MPP

  TEST 11                       # UXL and SXL are read-only 2: 64-bit S and U
  csrr a1, mstatus
  li a2, UXL_SXL_64
  and a1, a1, a2
  CHECK_EQ a1, a2
  csrc mstatus, a2
  csrr a1, mstatus
  and a1, a1, a2
  CHECK_EQ a1, a2

  TEST 12                       # sstatus is a view of mstatus: no M-level fields
  li a0, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE
  csrs mstatus, a0
  csrr a1, sstatus
  CHECK_BITS a1, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE, 0
  csrci mstatus, MSTATUS_MIE
  li a0, MSTATUS_SPP            # ... and what it writes lands in mstatus
  csrs sstatus, a0
  csrr a1, mstatus
  CHECK_BITS a1, MSTATUS_SPP, MSTATUS_SPP
  csrc sstatus, a0
  csrr a1, mstatus
  CHECK_BITS a1, MSTATUS_SPP, 0

  # ---- satp: an unsupported MODE leaves all of satp alone (4.1.11) --------------------------------
  TEST 20
  csrw satp, zero
  li a0, (1 << SATP_MODE_SHIFT) | 0x1234     # MODE 1: reserved
  csrw satp, a0
  CHECK_CSR satp, 0
  li a0, (12 << SATP_MODE_SHIFT) | 0x1234    # MODE 12: reserved
  csrw satp, a0
  CHECK_CSR satp, 0
  la a0, sv39_root              # Sv39 (MODE 8) is supported: it reads back (M-mode is not translated)
  srli a0, a0, 12
  li a1, 8 << SATP_MODE_SHIFT
  or a0, a0, a1
  csrw satp, a0
  csrr a1, satp
  CHECK_EQ a0, a1
  li a2, (1 << SATP_MODE_SHIFT) | 0x1234     # a reserved MODE over Sv39: still Sv39, same root
  csrw satp, a2
  csrr a1, satp
  CHECK_EQ a0, a1
  csrw satp, zero

  TEST 21                       # Sv57 (MODE 10): supported, it reads back; unsupported (rvhv), the write is ignored
  li a0, (10 << SATP_MODE_SHIFT) | 0x1234
  csrw satp, a0
  csrr a1, satp
  csrw satp, zero
  beqz a1, 3f
  CHECK_EQ a0, a1
3:

  # ---- misa ---------------------------------------------------------------------------------------
  TEST 30                       # RV64 with I, M, A, F, D, C, S, U
  csrr s1, misa
  CHECK_BITS s1, MISA_MXL_64 | 0x4000000000000000, MISA_MXL_64
  CHECK_BITS s1, MISA_IMAFDCSU, MISA_IMAFDCSU

  TEST 31                       # rvhv (as QEMU by default) ignores misa writes: no extension can be turned off
  csrw misa, zero
  csrr a1, misa
  CHECK_EQ a1, s1
  li a0, -1
  csrw misa, a0
  csrr a1, misa
  CHECK_EQ a1, s1

  # ---- delegation registers -------------------------------------------------------------------
  TEST 40                       # medeleg: the exceptions S-mode can handle (0-9, 12, 13, 15) are delegable
  li a0, -1
  csrw medeleg, a0
  csrr a1, medeleg
  csrw medeleg, zero
  CHECK_BITS a1, 0xb3ff, 0xb3ff
  CHECK_CSR medeleg, 0

  TEST 41                       # mideleg: only the S-level interrupts
  li a0, -1
  csrw mideleg, a0
  csrr a1, mideleg
  csrw mideleg, zero
  CHECK_BITS a1, S_IRQS | M_IRQS, S_IRQS
  csrr a1, mideleg
  CHECK_BITS a1, S_IRQS, 0

  # ---- privilege ------------------------------------------------------------------------------
  TEST 50                       # from S: M-level CSRs are illegal, S-level ones fine
  TRAP_ARM
  GOTO_S 3f
3:
  csrr a0, mstatus
  CHECK_ILLEGAL 1
  csrr a0, mscratch
  CHECK_ILLEGAL 2
  csrw mtvec, zero
  CHECK_ILLEGAL 3
  csrr a0, mepc
  CHECK_ILLEGAL 4
  csrs mie, a0
  CHECK_ILLEGAL 5
  csrr a0, misa
  CHECK_ILLEGAL 6
  csrr a0, mhartid
  CHECK_ILLEGAL 7
  csrr a0, mcycle
  CHECK_ILLEGAL 8
  csrr a0, mcounteren
  CHECK_ILLEGAL 9
  csrr a0, pmpcfg0
  CHECK_ILLEGAL 10
  csrr a0, sstatus
  csrr a0, stvec
  csrr a0, sie
  csrr a0, satp
  csrr a0, scounteren
  CHECK_TRAP_COUNT 10
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 11
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL

  TEST 51                       # from U: M- and S-level CSRs are illegal; the float CSRs are fine (FS on)
  TRAP_ARM
  GOTO_U 3f
3:
  csrr a0, mstatus
  CHECK_ILLEGAL 1
  csrr a0, sstatus
  CHECK_ILLEGAL 2
  csrw sscratch, zero
  CHECK_ILLEGAL 3
  csrr a0, satp
  CHECK_ILLEGAL 4
  csrr a0, sepc
  CHECK_ILLEGAL 5
  csrr a0, sip
  CHECK_ILLEGAL 6
  csrr a0, stvec
  CHECK_ILLEGAL 7
  csrr a0, fcsr
  csrwi fflags, 0
  csrr a0, frm
  CHECK_TRAP_COUNT 7
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 8
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL

  TEST 52                       # from S with mstatus.TVM = 1: satp and sfence.vma are illegal
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TRAP_ARM
  GOTO_S 3f
3:
  csrr a0, satp
  CHECK_ILLEGAL 1
  csrw satp, zero
  CHECK_ILLEGAL 2
  sfence.vma
  CHECK_ILLEGAL 3
  TRAP_RESUME 4f
  ecall
4:
  TRAP_DISARM
  CHECK_TRAP_COUNT 4
  li a0, MSTATUS_TVM
  csrc mstatus, a0
  TEST 53                       # (TVM does not apply to M-mode)
  TRAP_ARM
  csrr a0, satp
  TRAP_DISARM
  CHECK_TRAP_COUNT 0

  # ---- read-only CSRs ---------------------------------------------------------------------------
  TRAP_BEGIN 60                 # writes are illegal, even in M-mode
  csrw mvendorid, zero
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  CHECK_TRAP_TVAL_IS_INSN
  TRAP_BEGIN 61
  csrrwi a0, marchid, 0
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  TRAP_BEGIN 62
  csrrsi a0, mimpid, 1
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  li a1, 1
  TRAP_BEGIN 63
  csrrc a0, mhartid, a1
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  TRAP_BEGIN 64
  csrw instret, zero
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION

  TEST 65                       # csrrs/csrrc with rs1 = x0 and csrrsi/csrrci with 0 only read
  TRAP_ARM
  csrrs a0, mvendorid, x0
  csrrc a0, marchid, x0
  csrrsi a0, mhartid, 0
  csrrci a0, mimpid, 0
  csrrs a0, cycle, x0
  TRAP_DISARM
  CHECK_TRAP_COUNT 0
  CHECK_CSR mhartid, 0

  # ---- QEMU 7.2 departs from the spec below -------------------------------------------------------
  # Last, so the tests above still run there. QEMU 7.2 lets a csrrs/csrrc
  # whose rs1 is not x0 but holds zero write a read-only CSR (Zicsr: such an
  # instruction still writes, and writing a read-only CSR is illegal).
  li a1, 0
  TRAP_BEGIN 90
  csrrs a0, mhartid, a1
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  TRAP_BEGIN 91
  csrrc a0, mvendorid, a1
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION

  TEST 92                       # QEMU 7.2 takes MPP = 2, a reserved value (3.1.6.1: MPP is WARL over U, S, M)
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  li a0, MSTATUS_MPP_2
  csrs mstatus, a0
  csrr a1, mstatus
  li a0, MSTATUS_MPP
  and a1, a1, a0
  li a0, MSTATUS_MPP_2
  xor a1, a1, a0
  seqz a1, a1
  CHECK a1, 0
  li a0, MSTATUS_MPP            # a full write with MPP = 2 too
  csrr a1, mstatus
  or a1, a1, a0
  li a0, MSTATUS_MPP_S
  xor a1, a1, a0                # MPP = 2
  csrw mstatus, a1
  csrr a1, mstatus
  li a0, MSTATUS_MPP
  and a1, a1, a0
  li a0, MSTATUS_MPP_2
  xor a1, a1, a0
  seqz a1, a1
  CHECK a1, 0

  TEST 93                       # QEMU 7.2 lets medeleg[11] be set (3.1.8: ecall from M-mode, read-only zero)
  li a0, -1
  csrw medeleg, a0
  csrr a1, medeleg
  csrw medeleg, zero
  CHECK_BITS a1, 1 << CAUSE_MACHINE_ECALL, 0

  TEST 94                       # QEMU 7.2 keeps xepc[0] (3.1.14: always zero when IALIGN = 16)
  li a0, 0x80000001
  csrw mepc, a0
  CHECK_CSR mepc, 0x80000000
  li a0, 0x80000003
  csrw sepc, a0
  CHECK_CSR sepc, 0x80000002

  PASS
