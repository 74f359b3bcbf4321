/**
 * Where rvhv looks for firmware when no -bios is given, in order: QEMU's
 * own default (its bundled OpenSBI fw_dynamic, from qemu-system-data) and
 * Debian's `opensbi` package, which is the same firmware.
 */
export const DEFAULT_FIRMWARE_PATHS = [
  '/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin',
  '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin',
] as const;
