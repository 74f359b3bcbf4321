import { readFileSync } from 'node:fs';
import { MemoryBlockBackend } from '@rvhv/devices';
import { createVirtMachine, type VirtRunResult, type VirtTimeSource } from '@rvhv/machine';
import { parseInitReport, RVHV_INIT_FIRST_LINE, type InitReport } from './third-party/init-report.js';
import { VirtConsole } from './virt-console.js';

export interface RvhvLinuxBootOptions {
  /** Firmware file (OpenSBI fw_dynamic.bin). */
  readonly bios: string;
  /** Kernel file (a Linux Image). */
  readonly kernel: string;
  /** Default 1. */
  readonly harts?: number;
  /** Default 256 (as the QEMU reference boot). */
  readonly memoryMiB?: number;
  /** A disk image's bytes, attached as virtio-blk (kept in memory: the caller reads back what the guest wrote). */
  readonly disk?: MemoryBlockBackend;
  /** Default "console=ttyS0". */
  readonly append?: string;
  /** Default: the instruction count (the same run every time). */
  readonly time?: VirtTimeSource;
  /** Give up after this many instructions (default 4 billion). */
  readonly maxInstructions?: number;
}

export interface RvhvLinuxBoot {
  readonly transcript: string;
  readonly report: InitReport;
  readonly result: VirtRunResult;
  /** Seconds (host) from creating the machine to rvhv-init's first line; undefined if it never came. */
  readonly firstLineSeconds: number | undefined;
  /** Instructions executed by then. */
  readonly firstLineInstructions: number | undefined;
  readonly totalSeconds: number;
}

/**
 * Boots rvhv's test kernel (or any kernel whose init prints the marker) on
 * rvhv's virt board to power-off: the counterpart of `bootLinuxOnQemu`, for
 * the boot tests and the bench.
 */
export async function bootLinuxOnRvhv(options: RvhvLinuxBootOptions): Promise<RvhvLinuxBoot> {
  const start = performance.now();
  const console = new VirtConsole();
  const created = createVirtMachine({
    harts: options.harts ?? 1,
    ramSize: (options.memoryMiB ?? 256) * 1024 * 1024,
    images: {
      bios: new Uint8Array(readFileSync(options.bios)),
      kernel: new Uint8Array(readFileSync(options.kernel)),
      names: { bios: options.bios, kernel: options.kernel },
    },
    bootargs: options.append ?? 'console=ttyS0',
    console,
    virtio: options.disk === undefined ? [] : [{ kind: 'blk', backend: options.disk }],
    time: options.time ?? { kind: 'icount' },
  });
  if (!created.ok) throw new Error(created.error);
  const machine = created.machine;
  let firstLineSeconds: number | undefined;
  let firstLineInstructions: number | undefined;
  console.endpoint.onOutput((text) => {
    // Search only the tail that can hold a new match: the last chunk plus a marker's length.
    const tail = console.transcript.length - text.length - RVHV_INIT_FIRST_LINE.length;
    if (firstLineSeconds === undefined && console.transcript.includes(RVHV_INIT_FIRST_LINE, Math.max(0, tail))) {
      firstLineSeconds = (performance.now() - start) / 1000;
      firstLineInstructions = machine.instructions;
    }
  });
  const result = await machine.run({ maxInstructions: options.maxInstructions ?? 4_000_000_000 });
  return {
    transcript: console.transcript,
    report: parseInitReport(console.transcript),
    result,
    firstLineSeconds,
    firstLineInstructions,
    totalSeconds: (performance.now() - start) / 1000,
  };
}
