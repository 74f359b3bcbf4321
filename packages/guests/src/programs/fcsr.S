# fcsr.S: the float unit's control and status (unprivileged spec,
# "Floating-Point Control and Status Register"; privileged spec 3.1.6.6):
# - fflags accrue: instructions only ever set flags; fcsr = frm << 5 | fflags,
#   its upper bits read zero; fsrm/fsflags/fscsr swap;
# - rounding modes: a static rm wins over frm; rm = 5 or 6 is an illegal
#   instruction, and so is rm = dyn while frm holds 5, 6 or 7 (frm itself
#   takes any 3-bit value); the exact conversions fcvt.d.s, fcvt.d.w and
#   fcvt.d.wu check their rm field too (as Spike and QEMU do); instructions
#   without an rm field ignore frm;
# - mstatus.FS: with FS = Off every F/D instruction and every access to
#   fflags/frm/fcsr is illegal (mtval: the instruction bits, 16 of them for
#   c.fld/c.fsdsp); writing an f register or fcsr makes FS Dirty (and SD
#   1), reading does not.
# Raw words (.word) are instructions GNU as will not write (reserved rm
# values); the FS = Off tests use registers that GNU as cannot compress, so
# both assemblers produce the same bits.

  .include "prelude.S"
  .include "float-macros.S"

  .equ FS_OFF, 0
  .equ FS_INITIAL, 1
  .equ FS_CLEAN, 2
  .equ FS_DIRTY, 3

# mstatus.FS = state (0..3).
.macro SET_FS state
  li t5, MSTATUS_FS
  csrc mstatus, t5
  li t5, (\state << 13)
  csrs mstatus, t5
.endm

# Fails unless mstatus.FS == state and mstatus.SD (bit 63) == sd.
.macro CHECK_FS state, sd
  csrr t5, mstatus
  srli t5, t5, 13
  andi t5, t5, 3
  CHECK t5, \state
  csrr t5, mstatus
  srli t5, t5, 63
  CHECK t5, \sd
.endm

  .data
  .align 3
scratch: .dword 0x3ff0000000000000, 0

  .text
  .globl main
main:
  # ---- fflags accrue ---------------------------------------------------------------

  TEST 1                        # 1 / 0 raises DZ; 1 / 3 adds NX; an exact sum clears nothing
  csrwi fflags, 0
  FLI_D fa1, 0x3ff0000000000000
  FLI_D fa2, 0x0000000000000000
  FLI_D fa3, 0x4008000000000000
  fdiv.d fa0, fa1, fa2
  CHECK_CSR fflags, FFLAG_DZ
  fdiv.d fa0, fa1, fa3
  CHECK_CSR fflags, FFLAG_DZ|FFLAG_NX
  fadd.d fa0, fa1, fa1
  CHECK_CSR fflags, FFLAG_DZ|FFLAG_NX
  TEST 2                        # an integer-result instruction accrues too (flt on a NaN: NV)
  FLI_D fa2, 0x7ff8000000000000
  flt.d a0, fa1, fa2
  CHECK a0, 0
  CHECK_CSR fflags, FFLAG_NV|FFLAG_DZ|FFLAG_NX
  TEST 3                        # fcvt.w.d out of range: NV only, no NX
  csrwi fflags, 0
  FLI_D fa1, 0x4200000000000001
  fcvt.w.d a0, fa1, rtz
  CHECK a0, 0x7fffffff
  CHECK_CSR fflags, FFLAG_NV

  # ---- fcsr, frm, fflags -----------------------------------------------------------

  TEST 4                        # fcsr = frm << 5 | fflags; bits above 7 read zero
  li a0, 0xfff
  csrw fcsr, a0
  CHECK_CSR fcsr, 0xff
  CHECK_CSR frm, 7
  CHECK_CSR fflags, 0x1f
  TEST 5                        # fflags and frm write their own fields only
  csrwi fflags, 0x3
  CHECK_CSR fcsr, 0xe3
  csrwi frm, 2
  CHECK_CSR fcsr, 0x43
  TEST 6                        # fsrm / fsflags / fscsr return the old value
  li a1, 4
  fsrm a0, a1
  CHECK a0, 2
  li a1, 0x10
  fsflags a0, a1
  CHECK a0, 3
  li a1, 0
  fscsr a0, a1
  CHECK a0, 0x90
  CHECK_CSR fcsr, 0
  TEST 7                        # frm holds the reserved values 5..7 (they only trap when used)
  fsrmi 5
  CHECK_CSR frm, 5
  fsrmi 0

  # ---- rounding modes --------------------------------------------------------------

  TEST 10                       # a static rm wins over frm: 1 + 2^-53 under rup with frm = rdn
  fsrmi 2
  FLI_D fa1, 0x3ff0000000000000
  FLI_D fa2, 0x3ca0000000000000
  fadd.d fa0, fa1, fa2, rup
  CHECK_FREG_D fa0, 0x3ff0000000000001
  fadd.d fa0, fa1, fa2
  CHECK_FREG_D fa0, 0x3ff0000000000000
  csrwi fflags, 0
  fsrmi 0

  # rm = 5 and 6 are reserved: illegal instruction, whatever frm holds
  TEST_ILLEGAL_WORD 11, 0x00c5d553     # fadd.s fa0, fa1, fa2, rm=5
  TEST_ILLEGAL_WORD 12, 0x00c5e553     # fadd.s fa0, fa1, fa2, rm=6
  TEST_ILLEGAL_WORD 13, 0x6ac5d543     # fmadd.d fa0, fa1, fa2, fa3, rm=5
  TEST_ILLEGAL_WORD 14, 0x5a05e553     # fsqrt.d fa0, fa1, rm=6
  TEST_ILLEGAL_WORD 15, 0xc205d553     # fcvt.w.d a0, fa1, rm=5
  TEST_ILLEGAL_WORD 16, 0xd025e553     # fcvt.s.l fa0, a1, rm=6
  # ... the exact conversions included
  TEST_ILLEGAL_WORD 17, 0x4205d553     # fcvt.d.s fa0, fa1, rm=5
  TEST_ILLEGAL_WORD 18, 0xd205e553     # fcvt.d.w fa0, a1, rm=6
  TEST_ILLEGAL_WORD 19, 0xd215d553     # fcvt.d.wu fa0, a1, rm=5

  TEST 20                       # the exact conversions with any valid rm (here rtz and dyn) run
  li a1, -3
  .word 0xd2059553              # fcvt.d.w fa0, a1, rtz
  CHECK_FREG_D fa0, 0xc008000000000000
  .word 0xd205f553              # fcvt.d.w fa0, a1, dyn
  CHECK_FREG_D fa0, 0xc008000000000000
  FLI_S fa1, 0x3f800000
  .word 0x4205b553              # fcvt.d.s fa0, fa1, rup
  CHECK_FREG_D fa0, 0x3ff0000000000000
  CHECK_FFLAGS 0

  # rm = dyn with frm = 5, 6 or 7: illegal
  fsrmi 5
  TRAP_BEGIN 21
  fadd.d fa0, fa1, fa2
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x02c5f553
  TEST_ILLEGAL_WORD 22, 0x4205f553     # fcvt.d.s fa0, fa1, dyn
  TEST_ILLEGAL_WORD 23, 0xd205f553     # fcvt.d.w fa0, a1, dyn
  fsrmi 6
  TRAP_BEGIN 24
  fadd.d fa0, fa1, fa2
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x02c5f553
  fsrmi 7
  TRAP_BEGIN 25
  fadd.d fa0, fa1, fa2
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x02c5f553

  TEST 26                       # with frm = 7, a static rm and instructions without rm still run
  FLI_D fa1, 0x3ff0000000000000
  FLI_D fa2, 0x4000000000000000
  fadd.d fa0, fa1, fa2, rne
  CHECK_FREG_D fa0, 0x4008000000000000
  fmin.d fa0, fa1, fa2
  CHECK_FREG_D fa0, 0x3ff0000000000000
  fsgnjn.d fa0, fa1, fa1
  CHECK_FREG_D fa0, 0xbff0000000000000
  feq.d a0, fa1, fa1
  CHECK a0, 1
  fclass.d a0, fa2
  CHECK a0, 0x40
  la a1, scratch
  fld fa3, 0(a1)
  fsd fa3, 8(a1)
  fmv.x.d a0, fa3
  CHECK a0, 0x3ff0000000000000
  CHECK_CSR frm, 7
  fsrmi 0
  CHECK_FFLAGS 0

  # ---- mstatus.FS = Off: every F/D instruction and float CSR access is illegal ------

  SET_FS FS_OFF
  la t1, scratch
  TRAP_BEGIN 40
  flw ft0, 0(t1)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00032007
  TRAP_BEGIN 41
  fsw ft0, 0(t1)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00032027
  TRAP_BEGIN 42
  fld ft0, 8(t1)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00833007
  TRAP_BEGIN 43
  fsd ft0, 8(t1)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00033427
  TRAP_BEGIN 44
  fadd.s ft0, ft1, ft2, rne
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00208053
  TRAP_BEGIN 45
  fmadd.d ft0, ft1, ft2, ft3, rne
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x1a208043
  TRAP_BEGIN 46
  fmv.x.w t0, ft0
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xe00002d3
  TRAP_BEGIN 47
  fmv.d.x ft0, t0
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xf2028053
  TRAP_BEGIN 48
  fcvt.d.w ft0, t0
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xd2028053
  TRAP_BEGIN 49
  fcvt.lu.s t0, ft0, rtz
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xc03012d3
  TRAP_BEGIN 50
  fclass.d t0, ft0
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xe20012d3
  TRAP_BEGIN 51
  fsgnj.s ft0, ft1, ft2
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x20208053
  TRAP_BEGIN 52
  fle.d t0, ft0, ft1
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xa21002d3
  TRAP_BEGIN 53
  csrr t0, fflags
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x001022f3
  TRAP_BEGIN 54
  csrw frm, t0
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x00229073
  TRAP_BEGIN 55
  csrr t0, fcsr
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x003022f3
  la s1, scratch
  TRAP_BEGIN 56
  c.fld fs0, 0(s1)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0x2080
  TRAP_BEGIN 57
  c.fsdsp ft0, 8(sp)
  TRAP_END_TVAL CAUSE_ILLEGAL_INSTRUCTION, 0xa402
  TEST 58                       # nothing of the float state changed: FS is still Off
  CHECK_FS FS_OFF, 0

  # ---- FS = Dirty after writes of the float state, not after reads -------------------

  SET_FS FS_CLEAN
  TEST 60
  CHECK_FS FS_CLEAN, 0
  la t1, scratch
  fsd ft0, 8(t1)                # stores, moves to x registers, quiet comparisons, fclass: reads only
  fsw ft0, 8(t1)
  fmv.x.d t0, ft0
  fmv.x.w t0, ft0
  fclass.s t0, ft0
  FLI_D ft1, 0x3ff0000000000000
  SET_FS FS_CLEAN
  feq.d t0, ft1, ft1
  fcvt.l.d t0, ft1, rtz
  CHECK_FS FS_CLEAN, 0
  TEST 61                       # a move into an f register
  fmv.d.x ft0, zero
  CHECK_FS FS_DIRTY, 1
  SET_FS FS_INITIAL
  TEST 62                       # a load
  fld ft0, 0(t1)
  CHECK_FS FS_DIRTY, 1
  SET_FS FS_CLEAN
  TEST 63                       # arithmetic
  fadd.d ft2, ft1, ft1
  CHECK_FS FS_DIRTY, 1
  SET_FS FS_CLEAN
  TEST 64                       # a single-precision result
  fcvt.s.w ft2, zero
  CHECK_FS FS_DIRTY, 1
  SET_FS FS_CLEAN
  TEST 65                       # a write of fflags
  csrwi fflags, 0
  CHECK_FS FS_DIRTY, 1
  SET_FS FS_CLEAN
  TEST 66                       # a write of frm
  fsrmi 0
  CHECK_FS FS_DIRTY, 1

  # Last (QEMU 7.2 leaves FS Clean here: see QEMU_7_2_DEVIATIONS in
  # qemu-spike.test.ts): an instruction that writes only an x register but
  # raises a flag changes fflags, so FS becomes Dirty.
  TEST 99
  FLI_D ft3, 0x7ff0000000000001
  SET_FS FS_CLEAN
  feq.d t0, ft3, ft3
  CHECK_FS FS_DIRTY, 1
  CHECK_FFLAGS FFLAG_NV

  PASS
