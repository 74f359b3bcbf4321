# virt-board.S: what the device test programs share (included after
# prelude.S). They run on the `virt` board (runOnVirt in @rvhv/machine, or
# `rvhv -M virt -bios prog.elf`), not on the bare runner: the devices are at
# QEMU's addresses (hw/riscv/virt.c) and the result still goes through HTIF.
#
# Provides the device addresses and register offsets, and an M-mode
# interrupt vector: `irq_install` points mtvec at it. On an interrupt it
# saves the caller-saved registers on its own stack and calls the program's
# `irq_service` with a0 = mcause (the service must quiet the source before
# it returns); it counts interrupts in `irq_count` and keeps the last cause
# in `irq_last_cause`. An exception while it is installed is a failure of
# the current test.

  .equ UART_BASE, 0x10000000
  .equ UART_RBR, 0
  .equ UART_THR, 0
  .equ UART_IER, 1
  .equ UART_IIR, 2
  .equ UART_FCR, 2
  .equ UART_LCR, 3
  .equ UART_MCR, 4
  .equ UART_LSR, 5
  .equ UART_SCR, 7
  .equ UART_IER_ERBFI, 0x01
  .equ UART_IER_ETBEI, 0x02
  .equ UART_LSR_DR, 0x01
  .equ UART_LSR_THRE, 0x20
  .equ UART_LSR_TEMT, 0x40
  .equ UART_IRQ, 10

  .equ PLIC_BASE, 0x0c000000
  .equ PLIC_PENDING, 0x1000
  .equ PLIC_ENABLE, 0x2000
  .equ PLIC_ENABLE_STRIDE, 0x80
  .equ PLIC_CONTEXT, 0x200000
  .equ PLIC_CONTEXT_STRIDE, 0x1000
  .equ PLIC_CLAIM, 4
  # Hart 0's contexts: M-mode (MEIP) and S-mode (SEIP).
  .equ CTX_M, 0
  .equ CTX_S, 1

  .equ CLINT_BASE, 0x02000000
  .equ CLINT_MSIP, 0x0
  .equ CLINT_MTIMECMP, 0x4000
  .equ CLINT_MTIME, 0xbff8

  .equ RTC_BASE, 0x101000
  .equ RTC_TIME_LOW, 0x00
  .equ RTC_TIME_HIGH, 0x04
  .equ RTC_ALARM_LOW, 0x08
  .equ RTC_ALARM_HIGH, 0x0c
  .equ RTC_IRQ_ENABLED, 0x10
  .equ RTC_CLEAR_ALARM, 0x14
  .equ RTC_ALARM_STATUS, 0x18
  .equ RTC_CLEAR_INTERRUPT, 0x1c
  .equ RTC_IRQ, 11

  .equ VIRTIO_BASE, 0x10001000
  .equ VIRTIO_SLOT_SIZE, 0x1000
  .equ VIRTIO_SLOTS, 8
  .equ VIRTIO_FIRST_IRQ, 1

  # mcause of the interrupts (interrupt bit 63 set), and mie/mip bits.
  .equ IRQ_M_SOFT, 0x8000000000000003
  .equ IRQ_M_TIMER, 0x8000000000000007
  .equ IRQ_M_EXT, 0x800000000000000b
  .equ MIP_SSIP, 0x2
  .equ MIP_MSIP, 0x8
  .equ MIP_STIP, 0x20
  .equ MIP_MTIP, 0x80
  .equ MIP_SEIP, 0x200
  .equ MIP_MEIP, 0x800

  .data
  .align 3
  .globl irq_count
irq_count: .dword 0
  .globl irq_last_cause
irq_last_cause: .dword 0
msg_exception: .string "exception while interrupts were under test: mcause "
msg_at: .string ", mepc "

  .bss
  .align 4
irq_stack: .zero 2048
irq_stack_top:

  .text
# irq_install: mtvec = irq_vector (direct mode), mscratch = the vector's stack.
  .globl irq_install
irq_install:
  la t0, irq_vector
  csrw mtvec, t0
  la t0, irq_stack_top
  csrw mscratch, t0
  ret

  .align 2
irq_vector:
  csrrw sp, mscratch, sp
  addi sp, sp, -136
  sd ra, 0(sp)
  sd t0, 8(sp)
  sd t1, 16(sp)
  sd t2, 24(sp)
  sd t3, 32(sp)
  sd t4, 40(sp)
  sd t5, 48(sp)
  sd t6, 56(sp)
  sd a0, 64(sp)
  sd a1, 72(sp)
  sd a2, 80(sp)
  sd a3, 88(sp)
  sd a4, 96(sp)
  sd a5, 104(sp)
  sd a6, 112(sp)
  sd a7, 120(sp)
  csrr a0, mcause
  bgez a0, irq_exception
  la t0, irq_last_cause
  sd a0, 0(t0)
  la t0, irq_count
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)
  call irq_service
  ld ra, 0(sp)
  ld t0, 8(sp)
  ld t1, 16(sp)
  ld t2, 24(sp)
  ld t3, 32(sp)
  ld t4, 40(sp)
  ld t5, 48(sp)
  ld t6, 56(sp)
  ld a0, 64(sp)
  ld a1, 72(sp)
  ld a2, 80(sp)
  ld a3, 88(sp)
  ld a4, 96(sp)
  ld a5, 104(sp)
  ld a6, 112(sp)
  ld a7, 120(sp)
  addi sp, sp, 136
  csrrw sp, mscratch, sp
  mret

irq_exception:
  la a0, msg_exception
  call puts
  csrr a0, mcause
  call print_dec
  la a0, msg_at
  call puts
  csrr a0, mepc
  call print_hex
  la a0, msg_newline
  call puts
  j fail

# Reads a 32-bit PLIC register at offset a0.
  .globl plic_read
plic_read:
  li t0, PLIC_BASE
  add t0, t0, a0
  lw a0, 0(t0)
  ret

# Writes a1 to the 32-bit PLIC register at offset a0.
  .globl plic_write
plic_write:
  li t0, PLIC_BASE
  add t0, t0, a0
  sw a1, 0(t0)
  ret

# plic_enable(a0 = source, a1 = context): sets the source's enable bit for the context.
  .globl plic_enable
plic_enable:
  li t0, PLIC_BASE + PLIC_ENABLE
  li t1, PLIC_ENABLE_STRIDE
  mul t1, t1, a1
  add t0, t0, t1
  srli t1, a0, 5
  slli t1, t1, 2
  add t0, t0, t1
  andi t1, a0, 31
  li t2, 1
  sll t2, t2, t1
  lw t1, 0(t0)
  or t1, t1, t2
  sw t1, 0(t0)
  ret

# plic_disable_all(a0 = context): clears every enable bit of the context (sources 0..95).
  .globl plic_disable_all
plic_disable_all:
  li t0, PLIC_BASE + PLIC_ENABLE
  li t1, PLIC_ENABLE_STRIDE
  mul t1, t1, a0
  add t0, t0, t1
  sw zero, 0(t0)
  sw zero, 4(t0)
  sw zero, 8(t0)
  ret

# plic_claim(a0 = context) -> a0 = source (0 when none).
  .globl plic_claim
plic_claim:
  li t0, PLIC_BASE + PLIC_CONTEXT + PLIC_CLAIM
  li t1, PLIC_CONTEXT_STRIDE
  mul t1, t1, a0
  add t0, t0, t1
  lw a0, 0(t0)
  ret

# plic_complete(a0 = context, a1 = source).
  .globl plic_complete
plic_complete:
  li t0, PLIC_BASE + PLIC_CONTEXT + PLIC_CLAIM
  li t1, PLIC_CONTEXT_STRIDE
  mul t1, t1, a0
  add t0, t0, t1
  sw a1, 0(t0)
  ret

# plic_threshold(a0 = context, a1 = threshold).
  .globl plic_threshold
plic_threshold:
  li t0, PLIC_BASE + PLIC_CONTEXT
  li t1, PLIC_CONTEXT_STRIDE
  mul t1, t1, a0
  add t0, t0, t1
  sw a1, 0(t0)
  ret

# plic_priority(a0 = source, a1 = priority).
  .globl plic_priority
plic_priority:
  li t0, PLIC_BASE
  slli t1, a0, 2
  add t0, t0, t1
  sw a1, 0(t0)
  ret

# uart_puts(a0): a NUL-terminated string through the UART's THR (polling LSR.THRE).
  .globl uart_puts
uart_puts:
  li t0, UART_BASE
1:
  lbu t1, 0(a0)
  beqz t1, 3f
2:
  lbu t2, UART_LSR(t0)
  andi t2, t2, UART_LSR_THRE
  beqz t2, 2b
  sb t1, UART_THR(t0)
  addi a0, a0, 1
  j 1b
3:
  ret

# Waits (at most about 100 000 iterations) until irq_count reaches `count`;
# fails the current test if it does not. Interrupts are taken between
# instructions at the hart's own pace, so a test polls rather than assumes.
.macro WAIT_IRQ_COUNT count
  li t5, 100000
1:
  la t6, irq_count
  ld t6, 0(t6)
  addi t6, t6, -\count
  bgez t6, 2f
  addi t5, t5, -1
  bnez t5, 1b
  j fail
2:
.endm

# Fails the current test unless irq_count is exactly `count`.
.macro CHECK_IRQ_COUNT count
  la t6, irq_count
  ld t6, 0(t6)
  CHECK t6, \count
.endm

# As WAIT_IRQ_COUNT, with the count in a register (not t5/t6).
.macro WAIT_IRQ_COUNT_REG reg
  li t5, 100000
1:
  la t6, irq_count
  ld t6, 0(t6)
  bgeu t6, \reg, 2f
  addi t5, t5, -1
  bnez t5, 1b
  j fail
2:
.endm

# reg &= mask, for masks beyond andi's 12-bit immediate (uses t6).
.macro MASK reg, mask
  li t6, \mask
  and \reg, \reg, t6
.endm
