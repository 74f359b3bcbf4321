import { atomic, type InstructionSpec } from './instruction-spec.js';

/**
 * "A" extension: LR/SC and AMOs, word (funct3 010) and doubleword (011) forms
 * (unprivileged spec, chapter 14). Bits 26 (aq) and 25 (rl) are the row's
 * `ordering` fields, written as mnemonic suffixes.
 */
function widths(name: string, funct5: string, syntax: string, rs2 = '-----'): InstructionSpec[] {
  return [
    atomic(`${name}.w`, 'A', `${funct5} -- ${rs2} ----- 010 ----- 0101111`, syntax),
    atomic(`${name}.d`, 'A', `${funct5} -- ${rs2} ----- 011 ----- 0101111`, syntax),
  ];
}

export const RV64A: readonly InstructionSpec[] = [
  ...widths('lr', '00010', 'rd, (rs1)', '00000'),
  ...widths('sc', '00011', 'rd, rs2, (rs1)'),
  ...widths('amoswap', '00001', 'rd, rs2, (rs1)'),
  ...widths('amoadd', '00000', 'rd, rs2, (rs1)'),
  ...widths('amoxor', '00100', 'rd, rs2, (rs1)'),
  ...widths('amoand', '01100', 'rd, rs2, (rs1)'),
  ...widths('amoor', '01000', 'rd, rs2, (rs1)'),
  ...widths('amomin', '10000', 'rd, rs2, (rs1)'),
  ...widths('amomax', '10100', 'rd, rs2, (rs1)'),
  ...widths('amominu', '11000', 'rd, rs2, (rs1)'),
  ...widths('amomaxu', '11100', 'rd, rs2, (rs1)'),
];
