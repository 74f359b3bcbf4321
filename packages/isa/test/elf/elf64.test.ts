import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler.js';
import {
  EF_RISCV_FLOAT_ABI_DOUBLE,
  EF_RISCV_RVC,
  EM_RISCV,
  ET_EXEC,
  PF_R,
  PF_W,
  PF_X,
  PT_LOAD,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_ABS,
  SHT_NOBITS,
  SHT_PROGBITS,
  SHT_SYMTAB,
  STB_GLOBAL,
  STB_LOCAL,
  STT_FUNC,
  STT_OBJECT,
} from '../../src/elf/elf64-types.js';
import { findSymbol, parseElf64, sectionData, segmentData, type Elf64File } from '../../src/elf/parse-elf64.js';
import { writeElf64, type ElfWriteInput } from '../../src/elf/write-elf64.js';
import { gnuAvailable, readelf, readelfAvailable } from '../asm/gnu-toolchain.js';
import { prng } from '../asm/random-rows.js';

const SAMPLE: ElfWriteInput = {
  entry: 0x80000000n,
  flags: EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE,
  sections: [
    { name: '.text', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, addr: 0x80000000n, align: 4n, data: Uint8Array.of(0x13, 0, 0, 0, 0x73, 0, 0x10, 0) },
    { name: '.data', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, addr: 0x80001000n, loadAddr: 0x90000000n, align: 8n, data: Uint8Array.of(1, 2, 3) },
    { name: '.bss', type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, addr: 0x80002000n, align: 16n, data: new Uint8Array(0), size: 64n },
    { name: '.comment', type: SHT_PROGBITS, flags: 0n, addr: 0n, align: 1n, data: new TextEncoder().encode('rvhv\0') },
  ],
  symbols: [
    { name: '_start', value: 0x80000000n, bind: STB_GLOBAL, type: STT_FUNC, section: 0, size: 8n },
    { name: 'tohost', value: 0x80001000n, bind: STB_GLOBAL, type: STT_OBJECT, section: 1, size: 8n },
    { name: 'local', value: 0x80000004n, bind: STB_LOCAL, type: STT_FUNC, section: 0 },
    { name: 'CONST', value: 42n, bind: STB_LOCAL, type: 0, section: 'abs' },
  ],
};

function parsed(bytes: Uint8Array): Elf64File {
  const r = parseElf64(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.elf;
}

describe('writeElf64 / parseElf64', () => {
  it('round-trips header, segments, sections and symbols', () => {
    const elf = parsed(writeElf64(SAMPLE));
    expect(elf.header.type).toBe(ET_EXEC);
    expect(elf.header.machine).toBe(EM_RISCV);
    expect(elf.header.entry).toBe(0x80000000n);
    expect(elf.header.flags).toBe(EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE);

    const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(loads.map((p) => [p.vaddr, p.paddr, p.filesz, p.memsz, p.flags])).toEqual([
      [0x80000000n, 0x80000000n, 8n, 8n, PF_R | PF_X],
      [0x80001000n, 0x90000000n, 3n, 3n, PF_R | PF_W],
      [0x80002000n, 0x80002000n, 0n, 64n, PF_R | PF_W],
    ]);
    for (const p of loads) expect(p.offset % p.align).toBe(p.vaddr % p.align);
    expect([...segmentData(elf, loads[0]!)]).toEqual([0x13, 0, 0, 0, 0x73, 0, 0x10, 0]);
    expect([...segmentData(elf, loads[1]!)]).toEqual([1, 2, 3]);

    expect(elf.sections.map((s) => s.name)).toEqual(['', '.text', '.data', '.bss', '.comment', '.symtab', '.strtab', '.shstrtab']);
    const comment = elf.sections.find((s) => s.name === '.comment')!;
    expect(new TextDecoder().decode(sectionData(elf, comment))).toBe('rvhv\0');
    const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB)!;
    // Locals come first; sh_info is the index of the first global.
    expect(symtab.info).toBe(3);

    expect(elf.symbols.map((s) => s.name)).toEqual(['local', 'CONST', '_start', 'tohost']);
    expect(findSymbol(elf, 'tohost')).toMatchObject({ value: 0x80001000n, size: 8n, bind: STB_GLOBAL, type: STT_OBJECT, shndx: 2 });
    expect(findSymbol(elf, 'CONST')).toMatchObject({ value: 42n, shndx: SHN_ABS });
    expect(findSymbol(elf, 'missing')).toBeUndefined();
  });

  it('parses the executables the assembler writes, with every label in the symbol table', () => {
    const r = assemble(
      '.globl _start\n_start: la a0, msg\n1: j 1b\n.data\nmsg: .asciz "hi"\n.align 3\n.globl tohost\ntohost: .dword 0\nfromhost: .dword 0\n.bss\nbuf: .zero 128',
    );
    if (!r.ok) throw new Error(r.errors[0]!.text);
    const elf = parsed(r.elf);
    expect(elf.header.entry).toBe(0x80000000n);
    for (const name of ['_start', 'msg', 'tohost', 'fromhost', 'buf']) expect(findSymbol(elf, name)?.value).toBe(r.symbols.get(name));
    const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(loads).toHaveLength(3);
    for (const s of r.sections) {
      const seg = loads.find((p) => p.vaddr === s.address)!;
      expect(seg.paddr).toBe(s.address);
      expect(seg.memsz).toBe(BigInt(s.size));
      if (s.type !== SHT_NOBITS) expect([...segmentData(elf, seg)]).toEqual([...s.data]);
    }
  });

  it('gives a descriptive error, never an exception, for every truncation', () => {
    const bytes = writeElf64(SAMPLE);
    for (let n = 0; n < bytes.length; n++) {
      const r = parseElf64(bytes.subarray(0, n));
      expect(r.ok, `length ${n}`).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^malformed ELF: /);
    }
    expect(parseElf64(new Uint8Array(10))).toEqual({ ok: false, error: 'malformed ELF: file is 10 bytes, shorter than an ELF64 header (64 bytes)' });
  });

  it('never throws on corrupted files', () => {
    const good = writeElf64(SAMPLE);
    const next = prng(3);
    for (let i = 0; i < 3000; i++) {
      const bytes = good.slice();
      const flips = 1 + (next() % 4);
      for (let k = 0; k < flips; k++) bytes[next() % bytes.length] = next() & 0xff;
      const r = parseElf64(bytes);
      if (!r.ok) expect(r.error).toMatch(/^malformed ELF: /);
    }
  });

  function corrupt(edit: (view: DataView) => void): string {
    const bytes = writeElf64(SAMPLE).slice();
    edit(new DataView(bytes.buffer));
    const r = parseElf64(bytes);
    return r.ok ? 'ok' : r.error;
  }

  it('names what is wrong with the header and tables', () => {
    expect(corrupt((v) => v.setUint8(0, 0))).toBe('malformed ELF: not an ELF file (bad magic)');
    expect(corrupt((v) => v.setUint8(4, 1))).toBe('malformed ELF: EI_CLASS is 1, expected ELFCLASS64 (2)');
    expect(corrupt((v) => v.setUint8(5, 2))).toBe('malformed ELF: EI_DATA is 2, expected little endian (ELFDATA2LSB, 1)');
    expect(corrupt((v) => v.setUint16(18, 62, true))).toBe('malformed ELF: e_machine is 62, expected RISC-V (243)');
    expect(corrupt((v) => v.setBigUint64(32, 0xffffffffn, true))).toMatch(/program header table .* extends past the end/);
    expect(corrupt((v) => v.setBigUint64(40, 0xffffffffffffff00n, true))).toMatch(/section header table .* extends past the end/);
    expect(corrupt((v) => v.setBigUint64(64 + 32, 0x100000n, true))).toMatch(/contents of program header 0 .* extends past the end/);
    expect(corrupt((v) => v.setBigUint64(64 + 32, 0x100n, true))).toMatch(/program header 0: p_filesz 256 exceeds p_memsz 8/);
    expect(corrupt((v) => v.setUint16(62, 99, true))).toMatch(/e_shstrndx 99 is not a section index/);
  });

  it('checks section name offsets and the symbol table links', () => {
    const bytes = writeElf64(SAMPLE);
    const view = new DataView(bytes.buffer);
    const shoff = Number(view.getBigUint64(40, true));
    const badName = bytes.slice();
    new DataView(badName.buffer).setUint32(shoff + 64, 0xffff, true);
    expect(parseElf64(badName)).toMatchObject({ ok: false, error: expect.stringMatching(/section 1: name offset 65535 is outside its string table/) });
    const elf = parsed(bytes);
    const symtabIndex = elf.sections.findIndex((s) => s.type === SHT_SYMTAB);
    const badLink = bytes.slice();
    new DataView(badLink.buffer).setUint32(shoff + symtabIndex * 64 + 40, 1, true);
    expect(parseElf64(badLink)).toMatchObject({ ok: false, error: expect.stringMatching(/sh_link 1 does not name a string table/) });
  });
});

describe.runIf(readelfAvailable)('readelf', () => {
  it('accepts the assembler output without warnings', () => {
    const r = assemble('.globl _start\n_start: call f\nf: ret\n.section .tohost, "aw", @progbits\n.align 6\n.globl tohost\ntohost: .dword 0\n.bss\n.zero 8', {
      compress: true,
    });
    if (!r.ok) throw new Error(r.errors[0]!.text);
    const { stdout, stderr } = readelf(r.elf);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/warning/i);
    expect(stdout).toMatch(/Type:\s+EXEC/);
    expect(stdout).toMatch(/Flags:\s+0x5, RVC, double-float ABI/);
    expect(stdout).toMatch(/GLOBAL\s+DEFAULT\s+\d+ tohost/);
  });
});

describe.runIf(gnuAvailable)('ELF files from GNU ld', () => {
  it('parses a linked executable: entry, loadable segments and symbols', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvhv-elf-'));
    try {
      writeFileSync(join(dir, 'a.s'), '.globl _start\n_start: j _start\n.data\n.globl tohost\ntohost: .dword 1\n');
      execFileSync('/usr/bin/riscv64-unknown-elf-as', ['-o', join(dir, 'a.o'), join(dir, 'a.s')]);
      execFileSync('/usr/bin/riscv64-unknown-elf-ld', ['-Ttext=0x80000000', '-o', join(dir, 'a.elf'), join(dir, 'a.o')]);
      const elf = parsed(new Uint8Array(readFileSync(join(dir, 'a.elf'))));
      expect(elf.header.entry).toBe(0x80000000n);
      expect(findSymbol(elf, '_start')?.value).toBe(0x80000000n);
      const tohost = findSymbol(elf, 'tohost')!;
      const load = elf.programHeaders.find((p) => p.type === PT_LOAD && p.vaddr <= tohost.value && tohost.value < p.vaddr + p.filesz)!;
      const data = segmentData(elf, load);
      expect(data[Number(tohost.value - load.vaddr)]).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
