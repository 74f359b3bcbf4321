import { insn, type InstructionSpec } from './instruction-spec.js';

/** "Zbb": basic bit manipulation (bit-manipulation spec 1.0), with the RV64 encodings of zext.h and rev8. */
export const ZBB: readonly InstructionSpec[] = [
  insn('andn', 'Zbb', '0100000 ----- ----- 111 ----- 0110011', 'rd, rs1, rs2'),
  insn('orn', 'Zbb', '0100000 ----- ----- 110 ----- 0110011', 'rd, rs1, rs2'),
  insn('xnor', 'Zbb', '0100000 ----- ----- 100 ----- 0110011', 'rd, rs1, rs2'),
  insn('clz', 'Zbb', '0110000 00000 ----- 001 ----- 0010011', 'rd, rs1'),
  insn('ctz', 'Zbb', '0110000 00001 ----- 001 ----- 0010011', 'rd, rs1'),
  insn('cpop', 'Zbb', '0110000 00010 ----- 001 ----- 0010011', 'rd, rs1'),
  insn('sext.b', 'Zbb', '0110000 00100 ----- 001 ----- 0010011', 'rd, rs1'),
  insn('sext.h', 'Zbb', '0110000 00101 ----- 001 ----- 0010011', 'rd, rs1'),
  insn('clzw', 'Zbb', '0110000 00000 ----- 001 ----- 0011011', 'rd, rs1'),
  insn('ctzw', 'Zbb', '0110000 00001 ----- 001 ----- 0011011', 'rd, rs1'),
  insn('cpopw', 'Zbb', '0110000 00010 ----- 001 ----- 0011011', 'rd, rs1'),
  insn('max', 'Zbb', '0000101 ----- ----- 110 ----- 0110011', 'rd, rs1, rs2'),
  insn('maxu', 'Zbb', '0000101 ----- ----- 111 ----- 0110011', 'rd, rs1, rs2'),
  insn('min', 'Zbb', '0000101 ----- ----- 100 ----- 0110011', 'rd, rs1, rs2'),
  insn('minu', 'Zbb', '0000101 ----- ----- 101 ----- 0110011', 'rd, rs1, rs2'),
  // RV64 zext.h is packw rd, rs1, x0 (RV32 uses the OP opcode instead).
  insn('zext.h', 'Zbb', '0000100 00000 ----- 100 ----- 0111011', 'rd, rs1'),
  insn('rol', 'Zbb', '0110000 ----- ----- 001 ----- 0110011', 'rd, rs1, rs2'),
  insn('ror', 'Zbb', '0110000 ----- ----- 101 ----- 0110011', 'rd, rs1, rs2'),
  insn('rolw', 'Zbb', '0110000 ----- ----- 001 ----- 0111011', 'rd, rs1, rs2'),
  insn('rorw', 'Zbb', '0110000 ----- ----- 101 ----- 0111011', 'rd, rs1, rs2'),
  insn('rori', 'Zbb', '011000 ------ ----- 101 ----- 0010011', 'rd, rs1, shamt'),
  insn('roriw', 'Zbb', '0110000 ----- ----- 101 ----- 0011011', 'rd, rs1, shamtw'),
  insn('orc.b', 'Zbb', '0010100 00111 ----- 101 ----- 0010011', 'rd, rs1'),
  // RV64 rev8: shamt field 111000 (RV32 uses 011000).
  insn('rev8', 'Zbb', '0110101 11000 ----- 101 ----- 0010011', 'rd, rs1'),
];
