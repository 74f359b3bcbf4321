import { createRam } from '@rvhv/mmu';
import { CoherentMemory, Hart, Interrupt, type MisalignedPolicy } from '@rvhv/isa';
import {
  Bus,
  Clint,
  EmptyVirtioSlot,
  GoldfishRtc,
  Plic,
  SifiveTest,
  Uart16550a,
  VirtioBlk,
  VirtioConsole,
  VirtioMmio,
  VirtioNet,
  VirtioRng,
  ramDma,
  type BlockBackend,
  type Clock,
  type ConsolePort,
  type DmaPort,
  type EntropySource,
  type IrqLine,
  type MmioDevice,
  type NetworkBackend,
  type PowerEvent,
} from '@rvhv/devices';
import { VIRT_IRQ, VIRT_LAYOUT } from '../fdt/virt-layout.js';
import { ReadOnlyMemory } from './read-only-memory.js';
import { VIRT_MROM } from './boot-rom.js';

/** A device on one of the eight virtio-mmio slots. */
export type VirtioDeviceSpec =
  | { readonly kind: 'blk'; readonly backend: BlockBackend; readonly readOnly?: boolean; readonly serial?: string }
  | { readonly kind: 'rng'; readonly entropy: EntropySource }
  | { readonly kind: 'console'; readonly console: ConsolePort }
  | { readonly kind: 'net'; readonly backend: NetworkBackend };

export interface VirtBoardOptions {
  readonly harts: number;
  /** Bytes of RAM at 0x8000_0000. */
  readonly ramSize: number;
  /** Time for the CLINT (mtime) and the RTC. */
  readonly clock: Clock;
  /** Where the UART's output goes. */
  readonly console: ConsolePort;
  /** Devices in command-line order: as on QEMU, the first takes the highest slot (0x1000_8000). */
  readonly virtio?: readonly VirtioDeviceSpec[];
  /** Wall-clock time of the RTC at start, in ms since the epoch (default 0: a reproducible date). */
  readonly rtcStartMs?: number;
  /** Told at once what the test device (poweroff/reboot) is asked; the run loop also polls {@link SifiveTest.take}. */
  readonly onPower?: (event: PowerEvent) => void;
  readonly misaligned?: MisalignedPolicy;
}

/** A virtio-mmio slot with a device in it. */
export interface VirtioSlot {
  readonly slot: number;
  readonly base: number;
  readonly transport: VirtioMmio;
}

/**
 * The `virt` board's hardware, wired as QEMU's riscv `virt` machine
 * (hw/riscv/virt.c): harts, RAM at 0x8000_0000, the mask ROM at 0x1000,
 * the SiFive test device, the Goldfish RTC, CLINT, PLIC, 16550A UART and
 * eight virtio-mmio slots, at the addresses of {@link VIRT_LAYOUT} (the
 * table the device tree is generated from). Interrupts: the CLINT drives
 * each hart's MSIP and MTIP, the PLIC's contexts 2h and 2h+1 drive hart h's
 * MEIP and SEIP, devices raise their PLIC sources (UART 10, RTC 11,
 * virtio slot i source 1 + i).
 *
 * The board holds no run loop: {@link VirtMachine} drives its harts and
 * device time. Every hart and device talks to the others only through the
 * bus, CoherentMemory and interrupt lines, so harts can later move to
 * worker threads without changing the wiring.
 */
export class VirtBoard {
  readonly memory: CoherentMemory;
  readonly bus: Bus;
  readonly harts: readonly Hart[];
  readonly clint: Clint;
  readonly plic: Plic;
  readonly uart: Uart16550a;
  readonly rtc: GoldfishRtc;
  readonly test: SifiveTest;
  readonly virtio: readonly VirtioSlot[];
  readonly dma: DmaPort;
  /** The mask ROM at 0x1000: empty until the boot layout is known ({@link ReadOnlyMemory.program}). */
  readonly rom = new ReadOnlyMemory(VIRT_MROM.size);

  constructor(options: VirtBoardOptions) {
    const ram = createRam(VIRT_LAYOUT.dram.base, options.ramSize);
    this.bus = new Bus(ram);
    this.memory = new CoherentMemory(this.bus);
    this.dma = ramDma(this.memory);

    const harts: Hart[] = [];
    for (let id = 0; id < options.harts; id++) {
      harts.push(
        new Hart({
          hartId: id,
          memory: this.memory,
          resetPc: VIRT_MROM.base,
          misaligned: options.misaligned ?? 'perform',
          // The time CSR reads the CLINT's mtime, the platform's one clock (privileged spec 3.2.1).
          readTime: () => this.clint.mtime(),
        }),
      );
    }
    this.harts = harts;
    const line = (hart: Hart, bit: number): IrqLine => ({ set: (level) => hart.setIrqLine(bit, level) });

    this.clint = new Clint({
      clock: options.clock,
      harts: harts.map((h) => ({ msip: line(h, Interrupt.MSI), mtip: line(h, Interrupt.MTI) })),
    });
    this.plic = new Plic({ contexts: harts.flatMap((h) => [line(h, Interrupt.MEI), line(h, Interrupt.SEI)]) });
    this.uart = new Uart16550a({ console: options.console, irq: this.plic.input(VIRT_IRQ.uart0) });
    this.rtc = new GoldfishRtc({ clock: options.clock, irq: this.plic.input(VIRT_IRQ.rtc), startMs: options.rtcStartMs ?? 0 });
    this.test = new SifiveTest(options.onPower);

    const { test, rtc, clint, plic, uart0, virtio } = VIRT_LAYOUT;
    const map = (name: string, base: number, size: number, device: MmioDevice): void => this.bus.map({ name, base, size }, device);
    map('mrom', VIRT_MROM.base, VIRT_MROM.size, this.rom);
    map('test', test.base, test.size, this.test);
    map('rtc', rtc.base, rtc.size, this.rtc);
    map('clint', clint.base, clint.size, this.clint);
    map('plic', plic.base, plic.size, this.plic);
    map('uart0', uart0.base, uart0.size, this.uart);

    const specs = options.virtio ?? [];
    if (specs.length > virtio.count) throw new RangeError(`the virt board has ${virtio.count} virtio-mmio slots, not ${specs.length}`);
    const slots: VirtioSlot[] = [];
    for (let slot = 0; slot < virtio.count; slot++) {
      const base = virtio.base + slot * virtio.size;
      // QEMU hands out slots from the top: the first -device gets slot 7 (hw/arm/virt.c explains why).
      const spec = specs[virtio.count - 1 - slot];
      if (spec === undefined) {
        map(`virtio${slot}`, base, virtio.size, new EmptyVirtioSlot());
        continue;
      }
      const transport = new VirtioMmio({ device: virtioDevice(spec), dma: this.dma, irq: this.plic.input(VIRT_IRQ.virtioFirst + slot) });
      map(`virtio${slot}`, base, virtio.size, transport);
      slots.push({ slot, base, transport });
    }
    this.virtio = slots;
  }

  /** Brings device time up to date: raises timer interrupts whose deadline passed, fires the RTC alarm. */
  updateTime(): void {
    this.clint.update();
    this.rtc.update();
  }
}

function virtioDevice(spec: VirtioDeviceSpec) {
  switch (spec.kind) {
    case 'blk':
      return new VirtioBlk({ backend: spec.backend, readOnly: spec.readOnly, serial: spec.serial });
    case 'rng':
      return new VirtioRng({ entropy: spec.entropy });
    case 'console':
      return new VirtioConsole({ console: spec.console });
    case 'net':
      return new VirtioNet({ backend: spec.backend });
  }
}
