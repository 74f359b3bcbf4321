import { insn, type InstructionSpec } from './instruction-spec.js';

/** "Zicond": integer conditional operations (Zicond spec 1.0). */
export const ZICOND: readonly InstructionSpec[] = [
  insn('czero.eqz', 'Zicond', '0000111 ----- ----- 101 ----- 0110011', 'rd, rs1, rs2'),
  insn('czero.nez', 'Zicond', '0000111 ----- ----- 111 ----- 0110011', 'rd, rs1, rs2'),
];
