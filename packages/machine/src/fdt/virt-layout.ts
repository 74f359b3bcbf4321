import { DRAM_BASE } from '../memory-map.js';

/**
 * Addresses, sizes and interrupt numbers of the `virt` board's devices, as
 * QEMU's riscv `virt` machine lays them out (hw/riscv/virt.c `virt_memmap`,
 * include/hw/riscv/virt.h), so firmware and kernels built for it find
 * everything where they expect. The device tree is generated from this
 * table; the board that maps the devices should use the same one.
 */
export const VIRT_LAYOUT = {
  test: { base: 0x10_0000, size: 0x1000 },
  rtc: { base: 0x10_1000, size: 0x1000 },
  clint: { base: 0x200_0000, size: 0x1_0000 },
  /** Sized for QEMU's 512 harts x 2 contexts (0x20_0000 + 1024 x 0x1000), as QEMU's tree states. */
  plic: { base: 0xc00_0000, size: 0x60_0000 },
  uart0: { base: 0x1000_0000, size: 0x100 },
  virtio: { base: 0x1000_1000, size: 0x1000, count: 8 },
  dram: { base: DRAM_BASE },
} as const;

/** PLIC interrupt sources of the virt board's devices (include/hw/riscv/virt.h). */
export const VIRT_IRQ = {
  /** virtio-mmio slot i (0-based) raises source 1 + i. */
  virtioFirst: 1,
  uart0: 10,
  rtc: 11,
} as const;

/**
 * `riscv,ndev` of the PLIC: sources 1..95 (source 0 is reserved; QEMU's
 * PLIC has 96 ids, VIRT_IRQCHIP_NUM_SOURCES, and states 96 - 1 since
 * QEMU 8.0 — 7.2 wrote 96).
 */
export const VIRT_PLIC_NDEV = 95;

/** The 16550A's input clock on QEMU's virt board (3.6864 MHz, the classic UART crystal). */
export const VIRT_UART_CLOCK_HZ = 3_686_400;

/** /cpus timebase-frequency: the CLINT's mtime ticks at 10 MHz (QEMU RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ). */
export const VIRT_TIMEBASE_HZ = 10_000_000;

/** Values the syscon-poweroff / syscon-reboot nodes write to the test device (SiFive test finisher codes). */
export const VIRT_TEST_FINISHER = { pass: 0x5555, reset: 0x7777 } as const;
