import { insn, type InstructionSpec } from './instruction-spec.js';

/**
 * Hypervisor extension instructions (privileged spec 1.12, chapter 8.2):
 * the fences, hypervisor virtual-machine loads/stores, and Svinval's hinval.*.
 */
export const HYPERVISOR: readonly InstructionSpec[] = [
  insn('hfence.vvma', 'H', '0010001 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('hfence.gvma', 'H', '0110001 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('hinval.vvma', 'Svinval', '0010011 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('hinval.gvma', 'Svinval', '0110011 ----- ----- 000 00000 1110011', 'rs1, rs2'),
  insn('hlv.b', 'H', '0110000 00000 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.bu', 'H', '0110000 00001 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.h', 'H', '0110010 00000 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.hu', 'H', '0110010 00001 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlvx.hu', 'H', '0110010 00011 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.w', 'H', '0110100 00000 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.wu', 'H', '0110100 00001 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlvx.wu', 'H', '0110100 00011 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hlv.d', 'H', '0110110 00000 ----- 100 ----- 1110011', 'rd, (rs1)'),
  insn('hsv.b', 'H', '0110001 ----- ----- 100 00000 1110011', 'rs2, (rs1)'),
  insn('hsv.h', 'H', '0110011 ----- ----- 100 00000 1110011', 'rs2, (rs1)'),
  insn('hsv.w', 'H', '0110101 ----- ----- 100 00000 1110011', 'rs2, (rs1)'),
  insn('hsv.d', 'H', '0110111 ----- ----- 100 00000 1110011', 'rs2, (rs1)'),
];
