# float-macros.S: test macros the F/D programs share, beside the prelude's
# TEST_FP_* family (include this after prelude.S). Same conventions: values
# are bit patterns in hex, fflags is cleared before the instruction and must
# then hold exactly `flags`; single-precision results must be NaN-boxed.

# Two operands, no rounding mode (fmin, fmax, fsgnj*): inst fa0, fa1, fa2.
.macro TEST_FP_RR2_D n, inst, expected, flags, a, b
  TEST \n
  FLI_D fa1, \a
  FLI_D fa2, \b
  csrwi fflags, 0
  \inst fa0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm
.macro TEST_FP_RR2_S n, inst, expected, flags, a, b
  TEST \n
  FLI_S fa1, \a
  FLI_S fa2, \b
  csrwi fflags, 0
  \inst fa0, fa1, fa2
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# fclass: inst a0, fa1; the mask in a0, and no flag.
.macro TEST_FP_CLASS_D n, inst, expected, a
  TEST \n
  FLI_D fa1, \a
  csrwi fflags, 0
  \inst a0, fa1
  CHECK_FFLAGS 0
  CHECK a0, \expected
.endm
.macro TEST_FP_CLASS_S n, inst, expected, a
  TEST \n
  FLI_S fa1, \a
  csrwi fflags, 0
  \inst a0, fa1
  CHECK_FFLAGS 0
  CHECK a0, \expected
.endm

# fcvt.s.d fa0, fa1[, rm]: a double in, a NaN-boxed single out.
.macro TEST_FCVT_S_D n, expected, flags, a, rm=dyn
  TEST \n
  FLI_D fa1, \a
  csrwi fflags, 0
  fcvt.s.d fa0, fa1, \rm
  CHECK_FFLAGS \flags
  CHECK_FREG_S fa0, \expected
.endm

# fcvt.d.s fa0, fa1: exact, so GNU as 2.40 takes no rounding-mode operand.
.macro TEST_FCVT_D_S n, expected, flags, a
  TEST \n
  FLI_S fa1, \a
  csrwi fflags, 0
  fcvt.d.s fa0, fa1
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm

# fcvt.d.w / fcvt.d.wu fa0, a1: exact, no rounding-mode operand either.
.macro TEST_INT_TO_FP_EXACT_D n, inst, expected, flags, a
  TEST \n
  li a1, \a
  csrwi fflags, 0
  \inst fa0, a1
  CHECK_FFLAGS \flags
  CHECK_FREG_D fa0, \expected
.endm

# An F/D instruction (or any other) given as raw bits must raise illegal
# instruction with its bits in mtval: test n, the 32-bit word.
.macro TEST_ILLEGAL_WORD n, word
  TRAP_BEGIN \n
  .word \word
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, \word
.endm
