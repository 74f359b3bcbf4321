import { insn, type InstructionSpec } from './instruction-spec.js';

/**
 * Privileged instructions (privileged spec 1.12, section 2.2 "SYSTEM
 * instructions" table and chapter 3.3/4.2.1), and Svinval (chapter 7).
 * fence.tso and pause are encodings of `fence` (RV64I row): the disassembler
 * prints them as aliases, they are no rows of their own.
 */
export const PRIVILEGED: readonly InstructionSpec[] = [
  insn('sret', 'Priv', '0001000 00010 00000 000 00000 1110011', ''),
  insn('mret', 'Priv', '0011000 00010 00000 000 00000 1110011', ''),
  insn('wfi', 'Priv', '0001000 00101 00000 000 00000 1110011', ''),
  insn('sfence.vma', 'Priv', '0001001 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('sinval.vma', 'Svinval', '0001011 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('sfence.w.inval', 'Svinval', '0001100 00000 00000 000 00000 1110011', ''),
  insn('sfence.inval.ir', 'Svinval', '0001100 00001 00000 000 00000 1110011', ''),
];
