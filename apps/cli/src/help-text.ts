import { DEFAULT_MAX_INSTRUCTIONS } from '@rvhv/machine';
import { DEFAULT_FIRMWARE_PATHS } from './default-firmware.js';
import { EXIT } from './exit-status.js';

export const HELP_TEXT = `rvhv: a RISC-V machine (RV64GC) and hypervisor in TypeScript

Usage:
  rvhv [options]                  run the built-in demo guest (assembled from source)
  rvhv run [options] <prog.elf>   run a bare RISC-V ELF program on one hart
  rvhv -M virt [qemu options]     boot QEMU's virt board, as qemu-system-riscv64 would
  rvhv help                       show this help
  rvhv --version                  show the version

A program is loaded at its physical addresses into RAM at 0x80000000 and
starts in M-mode at its entry point. It ends by writing its \`tohost\` symbol
(HTIF, as on Spike): 1 = pass, (code << 1) | 1 = failure with that code.
Its HTIF console output goes to standard output; the result goes to
standard error.

Options of run and the demo:
  --max-instructions <n>   stop with TIMEOUT after n instructions
                           (default ${DEFAULT_MAX_INSTRUCTIONS})
  --trace                  print every instruction and trap to standard error
  --misaligned <policy>    misaligned loads and stores: perform (default) or trap

The virt board (QEMU's flags and syntax; firmware, U-Boot and Linux built
for qemu-system-riscv64 -M virt boot unchanged):
  -M, -machine virt[,dumpdtb=FILE]
                     the board (the only one); dumpdtb writes its device
                     tree to FILE and exits
  -m SIZE            RAM at 0x80000000, e.g. 256M or 1G (default 128M)
  -smp N             harts, 1 to 8 (default 1)
  -bios FILE|none    firmware (ELF or raw, loaded at 0x80000000); none starts
                     the kernel directly in M-mode; default: OpenSBI
                     fw_dynamic from ${DEFAULT_FIRMWARE_PATHS.join('\n                     or ')}
  -kernel FILE       next stage: ELF, Linux Image or raw binary, at the first
                     2 MiB boundary after the firmware
  -initrd FILE       initial ramdisk (needs -kernel)
  -append TEXT       kernel command line (needs -kernel)
  -dtb FILE          use this device tree instead of the generated one
  -drive file=IMG,format=raw,if=none,id=ID[,readonly=on]
  -device virtio-blk-device,drive=ID[,serial=TEXT]
                     a raw disk image as a virtio-blk device (if=virtio
                     attaches it without -device); writes reach the file when
                     the guest flushes, and at exit
  -device virtio-rng-device
                     an entropy device
  -nographic         the console is on standard input/output (always, as
                     rvhv has no display; -serial stdio, -display none and
                     -monitor none are accepted too)
  -no-reboot         a guest reset ends the run instead of rebooting
  -icount [shift=]N  time from the instruction count (2^N ns each): the same
                     input gives the same run; default: the host's clock

  On the console, Ctrl-A x quits, Ctrl-A h lists the other Ctrl-A keys.

Exit status:
  ${EXIT.pass}     pass (run), or the guest powered off with code 0, or Ctrl-A x
  1-255 failure: the program's or the guest's code (1 when it does not fit)
  ${EXIT.usage}     bad command line or input file (${EXIT.usage} may also be a failure code)
  ${EXIT.timeout}   timeout
  ${EXIT.error}   the program cannot go on (e.g. it jumped outside memory)
`;
