# timer-irq.S: the CLINT on the virt board (SiFive CLINT / ACLINT 1.0 MSWI and
# MTIMER; privileged spec 3.1.9 and 3.2.1) and the Sstc supervisor timer.
# Checks that mtime advances and the time CSR follows it, mtimecmp and
# mtime accesses (64-bit and by halves), the machine timer interrupt (taken
# through mtvec, quieted by moving mtimecmp), WFI waking on a pending timer
# with interrupts globally off (the board must idle until the deadline, not
# give up), msip and the machine software interrupt, and stimecmp raising
# STIP. Interrupt deadlines are ~1 ms away: the board skips idle time.

  .include "prelude.S"
  .include "virt-board.S"

  .equ DEADLINE_TICKS, 10000    # 1 ms of the 10 MHz timebase
  .equ MENVCFG_STCE, 0x8000000000000000

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  call irq_install
  li s0, CLINT_BASE
  li s1, CLINT_BASE + CLINT_MTIME
  li s2, CLINT_BASE + CLINT_MTIMECMP

  TEST 1                        # mtime advances
  ld a0, 0(s1)
  li t0, 1000
3:
  addi t0, t0, -1
  bnez t0, 3b
  ld a1, 0(s1)
  bltu a0, a1, 4f
  j fail
4:

  TEST 2                        # the time CSR reads mtime: mtime <= time <= mtime, read in that order
  ld a0, 0(s1)
  rdtime a1
  ld a2, 0(s1)
  bltu a1, a0, fail_far
  bltu a2, a1, fail_far

  TEST 3                        # mtimecmp holds 64 bits, readable and writable by halves
  li a0, 0x123456789abcdef0
  sd a0, 0(s2)
  ld a1, 0(s2)
  CHECK a1, 0x123456789abcdef0
  lwu a1, 4(s2)
  CHECK a1, 0x12345678
  li a0, 0x0badcafe
  sw a0, 0(s2)
  ld a1, 0(s2)
  CHECK a1, 0x123456780badcafe
  li a0, -1
  sd a0, 0(s2)

  TEST 4                        # no timer interrupt is pending while mtime < mtimecmp
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  CHECK a0, 0

  TEST 5                        # the machine timer interrupt: mcause 7, at or after the deadline
  ld s3, 0(s1)
  li t0, DEADLINE_TICKS
  add s3, s3, t0
  sd s3, 0(s2)
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  CHECK a0, 0
  li t0, MIP_MTIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  li s4, 100                    # wfi may return early (the spec allows it): wait again, a bounded number of times
5:
  wfi
  la t0, irq_count
  ld t0, 0(t0)
  bnez t0, 6f
  addi s4, s4, -1
  bnez s4, 5b
  j fail
6:
  csrci mstatus, MSTATUS_MIE
  CHECK_IRQ_COUNT 1
  la t0, irq_last_cause
  ld a0, 0(t0)
  CHECK a0, IRQ_M_TIMER
  ld a0, 0(s1)
  bltu a0, s3, fail_far
  csrr a0, mip                  # the handler moved mtimecmp away: MTIP is low again
  andi a0, a0, MIP_MTIP
  CHECK a0, 0

  TEST 6                        # wfi with MIE = 0 still waits for the enabled timer and resumes without a trap
  ld s3, 0(s1)
  li t0, DEADLINE_TICKS
  add s3, s3, t0
  sd s3, 0(s2)
  li s4, 100
7:
  wfi
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 8f
  addi s4, s4, -1
  bnez s4, 7b
  j fail
8:
  CHECK_IRQ_COUNT 1
  ld a0, 0(s1)
  bltu a0, s3, fail_far
  li a0, -1
  sd a0, 0(s2)
  li t0, MIP_MTIP
  csrc mie, t0

  TEST 7                        # msip: bit 0 only, drives mip.MSIP
  li a0, -1
  sw a0, CLINT_MSIP(s0)
  lw a1, CLINT_MSIP(s0)
  CHECK a1, 1
  csrr a0, mip
  andi a0, a0, MIP_MSIP
  CHECK a0, MIP_MSIP

  TEST 8                        # the machine software interrupt: mcause 3; the handler clears msip
  li t0, MIP_MSIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  WAIT_IRQ_COUNT 2
  csrci mstatus, MSTATUS_MIE
  la t0, irq_last_cause
  ld a0, 0(t0)
  CHECK a0, IRQ_M_SOFT
  csrr a0, mip
  andi a0, a0, MIP_MSIP
  CHECK a0, 0
  li t0, MIP_MSIP
  csrc mie, t0

  TEST 9                        # mtime is writable: it goes on counting from the value written
  li a0, 0x100000000
  sd a0, 0(s1)
  ld a1, 0(s1)
  bltu a1, a0, fail_far
  li t0, 0x100100000
  bgeu a1, t0, fail_far

  TEST 10                       # Sstc: stimecmp raises STIP once time reaches it; wfi waits for it
  li t0, MENVCFG_STCE
  csrs menvcfg, t0
  rdtime s3
  li t0, DEADLINE_TICKS
  add s3, s3, t0
  csrw stimecmp, s3
  csrr a0, mip
  andi a0, a0, MIP_STIP
  CHECK a0, 0
  li t0, MIP_STIP
  csrs mie, t0
  li s4, 100
9:
  wfi
  csrr a0, mip
  andi a0, a0, MIP_STIP
  bnez a0, 10f
  addi s4, s4, -1
  bnez s4, 9b
  j fail
10:
  rdtime a0
  bltu a0, s3, fail_far
  li t0, -1
  csrw stimecmp, t0
  csrr a0, mip
  andi a0, a0, MIP_STIP
  CHECK a0, 0
  CHECK_IRQ_COUNT 2

  ld ra, 8(sp)
  addi sp, sp, 16
  PASS

fail_far:
  j fail

# irq_service(a0 = mcause): the timer moves mtimecmp away, the software interrupt clears msip.
  .globl irq_service
irq_service:
  li t0, IRQ_M_TIMER
  bne a0, t0, 1f
  li t0, CLINT_BASE + CLINT_MTIMECMP
  li t1, -1
  sd t1, 0(t0)
  ret
1:
  li t0, IRQ_M_SOFT
  bne a0, t0, fail_far
  li t0, CLINT_BASE
  sw zero, CLINT_MSIP(t0)
  ret
