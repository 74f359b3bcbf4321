# uart-irq.S: the 16550A UART on the virt board, with interrupts through the
# PLIC (PC16550D data sheet; PLIC spec 1.0.0). Runs on the virt board with
# "rvhv\n" typed on the console before it starts (the test supplies it).
# Checks the reset state of LSR/IIR, output through THR, the receive-data
# interrupt (IIR 0x04) delivered as PLIC source 10 to hart 0's M-mode
# context, draining RBR in the handler, the THR-empty interrupt (raised by
# enabling ETBEI and again by each write to THR, cleared by reading IIR),
# the FIFO bits of IIR, and loopback (a byte written comes back, not out).

  .include "prelude.S"
  .include "virt-board.S"

  .equ INPUT_LENGTH, 5
  .equ MODE_RX, 0
  .equ MODE_THRE, 1

  .data
  .align 3
mode: .dword MODE_RX
claimed: .dword 0
iir_seen: .dword 0
received_len: .dword 0
received: .zero 32
expected_input: .string "rvhv\n"
msg_hello: .string "uart-irq: hello through THR\n"
msg_received: .string "uart-irq: received "

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  call irq_install
  li s0, UART_BASE

  TEST 1                        # LSR: transmitter empty (THRE, TEMT); the typed input is ready (DR)
  lbu a0, UART_LSR(s0)
  andi a0, a0, UART_LSR_DR | UART_LSR_THRE | UART_LSR_TEMT
  CHECK a0, UART_LSR_DR | UART_LSR_THRE | UART_LSR_TEMT

  TEST 2                        # IIR with no interrupt enabled and FIFOs off: 0x01, none pending
  lbu a0, UART_IIR(s0)
  CHECK a0, 0x01

  TEST 3                        # the scratch register keeps what is written
  li a0, 0xa5
  sb a0, UART_SCR(s0)
  lbu a1, UART_SCR(s0)
  CHECK a1, 0xa5

  TEST 4                        # output through THR reaches the console
  la a0, msg_hello
  call uart_puts

  TEST 5                        # PLIC: source 10 at priority 1, enabled for hart 0 M-mode only
  li a0, UART_IRQ
  li a1, 1
  call plic_priority
  li a0, CTX_M
  li a1, 0
  call plic_threshold
  li a0, CTX_M
  call plic_disable_all
  li a0, CTX_S
  call plic_disable_all
  li a0, UART_IRQ
  li a1, CTX_M
  call plic_enable
  li a0, PLIC_PENDING           # the UART's line is low while IER = 0: nothing pending
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 0

  TEST 6                        # receive-data interrupts: the handler drains RBR until the whole line is in
  li a0, UART_IER_ERBFI
  sb a0, UART_IER(s0)
  li t0, MIP_MEIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  li s1, 1000                   # the line is five bytes: a few interrupts at most, never a thousand
3:
  la t0, received_len
  ld t1, 0(t0)
  li t2, INPUT_LENGTH
  bgeu t1, t2, 4f
  addi s1, s1, -1
  bnez s1, 6f
  j fail
6:
  wfi
  j 3b
4:
  csrci mstatus, MSTATUS_MIE

  TEST 7                        # what arrived is what was typed
  la a0, received
  la a1, expected_input
  li a2, INPUT_LENGTH
5:
  lbu t0, 0(a0)
  lbu t1, 0(a1)
  CHECK_EQ t0, t1
  addi a0, a0, 1
  addi a1, a1, 1
  addi a2, a2, -1
  bnez a2, 5b

  TEST 8                        # the handler saw source 10 and IIR = receive data available (FIFOs off)
  la t0, claimed
  ld a0, 0(t0)
  CHECK a0, UART_IRQ
  la t0, iir_seen
  ld a0, 0(t0)
  CHECK a0, 0x04

  TEST 9                        # drained: no data, no interrupt identified, source 10 not pending
  lbu a0, UART_LSR(s0)
  andi a0, a0, UART_LSR_DR
  CHECK a0, 0
  lbu a0, UART_IIR(s0)
  CHECK a0, 0x01
  li a0, PLIC_PENDING
  call plic_read
  andi a0, a0, 1 << UART_IRQ
  CHECK a0, 0

  TEST 10                       # enabling ETBEI while THR is empty raises THRE (IIR 0x02) once
  la t0, mode
  li t1, MODE_THRE
  sd t1, 0(t0)
  la t0, irq_count
  ld s2, 0(t0)
  csrsi mstatus, MSTATUS_MIE
  li a0, UART_IER_ETBEI
  sb a0, UART_IER(s0)
  addi a0, s2, 1
  WAIT_IRQ_COUNT_REG a0
  la t0, iir_seen
  ld a0, 0(t0)
  CHECK a0, 0x02
  li t0, 2000                   # reading IIR in the handler cleared it: no second interrupt
7:
  addi t0, t0, -1
  bnez t0, 7b
  la t0, irq_count
  ld a0, 0(t0)
  addi a1, s2, 1
  CHECK_EQ a0, a1

  TEST 11                       # a write to THR empties it again at once: a new THRE interrupt
  li a0, 0x2e                   # '.'
  sb a0, UART_THR(s0)
  addi a0, s2, 2
  WAIT_IRQ_COUNT_REG a0
  csrci mstatus, MSTATUS_MIE
  sb zero, UART_IER(s0)
  li a0, 0x0a
  sb a0, UART_THR(s0)

  TEST 12                       # FIFOs on: IIR bits 7:6 set
  li a0, 0x01
  sb a0, UART_FCR(s0)
  lbu a0, UART_IIR(s0)
  CHECK a0, 0xc1

  TEST 13                       # loopback: a byte written to THR arrives in RBR and not on the console
  li a0, 0x10                   # MCR.LOOP
  sb a0, UART_MCR(s0)
  li a0, 0x5a                   # 'Z'
  sb a0, UART_THR(s0)
  lbu a0, UART_LSR(s0)
  andi a0, a0, UART_LSR_DR
  CHECK a0, UART_LSR_DR
  lbu a0, UART_RBR(s0)
  CHECK a0, 0x5a
  sb zero, UART_MCR(s0)

  la a0, msg_received
  call uart_puts
  la a0, expected_input
  call uart_puts
  ld ra, 8(sp)
  addi sp, sp, 16
  PASS

# irq_service(a0 = mcause): claims the PLIC source, reads IIR, drains the
# receiver (MODE_RX), completes the source.
  .globl irq_service
irq_service:
  addi sp, sp, -16
  sd ra, 8(sp)
  li t0, IRQ_M_EXT
  CHECK_EQ a0, t0
  li a0, CTX_M
  call plic_claim
  la t0, claimed
  sd a0, 0(t0)
  li t3, UART_BASE
  lbu t4, UART_IIR(t3)
  la t0, iir_seen
  sd t4, 0(t0)
  la t0, mode
  ld t0, 0(t0)
  bnez t0, 2f
  la a2, received
  la a3, received_len
  ld a4, 0(a3)
1:
  lbu t4, UART_LSR(t3)
  andi t4, t4, UART_LSR_DR
  beqz t4, 2f
  lbu t4, UART_RBR(t3)
  li t5, 31
  bgeu a4, t5, 1b               # keep room for the terminating zero; extra bytes are dropped
  add a5, a2, a4
  sb t4, 0(a5)
  addi a4, a4, 1
  sd a4, 0(a3)
  j 1b
2:
  li a0, CTX_M
  la t0, claimed
  ld a1, 0(t0)
  call plic_complete
  ld ra, 8(sp)
  addi sp, sp, 16
  ret
