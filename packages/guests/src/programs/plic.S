# plic.S: the PLIC on the virt board (RISC-V PLIC spec 1.0.0, SiFive layout;
# QEMU sifive_plic.c). Interrupt sources driven from software: the UART's
# THR-empty interrupt (source 10, high while IER.ETBEI is set and IIR has not
# been read) and the Goldfish RTC's alarm (source 11). Checks the register
# widths, priorities (3 bits), enable bits (source 0 hard-wired off),
# pending bits, thresholds, routing to hart 0's M-mode (MEIP) and S-mode
# (SEIP) contexts, claim/complete with level-triggered gateways, priority
# order and ties, completions that name a source the context has not
# enabled, and a real interrupt taken through mtvec.

  .include "prelude.S"
  .include "virt-board.S"

  .data
  .align 3
claimed: .dword 0

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  li s0, UART_BASE
  li s1, RTC_BASE

  li t0, PLIC_BASE
  TRAP_BEGIN 1                  # registers are 32 bits: a byte access is an access fault
  lb a0, 4(t0)
  TRAP_END_TVAL CAUSE_LOAD_ACCESS, PLIC_BASE + 4
  li t0, PLIC_BASE
  TRAP_BEGIN 2
  sd zero, 8(t0)
  TRAP_END CAUSE_STORE_ACCESS

  call irq_install

  TEST 3                        # priorities: 3 bits; source 0 does not exist
  li a0, UART_IRQ
  li a1, 7
  call plic_priority
  li a0, UART_IRQ * 4
  call plic_read
  CHECK a0, 7
  li a0, UART_IRQ
  li a1, 0xff
  call plic_priority
  li a0, UART_IRQ * 4
  call plic_read
  CHECK a0, 7
  li a0, 0
  li a1, 5
  call plic_priority
  li a0, 0
  call plic_read
  CHECK a0, 0

  TEST 4                        # enable bits: all sources 1..95 exist, source 0's bit is hard-wired to 0
  li a0, PLIC_ENABLE + PLIC_ENABLE_STRIDE * CTX_S
  li a1, -1
  call plic_write
  li a0, PLIC_ENABLE + PLIC_ENABLE_STRIDE * CTX_S
  call plic_read
  CHECK a0, 0xfffffffffffffffe
  li a0, PLIC_ENABLE + PLIC_ENABLE_STRIDE * CTX_S + 8
  li a1, -1
  call plic_write
  li a0, PLIC_ENABLE + PLIC_ENABLE_STRIDE * CTX_S + 8
  call plic_read
  CHECK a0, 0xffffffffffffffff
  li a0, CTX_S
  call plic_disable_all
  li a0, CTX_M
  call plic_disable_all

  TEST 5                        # a raised source is pending even when no context enables it; nobody can claim it
  li a0, UART_IER_ETBEI
  sb a0, UART_IER(s0)
  li a0, PLIC_PENDING
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 1 << UART_IRQ
  li a0, CTX_M
  call plic_claim
  CHECK a0, 0
  csrr a0, mip
  MASK a0, MIP_MEIP | MIP_SEIP
  CHECK a0, 0

  TEST 6                        # threshold: interrupts need a priority strictly above it
  li a0, UART_IRQ
  li a1, 1
  call plic_priority
  li a0, CTX_M
  li a1, 1
  call plic_threshold
  li a0, UART_IRQ
  li a1, CTX_M
  call plic_enable
  csrr a0, mip
  MASK a0, MIP_MEIP
  CHECK a0, 0
  li a0, CTX_M
  call plic_claim
  CHECK a0, 0
  li a0, CTX_M
  li a1, 0
  call plic_threshold
  csrr a0, mip
  MASK a0, MIP_MEIP | MIP_SEIP
  CHECK a0, MIP_MEIP

  TEST 7                        # routing: enabled for the S-mode context instead, the line is SEIP
  li a0, CTX_M
  call plic_disable_all
  li a0, CTX_S
  li a1, 0
  call plic_threshold
  li a0, UART_IRQ
  li a1, CTX_S
  call plic_enable
  csrr a0, mip
  MASK a0, MIP_MEIP | MIP_SEIP
  CHECK a0, MIP_SEIP

  TEST 8                        # a claim returns the source, clears its pending bit and drops the line
  li a0, CTX_S
  call plic_claim
  CHECK a0, UART_IRQ
  li a0, PLIC_PENDING
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 0
  csrr a0, mip
  MASK a0, MIP_SEIP
  CHECK a0, 0
  li a0, CTX_S                  # in flight: not claimable again
  call plic_claim
  CHECK a0, 0

  TEST 9                        # completion: the gateway forwards the still-high input again
  li a0, CTX_S
  li a1, UART_IRQ
  call plic_complete
  csrr a0, mip
  MASK a0, MIP_SEIP
  CHECK a0, MIP_SEIP

  TEST 10                       # the device lowers its line before a claim: the source is no longer pending
  sb zero, UART_IER(s0)
  li a0, PLIC_PENDING
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 0
  csrr a0, mip
  MASK a0, MIP_SEIP
  CHECK a0, 0
  li a0, CTX_S
  call plic_disable_all

  TEST 11                       # the RTC's alarm, armed at the current time, raises source 11
  li a0, 1
  sw a0, RTC_IRQ_ENABLED(s1)
  lw a0, RTC_TIME_LOW(s1)
  lw a1, RTC_TIME_HIGH(s1)
  sw a1, RTC_ALARM_HIGH(s1)
  sw a0, RTC_ALARM_LOW(s1)
  li a0, PLIC_PENDING
  call plic_read
  MASK a0, 1 << RTC_IRQ
  CHECK a0, 1 << RTC_IRQ

  TEST 12                       # priority order: 11 at priority 5 is claimed before 10 at priority 2
  li a0, UART_IER_ETBEI
  sb a0, UART_IER(s0)
  li a0, UART_IRQ
  li a1, 2
  call plic_priority
  li a0, RTC_IRQ
  li a1, 5
  call plic_priority
  li a0, UART_IRQ
  li a1, CTX_M
  call plic_enable
  li a0, RTC_IRQ
  li a1, CTX_M
  call plic_enable
  li a0, CTX_M
  call plic_claim
  CHECK a0, RTC_IRQ
  li a0, CTX_M
  call plic_claim
  CHECK a0, UART_IRQ
  li a0, CTX_M
  call plic_claim
  CHECK a0, 0

  TEST 13                       # equal priorities: the lower source id first
  li a0, RTC_IRQ
  li a1, 2
  call plic_priority
  li a0, CTX_M
  li a1, RTC_IRQ
  call plic_complete
  li a0, CTX_M
  li a1, UART_IRQ
  call plic_complete
  li a0, CTX_M
  call plic_claim
  CHECK a0, UART_IRQ
  li a0, CTX_M
  call plic_claim
  CHECK a0, RTC_IRQ

  TEST 14                       # completing a source the context has not enabled is ignored
  li a0, CTX_M
  call plic_disable_all
  li a0, CTX_M
  li a1, UART_IRQ
  call plic_complete
  li a0, PLIC_PENDING           # 10 is still in flight: its high input does not pend
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 0
  li a0, UART_IRQ
  li a1, CTX_M
  call plic_enable
  li a0, CTX_M
  li a1, UART_IRQ
  call plic_complete
  li a0, PLIC_PENDING
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 1 << UART_IRQ

  TEST 15                       # the RTC acknowledged: its line drops, and once completed nothing is left of it
  sw zero, RTC_CLEAR_INTERRUPT(s1)
  li a0, RTC_IRQ
  li a1, CTX_M
  call plic_enable
  li a0, CTX_M
  li a1, RTC_IRQ
  call plic_complete
  li a0, PLIC_PENDING
  call plic_read
  MASK a0, 1 << RTC_IRQ
  CHECK a0, 0

  TEST 16                       # a real interrupt: mcause = M external, the handler claims 10 and quiets the UART
  li t0, MIP_MEIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  WAIT_IRQ_COUNT 1
  csrci mstatus, MSTATUS_MIE
  la t0, irq_last_cause
  ld a0, 0(t0)
  CHECK a0, IRQ_M_EXT
  la t0, claimed
  ld a0, 0(t0)
  CHECK a0, UART_IRQ
  csrr a0, mip
  MASK a0, MIP_MEIP
  CHECK a0, 0
  CHECK_IRQ_COUNT 1

  ld ra, 8(sp)
  addi sp, sp, 16
  PASS

# irq_service(a0 = mcause): claims, turns the UART's interrupt off, completes.
  .globl irq_service
irq_service:
  addi sp, sp, -16
  sd ra, 8(sp)
  li a0, CTX_M
  call plic_claim
  la t0, claimed
  sd a0, 0(t0)
  li t0, UART_BASE
  sb zero, UART_IER(t0)
  la t0, claimed
  ld a1, 0(t0)
  li a0, CTX_M
  call plic_complete
  ld ra, 8(sp)
  addi sp, sp, 16
  ret
