# enter-mode.S: puts the bare build of cpu-loops.c into S-mode with Sv39
# paging, or into VS-mode with two-stage translation (Sv39 over Sv39x4),
# before it runs its kernel: the S-mode and VS-mode variants of `pnpm bench`.
#
# Both stages map the first 2 MiB of RAM (the whole program: code, data,
# stack, the HTIF mailbox) one to one, with 4 KiB pages, so every access
# goes through a TLB entry of its own page, as user code under Linux does.
# Nothing is delegated: a trap still ends in crt0's M-mode handler (exit
# code 1000 + mcause).
#
# void bench_enter_mode(long mode): mode 1 = S (satp Sv39), mode 2 = VS
# (vsatp Sv39, hgatp Sv39x4). Returns to its caller in that mode.

  .option arch, +h

  .equ RAM_BASE, 0x80000000
  .equ PTE_V, 0x01
  .equ PTE_RWX, 0x0e
  .equ PTE_U, 0x10
  .equ PTE_AD, 0xc0
  .equ SATP_SV39, 8                 # MODE field value (bits 63:60) of satp/vsatp (Sv39) and hgatp (Sv39x4)
  .equ MSTATUS_MPP, 0x1800
  .equ MSTATUS_MPP_S, 0x0800
  .equ MSTATUS_FS_INITIAL, 0x2000
  .equ MSTATUS_MPV_BIT, 39
  .equ PMP_NAPOT_RWX, 0x1f

  .section .bss
  .align 14                         # an Sv39x4 root table is 16 KiB and 16 KiB aligned
g_root: .zero 16384
g_l1: .zero 4096
g_l0: .zero 4096
s_root: .zero 4096
s_l1: .zero 4096
s_l0: .zero 4096

  .text
  .globl bench_enter_mode
bench_enter_mode:
  mv t5, a0
  mv t6, ra
  # PMP: with entries implemented, an S/U access no entry matches fails; one NAPOT entry grants everything.
  li t0, -1
  csrw pmpaddr0, t0
  li t0, PMP_NAPOT_RWX
  csrw pmpcfg0, t0
  # The first stage (satp or vsatp): supervisor pages, RWX.
  la a0, s_root
  la a1, s_l1
  la a2, s_l0
  li a3, PTE_V | PTE_RWX | PTE_AD
  call build_identity
  la t0, s_root
  srli t0, t0, 12
  li t1, SATP_SV39
  slli t1, t1, 60
  or t0, t0, t1                     # t0 = the atp value of the first stage
  li t1, 2
  beq t5, t1, 1f

  csrw satp, t0
  sfence.vma
  li t1, MSTATUS_MPP
  csrc mstatus, t1
  li t1, MSTATUS_MPP_S
  csrs mstatus, t1
  csrw mepc, t6
  mret

1:
  # VS-mode: the same first-stage tables in vsatp, a G stage (U pages: every G-stage access is a U access).
  csrw vsatp, t0
  la a0, g_root
  la a1, g_l1
  la a2, g_l0
  li a3, PTE_V | PTE_RWX | PTE_U | PTE_AD
  call build_identity
  la t0, g_root
  srli t0, t0, 12
  li t1, SATP_SV39
  slli t1, t1, 60
  or t0, t0, t1
  csrw hgatp, t0
  hfence.gvma
  li t1, MSTATUS_FS_INITIAL
  csrs vsstatus, t1
  li t1, MSTATUS_MPP
  csrc mstatus, t1
  li t1, 1
  slli t1, t1, MSTATUS_MPV_BIT
  csrs mstatus, t1
  li t1, MSTATUS_MPP_S
  csrs mstatus, t1
  csrw mepc, t6
  mret

# build_identity(root a0, level 1 a1, level 0 a2, leaf flags a3): maps
# [RAM_BASE, RAM_BASE + 2 MiB) to itself with 4 KiB pages. RAM_BASE's index
# is 2 in the root (VPN[2], or GPA bits 40:30 for an Sv39x4 root) and 0 in
# level 1.
build_identity:
  srli t0, a1, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V
  sd t0, 16(a0)                     # root[2] -> level 1
  srli t0, a2, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V
  sd t0, 0(a1)                      # level1[0] -> level 0
  li t0, RAM_BASE >> 12             # physical page number
  li t1, 512
  mv t2, a2
2:
  slli t3, t0, 10
  or t3, t3, a3
  sd t3, 0(t2)
  addi t0, t0, 1
  addi t2, t2, 8
  addi t1, t1, -1
  bnez t1, 2b
  ret
