import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { ConsoleEndpoint } from './console-script.js';
import type { Ensured } from './ensured.js';
import { parseInitReport, RVHV_INIT_FIRST_LINE, type InitReport } from './init-report.js';

/**
 * Debian's qemu-system-riscv64 (7.2 in Debian 12) as the reference machine:
 * the same firmware, kernels and disks boot on it and on rvhv's `virt`
 * board, and the bench times both in the same run.
 */
export const QEMU_SYSTEM_RISCV64 = 'qemu-system-riscv64';

export function ensureQemu(): Ensured<{ readonly binary: string; readonly version: string }> {
  const run = spawnSync(QEMU_SYSTEM_RISCV64, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) return { ok: false, missing: QEMU_SYSTEM_RISCV64, install: 'apt-get install -y qemu-system-misc' };
  return { ok: true, binary: QEMU_SYSTEM_RISCV64, version: run.stdout.split('\n')[0] ?? '' };
}

export interface QemuVirtOptions {
  /** Firmware for -bios (e.g. OpenSBI fw_dynamic.bin). */
  readonly bios: string;
  /** Next stage for -kernel (a Linux Image, U-Boot S-mode). */
  readonly kernel: string;
  /** -smp; default 1. */
  readonly harts?: number;
  /** -m in MiB; default 256. */
  readonly memoryMiB?: number;
  /** A raw disk image attached as virtio-blk (the first virtio-mmio slot). */
  readonly disk?: string;
  /** Kernel command line (-append). */
  readonly append?: string;
}

/** The command line: `-M virt` with the console on stdio, and no reboot (a reset or panic ends QEMU). */
export function qemuVirtArgs(options: QemuVirtOptions): string[] {
  const args = ['-M', 'virt', '-smp', String(options.harts ?? 1), '-m', `${options.memoryMiB ?? 256}M`, '-nographic', '-no-reboot'];
  args.push('-bios', options.bios, '-kernel', options.kernel);
  if (options.disk !== undefined) {
    args.push('-drive', `file=${options.disk},format=raw,if=none,id=hd0`, '-device', 'virtio-blk-device,drive=hd0');
  }
  if (options.append !== undefined) args.push('-append', options.append);
  return args;
}

export function spawnQemuVirt(options: QemuVirtOptions): ChildProcessWithoutNullStreams {
  return spawn(QEMU_SYSTEM_RISCV64, qemuVirtArgs(options), { stdio: 'pipe' });
}

/** QEMU's serial console (stdio) as a ConsoleEndpoint. */
export function qemuConsole(qemu: ChildProcessWithoutNullStreams): ConsoleEndpoint {
  qemu.stdout.setEncoding('utf8');
  return {
    onOutput: (listener) => qemu.stdout.on('data', (text: string) => listener(text)),
    onEnd: (listener) => qemu.on('close', () => listener()),
    send: (text) => qemu.stdin.write(text),
  };
}

/** Waits for QEMU to exit; kills it after `timeoutMs`. */
export function waitForExit(
  qemu: ChildProcessWithoutNullStreams,
  timeoutMs: number,
): Promise<{ readonly code: number | null; readonly timedOut: boolean }> {
  return new Promise((resolve) => {
    if (qemu.exitCode !== null) return resolve({ code: qemu.exitCode, timedOut: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      qemu.kill('SIGKILL');
    }, timeoutMs);
    qemu.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

export interface QemuLinuxBoot {
  /** The console output (serial), OpenSBI's banner to the last line. */
  readonly transcript: string;
  readonly stderr: string;
  readonly report: InitReport;
  /** QEMU's exit status; null when it was killed at the timeout. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** Seconds from starting QEMU to rvhv-init's first line; undefined if it never came. */
  readonly firstLineSeconds: number | undefined;
  /** Seconds from starting QEMU to its exit (rvhv-init powers off). */
  readonly totalSeconds: number;
}

export interface QemuLinuxBootOptions extends QemuVirtOptions {
  /** Default 60 s. */
  readonly timeoutMs?: number;
}

/** Boots rvhv's test kernel (or any kernel whose init prints the marker) to power-off. */
export async function bootLinuxOnQemu(options: QemuLinuxBootOptions): Promise<QemuLinuxBoot> {
  const start = performance.now();
  const qemu = spawnQemuVirt({ append: 'console=ttyS0', ...options });
  let transcript = '';
  let stderr = '';
  let firstLineSeconds: number | undefined;
  qemu.stdout.setEncoding('utf8');
  qemu.stderr.setEncoding('utf8');
  qemu.stdout.on('data', (text: string) => {
    transcript += text;
    // Search only the tail that can hold a new match: the last chunk plus a marker's length.
    if (firstLineSeconds === undefined && transcript.includes(RVHV_INIT_FIRST_LINE, transcript.length - text.length - RVHV_INIT_FIRST_LINE.length)) {
      firstLineSeconds = (performance.now() - start) / 1000;
    }
  });
  qemu.stderr.on('data', (text: string) => (stderr += text));
  qemu.stdin.end();
  const { code, timedOut } = await waitForExit(qemu, options.timeoutMs ?? 60_000);
  return {
    transcript,
    stderr,
    report: parseInitReport(transcript),
    exitCode: code,
    timedOut,
    firstLineSeconds,
    totalSeconds: (performance.now() - start) / 1000,
  };
}

/**
 * The bench hook: seconds from starting qemu-system-riscv64 to rvhv-init's
 * first line, booting `kernel` through `bios` (OpenSBI fw_dynamic). QEMU's
 * own start-up is included, as rvhv's is in the number it is compared with.
 * Rejects when the kernel does not reach its init.
 */
export async function qemuLinuxBootSeconds(options: QemuLinuxBootOptions): Promise<number> {
  const boot = await bootLinuxOnQemu(options);
  if (boot.firstLineSeconds === undefined) {
    throw new Error(`${QEMU_SYSTEM_RISCV64} did not reach ${JSON.stringify(RVHV_INIT_FIRST_LINE)}:\n${boot.transcript.slice(-2000)}${boot.stderr}`);
  }
  return boot.firstLineSeconds;
}
