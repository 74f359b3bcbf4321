/*
 * htif.c: console output and exit for the project's bare C guests, through
 * HTIF (Spike's host-target interface; rvhv's runner and QEMU's spike board
 * serve it). tohost/fromhost are 8-byte objects in section .tohost.
 */
#include <stdint.h>
#include "htif.h"

volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

#define HTIF_CONSOLE_PUTC ((1ull << 56) | (1ull << 48))
#define SYS_WRITE 64

/* The host takes a command by clearing tohost: wait for that before the next. */
static void htif_send(uint64_t command) {
  while (tohost != 0) {
  }
  tohost = command;
}

void rvhv_putchar(int c) { htif_send(HTIF_CONSOLE_PUTC | (uint8_t)c); }

/* sys_write(1, buffer, length) through the syscall proxy: one round trip for a whole buffer. */
long rvhv_write(const void *buffer, unsigned long length) {
  static volatile uint64_t magic_mem[8] __attribute__((aligned(64)));
  magic_mem[0] = SYS_WRITE;
  magic_mem[1] = 1;
  magic_mem[2] = (uintptr_t)buffer;
  magic_mem[3] = length;
  __sync_synchronize();
  htif_send((uintptr_t)magic_mem);
  while (fromhost == 0) {
  }
  fromhost = 0;
  __sync_synchronize();
  return (long)magic_mem[0];
}

void rvhv_exit(int code) {
  htif_send(((uint64_t)code << 1) | 1);
  for (;;) {
  }
}

/* GCC may call these for structure copies and clears even with -ffreestanding. */
void *memcpy(void *dst, const void *src, unsigned long n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memset(void *dst, int c, unsigned long n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}
