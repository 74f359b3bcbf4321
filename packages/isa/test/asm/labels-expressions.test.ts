import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler.js';
import { assembleOk, hexWords, textWords } from './helpers.js';

describe('labels', () => {
  it('resolves backward and forward references to labels', () => {
    expect(hexWords(textWords('top: beq a0, a1, bottom\nnop\nbottom: jal x0, top'))).toEqual(
      hexWords(textWords('beq a0, a1, . + 8\nnop\njal x0, . - 8')),
    );
  });

  it('numeric local labels: 1b is the closest 1: before, 1f the closest after', () => {
    const source = `
1: nop
   j 1b
   j 1f
1: nop
   j 1b
   j 2f
2: j 1b
1: j 1b`;
    expect(hexWords(textWords(source))).toEqual(
      hexWords(textWords('nop\njal x0, . - 4\njal x0, . + 4\nnop\njal x0, . - 4\njal x0, . + 4\njal x0, . - 12\njal x0, . + 0')),
    );
  });

  it('several labels on one line, labels alone on a line, and statements separated by ;', () => {
    const r = assembleOk('a: b:\nc: nop; d: nop ; e:', { base: 0x100 });
    expect([...r.symbols].map(([k, v]) => `${k}=${v}`)).toEqual(['a=256', 'b=256', 'c=256', 'd=260', 'e=264']);
  });

  it('exports every label in the result and the ELF symbol table (except .L locals)', () => {
    const r = assembleOk('.globl tohost\n_start: nop\n.L1: nop\n.data\ntohost: .dword 0\nfromhost: .dword 0\nbegin_signature: .word 1', { base: 0x80000000 });
    expect(r.symbols.get('_start')).toBe(0x80000000n);
    expect(r.symbols.get('.L1')).toBe(0x80000004n);
    expect(r.symbols.get('tohost')).toBe(0x80000008n);
    expect(r.symbols.get('begin_signature')).toBe(0x80000018n);
  });
});

describe('expressions', () => {
  it('evaluates + - * / % << >> & | ^ ~ and parentheses with GNU as precedence', () => {
    const r = assembleOk(
      '.equ A, (1 + 2) * 3\n.equ B, 100 / 7 % 5\n.equ C, 1 << 4 >> 2\n.equ D, ~0 & 0xff\n.equ E, 0xf0 | 0x0f ^ 0xff\n.equ F, -(3 - 10)\n.equ G, 2 + 3 & 1\n.equ H, 0b101 + 017 + \'A\'',
    );
    expect(r.symbols.get('A')).toBe(9n);
    expect(r.symbols.get('B')).toBe(4n);
    expect(r.symbols.get('C')).toBe(4n);
    expect(r.symbols.get('D')).toBe(0xffn);
    // | and ^ share a precedence level, left to right: (0xf0 | 0x0f) ^ 0xff.
    expect(r.symbols.get('E')).toBe(0n);
    expect(r.symbols.get('F')).toBe(7n);
    // GNU as: & binds tighter than +.
    expect(r.symbols.get('G')).toBe(3n);
    expect(r.symbols.get('H')).toBe(5n + 15n + 65n);
  });

  it('uses symbol differences and the location counter', () => {
    const r = assembleOk('start: nop\nnop\nend:\n.equ LEN, end - start\nhere: .equ HERE, . - start\nli a0, end - start');
    expect(r.symbols.get('LEN')).toBe(8n);
    expect(r.symbols.get('HERE')).toBe(8n);
  });
});

describe('relocation operators', () => {
  it('%hi/%lo build an absolute address with lui + addi', () => {
    const source = 'lui a0, %hi(data)\naddi a0, a0, %lo(data)\nld a1, %lo(data)(a0)\n.data\ndata: .dword 0';
    const r = assembleOk(source, { base: 0x80000000, sectionAddresses: { '.data': 0x80000800 } });
    expect(r.symbols.get('data')).toBe(0x80000800n);
    expect(hexWords(textWords(source, { base: 0x80000000, sectionAddresses: { '.data': 0x80000800 } }))).toEqual(
      hexWords(textWords('lui a0, 0x80001\naddi a0, a0, -2048\nld a1, -2048(a0)')),
    );
  });

  it('%pcrel_lo names the label of the auipc, also forward and for stores', () => {
    const source = `
      j 2f
1:    auipc a0, %pcrel_hi(msg)
      addi a0, a0, %pcrel_lo(1b)
      sw a1, %pcrel_lo(1b)(a0)
2:    auipc t0, %pcrel_hi(msg)
      ld t1, %pcrel_lo(2b)(t0)
      .skip 0x900
msg:  .word 0`;
    // msg is at 0x918; the auipcs at 4 and 16.
    expect(hexWords(textWords(source).slice(0, 6))).toEqual(
      hexWords(textWords('jal x0, . + 16\nauipc a0, 1\naddi a0, a0, -1772\nsw a1, -1772(a0)\nauipc t0, 1\nld t1, -1784(t0)')),
    );
  });

  it('%pcrel_lo may come before its auipc', () => {
    const source = `
      j 2f
1:    addi a0, a0, %pcrel_lo(2f)
      ret
2:    auipc a0, %pcrel_hi(target)
      j 1b
      .skip 100
target: nop`;
    const words = textWords(source);
    // target at 8 + 4 + 4 + 100 = 116 -> from the auipc at 8: 108.
    expect(hexWords([words[1]!])).toEqual(hexWords(textWords('addi a0, a0, 108')));
  });

  it('rejects %pcrel_lo of a label without an auipc', () => {
    const r = assemble('x: nop\naddi a0, a0, %pcrel_lo(x)');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.text).toMatch(/input\.s:2:\d+: error: %pcrel_lo/);
  });
});
