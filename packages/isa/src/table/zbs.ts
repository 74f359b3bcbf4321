import { insn, type InstructionSpec } from './instruction-spec.js';

/** "Zbs": single-bit instructions (bit-manipulation spec 1.0); immediate forms take a 6-bit shamt on RV64. */
export const ZBS: readonly InstructionSpec[] = [
  insn('bclr', 'Zbs', '0100100 ----- ----- 001 ----- 0110011', 'rd, rs1, rs2'),
  insn('bclri', 'Zbs', '010010 ------ ----- 001 ----- 0010011', 'rd, rs1, shamt'),
  insn('bext', 'Zbs', '0100100 ----- ----- 101 ----- 0110011', 'rd, rs1, rs2'),
  insn('bexti', 'Zbs', '010010 ------ ----- 101 ----- 0010011', 'rd, rs1, shamt'),
  insn('binv', 'Zbs', '0110100 ----- ----- 001 ----- 0110011', 'rd, rs1, rs2'),
  insn('binvi', 'Zbs', '011010 ------ ----- 001 ----- 0010011', 'rd, rs1, shamt'),
  insn('bset', 'Zbs', '0010100 ----- ----- 001 ----- 0110011', 'rd, rs1, rs2'),
  insn('bseti', 'Zbs', '001010 ------ ----- 001 ----- 0010011', 'rd, rs1, shamt'),
];
