# hypervisor-guest.S: a small hypervisor in RISC-V assembly (H spec 1.0).
# From HS-mode it builds a G-stage page table (Sv39x4), enters a guest in
# VS-mode with sret (hstatus.SPV = 1), and handles the guest's exits the way
# a real hypervisor does, from the trap state alone:
#   - ecall (cause 10): hypercalls, a7 = function (0: exit, 1: add one to a0);
#   - store/load guest-page faults (23/21) on an emulated MMIO device at guest
#     physical 0x1000_0000: the faulting guest physical address comes from
#     htval and stval, the access (store or load, width, data register) from
#     the transformed instruction in htinst; the instruction is skipped by its
#     length (htinst bit 1: 32 or 16 bits). When htinst is zero (the spec
#     allows it; QEMU 7.2 always writes zero) the hypervisor reads the
#     instruction itself with HLVX.HU, as KVM does.
# The guest also writes a page the G stage maps elsewhere in host memory.
# Then the hypervisor returns to M-mode, which checks what happened.

  .option arch, +h
  .include "prelude.S"

  .equ MSTATUS_MPV, 0x8000000000
  .equ HSTATUS_SPV, 0x80
  .equ HGATP_SV39X4, 0x8000000000000000
  .equ PTE_V, 0x01
  .equ PTE_R, 0x02
  .equ PTE_W, 0x04
  .equ PTE_X, 0x08
  .equ PTE_U, 0x10
  .equ PTE_A, 0x40
  .equ PTE_D, 0x80
  .equ PTE_URWXAD, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D

  # Guest physical memory map.
  .equ GUEST_RAM, 0x80000000     # 2 MiB megapage, identity: the guest runs from this image
  .equ GUEST_PAGE, 0x50000000    # one 4 KiB page, mapped to host `guest_page`
  .equ GUEST_MMIO, 0x10000000    # the emulated device: not mapped, every access exits

  .equ FRAME_SIZE, 256           # x0..x31 of the guest, 8 bytes each

  .data
  .align 14                      # the Sv39x4 root table is 16 KiB, 16 KiB aligned
g_root: .zero 16384
  .align 12
g_level1: .zero 4096             # tables for GPA 0x5000_0000
g_level0: .zero 4096
  .align 12
guest_page: .zero 4096
  .align 3
guest_frame: .zero FRAME_SIZE    # the guest's registers while the hypervisor runs
hv_stack: .zero 1024
hv_stack_top:
hv_saved_sp: .dword 0
hypercalls: .dword 0             # number of hypercalls handled
mmio_stores: .dword 0            # number of emulated stores ...
mmio_last_addr: .dword 0         # ... the last one's guest physical address,
mmio_last_value: .dword 0        # value,
mmio_last_width: .dword 0        # width in bytes,
mmio_last_length: .dword 0       # and instruction length
mmio_loads: .dword 0
htinst_given: .dword 0           # exits whose htinst held the transformed instruction
mmio_register: .dword 0x0000abcd8765fedc   # what an emulated load reads
exit_code: .dword -1
guest_a0: .dword 0

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 0(sp)
  # M-mode: ecalls from VS and guest-page faults go to HS (the hypervisor).
  li a0, (1 << CAUSE_VIRTUAL_SUPERVISOR_ECALL) | (1 << CAUSE_LOAD_GUEST_PAGE_FAULT) | (1 << CAUSE_STORE_GUEST_PAGE_FAULT) | (1 << CAUSE_FETCH_GUEST_PAGE_FAULT)
  csrw medeleg, a0
  la a0, hv_saved_sp
  sd sp, 0(a0)
  TRAP_ARM                       # the hypervisor comes back with an ecall from HS
  TRAP_RESUME back_in_m
  GOTO_S hypervisor

back_in_m:
  TRAP_DISARM
  la a0, hv_saved_sp
  ld sp, 0(a0)
  csrw medeleg, zero
  la a0, s_trap_vector
  csrw stvec, a0
  la a0, s_trap_state
  csrw sscratch, a0

  TEST 1                         # the only trap into M was the hypervisor's final ecall
  CHECK_TRAP_COUNT 1
  CHECK_TRAP_CAUSE CAUSE_SUPERVISOR_ECALL

  TEST 2                         # the guest exited through the hypercall with its code
  la a0, exit_code
  ld a0, 0(a0)
  CHECK a0, 0

  TEST 3                         # two hypercalls: "add one" and "exit"; a0 came back as 42
  la a0, hypercalls
  ld a0, 0(a0)
  CHECK a0, 2
  la a0, guest_a0
  ld a0, 0(a0)
  CHECK a0, 42

  TEST 4                         # two emulated stores; the last: c.sw of 0x12345678 at 0x1000_0004
  la a0, mmio_stores
  ld a0, 0(a0)
  CHECK a0, 2
  la a0, mmio_last_addr
  ld a0, 0(a0)
  CHECK a0, GUEST_MMIO + 4
  la a0, mmio_last_value
  ld a0, 0(a0)
  CHECK a0, 0x12345678
  la a0, mmio_last_width
  ld a0, 0(a0)
  CHECK a0, 4
  la a0, mmio_last_length
  ld a0, 0(a0)
  CHECK a0, 2

  TEST 5                         # one emulated load
  la a0, mmio_loads
  ld a0, 0(a0)
  CHECK a0, 1

  TEST 6                         # the guest's store to GPA 0x5000_0008 landed in guest_page
  la a0, guest_page
  ld a0, 8(a0)
  CHECK a0, 0x5555aaaa

  TEST 9                         # last (QEMU 7.2 writes htinst = 0): every device exit came with htinst
  la a0, htinst_given
  ld a0, 0(a0)
  CHECK a0, 3

  ld ra, 0(sp)
  addi sp, sp, 16
  li a0, 0
  ret

# ---- the hypervisor (HS-mode) --------------------------------------------------------

hypervisor:
  la sp, hv_stack_top
  # G stage: a 1 GiB identity leaf at root index 2 (GPA bits 40:30) maps guest
  # physical 0x8000_0000 to the same host addresses: the image the guest runs from.
  la t0, g_root
  li t1, (GUEST_RAM >> 12) << 10
  ori t1, t1, PTE_URWXAD
  sd t1, 2 * 8(t0)
  # GPA 0x5000_0000: root index 1 -> g_level1, index 128 -> g_level0, index 0 -> guest_page.
  la t2, g_level1
  srli t1, t2, 12
  slli t1, t1, 10
  ori t1, t1, PTE_V
  sd t1, 1 * 8(t0)
  la t3, g_level0
  srli t1, t3, 12
  slli t1, t1, 10
  ori t1, t1, PTE_V
  sd t1, 128 * 8(t2)
  la t4, guest_page
  srli t1, t4, 12
  slli t1, t1, 10
  ori t1, t1, PTE_URWXAD
  sd t1, 0(t3)
  # hgatp = Sv39x4 | root PPN (VMID 0), then fence the G stage.
  srli t1, t0, 12
  li t2, HGATP_SV39X4
  or t1, t1, t2
  csrw hgatp, t1
  hfence.gvma zero, zero
  # The guest: VS-stage translation off, its trap vector, its stack.
  csrw vsatp, zero
  csrw vsstatus, zero
  la t0, guest_trap
  csrw vstvec, t0
  # Exits come here; sscratch points at the frame for the guest's registers.
  la t0, hv_trap
  csrw stvec, t0
  la t0, guest_frame
  csrw sscratch, t0
  # Enter the guest: sret with SPV = 1 and SPP = 1 (VS-mode) at guest_entry.
  li t0, HSTATUS_SPV
  csrs hstatus, t0
  li t0, MSTATUS_SPP
  csrs sstatus, t0
  la t0, guest_entry
  csrw sepc, t0
  la sp, guest_stack_top
  sret

# Every exit from the guest. Saves the guest's registers in guest_frame,
# dispatches on scause, restores, and returns to the guest (or finishes).
  .align 2
hv_trap:
  csrrw sp, sscratch, sp         # sp = frame, sscratch = guest sp
  sd x1, 1 * 8(sp)
  sd x3, 3 * 8(sp)
  sd x4, 4 * 8(sp)
  sd x5, 5 * 8(sp)
  sd x6, 6 * 8(sp)
  sd x7, 7 * 8(sp)
  sd x8, 8 * 8(sp)
  sd x9, 9 * 8(sp)
  sd x10, 10 * 8(sp)
  sd x11, 11 * 8(sp)
  sd x12, 12 * 8(sp)
  sd x13, 13 * 8(sp)
  sd x14, 14 * 8(sp)
  sd x15, 15 * 8(sp)
  sd x16, 16 * 8(sp)
  sd x17, 17 * 8(sp)
  sd x18, 18 * 8(sp)
  sd x19, 19 * 8(sp)
  sd x20, 20 * 8(sp)
  sd x21, 21 * 8(sp)
  sd x22, 22 * 8(sp)
  sd x23, 23 * 8(sp)
  sd x24, 24 * 8(sp)
  sd x25, 25 * 8(sp)
  sd x26, 26 * 8(sp)
  sd x27, 27 * 8(sp)
  sd x28, 28 * 8(sp)
  sd x29, 29 * 8(sp)
  sd x30, 30 * 8(sp)
  sd x31, 31 * 8(sp)
  csrr t0, sscratch
  sd t0, 2 * 8(sp)
  sd zero, 0(sp)                 # frame[0] stays zero: "x0" as a source reads 0
  mv s0, sp                      # s0 = frame
  la sp, hv_stack_top
  csrr t0, scause
  li t1, CAUSE_VIRTUAL_SUPERVISOR_ECALL
  beq t0, t1, hv_hypercall
  li t1, CAUSE_STORE_GUEST_PAGE_FAULT
  beq t0, t1, hv_mmio
  li t1, CAUSE_LOAD_GUEST_PAGE_FAULT
  beq t0, t1, hv_mmio
  j fail                         # nothing else may exit

# a7 = 0: exit with code a0; a7 = 1: a0 += 1.
hv_hypercall:
  la t0, hypercalls
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)
  csrr t0, sepc
  addi t0, t0, 4                 # ecall is 4 bytes
  csrw sepc, t0
  ld t0, 17 * 8(s0)              # a7
  beqz t0, hv_exit
  ld t1, 10 * 8(s0)              # a0 + 1
  addi t1, t1, 1
  sd t1, 10 * 8(s0)
  j hv_resume

hv_exit:
  ld t1, 10 * 8(s0)
  la t0, exit_code
  sd t1, 0(t0)
  ecall                          # back to M-mode (the M handler resumes at back_in_m)
  j fail

# A guest-page fault at the device: decode htinst and emulate the access.
hv_mmio:
  # The guest physical address: htval << 2, low bits from stval (H spec 8.2.8).
  csrr t0, htval
  slli t0, t0, 2
  csrr t1, stval
  andi t1, t1, 3
  or a0, t0, t1                  # a0 = GPA
  li t0, GUEST_MMIO
  sub t0, a0, t0
  li t1, 4096
  bgeu t0, t1, hv_fail           # not the device: a real fault
  csrr a1, htinst                # a1 = transformed instruction
  andi t0, a1, 1
  bnez t0, 5f
  bnez a1, hv_fail               # a pseudo-instruction: an implicit access, not the device's
  jal hv_read_instruction        # htinst = 0: decode the instruction from guest memory
  j 6f
5:
  la t0, htinst_given
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)
6:
  srli a2, a1, 12
  andi a2, a2, 3
  li t0, 1
  sll a2, t0, a2                 # a2 = width (funct3 1:0: 1, 2, 4, 8 bytes)
  andi a3, a1, 2
  addi a3, a3, 2                 # a3 = instruction length: bit 1 set = 32 bits
  ori t0, a1, 2
  andi t0, t0, 0x7f
  li t1, 0x23
  beq t0, t1, hv_mmio_store
  li t1, 0x03
  beq t0, t1, hv_mmio_load
hv_fail:
  j fail

hv_mmio_store:
  srli t0, a1, 20
  andi t0, t0, 31                # rs2
  slli t0, t0, 3
  add t0, t0, s0
  ld t1, 0(t0)                   # the guest's rs2
  li t2, 8
  beq a2, t2, 3f                 # 8 bytes: the whole register
  slli t2, a2, 3
  li t3, 1
  sll t3, t3, t2
  addi t3, t3, -1
  and t1, t1, t3                 # the low `width` bytes
3:
  la t0, mmio_last_addr
  sd a0, 0(t0)
  la t0, mmio_last_value
  sd t1, 0(t0)
  la t0, mmio_last_width
  sd a2, 0(t0)
  la t0, mmio_last_length
  sd a3, 0(t0)
  la t0, mmio_stores
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)
  j hv_skip

hv_mmio_load:
  srli t0, a1, 7
  andi t0, t0, 31                # rd
  beqz t0, 3f
  la t1, mmio_register
  ld t1, 0(t1)                   # (the device answers 64 bits; lw keeps the low 32, sign-extended)
  li t2, 4
  bne a2, t2, 4f
  sext.w t1, t1
4:
  slli t0, t0, 3
  add t0, t0, s0
  sd t1, 0(t0)
3:
  la t0, mmio_loads
  ld t1, 0(t0)
  addi t1, t1, 1
  sd t1, 0(t0)

hv_skip:
  csrr t0, sepc
  add t0, t0, a3
  csrw sepc, t0

hv_resume:
  mv sp, s0
  csrw sscratch, sp              # the frame again, for the next exit
  ld x1, 1 * 8(sp)
  ld x3, 3 * 8(sp)
  ld x4, 4 * 8(sp)
  ld x5, 5 * 8(sp)
  ld x6, 6 * 8(sp)
  ld x7, 7 * 8(sp)
  ld x8, 8 * 8(sp)
  ld x9, 9 * 8(sp)
  ld x10, 10 * 8(sp)
  ld x11, 11 * 8(sp)
  ld x12, 12 * 8(sp)
  ld x13, 13 * 8(sp)
  ld x14, 14 * 8(sp)
  ld x15, 15 * 8(sp)
  ld x16, 16 * 8(sp)
  ld x17, 17 * 8(sp)
  ld x18, 18 * 8(sp)
  ld x19, 19 * 8(sp)
  ld x20, 20 * 8(sp)
  ld x21, 21 * 8(sp)
  ld x22, 22 * 8(sp)
  ld x23, 23 * 8(sp)
  ld x24, 24 * 8(sp)
  ld x25, 25 * 8(sp)
  ld x26, 26 * 8(sp)
  ld x27, 27 * 8(sp)
  ld x28, 28 * 8(sp)
  ld x29, 29 * 8(sp)
  ld x30, 30 * 8(sp)
  ld x31, 31 * 8(sp)
  ld x2, 2 * 8(sp)
  sret                           # hstatus.SPV = 1 again (set by the exit): back to VS

# a1 = the trapping guest instruction at sepc in the form of a transformed
# instruction (the fields used here: opcode with bit 1 = 32-bit origin,
# funct3, rd, rs2), read with HLVX.HU (execute permission, as though VS-mode:
# hstatus.SPVP = 1 after an exit from VS). Handles 32-bit loads and stores
# and c.lw/c.ld/c.sw/c.sd.
hv_read_instruction:
  csrr t0, sepc
  hlvx.hu t1, (t0)
  andi t2, t1, 3
  li t3, 3
  bne t2, t3, 7f
  addi t0, t0, 2
  hlvx.hu t2, (t0)
  slli t2, t2, 16
  or a1, t1, t2
  ret
7:
  bnez t2, hv_fail               # quadrant 0 holds the compressed loads and stores
  srli t3, t1, 13                # funct3: 010 c.lw, 011 c.ld, 110 c.sw, 111 c.sd
  andi t4, t1, 0x1c
  srli t4, t4, 2
  addi t4, t4, 8                 # rd' / rs2'
  andi t5, t3, 4
  andi t3, t3, 3
  slli t3, t3, 12                # lw/ld/sw/sd funct3
  beqz t5, 8f
  slli t4, t4, 20
  or a1, t3, t4
  ori a1, a1, 0x21               # STORE opcode, bit 1 clear: compressed
  ret
8:
  slli t4, t4, 7
  or a1, t3, t4
  ori a1, a1, 0x01               # LOAD opcode, bit 1 clear
  ret

# ---- the guest (VS-mode) ---------------------------------------------------------------

  .align 2
guest_entry:
  li a0, 41
  li a7, 1
  ecall                          # hypercall: a0 = 42
  la t0, guest_a0_gpa
  ld t0, 0(t0)
  sd a0, 0(t0)                   # report a0 (guest RAM is identity-mapped)
  li t0, GUEST_MMIO
  li t1, 0x0badcafe
  sw t1, 0(t0)                   # an emulated 32-bit store
  li s0, GUEST_MMIO
  li s1, 0x12345678
  c.sw s1, 4(s0)                 # a compressed one: htinst bit 1 is 0
  lw a1, 8(s0)                   # an emulated load: a1 = sign-extended 0x8765fedc
  li t2, 0xffffffff8765fedc
  bne a1, t2, guest_fail
  li t0, GUEST_PAGE
  li t1, 0x5555aaaa
  sd t1, 8(t0)                   # ordinary memory, mapped by the G stage
  ld t2, 8(t0)
  bne t1, t2, guest_fail
  li a0, 0
  li a7, 0
  ecall                          # hypercall: exit(0)
guest_fail:
  li a0, 1
  li a7, 0
  ecall

  .align 2
guest_trap:                      # the guest takes no traps of its own
  li a0, 2
  li a7, 0
  ecall

  .data
  .align 3
guest_a0_gpa: .dword guest_a0
guest_stack: .zero 512
guest_stack_top:
