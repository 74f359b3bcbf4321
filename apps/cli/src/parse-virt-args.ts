/**
 * The QEMU-style command line of `rvhv` for the `virt` board
 * (`rvhv -M virt -m 256M -smp 2 -bios fw_dynamic.bin -kernel Image ...`):
 * the flags of `qemu-system-riscv64` that common runs use, with QEMU's
 * syntax and QEMU's rules where they conflict. Everything else is refused
 * with a message that lists what is supported.
 */

/** A `-drive` (QEMU's block device backend; this one is always a raw image file). */
export interface DriveOption {
  readonly id: string;
  readonly file: string;
  readonly readOnly: boolean;
  /** 'none': used by a -device; 'virtio': a virtio-blk device of its own (QEMU's shorthand). */
  readonly interface: 'none' | 'virtio';
}

/** A `-device` the board can have. */
export type DeviceOption = { readonly kind: 'virtio-blk'; readonly drive: string; readonly serial?: string } | { readonly kind: 'virtio-rng' };

export interface VirtCommand {
  readonly kind: 'virt';
  /** Bytes of RAM (`-m`, default 128 MiB as on QEMU). */
  readonly memory: number;
  /** `-smp`, default 1. */
  readonly harts: number;
  /** `-bios`: a file, 'none', or undefined for the default firmware. */
  readonly bios: string | undefined;
  readonly kernel: string | undefined;
  readonly initrd: string | undefined;
  readonly append: string | undefined;
  readonly dtb: string | undefined;
  /** `-machine dumpdtb=FILE`: write the device tree and exit. */
  readonly dumpDtb: string | undefined;
  readonly drives: readonly DriveOption[];
  /** In command-line order, -drive if=virtio included where it was given. */
  readonly devices: readonly DeviceOption[];
  /** `-no-reboot`: a guest reset ends the run. */
  readonly noReboot: boolean;
  /** `-icount shift=N`: time from the instruction count; undefined: the host's clock. */
  readonly icountShift: number | undefined;
}

export type ParseVirtResult = { readonly ok: true; readonly command: VirtCommand } | { readonly ok: false; readonly message: string };

/** The flags rvhv takes in its QEMU-style mode, as shown in errors (the help text explains them). */
export const SUPPORTED_VIRT_FLAGS = [
  '-M/-machine virt[,dumpdtb=FILE]',
  '-m',
  '-smp',
  '-bios',
  '-kernel',
  '-initrd',
  '-append',
  '-dtb',
  '-drive',
  '-device virtio-blk-device|virtio-rng-device',
  '-nographic',
  '-serial stdio|mon:stdio',
  '-display none',
  '-monitor none',
  '-no-reboot',
  '-icount',
];

/** Flags that take a value, by their name without dashes. */
const VALUE_FLAGS = new Set(['M', 'machine', 'm', 'smp', 'bios', 'kernel', 'initrd', 'append', 'dtb', 'drive', 'device', 'serial', 'display', 'monitor', 'icount']);
/** Flags without a value. */
const PLAIN_FLAGS = new Set(['nographic', 'no-reboot']);

/** Whether an argument is one of the QEMU-style flags (how `rvhv` tells this mode from `rvhv run`). */
export function isVirtFlag(arg: string): boolean {
  const name = flagName(arg);
  return name !== undefined && (VALUE_FLAGS.has(name) || PLAIN_FLAGS.has(name));
}

/** `-x` or `--x` (QEMU accepts both) without the dashes; undefined for a non-flag. */
function flagName(arg: string): string | undefined {
  if (!arg.startsWith('-') || arg === '-' || arg === '--') return undefined;
  return arg.startsWith('--') ? arg.slice(2) : arg.slice(1);
}

const MiB = 1024 * 1024;
const SIZE_UNITS: Record<string, number> = { b: 1, k: 1024, m: MiB, g: 1024 * MiB, t: 1024 * 1024 * MiB };

/** QEMU's size syntax with MiB as the default unit: 128, 128M, 1G, 1.5G, 512k. */
function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bkmgtBKMGT]?)$/.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * SIZE_UNITS[(m[2] || 'm').toLowerCase()]!;
  return Number.isFinite(bytes) ? Math.floor(bytes) : undefined;
}

/** Splits QEMU's `key=value,key=value` option lists; a first item without `=` is the value of `implied`. */
function parseOptionList(text: string, implied?: string): Map<string, string> | string {
  const options = new Map<string, string>();
  const items = text.split(',');
  for (const [i, item] of items.entries()) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      if (i === 0 && implied !== undefined && item !== '') {
        options.set(implied, item);
        continue;
      }
      return `'${item}' is not key=value`;
    }
    const key = item.slice(0, eq);
    if (options.has(key)) return `${key} is given twice`;
    options.set(key, item.slice(eq + 1));
  }
  return options;
}

/** Refuses keys outside `allowed`, naming them and the ones that are supported. */
function checkKeys(flag: string, options: Map<string, string>, allowed: readonly string[]): string | undefined {
  for (const key of options.keys()) {
    if (!allowed.includes(key)) return `${flag}: unsupported option '${key}' (rvhv supports ${allowed.join(', ')})`;
  }
  return undefined;
}

const on = (value: string | undefined): boolean | undefined => (value === undefined ? false : value === 'on' ? true : value === 'off' ? false : undefined);

interface Draft {
  memory: number;
  harts: number;
  bios?: string;
  kernel?: string;
  initrd?: string;
  append?: string;
  dtb?: string;
  dumpDtb?: string;
  drives: DriveOption[];
  devices: DeviceOption[];
  noReboot: boolean;
  icountShift?: number;
}

/** The most harts the board has (QEMU's virt allows more; rvhv's board is sized for 8). */
const MAX_HARTS = 8;

/** Parses the QEMU-style arguments. Every error is one line naming the flag and the problem. */
export function parseVirtArgs(argv: readonly string[]): ParseVirtResult {
  const draft: Draft = { memory: 128 * MiB, harts: 1, drives: [], devices: [], noReboot: false };
  const fail = (message: string): ParseVirtResult => ({ ok: false, message });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = flagName(arg);
    if (name === undefined) return fail(`unexpected argument '${arg}' (QEMU-style options start with '-'; supported: ${SUPPORTED_VIRT_FLAGS.join(', ')})`);
    if (PLAIN_FLAGS.has(name)) {
      if (name === 'no-reboot') draft.noReboot = true;
      // -nographic: the console is always on standard input/output (rvhv has no display).
      continue;
    }
    if (!VALUE_FLAGS.has(name)) return fail(`unsupported option '${arg}' (supported: ${SUPPORTED_VIRT_FLAGS.join(', ')}; see rvhv --help)`);
    const value = argv[i + 1];
    // -icount alone (QEMU wants a value) means shift 0, so `-icount -kernel x` does what it says.
    if (name === 'icount' && (value === undefined || value.startsWith('-'))) {
      draft.icountShift = 0;
      continue;
    }
    if (value === undefined) return fail(`${arg} expects a value`);
    i++;
    const error = applyValueFlag(draft, arg, name, value);
    if (error !== undefined) return fail(error);
  }

  if (draft.kernel === undefined) {
    if (draft.initrd !== undefined) return fail('-initrd only allowed with -kernel option');
    if (draft.append !== undefined) return fail('-append only allowed with -kernel option');
    if (draft.bios === 'none') return fail('-bios none needs a -kernel: there is nothing else to boot');
  }
  const used = new Set<string>();
  for (const device of draft.devices) {
    if (device.kind !== 'virtio-blk') continue;
    const drive = draft.drives.find((d) => d.id === device.drive);
    if (drive === undefined) return fail(`-device virtio-blk-device: drive '${device.drive}' is not defined by a -drive id=${device.drive}`);
    if (used.has(device.drive)) return fail(`-device virtio-blk-device: drive '${device.drive}' is already in use by another device`);
    used.add(device.drive);
  }
  if (draft.devices.length > 8) return fail(`the virt board has 8 virtio-mmio slots; ${draft.devices.length} virtio devices do not fit`);
  return {
    ok: true,
    command: {
      kind: 'virt',
      memory: draft.memory,
      harts: draft.harts,
      bios: draft.bios,
      kernel: draft.kernel,
      initrd: draft.initrd,
      append: draft.append,
      dtb: draft.dtb,
      dumpDtb: draft.dumpDtb,
      drives: draft.drives,
      devices: draft.devices,
      noReboot: draft.noReboot,
      icountShift: draft.icountShift,
    },
  };
}

function applyValueFlag(draft: Draft, arg: string, name: string, value: string): string | undefined {
  switch (name) {
    case 'M':
    case 'machine':
      return applyMachine(draft, arg, value);
    case 'm': {
      const options = parseOptionList(value, 'size');
      if (typeof options === 'string') return `${arg}: ${options}`;
      const bad = checkKeys(arg, options, ['size']);
      if (bad) return bad;
      const size = parseSize(options.get('size') ?? '');
      if (size === undefined) return `${arg}: '${value}' is not a memory size (e.g. 256M, 1G)`;
      if (size < MiB || size > 2048 * MiB || size % 4096 !== 0) return `${arg}: ${value} of RAM is not supported (1 MiB to 2 GiB, whole 4 KiB pages)`;
      draft.memory = size;
      return undefined;
    }
    case 'smp': {
      const options = parseOptionList(value, 'cpus');
      if (typeof options === 'string') return `${arg}: ${options}`;
      const bad = checkKeys(arg, options, ['cpus', 'maxcpus']);
      if (bad) return bad;
      const cpus = options.get('cpus') ?? '';
      if (!/^\d+$/.test(cpus) || Number(cpus) < 1 || Number(cpus) > MAX_HARTS) return `${arg}: '${cpus}' harts: the virt board has 1 to ${MAX_HARTS}`;
      const max = options.get('maxcpus');
      if (max !== undefined && max !== cpus) return `${arg}: maxcpus must equal cpus (rvhv has no CPU hotplug)`;
      draft.harts = Number(cpus);
      return undefined;
    }
    case 'bios':
      draft.bios = value;
      return undefined;
    case 'kernel':
      draft.kernel = value;
      return undefined;
    case 'initrd':
      draft.initrd = value;
      return undefined;
    case 'append':
      draft.append = value;
      return undefined;
    case 'dtb':
      draft.dtb = value;
      return undefined;
    case 'drive':
      return applyDrive(draft, arg, value);
    case 'device':
      return applyDevice(draft, arg, value);
    case 'serial':
      return value === 'stdio' || value === 'mon:stdio' ? undefined : `${arg}: '${value}' is not supported (the console is on stdio: -serial stdio or mon:stdio)`;
    case 'display':
      return value === 'none' ? undefined : `${arg}: '${value}' is not supported (rvhv has no display: -display none)`;
    case 'monitor':
      return value === 'none' ? undefined : `${arg}: '${value}' is not supported (rvhv has no monitor: -monitor none)`;
    case 'icount': {
      const options = parseOptionList(value, 'shift');
      if (typeof options === 'string') return `${arg}: ${options}`;
      const bad = checkKeys(arg, options, ['shift']);
      if (bad) return bad;
      const shift = options.get('shift') ?? '';
      if (!/^\d+$/.test(shift) || Number(shift) > 10) return `${arg}: shift '${shift}' is not supported (a number 0..10; 'auto' is not supported)`;
      draft.icountShift = Number(shift);
      return undefined;
    }
    default:
      return `unsupported option '${arg}'`;
  }
}

function applyMachine(draft: Draft, arg: string, value: string): string | undefined {
  const options = parseOptionList(value, 'type');
  if (typeof options === 'string') return `${arg}: ${options}`;
  const bad = checkKeys(arg, options, ['type', 'dumpdtb']);
  if (bad) return bad;
  const type = options.get('type');
  if (type !== undefined && type !== 'virt') return `${arg}: unsupported machine '${type}' (rvhv has one machine: virt)`;
  const dump = options.get('dumpdtb');
  if (dump !== undefined) {
    if (dump === '') return `${arg}: dumpdtb needs a file name`;
    draft.dumpDtb = dump;
  }
  return undefined;
}

function applyDrive(draft: Draft, arg: string, value: string): string | undefined {
  const options = parseOptionList(value);
  if (typeof options === 'string') return `${arg}: ${options}`;
  const bad = checkKeys(arg, options, ['file', 'format', 'if', 'id', 'readonly']);
  if (bad) return bad;
  const file = options.get('file');
  if (file === undefined || file === '') return `${arg}: file=... is required`;
  const format = options.get('format') ?? 'raw';
  if (format !== 'raw') return `${arg}: format '${format}' is not supported (raw images only)`;
  const iface = options.get('if') ?? 'none';
  if (iface !== 'none' && iface !== 'virtio') return `${arg}: if=${iface} is not supported (if=none with -device virtio-blk-device, or if=virtio)`;
  const readOnly = on(options.get('readonly'));
  if (readOnly === undefined) return `${arg}: readonly must be on or off`;
  const id = options.get('id') ?? `drive${draft.drives.length}`;
  if (iface === 'none' && !options.has('id')) return `${arg}: if=none needs an id=... for -device virtio-blk-device,drive=...`;
  if (draft.drives.some((d) => d.id === id)) return `${arg}: duplicate drive id '${id}'`;
  draft.drives.push({ id, file, readOnly, interface: iface });
  if (iface === 'virtio') draft.devices.push({ kind: 'virtio-blk', drive: id });
  return undefined;
}

function applyDevice(draft: Draft, arg: string, value: string): string | undefined {
  const options = parseOptionList(value, 'driver');
  if (typeof options === 'string') return `${arg}: ${options}`;
  const driver = options.get('driver');
  if (driver === 'virtio-blk-device') {
    const bad = checkKeys(arg, options, ['driver', 'drive', 'serial']);
    if (bad) return bad;
    const drive = options.get('drive');
    if (drive === undefined) return `${arg}: virtio-blk-device needs drive=<id of a -drive>`;
    const serial = options.get('serial');
    draft.devices.push(serial === undefined ? { kind: 'virtio-blk', drive } : { kind: 'virtio-blk', drive, serial });
    return undefined;
  }
  if (driver === 'virtio-rng-device') {
    const bad = checkKeys(arg, options, ['driver']);
    if (bad) return bad;
    draft.devices.push({ kind: 'virtio-rng' });
    return undefined;
  }
  return `${arg}: unsupported device '${driver ?? value}' (rvhv has virtio-blk-device and virtio-rng-device)`;
}
