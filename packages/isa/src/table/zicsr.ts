import { insn, type InstructionSpec } from './instruction-spec.js';

/** "Zicsr": CSR access instructions (unprivileged spec, chapter 7). */
export const ZICSR: readonly InstructionSpec[] = [
  insn('csrrw', 'Zicsr', '------------ ----- 001 ----- 1110011', 'rd, csr, rs1'),
  insn('csrrs', 'Zicsr', '------------ ----- 010 ----- 1110011', 'rd, csr, rs1'),
  insn('csrrc', 'Zicsr', '------------ ----- 011 ----- 1110011', 'rd, csr, rs1'),
  insn('csrrwi', 'Zicsr', '------------ ----- 101 ----- 1110011', 'rd, csr, zimm'),
  insn('csrrsi', 'Zicsr', '------------ ----- 110 ----- 1110011', 'rd, csr, zimm'),
  insn('csrrci', 'Zicsr', '------------ ----- 111 ----- 1110011', 'rd, csr, zimm'),
];
