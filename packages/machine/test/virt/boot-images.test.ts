import { describe, expect, it } from 'vitest';
import { CoherentMemory } from '@rvhv/isa';
import { Bus } from '@rvhv/devices';
import { createRam } from '@rvhv/mmu';
import { fdtAddress, loadBootImages, type BootImages } from '../../src/index.js';
import { linuxImage, program, rawProgram } from './helpers/program.js';

const MiB = 1024 * 1024;
const RAM = 0x8000_0000;

function memory(size = 64 * MiB): CoherentMemory {
  return new CoherentMemory(new Bus(createRam(RAM, size)));
}

function load(images: BootImages, size?: number) {
  const mem = memory(size);
  return { mem, result: loadBootImages(mem, images) };
}

const firmware = (bytes: number): Uint8Array => new Uint8Array(bytes).fill(0x13);

describe('loadBootImages', () => {
  it('puts a raw firmware at the start of RAM and enters it there; the kernel goes to the next 2 MiB boundary', () => {
    const { mem, result } = load({ bios: firmware(300 * 1024), kernel: new Uint8Array(1000).fill(0x55) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.firmware).toEqual({ format: 'raw', start: RAM, end: RAM + 300 * 1024, entry: RAM });
    expect(result.plan.kernel).toEqual({ format: 'raw', start: RAM + 2 * MiB, end: RAM + 2 * MiB + 1000, entry: RAM + 2 * MiB });
    expect(result.plan.startAddr).toBe(RAM);
    expect(result.plan.nextAddr).toBe(RAM + 2 * MiB);
    expect(mem.ram.bytes[2 * MiB]).toBe(0x55);
  });

  it('rounds a larger firmware up to the next 2 MiB boundary for the kernel (QEMU riscv_calc_kernel_start_addr)', () => {
    const { result } = load({ bios: firmware(2 * MiB + 1), kernel: new Uint8Array(16) });
    expect(result.ok && result.plan.kernel?.start).toBe(RAM + 4 * MiB);
  });

  it('loads a Linux Image at RAM + text_offset, with room for its image_size (.bss)', () => {
    const image = linuxImage({ textOffset: 0x40_0000n, imageSize: 0x80_0000n });
    const { mem, result } = load({ bios: firmware(4096), kernel: image });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.kernel).toEqual({ format: 'linux-image', start: RAM + 4 * MiB, end: RAM + 12 * MiB, entry: RAM + 4 * MiB });
    expect(mem.ram.view.getUint32(4 * MiB + 56, true)).toBe(0x05435352);
  });

  it('loads ELF images at their physical addresses and finds the HTIF mailbox of a bare program', () => {
    const elf = program(`
  nop
  .section .tohost, "aw", @progbits
  .globl tohost
tohost: .dword 0
  .globl fromhost
fromhost: .dword 0
`);
    const { result } = load({ bios: elf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.firmware).toMatchObject({ format: 'elf', start: RAM, entry: RAM });
    expect(result.plan.htif?.tohost).toBeGreaterThan(RAM);
    expect(result.plan.htif?.fromhost).toBe(result.plan.htif!.tohost + 8);
  });

  it('with bios none, starts the kernel directly', () => {
    const { result } = load({ bios: 'none', kernel: rawProgram('  wfi') });
    expect(result.ok && result.plan.startAddr).toBe(RAM);
    expect(result.ok && result.plan.firmware).toBe(undefined);
  });

  it('puts the initrd at kernel start + min(RAM / 2, 128 MiB) (QEMU riscv_load_initrd), or after a kernel that reaches further', () => {
    const initrd = new Uint8Array(8192).fill(7);
    const small = load({ bios: firmware(4096), kernel: new Uint8Array(16), initrd }, 64 * MiB);
    expect(small.result.ok && small.result.plan.initrd).toEqual({ start: RAM + 2 * MiB + 32 * MiB, end: RAM + 34 * MiB + 8192 });
    expect(small.mem.ram.bytes[34 * MiB]).toBe(7);
    const big = load({ bios: firmware(4096), kernel: linuxImage({ imageSize: 40n * BigInt(MiB) }), initrd }, 64 * MiB);
    expect(big.result.ok && big.result.plan.initrd?.start).toBe(RAM + 42 * MiB);
  });

  it.each([
    ['nothing to boot', { bios: 'none' } as BootImages, 'nothing to boot: no firmware (bios none) and no kernel'],
    ['an initrd without a kernel', { bios: firmware(16), initrd: new Uint8Array(4) } as BootImages, 'an initrd needs a kernel to go with it'],
    ['an empty firmware', { bios: new Uint8Array(0) } as BootImages, 'firmware: the image is empty'],
    ['a firmware larger than RAM', { bios: firmware(2 * MiB) } as BootImages, /^firmware: 2097152 bytes at 0x80000000 do not fit in RAM \[0x80000000, 0x80100000\)$/],
    ['a truncated ELF', { bios: program('  nop').subarray(0, 100) } as BootImages, /^firmware: malformed ELF/],
    ['an Image with a bad header', { bios: firmware(16), kernel: linuxImage({ flags: 1n }) } as BootImages, /^kernel: bad Linux Image header: the kernel is big-endian/],
    ['an Image larger than RAM', { bios: firmware(16), kernel: linuxImage({ imageSize: 8n * BigInt(MiB) }) } as BootImages, /^kernel: the Image needs \[0x80200000, 0x80a00000\)/],
  ])('refuses %s with a message naming it', (_what, images, message) => {
    const result = loadBootImages(memory(MiB), images);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses an initrd that does not fit', () => {
    const result = loadBootImages(memory(4 * MiB), { bios: firmware(16), kernel: new Uint8Array(16), initrd: new Uint8Array(MiB) });
    expect(result.ok === false && result.error).toBe('initrd: 1048576 bytes at 0x80400000 do not fit in RAM [0x80000000, 0x80400000)');
  });

  it('names the images as the front end says', () => {
    const result = loadBootImages(memory(MiB), { bios: new Uint8Array(0), names: { bios: '-bios fw.bin' } });
    expect(result.ok === false && result.error).toBe('-bios fw.bin: the image is empty');
  });

  it('refuses a kernel ELF that overlaps the firmware', () => {
    const result = loadBootImages(memory(), { bios: firmware(4096), kernel: program('  nop') });
    expect(result.ok === false && result.error).toMatch(/^kernel \[0x80000000, 0x80000004\) overlaps firmware \[0x80000000, 0x80001000\)/);
  });
});

describe('fdtAddress (QEMU riscv_load_fdt)', () => {
  it('is the last 2 MiB boundary that leaves room for the tree at the end of RAM', () => {
    expect(fdtAddress(RAM, 128 * MiB, 4000, RAM + MiB)).toBe(0x87e0_0000);
    expect(fdtAddress(RAM, 128 * MiB, 2 * MiB + 1, RAM + MiB)).toBe(0x87c0_0000);
  });

  it('stays below 3 GiB for large RAM', () => {
    expect(fdtAddress(RAM, 2048 * MiB, 4000, RAM + MiB)).toBe(0xbfe0_0000);
  });

  it('is undefined when the images leave no room', () => {
    expect(fdtAddress(RAM, 4 * MiB, 4000, RAM + 3 * MiB)).toBe(undefined);
  });
});
