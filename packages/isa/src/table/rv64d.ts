import { insn, type InstructionSpec } from './instruction-spec.js';
import { floatRows } from './rv64fd.js';

/** "D" extension, double precision (unprivileged spec, chapter 12), with its RV64 forms. */
export const RV64D: readonly InstructionSpec[] = [
  insn('fld', 'D', '------------ ----- 011 ----- 0000111', 'frd, imm_i(rs1)'),
  insn('fsd', 'D', '------- ----- ----- 011 ----- 0100111', 'frs2, imm_s(rs1)'),
  ...floatRows('D', 'd', '01'),
  insn('fcvt.s.d', 'D', '0100000 00001 ----- --- ----- 1010011', 'frd, frs1, rm?'),
  // Widening is exact: see rm_exact in fields.ts.
  insn('fcvt.d.s', 'D', '0100001 00000 ----- --- ----- 1010011', 'frd, frs1, rm_exact?'),
  insn('fmv.x.d', 'D', '1110001 00000 ----- 000 ----- 1010011', 'rd, frs1'),
  insn('fmv.d.x', 'D', '1111001 00000 ----- 000 ----- 1010011', 'frd, rs1'),
];
