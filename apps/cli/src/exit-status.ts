import type { RunResult, VirtRunResult } from '@rvhv/machine';

/** Process exit statuses of `rvhv` (documented in `rvhv --help`). */
export const EXIT = {
  pass: 0,
  /** Bad command line or unusable input file (missing, not an ELF, truncated). */
  usage: 2,
  timeout: 124,
  /** The guest could not go on (fetching outside memory, HTIF misuse, WFI forever) or an internal error. */
  error: 125,
} as const;

/** A guest's exit code as a process status: itself when it fits in 1..255, else 1. */
function failureStatus(code: number): number {
  return code >= 1 && code <= 255 ? code : 1;
}

/** The exit status for a run: the program's failure code when it fits in 1..255, else 1. */
export function exitStatusOf(result: RunResult): number {
  switch (result.status) {
    case 'pass':
      return EXIT.pass;
    case 'fail':
      return failureStatus(result.code);
    case 'timeout':
      return EXIT.timeout;
    case 'error':
      return EXIT.error;
  }
}

/**
 * The exit status of a virt board run, as QEMU's: the guest's poweroff code
 * (sifive_test: 0 for pass, the failure code otherwise), 0 when the host
 * ended it (Ctrl-A x) or a reset ended it (-no-reboot).
 */
export function virtExitStatus(result: VirtRunResult): number {
  switch (result.reason) {
    case 'poweroff':
    case 'exit':
      return result.code === undefined || result.code === 0 ? EXIT.pass : failureStatus(result.code);
    case 'reset':
    case 'host':
      return EXIT.pass;
    case 'limit':
      return EXIT.timeout;
    case 'error':
      return EXIT.error;
  }
}
