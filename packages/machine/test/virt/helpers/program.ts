import { assemble } from '@rvhv/isa';

/** Assembles a bare program for 0x8000_0000 with the project's assembler; returns the ELF. */
export function program(source: string): Uint8Array {
  const result = assemble(`  .text\n  .globl _start\n_start:\n${source}`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
  return result.elf;
}

/** The same program as a raw binary (its .text), for -bios/-kernel raw loading. */
export function rawProgram(source: string): Uint8Array {
  const result = assemble(`  .text\n  .globl _start\n_start:\n${source}`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
  return result.sections.find((s) => s.name === '.text')!.data;
}

/** Assembly that powers the board off through the sifive_test device: 0x5555 (pass) or (code << 16) | 0x3333. */
export function powerOff(code = 0): string {
  const value = code === 0 ? 0x5555 : ((code << 16) | 0x3333) >>> 0;
  return `
  li t0, 0x100000
  li t1, ${value}
  sw t1, 0(t0)
1:
  j 1b
`;
}

/** A Linux Image header (boot-image-header.rst) followed by `body`. */
export function linuxImage(options: { textOffset?: bigint; imageSize?: bigint; flags?: bigint; magic2?: boolean; length?: number; body?: Uint8Array }): Uint8Array {
  const length = options.length ?? 4096;
  const bytes = new Uint8Array(Math.max(length, 64));
  const view = new DataView(bytes.buffer);
  if (options.body) bytes.set(options.body.subarray(0, Math.max(0, length - 64)), 64);
  // code0: j 64 (over the header)
  view.setUint32(0, 0x0400006f, true);
  view.setBigUint64(8, options.textOffset ?? 0x200000n, true);
  view.setBigUint64(16, options.imageSize ?? BigInt(length), true);
  view.setBigUint64(24, options.flags ?? 0n, true);
  view.setUint32(32, 2, true);
  bytes.set(new TextEncoder().encode('RISCV'), 48);
  if (options.magic2 ?? true) view.setUint32(56, 0x05435352, true);
  // A length below 64 cuts the header short.
  return bytes.subarray(0, length);
}
