import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, decode, disassemble } from '@rvhv/isa';
import { prng, randomInstance } from '../table/random-operands.js';

/**
 * Words assembled by GNU as 2.40 from a list of pseudo and real instructions,
 * each with its address and the text objdump 2.40 prints with and without
 * aliases (tabs made spaces, symbols made addresses). In alias mode binutils
 * 2.40 writes register-immediate instructions under the register mnemonic
 * (`add a0,a0,-1` for c.addi, `csrw mstatus,3` for csrwi); rvhv keeps the
 * immediate mnemonic, as other binutils releases do.
 */
const OBJDUMP_CASES: readonly (readonly [number, number, string, string])[] = [
  [0x00000013, 0x0, 'nop', 'addi zero,zero,0'],
  [0xffb00513, 0x4, 'li a0,-5', 'addi a0,zero,-5'],
  [0x00058513, 0x8, 'mv a0,a1', 'addi a0,a1,0'],
  [0xfff5c513, 0xc, 'not a0,a1', 'xori a0,a1,-1'],
  [0x40b00533, 0x10, 'neg a0,a1', 'sub a0,zero,a1'],
  [0x40b0053b, 0x14, 'negw a0,a1', 'subw a0,zero,a1'],
  [0x0005851b, 0x18, 'sext.w a0,a1', 'addiw a0,a1,0'],
  [0x0015b513, 0x1c, 'seqz a0,a1', 'sltiu a0,a1,1'],
  [0x00b03533, 0x20, 'snez a0,a1', 'sltu a0,zero,a1'],
  [0x0005a533, 0x24, 'sltz a0,a1', 'slt a0,a1,zero'],
  [0x00b02533, 0x28, 'sgtz a0,a1', 'slt a0,zero,a1'],
  [0x00050063, 0x2c, 'beqz a0,0x2c', 'beq a0,zero,0x2c'],
  [0xfe051ee3, 0x30, 'bnez a0,0x2c', 'bne a0,zero,0x2c'],
  [0xfea05ce3, 0x34, 'blez a0,0x2c', 'bge zero,a0,0x2c'],
  [0xfe055ae3, 0x38, 'bgez a0,0x2c', 'bge a0,zero,0x2c'],
  [0xfe0548e3, 0x3c, 'bltz a0,0x2c', 'blt a0,zero,0x2c'],
  [0xfea046e3, 0x40, 'bgtz a0,0x2c', 'blt zero,a0,0x2c'],
  [0xfe9ff06f, 0x44, 'j 0x2c', 'jal zero,0x2c'],
  [0xfe5ff0ef, 0x48, 'jal 0x2c', 'jal ra,0x2c'],
  [0xfe1ff2ef, 0x4c, 'jal t0,0x2c', 'jal t0,0x2c'],
  [0x00050067, 0x50, 'jr a0', 'jalr zero,0(a0)'],
  [0x000500e7, 0x54, 'jalr a0', 'jalr ra,0(a0)'],
  [0x00008067, 0x58, 'ret', 'jalr zero,0(ra)'],
  [0x00850067, 0x5c, 'jr 8(a0)', 'jalr zero,8(a0)'],
  [0x30002573, 0x60, 'csrr a0,mstatus', 'csrrs a0,mstatus,zero'],
  [0x30051073, 0x64, 'csrw mstatus,a0', 'csrrw zero,mstatus,a0'],
  [0x30452073, 0x68, 'csrs mie,a0', 'csrrs zero,mie,a0'],
  [0x34453073, 0x6c, 'csrc mip,a0', 'csrrc zero,mip,a0'],
  [0x3001d073, 0x70, 'csrwi mstatus,3', 'csrrwi zero,mstatus,3'],
  [0x3001e073, 0x74, 'csrsi mstatus,3', 'csrrsi zero,mstatus,3'],
  [0x3001f073, 0x78, 'csrci mstatus,3', 'csrrci zero,mstatus,3'],
  [0x00302573, 0x7c, 'frcsr a0', 'csrrs a0,fcsr,zero'],
  [0x00359573, 0x80, 'fscsr a0,a1', 'csrrw a0,fcsr,a1'],
  [0x00359073, 0x84, 'fscsr a1', 'csrrw zero,fcsr,a1'],
  [0x00202573, 0x88, 'frrm a0', 'csrrs a0,frm,zero'],
  [0x00259073, 0x8c, 'fsrm a1', 'csrrw zero,frm,a1'],
  [0x00102573, 0x90, 'frflags a0', 'csrrs a0,fflags,zero'],
  [0x00159073, 0x94, 'fsflags a1', 'csrrw zero,fflags,a1'],
  [0x00215573, 0x98, 'fsrmi a0,2', 'csrrwi a0,frm,2'],
  [0xc0002573, 0x9c, 'rdcycle a0', 'csrrs a0,cycle,zero'],
  [0xc0102573, 0xa0, 'rdtime a0', 'csrrs a0,time,zero'],
  [0xc0202573, 0xa4, 'rdinstret a0', 'csrrs a0,instret,zero'],
  [0x20b58553, 0xa8, 'fmv.s fa0,fa1', 'fsgnj.s fa0,fa1,fa1'],
  [0x22b58553, 0xac, 'fmv.d fa0,fa1', 'fsgnj.d fa0,fa1,fa1'],
  [0x22b59553, 0xb0, 'fneg.d fa0,fa1', 'fsgnjn.d fa0,fa1,fa1'],
  [0x20b5a553, 0xb4, 'fabs.s fa0,fa1', 'fsgnjx.s fa0,fa1,fa1'],
  [0x0ff5f513, 0xb8, 'zext.b a0,a1', 'andi a0,a1,255'],
  [0x0805853b, 0xbc, 'zext.w a0,a1', 'add.uw a0,a1,zero'],
  [0x0805c53b, 0xc0, 'zext.h a0,a1', 'zext.h a0,a1'],
  [0x12000073, 0xc4, 'sfence.vma', 'sfence.vma zero,zero'],
  [0x12050073, 0xc8, 'sfence.vma a0', 'sfence.vma a0,zero'],
  [0x12b50073, 0xcc, 'sfence.vma a0,a1', 'sfence.vma a0,a1'],
  [0x62000073, 0xd0, 'hfence.gvma', 'hfence.gvma zero,zero'],
  [0x0ff0000f, 0xd4, 'fence', 'fence iorw,iorw'],
  [0x8330000f, 0xd8, 'fence.tso', 'fence.tso'],
  [0x0310000f, 0xdc, 'fence rw,w', 'fence rw,w'],
  [0x0000100f, 0xe0, 'fence.i', 'fence.i'],
  [0xc0001073, 0xe4, 'unimp', 'unimp'],
  [0x0cb6352f, 0xe8, 'amoswap.d.aq a0,a1,(a2)', 'amoswap.d.aq a0,a1,(a2)'],
  [0x1ab6252f, 0xec, 'sc.w.rl a0,a1,(a2)', 'sc.w.rl a0,a1,(a2)'],
  [0x1006252f, 0xf0, 'lr.w a0,(a2)', 'lr.w a0,(a2)'],
  [0x68c59543, 0xf4, 'fmadd.s fa0,fa1,fa2,fa3,rtz', 'fmadd.s fa0,fa1,fa2,fa3,rtz'],
  [0xc2253553, 0xf8, 'fcvt.l.d a0,fa0,rup', 'fcvt.l.d a0,fa0,rup'],
  [0xd2357553, 0xfc, 'fcvt.d.lu fa0,a0', 'fcvt.d.lu fa0,a0'],
  [0xe2051553, 0x100, 'fclass.d a0,fa0', 'fclass.d a0,fa0'],
  [0x7c059573, 0x104, 'csrrw a0,0x7c0,a1', 'csrrw a0,0x7c0,a1'],
  [0x30200073, 0x108, 'mret', 'mret'],
  [0x10200073, 0x10c, 'sret', 'sret'],
  [0x10500073, 0x110, 'wfi', 'wfi'],
  [0x6435c573, 0x114, 'hlvx.hu a0,(a1)', 'hlvx.hu a0,(a1)'],
  [0x6ea5c073, 0x118, 'hsv.d a0,(a1)', 'hsv.d a0,(a1)'],
  [0xfffff537, 0x11c, 'lui a0,0xfffff', 'lui a0,0xfffff'],
  [0x00010517, 0x120, 'auipc a0,0x10', 'auipc a0,0x10'],
  [0xff813503, 0x124, 'ld a0,-8(sp)', 'ld a0,-8(sp)'],
  [0x00a13827, 0x128, 'fsd fa0,16(sp)', 'fsd fa0,16(sp)'],
  [0x6b85d513, 0x12c, 'rev8 a0,a1', 'rev8 a0,a1'],
  [0x2875d513, 0x130, 'orc.b a0,a1', 'orc.b a0,a1'],
  [0x2bf59513, 0x134, 'bseti a0,a1,0x3f', 'bseti a0,a1,0x3f'],
  [0x157d, 0x138, 'addi a0,a0,-1', 'c.addi a0,-1'],
  [0x451d, 0x13a, 'li a0,7', 'c.li a0,7'],
  [0x757d, 0x13c, 'lui a0,0xfffff', 'c.lui a0,0xfffff'],
  [0x852e, 0x13e, 'mv a0,a1', 'c.mv a0,a1'],
  [0x952e, 0x140, 'add a0,a0,a1', 'c.add a0,a1'],
  [0x8082, 0x142, 'ret', 'c.jr ra'],
  [0x8502, 0x144, 'jr a0', 'c.jr a0'],
  [0x9582, 0x146, 'jalr a1', 'c.jalr a1'],
  [0xb5d5, 0x148, 'j 0x2c', 'c.j 0x2c'],
  [0xee0501e3, 0x14a, 'beqz a0,0x2c', 'beq a0,zero,0x2c'],
  [0x9002, 0x14e, 'ebreak', 'c.ebreak'],
  [0x4512, 0x150, 'lw a0,4(sp)', 'c.lwsp a0,4(sp)'],
  [0x6522, 0x152, 'ld a0,8(sp)', 'c.ldsp a0,8(sp)'],
  [0x2522, 0x154, 'fld fa0,8(sp)', 'c.fldsp fa0,8(sp)'],
  [0xe42a, 0x156, 'sd a0,8(sp)', 'c.sdsp a0,8(sp)'],
  [0x0028, 0x158, 'addi a0,sp,8', 'c.addi4spn a0,sp,8'],
  [0x7139, 0x15a, 'addi sp,sp,-64', 'c.addi16sp sp,-64'],
  [0x850d, 0x15c, 'srai a0,a0,0x3', 'c.srai a0,0x3'],
  [0x9979, 0x15e, 'andi a0,a0,-2', 'c.andi a0,-2'],
  [0x8d0d, 0x160, 'sub a0,a0,a1', 'c.sub a0,a1'],
  [0x9d2d, 0x162, 'addw a0,a0,a1', 'c.addw a0,a1'],
  [0x2501, 0x164, 'sext.w a0,a0', 'c.addiw a0,0'],
  [0x2588, 0x166, 'fld fa0,8(a1)', 'c.fld fa0,8(a1)'],
  [0xc1c8, 0x168, 'sw a0,4(a1)', 'c.sw a0,4(a1)'],
  [0x0001, 0x16a, 'nop', 'c.addi zero,0'],
];

describe('disassemble', () => {
  it.each(OBJDUMP_CASES)('0x%s at %i prints like objdump', (word, pc, alias, plain) => {
    expect(disassemble(word, pc)).toBe(alias);
    expect(disassemble(word, pc, { aliases: true })).toBe(alias);
    expect(disassemble(word, pc, { aliases: false })).toBe(plain);
  });

  it('prints branch targets relative to `.` without a pc', () => {
    expect(disassemble(0xfe051ee3, undefined, { aliases: false })).toBe('bne a0,zero,.-4');
    expect(disassemble(0x0080006f)).toBe('j .+8');
    expect(disassemble(0xb5d5, undefined, { aliases: false })).toBe('c.j .-284');
  });

  it('wraps targets below address 0 to 64 bits and handles high addresses', () => {
    expect(disassemble(0xffdff06f, 0)).toBe('j 0xfffffffffffffffc');
    expect(disassemble(0x0080006f, 0xffffffff80000000n)).toBe('j 0xffffffff80000008');
    expect(disassemble(0x0080006f, 0x80000000)).toBe('j 0x80000008');
  });

  it('prints rounding modes only when they are not dyn (or not rne for exact conversions)', () => {
    expect(disassemble(0x02c5f553)).toBe('fadd.d fa0,fa1,fa2');
    expect(disassemble(0x02c58553)).toBe('fadd.d fa0,fa1,fa2,rne');
    expect(disassemble(0x02c5d553)).toBe('fadd.d fa0,fa1,fa2,unknown');
    expect(disassemble(0x42058553)).toBe('fcvt.d.s fa0,fa1');
    expect(disassemble(0x4205f553)).toBe('fcvt.d.s fa0,fa1,dyn');
    expect(disassemble(0xd2058553)).toBe('fcvt.d.w fa0,a1');
  });

  it('prints hints and reserved encodings like objdump', () => {
    expect(disassemble(0x0005)).toBe('c.nop 1');
    expect(disassemble(0x0005, 0, { aliases: false })).toBe('c.addi zero,1');
    expect(disassemble(0x8301, 0, { aliases: false })).toBe('c.srli64 a4');
    expect(disassemble(0x0000)).toBe('unimp');
    expect(disassemble(0x0000, 0, { aliases: false })).toBe('c.unimp');
    expect(disassemble(0x8000)).toBe('.2byte 0x8000');
    expect(disassemble(0x0ee7e0d3)).toBe('.4byte 0xee7e0d3');
    expect(disassemble(0x0100000f)).toBe('pause');
    expect(disassemble(0x0100000f, 0, { aliases: false })).toBe('pause');
  });

  it('prints Zicond, Svinval and the H instructions', () => {
    expect(disassemble(0x0ec5d533)).toBe('czero.eqz a0,a1,a2');
    expect(disassemble(0x0ec5f533)).toBe('czero.nez a0,a1,a2');
    expect(disassemble(0x26b50073)).toBe('hinval.vvma a0,a1');
    expect(disassemble(0x6805c573)).toBe('hlv.w a0,(a1)');
    expect(disassemble(0x62b50073)).toBe('hfence.gvma a0,a1');
  });

  it('uses only the low 16 bits of a compressed instruction', () => {
    expect(disassemble(0x12340000 | 0x852e)).toBe('mv a0,a1');
  });

  it('never throws, for any bits and options', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean(), fc.option(fc.nat()), (raw, aliases, pc) => {
        const text = disassemble(raw, pc ?? undefined, { aliases });
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|NaN/);
      }),
      { numRuns: 20000 },
    );
  });

  it('names every row in no-aliases mode (row name plus ordering suffix)', () => {
    const next = prng(7);
    for (const spec of INSTRUCTIONS) {
      for (let i = 0; i < 20; i++) {
        const { word } = randomInstance(spec, next);
        const text = disassemble(word, 0x1000, { aliases: false });
        const mnemonic = text.split(' ')[0]!;
        const d = decode(word)!;
        if (/^c\.s(l|r)[la]i64$/.test(mnemonic) || mnemonic === 'fence.tso' || mnemonic === 'pause') continue;
        expect(mnemonic.replace(/\.(aq|rl|aqrl)$/, '')).toBe(d.source.name);
      }
    }
  });
});
