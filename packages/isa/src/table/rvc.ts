import { insn, type Expansion, type InstructionSpec } from './instruction-spec.js';

/** Register numbers the expansions name. */
const X0 = 0;
const RA = 1;
const SP = 2;

function to(name: string, slots: Expansion['slots']): Expansion {
  return { name, slots };
}

/**
 * "C" extension for RV64 (unprivileged spec, chapter 16, Tables 16.5-16.7
 * "RVC opcode map"). Each row names the 32-bit instruction it executes as.
 *
 * Reserved encodings are left out, so they decode as illegal: the all-zero
 * parcel and c.addi4spn with nzuimm = 0, c.addi16sp/c.lui with nzimm = 0,
 * c.lwsp/c.ldsp with rd = x0, c.jr with rs1 = x0, c.addiw with rd = x0, and the
 * unassigned CA slots (100 1 11 --- 1- --- 01) and quadrant 0 funct3 100.
 * HINT encodings (spec 16.7, Table 16.3) execute as the instruction with no
 * architectural effect, so they decode as that instruction: c.addi with
 * rd = x0 (c.nop) or imm = 0, c.li/c.lui/c.mv/c.add/c.slli with rd = x0, and
 * the shifts with shamt = 0.
 */
export const RVC: readonly InstructionSpec[] = [
  // Quadrant 0.
  insn('c.addi4spn', 'C', '000 -------- --- 00', 'c_rd_p, c_sp, c_nzuimm10', to('addi', { rd: 'c_rd_p', rs1: SP, imm: 'c_nzuimm10' })),
  insn('c.fld', 'C', '001 --- --- -- --- 00', 'c_frd_p, c_uimm8(c_rs1_p)', to('fld', { rd: 'c_frd_p', rs1: 'c_rs1_p', imm: 'c_uimm8' })),
  insn('c.lw', 'C', '010 --- --- -- --- 00', 'c_rd_p, c_uimm7(c_rs1_p)', to('lw', { rd: 'c_rd_p', rs1: 'c_rs1_p', imm: 'c_uimm7' })),
  insn('c.ld', 'C', '011 --- --- -- --- 00', 'c_rd_p, c_uimm8(c_rs1_p)', to('ld', { rd: 'c_rd_p', rs1: 'c_rs1_p', imm: 'c_uimm8' })),
  insn('c.fsd', 'C', '101 --- --- -- --- 00', 'c_frs2_p, c_uimm8(c_rs1_p)', to('fsd', { rs1: 'c_rs1_p', rs2: 'c_frs2_p', imm: 'c_uimm8' })),
  insn('c.sw', 'C', '110 --- --- -- --- 00', 'c_rs2_p, c_uimm7(c_rs1_p)', to('sw', { rs1: 'c_rs1_p', rs2: 'c_rs2_p', imm: 'c_uimm7' })),
  insn('c.sd', 'C', '111 --- --- -- --- 00', 'c_rs2_p, c_uimm8(c_rs1_p)', to('sd', { rs1: 'c_rs1_p', rs2: 'c_rs2_p', imm: 'c_uimm8' })),

  // Quadrant 1. C.NOP is the c.addi encoding with rd = x0 and imm = 0 (spec
  // 16.5); it is no row of its own (objdump -M no-aliases prints `c.addi zero,0`).
  insn('c.addi', 'C', '000 - ----- ----- 01', 'c_rd, c_imm6', to('addi', { rd: 'c_rd', rs1: 'c_rd', imm: 'c_imm6' })),
  insn('c.addiw', 'C', '001 - ----- ----- 01', 'c_rd_n0, c_imm6', to('addiw', { rd: 'c_rd_n0', rs1: 'c_rd_n0', imm: 'c_imm6' })),
  insn('c.li', 'C', '010 - ----- ----- 01', 'c_rd, c_imm6', to('addi', { rd: 'c_rd', rs1: X0, imm: 'c_imm6' })),
  insn('c.addi16sp', 'C', '011 - 00010 ----- 01', 'c_sp, c_nzimm10', to('addi', { rd: SP, rs1: SP, imm: 'c_nzimm10' })),
  insn('c.lui', 'C', '011 - ----- ----- 01', 'c_rd_n2, c_nzimm_lui', to('lui', { rd: 'c_rd_n2', imm: 'c_nzimm_lui' })),
  insn('c.srli', 'C', '100 - 00 --- ----- 01', 'c_rd_rs1_p, c_shamt', to('srli', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', imm: 'c_shamt' })),
  insn('c.srai', 'C', '100 - 01 --- ----- 01', 'c_rd_rs1_p, c_shamt', to('srai', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', imm: 'c_shamt' })),
  insn('c.andi', 'C', '100 - 10 --- ----- 01', 'c_rd_rs1_p, c_imm6', to('andi', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', imm: 'c_imm6' })),
  insn('c.sub', 'C', '100 0 11 --- 00 --- 01', 'c_rd_rs1_p, c_rs2_p', to('sub', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.xor', 'C', '100 0 11 --- 01 --- 01', 'c_rd_rs1_p, c_rs2_p', to('xor', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.or', 'C', '100 0 11 --- 10 --- 01', 'c_rd_rs1_p, c_rs2_p', to('or', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.and', 'C', '100 0 11 --- 11 --- 01', 'c_rd_rs1_p, c_rs2_p', to('and', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.subw', 'C', '100 1 11 --- 00 --- 01', 'c_rd_rs1_p, c_rs2_p', to('subw', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.addw', 'C', '100 1 11 --- 01 --- 01', 'c_rd_rs1_p, c_rs2_p', to('addw', { rd: 'c_rd_rs1_p', rs1: 'c_rd_rs1_p', rs2: 'c_rs2_p' })),
  insn('c.j', 'C', '101 ----------- 01', 'c_imm_j', to('jal', { rd: X0, imm: 'c_imm_j' })),
  insn('c.beqz', 'C', '110 --- --- ----- 01', 'c_rs1_p, c_imm_b', to('beq', { rs1: 'c_rs1_p', rs2: X0, imm: 'c_imm_b' })),
  insn('c.bnez', 'C', '111 --- --- ----- 01', 'c_rs1_p, c_imm_b', to('bne', { rs1: 'c_rs1_p', rs2: X0, imm: 'c_imm_b' })),

  // Quadrant 2.
  insn('c.slli', 'C', '000 - ----- ----- 10', 'c_rd, c_shamt', to('slli', { rd: 'c_rd', rs1: 'c_rd', imm: 'c_shamt' })),
  insn('c.fldsp', 'C', '001 - ----- ----- 10', 'c_frd, c_uimm9sp(c_sp)', to('fld', { rd: 'c_frd', rs1: SP, imm: 'c_uimm9sp' })),
  insn('c.lwsp', 'C', '010 - ----- ----- 10', 'c_rd_n0, c_uimm8sp(c_sp)', to('lw', { rd: 'c_rd_n0', rs1: SP, imm: 'c_uimm8sp' })),
  insn('c.ldsp', 'C', '011 - ----- ----- 10', 'c_rd_n0, c_uimm9sp(c_sp)', to('ld', { rd: 'c_rd_n0', rs1: SP, imm: 'c_uimm9sp' })),
  insn('c.jr', 'C', '100 0 ----- 00000 10', 'c_rs1_n0', to('jalr', { rd: X0, rs1: 'c_rs1_n0', imm: 0 })),
  insn('c.mv', 'C', '100 0 ----- ----- 10', 'c_rd, c_rs2_n0', to('add', { rd: 'c_rd', rs1: X0, rs2: 'c_rs2_n0' })),
  insn('c.ebreak', 'C', '100 1 00000 00000 10', '', to('ebreak', {})),
  insn('c.jalr', 'C', '100 1 ----- 00000 10', 'c_rs1_n0', to('jalr', { rd: RA, rs1: 'c_rs1_n0', imm: 0 })),
  insn('c.add', 'C', '100 1 ----- ----- 10', 'c_rd, c_rs2_n0', to('add', { rd: 'c_rd', rs1: 'c_rd', rs2: 'c_rs2_n0' })),
  insn('c.fsdsp', 'C', '101 ------ ----- 10', 'c_frs2, c_uimm9sp_s(c_sp)', to('fsd', { rs1: SP, rs2: 'c_frs2', imm: 'c_uimm9sp_s' })),
  insn('c.swsp', 'C', '110 ------ ----- 10', 'c_rs2, c_uimm8sp_s(c_sp)', to('sw', { rs1: SP, rs2: 'c_rs2', imm: 'c_uimm8sp_s' })),
  insn('c.sdsp', 'C', '111 ------ ----- 10', 'c_rs2, c_uimm9sp_s(c_sp)', to('sd', { rs1: SP, rs2: 'c_rs2', imm: 'c_uimm9sp_s' })),
];
