/*
 * differential-float.c: floating-point results and exception flags that
 * rvhv must produce exactly as qemu-riscv64 does, for F and D: arithmetic
 * in every rounding mode (set with fsrm, instructions use the dynamic mode),
 * square root, fused multiply-add, min/max, sign injection, comparisons,
 * classification, and conversions between integers, singles and doubles,
 * on corner operands (signed zeros, subnormals, extremes, infinities, quiet
 * and signalling NaNs, values that round). Each instruction is issued by
 * inline assembly between `fsflags zero` and `frflags`. One line per
 * operation: name, rounding mode, operands, result, flags (hex), e.g.
 *   fadd.d 1 3ff0000000000000 bff0000000000000 0000000000000000 00
 */
#include "diff-output.h"

typedef uint64_t u64;
typedef uint32_t u32;

static double as_double(u64 b) { union { u64 u; double d; } x = { b }; return x.d; }
static u64 double_bits(double d) { union { double d; u64 u; } x = { d }; return x.u; }
static float as_float(u32 b) { union { u32 u; float f; } x = { b }; return x.f; }
static u32 float_bits(float f) { union { float f; u32 u; } x = { f }; return x.u; }

static const u64 D[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3ff8000000000000ull, 0x3fb999999999999aull, 0x4008000000000000ull, 0x3fd5555555555555ull,
    0x7fefffffffffffffull, 0xffefffffffffffffull, 0x0010000000000000ull, 0x0000000000000001ull,
    0x800fffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0x7ff4000000000001ull, 0x4340000000000001ull, 0xc1e0000000000000ull, 0x41dfffffffe00000ull,
    0x43e0000000000000ull, 0xc3e0000000000001ull, 0x3fe0000000000000ull, 0x4004000000000000ull,
};
static const u32 S[] = {
    0x00000000u, 0x80000000u, 0x3f800000u, 0xbf800000u, 0x3fc00000u, 0x3dcccccdu, 0x40400000u, 0x3eaaaaabu,
    0x7f7fffffu, 0xff7fffffu, 0x00800000u, 0x00000001u, 0x807fffffu, 0x7f800000u, 0xff800000u, 0x7fc00000u,
    0x7fa00001u, 0x4b800001u, 0xcf000000u, 0x4effffffu, 0x5f000000u, 0xdf000001u, 0x3f000000u, 0x40200000u,
};
static const u64 I[] = {
    0x0000000000000000ull, 0x0000000000000001ull, 0xffffffffffffffffull, 0x000000007fffffffull,
    0xffffffff80000000ull, 0x00000000ffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x0020000000000001ull, 0x0000000001000001ull, 0xfffffffffeffffffull, 0x123456789abcdef0ull,
};
/* Operands for fused multiply-add (all triples of these). */
static const unsigned FMA_PICK[] = { 0, 2, 5, 8, 11, 13, 16 };

#define N_D (sizeof D / sizeof D[0])
#define N_S (sizeof S / sizeof S[0])
#define N_I (sizeof I / sizeof I[0])
#define N_FMA (sizeof FMA_PICK / sizeof FMA_PICK[0])

static unsigned flags;

/* Generators: each wraps one instruction between fsflags and frflags. */
#define BIN(fn, insn, T, of, bits, UT)                                                        \
  static UT fn(UT a, UT b) {                                                                  \
    T x = of(a), y = of(b), r;                                                                \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2, %3\n\tfrflags %1"                      \
                     : "=&f"(r), "=&r"(flags) : "f"(x), "f"(y));                              \
    return bits(r);                                                                           \
  }
#define FMA(fn, insn, T, of, bits, UT)                                                        \
  static UT fn(UT a, UT b, UT c) {                                                            \
    T x = of(a), y = of(b), z = of(c), r;                                                     \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2, %3, %4\n\tfrflags %1"                  \
                     : "=&f"(r), "=&r"(flags) : "f"(x), "f"(y), "f"(z));                      \
    return bits(r);                                                                           \
  }
#define CMP(fn, insn, T, of, UT)                                                              \
  static u64 fn(UT a, UT b) {                                                                 \
    T x = of(a), y = of(b);                                                                   \
    u64 r;                                                                                    \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2, %3\n\tfrflags %1"                      \
                     : "=&r"(r), "=&r"(flags) : "f"(x), "f"(y));                              \
    return r;                                                                                 \
  }
#define UN(fn, insn, TI, of, TO, bits, UTI, UTO)                                              \
  static UTO fn(UTI a) {                                                                      \
    TI x = of(a);                                                                             \
    TO r;                                                                                     \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2\n\tfrflags %1"                          \
                     : "=&f"(r), "=&r"(flags) : "f"(x));                                      \
    return bits(r);                                                                           \
  }
#define TO_INT(fn, insn, T, of, UT)                                                           \
  static u64 fn(UT a) {                                                                       \
    T x = of(a);                                                                              \
    u64 r;                                                                                    \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2\n\tfrflags %1"                          \
                     : "=&r"(r), "=&r"(flags) : "f"(x));                                      \
    return r;                                                                                 \
  }
#define FROM_INT(fn, insn, T, bits, UT)                                                       \
  static UT fn(u64 a) {                                                                       \
    T r;                                                                                      \
    __asm__ volatile("fsflags zero\n\t" insn " %0, %2\n\tfrflags %1"                          \
                     : "=&f"(r), "=&r"(flags) : "r"(a));                                      \
    return bits(r);                                                                           \
  }

BIN(fadd_d, "fadd.d", double, as_double, double_bits, u64)
BIN(fsub_d, "fsub.d", double, as_double, double_bits, u64)
BIN(fmul_d, "fmul.d", double, as_double, double_bits, u64)
BIN(fdiv_d, "fdiv.d", double, as_double, double_bits, u64)
BIN(fmin_d, "fmin.d", double, as_double, double_bits, u64)
BIN(fmax_d, "fmax.d", double, as_double, double_bits, u64)
BIN(fsgnj_d, "fsgnj.d", double, as_double, double_bits, u64)
BIN(fsgnjn_d, "fsgnjn.d", double, as_double, double_bits, u64)
BIN(fsgnjx_d, "fsgnjx.d", double, as_double, double_bits, u64)
FMA(fmadd_d, "fmadd.d", double, as_double, double_bits, u64)
FMA(fmsub_d, "fmsub.d", double, as_double, double_bits, u64)
FMA(fnmadd_d, "fnmadd.d", double, as_double, double_bits, u64)
FMA(fnmsub_d, "fnmsub.d", double, as_double, double_bits, u64)
CMP(feq_d, "feq.d", double, as_double, u64)
CMP(flt_d, "flt.d", double, as_double, u64)
CMP(fle_d, "fle.d", double, as_double, u64)
UN(fsqrt_d, "fsqrt.d", double, as_double, double, double_bits, u64, u64)
UN(fcvt_s_d, "fcvt.s.d", double, as_double, float, float_bits, u64, u32)
TO_INT(fclass_d, "fclass.d", double, as_double, u64)
TO_INT(fcvt_w_d, "fcvt.w.d", double, as_double, u64)
TO_INT(fcvt_wu_d, "fcvt.wu.d", double, as_double, u64)
TO_INT(fcvt_l_d, "fcvt.l.d", double, as_double, u64)
TO_INT(fcvt_lu_d, "fcvt.lu.d", double, as_double, u64)
FROM_INT(fcvt_d_w, "fcvt.d.w", double, double_bits, u64)
FROM_INT(fcvt_d_wu, "fcvt.d.wu", double, double_bits, u64)
FROM_INT(fcvt_d_l, "fcvt.d.l", double, double_bits, u64)
FROM_INT(fcvt_d_lu, "fcvt.d.lu", double, double_bits, u64)

BIN(fadd_s, "fadd.s", float, as_float, float_bits, u32)
BIN(fsub_s, "fsub.s", float, as_float, float_bits, u32)
BIN(fmul_s, "fmul.s", float, as_float, float_bits, u32)
BIN(fdiv_s, "fdiv.s", float, as_float, float_bits, u32)
BIN(fmin_s, "fmin.s", float, as_float, float_bits, u32)
BIN(fmax_s, "fmax.s", float, as_float, float_bits, u32)
BIN(fsgnj_s, "fsgnj.s", float, as_float, float_bits, u32)
BIN(fsgnjn_s, "fsgnjn.s", float, as_float, float_bits, u32)
BIN(fsgnjx_s, "fsgnjx.s", float, as_float, float_bits, u32)
FMA(fmadd_s, "fmadd.s", float, as_float, float_bits, u32)
FMA(fmsub_s, "fmsub.s", float, as_float, float_bits, u32)
FMA(fnmadd_s, "fnmadd.s", float, as_float, float_bits, u32)
FMA(fnmsub_s, "fnmsub.s", float, as_float, float_bits, u32)
CMP(feq_s, "feq.s", float, as_float, u32)
CMP(flt_s, "flt.s", float, as_float, u32)
CMP(fle_s, "fle.s", float, as_float, u32)
UN(fsqrt_s, "fsqrt.s", float, as_float, float, float_bits, u32, u32)
UN(fcvt_d_s, "fcvt.d.s", float, as_float, double, double_bits, u32, u64)
TO_INT(fclass_s, "fclass.s", float, as_float, u32)
TO_INT(fcvt_w_s, "fcvt.w.s", float, as_float, u32)
TO_INT(fcvt_wu_s, "fcvt.wu.s", float, as_float, u32)
TO_INT(fcvt_l_s, "fcvt.l.s", float, as_float, u32)
TO_INT(fcvt_lu_s, "fcvt.lu.s", float, as_float, u32)
FROM_INT(fcvt_s_w, "fcvt.s.w", float, float_bits, u32)
FROM_INT(fcvt_s_wu, "fcvt.s.wu", float, float_bits, u32)
FROM_INT(fcvt_s_l, "fcvt.s.l", float, float_bits, u32)
FROM_INT(fcvt_s_lu, "fcvt.s.lu", float, float_bits, u32)

static void set_rounding(unsigned rm) { __asm__ volatile("fsrm %0" : : "r"(rm)); }

static void begin(const char *name, unsigned rm) {
  put_str(name);
  put_char(' ');
  put_dec(rm);
}
static void operand(u64 v, int digits) {
  put_char(' ');
  put_hex(v, digits);
}
static void end(u64 result, int digits) {
  operand(result, digits);
  put_char(' ');
  put_hex(flags, 2);
  put_char('\n');
}

/* Rounding modes RNE, RTZ, RDN, RUP, RMM. */
#define RMS 5

static void doubles(void) {
  static const struct { const char *name; u64 (*fn)(u64, u64); int rounds; } bin[] = {
      {"fadd.d", fadd_d, 1}, {"fsub.d", fsub_d, 1}, {"fmul.d", fmul_d, 1}, {"fdiv.d", fdiv_d, 1},
      {"fmin.d", fmin_d, 0}, {"fmax.d", fmax_d, 0}, {"fsgnj.d", fsgnj_d, 0}, {"fsgnjn.d", fsgnjn_d, 0},
      {"fsgnjx.d", fsgnjx_d, 0}, {"feq.d", feq_d, 0}, {"flt.d", flt_d, 0}, {"fle.d", fle_d, 0},
  };
  static const struct { const char *name; u64 (*fn)(u64); int rounds; } un[] = {
      {"fsqrt.d", fsqrt_d, 1}, {"fclass.d", fclass_d, 0}, {"fcvt.w.d", fcvt_w_d, 1},
      {"fcvt.wu.d", fcvt_wu_d, 1}, {"fcvt.l.d", fcvt_l_d, 1}, {"fcvt.lu.d", fcvt_lu_d, 1},
  };
  static const struct { const char *name; u64 (*fn)(u64); } from_int[] = {
      {"fcvt.d.w", fcvt_d_w}, {"fcvt.d.wu", fcvt_d_wu}, {"fcvt.d.l", fcvt_d_l}, {"fcvt.d.lu", fcvt_d_lu},
  };
  static const struct { const char *name; u64 (*fn)(u64, u64, u64); } fma[] = {
      {"fmadd.d", fmadd_d}, {"fmsub.d", fmsub_d}, {"fnmadd.d", fnmadd_d}, {"fnmsub.d", fnmsub_d},
  };
  for (unsigned rm = 0; rm < RMS; rm++) {
    set_rounding(rm);
    for (unsigned o = 0; o < sizeof bin / sizeof bin[0]; o++) {
      if (!bin[o].rounds && rm != 0) continue;
      for (unsigned i = 0; i < N_D; i++)
        for (unsigned j = 0; j < N_D; j++) {
          u64 r = bin[o].fn(D[i], D[j]);
          begin(bin[o].name, rm);
          operand(D[i], 16);
          operand(D[j], 16);
          end(r, 16);
        }
    }
    for (unsigned o = 0; o < sizeof un / sizeof un[0]; o++) {
      if (!un[o].rounds && rm != 0) continue;
      for (unsigned i = 0; i < N_D; i++) {
        u64 r = un[o].fn(D[i]);
        begin(un[o].name, rm);
        operand(D[i], 16);
        end(r, 16);
      }
    }
    for (unsigned i = 0; i < N_D; i++) {
      u32 r = fcvt_s_d(D[i]);
      begin("fcvt.s.d", rm);
      operand(D[i], 16);
      end(r, 8);
    }
    for (unsigned o = 0; o < sizeof from_int / sizeof from_int[0]; o++)
      for (unsigned i = 0; i < N_I; i++) {
        u64 r = from_int[o].fn(I[i]);
        begin(from_int[o].name, rm);
        operand(I[i], 16);
        end(r, 16);
      }
    for (unsigned o = 0; o < sizeof fma / sizeof fma[0]; o++)
      for (unsigned i = 0; i < N_FMA; i++)
        for (unsigned j = 0; j < N_FMA; j++)
          for (unsigned k = 0; k < N_FMA; k++) {
            u64 a = D[FMA_PICK[i]], b = D[FMA_PICK[j]], c = D[FMA_PICK[k]];
            u64 r = fma[o].fn(a, b, c);
            begin(fma[o].name, rm);
            operand(a, 16);
            operand(b, 16);
            operand(c, 16);
            end(r, 16);
          }
  }
}

static void singles(void) {
  static const struct { const char *name; u32 (*fn)(u32, u32); int rounds; } bin[] = {
      {"fadd.s", fadd_s, 1}, {"fsub.s", fsub_s, 1}, {"fmul.s", fmul_s, 1}, {"fdiv.s", fdiv_s, 1},
      {"fmin.s", fmin_s, 0}, {"fmax.s", fmax_s, 0}, {"fsgnj.s", fsgnj_s, 0}, {"fsgnjn.s", fsgnjn_s, 0},
      {"fsgnjx.s", fsgnjx_s, 0},
  };
  static const struct { const char *name; u64 (*fn)(u32, u32); } cmp[] = {
      {"feq.s", feq_s}, {"flt.s", flt_s}, {"fle.s", fle_s},
  };
  static const struct { const char *name; u64 (*fn)(u32); int rounds; } to_int[] = {
      {"fclass.s", fclass_s, 0}, {"fcvt.w.s", fcvt_w_s, 1}, {"fcvt.wu.s", fcvt_wu_s, 1},
      {"fcvt.l.s", fcvt_l_s, 1}, {"fcvt.lu.s", fcvt_lu_s, 1},
  };
  static const struct { const char *name; u32 (*fn)(u64); } from_int[] = {
      {"fcvt.s.w", fcvt_s_w}, {"fcvt.s.wu", fcvt_s_wu}, {"fcvt.s.l", fcvt_s_l}, {"fcvt.s.lu", fcvt_s_lu},
  };
  static const struct { const char *name; u32 (*fn)(u32, u32, u32); } fma[] = {
      {"fmadd.s", fmadd_s}, {"fmsub.s", fmsub_s}, {"fnmadd.s", fnmadd_s}, {"fnmsub.s", fnmsub_s},
  };
  for (unsigned rm = 0; rm < RMS; rm++) {
    set_rounding(rm);
    for (unsigned o = 0; o < sizeof bin / sizeof bin[0]; o++) {
      if (!bin[o].rounds && rm != 0) continue;
      for (unsigned i = 0; i < N_S; i++)
        for (unsigned j = 0; j < N_S; j++) {
          u32 r = bin[o].fn(S[i], S[j]);
          begin(bin[o].name, rm);
          operand(S[i], 8);
          operand(S[j], 8);
          end(r, 8);
        }
    }
    if (rm == 0)
      for (unsigned o = 0; o < sizeof cmp / sizeof cmp[0]; o++)
        for (unsigned i = 0; i < N_S; i++)
          for (unsigned j = 0; j < N_S; j++) {
            u64 r = cmp[o].fn(S[i], S[j]);
            begin(cmp[o].name, rm);
            operand(S[i], 8);
            operand(S[j], 8);
            end(r, 16);
          }
    for (unsigned i = 0; i < N_S; i++) {
      u32 r = fsqrt_s(S[i]);
      begin("fsqrt.s", rm);
      operand(S[i], 8);
      end(r, 8);
      if (rm == 0) {
        u64 d = fcvt_d_s(S[i]);
        begin("fcvt.d.s", rm);
        operand(S[i], 8);
        end(d, 16);
      }
    }
    for (unsigned o = 0; o < sizeof to_int / sizeof to_int[0]; o++) {
      if (!to_int[o].rounds && rm != 0) continue;
      for (unsigned i = 0; i < N_S; i++) {
        u64 r = to_int[o].fn(S[i]);
        begin(to_int[o].name, rm);
        operand(S[i], 8);
        end(r, 16);
      }
    }
    for (unsigned o = 0; o < sizeof from_int / sizeof from_int[0]; o++)
      for (unsigned i = 0; i < N_I; i++) {
        u32 r = from_int[o].fn(I[i]);
        begin(from_int[o].name, rm);
        operand(I[i], 16);
        end(r, 8);
      }
    for (unsigned o = 0; o < sizeof fma / sizeof fma[0]; o++)
      for (unsigned i = 0; i < N_FMA; i++)
        for (unsigned j = 0; j < N_FMA; j++)
          for (unsigned k = 0; k < N_FMA; k++) {
            u32 a = S[FMA_PICK[i]], b = S[FMA_PICK[j]], c = S[FMA_PICK[k]];
            u32 r = fma[o].fn(a, b, c);
            begin(fma[o].name, rm);
            operand(a, 8);
            operand(b, 8);
            operand(c, 8);
            end(r, 8);
          }
  }
}

int main(void) {
  doubles();
  singles();
  set_rounding(0);
  put_str("end\n");
  output_flush();
  return 0;
}
