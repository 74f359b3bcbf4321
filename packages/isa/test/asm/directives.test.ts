import { describe, expect, it } from 'vitest';
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from '../../src/elf/elf64-types.js';
import { assembleOk, hexWords, sectionBytes, textWords } from './helpers.js';

function bytes(source: string, section = '.data'): number[] {
  return [...sectionBytes(assembleOk(source), section)];
}

describe('data directives', () => {
  it('.byte/.half/.short/.2byte/.word/.long/.4byte/.dword/.quad/.8byte store little-endian values', () => {
    expect(bytes('.data\n.byte 1, 0xff, -1, 0x7f')).toEqual([1, 0xff, 0xff, 0x7f]);
    expect(bytes('.data\n.half 0x1234\n.short -2\n.2byte 0xabcd')).toEqual([0x34, 0x12, 0xfe, 0xff, 0xcd, 0xab]);
    expect(bytes('.data\n.word 0x11223344\n.long -1\n.4byte 7')).toEqual([0x44, 0x33, 0x22, 0x11, 255, 255, 255, 255, 7, 0, 0, 0]);
    expect(bytes('.data\n.dword 0x1122334455667788\n.quad -2\n.8byte 1')).toEqual([
      0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0xfe, 255, 255, 255, 255, 255, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('.ascii/.asciz/.string store strings with escapes, the last two NUL-terminated', () => {
    expect(bytes('.data\n.ascii "ab", "c"')).toEqual([97, 98, 99]);
    expect(bytes('.data\n.asciz "a\\n"')).toEqual([97, 10, 0]);
    expect(bytes('.data\n.string "\\x41\\101\\t\\"\\\\"')).toEqual([65, 65, 9, 34, 92, 0]);
    expect(bytes(".data\n.byte 'a', '\\n'")).toEqual([97, 10]);
  });

  it('.zero/.space/.skip reserve bytes, with an optional fill; .fill repeats values', () => {
    expect(bytes('.data\n.zero 3\n.space 2, 0xaa\n.skip 1')).toEqual([0, 0, 0, 0xaa, 0xaa, 0]);
    expect(bytes('.data\n.fill 2, 2, 0x1234')).toEqual([0x34, 0x12, 0x34, 0x12]);
  });

  it('.float/.double store IEEE values', () => {
    expect(bytes('.data\n.float 1.5')).toEqual([0, 0, 0xc0, 0x3f]);
    expect(bytes('.data\n.double -2.0, 1e-3')).toEqual([0, 0, 0, 0, 0, 0, 0, 0xc0, 0xfc, 0xa9, 0xf1, 0xd2, 0x4d, 0x62, 0x50, 0x3f]);
  });

  it('.uleb128/.sleb128 encode variable-length integers', () => {
    expect(bytes('.data\n.uleb128 624485\n.sleb128 -123456')).toEqual([0xe5, 0x8e, 0x26, 0xc0, 0xbb, 0x78]);
  });

  it('stores label values and differences', () => {
    const r = assembleOk('.text\nstart: nop\nend:\n.data\n.dword start, end - start\n.word end', { base: 0x80000000 });
    expect([...sectionBytes(r, '.data')]).toEqual([0, 0, 0, 0x80, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0x80]);
  });
});

describe('alignment', () => {
  it('.align and .p2align take a power of two, .balign a byte count; data is zero-filled', () => {
    expect(bytes('.data\n.byte 1\n.align 2\n.byte 2\n.p2align 3\n.byte 3\n.balign 4\n.byte 4')).toEqual([
      1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4,
    ]);
    expect(bytes('.data\n.byte 1\n.balign 4, 0xee')).toEqual([1, 0xee, 0xee, 0xee]);
    // The maximum: skip the alignment when it would need more bytes.
    expect(bytes('.data\n.byte 1\n.balign 8, 0, 3\n.byte 2')).toEqual([1, 2]);
  });

  it('pads code with nops, and a c.nop when compression is on', () => {
    expect(hexWords(textWords('addi a0, a0, 1\n.align 4\nebreak'))).toEqual(['00150513', '00000013', '00000013', '00000013', '00100073']);
    expect(hexWords(textWords('.option rvc\naddi a0, a0, 1\n.align 3\nebreak'))).toEqual(['0505', '0001', '00000013', '9002']);
  });

  it('aligns the section start to the largest alignment used in it', () => {
    const r = assembleOk('nop\n.data\n.byte 1\n.align 6\nx: .byte 2', { base: 0x1000 });
    const data = r.sections.find((s) => s.name === '.data')!;
    expect(Number(data.address) % 64).toBe(0);
    expect(Number(r.symbols.get('x')!) % 64).toBe(0);
  });
});

describe('sections', () => {
  it('.text/.data/.bss switch sections, laid out code first, then data, then bss', () => {
    const r = assembleOk('.data\nd: .word 1\n.bss\nb: .zero 16\n.text\nt: nop\n', { base: 0x80000000 });
    const byName = new Map(r.sections.map((s) => [s.name, s]));
    expect(byName.get('.text')!.address).toBe(0x80000000n);
    expect(byName.get('.data')!.address).toBe(0x80000008n);
    expect(byName.get('.bss')!.address).toBe(0x80000010n);
    expect(byName.get('.bss')!.type).toBe(SHT_NOBITS);
    expect(byName.get('.bss')!.size).toBe(16);
    expect(r.symbols.get('t')).toBe(0x80000000n);
    expect(r.symbols.get('b')).toBe(0x80000010n);
  });

  it('.section takes flags and a type; unknown names without flags are not allocated', () => {
    const r = assembleOk(
      '.section .text.init, "ax", @progbits\nnop\n.section .tohost, "aw", @progbits\n.dword 0\n.section .mybss, "aw", @nobits\n.zero 8\n.section .note.x\n.word 1',
    );
    const byName = new Map(r.sections.map((s) => [s.name, s]));
    expect(byName.get('.text.init')!.flags).toBe(SHF_ALLOC | SHF_EXECINSTR);
    expect(byName.get('.tohost')!.flags).toBe(SHF_ALLOC | SHF_WRITE);
    expect(byName.get('.tohost')!.type).toBe(SHT_PROGBITS);
    expect(byName.get('.mybss')!.type).toBe(SHT_NOBITS);
    expect(byName.get('.note.x')!.flags).toBe(0n);
  });

  it('.pushsection/.popsection and .previous return to the earlier section', () => {
    const r = assembleOk('nop\n.pushsection .data\n.word 5\n.popsection\nebreak\n.data\n.word 6\n.previous\necall');
    expect(hexWords(textWords('nop\nebreak\necall'))).toEqual(hexWords([...new Uint32Array(sectionBytes(r).slice().buffer)]));
    expect([...sectionBytes(r, '.data')]).toEqual([5, 0, 0, 0, 6, 0, 0, 0]);
  });

  it('places sections at the addresses given in the options', () => {
    const r = assembleOk('.text\nnop\n.data\nx: .word 1', { base: 0x80000000, sectionAddresses: { '.data': 0x80100000 } });
    expect(r.symbols.get('x')).toBe(0x80100000n);
  });

  it('.org moves the location forward within the section', () => {
    expect(bytes('.data\n.byte 1\n.org 4\n.byte 2\n.org . + 2, 0xff\n.byte 3')).toEqual([1, 0, 0, 0, 2, 0xff, 0xff, 3]);
  });
});

describe('symbols', () => {
  it('.equ/.set/= define constants; .set may redefine', () => {
    const r = assembleOk('.equ A, 5\n.set B, A * 2\nC = B + 1\n.set B, 100\nli a0, C\n.data\n.word A, B');
    expect(r.symbols.get('A')).toBe(5n);
    expect(r.symbols.get('C')).toBe(11n);
    expect(r.symbols.get('B')).toBe(100n);
    expect(textWords('.equ A, 5\n.set B, A * 2\nC = B + 1\nli a0, C')).toEqual(textWords('li a0, 11'));
  });

  it('uses constants defined after their use', () => {
    expect(textWords('li a0, LATER\naddi a1, a1, LATER\n.equ LATER, 0x12345678 >> 20')).toEqual(textWords('li a0, 0x123\naddi a1, a1, 0x123'));
  });

  it('.globl/.global make symbols global; .type/.size are recorded', () => {
    const r = assembleOk('.globl _start\n.global other\n.type _start, @function\n_start: nop\n.size _start, . - _start\nother: nop');
    expect(r.entry).toBe(0n);
    expect(r.symbols.get('other')).toBe(4n);
  });

  it('.option rvc/norvc/push/pop switch compression', () => {
    const words = textWords('addi a0, a0, 1\n.option push\n.option rvc\naddi a0, a0, 1\n.option norvc\naddi a0, a0, 1\n.option rvc\n.option pop\naddi a0, a0, 1');
    expect(hexWords(words)).toEqual(['00150513', '0505', '00150513', '00150513']);
    expect(hexWords(textWords('.option arch, +c\naddi a0, a0, 1\n.option arch, -c\naddi a0, a0, 1'))).toEqual(['0505', '00150513']);
  });

  it('ignores .file/.ident/.attribute and .cfi directives', () => {
    expect(textWords('.file "x.c"\n.ident "gcc"\n.attribute arch, "rv64gc"\n.cfi_startproc\nnop\n.cfi_endproc')).toEqual(textWords('nop'));
  });
});
