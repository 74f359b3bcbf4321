import type { RunResult } from '@rvhv/machine';

/** Process exit statuses of `rvhv` (documented in `rvhv --help`). */
export const EXIT = {
  pass: 0,
  /** Bad command line or unusable input file (missing, not an ELF, truncated). */
  usage: 2,
  timeout: 124,
  /** The guest could not go on (fetching outside memory, HTIF misuse, WFI forever) or an internal error. */
  error: 125,
} as const;

/** The exit status for a run: the program's failure code when it fits in 1..255, else 1. */
export function exitStatusOf(result: RunResult): number {
  switch (result.status) {
    case 'pass':
      return EXIT.pass;
    case 'fail':
      return result.code >= 1 && result.code <= 255 ? result.code : 1;
    case 'timeout':
      return EXIT.timeout;
    case 'error':
      return EXIT.error;
  }
}
