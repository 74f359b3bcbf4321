import { insn, type InstructionSpec } from './instruction-spec.js';

/** "Zba": address generation (bit-manipulation spec 1.0, chapter "Zba"), RV64 forms included. */
export const ZBA: readonly InstructionSpec[] = [
  insn('add.uw', 'Zba', '0000100 ----- ----- 000 ----- 0111011', 'rd, rs1, rs2'),
  insn('sh1add', 'Zba', '0010000 ----- ----- 010 ----- 0110011', 'rd, rs1, rs2'),
  insn('sh2add', 'Zba', '0010000 ----- ----- 100 ----- 0110011', 'rd, rs1, rs2'),
  insn('sh3add', 'Zba', '0010000 ----- ----- 110 ----- 0110011', 'rd, rs1, rs2'),
  insn('sh1add.uw', 'Zba', '0010000 ----- ----- 010 ----- 0111011', 'rd, rs1, rs2'),
  insn('sh2add.uw', 'Zba', '0010000 ----- ----- 100 ----- 0111011', 'rd, rs1, rs2'),
  insn('sh3add.uw', 'Zba', '0010000 ----- ----- 110 ----- 0111011', 'rd, rs1, rs2'),
  insn('slli.uw', 'Zba', '000010 ------ ----- 001 ----- 0011011', 'rd, rs1, shamt'),
];
