/**
 * What rvhv-init (packages/guests/linux/init.c) prints, read back: the
 * markers are the interface between the test kernel and every test that
 * boots it, on QEMU or on rvhv.
 */
export const RVHV_INIT_PREFIX = 'rvhv-init: ';
/** The init program's first line: the "boot reached user space" mark. */
export const RVHV_INIT_FIRST_LINE = 'rvhv-init: started';
export const RVHV_INIT_ALL_OK = 'rvhv-init: all ok';
export const RVHV_INIT_POWER_OFF = 'rvhv-init: powering off';

export interface InitReport {
  readonly started: boolean;
  /** The summary line was printed ("all ok" or "FAILED (n checks)"). */
  readonly finished: boolean;
  readonly allOk: boolean;
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  readonly skipped: readonly string[];
  /** From "cpus online: N". */
  readonly cpusOnline: number | undefined;
  /** From 'disk block 0 starts "..."'. */
  readonly diskBlock0: string | undefined;
}

/** Parses a console transcript (kernel messages interleaved are ignored). */
export function parseInitReport(transcript: string): InitReport {
  const lines = transcript
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.startsWith(RVHV_INIT_PREFIX))
    .map((line) => line.slice(RVHV_INIT_PREFIX.length));
  const after = (prefix: string): string[] => lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
  const passed = after('ok: ');
  const cpus = after('cpus online: ')[0];
  const disk = passed.map((l) => /^disk block 0 starts "(.*)"$/.exec(l)?.[1]).find((s) => s !== undefined);
  return {
    started: lines.includes('started'),
    finished: lines.some((l) => l === 'all ok' || l.startsWith('FAILED (')),
    allOk: lines.includes('all ok'),
    passed,
    failed: after('FAIL: '),
    skipped: after('skip: '),
    cpusOnline: cpus === undefined ? undefined : Number(cpus),
    diskBlock0: disk,
  };
}

/** Kernel log lines that mean something went wrong below user space, even when init reports all ok. */
const KERNEL_TROUBLE = /WARNING:|BUG:|Oops|Kernel panic|Unable to handle kernel|rcu_sched self-detected stall|soft lockup/;

/** The kernel log lines of a transcript that report a warning, bug, oops, panic or stall. */
export function kernelTrouble(transcript: string): string[] {
  return transcript.split(/\r?\n/).filter((line) => KERNEL_TROUBLE.test(line));
}
