# hypervisor.S: the H extension seen from software (H spec 1.0, privileged
# spec chapter "Hypervisor Extension"): misa.H, the hypervisor CSRs and their
# WARL rules, the VS replicas of the supervisor CSRs, virtual-instruction
# exceptions, trap delegation M -> HS -> VS and the state trap entry writes
# (SPV, SPVP, MPV, GVA), SRET/MRET into VS and VU, interrupt injection with
# hvip, HLV/HSV, htimedelta, and Sstc's stimecmp/vstimecmp. Guest-physical
# translation (hgatp) is Bare here; hypervisor-guest.S builds a G stage.
#
# Modes are reached from M with mret (MPP, MPV) and left with a trap that the
# M handler resumes at an M-mode label (RETURN_TO_M).

  .option arch, +h
  .include "prelude.S"

  .equ MSTATUS_MPV, 0x8000000000
  .equ MSTATUS_GVA, 0x4000000000
  .equ MSTATUS_TVM, 0x100000
  .equ MSTATUS_TW, 0x200000
  .equ MSTATUS_TSR, 0x400000
  .equ HSTATUS_GVA, 0x40
  .equ HSTATUS_SPV, 0x80
  .equ HSTATUS_SPVP, 0x100
  .equ HSTATUS_HU, 0x200
  .equ HSTATUS_VTVM, 0x100000
  .equ HSTATUS_VTW, 0x200000
  .equ HSTATUS_VTSR, 0x400000
  .equ VS_INTERRUPTS, 0x444
  .equ MIP_VSSIP, 0x4
  .equ MIP_VSTIP, 0x40
  .equ MIP_STIP, 0x20
  .equ ENVCFG_STCE, 0x8000000000000000
  .equ INTERRUPT_BIT, 0x8000000000000000

# From M-mode: continue at label in VS-mode (mret with MPP = S, MPV = 1).
.macro GOTO_VS label
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, MSTATUS_MPP_S | MSTATUS_MPV
  csrs mstatus, t6
  la t6, \label
  csrw mepc, t6
  mret
.endm

# From M-mode: continue at label in VU-mode (mret with MPP = U, MPV = 1).
.macro GOTO_VU label
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, MSTATUS_MPV
  csrs mstatus, t6
  la t6, \label
  csrw mepc, t6
  mret
.endm

# From any mode: back to M-mode at label, through an illegal-instruction
# trap (never delegated here) that the M handler resumes at label.
.macro RETURN_TO_M label
  TRAP_ARM
  TRAP_RESUME \label
  csrr t6, mscratch
  j fail
.endm

# The last trap into rec had this cause, and its tval is the instruction's bits.
.macro CHECK_TRAP_IS cause, rec=m
  CHECK_TRAP_CAUSE \cause, \rec
  la t6, \rec\()_trap_state
  ld t5, TRAP_EPC(t6)
  lwu t5, 0(t5)
  ld t6, TRAP_TVAL(t6)
  CHECK_EQ t5, t6
.endm

# The mstatus of the last trap into M has these bits set / clear.
.macro CHECK_M_STATUS_BITS mask, expected
  la t6, m_status_at_trap
  ld t5, 0(t6)
  li t6, \mask
  and t5, t5, t6
  CHECK t5, \expected
.endm

  .data
  .align 3
vs_trap_state: .zero TRAP_RECORD_SIZE
m_status_at_trap: .dword 0
scratch_word: .dword 0x1122334455667788

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 0(sp)
  la t0, m_vector_h
  csrw mtvec, t0
  la t0, vs_trap_vector
  csrw vstvec, t0
  la t0, vs_trap_state
  csrw vsscratch, t0
  li t0, MSTATUS_FS_INITIAL
  csrw vsstatus, t0              # the guest's FPU on too (both FS fields count with V=1)
  li t0, 7
  csrw mcounteren, t0
  csrw hcounteren, t0
  csrw scounteren, t0

  # ---- misa and the hypervisor CSRs --------------------------------------------------
  TEST 1                         # misa.H
  csrr a0, misa
  srli a0, a0, 7
  andi a0, a0, 1
  CHECK a0, 1

  TEST 2                         # hstatus: SPV, SPVP, HU, GVA, VTVM, VTW, VTSR are writable; VSXL = 64
  li a1, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR
  csrw hstatus, a1
  csrr a0, hstatus
  and a2, a0, a1
  CHECK_EQ a2, a1
  srli a0, a0, 32
  andi a0, a0, 3
  CHECK a0, 2
  csrw hstatus, zero
  csrr a0, hstatus
  and a0, a0, a1
  CHECK a0, 0

  TEST 3                         # hedeleg: 1-8, 12, 13, 15 writable; 9-11 and 20-23 read-only zero
  li a0, -1
  csrw hedeleg, a0
  csrr a0, hedeleg
  li a1, 0xb1fe
  and a2, a0, a1
  CHECK_EQ a2, a1
  li a1, 0xf00e00
  and a2, a0, a1
  CHECK a2, 0
  csrw hedeleg, zero

  TEST 4                         # hideleg: VS-level interrupts writable, S-level ones read-only zero
  li a0, -1
  csrw hideleg, a0
  csrr a0, hideleg
  andi a0, a0, 0x666
  CHECK a0, VS_INTERRUPTS
  csrw hideleg, zero

  TEST 5                         # mideleg: the VS-level bits are read-only one
  csrr a2, mideleg
  csrw mideleg, zero
  csrr a0, mideleg
  andi a0, a0, VS_INTERRUPTS
  CHECK a0, VS_INTERRUPTS
  csrw mideleg, a2

  TEST 6                         # hvip shows in hip and mip; hip.VSSIP and mip.VSSIP write hvip.VSSIP
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  csrr a1, hip
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, VS_INTERRUPTS
  csrr a1, mip
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, VS_INTERRUPTS
  csrw hvip, zero
  csrsi hip, MIP_VSSIP
  csrr a1, hvip
  CHECK a1, MIP_VSSIP
  csrci mip, MIP_VSSIP
  csrr a1, hvip
  CHECK a1, 0

  TEST 7                         # hie aliases mie's VS-level bits
  csrr a2, mie
  li a0, VS_INTERRUPTS
  csrw hie, a0
  csrr a1, mie
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, VS_INTERRUPTS
  csrw hie, zero
  csrr a1, mie
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, 0
  csrw mie, a2

  TEST 8                         # vsip/vsie: VS bits >> 1 where hideleg delegates, zero elsewhere
  li a0, MIP_VSSIP
  csrw hvip, a0
  li a0, VS_INTERRUPTS
  csrw hie, a0
  csrr a1, vsip
  CHECK a1, 0
  li a0, MIP_VSSIP
  csrw hideleg, a0
  csrr a1, vsip
  CHECK a1, 2
  csrr a1, vsie
  CHECK a1, 2
  csrw vsip, zero                # vsip.SSIP is hvip.VSSIP
  csrr a1, hvip
  CHECK a1, 0
  csrw hideleg, zero
  csrw hie, zero

  TEST 9                         # sip and sie never show VS-level bits
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  csrw hie, a0
  csrr a1, sip
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, 0
  csrr a1, sie
  andi a1, a1, VS_INTERRUPTS
  CHECK a1, 0
  csrw hvip, zero
  csrw hie, zero

  TEST 10                        # the trap-value CSRs of H exist and hold zero or what is written
  csrw htval, zero
  csrr a0, htval
  CHECK a0, 0
  csrw mtval2, zero
  csrr a0, mtval2
  CHECK a0, 0
  csrw htinst, zero
  csrr a0, htinst
  CHECK a0, 0
  csrw mtinst, zero
  csrr a0, mtinst
  CHECK a0, 0
  csrw hgatp, zero
  csrr a0, hgatp
  CHECK a0, 0

  TEST 11                        # mstatus.MPV and GVA are writable; sstatus does not show them
  li a0, MSTATUS_MPV | MSTATUS_GVA
  csrs mstatus, a0
  csrr a1, mstatus
  and a1, a1, a0
  CHECK_EQ a1, a0
  csrr a1, sstatus
  and a1, a1, a0
  CHECK a1, 0
  csrc mstatus, a0

  # ---- VS CSRs through the S numbers --------------------------------------------------
  TEST 20                        # with V=1, sscratch is vsscratch and the HS-level one is untouched
  li a0, 0x1111
  csrw sscratch, a0              # (the S handler's pointer: restored below)
  li a0, 0x2222
  csrw vsscratch, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a3, sscratch
  li a4, 0x3333
  csrw sscratch, a4
  RETURN_TO_M 4f
4:
  TRAP_DISARM
  CHECK a3, 0x2222
  csrr a0, vsscratch
  CHECK a0, 0x3333
  csrr a0, sscratch
  CHECK a0, 0x1111
  la a0, s_trap_state
  csrw sscratch, a0
  la a0, vs_trap_state
  csrw vsscratch, a0

  TEST 21                        # with V=1, sstatus is vsstatus
  li a0, MSTATUS_SIE
  csrc mstatus, a0
  csrs vsstatus, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a3, sstatus
  csrci sstatus, MSTATUS_SIE
  RETURN_TO_M 4f
4:
  TRAP_DISARM
  andi a3, a3, MSTATUS_SIE
  CHECK a3, MSTATUS_SIE
  csrr a0, vsstatus
  andi a0, a0, MSTATUS_SIE
  CHECK a0, 0

  # ---- virtual-instruction exceptions -------------------------------------------------
  TRAP_ARM
  GOTO_VS 3f
3:
  TRAP_BEGIN 30                  # a hypervisor CSR from VS
  csrr a0, hstatus
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 31                  # a VS CSR by its own number from VS
  csrr a0, vsstatus
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 32                  # an M CSR from VS: illegal, not virtual
  csrr a0, mstatus
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION

  TRAP_BEGIN 33                  # HFENCE.VVMA from VS
  hfence.vvma zero, zero
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 34                  # HLV from VS
  hlv.w a0, (sp)
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 35                  # MRET from VS: illegal
  mret
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION

  TRAP_BEGIN 36                  # ECALL from VS: cause 10, from a VS-mode (MPP = S, MPV = 1)
  ecall
  TRAP_END CAUSE_VIRTUAL_SUPERVISOR_ECALL
  CHECK_M_STATUS_BITS MSTATUS_MPP | MSTATUS_MPV, MSTATUS_MPP_S | MSTATUS_MPV

  TRAP_BEGIN 37                  # EBREAK from VS: tval = pc is a guest virtual address (GVA)
  ebreak
  TRAP_END CAUSE_BREAKPOINT
  CHECK_M_STATUS_BITS MSTATUS_GVA, MSTATUS_GVA

  RETURN_TO_M 4f
4:

  TRAP_ARM
  GOTO_VU 3f
3:
  TRAP_BEGIN 41                  # WFI from VU (mstatus.TW = 0)
  wfi
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 44                  # ECALL from VU: cause 8
  ecall
  TRAP_END CAUSE_USER_ECALL

  TRAP_BEGIN 45                  # HSV from VU, even with hstatus.HU = 0
  hsv.w zero, (sp)
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:

  TEST 50                        # VTSR, VTW, VTVM: SRET, WFI and SFENCE.VMA become virtual in VS
  li a0, HSTATUS_VTSR | HSTATUS_VTW | HSTATUS_VTVM
  csrw hstatus, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  sret
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  wfi
  CHECK_TRAP_COUNT 2
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  sfence.vma
  CHECK_TRAP_COUNT 3
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  csrw hstatus, zero

  TEST 51                        # mstatus.TW makes WFI illegal (not virtual) in VS, whatever VTW
  li a0, MSTATUS_TW
  csrs mstatus, a0
  li a0, HSTATUS_VTW
  csrw hstatus, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  wfi
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_ILLEGAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  li a0, MSTATUS_TW
  csrc mstatus, a0
  csrw hstatus, zero

  TEST 52                        # counters: mcounteren off -> illegal, hcounteren off -> virtual
  csrw hcounteren, zero
  TRAP_ARM
  GOTO_VS 3f
3:
  rdcycle a0
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  csrw mcounteren, zero
  li a0, 7
  csrw hcounteren, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  rdcycle a0
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_ILLEGAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  li a0, 7
  csrw mcounteren, a0
  csrw scounteren, zero
  TRAP_ARM
  GOTO_VU 3f
3:
  rdinstret a0                   # VU needs scounteren too: virtual
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  li a0, 7
  csrw scounteren, a0

  # ---- delegation to HS and to VS ----------------------------------------------------
  TEST 60                        # medeleg: ecall from VS goes to HS with SPV = 1, SPVP = 1, SPP = 1
  li a0, 1 << CAUSE_VIRTUAL_SUPERVISOR_ECALL
  csrw medeleg, a0
  csrw hstatus, zero
  TRAP_ARM s
  TRAP_ARM
  GOTO_VS 3f
3:
  ecall
  CHECK_TRAP_COUNT 1, s
  CHECK_TRAP_CAUSE CAUSE_VIRTUAL_SUPERVISOR_ECALL, s
  CHECK_TRAP_COUNT 0
  RETURN_TO_M 4f
4:
  TRAP_DISARM s
  la t6, s_trap_state            # SPP as the S handler saw it
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_SPP
  CHECK a0, MSTATUS_SPP
  CHECK_M_STATUS_BITS MSTATUS_MPP | MSTATUS_MPV, MSTATUS_MPP_S | MSTATUS_MPV   # the S handler's sret went back to VS (SPV was 1)
  csrr a0, hstatus               # SPVP = 1 (from VS), GVA = 0 (no address), SPV cleared by that sret
  andi a0, a0, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA
  CHECK a0, HSTATUS_SPVP

  TEST 61                        # hedeleg: a breakpoint from VS goes to VS, V stays 1, hstatus untouched
  li a0, 1 << CAUSE_BREAKPOINT
  csrw medeleg, a0
  csrw hedeleg, a0
  csrw hstatus, zero
  TRAP_ARM vs
  TRAP_ARM s
  TRAP_ARM
  GOTO_VS 3f
3:
  ebreak
  CHECK_TRAP_COUNT 1, vs
  CHECK_TRAP_CAUSE CAUSE_BREAKPOINT, vs
  CHECK_TRAP_COUNT 0, s
  CHECK_TRAP_COUNT 0
  RETURN_TO_M 4f
4:
  TRAP_DISARM vs
  TRAP_DISARM s
  la t6, vs_trap_state
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_SPP
  CHECK a0, MSTATUS_SPP
  csrr a0, hstatus
  andi a0, a0, HSTATUS_SPV
  CHECK a0, 0
  csrw medeleg, zero
  csrw hedeleg, zero

  TEST 62                        # an ecall from VU delegated to VS: vsstatus.SPP = 0
  li a0, 1 << CAUSE_USER_ECALL
  csrw medeleg, a0
  csrw hedeleg, a0
  TRAP_ARM vs
  TRAP_ARM
  GOTO_VU 3f
3:
  ecall
  CHECK_TRAP_COUNT 1, vs
  CHECK_TRAP_CAUSE CAUSE_USER_ECALL, vs
  RETURN_TO_M 4f
4:
  TRAP_DISARM vs
  la t6, vs_trap_state
  ld a0, TRAP_STATUS(t6)
  andi a0, a0, MSTATUS_SPP
  CHECK a0, 0
  csrw medeleg, zero
  csrw hedeleg, zero

  TEST 63                        # SRET from HS with SPV = 1 and SPP = 0 enters VU
  TRAP_ARM
  GOTO_S 3f
3:
  li a0, HSTATUS_SPV
  csrs hstatus, a0
  li a0, MSTATUS_SPP
  csrc sstatus, a0
  la a0, 5f
  csrw sepc, a0
  sret
5:
  csrr a0, hstatus               # in VU: a virtual instruction from VU
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  CHECK_M_STATUS_BITS MSTATUS_MPP | MSTATUS_MPV, MSTATUS_MPV
  RETURN_TO_M 4f
4:
  csrr a0, hstatus
  andi a0, a0, HSTATUS_SPV
  CHECK a0, 0

  # ---- interrupts -----------------------------------------------------------------
  TEST 70                        # hvip.VSSIP delegated by hideleg reaches VS as a supervisor software interrupt
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  csrw hie, a0
  li a0, MSTATUS_SIE
  csrs vsstatus, a0
  li a0, MIP_VSSIP
  csrw hvip, a0                  # pending from the moment V=1
  TRAP_ARM vs
  TRAP_ARM
  GOTO_VS 3f
3:
  la t6, vs_trap_state
5:
  ld a0, TRAP_COUNT(t6)
  beqz a0, 5b
  CHECK_TRAP_COUNT 1, vs
  CHECK_TRAP_CAUSE INTERRUPT_BIT | 1, vs
  RETURN_TO_M 4f
4:
  TRAP_DISARM vs
  csrr a0, hvip                  # the VS handler cleared it through sip
  CHECK a0, 0
  csrw hideleg, zero
  csrw hie, zero
  li a0, MSTATUS_SIE
  csrc vsstatus, a0

  TEST 71                        # a VS-level interrupt not delegated by hideleg goes to HS even with sstatus.SIE = 0
  li a0, MSTATUS_SIE
  csrc mstatus, a0
  la a0, hs_irq_handler
  csrw stvec, a0
  li a0, MIP_VSTIP
  csrw hie, a0
  csrw hvip, a0
  TRAP_ARM s
  TRAP_ARM
  GOTO_VS 3f
3:
  la t6, s_trap_state
5:
  ld a0, TRAP_COUNT(t6)
  beqz a0, 5b
  CHECK_TRAP_COUNT 1, s
  CHECK_TRAP_CAUSE INTERRUPT_BIT | 6, s
  RETURN_TO_M 4f
4:
  TRAP_DISARM s
  CHECK_M_STATUS_BITS MSTATUS_MPV, MSTATUS_MPV   # back in VS after the HS handler's sret
  la a0, s_trap_vector
  csrw stvec, a0
  csrw hie, zero

  # ---- HLV/HSV (Bare translation) --------------------------------------------------
  TEST 80                        # from M-mode
  la a1, scratch_word
  hlv.d a0, (a1)
  CHECK a0, 0x1122334455667788
  li a2, 0x55
  hsv.b a2, (a1)
  hlv.bu a0, (a1)
  CHECK a0, 0x55
  hlv.w a0, (a1)
  CHECK a0, 0x55667755
  hlvx.hu a0, (a1)
  CHECK a0, 0x7755

  TEST 81                        # from U-mode only with hstatus.HU = 1
  csrw hstatus, zero
  la a1, scratch_word
  TRAP_ARM
  GOTO_U 3f
3:
  hlv.w a0, (a1)
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  li a0, HSTATUS_HU
  csrw hstatus, a0
  TRAP_ARM
  GOTO_U 3f
3:
  hlv.w a0, (a1)
  CHECK_TRAP_COUNT 0
  CHECK a0, 0x55667755
  hfence.vvma zero, zero         # HU covers the loads and stores, not the fences
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_ILLEGAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  csrw hstatus, zero

  # ---- time: htimedelta and Sstc (QEMU's spike board has no time CSR: these come last) --
  TEST 85                        # time with V=1 is time + htimedelta
  li a0, 1
  slli a0, a0, 40
  csrw htimedelta, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  rdtime a3
  RETURN_TO_M 4f
4:
  TRAP_DISARM
  rdtime a4
  csrw htimedelta, zero
  li a0, 1
  slli a0, a0, 40
  sltu a5, a3, a0
  CHECK a5, 0                    # the guest's time is at least 2^40
  sltu a5, a4, a0
  CHECK a5, 1                    # the hart's is not

  TEST 86                        # STIP follows time >= stimecmp while menvcfg.STCE = 1
  li a0, ENVCFG_STCE
  csrs menvcfg, a0
  csrw stimecmp, zero
  csrr a0, mip
  andi a0, a0, MIP_STIP
  CHECK a0, MIP_STIP
  li a0, -1
  csrw stimecmp, a0
  csrr a0, mip
  andi a0, a0, MIP_STIP
  CHECK a0, 0

  TEST 87                        # VSTIP follows time + htimedelta >= vstimecmp while henvcfg.STCE = 1
  li a0, ENVCFG_STCE
  csrs henvcfg, a0
  li a0, -1
  csrw vstimecmp, a0
  csrr a0, hip
  andi a0, a0, MIP_VSTIP
  CHECK a0, 0
  li a1, 1
  slli a1, a1, 50
  csrw vstimecmp, a1             # far in the future for time + 0 ...
  csrw htimedelta, zero
  csrr a0, hip
  andi a0, a0, MIP_VSTIP
  CHECK a0, 0
  csrw htimedelta, a1            # ... reached by time + 2^50
  csrr a0, hip
  andi a0, a0, MIP_VSTIP
  CHECK a0, MIP_VSTIP
  csrw htimedelta, zero
  li a0, -1
  csrw vstimecmp, a0

  TEST 88                        # stimecmp from VS is vstimecmp; henvcfg.STCE = 0 makes it virtual
  li a0, 0x1234
  csrw vstimecmp, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a3, stimecmp
  CHECK_TRAP_COUNT 0
  RETURN_TO_M 4f
4:
  CHECK a3, 0x1234
  li a0, ENVCFG_STCE
  csrc henvcfg, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a3, stimecmp
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  li a0, ENVCFG_STCE
  csrc menvcfg, a0
  csrr a0, henvcfg               # read-only zero while menvcfg.STCE = 0
  srli a0, a0, 63
  CHECK a0, 0

  # ---- last: where QEMU 7.2 departs from the spec ---------------------------------
  TEST 93                        # mstatus.TVM does not affect VS: satp (vsatp) and SFENCE.VMA work (QEMU 7.2 traps)
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a0, satp
  sfence.vma
  CHECK_TRAP_COUNT 0
  RETURN_TO_M 4f
4:
  li a0, MSTATUS_TVM
  csrc mstatus, a0

  TEST 94                        # hstatus.VTVM makes satp (vsatp) from VS a virtual instruction (QEMU 7.2: no trap)
  li a0, HSTATUS_VTVM
  csrw hstatus, a0
  TRAP_ARM
  GOTO_VS 3f
3:
  csrr a0, satp
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_IS CAUSE_VIRTUAL_INSTRUCTION
  RETURN_TO_M 4f
4:
  csrw hstatus, zero

  TRAP_ARM
  GOTO_VU 3f
3:
  TRAP_BEGIN 95                  # SRET from VU: virtual instruction (QEMU 7.2: illegal)
  sret
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 96                  # SFENCE.VMA from VU: virtual instruction
  sfence.vma
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION

  TRAP_BEGIN 97                  # a supervisor CSR from VU: virtual instruction (QEMU 7.2: illegal)
  csrr a0, sstatus
  TRAP_END CAUSE_VIRTUAL_INSTRUCTION
  CHECK_M_STATUS_BITS MSTATUS_MPP | MSTATUS_MPV, MSTATUS_MPV
  RETURN_TO_M 4f
4:

  TRAP_ARM
  GOTO_VS 3f
3:
  TRAP_BEGIN 99                  # an illegal instruction from VS: tval is no address, GVA = 0 (QEMU 7.2 sets it)
  .word 0x0000000b
  TRAP_END CAUSE_ILLEGAL_INSTRUCTION
  CHECK_M_STATUS_BITS MSTATUS_GVA, 0
  RETURN_TO_M 4f
4:

  TRAP_DISARM
  la t0, m_trap_vector
  csrw mtvec, t0
  ld ra, 0(sp)
  addi sp, sp, 16
  li a0, 0
  ret

# ---- handlers ---------------------------------------------------------------------

# M-mode entry (mtvec) in front of the prelude's handler: keeps the trap's
# mstatus (for CHECK_M_STATUS_BITS) and, when the handler will resume in
# M-mode (TRAP_RESUME), clears MPV. The spec ignores MPV on an mret with
# MPP = M, but QEMU 7.2 enters V=1 then; clearing it keeps the program
# meaningful on QEMU too.
  .align 2
m_vector_h:
  csrrw t6, mscratch, t6
  sd t0, TRAP_SAVE_T0(t6)
  sd t1, TRAP_SAVE_T1(t6)
  csrr t0, mstatus
  la t1, m_status_at_trap
  sd t0, 0(t1)
  ld t0, TRAP_RESUME(t6)
  beqz t0, 1f
  li t0, MSTATUS_MPV
  csrc mstatus, t0
1:
  ld t0, TRAP_SAVE_T0(t6)
  ld t1, TRAP_SAVE_T1(t6)
  csrrw t6, mscratch, t6
  j m_trap_vector

# VS-mode handler (vstvec): in VS, the S CSR numbers are the VS CSRs, so this
# is the S handler's logic on vsscratch/vscause/vsepc/vstval/vsstatus. An
# interrupt is the injected VSSIP: it clears it through sip (= hvip.VSSIP).
  .align 2
vs_trap_vector:
  csrrw t6, sscratch, t6
  sd t0, TRAP_SAVE_T0(t6)
  sd t1, TRAP_SAVE_T1(t6)
  csrr t0, scause
  sd t0, TRAP_CAUSE(t6)
  csrr t0, sepc
  sd t0, TRAP_EPC(t6)
  csrr t0, stval
  sd t0, TRAP_TVAL(t6)
  csrr t0, sstatus
  sd t0, TRAP_STATUS(t6)
  ld t0, TRAP_COUNT(t6)
  addi t0, t0, 1
  sd t0, TRAP_COUNT(t6)
  ld t0, TRAP_ARMED(t6)
  beqz t0, vs_unexpected_trap
  csrr t0, scause
  bgez t0, 1f
  csrw sip, zero
  j 3f
1:
  csrr t0, sepc
  lhu t1, 0(t0)
  andi t1, t1, 3
  addi t1, t1, -3
  addi t0, t0, 2
  bnez t1, 2f
  addi t0, t0, 2
2:
  csrw sepc, t0
3:
  ld t0, TRAP_SAVE_T0(t6)
  ld t1, TRAP_SAVE_T1(t6)
  csrrw t6, sscratch, t6
  sret
vs_unexpected_trap:
  j fail

# HS-mode handler for test 71: records the interrupt in s_trap_state, drops
# hvip.VSTIP and returns to the guest (hstatus.SPV = 1).
  .align 2
hs_irq_handler:
  csrrw t6, sscratch, t6
  sd t0, TRAP_SAVE_T0(t6)
  csrr t0, scause
  sd t0, TRAP_CAUSE(t6)
  ld t0, TRAP_COUNT(t6)
  addi t0, t0, 1
  sd t0, TRAP_COUNT(t6)
  csrw hvip, zero
  ld t0, TRAP_SAVE_T0(t6)
  csrrw t6, sscratch, t6
  sret
