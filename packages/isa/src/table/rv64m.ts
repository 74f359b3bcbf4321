import { insn, type InstructionSpec } from './instruction-spec.js';

/** "M" extension: integer multiply and divide (unprivileged spec, chapter 13). */
export const RV64M: readonly InstructionSpec[] = [
  insn('mul', 'M', '0000001 ----- ----- 000 ----- 0110011', 'rd, rs1, rs2'),
  insn('mulh', 'M', '0000001 ----- ----- 001 ----- 0110011', 'rd, rs1, rs2'),
  insn('mulhsu', 'M', '0000001 ----- ----- 010 ----- 0110011', 'rd, rs1, rs2'),
  insn('mulhu', 'M', '0000001 ----- ----- 011 ----- 0110011', 'rd, rs1, rs2'),
  insn('div', 'M', '0000001 ----- ----- 100 ----- 0110011', 'rd, rs1, rs2'),
  insn('divu', 'M', '0000001 ----- ----- 101 ----- 0110011', 'rd, rs1, rs2'),
  insn('rem', 'M', '0000001 ----- ----- 110 ----- 0110011', 'rd, rs1, rs2'),
  insn('remu', 'M', '0000001 ----- ----- 111 ----- 0110011', 'rd, rs1, rs2'),
  insn('mulw', 'M', '0000001 ----- ----- 000 ----- 0111011', 'rd, rs1, rs2'),
  insn('divw', 'M', '0000001 ----- ----- 100 ----- 0111011', 'rd, rs1, rs2'),
  insn('divuw', 'M', '0000001 ----- ----- 101 ----- 0111011', 'rd, rs1, rs2'),
  insn('remw', 'M', '0000001 ----- ----- 110 ----- 0111011', 'rd, rs1, rs2'),
  insn('remuw', 'M', '0000001 ----- ----- 111 ----- 0111011', 'rd, rs1, rs2'),
];
