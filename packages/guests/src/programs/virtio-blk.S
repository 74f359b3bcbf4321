# virtio-blk.S: a virtio-blk driver on the virt board's virtio-mmio transport
# (virtio 1.2 sections 2.7 split virtqueues, 4.2.2 MMIO registers, 4.2.3
# initialisation, 5.2 block device), with completions signalled through the
# PLIC. The test attaches one 64 KiB disk whose sector 0 starts with
# "rvhv virtio-blk test disk", with serial "rvhv-disk-0"; afterwards it
# checks that sector 1 holds what this program wrote and that the program
# flushed. Checks: the device sits in the highest slot (QEMU gives the first
# -device slot 7), feature negotiation, capacity, reads, writes read back,
# the used length, flush, get-id, a read past the end (IOERR), and the
# used-buffer interrupt (PLIC source 1 + slot, InterruptStatus bit 0).

  .include "prelude.S"
  .include "virt-board.S"

  .equ VIRTIO_MAGIC, 0x74726976
  .equ VIRTIO_ID_BLOCK, 2
  .equ MMIO_MAGIC, 0x000
  .equ MMIO_VERSION, 0x004
  .equ MMIO_DEVICE_ID, 0x008
  .equ MMIO_DEVICE_FEATURES, 0x010
  .equ MMIO_DEVICE_FEATURES_SEL, 0x014
  .equ MMIO_DRIVER_FEATURES, 0x020
  .equ MMIO_DRIVER_FEATURES_SEL, 0x024
  .equ MMIO_QUEUE_SEL, 0x030
  .equ MMIO_QUEUE_NUM_MAX, 0x034
  .equ MMIO_QUEUE_NUM, 0x038
  .equ MMIO_QUEUE_READY, 0x044
  .equ MMIO_QUEUE_NOTIFY, 0x050
  .equ MMIO_INTERRUPT_STATUS, 0x060
  .equ MMIO_INTERRUPT_ACK, 0x064
  .equ MMIO_STATUS, 0x070
  .equ MMIO_QUEUE_DESC_LOW, 0x080
  .equ MMIO_QUEUE_DESC_HIGH, 0x084
  .equ MMIO_QUEUE_DRIVER_LOW, 0x090
  .equ MMIO_QUEUE_DRIVER_HIGH, 0x094
  .equ MMIO_QUEUE_DEVICE_LOW, 0x0a0
  .equ MMIO_QUEUE_DEVICE_HIGH, 0x0a4
  .equ MMIO_CONFIG, 0x100

  .equ STATUS_ACKNOWLEDGE, 1
  .equ STATUS_DRIVER, 2
  .equ STATUS_DRIVER_OK, 4
  .equ STATUS_FEATURES_OK, 8

  .equ QUEUE_SIZE, 8
  .equ DESC_F_NEXT, 1
  .equ DESC_F_WRITE, 2

  .equ BLK_T_IN, 0
  .equ BLK_T_OUT, 1
  .equ BLK_T_FLUSH, 4
  .equ BLK_T_GET_ID, 8
  .equ BLK_S_OK, 0
  .equ BLK_S_IOERR, 1
  .equ SECTOR, 512
  .equ DISK_SECTORS, 128

  # With data: header, data, status. Without: header, status.
  .equ WITH_DATA, 1
  .equ NO_DATA, 0
  .equ DEVICE_READS, 0
  .equ DEVICE_WRITES, 1

  .data
  .align 3
device_base: .dword 0
device_irq: .dword 0
used_seen: .dword 0
claimed: .dword 0
interrupt_status: .dword 0
signature: .string "rvhv virtio-blk test disk"
  .equ SIGNATURE_LENGTH, 25
serial: .string "rvhv-disk-0"
  .equ SERIAL_LENGTH, 11

  .bss
  .align 12
desc_table: .zero 16 * QUEUE_SIZE
  .align 2
avail_ring: .zero 6 + 2 * QUEUE_SIZE
  .align 2
used_ring: .zero 6 + 8 * QUEUE_SIZE
  .align 4
request_header: .zero 16
request_status: .zero 8
  .align 9
buffer_a: .zero SECTOR
buffer_b: .zero SECTOR

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  call irq_install

  TEST 1                        # the block device answers in the highest slot (the first -device on QEMU)
  li s0, VIRTIO_BASE
  li s1, 0                      # slot
  li s2, VIRTIO_SLOTS
3:
  lw t0, MMIO_MAGIC(s0)
  li t1, VIRTIO_MAGIC
  CHECK_EQ t0, t1
  lw t0, MMIO_VERSION(s0)
  CHECK t0, 2
  lw t0, MMIO_DEVICE_ID(s0)
  li t1, VIRTIO_ID_BLOCK
  beq t0, t1, 4f
  addi s1, s1, 1
  li t0, VIRTIO_SLOT_SIZE
  add s0, s0, t0
  bltu s1, s2, 3b
  j fail
4:
  CHECK s1, VIRTIO_SLOTS - 1
  la t0, device_base
  sd s0, 0(t0)
  addi a0, s1, VIRTIO_FIRST_IRQ
  la t0, device_irq
  sd a0, 0(t0)
  li a1, 1                      # PLIC: the device's source at priority 1 for hart 0 M-mode
  call plic_priority
  li a0, CTX_M
  call plic_disable_all
  la t0, device_irq
  ld a0, 0(t0)
  li a1, CTX_M
  call plic_enable
  li a0, CTX_M
  li a1, 0
  call plic_threshold
  li t0, MIP_MEIP
  csrs mie, t0

  TEST 2                        # initialisation (4.2.3.1): reset, ACKNOWLEDGE, DRIVER, features
  sw zero, MMIO_STATUS(s0)
  lw t0, MMIO_STATUS(s0)
  CHECK t0, 0
  li t0, STATUS_ACKNOWLEDGE
  sw t0, MMIO_STATUS(s0)
  li t0, STATUS_ACKNOWLEDGE | STATUS_DRIVER
  sw t0, MMIO_STATUS(s0)
  li t0, 1                      # feature bits 32..63: VERSION_1 (bit 32) must be offered
  sw t0, MMIO_DEVICE_FEATURES_SEL(s0)
  lw t1, MMIO_DEVICE_FEATURES(s0)
  andi t1, t1, 1
  CHECK t1, 1
  sw zero, MMIO_DRIVER_FEATURES_SEL(s0)
  sw zero, MMIO_DRIVER_FEATURES(s0)
  li t0, 1
  sw t0, MMIO_DRIVER_FEATURES_SEL(s0)
  sw t0, MMIO_DRIVER_FEATURES(s0)
  li t0, STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK
  sw t0, MMIO_STATUS(s0)
  lw t1, MMIO_STATUS(s0)
  andi t1, t1, STATUS_FEATURES_OK
  CHECK t1, STATUS_FEATURES_OK

  TEST 3                        # queue 0: eight entries in this program's memory
  sw zero, MMIO_QUEUE_SEL(s0)
  lw t0, MMIO_QUEUE_NUM_MAX(s0)
  li t1, QUEUE_SIZE
  bgeu t0, t1, 5f
  j fail
5:
  lw t0, MMIO_QUEUE_READY(s0)
  CHECK t0, 0
  li t0, QUEUE_SIZE
  sw t0, MMIO_QUEUE_NUM(s0)
  la t0, desc_table
  sw t0, MMIO_QUEUE_DESC_LOW(s0)
  srli t0, t0, 32
  sw t0, MMIO_QUEUE_DESC_HIGH(s0)
  la t0, avail_ring
  sw t0, MMIO_QUEUE_DRIVER_LOW(s0)
  srli t0, t0, 32
  sw t0, MMIO_QUEUE_DRIVER_HIGH(s0)
  la t0, used_ring
  sw t0, MMIO_QUEUE_DEVICE_LOW(s0)
  srli t0, t0, 32
  sw t0, MMIO_QUEUE_DEVICE_HIGH(s0)
  li t0, 1
  sw t0, MMIO_QUEUE_READY(s0)
  li t0, STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK
  sw t0, MMIO_STATUS(s0)

  TEST 4                        # capacity in 512-byte sectors (config offset 0)
  ld t0, MMIO_CONFIG(s0)
  CHECK t0, DISK_SECTORS

  TEST 5                        # read sector 0: the disk's signature
  li a0, BLK_T_IN
  li a1, 0
  la a2, buffer_a
  li a3, SECTOR
  li a4, WITH_DATA
  li a5, DEVICE_WRITES
  call blk_request
  CHECK a0, BLK_S_OK
  la a0, buffer_a
  la a1, signature
  li a2, SIGNATURE_LENGTH
  call compare
  CHECK a0, 0

  TEST 6                        # the used length counts what the device wrote: the sector and the status byte
  la t0, used_ring
  lw t1, 4 + 4(t0)              # used.ring[0].len
  CHECK t1, SECTOR + 1

  TEST 7                        # the completion came as an interrupt: the device's PLIC source, InterruptStatus = used buffer
  la t0, claimed
  ld a0, 0(t0)
  la t0, device_irq
  ld a1, 0(t0)
  CHECK_EQ a0, a1
  la t0, interrupt_status
  ld a0, 0(t0)
  CHECK a0, 1
  lw a0, MMIO_INTERRUPT_STATUS(s0)   # acknowledged by the handler
  CHECK a0, 0

  TEST 8                        # write sector 1, read it back
  la t0, buffer_a
  li t1, 0
6:
  li t2, 7
  mul t2, t2, t1
  addi t2, t2, 3
  add t3, t0, t1
  sb t2, 0(t3)
  addi t1, t1, 1
  li t2, SECTOR
  bltu t1, t2, 6b
  li a0, BLK_T_OUT
  li a1, 1
  la a2, buffer_a
  li a3, SECTOR
  li a4, WITH_DATA
  li a5, DEVICE_READS
  call blk_request
  CHECK a0, BLK_S_OK
  li a0, BLK_T_IN
  li a1, 1
  la a2, buffer_b
  li a3, SECTOR
  li a4, WITH_DATA
  li a5, DEVICE_WRITES
  call blk_request
  CHECK a0, BLK_S_OK
  la a0, buffer_a
  la a1, buffer_b
  li a2, SECTOR
  call compare
  CHECK a0, 0

  TEST 9                        # flush
  li a0, BLK_T_FLUSH
  li a1, 0
  li a4, NO_DATA
  call blk_request
  CHECK a0, BLK_S_OK

  TEST 10                       # get-id: the serial number
  la t0, buffer_b
  sd zero, 0(t0)
  sd zero, 8(t0)
  sd zero, 16(t0)
  li a0, BLK_T_GET_ID
  li a1, 0
  la a2, buffer_b
  li a3, 20
  li a4, WITH_DATA
  li a5, DEVICE_WRITES
  call blk_request
  CHECK a0, BLK_S_OK
  la a0, buffer_b
  la a1, serial
  li a2, SERIAL_LENGTH + 1      # with the zero after it
  call compare
  CHECK a0, 0

  TEST 11                       # a read past the end of the disk fails with IOERR
  li a0, BLK_T_IN
  li a1, DISK_SECTORS
  la a2, buffer_b
  li a3, SECTOR
  li a4, WITH_DATA
  li a5, DEVICE_WRITES
  call blk_request
  CHECK a0, BLK_S_IOERR

  TEST 12                       # one interrupt per request
  CHECK_IRQ_COUNT 6

  ld ra, 8(sp)
  addi sp, sp, 16
  PASS

# blk_request(a0 = type, a1 = sector, a2 = buffer, a3 = length, a4 = WITH_DATA
# or NO_DATA, a5 = DEVICE_READS or DEVICE_WRITES the buffer) -> a0 = status
# byte. One chain at descriptors 0..2, posted in the next available slot;
# waits (wfi) for the used index to move.
blk_request:
  addi sp, sp, -16
  sd ra, 8(sp)
  la t0, request_header
  sw a0, 0(t0)
  sw zero, 4(t0)
  sd a1, 8(t0)
  la t1, request_status
  li t2, 0xff
  sb t2, 0(t1)
  la t2, desc_table
  sd t0, 0(t2)                  # desc 0: the header, device-readable, then desc 1
  li t3, 16
  sw t3, 8(t2)
  li t3, DESC_F_NEXT
  sh t3, 12(t2)
  li t3, 1
  sh t3, 14(t2)
  beqz a4, 1f
  sd a2, 16(t2)                 # desc 1: the data, then desc 2
  sw a3, 24(t2)
  li t3, DESC_F_NEXT
  beqz a5, 2f
  ori t3, t3, DESC_F_WRITE
2:
  sh t3, 28(t2)
  li t3, 2
  sh t3, 30(t2)
  addi t4, t2, 32               # the status descriptor is desc 2
  j 3f
1:
  addi t4, t2, 16               # no data: the status descriptor is desc 1
3:
  sd t1, 0(t4)
  li t3, 1
  sw t3, 8(t4)
  li t3, DESC_F_WRITE
  sh t3, 12(t4)
  sh zero, 14(t4)
  la t0, avail_ring             # avail.ring[idx % size] = 0, then idx + 1
  lhu t1, 2(t0)
  andi t2, t1, QUEUE_SIZE - 1
  slli t2, t2, 1
  add t2, t2, t0
  sh zero, 4(t2)
  fence rw, rw
  addi t1, t1, 1
  sh t1, 2(t0)
  fence rw, rw
  la t0, irq_count
  ld a6, 0(t0)
  la t0, device_base
  ld t0, 0(t0)
  sw zero, MMIO_QUEUE_NOTIFY(t0)
  # Wait for the completion interrupt. MIE is off while looking and in wfi
  # (which wakes on a pending interrupt anyway), on just long enough to take
  # it: no interrupt can slip between the look and the wfi.
  li t5, 100
4:
  csrci mstatus, MSTATUS_MIE
  la t0, irq_count
  ld t0, 0(t0)
  bne t0, a6, 5f
  wfi
  csrsi mstatus, MSTATUS_MIE
  addi t5, t5, -1
  bnez t5, 4b
  j fail
5:
  la t0, used_ring              # the device used the chain
  lhu t1, 2(t0)
  la t2, used_seen
  ld t3, 0(t2)
  addi t3, t3, 1
  slli t3, t3, 48
  srli t3, t3, 48
  CHECK_EQ t1, t3
  sd t1, 0(t2)
  fence rw, rw
  la t0, request_status
  lbu a0, 0(t0)
  ld ra, 8(sp)
  addi sp, sp, 16
  ret

# compare(a0, a1, a2 = length) -> a0 = 0 when the byte ranges are equal, else 1.
compare:
  beqz a2, 2f
  lbu t0, 0(a0)
  lbu t1, 0(a1)
  bne t0, t1, 1f
  addi a0, a0, 1
  addi a1, a1, 1
  addi a2, a2, -1
  j compare
1:
  li a0, 1
  ret
2:
  li a0, 0
  ret

# irq_service(a0 = mcause): claims the device's source, acknowledges the
# device's interrupt status, completes.
  .globl irq_service
irq_service:
  addi sp, sp, -16
  sd ra, 8(sp)
  li a0, CTX_M
  call plic_claim
  la t0, claimed
  sd a0, 0(t0)
  la t0, device_base
  ld t0, 0(t0)
  lw t1, MMIO_INTERRUPT_STATUS(t0)
  sw t1, MMIO_INTERRUPT_ACK(t0)
  la t2, interrupt_status
  sd t1, 0(t2)
  li a0, CTX_M
  la t0, claimed
  ld a1, 0(t0)
  call plic_complete
  ld ra, 8(sp)
  addi sp, sp, 16
  ret
