import type { CoherentMemory } from '@rvhv/isa';
import { hexAddress } from '@rvhv/devices';
import type { InitrdRange } from '../fdt/chosen.js';
import { loadElf } from '../load-elf.js';
import { FW_DYNAMIC_NEXT_MODE } from './fw-dynamic-info.js';
import { LINUX_IMAGE_ALIGN, parseLinuxImage } from './linux-image.js';

const MiB = 1024 * 1024;
const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

/** What the board boots, as bytes (the front end reads the files). */
export interface BootImages {
  /** Firmware (`-bios`): an ELF or a raw binary for the start of RAM; 'none' boots the kernel directly in M-mode. */
  readonly bios: Uint8Array | 'none';
  /** The next stage (`-kernel`): an ELF, a Linux Image or a raw binary. */
  readonly kernel?: Uint8Array;
  /** An initial ramdisk (`-initrd`), placed as QEMU places it and named in /chosen. */
  readonly initrd?: Uint8Array;
  /** How error messages name each image (a front end passes e.g. "-kernel Image"); default firmware, kernel, initrd. */
  readonly names?: { readonly bios?: string; readonly kernel?: string; readonly initrd?: string };
}

export type ImageFormat = 'elf' | 'linux-image' | 'raw';

/** A loaded image's place in RAM. */
export interface LoadedRange {
  readonly format: ImageFormat;
  readonly start: number;
  /** End of what it occupies (for an Image: text start + image_size, .bss included). */
  readonly end: number;
  readonly entry: number;
}

/** Where everything went, and what the boot ROM must say. */
export interface BootPlan {
  /** Where the ROM jumps: the firmware's entry, or the kernel's with `bios: 'none'`. */
  readonly startAddr: number;
  /** fw_dynamic_info.next_addr: the kernel's entry (or where one would load). */
  readonly nextAddr: number;
  readonly nextMode: number;
  readonly firmware: LoadedRange | undefined;
  readonly kernel: LoadedRange | undefined;
  readonly initrd: InitrdRange | undefined;
  /** HTIF mailbox, when an ELF image defines `tohost` (bare test programs). */
  readonly htif: { readonly tohost: number; readonly fromhost: number | undefined } | undefined;
}

export type LoadBootImagesResult = { readonly ok: true; readonly plan: BootPlan } | { readonly ok: false; readonly error: string };

const alignUp = (value: number, alignment: number): number => Math.ceil(value / alignment) * alignment;

function isElf(bytes: Uint8Array): boolean {
  return ELF_MAGIC.every((b, i) => bytes[i] === b);
}

const range = (start: number, end: number): string => `[${hexAddress(start)}, ${hexAddress(end)})`;

/**
 * Loads firmware, kernel and initrd into RAM the way QEMU's `virt` board
 * does (hw/riscv/boot.c, QEMU 7.2):
 * - firmware: an ELF at its physical addresses, else a raw binary at the
 *   start of RAM;
 * - kernel: an ELF at its physical addresses; a Linux Image at
 *   RAM + text_offset, but no lower than the first 2 MiB boundary past the
 *   firmware (the kernel maps itself with 2 MiB pages); anything else raw
 *   at that boundary;
 * - initrd: at kernel start + min(RAM / 2, 128 MiB) (far enough for the
 *   kernel to unpack below it, low enough to stay in its linear map), or
 *   after the kernel's image_size when that is further.
 * Everything is checked to lie in RAM and not to overlap; errors name the
 * image and the addresses.
 */
export function loadBootImages(memory: CoherentMemory, images: BootImages): LoadBootImagesResult {
  const ram = memory.ram;
  const ramEnd = ram.base + ram.size;
  const names = { bios: images.names?.bios ?? 'firmware', kernel: images.names?.kernel ?? 'kernel', initrd: images.names?.initrd ?? 'initrd' };
  if (images.bios === 'none' && images.kernel === undefined) return { ok: false, error: 'nothing to boot: no firmware (bios none) and no kernel' };
  if (images.initrd !== undefined && images.kernel === undefined) return { ok: false, error: 'an initrd needs a kernel to go with it' };

  const writeRaw = (what: string, bytes: Uint8Array, at: number): string | undefined => {
    if (at < ram.base || at + bytes.length > ramEnd) {
      return `${what}: ${bytes.length} bytes at ${hexAddress(at)} do not fit in RAM ${range(ram.base, ramEnd)}`;
    }
    ram.bytes.set(bytes, at - ram.base);
    if (bytes.length > 0) memory.noteRamWrite(at - ram.base, bytes.length);
    return undefined;
  };

  let htif: BootPlan['htif'];
  const loadElfImage = (what: string, bytes: Uint8Array): LoadedRange | string => {
    const loaded = loadElf(bytes, memory);
    if (!loaded.ok) return `${what}: ${loaded.error}`;
    const { image } = loaded;
    const start = Math.min(...image.segments.map((s) => s.paddr));
    const end = Math.max(...image.segments.map((s) => s.paddr + s.memsz));
    if (image.tohost !== undefined && htif === undefined) htif = { tohost: image.tohost, fromhost: image.fromhost };
    return { format: 'elf', start, end, entry: image.entry };
  };

  let firmware: LoadedRange | undefined;
  if (images.bios !== 'none') {
    const bytes = images.bios;
    if (bytes.length === 0) return { ok: false, error: `${names.bios}: the image is empty` };
    if (isElf(bytes)) {
      const r = loadElfImage(names.bios, bytes);
      if (typeof r === 'string') return { ok: false, error: r };
      firmware = r;
    } else {
      const error = writeRaw(names.bios, bytes, ram.base);
      if (error) return { ok: false, error };
      firmware = { format: 'raw', start: ram.base, end: ram.base + bytes.length, entry: ram.base };
    }
  }

  const kernelBase = alignUp(firmware?.end ?? ram.base, LINUX_IMAGE_ALIGN);
  let kernel: LoadedRange | undefined;
  if (images.kernel !== undefined) {
    const bytes = images.kernel;
    if (bytes.length === 0) return { ok: false, error: `${names.kernel}: the image is empty` };
    if (isElf(bytes)) {
      const r = loadElfImage(names.kernel, bytes);
      if (typeof r === 'string') return { ok: false, error: r };
      kernel = r;
    } else {
      const parsed = parseLinuxImage(bytes);
      if (parsed.kind === 'bad-header') return { ok: false, error: `${names.kernel}: ${parsed.error}` };
      if (parsed.kind === 'image') {
        const start = Math.max(kernelBase, alignUp(ram.base + parsed.header.textOffset, LINUX_IMAGE_ALIGN));
        const end = start + parsed.header.imageSize;
        if (end > ramEnd) {
          return { ok: false, error: `${names.kernel}: the Image needs ${range(start, end)} (image_size ${parsed.header.imageSize}), beyond RAM ${range(ram.base, ramEnd)}` };
        }
        const error = writeRaw(names.kernel, bytes, start);
        if (error) return { ok: false, error };
        kernel = { format: 'linux-image', start, end, entry: start };
      } else {
        const error = writeRaw(names.kernel, bytes, kernelBase);
        if (error) return { ok: false, error };
        kernel = { format: 'raw', start: kernelBase, end: kernelBase + bytes.length, entry: kernelBase };
      }
    }
    if (firmware !== undefined && kernel.start < firmware.end && firmware.start < kernel.end) {
      return { ok: false, error: `${names.kernel} ${range(kernel.start, kernel.end)} overlaps ${names.bios} ${range(firmware.start, firmware.end)}` };
    }
  }

  let initrd: InitrdRange | undefined;
  if (images.initrd !== undefined && kernel !== undefined) {
    const start = alignUp(Math.max(kernel.start + Math.min(ram.size / 2, 128 * MiB), kernel.end), 4096);
    const error = writeRaw(names.initrd, images.initrd, start);
    if (error) return { ok: false, error };
    initrd = { start, end: start + images.initrd.length };
  }

  const startAddr = firmware?.entry ?? kernel!.entry;
  return {
    ok: true,
    plan: {
      startAddr,
      nextAddr: kernel?.entry ?? kernelBase,
      nextMode: FW_DYNAMIC_NEXT_MODE.S,
      firmware,
      kernel,
      initrd,
      htif,
    },
  };
}

/**
 * Where the device tree goes (QEMU 7.2 `riscv_load_fdt`): at the end of
 * RAM, or of the first 3 GiB of it when RAM starts below 3 GiB (so a
 * 32-bit kernel can reach it), aligned down to 2 MiB. Returns undefined
 * when it would overlap what is already loaded.
 */
export function fdtAddress(ramBase: number, ramSize: number, dtbSize: number, occupiedEnd: number): number | undefined {
  const ramEnd = ramBase + ramSize;
  const limit = ramBase < 3072 * MiB ? Math.min(ramEnd, 3072 * MiB) : ramEnd;
  const at = Math.floor((limit - dtbSize) / (2 * MiB)) * (2 * MiB);
  return at >= occupiedEnd && at >= ramBase ? at : undefined;
}
