import { describe, expect, it } from 'vitest';
import { hexWords, textWords } from './helpers.js';

/** Each pseudo-instruction next to the base instructions it stands for (unprivileged spec, chapter 25). */
const EXPANSIONS: readonly [string, string][] = [
  ['nop', 'addi x0, x0, 0'],
  ['mv a0, a1', 'addi a0, a1, 0'],
  ['not a0, a1', 'xori a0, a1, -1'],
  ['neg a0, a1', 'sub a0, x0, a1'],
  ['negw a0, a1', 'subw a0, x0, a1'],
  ['sext.w a0, a1', 'addiw a0, a1, 0'],
  ['seqz a0, a1', 'sltiu a0, a1, 1'],
  ['snez a0, a1', 'sltu a0, x0, a1'],
  ['sltz a0, a1', 'slt a0, a1, x0'],
  ['sgtz a0, a1', 'slt a0, x0, a1'],
  ['sgt a0, a1, a2', 'slt a0, a2, a1'],
  ['sgtu a0, a1, a2', 'sltu a0, a2, a1'],
  ['zext.b a0, a1', 'andi a0, a1, 255'],
  ['zext.w a0, a1', 'add.uw a0, a1, x0'],
  ['j . + 8', 'jal x0, . + 8'],
  ['jal . - 8', 'jal ra, . - 8'],
  ['jr a0', 'jalr x0, 0(a0)'],
  ['jr 8(a0)', 'jalr x0, 8(a0)'],
  ['jalr a0', 'jalr ra, 0(a0)'],
  ['jalr t0, a0', 'jalr t0, 0(a0)'],
  ['jalr t0, a0, 12', 'jalr t0, 12(a0)'],
  ['jalr 16(a0)', 'jalr ra, 16(a0)'],
  ['ret', 'jalr x0, 0(ra)'],
  ['beqz a0, . + 16', 'beq a0, x0, . + 16'],
  ['bnez a0, . + 16', 'bne a0, x0, . + 16'],
  ['blez a0, . + 16', 'bge x0, a0, . + 16'],
  ['bgez a0, . + 16', 'bge a0, x0, . + 16'],
  ['bltz a0, . + 16', 'blt a0, x0, . + 16'],
  ['bgtz a0, . + 16', 'blt x0, a0, . + 16'],
  ['bgt a0, a1, . + 16', 'blt a1, a0, . + 16'],
  ['ble a0, a1, . + 16', 'bge a1, a0, . + 16'],
  ['bgtu a0, a1, . + 16', 'bltu a1, a0, . + 16'],
  ['bleu a0, a1, . + 16', 'bgeu a1, a0, . + 16'],
  ['csrr a0, mstatus', 'csrrs a0, mstatus, x0'],
  ['csrw mscratch, a0', 'csrrw x0, mscratch, a0'],
  ['csrs mie, a0', 'csrrs x0, mie, a0'],
  ['csrc mie, a0', 'csrrc x0, mie, a0'],
  ['csrwi mscratch, 31', 'csrrwi x0, mscratch, 31'],
  ['csrsi mstatus, 8', 'csrrsi x0, mstatus, 8'],
  ['csrci mstatus, 8', 'csrrci x0, mstatus, 8'],
  ['csrw mscratch, 5', 'csrrwi x0, mscratch, 5'],
  ['csrrs a0, 0x300, 3', 'csrrsi a0, mstatus, 3'],
  ['rdcycle a0', 'csrrs a0, cycle, x0'],
  ['rdtime a0', 'csrrs a0, time, x0'],
  ['rdinstret a0', 'csrrs a0, instret, x0'],
  ['frcsr a0', 'csrrs a0, fcsr, x0'],
  ['fscsr a0, a1', 'csrrw a0, fcsr, a1'],
  ['fscsr a1', 'csrrw x0, fcsr, a1'],
  ['frrm a0', 'csrrs a0, frm, x0'],
  ['fsrm a0, a1', 'csrrw a0, frm, a1'],
  ['fsrm a1', 'csrrw x0, frm, a1'],
  ['frflags a0', 'csrrs a0, fflags, x0'],
  ['fsflags a0, a1', 'csrrw a0, fflags, a1'],
  ['fsflags a1', 'csrrw x0, fflags, a1'],
  ['fsrmi 1', 'csrrwi x0, frm, 1'],
  ['fsflagsi a0, 2', 'csrrwi a0, fflags, 2'],
  ['fmv.s fa0, fa1', 'fsgnj.s fa0, fa1, fa1'],
  ['fmv.d fa0, fa1', 'fsgnj.d fa0, fa1, fa1'],
  ['fabs.s fa0, fa1', 'fsgnjx.s fa0, fa1, fa1'],
  ['fabs.d fa0, fa1', 'fsgnjx.d fa0, fa1, fa1'],
  ['fneg.s fa0, fa1', 'fsgnjn.s fa0, fa1, fa1'],
  ['fneg.d fa0, fa1', 'fsgnjn.d fa0, fa1, fa1'],
  ['fgt.d a0, fa1, fa2', 'flt.d a0, fa2, fa1'],
  ['fge.s a0, fa1, fa2', 'fle.s a0, fa2, fa1'],
  ['fence', 'fence iorw, iorw'],
  ['sfence.vma', 'sfence.vma x0, x0'],
  ['sfence.vma a0', 'sfence.vma a0, x0'],
  ['hfence.gvma', 'hfence.gvma x0, x0'],
  ['hfence.vvma a1', 'hfence.vvma a1, x0'],
  ['unimp', 'csrrw x0, cycle, x0'],
  ['call . + 0x12344', 'auipc ra, 0x12\njalr ra, 0x344(ra)'],
  ['call t0, . + 0x800', 'auipc t0, 1\njalr t0, -2048(t0)'],
  ['tail . - 4', 'auipc t1, 0\njalr x0, -4(t1)'],
  ['la a0, . + 0x1000', 'auipc a0, 1\naddi a0, a0, 0'],
  ['lla a0, . - 0x801', 'auipc a0, 0xfffff\naddi a0, a0, 0x7ff'],
  ['lw a0, . + 0x10', 'auipc a0, 0\nlw a0, 0x10(a0)'],
  ['ld a1, . + 0xfff', 'auipc a1, 1\nld a1, -1(a1)'],
  ['sw a0, . + 0x20, t0', 'auipc t0, 0\nsw a0, 0x20(t0)'],
  ['fld fa0, . + 8, t1', 'auipc t1, 0\nfld fa0, 8(t1)'],
  ['fsw fa0, . + 8, t1', 'auipc t1, 0\nfsw fa0, 8(t1)'],
];

describe('pseudo-instructions', () => {
  for (const [pseudo, base] of EXPANSIONS) {
    it(`${pseudo} = ${base.replace('\n', '; ')}`, () => {
      expect(hexWords(textWords(pseudo))).toEqual(hexWords(textWords(base)));
    });
  }

  it('fence.tso and pause are fence encodings', () => {
    expect(hexWords(textWords('fence.tso'))).toEqual(['8330000f']);
    expect(hexWords(textWords('pause'))).toEqual(['0100000f']);
  });

  it('atomics take .aq/.rl/.aqrl suffixes', () => {
    expect(hexWords(textWords('amoadd.w a0, a1, (a2)\namoadd.w.aq a0, a1, (a2)\namoadd.w.rl a0, a1, (a2)\namoadd.w.aqrl a0, a1, (a2)'))).toEqual([
      '00b6252f',
      '04b6252f',
      '02b6252f',
      '06b6252f',
    ]);
    expect(hexWords(textWords('lr.d.aqrl a0, 0(a1)'))).toEqual(['1605b52f']);
  });

  it('writes unimp as c.unimp and nop as c.nop when compressing', () => {
    expect(hexWords(textWords('.option rvc\nunimp\nnop\nret\nmv a0, a1'))).toEqual(['0000', '0001', '8082', '852e']);
  });

  it('compresses j/beqz to a label when it is in range, and keeps the 32-bit form beyond', () => {
    const near = textWords('.option rvc\nstart: beqz a0, start\nj start');
    expect(hexWords(near)).toEqual(['c101', 'bffd']);
    // c.beqz reaches ±256 bytes, c.j ±2 KiB.
    const far = textWords('.option rvc\nstart: .skip 3000\nbeqz a0, start\nj start\nbeqz a0, start + 2800');
    expect(hexWords(far.slice(-3))).toEqual(hexWords(textWords('start: .skip 3000\nbeq a0, x0, start\njal x0, start\nc.beqz a0, start + 2800').slice(-3)));
  });
});
