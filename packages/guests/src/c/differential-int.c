/*
 * differential-int.c: integer results that rvhv must compute exactly as
 * qemu-riscv64 does: every M-extension instruction and the shifts, adds and
 * W forms on corner operands (zero, ±1, the 32- and 64-bit extremes, shift
 * amounts past the width). Each instruction is issued by inline assembly so
 * the compiler cannot fold or reinterpret it (C leaves division by zero and
 * overflow undefined; RISC-V defines them). One line per operation:
 *   mulh 8000000000000000 ffffffffffffffff 8000000000000000
 */
#include "diff-output.h"

static const uint64_t VALUES[] = {
    0x0000000000000000ull, 0x0000000000000001ull, 0xffffffffffffffffull, 0x0000000000000002ull,
    0xfffffffffffffffeull, 0x8000000000000000ull, 0x7fffffffffffffffull, 0xffffffff80000000ull,
    0x000000007fffffffull, 0x00000000ffffffffull, 0x0000000080000000ull, 0x000000000000003full,
    0x0000000000000040ull, 0x123456789abcdef0ull, 0x0000000000000007ull, 0xfffffffffffffff9ull,
    0xfedcba9876543210ull, 0x00000000fffffff9ull,
};
#define COUNT (sizeof VALUES / sizeof VALUES[0])

#define OP(name)                                                           \
  static uint64_t op_##name(uint64_t a, uint64_t b) {                      \
    uint64_t r;                                                            \
    __asm__ volatile(#name " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));      \
    return r;                                                              \
  }

OP(add) OP(sub) OP(sll) OP(srl) OP(sra) OP(slt) OP(sltu)
OP(addw) OP(subw) OP(sllw) OP(srlw) OP(sraw)
OP(mul) OP(mulh) OP(mulhsu) OP(mulhu) OP(div) OP(divu) OP(rem) OP(remu)
OP(mulw) OP(divw) OP(divuw) OP(remw) OP(remuw)

static const struct {
  const char *name;
  uint64_t (*fn)(uint64_t, uint64_t);
} OPS[] = {
    {"add", op_add},   {"sub", op_sub},     {"sll", op_sll},       {"srl", op_srl},     {"sra", op_sra},
    {"slt", op_slt},   {"sltu", op_sltu},   {"addw", op_addw},     {"subw", op_subw},   {"sllw", op_sllw},
    {"srlw", op_srlw}, {"sraw", op_sraw},   {"mul", op_mul},       {"mulh", op_mulh},   {"mulhsu", op_mulhsu},
    {"mulhu", op_mulhu}, {"div", op_div},   {"divu", op_divu},     {"rem", op_rem},     {"remu", op_remu},
    {"mulw", op_mulw}, {"divw", op_divw},   {"divuw", op_divuw},   {"remw", op_remw},   {"remuw", op_remuw},
};

int main(void) {
  for (unsigned o = 0; o < sizeof OPS / sizeof OPS[0]; o++) {
    for (unsigned i = 0; i < COUNT; i++) {
      for (unsigned j = 0; j < COUNT; j++) {
        put_str(OPS[o].name);
        put_char(' ');
        put_hex(VALUES[i], 16);
        put_char(' ');
        put_hex(VALUES[j], 16);
        put_char(' ');
        put_hex(OPS[o].fn(VALUES[i], VALUES[j]), 16);
        put_char('\n');
      }
    }
  }
  put_str("end\n");
  output_flush();
  return 0;
}
