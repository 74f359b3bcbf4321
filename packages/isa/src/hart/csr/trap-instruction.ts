import type { Decoded } from '../../decode/decoder.js';

/**
 * The transformed instruction written to htinst/mtinst for a trap caused by
 * an explicit memory access (H spec 8.6.3, "Transformed Instruction or
 * Pseudoinstruction for mtinst or htinst"): the trapping instruction with
 * its address-offset field (bits 19:15, where rs1 was) holding
 * `faultingVa - originalVa` (nonzero only for a misaligned access that
 * crosses into a faulting page), and for basic loads and stores the
 * immediate zeroed. A compressed instruction is first expanded to its
 * 32-bit equivalent, then transformed, then bit 1 is cleared. Returns 0
 * for instructions without a defined transformation.
 */
export function transformedInstruction(d: Decoded, offset: number): number {
  let word: number;
  const opcode = d.spec.match & 0x7f;
  if (d.length === 4) word = d.raw;
  // The 32-bit equivalent of a compressed load/store: the expansion's fixed bits plus its data register.
  else if (opcode === OPCODE_LOAD || opcode === OPCODE_LOAD_FP) word = d.spec.match | (d.rd << 7);
  else if (opcode === OPCODE_STORE || opcode === OPCODE_STORE_FP) word = d.spec.match | (d.rs2 << 20);
  else return 0;
  const addressOffset = (offset & 0x1f) << 15;
  let transformed: number;
  switch (opcode) {
    case OPCODE_LOAD:
    case OPCODE_LOAD_FP:
      // funct3, rd and opcode kept; imm[11:0] zero.
      transformed = (word & 0x7fff) | addressOffset;
      break;
    case OPCODE_STORE:
    case OPCODE_STORE_FP:
      // rs2, funct3 and opcode kept; imm[11:5] and imm[4:0] zero.
      transformed = (word & 0x01f0707f) | addressOffset;
      break;
    case OPCODE_AMO:
    case OPCODE_SYSTEM:
      // LR/SC/AMO and HLV/HLVX/HSV: every field kept but rs1.
      transformed = (word & ~(0x1f << 15)) | addressOffset;
      break;
    default:
      return 0;
  }
  return (d.length === 2 ? transformed & ~2 : transformed) >>> 0;
}

const OPCODE_LOAD = 0x03;
const OPCODE_LOAD_FP = 0x07;
const OPCODE_STORE = 0x23;
const OPCODE_STORE_FP = 0x27;
const OPCODE_AMO = 0x2f;
const OPCODE_SYSTEM = 0x73;
