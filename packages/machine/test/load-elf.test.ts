import { describe, expect, it } from 'vitest';
import { createRam, ramOnly } from '@rvhv/mmu';
import { CoherentMemory, decode } from '@rvhv/isa';
import { loadElf } from '../src/index.js';
import { buildElf, FENCE, TOHOST } from './helpers/build-elf.js';

const memory = (size = 0x10_0000) => new CoherentMemory(ramOnly(createRam(0x8000_0000, size)));

describe('loadElf', () => {
  it('copies segments to their physical addresses and finds entry, tohost and fromhost', () => {
    const mem = memory();
    const result = loadElf(buildElf({ code: [FENCE, 0x12345678], tohost: 5n }), mem);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image.entry).toBe(0x8000_0000);
    expect(result.image.tohost).toBe(Number(TOHOST));
    expect(result.image.fromhost).toBe(Number(TOHOST) + 8);
    expect(result.image.symbol('nonexistent')).toBeUndefined();
    expect(mem.ram.view.getUint32(4, true)).toBe(0x12345678);
    expect(mem.ram.view.getUint32(Number(TOHOST) - 0x8000_0000, true)).toBe(5);
  });

  it('zero-fills memory beyond p_filesz (.bss), overwriting what RAM held', () => {
    const mem = memory();
    mem.ram.bytes.fill(0xaa);
    const elf = buildElf({ code: [FENCE], tohost: 0x55n }).slice();
    // Program header 1 is .tohost (16 bytes in the file): make it 0x100 bytes in memory.
    const view = new DataView(elf.buffer);
    const phoff = Number(view.getBigUint64(32, true));
    view.setBigUint64(phoff + 56 + 40, 0x100n, true);
    expect(loadElf(elf, mem).ok).toBe(true);
    const at = Number(TOHOST) - 0x8000_0000;
    expect(mem.ram.bytes[at]).toBe(0x55);
    expect(mem.ram.bytes.subarray(at + 1, at + 0x100).every((b) => b === 0)).toBe(true);
    expect(mem.ram.bytes[at + 0x100]).toBe(0xaa);
  });

  it('loads by physical address (LMA) and maps symbols and entry through the segment', () => {
    const mem = memory();
    const result = loadElf(buildElf({ code: [FENCE, 0xdeadbeef], textLoadAddr: 0x8004_0000n }), mem);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(mem.ram.view.getUint32(0x4_0004, true)).toBe(0xdeadbeef);
    expect(mem.ram.view.getUint32(4, true)).toBe(0);
    expect(result.image.entry).toBe(0x8004_0000);
  });

  it('drops decoded instructions cached for the pages it overwrites', () => {
    const mem = memory();
    mem.cacheInstruction(0, decode(0x00000013)!);
    loadElf(buildElf({ code: [FENCE] }), mem);
    expect(mem.cachedInstruction(0)).toBeUndefined();
  });

  it('rejects a segment outside RAM without writing anything', () => {
    const mem = memory(0x8000);
    const result = loadElf(buildElf({ code: [FENCE], tohost: 1n }), mem);
    expect(result).toEqual({ ok: false, error: 'segment 1 [0x80008000, 0x80008010) lies outside RAM [0x80000000, 0x80008000)' });
    expect(mem.ram.view.getUint32(0, true)).toBe(0);
  });

  it('rejects files that are not ELF, truncated files, and relocatable objects', () => {
    const elf = buildElf({ code: [FENCE] });
    const notElf = loadElf(new TextEncoder().encode('#!/bin/sh\necho hello\n'), memory());
    expect(notElf.ok).toBe(false);
    if (!notElf.ok) expect(notElf.error).toMatch(/^malformed ELF: /);
    const truncated = loadElf(elf.subarray(0, 100), memory());
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error).toMatch(/past the end|outside the/);
    const rel = elf.slice();
    rel[16] = 1; // e_type = ET_REL
    expect(loadElf(rel, memory())).toEqual({ ok: false, error: expect.stringMatching(/relocatable object/) });
  });

  it('rejects an image without loadable segments', () => {
    const elf = buildElf({ code: [FENCE] }).slice();
    new DataView(elf.buffer).setUint16(56, 0, true); // e_phnum = 0
    expect(loadElf(elf, memory())).toEqual({ ok: false, error: 'ELF file has no loadable (PT_LOAD) segments' });
  });

  it('rejects an entry point outside memory', () => {
    const elf = buildElf({ code: [FENCE] }).slice();
    new DataView(elf.buffer).setBigUint64(24, 0x1000n, true); // e_entry
    expect(loadElf(elf, memory())).toEqual({ ok: false, error: 'entry point 0x1000 is neither in a loaded segment nor in RAM' });
  });

  it('drops the part of a segment below RAM when no section lies there (GNU ld maps its headers there)', () => {
    const elf = buildElf({ code: [FENCE, 0x11223344] }).slice();
    const view = new DataView(elf.buffer);
    const ph = Number(view.getBigUint64(32, true)); // program header 0: .text
    const grow = (field: number, delta: bigint) => view.setBigUint64(ph + field, view.getBigUint64(ph + field, true) + delta, true);
    grow(8, -0x100n); // p_offset
    grow(16, -0x100n); // p_vaddr
    grow(24, -0x100n); // p_paddr
    grow(32, 0x100n); // p_filesz
    grow(40, 0x100n); // p_memsz
    const mem = memory();
    const result = loadElf(elf, mem);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image.segments[0]).toEqual({ paddr: 0x8000_0000, vaddr: 0x8000_0000, filesz: 8, memsz: 8 });
    expect(mem.ram.view.getUint32(4, true)).toBe(0x11223344);
  });

  it('still rejects a segment whose sections would land outside RAM', () => {
    const elf = buildElf({ code: [FENCE] }).slice();
    const view = new DataView(elf.buffer);
    const ph = Number(view.getBigUint64(32, true));
    view.setBigUint64(ph + 24, 0x7fff_fffcn, true); // p_paddr: .text would start 4 bytes below RAM
    expect(loadElf(elf, memory())).toEqual({
      ok: false,
      error: 'segment 0 [0x7ffffffc, 0x80000000) lies outside RAM [0x80000000, 0x80100000)',
    });
  });
});

