/**
 * What the `ensure*()` functions return: the files that were found (or
 * built), or a value naming what is missing and the command that provides
 * it. A missing third-party guest is an expected state on a developer's
 * machine, not an exception: callers decide whether to skip or to fail.
 */
export interface Missing {
  readonly ok: false;
  /** What is absent, e.g. a file path or "a built Linux kernel". */
  readonly missing: string;
  /** The command that installs or builds it. */
  readonly install: string;
}

export type Ensured<T> = ({ readonly ok: true } & T) | Missing;

/** One line for a log or an error: what is missing and how to get it. */
export function describeMissing(missing: Missing): string {
  return `${missing.missing} is missing; install it with: ${missing.install}`;
}
