# nan-boxing.S: singles in the 64-bit f registers of a hart with D
# (unprivileged spec, "NaN Boxing of Narrower Values"), and the float
# loads, stores and moves. Transfers move bits unchanged and raise no flag:
# flw and fmv.w.x NaN-box (upper 32 bits all ones), fsw and fmv.x.w take the
# low 32 bits whatever the upper ones hold (fmv.x.w sign-extends them),
# fld/fsd/fmv.x.d/fmv.d.x move 64 bits, signalling NaN payloads included.
# Every other single-precision instruction (arithmetic, sign injection,
# min/max, comparisons, fclass, conversions) reads an operand that is not
# properly boxed as the canonical NaN 0x7fc00000. Also the compressed
# c.fld/c.fsd/c.fldsp/c.fsdsp.

  .include "prelude.S"
  .include "float-macros.S"

# inst fa0, fa1, fa2 with fa1 = the 64-bit pattern `bad` (not a proper box) and fa2 = the single b.
.macro TEST_UNBOXED_RR n, inst, expected, flags, bad, b
  TEST \n
  FLI_D fa1, \bad
  FLI_S fa2, \b
  csrwi fflags, 0
  \inst fa0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# The same with the improperly boxed operand second: inst fa0, fa2, fa1.
.macro TEST_UNBOXED_RR_SECOND n, inst, expected, flags, bad, a
  TEST \n
  FLI_D fa1, \bad
  FLI_S fa2, \a
  csrwi fflags, 0
  \inst fa0, fa2, fa1
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# Integer results (comparisons): inst a0, fa1, fa2.
.macro TEST_UNBOXED_CMP n, inst, expected, flags, bad, b
  TEST \n
  FLI_D fa1, \bad
  FLI_S fa2, \b
  csrwi fflags, 0
  \inst a0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK a0, \expected
.endm

  .data
  .align 4
words:
  .dword 0x123456787f800001     # flw reads the low word: a signalling NaN
  .dword 0x7ff0000000000001     # a signalling double
  .dword 0
  .dword 0
compressed_data:
  .dword 0x400921fb54442d18
  .dword 0
  .dword 0
  .dword 0

  .text
  .globl main
main:
  # ---- loads and stores -------------------------------------------------------

  TEST 1                        # flw boxes the word it loads; no canonicalization, no flag
  la a1, words
  csrwi fflags, 0
  flw ft0, 0(a1)
  CHECK_FFLAGS 0
  CHECK_FREG_S ft0, 0x7f800001

  TEST 2                        # fld keeps a signalling NaN payload
  fld ft1, 8(a1)
  CHECK_FFLAGS 0
  CHECK_FREG_D ft1, 0x7ff0000000000001

  TEST 3                        # fsw stores the low 32 bits of a register that is not a proper box
  li t0, -1
  sd t0, 16(a1)
  FLI_D ft2, 0x123456789abcdef0
  fsw ft2, 16(a1)
  ld a0, 16(a1)
  CHECK a0, 0xffffffff9abcdef0

  TEST 4                        # fsw of a boxed signalling NaN: the same bits
  fsw ft0, 20(a1)
  lwu a0, 20(a1)
  CHECK a0, 0x7f800001
  CHECK_FFLAGS 0

  TEST 5                        # fsd stores all 64 bits, payload included
  FLI_D ft3, 0xfff0000000000123
  fsd ft3, 24(a1)
  ld a0, 24(a1)
  CHECK a0, 0xfff0000000000123

  TEST 6                        # flw then fsw of the same single, then fld of the 8 bytes
  flw ft4, 0(a1)
  fsw ft4, 24(a1)
  fld ft5, 24(a1)
  CHECK_FREG_D ft5, 0xfff000007f800001

  # ---- moves between register files ---------------------------------------------

  TEST 7                        # fmv.x.w sign-extends the low 32 bits, boxed or not
  FLI_D ft0, 0x123456788abcdef0
  fmv.x.w a0, ft0
  CHECK a0, 0xffffffff8abcdef0
  TEST 8
  FLI_S ft0, 0x7fa00000
  fmv.x.w a0, ft0
  CHECK a0, 0x7fa00000

  TEST 9                        # fmv.w.x boxes the low 32 bits of rs1
  li a1, 0x123456787fa00000
  fmv.w.x ft0, a1
  CHECK_FREG_S ft0, 0x7fa00000

  TEST 10                       # fmv.d.x and fmv.x.d: 64 bits either way
  li a1, 0x7ff4000000000001
  fmv.d.x ft0, a1
  fmv.x.d a0, ft0
  CHECK a0, 0x7ff4000000000001
  CHECK_FFLAGS 0

  TEST 11                       # fmv.d (fsgnj.d) moves a boxed single as the 64 bits it is
  FLI_S ft1, 0x7f800001
  fmv.d ft2, ft1
  CHECK_FREG_D ft2, 0xffffffff7f800001

  TEST 12                       # fmv.s (fsgnj.s) of a boxed signalling NaN: not canonicalized
  fmv.s ft3, ft1
  CHECK_FREG_S ft3, 0x7f800001
  CHECK_FFLAGS 0

  TEST 13                       # fneg.s / fabs.s of a boxed single: only the sign bit changes
  fneg.s ft3, ft1
  CHECK_FREG_S ft3, 0xff800001
  fabs.s ft3, ft3
  CHECK_FREG_S ft3, 0x7f800001

  # ---- improperly boxed operands read as the canonical NaN -----------------------
  # 0x000000003f800000 and 0xfffffffe3f800000 hold 1.0 in the low half, but
  # the upper half is not all ones.

  TEST_UNBOXED_RR 20, fadd.s, 0x7fc00000, 0, 0x000000003f800000, 0x3f800000
  TEST_UNBOXED_RR 21, fadd.s, 0x7fc00000, 0, 0xfffffffe3f800000, 0x3f800000
  TEST_UNBOXED_RR 22, fsub.s, 0x7fc00000, 0, 0x7fffffff3f800000, 0x3f800000
  TEST_UNBOXED_RR 23, fmul.s, 0x7fc00000, FFLAG_NV, 0x000000003f800000, 0x7f800001  # the other operand signals
  TEST_UNBOXED_RR 24, fdiv.s, 0x7fc00000, 0, 0x3ff0000000000000, 0x3f800000
  TEST_UNBOXED_RR_SECOND 25, fdiv.s, 0x7fc00000, 0, 0x000000003f800000, 0x3f800000
  TEST_UNBOXED_RR 26, fmin.s, 0x40000000, 0, 0x000000003f800000, 0x40000000  # a quiet NaN: the other operand
  TEST_UNBOXED_RR_SECOND 27, fmax.s, 0xc0000000, 0, 0x000000003f800000, 0xc0000000
  TEST_UNBOXED_RR 28, fsgnj.s, 0xffc00000, 0, 0x000000003f800000, 0xbf800000   # the canonical NaN's magnitude
  TEST_UNBOXED_RR 29, fsgnjn.s, 0x7fc00000, 0, 0x000000003f800000, 0xbf800000
  TEST_UNBOXED_RR 30, fsgnjx.s, 0xffc00000, 0, 0x000000003f800000, 0xbf800000
  TEST_UNBOXED_RR_SECOND 31, fsgnj.s, 0x3f800000, 0, 0x00000000bf800000, 0xbf800000  # the canonical NaN's sign (+)
  TEST_UNBOXED_RR_SECOND 32, fsgnjn.s, 0xbf800000, 0, 0x00000000bf800000, 0xbf800000
  TEST_UNBOXED_RR_SECOND 33, fsgnjx.s, 0xbf800000, 0, 0x00000000bf800000, 0xbf800000
  TEST_UNBOXED_CMP 34, feq.s, 0, 0, 0x000000003f800000, 0x3f800000             # quiet: no flag
  TEST_UNBOXED_CMP 35, flt.s, 0, FFLAG_NV, 0x000000003f800000, 0x3f800000
  TEST_UNBOXED_CMP 36, fle.s, 0, FFLAG_NV, 0x000000003f800000, 0x3f800000

  TEST 37                       # fsqrt.s
  FLI_D fa1, 0x0000000040800000
  csrwi fflags, 0
  fsqrt.s fa0, fa1
  CHECK_FFLAGS 0
  CHECK_FREG_S fa0, 0x7fc00000

  TEST 38                       # fmadd.s with an improperly boxed addend
  FLI_S fa1, 0x3f800000
  FLI_D fa3, 0x0000000000000000
  fmadd.s fa0, fa1, fa1, fa3
  CHECK_FFLAGS 0
  CHECK_FREG_S fa0, 0x7fc00000

  TEST 39                       # fclass.s: a quiet NaN
  FLI_D fa1, 0x00000000ff800000
  fclass.s a0, fa1
  CHECK a0, 0x200

  TEST 40                       # fcvt.d.s: the canonical double NaN, no flag
  fcvt.d.s fa0, fa1
  CHECK_FFLAGS 0
  CHECK_FREG_D fa0, 0x7ff8000000000000

  TEST 41                       # fcvt.w.s / fcvt.lu.s: a NaN saturates to the largest value, NV
  fcvt.w.s a0, fa1, rtz
  CHECK_FFLAGS FFLAG_NV
  CHECK a0, 0x7fffffff
  fcvt.lu.s a0, fa1, rtz
  CHECK_FFLAGS FFLAG_NV
  CHECK a0, 0xffffffffffffffff

  TEST 42                       # but transfers see the low bits: fmv.x.w, fsw
  fmv.x.w a0, fa1
  CHECK a0, 0xffffffffff800000
  la a1, words
  fsw fa1, 16(a1)
  lwu a0, 16(a1)
  CHECK a0, 0xff800000

  TEST 43                       # a proper box with any single inside works as usual
  FLI_D fa1, 0xffffffff3f800000
  fadd.s fa0, fa1, fa1
  CHECK_FREG_S fa0, 0x40000000

  # ---- compressed loads and stores: c.fld, c.fsd (f8..f15, x8..x15), c.fldsp, c.fsdsp ----

  TEST 50
  la s1, compressed_data
  c.fld fs0, 0(s1)
  CHECK_FREG_D fs0, 0x400921fb54442d18
  c.fsd fs0, 8(s1)
  ld a0, 8(s1)
  CHECK a0, 0x400921fb54442d18

  TEST 51                       # a single stored with fsw then loaded with c.fld: the bits, unboxed
  FLI_S fs1, 0x7f800001
  fsw fs1, 16(s1)
  sw zero, 20(s1)
  c.fld fa5, 16(s1)
  CHECK_FREG_D fa5, 0x000000007f800001

  TEST 52                       # c.fsdsp / c.fldsp, sp-relative (any f register)
  addi sp, sp, -32
  FLI_D ft11, 0xfff0000000000001
  c.fsdsp ft11, 24(sp)
  c.fldsp ft10, 24(sp)
  ld a0, 24(sp)
  addi sp, sp, 32
  CHECK a0, 0xfff0000000000001
  CHECK_FREG_D ft10, 0xfff0000000000001
  CHECK_FFLAGS 0

  PASS
