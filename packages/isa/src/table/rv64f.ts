import { insn, type InstructionSpec } from './instruction-spec.js';
import { floatRows } from './rv64fd.js';

/** "F" extension, single precision (unprivileged spec, chapter 11), with its RV64 forms. */
export const RV64F: readonly InstructionSpec[] = [
  insn('flw', 'F', '------------ ----- 010 ----- 0000111', 'frd, imm_i(rs1)'),
  insn('fsw', 'F', '------- ----- ----- 010 ----- 0100111', 'frs2, imm_s(rs1)'),
  ...floatRows('F', 's', '00'),
  insn('fmv.x.w', 'F', '1110000 00000 ----- 000 ----- 1010011', 'rd, frs1'),
  insn('fmv.w.x', 'F', '1111000 00000 ----- 000 ----- 1010011', 'frd, rs1'),
];
