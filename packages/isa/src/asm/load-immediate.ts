import { lo12 } from './expression.js';
import { machineInsn, type MachineInsn } from './machine-insn.js';

/**
 * `li rd, value` for any 64-bit value, with GNU as's sequence (gas
 * tc-riscv.c `load_const`): a 12-bit value is one addi; a sign-extended
 * 32-bit value is lui and/or addiw; anything wider is built recursively from
 * its upper part, then `slli` by the distance to the next set bit and `addi`
 * of the sign-extended low 12 bits.
 */
export function loadImmediate(rd: number, value: bigint): MachineInsn[] {
  const v = BigInt.asIntN(64, value);
  if (v >= -2048n && v <= 2047n) return [machineInsn('addi', { rd, rs1: 0, imm_i: Number(v) })];
  const out: MachineInsn[] = [];
  loadConst(rd, v, out);
  return out;
}

function isSext32(v: bigint): boolean {
  return v === BigInt.asIntN(32, v);
}

function loadConst(rd: number, v: bigint, out: MachineInsn[]): void {
  const lower = lo12(v);
  const upper = BigInt.asIntN(64, v - lower);
  if (!isSext32(v)) {
    let shift = 12n;
    while (((upper >> shift) & 1n) === 0n) shift++;
    loadConst(rd, upper >> shift, out);
    out.push(machineInsn('slli', { rd, rs1: rd, shamt: Number(shift) }));
    if (lower !== 0n) out.push(machineInsn('addi', { rd, rs1: rd, imm_i: Number(lower) }));
    return;
  }
  let hi = 0;
  if (upper !== 0n) {
    out.push(machineInsn('lui', { rd, imm_u: Number(BigInt.asUintN(32, upper) >> 12n) }));
    hi = rd;
  }
  if (lower !== 0n || hi === 0) out.push(machineInsn('addiw', { rd, rs1: hi, imm_i: Number(lower) }));
}
