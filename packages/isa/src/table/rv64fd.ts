import { insn, type Extension, type InstructionSpec } from './instruction-spec.js';

/**
 * The rows F and D share, for one format: `fmt` is bits 26..25 (00 = S,
 * 01 = D), `s` the mnemonic suffix (unprivileged spec chapters 11 and 12).
 */
export function floatRows(ext: Extension, s: 's' | 'd', fmt: '00' | '01'): InstructionSpec[] {
  const r4 = (name: string, opcode: string): InstructionSpec =>
    insn(`${name}.${s}`, ext, `----- ${fmt} ----- ----- --- ----- ${opcode}`, 'frd, frs1, frs2, frs3, rm?');
  const op = (name: string, funct5: string, rs2: string, funct3: string, syntax: string): InstructionSpec =>
    insn(name, ext, `${funct5} ${fmt} ${rs2} ----- ${funct3} ----- 1010011`, syntax);
  return [
    r4('fmadd', '1000011'),
    r4('fmsub', '1000111'),
    r4('fnmsub', '1001011'),
    r4('fnmadd', '1001111'),
    op(`fadd.${s}`, '00000', '-----', '---', 'frd, frs1, frs2, rm?'),
    op(`fsub.${s}`, '00001', '-----', '---', 'frd, frs1, frs2, rm?'),
    op(`fmul.${s}`, '00010', '-----', '---', 'frd, frs1, frs2, rm?'),
    op(`fdiv.${s}`, '00011', '-----', '---', 'frd, frs1, frs2, rm?'),
    op(`fsqrt.${s}`, '01011', '00000', '---', 'frd, frs1, rm?'),
    op(`fsgnj.${s}`, '00100', '-----', '000', 'frd, frs1, frs2'),
    op(`fsgnjn.${s}`, '00100', '-----', '001', 'frd, frs1, frs2'),
    op(`fsgnjx.${s}`, '00100', '-----', '010', 'frd, frs1, frs2'),
    op(`fmin.${s}`, '00101', '-----', '000', 'frd, frs1, frs2'),
    op(`fmax.${s}`, '00101', '-----', '001', 'frd, frs1, frs2'),
    op(`fcvt.w.${s}`, '11000', '00000', '---', 'rd, frs1, rm?'),
    op(`fcvt.wu.${s}`, '11000', '00001', '---', 'rd, frs1, rm?'),
    op(`fcvt.l.${s}`, '11000', '00010', '---', 'rd, frs1, rm?'),
    op(`fcvt.lu.${s}`, '11000', '00011', '---', 'rd, frs1, rm?'),
    op(`feq.${s}`, '10100', '-----', '010', 'rd, frs1, frs2'),
    op(`flt.${s}`, '10100', '-----', '001', 'rd, frs1, frs2'),
    op(`fle.${s}`, '10100', '-----', '000', 'rd, frs1, frs2'),
    op(`fclass.${s}`, '11100', '00000', '001', 'rd, frs1'),
    // int -> double is exact for 32-bit sources: rm is not needed (rm_exact).
    op(`fcvt.${s}.w`, '11010', '00000', '---', s === 'd' ? 'frd, rs1, rm_exact?' : 'frd, rs1, rm?'),
    op(`fcvt.${s}.wu`, '11010', '00001', '---', s === 'd' ? 'frd, rs1, rm_exact?' : 'frd, rs1, rm?'),
    op(`fcvt.${s}.l`, '11010', '00010', '---', 'frd, rs1, rm?'),
    op(`fcvt.${s}.lu`, '11010', '00011', '---', 'frd, rs1, rm?'),
  ];
}
