/*
 * diff-output.h: line output for the differential programs, the same text
 * on both machines: buffered, flushed through HTIF's syscall proxy on rvhv
 * (bare build) or write(2) under qemu-riscv64 (Linux build).
 */
#ifndef RVHV_DIFF_OUTPUT_H
#define RVHV_DIFF_OUTPUT_H

#include <stdint.h>

#ifdef RVHV_BARE
#include "htif.h"
#define OUTPUT_WRITE(buffer, length) rvhv_write((buffer), (length))
#else
#include <unistd.h>
#define OUTPUT_WRITE(buffer, length) ((void)!write(1, (buffer), (length)))
#endif

static char output_buffer[4096];
static unsigned long output_used;

static void output_flush(void) {
  if (output_used > 0) OUTPUT_WRITE(output_buffer, output_used);
  output_used = 0;
}

static void put_char(char c) {
  if (output_used == sizeof output_buffer) output_flush();
  output_buffer[output_used++] = c;
}

static void put_str(const char *s) {
  while (*s) put_char(*s++);
}

/** `digits` hex digits of v, most significant first. */
static void put_hex(uint64_t v, int digits) {
  for (int i = digits - 1; i >= 0; i--) put_char("0123456789abcdef"[(v >> (4 * i)) & 15]);
}

__attribute__((unused)) static void put_dec(unsigned v) {
  char digits[12];
  int n = 0;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  while (n > 0) put_char(digits[--n]);
}

#endif
