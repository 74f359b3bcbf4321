import { Htif, NULL_CONSOLE, WallClock, type Clock, type ConsolePort } from '@rvhv/devices';
import type { MisalignedPolicy } from '@rvhv/isa';
import { DEFAULT_RAM_SIZE } from '../memory-map.js';
import { VIRT_LAYOUT } from '../fdt/virt-layout.js';
import { VIRT_MAX_HARTS } from '../fdt/virt-device-tree.js';
import { virtDeviceTreeBlob } from '../fdt/virt-device-tree-blob.js';
import { bootRomImage } from './boot-rom.js';
import { fdtAddress, loadBootImages, type BootImages, type BootPlan } from './boot-images.js';
import { InstructionClock } from './instruction-clock.js';
import { VirtBoard, type VirtioDeviceSpec } from './virt-board.js';
import { VirtMachine, type BoardInstance } from './virt-machine.js';

/** Where device time comes from. */
export type VirtTimeSource =
  /** The instruction count, as QEMU's `-icount shift=N`: 2^N ns per instruction; the same input gives the same run. */
  | { readonly kind: 'icount'; readonly shift?: number }
  /** The host's clock (default: its monotonic clock): guest time keeps pace with the wall. */
  | { readonly kind: 'host'; readonly clock?: Clock };

export interface VirtMachineConfig {
  /** Default 1; at most VIRT_MAX_HARTS. */
  readonly harts?: number;
  /** Bytes of RAM at 0x8000_0000; default 128 MiB (QEMU's default). */
  readonly ramSize?: number;
  readonly images: BootImages;
  /** Kernel command line (/chosen/bootargs). */
  readonly bootargs?: string;
  /** A device tree to use instead of the generated one (`-dtb`); /chosen gets bootargs and initrd. */
  readonly dtb?: Uint8Array;
  /** virtio-mmio devices, in command-line order. */
  readonly virtio?: readonly VirtioDeviceSpec[];
  /** The UART's output (and HTIF's); default: dropped. */
  readonly console?: ConsolePort;
  /** Default: the instruction count with shift 0 (deterministic). */
  readonly time?: VirtTimeSource;
  /** The RTC's date at start, ms since the epoch; default 0 (reproducible). */
  readonly rtcStartMs?: number;
  /** Bytes for /chosen/rng-seed. */
  readonly rngSeed?: Uint8Array;
  /** What a guest reset does: reboot the board (default) or end the run (`-no-reboot`). */
  readonly onReset?: 'reboot' | 'stop';
  /** Instructions per hart turn; default 10 000. */
  readonly sliceInstructions?: number;
  /** Extensions the device tree advertises (default: what the hart implements). */
  readonly isaExtensions?: readonly string[];
  readonly misaligned?: MisalignedPolicy;
}

export type CreateVirtMachineResult = { readonly ok: true; readonly machine: VirtMachine; readonly plan: BootPlan } | { readonly ok: false; readonly error: string };

const MiB = 1024 * 1024;
/** RAM the board accepts: WebAssembly memories go up to 4 GiB; above 0x8000_0000 + 2 GiB addresses stay below 2^32 + 2^31. */
const MAX_RAM = 2048 * MiB;
const DEFAULT_SLICE = 10_000;

/**
 * Builds the `virt` machine for a configuration: checks it, loads the
 * images, generates (or patches) the device tree and places it at the end of
 * RAM, and writes the boot ROM. Every problem with the configuration or the
 * images is an `{ ok: false, error }` naming it, never an exception.
 */
export function createVirtMachine(config: VirtMachineConfig): CreateVirtMachineResult {
  const harts = config.harts ?? 1;
  const ramSize = config.ramSize ?? DEFAULT_RAM_SIZE;
  if (!Number.isInteger(harts) || harts < 1 || harts > VIRT_MAX_HARTS) {
    return { ok: false, error: `the virt board has 1 to ${VIRT_MAX_HARTS} harts, not ${harts}` };
  }
  if (!Number.isSafeInteger(ramSize) || ramSize < MiB || ramSize > MAX_RAM || ramSize % 4096 !== 0) {
    return { ok: false, error: `RAM size ${ramSize} bytes is not a multiple of 4 KiB between 1 MiB and ${MAX_RAM / MiB} MiB` };
  }
  const slice = config.sliceInstructions ?? DEFAULT_SLICE;
  if (!Number.isSafeInteger(slice) || slice < 1) return { ok: false, error: `time slice ${slice} is not a positive number of instructions` };
  if ((config.virtio?.length ?? 0) > VIRT_LAYOUT.virtio.count) {
    return { ok: false, error: `the virt board has ${VIRT_LAYOUT.virtio.count} virtio-mmio slots; ${config.virtio!.length} devices do not fit` };
  }

  let instructionClock: InstructionClock | undefined;
  let clock: Clock;
  const time = config.time ?? { kind: 'icount' };
  if (time.kind === 'icount') {
    const shift = time.shift ?? 0;
    if (!Number.isInteger(shift) || shift < 0 || shift > 10) return { ok: false, error: `icount shift ${shift} is not in 0..10` };
    clock = instructionClock = new InstructionClock(shift);
  } else {
    clock = time.clock ?? new WallClock();
  }
  const console = config.console ?? NULL_CONSOLE;

  /** Builds a board and loads it; the first call decides the layout, the calls after a guest reset repeat it. */
  const boot = (): { instance: BoardInstance; plan: BootPlan; dtb: Uint8Array } | string => {
    let board: VirtBoard;
    try {
      board = new VirtBoard({ harts, ramSize, clock, console, virtio: config.virtio, rtcStartMs: config.rtcStartMs, misaligned: config.misaligned });
    } catch (e) {
      // WebAssembly.Memory throws a RangeError when the host cannot give that much memory.
      return `cannot build the board with ${ramSize / MiB} MiB of RAM: ${e instanceof Error ? e.message : String(e)}`;
    }
    const loaded = loadBootImages(board.memory, config.images);
    if (!loaded.ok) return loaded.error;
    const plan = loaded.plan;
    const blob = virtDeviceTreeBlob({
      config: { harts, ramSize, bootargs: config.bootargs, initrd: plan.initrd, rngSeed: config.rngSeed, isaExtensions: config.isaExtensions },
      userDtb: config.dtb,
    });
    if (!blob.ok) return `device tree: ${blob.error}`;
    const occupied = Math.max(plan.firmware?.end ?? 0, plan.kernel?.end ?? 0, plan.initrd?.end ?? 0);
    const ram = board.memory.ram;
    const fdtAddr = fdtAddress(ram.base, ram.size, blob.dtb.length, occupied);
    if (fdtAddr === undefined) return `RAM (${ramSize / MiB} MiB) is too small: no room for the device tree above the loaded images`;
    ram.bytes.set(blob.dtb, fdtAddr - ram.base);
    board.memory.noteRamWrite(fdtAddr - ram.base, blob.dtb.length);
    board.rom.program(bootRomImage({ startAddr: plan.startAddr, fdtAddr, dynamicInfo: { nextAddr: plan.nextAddr, nextMode: plan.nextMode, bootHart: 0 } }));
    const htif =
      plan.htif === undefined ? undefined : new Htif({ tohost: plan.htif.tohost, fromhost: plan.htif.fromhost, memory: board.dma, console });
    return { instance: { board, htif }, plan, dtb: blob.dtb };
  };

  const first = boot();
  if (typeof first === 'string') return { ok: false, error: first };
  const machine = new VirtMachine({
    first: first.instance,
    rebuild: () => {
      const again = boot();
      // The same configuration booted once already: only the host running out of memory gets here.
      if (typeof again === 'string') throw new Error(`the board cannot be rebuilt after a reset: ${again}`);
      return again.instance;
    },
    clock,
    instructionClock,
    dtb: first.dtb,
    onReset: config.onReset ?? 'reboot',
    slice,
  });
  return { ok: true, machine, plan: first.plan };
}
