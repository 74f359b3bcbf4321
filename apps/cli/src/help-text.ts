import { DEFAULT_MAX_INSTRUCTIONS } from '@rvhv/machine';
import { EXIT } from './exit-status.js';

export const HELP_TEXT = `rvhv: a RISC-V machine (RV64GC) and hypervisor in TypeScript

Usage:
  rvhv [options]                  run the built-in demo guest (assembled from source)
  rvhv run [options] <prog.elf>   run a bare RISC-V ELF program on one hart
  rvhv help                       show this help
  rvhv --version                  show the version

A program is loaded at its physical addresses into RAM at 0x80000000 and
starts in M-mode at its entry point. It ends by writing its \`tohost\` symbol
(HTIF, as on Spike): 1 = pass, (code << 1) | 1 = failure with that code.
Its HTIF console output goes to standard output; the result goes to
standard error.

Options:
  --max-instructions <n>   stop with TIMEOUT after n instructions
                           (default ${DEFAULT_MAX_INSTRUCTIONS})
  --trace                  print every instruction and trap to standard error
  --misaligned <policy>    misaligned loads and stores: perform (default) or trap

Exit status:
  ${EXIT.pass}     pass
  1-255 failure: the program's code (1 when it does not fit)
  ${EXIT.usage}     bad command line or input file (${EXIT.usage} may also be a failure code)
  ${EXIT.timeout}   timeout
  ${EXIT.error}   the program cannot go on (e.g. it jumped outside memory)
`;
