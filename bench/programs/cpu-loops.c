/*
 * cpu-loops.c: the CPU-bound program of `pnpm bench`, built twice by
 * bench/run.ts: bare (rvhv) and static Linux (qemu-riscv64). KERNEL selects
 * the loop, ITERATIONS its length; the program prints a checksum so both
 * machines can be seen to compute the same thing.
 *
 * KERNEL 1, integer: xorshift64, table updates, multiplies, shifts, branches.
 * KERNEL 2, float: logistic map, divides, square roots, fused multiply-adds.
 * MODE (bare build only, with enter-mode.S): 1 runs the kernel in S-mode
 * with Sv39 paging, 2 in VS-mode with two-stage translation; M-mode without it.
 */
#include <stdint.h>

#ifdef RVHV_BARE
#include "htif.h"
static void emit(const char *s, unsigned long n) { rvhv_write(s, n); }
#ifdef MODE
void bench_enter_mode(long mode);
#endif
#else
#include <unistd.h>
static void emit(const char *s, unsigned long n) { (void)!write(1, s, n); }
#endif

static uint32_t table[1024];

static uint64_t integer_kernel(long n) {
  uint64_t x = 88172645463325252ull;
  uint64_t acc = 0;
  for (long i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    uint32_t j = (uint32_t)x & 1023;
    table[j] += (uint32_t)(x >> 32);
    acc += table[(j * 7) & 1023] ^ (acc >> 3);
    if (acc & 1) acc += (uint64_t)i * 3;
  }
  return acc;
}

static uint64_t float_kernel(long n) {
  double x = 0.3, sum = 0.0, damp = 1.0;
  for (long i = 0; i < n; i++) {
    x = 3.99 * x * (1.0 - x);
    sum += x / (1.0 + damp) + __builtin_sqrt(x + damp);
    damp = damp * 0.999999 + 1e-7;
  }
  union { double d; uint64_t u; } bits = { sum };
  return bits.u;
}

static void emit_hex(uint64_t v) {
  char buf[17];
  for (int i = 15; i >= 0; i--, v >>= 4) buf[i] = "0123456789abcdef"[v & 15];
  buf[16] = '\n';
  emit(buf, 17);
}

int main(void) {
#if defined(RVHV_BARE) && defined(MODE)
  bench_enter_mode(MODE);
#endif
#if KERNEL == 1
  emit_hex(integer_kernel(ITERATIONS));
#elif KERNEL == 2
  emit_hex(float_kernel(ITERATIONS));
#else
#error "KERNEL must be 1 (integer) or 2 (float)"
#endif
  return 0;
}
