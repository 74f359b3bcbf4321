# crt0.S: start-up for the project's bare C guests (riscv64-unknown-elf-gcc,
# linked with bare.ld). M-mode, paging off: set gp and sp, turn the FPU on,
# clear .bss, run main, and report main's return value through HTIF
# (0 = pass). Any trap ends the program with code 1000 + mcause.

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top
  la t0, trap
  csrw mtvec, t0
  li t0, 0x2000                 # mstatus.FS = Initial
  csrs mstatus, t0
  csrwi fcsr, 0
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
2:
  call main
  j rvhv_exit

  .align 2
trap:
  csrr a0, mcause
  addi a0, a0, 1000
  j rvhv_exit
