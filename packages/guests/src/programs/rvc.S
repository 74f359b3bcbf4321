# rvc.S: the C extension on RV64 (unprivileged spec chapter 16), every
# compressed instruction written in its explicit c.* form: immediates at
# their edges (c.lui and c.addi16sp sign extension, 6-bit shift amounts,
# c.andi's sign-extended mask, the largest load/store offsets), c.addiw and
# c.addw/c.subw sign extension (on RV64 the c.jal encoding is c.addiw),
# c.jr/c.jalr (link = pc + 2), c.ebreak, HINT encodings that must execute as
# no-ops, and the reserved encodings that must be illegal instructions, with
# their 16 bits in mtval (the all-zero parcel: mtval = 0).

  # GNU ld would relax `la` of addresses near __global_pointer$ into
  # gp-relative forms, but gp is the test number here.
  .option norelax
  .include "prelude.S"

  .data
  .align 4
cdat: .zero 256
  .align 4
frame: .zero 512

# The reserved 16-bit encoding `bits` must be an illegal instruction with mtval = bits.
.macro TEST_RESERVED n, bits
  TRAP_BEGIN \n
  .half \bits
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, \bits
.endm

# The HINT `bits` executes with no effect: no trap, a0 and x0 unchanged.
.macro TEST_HINT n, bits
  TEST \n
  li a0, 0x123456789abcdef0
  TRAP_ARM
  .half \bits
  TRAP_DISARM
  CHECK_TRAP_COUNT 0
  CHECK a0, 0x123456789abcdef0
  CHECK x0, 0
.endm

  .text
  .globl main
main:
  mv s2, sp                     # sp belongs to the stack-pointer forms until the end
  la sp, frame

  # ---- quadrant 0: c.addi4spn, loads and stores with a 3-bit register -----------
  TEST 1
  c.addi4spn a0, sp, 4
  la a4, frame + 4
  CHECK_EQ a0, a4
  c.addi4spn a5, sp, 1020       # the largest immediate
  la a4, frame + 1020
  CHECK_EQ a5, a4
  c.addi4spn s0, sp, 512
  la a4, frame + 512
  CHECK_EQ s0, a4

  TEST 2                        # c.lw sign-extends; offsets up to 124
  la a1, cdat
  li a2, 0x7fffffff80000001
  sd a2, 0(a1)
  sd a2, 120(a1)
  c.lw a0, 0(a1)
  CHECK a0, 0xffffffff80000001
  c.lw a0, 4(a1)
  CHECK a0, 0x000000007fffffff
  c.lw s1, 124(a1)
  CHECK s1, 0x000000007fffffff

  TEST 3                        # c.ld: offsets up to 248
  la a1, cdat
  li a2, 0x8000000000000001
  sd a2, 248(a1)
  c.ld a0, 248(a1)
  CHECK a0, 0x8000000000000001
  c.ld a3, 120(a1)
  CHECK a3, 0x7fffffff80000001

  TEST 4                        # c.sw writes 4 bytes, c.sd 8
  la a1, cdat
  sd zero, 120(a1)
  li a2, 0xfedcba9876543210
  c.sw a2, 124(a1)
  ld a0, 120(a1)
  CHECK a0, 0x7654321000000000
  c.sd a2, 240(a1)
  ld a0, 240(a1)
  CHECK a0, 0xfedcba9876543210
  c.sw a2, 0(a1)
  lwu a0, 0(a1)
  CHECK a0, 0x76543210

  TEST 5                        # c.fld / c.fsd (f8-f15)
  la a1, cdat
  li a2, 0x400921fb54442d18
  sd a2, 248(a1)
  c.fld fa0, 248(a1)
  fmv.x.d a0, fa0
  CHECK a0, 0x400921fb54442d18
  li a2, 0xbff0000000000000
  fmv.d.x fs1, a2
  c.fsd fs1, 8(a1)
  ld a0, 8(a1)
  CHECK a0, 0xbff0000000000000

  # ---- quadrant 1 -------------------------------------------------------------------
  TEST 10                       # c.nop
  li a0, 5
  c.nop
  CHECK a0, 5

  TEST 11                       # c.addi: -32..31, 64-bit wrap-around
  li a0, 0
  c.addi a0, -32
  CHECK a0, 0xffffffffffffffe0
  c.addi a0, 31
  CHECK a0, 0xffffffffffffffff
  li t0, 0x7fffffffffffffff
  c.addi t0, 1
  CHECK t0, 0x8000000000000000

  TEST 12                       # c.addiw: 32-bit result sign-extended (the c.jal slot on RV32)
  li a0, 0x7fffffff
  c.addiw a0, 1
  CHECK a0, 0xffffffff80000000
  li a0, 0x123456789abcdef0
  c.addiw a0, 0                 # sext.w
  CHECK a0, 0xffffffff9abcdef0
  li a0, 0
  c.addiw a0, -1
  CHECK a0, 0xffffffffffffffff
  li s3, 0xffffffff80000000
  c.addiw s3, -32
  CHECK s3, 0x000000007fffffe0
  li a0, 0x0000000100000001
  c.addiw a0, 31
  CHECK a0, 0x0000000000000020

  TEST 13                       # c.li: -32..31 sign-extended
  c.li a0, -32
  CHECK a0, 0xffffffffffffffe0
  c.li t2, 31
  CHECK t2, 31
  c.li a0, -1
  CHECK a0, 0xffffffffffffffff

  TEST 14                       # c.addi16sp: -512..496 in steps of 16
  c.addi16sp sp, -512
  la a4, frame - 512
  CHECK_EQ sp, a4
  c.addi16sp sp, 496
  la a4, frame - 16
  CHECK_EQ sp, a4
  c.addi16sp sp, 16
  la a4, frame
  CHECK_EQ sp, a4

  TEST 15                       # c.lui: nzimm[17:12], bit 17 sign-extends to 64 bits
  c.lui a0, 1
  CHECK a0, 0x1000
  c.lui a0, 31
  CHECK a0, 0x1f000
  c.lui a0, 0xfffe0
  CHECK a0, 0xfffffffffffe0000
  c.lui s3, 0xfffff
  CHECK s3, 0xfffffffffffff000

  TEST 16                       # c.srli: 6-bit shamt, logical
  li a0, 0x8000000000000000
  c.srli a0, 63
  CHECK a0, 1
  li a0, 0xffffffff00000000
  c.srli a0, 32
  CHECK a0, 0x00000000ffffffff
  li a0, 0x8000000000000000
  c.srli a0, 1
  CHECK a0, 0x4000000000000000

  TEST 17                       # c.srai: 6-bit shamt, arithmetic
  li a0, 0x8000000000000000
  c.srai a0, 63
  CHECK a0, 0xffffffffffffffff
  li a0, 0x8000000000000000
  c.srai a0, 32
  CHECK a0, 0xffffffff80000000
  li a5, 0x4000000000000000
  c.srai a5, 62
  CHECK a5, 1

  TEST 18                       # c.andi: sign-extended 6-bit immediate
  li a0, -1
  c.andi a0, -32
  CHECK a0, 0xffffffffffffffe0
  li a0, -1
  c.andi a0, 31
  CHECK a0, 31
  li a0, -1
  c.andi a0, 0
  CHECK a0, 0

  TEST 19                       # c.sub, c.xor, c.or, c.and (64-bit)
  li a0, 0
  li a1, 1
  c.sub a0, a1
  CHECK a0, 0xffffffffffffffff
  li a0, 0xff00ff00ff00ff00
  li a1, 0x0ff00ff00ff00ff0
  c.xor a0, a1
  CHECK a0, 0xf0f0f0f0f0f0f0f0
  li a0, 0xff00ff00ff00ff00
  c.or a0, a1
  CHECK a0, 0xfff0fff0fff0fff0
  li a0, 0xff00ff00ff00ff00
  c.and a0, a1
  CHECK a0, 0x0f000f000f000f00
  CHECK a1, 0x0ff00ff00ff00ff0

  TEST 20                       # c.subw, c.addw: 32-bit results sign-extended, upper source bits ignored
  li a0, 0x80000000
  li a1, 1
  c.subw a0, a1
  CHECK a0, 0x000000007fffffff
  li a0, 0
  li a1, 0x80000000
  c.subw a0, a1
  CHECK a0, 0xffffffff80000000
  li a0, 0x7fffffff
  li a1, 1
  c.addw a0, a1
  CHECK a0, 0xffffffff80000000
  li a0, 0x0000000100000001
  li a1, 0xffffffff00000001
  c.addw a0, a1
  CHECK a0, 2

  TEST 21                       # c.j forwards and backwards
  c.j 3f
  j fail
4:
  c.j 5f
  j fail
3:
  c.j 4b
  j fail
5:

  TEST 22                       # c.beqz / c.bnez look at all 64 bits
  li a0, 0x100000000
  c.beqz a0, 3f
  c.bnez a0, 4f
3:
  j fail
4:
  li a0, 0
  c.bnez a0, 3f
  c.beqz a0, 5f
3:
  j fail
5:

  # ---- quadrant 2 -------------------------------------------------------------------
  TEST 30                       # c.slli: 6-bit shamt, any register
  li a0, 1
  c.slli a0, 63
  CHECK a0, 0x8000000000000000
  li t0, 0xffffffff
  c.slli t0, 32
  CHECK t0, 0xffffffff00000000
  li s3, 3
  c.slli s3, 1
  CHECK s3, 6

  TEST 31                       # c.lwsp (sign-extends, offsets up to 252), c.ldsp (up to 504)
  li a2, 0x80000000ffffffff
  sd a2, 248(sp)
  sd a2, 504(sp)
  c.lwsp a0, 252(sp)
  CHECK a0, 0xffffffff80000000
  c.lwsp t0, 248(sp)
  CHECK t0, 0xffffffffffffffff
  c.ldsp s3, 504(sp)
  CHECK s3, 0x80000000ffffffff
  c.ldsp ra, 248(sp)
  CHECK ra, 0x80000000ffffffff

  TEST 32                       # c.swsp (4 bytes), c.sdsp
  sd zero, 8(sp)
  li t1, 0x1122334455667788
  c.swsp t1, 12(sp)
  ld a0, 8(sp)
  CHECK a0, 0x5566778800000000
  c.sdsp t1, 504(sp)
  ld a0, 504(sp)
  CHECK a0, 0x1122334455667788
  c.swsp t1, 252(sp)
  lwu a0, 252(sp)
  CHECK a0, 0x55667788

  TEST 33                       # c.fldsp / c.fsdsp (any f register)
  li a2, 0x3ff0000000000000
  sd a2, 504(sp)
  c.fldsp ft11, 504(sp)
  fmv.x.d a0, ft11
  CHECK a0, 0x3ff0000000000000
  li a2, 0xc000000000000000
  fmv.d.x ft3, a2
  c.fsdsp ft3, 0(sp)
  ld a0, 0(sp)
  CHECK a0, 0xc000000000000000

  TEST 34                       # c.mv and c.add (any registers, 64-bit wrap-around)
  li a1, 0x8000000000000001
  c.mv a0, a1
  CHECK a0, 0x8000000000000001
  c.mv t0, a1
  CHECK t0, 0x8000000000000001
  c.add a0, a1
  CHECK a0, 2
  li s3, -1
  li t1, 1
  c.add s3, t1
  CHECK s3, 0

  TEST 35                       # c.jr: no link
  li ra, 0x77
  la a5, 3f
  c.jr a5
  j fail
3:
  CHECK ra, 0x77

  TEST 36                       # c.jalr: link = its address + 2
  la a5, 4f
3:
  c.jalr a5
  j fail
4:
  la a4, 3b + 2
  CHECK_EQ ra, a4

  TEST 37                       # c.jalr ra: jumps to the old ra, links the new one
  la ra, 4f
3:
  c.jalr ra
  j fail
4:
  la a4, 3b + 2
  CHECK_EQ ra, a4

  TRAP_BEGIN 38                 # c.ebreak: a breakpoint at its address, 2 bytes long
  c.ebreak
  TRAP_END CAUSE_BREAKPOINT

  # ---- illegal and reserved encodings -----------------------------------------------------
  TRAP_BEGIN 40                 # the all-zero parcel is illegal (and mtval holds its bits: 0)
  .half 0x0000
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0
  TEST_RESERVED 41, 0x0004      # c.addi4spn with nzuimm = 0
  TEST_RESERVED 42, 0x2005      # c.addiw with rd = x0
  TEST_RESERVED 43, 0x6101      # c.addi16sp with nzimm = 0
  TEST_RESERVED 44, 0x6501      # c.lui a0 with nzimm = 0
  TEST_RESERVED 45, 0x4002      # c.lwsp with rd = x0
  TEST_RESERVED 46, 0x6002      # c.ldsp with rd = x0
  TEST_RESERVED 47, 0x8002      # c.jr with rs1 = x0
  TEST_RESERVED 48, 0x8000      # quadrant 0, funct3 = 100
  TEST_RESERVED 49, 0x9d4d      # CA format, funct2 = 10 with bit 12 set

  # ---- HINTs: execute, change nothing (spec 16.7, table 16.3) -------------------------------
  TEST_HINT 50, 0x0005          # c.addi x0, 1 (c.nop with an immediate)
  TEST_HINT 51, 0x0501          # c.addi a0, 0
  TEST_HINT 52, 0x4005          # c.li x0, 1
  TEST_HINT 53, 0x6005          # c.lui x0, 1
  TEST_HINT 54, 0x802a          # c.mv x0, a0
  TEST_HINT 55, 0x902a          # c.add x0, a0
  TEST_HINT 56, 0x0006          # c.slli x0, 1
  TEST_HINT 57, 0x0502          # c.slli a0, 0
  TEST_HINT 58, 0x8101          # c.srli a0, 0
  TEST_HINT 59, 0x8501          # c.srai a0, 0

  mv sp, s2
  PASS
