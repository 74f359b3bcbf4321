# hello.S: the built-in demo (`rvhv` with no arguments). Greets through the
# HTIF console, sums the primes below 1000 by trial division, prints the sum
# and passes if it is right.

  .include "prelude.S"

  .equ LIMIT, 1000
  .equ EXPECTED_SUM, 76127

  .data
greeting: .string "Hello from rvhv, a RISC-V hart in TypeScript!\n"
sum_text: .string "The sum of the primes below 1000 is "

  .text
  .globl main
main:
  addi sp, sp, -16
  sd ra, 8(sp)
  la a0, greeting
  call puts

  # s0 = candidate, s1 = sum of the primes found so far
  li s0, 2
  li s1, 0
  li s2, LIMIT
next_candidate:
  li t0, 2                      # trial divisor
try_divisor:
  mul t1, t0, t0
  bgtu t1, s0, is_prime         # no divisor up to sqrt(candidate)
  remu t1, s0, t0
  beqz t1, not_prime
  addi t0, t0, 1
  j try_divisor
is_prime:
  add s1, s1, s0
not_prime:
  addi s0, s0, 1
  bltu s0, s2, next_candidate

  la a0, sum_text
  call puts
  mv a0, s1
  call print_dec
  li a0, '.'
  call putchar
  li a0, '\n'
  call putchar

  TEST 1
  CHECK s1, EXPECTED_SUM
  ld ra, 8(sp)
  addi sp, sp, 16
  li a0, 0
  ret
