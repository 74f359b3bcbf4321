# cpu-loops.S: the fallback of `pnpm bench` when riscv64-unknown-elf-gcc is
# not installed: the loops of cpu-loops.c by hand, assembled by the
# project's own assembler. bench/run.ts prepends `.equ KERNEL, k` and
# `.equ ITERATIONS, n`; the program prints its checksum in hex.

  .include "prelude.S"

  .data
  .align 3
table: .zero 4096
one: .double 1.0
r: .double 3.99
x0: .double 0.3
decay: .double 0.999999
tiny: .double 1e-7

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  li t0, KERNEL
  li t1, 2
  beq t0, t1, float_kernel

integer_kernel:                 # xorshift64, table updates, branches
  li a0, 88172645463325252      # x
  li a1, 0                      # acc
  li a2, 0                      # i
  li a3, ITERATIONS
  la a4, table
3:
  slli t0, a0, 13
  xor a0, a0, t0
  srli t0, a0, 7
  xor a0, a0, t0
  slli t0, a0, 17
  xor a0, a0, t0
  andi t1, a0, 1023             # j
  slli t2, t1, 2
  add t2, t2, a4
  lw t3, 0(t2)
  srli t4, a0, 32
  addw t3, t3, t4
  sw t3, 0(t2)
  slli t2, t1, 3                # (j * 7) & 1023
  sub t2, t2, t1
  andi t2, t2, 1023
  slli t2, t2, 2
  add t2, t2, a4
  lwu t3, 0(t2)
  srli t4, a1, 3
  xor t3, t3, t4
  add a1, a1, t3
  andi t4, a1, 1
  beqz t4, 4f
  slli t4, a2, 1
  add t4, t4, a2
  add a1, a1, t4
4:
  addi a2, a2, 1
  blt a2, a3, 3b
  mv a0, a1
  j done

float_kernel:                   # logistic map, divide, square root
  la t0, one
  fld ft0, 0(t0)                # 1.0
  fld ft1, 8(t0)                # 3.99
  fld fa0, 16(t0)               # x
  fld ft2, 24(t0)               # 0.999999
  fld ft3, 32(t0)               # 1e-7
  fmv.d.x fa1, zero             # sum
  fmv.d ft4, ft0                # damp
  li a2, 0
  li a3, ITERATIONS
3:
  fmul.d ft5, ft1, fa0
  fsub.d ft6, ft0, fa0
  fmul.d fa0, ft5, ft6
  fadd.d ft5, ft0, ft4
  fdiv.d ft5, fa0, ft5
  fadd.d ft6, fa0, ft4
  fsqrt.d ft6, ft6
  fadd.d ft5, ft5, ft6
  fadd.d fa1, fa1, ft5
  fmadd.d ft4, ft4, ft2, ft3
  addi a2, a2, 1
  blt a2, a3, 3b
  fmv.x.d a0, fa1

done:
  call print_hex
  li a0, '\n'
  call putchar
  ld ra, 8(sp)
  addi sp, sp, 16
  li a0, 0
  ret
