import { deviceTree, fdtNode as node, fdtProp as prop, type DeviceTree, type FdtNode } from './device-tree.js';
import { cells, EMPTY, phandle, reg, str, strings, u32 } from './fdt-value.js';
import { patchChosen, type InitrdRange } from './chosen.js';
import { canonicalIsaExtensions, riscvIsaString } from './riscv-isa-string.js';
import { VIRT_IRQ, VIRT_LAYOUT, VIRT_PLIC_NDEV, VIRT_TEST_FINISHER, VIRT_TIMEBASE_HZ, VIRT_UART_CLOCK_HZ } from './virt-layout.js';
import { hexAddress } from '@rvhv/devices';

/** Address translation schemes a hart may offer S-mode (`mmu-type`, riscv/cpus.yaml). */
export type MmuType = 'sv39' | 'sv48' | 'sv57';

/** The most harts the virt board is built with. */
export const VIRT_MAX_HARTS = 8;

/**
 * The extensions rvhv's hart implements (RV64GC with H and the privileged
 * extensions its CSR file has): the `riscv,isa` default.
 */
export const DEFAULT_ISA_EXTENSIONS: readonly string[] = [
  'i', 'm', 'a', 'f', 'd', 'c', 'h',
  'zicond', 'zicsr', 'zifencei', 'zba', 'zbb', 'zbs',
  'sstc', 'svinval',
];

/** What the virt board's device tree is generated from. */
export interface VirtDeviceTreeConfig {
  /** Number of harts, 1..VIRT_MAX_HARTS; hart ids are 0..harts-1. */
  readonly harts: number;
  /** Bytes of RAM from 0x8000_0000. */
  readonly ramSize: number;
  /** Kernel command line (/chosen/bootargs). */
  readonly bootargs?: string;
  /** Where an initrd was loaded (/chosen/linux,initrd-start, -end). */
  readonly initrd?: InitrdRange;
  /** Extensions each hart implements, any order (default DEFAULT_ISA_EXTENSIONS). */
  readonly isaExtensions?: readonly string[];
  /** Default sv48: the widest mode the hart implements (Linux reads it as the upper bound to probe). */
  readonly mmuType?: MmuType;
  /** Entropy for /chosen/rng-seed (Linux seeds its RNG with it early); omitted when undefined. */
  readonly rngSeed?: Uint8Array;
}

export type BuildVirtDeviceTreeResult = { readonly ok: true; readonly tree: DeviceTree } | { readonly ok: false; readonly error: string };

/** The UART's path: /chosen/stdout-path and the serial0 alias point at it. */
export const VIRT_STDOUT_PATH = `/soc/serial@${VIRT_LAYOUT.uart0.base.toString(16)}`;

const unit = (name: string, base: number): string => `${name}@${base.toString(16)}`;

/**
 * The device tree of the `virt` board, node for node what QEMU's riscv64
 * `virt` machine generates for its devices (hw/riscv/virt.c): /cpus with
 * one cpu@N per hart and its local interrupt controller, /memory, /chosen,
 * /soc with the CLINT, PLIC, 16550A, eight virtio-mmio slots (present
 * whether or not a device backs them, as in QEMU), the SiFive test device
 * with syscon poweroff/reboot, and the Goldfish RTC. Not modelled: PCIe,
 * fw-cfg, flash, platform bus, PMU.
 *
 * Returns an error for a configuration the board cannot have (hart count,
 * RAM size, initrd outside RAM, unknown extension name).
 */
export function buildVirtDeviceTree(config: VirtDeviceTreeConfig): BuildVirtDeviceTreeResult {
  const { harts, ramSize } = config;
  if (!Number.isInteger(harts) || harts < 1 || harts > VIRT_MAX_HARTS) {
    return { ok: false, error: `the virt board has 1 to ${VIRT_MAX_HARTS} harts, not ${harts}` };
  }
  const ramBase = VIRT_LAYOUT.dram.base;
  if (!Number.isSafeInteger(ramSize) || ramSize <= 0 || !Number.isSafeInteger(ramBase + ramSize)) {
    return { ok: false, error: `RAM size ${ramSize} is not a positive byte count` };
  }
  if (config.initrd) {
    const { start, end } = config.initrd;
    if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start <= end && start >= ramBase && end <= ramBase + ramSize)) {
      return {
        ok: false,
        error: `initrd [${hexAddress(start)}, ${hexAddress(end)}) is not inside RAM [${hexAddress(ramBase)}, ${hexAddress(ramBase + ramSize)})`,
      };
    }
  }
  const isa = canonicalIsaExtensions(config.isaExtensions ?? DEFAULT_ISA_EXTENSIONS);
  if (!isa.ok) return isa;

  // Phandles are handed out in order; what matters is that each is unique and non-zero (2.3.3).
  let nextPhandle = 1;
  const allocate = (): number => nextPhandle++;
  const cpuPhandles = Array.from({ length: harts }, allocate);
  const intcPhandles = Array.from({ length: harts }, allocate);
  const plicPhandle = allocate();
  const testPhandle = allocate();

  const cpus = node(
    'cpus',
    [prop('#address-cells', u32(1)), prop('#size-cells', u32(0)), prop('timebase-frequency', u32(VIRT_TIMEBASE_HZ))],
    [
      ...cpuPhandles.map((cpuPhandle, hart) => cpuNode(hart, cpuPhandle, intcPhandles[hart]!, isa.names, config.mmuType ?? 'sv48')),
      node('cpu-map', [], [node('cluster0', [], cpuPhandles.map((p, hart) => node(`core${hart}`, [prop('cpu', phandle(p))])))]),
    ],
  );

  const memory = node(unit('memory', ramBase), [prop('device_type', str('memory')), prop('reg', reg([[ramBase, ramSize]]))]);

  const chosenProps = [prop('stdout-path', str(VIRT_STDOUT_PATH))];
  if (config.rngSeed) chosenProps.push(prop('rng-seed', config.rngSeed.slice()));
  const chosen = node('chosen', chosenProps);

  const aliases = node('aliases', [prop('serial0', str(VIRT_STDOUT_PATH))]);

  const { test, rtc, clint, plic, uart0, virtio } = VIRT_LAYOUT;
  const plicChild = (irq: number) => [prop('interrupt-parent', phandle(plicPhandle)), prop('interrupts', u32(irq))];
  const soc = node(
    'soc',
    [prop('#address-cells', u32(2)), prop('#size-cells', u32(2)), prop('compatible', str('simple-bus')), prop('ranges', EMPTY)],
    [
      node(unit('test', test.base), [
        prop('compatible', strings('sifive,test1', 'sifive,test0', 'syscon')),
        prop('reg', reg([[test.base, test.size]])),
        prop('phandle', u32(testPhandle)),
      ]),
      node(unit('rtc', rtc.base), [
        prop('compatible', str('google,goldfish-rtc')),
        prop('reg', reg([[rtc.base, rtc.size]])),
        ...plicChild(VIRT_IRQ.rtc),
      ]),
      node(unit('clint', clint.base), [
        prop('compatible', strings('sifive,clint0', 'riscv,clint0')),
        prop('reg', reg([[clint.base, clint.size]])),
        // Per hart: machine software interrupt, machine timer interrupt (mip bits, privileged spec 3.1.9).
        prop('interrupts-extended', cells(...intcPhandles.flatMap((p) => [p, INTERRUPT.MSI, p, INTERRUPT.MTI]))),
      ]),
      node(unit('plic', plic.base), [
        prop('#address-cells', u32(0)),
        prop('#interrupt-cells', u32(1)),
        prop('compatible', strings('sifive,plic-1.0.0', 'riscv,plic0')),
        prop('interrupt-controller', EMPTY),
        // Per hart two contexts, M-mode then S-mode external interrupt: the PLIC's context numbering.
        prop('interrupts-extended', cells(...intcPhandles.flatMap((p) => [p, INTERRUPT.MEI, p, INTERRUPT.SEI]))),
        prop('reg', reg([[plic.base, plic.size]])),
        prop('riscv,ndev', u32(VIRT_PLIC_NDEV)),
        prop('phandle', u32(plicPhandle)),
      ]),
      node(unit('serial', uart0.base), [
        prop('compatible', str('ns16550a')),
        prop('reg', reg([[uart0.base, uart0.size]])),
        prop('clock-frequency', u32(VIRT_UART_CLOCK_HZ)),
        ...plicChild(VIRT_IRQ.uart0),
      ]),
      ...Array.from({ length: virtio.count }, (_, slot) => {
        const base = virtio.base + slot * virtio.size;
        return node(unit('virtio_mmio', base), [
          prop('compatible', str('virtio,mmio')),
          prop('reg', reg([[base, virtio.size]])),
          ...plicChild(VIRT_IRQ.virtioFirst + slot),
        ]);
      }),
    ],
  );

  const syscon = (name: string, compatible: string, value: number): FdtNode =>
    node(name, [
      prop('compatible', str(compatible)),
      prop('regmap', phandle(testPhandle)),
      prop('offset', u32(0)),
      prop('value', u32(value)),
    ]);

  const root = node(
    '',
    [
      prop('#address-cells', u32(2)),
      prop('#size-cells', u32(2)),
      prop('compatible', str('riscv-virtio')),
      prop('model', str('riscv-virtio,qemu')),
    ],
    [
      chosen,
      aliases,
      memory,
      cpus,
      soc,
      syscon('poweroff', 'syscon-poweroff', VIRT_TEST_FINISHER.pass),
      syscon('reboot', 'syscon-reboot', VIRT_TEST_FINISHER.reset),
    ],
  );
  const tree = deviceTree(root);
  patchChosen(tree, { bootargs: config.bootargs, initrd: config.initrd });
  return { ok: true, tree };
}

/** Interrupt numbers of the hart-local controller (mip/mie bit positions, privileged spec 3.1.9). */
const INTERRUPT = { SSI: 1, MSI: 3, STI: 5, MTI: 7, SEI: 9, MEI: 11 } as const;

function cpuNode(hart: number, cpuPhandle: number, intcPhandle: number, extensions: readonly string[], mmu: MmuType): FdtNode {
  return node(
    `cpu@${hart.toString(16)}`,
    [
      prop('device_type', str('cpu')),
      prop('reg', u32(hart)),
      prop('status', str('okay')),
      prop('compatible', str('riscv')),
      prop('riscv,isa', str(riscvIsaString(extensions))),
      // The newer binding (riscv/extensions.yaml): base and extension list separately; Linux >= 6.5 prefers it.
      prop('riscv,isa-base', str('rv64i')),
      prop('riscv,isa-extensions', strings(...extensions)),
      prop('mmu-type', str(`riscv,${mmu}`)),
      prop('phandle', u32(cpuPhandle)),
    ],
    [
      node('interrupt-controller', [
        // #address-cells 0: an interrupt provider states it (dtc's interrupt_provider check; QEMU >= 8.1 does too).
        prop('#address-cells', u32(0)),
        prop('#interrupt-cells', u32(1)),
        prop('compatible', str('riscv,cpu-intc')),
        prop('interrupt-controller', EMPTY),
        prop('phandle', u32(intcPhandle)),
      ]),
    ],
  );
}
