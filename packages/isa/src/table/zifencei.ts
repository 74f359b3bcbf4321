import { insn, type InstructionSpec } from './instruction-spec.js';

/**
 * "Zifencei" (unprivileged spec, chapter 6): the imm, rs1 and rd fields are
 * reserved for future use and ignored, so only funct3 and the opcode decode.
 */
export const ZIFENCEI: readonly InstructionSpec[] = [
  insn('fence.i', 'Zifencei', '------------ ----- 001 ----- 0001111', ''),
];
