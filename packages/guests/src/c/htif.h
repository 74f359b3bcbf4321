/* htif.h: what bare C guests get from htif.c and crt0.S. */
#ifndef RVHV_HTIF_H
#define RVHV_HTIF_H

void rvhv_putchar(int c);
long rvhv_write(const void *buffer, unsigned long length);
void rvhv_exit(int code) __attribute__((noreturn));

#endif
