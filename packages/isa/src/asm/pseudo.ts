import { failAt, type SourceLocation } from './asm-error.js';
import { hi20, lo12 } from './expression.js';
import { loadImmediate } from './load-immediate.js';
import { illegalParcel, machineInsn, row, type MachineInsn } from './machine-insn.js';
import {
  evalOperand,
  fregOperand,
  immediateValue,
  isMemoryOperand,
  isRegisterOperand,
  csrOperand as csrValue,
  operandText,
  parseRowOperands,
  xregOperand,
  type Operand,
  type OperandContext,
} from './operands.js';
import { csrNumber } from '../table/csrs.js';
import { FIELDS } from '../table/fields.js';
import { INSTRUCTIONS, INSTRUCTION_BY_NAME } from '../table/index.js';

/**
 * Pseudo-instructions of GNU as (unprivileged spec chapter 25 "RISC-V
 * Assembly Programmer's Handbook", Tables 25.2-25.3, and gas's opcode
 * aliases). Each expands to rows of the instruction table; a handler returns
 * undefined when the operands have the form of the real row of the same name
 * (`jal rd, target` vs the pseudo `jal target`).
 */

export interface PseudoContext {
  readonly ops: readonly Operand[];
  readonly at: SourceLocation;
  readonly mnemonic: string;
  /** Operand evaluation for an instruction at `pc`. */
  readonly operandContext: (pc: bigint) => OperandContext;
  readonly pc: bigint;
  /** Compression is on (`unimp` is then c.unimp). */
  readonly rvc: boolean;
}

type PseudoHandler = (p: PseudoContext) => MachineInsn[] | undefined;

const X0 = 0;
const RA = 1;
const T1 = 6;

function count(p: PseudoContext, n: number, form: string): void {
  if (p.ops.length !== n) {
    failAt(p.ops[n]?.at ?? p.at, `'${p.mnemonic}' takes ${n} operand${n === 1 ? '' : 's'} (${form}), found ${p.ops.length}`);
  }
}

/** A branch/jump target operand as an offset from `pc`, checked against `field`. */
function target(p: PseudoContext, op: Operand, pc: bigint, field: typeof FIELDS.imm_b | typeof FIELDS.imm_j): number {
  const r = evalOperand(op, p.operandContext(pc));
  if (r.reloc) failAt(op.at, `%${r.reloc} cannot be used as a branch or jump target`);
  return immediateValue(field, BigInt.asIntN(64, r.value - pc), op.at);
}

/** A symbol's address for la/call/load-from-symbol: an absolute value, no relocation operators. */
function address(p: PseudoContext, op: Operand): bigint {
  const r = evalOperand(op, p.operandContext(p.pc));
  if (r.reloc) failAt(op.at, `'${p.mnemonic}' takes a symbol, not %${r.reloc}(...)`);
  return r.value;
}

/** auipc + a second instruction reaching `addr` pc-relatively: returns [hi, lo] for the pair at p.pc. */
function pcrelParts(p: PseudoContext, op: Operand): [number, number] {
  const offset = BigInt.asIntN(64, address(p, op) - p.pc);
  if (offset < -(1n << 31n) - 0x800n || offset >= (1n << 31n) - 0x800n) {
    failAt(op.at, `'${operandText(op)}' is out of the ±2 GiB reach of auipc from this instruction`);
  }
  return [Number(hi20(offset)), Number(lo12(offset))];
}

/** Sequences with label operands: GNU keeps them 32-bit (relocations). */
const sym = { keepUncompressed: true } as const;
/** Spellings GNU as does not compress (`jalr rd, rs`: only `jalr rs` is its c.jalr alias). */
const wide = sym;

function branchZero(name: string, zeroFirst: boolean): PseudoHandler {
  return (p) => {
    count(p, 2, 'rs, target');
    const rs = xregOperand(p.ops[0]!);
    const imm_b = target(p, p.ops[1]!, p.pc, FIELDS.imm_b);
    return [machineInsn(name, zeroFirst ? { rs1: X0, rs2: rs, imm_b } : { rs1: rs, rs2: X0, imm_b })];
  };
}

function branchSwapped(name: string): PseudoHandler {
  return (p) => {
    count(p, 3, 'rs, rt, target');
    const rs = xregOperand(p.ops[0]!);
    const rt = xregOperand(p.ops[1]!);
    return [machineInsn(name, { rs1: rt, rs2: rs, imm_b: target(p, p.ops[2]!, p.pc, FIELDS.imm_b) })];
  };
}

function twoReg(build: (rd: number, rs: number) => MachineInsn): PseudoHandler {
  return (p) => {
    count(p, 2, 'rd, rs');
    return [build(xregOperand(p.ops[0]!), xregOperand(p.ops[1]!))];
  };
}

function twoFreg(name: string, form: 'same' | 'swap'): PseudoHandler {
  return (p) => {
    if (form === 'swap') {
      count(p, 3, 'rd, rs1, rs2');
      const rd = xregOperand(p.ops[0]!);
      return [machineInsn(name, { rd, frs1: fregOperand(p.ops[2]!), frs2: fregOperand(p.ops[1]!) })];
    }
    count(p, 2, 'rd, rs');
    const rs = fregOperand(p.ops[1]!);
    return [machineInsn(name, { frd: fregOperand(p.ops[0]!), frs1: rs, frs2: rs })];
  };
}

function csrOperand(op: Operand, p: PseudoContext): number {
  return csrValue(op, p.operandContext(p.pc));
}

function zimm(p: PseudoContext, op: Operand): number {
  return immediateValue(FIELDS.zimm, evalOperand(op, p.operandContext(p.pc)).value, op.at);
}

/** csrr/csrw-style access of a fixed or named CSR; register or immediate source. */
function csrWrite(reg: string, imm: string): PseudoHandler {
  return (p) => {
    count(p, 2, 'csr, rs');
    const csr = csrOperand(p.ops[0]!, p);
    if (isRegisterOperand(p.ops[1]!)) return [machineInsn(reg, { rd: X0, csr, rs1: xregOperand(p.ops[1]!) })];
    return [machineInsn(imm, { rd: X0, csr, zimm: zimm(p, p.ops[1]!) })];
  };
}

/** csrrw/csrrs/csrrc with an immediate source are the ...i rows (gas alias). */
function csrRegOrImm(imm: string): PseudoHandler {
  return (p) => {
    if (p.ops.length !== 3 || isRegisterOperand(p.ops[2]!)) return undefined;
    return [machineInsn(imm, { rd: xregOperand(p.ops[0]!), csr: csrOperand(p.ops[1]!, p), zimm: zimm(p, p.ops[2]!) })];
  };
}

function readCsr(csrName: string): PseudoHandler {
  return (p) => {
    count(p, 1, 'rd');
    return [machineInsn('csrrs', { rd: xregOperand(p.ops[0]!), csr: csrNumber(csrName)!, rs1: X0 })];
  };
}

/** fscsr/fsrm/fsflags: `[rd,] rs` writes the CSR (csrrw), returning the old value in rd. */
function swapCsr(csrName: string, imm: boolean): PseudoHandler {
  return (p) => {
    if (p.ops.length !== 1 && p.ops.length !== 2) count(p, 2, imm ? '[rd,] imm' : '[rd,] rs');
    const rd = p.ops.length === 2 ? xregOperand(p.ops[0]!) : X0;
    const src = p.ops[p.ops.length - 1]!;
    const csr = csrNumber(csrName)!;
    if (imm) return [machineInsn('csrrwi', { rd, csr, zimm: zimm(p, src) })];
    return [machineInsn('csrrw', { rd, csr, rs1: xregOperand(src) })];
  };
}

/** `lw rd, symbol` (auipc rd + lw) and `flw fd, symbol, rt` / `sw rs, symbol, rt` (auipc rt + access). */
function symbolAccess(name: string): PseudoHandler {
  const spec = row(name);
  const isStore = spec.fields.some((f) => f.name === 'imm_s');
  const dataField = spec.fields[0]!;
  const floatData = dataField.kind === 'freg';
  return (p) => {
    if (p.ops.length < 2 || isMemoryOperand(p.ops[1]!)) return undefined;
    const needsTemp = isStore || floatData;
    count(p, needsTemp ? 3 : 2, needsTemp ? `${floatData ? 'f' : 'r'}${isStore ? 's' : 'd'}, symbol, rt` : 'rd, symbol');
    const data = floatData ? fregOperand(p.ops[0]!) : xregOperand(p.ops[0]!);
    const base = needsTemp ? xregOperand(p.ops[2]!) : data;
    const [hi, lo] = pcrelParts(p, p.ops[1]!);
    const access = machineInsn(name, { [dataField.name]: data, rs1: base, [isStore ? 'imm_s' : 'imm_i']: lo }, sym);
    return [machineInsn('auipc', { rd: base, imm_u: hi }, sym), access];
  };
}

/** sfence.vma / hfence.* / sinval.vma: `rs1` and `rs2` may be omitted (x0). */
function optionalRegs(name: string): PseudoHandler {
  return (p) => {
    if (p.ops.length >= 2) return undefined;
    const rs1 = p.ops.length === 1 ? xregOperand(p.ops[0]!) : X0;
    return [machineInsn(name, { rs1, rs2: X0 })];
  };
}

/** `imm(rs)` of `jr imm(rs)` / `jalr imm(rs)`, parsed with the jalr row's own memory operand. */
function memoryJump(p: PseudoContext, op: Operand): { rs1: number; imm_i: number } {
  const ra: Operand = { tokens: [{ kind: 'ident', text: 'ra', at: op.at }], at: op.at };
  const parsed = parseRowOperands(row('jalr'), [ra, op], p.operandContext(p.pc), p.at);
  return { rs1: parsed.values.get('rs1')!, imm_i: parsed.values.get('imm_i')! };
}

const FENCE_RW = 0b0011;
const FENCE_IORW = 0b1111;
const FENCE_W = 0b0001;

const HANDLERS: Record<string, PseudoHandler> = {
  nop: (p) => (count(p, 0, 'none'), [machineInsn('addi', { rd: X0, rs1: X0, imm_i: 0 })]),
  li: (p) => {
    count(p, 2, 'rd, imm');
    const rd = xregOperand(p.ops[0]!);
    const r = evalOperand(p.ops[1]!, p.operandContext(p.pc));
    if (r.reloc) failAt(p.ops[1]!.at, `'li' takes a constant, not %${r.reloc}(...)`);
    return loadImmediate(rd, r.value).map((m) => (r.symbolic ? { ...m, keepUncompressed: true } : m));
  },
  la: (p) => HANDLERS.lla!(p),
  lla: (p) => {
    count(p, 2, 'rd, symbol');
    const rd = xregOperand(p.ops[0]!);
    const [hi, lo] = pcrelParts(p, p.ops[1]!);
    return [machineInsn('auipc', { rd, imm_u: hi }, sym), machineInsn('addi', { rd, rs1: rd, imm_i: lo }, sym)];
  },
  mv: twoReg((rd, rs) => machineInsn('addi', { rd, rs1: rs, imm_i: 0 })),
  not: twoReg((rd, rs) => machineInsn('xori', { rd, rs1: rs, imm_i: -1 })),
  neg: twoReg((rd, rs) => machineInsn('sub', { rd, rs1: X0, rs2: rs })),
  negw: twoReg((rd, rs) => machineInsn('subw', { rd, rs1: X0, rs2: rs })),
  'sext.w': twoReg((rd, rs) => machineInsn('addiw', { rd, rs1: rs, imm_i: 0 })),
  seqz: twoReg((rd, rs) => machineInsn('sltiu', { rd, rs1: rs, imm_i: 1 })),
  snez: twoReg((rd, rs) => machineInsn('sltu', { rd, rs1: X0, rs2: rs })),
  sltz: twoReg((rd, rs) => machineInsn('slt', { rd, rs1: rs, rs2: X0 })),
  sgtz: twoReg((rd, rs) => machineInsn('slt', { rd, rs1: X0, rs2: rs })),
  'zext.b': twoReg((rd, rs) => machineInsn('andi', { rd, rs1: rs, imm_i: 255 })),
  'zext.w': twoReg((rd, rs) => machineInsn('add.uw', { rd, rs1: rs, rs2: X0 })),
  sgt: (p) => (count(p, 3, 'rd, rs, rt'), [machineInsn('slt', { rd: xregOperand(p.ops[0]!), rs1: xregOperand(p.ops[2]!), rs2: xregOperand(p.ops[1]!) })]),
  sgtu: (p) => (count(p, 3, 'rd, rs, rt'), [machineInsn('sltu', { rd: xregOperand(p.ops[0]!), rs1: xregOperand(p.ops[2]!), rs2: xregOperand(p.ops[1]!) })]),
  beqz: branchZero('beq', false),
  bnez: branchZero('bne', false),
  blez: branchZero('bge', true),
  bgez: branchZero('bge', false),
  bltz: branchZero('blt', false),
  bgtz: branchZero('blt', true),
  bgt: branchSwapped('blt'),
  ble: branchSwapped('bge'),
  bgtu: branchSwapped('bltu'),
  bleu: branchSwapped('bgeu'),
  j: (p) => (count(p, 1, 'target'), [machineInsn('jal', { rd: X0, imm_j: target(p, p.ops[0]!, p.pc, FIELDS.imm_j) })]),
  jal: (p) => {
    if (p.ops.length !== 1) return undefined;
    return [machineInsn('jal', { rd: RA, imm_j: target(p, p.ops[0]!, p.pc, FIELDS.imm_j) })];
  },
  jr: (p) => {
    if (p.ops.length === 1 && isMemoryOperand(p.ops[0]!)) return [machineInsn('jalr', { rd: X0, ...memoryJump(p, p.ops[0]!) })];
    if (p.ops.length !== 1 && p.ops.length !== 2) count(p, 1, 'rs');
    const imm = p.ops.length === 2 ? immediateValue(FIELDS.imm_i, evalOperand(p.ops[1]!, p.operandContext(p.pc)).value, p.ops[1]!.at) : 0;
    return [machineInsn('jalr', { rd: X0, rs1: xregOperand(p.ops[0]!), imm_i: imm })];
  },
  jalr: (p) => {
    // gas also takes `jalr rs`, `jalr rd, rs` and `jalr rd, rs, imm`.
    if (p.ops.length === 1 && !isMemoryOperand(p.ops[0]!)) return [machineInsn('jalr', { rd: RA, rs1: xregOperand(p.ops[0]!), imm_i: 0 })];
    if (p.ops.length === 1) return [machineInsn('jalr', { rd: RA, ...memoryJump(p, p.ops[0]!) }, wide)];
    if (p.ops.length === 2 && isRegisterOperand(p.ops[1]!)) {
      return [machineInsn('jalr', { rd: xregOperand(p.ops[0]!), rs1: xregOperand(p.ops[1]!), imm_i: 0 }, wide)];
    }
    if (p.ops.length === 3) {
      const imm = immediateValue(FIELDS.imm_i, evalOperand(p.ops[2]!, p.operandContext(p.pc)).value, p.ops[2]!.at);
      return [machineInsn('jalr', { rd: xregOperand(p.ops[0]!), rs1: xregOperand(p.ops[1]!), imm_i: imm }, wide)];
    }
    return undefined;
  },
  // C.NOP is c.addi x0 (spec 16.5); with an immediate it is a HINT that objdump prints as `c.nop imm`.
  'c.nop': (p) => {
    if (INSTRUCTION_BY_NAME.has('c.nop')) return undefined;
    if (p.ops.length > 1) count(p, 1, '[imm]');
    const imm = p.ops[0] ? evalOperand(p.ops[0], p.operandContext(p.pc)).value : 0n;
    return [machineInsn('c.addi', { c_rd: X0, c_imm6: immediateValue(FIELDS.c_imm6, imm, p.ops[0]?.at ?? p.at) })];
  },
  ret: (p) => (count(p, 0, 'none'), [machineInsn('jalr', { rd: X0, rs1: RA, imm_i: 0 })]),
  call: (p) => {
    if (p.ops.length !== 1 && p.ops.length !== 2) count(p, 1, 'symbol');
    const rd = p.ops.length === 2 ? xregOperand(p.ops[0]!) : RA;
    const [hi, lo] = pcrelParts(p, p.ops[p.ops.length - 1]!);
    return [machineInsn('auipc', { rd, imm_u: hi }, sym), machineInsn('jalr', { rd, rs1: rd, imm_i: lo }, sym)];
  },
  tail: (p) => {
    count(p, 1, 'symbol');
    const [hi, lo] = pcrelParts(p, p.ops[0]!);
    return [machineInsn('auipc', { rd: T1, imm_u: hi }, sym), machineInsn('jalr', { rd: X0, rs1: T1, imm_i: lo }, sym)];
  },
  fence: (p) => (p.ops.length === 0 ? [machineInsn('fence', { pred: FENCE_IORW, succ: FENCE_IORW })] : undefined),
  // fence.tso is fence rw,rw with fm = 1000 (unprivileged spec 2.7); fm has no operand field.
  'fence.tso': (p) => (count(p, 0, 'none'), [machineInsn('fence', { pred: FENCE_RW, succ: FENCE_RW }, { extraBits: 0x80000000 })]),
  // pause is fence w,0 (Zihintpause).
  pause: (p) => (count(p, 0, 'none'), [machineInsn('fence', { pred: FENCE_W, succ: 0 })]),
  csrr: (p) => (count(p, 2, 'rd, csr'), [machineInsn('csrrs', { rd: xregOperand(p.ops[0]!), csr: csrOperand(p.ops[1]!, p), rs1: X0 })]),
  csrw: csrWrite('csrrw', 'csrrwi'),
  csrs: csrWrite('csrrs', 'csrrsi'),
  csrc: csrWrite('csrrc', 'csrrci'),
  csrwi: (p) => (count(p, 2, 'csr, imm'), [machineInsn('csrrwi', { rd: X0, csr: csrOperand(p.ops[0]!, p), zimm: zimm(p, p.ops[1]!) })]),
  csrsi: (p) => (count(p, 2, 'csr, imm'), [machineInsn('csrrsi', { rd: X0, csr: csrOperand(p.ops[0]!, p), zimm: zimm(p, p.ops[1]!) })]),
  csrci: (p) => (count(p, 2, 'csr, imm'), [machineInsn('csrrci', { rd: X0, csr: csrOperand(p.ops[0]!, p), zimm: zimm(p, p.ops[1]!) })]),
  csrrw: csrRegOrImm('csrrwi'),
  csrrs: csrRegOrImm('csrrsi'),
  csrrc: csrRegOrImm('csrrci'),
  rdcycle: readCsr('cycle'),
  rdtime: readCsr('time'),
  rdinstret: readCsr('instret'),
  frcsr: readCsr('fcsr'),
  frrm: readCsr('frm'),
  frflags: readCsr('fflags'),
  fscsr: swapCsr('fcsr', false),
  fsrm: swapCsr('frm', false),
  fsflags: swapCsr('fflags', false),
  fsrmi: swapCsr('frm', true),
  fsflagsi: swapCsr('fflags', true),
  'fmv.s': twoFreg('fsgnj.s', 'same'),
  'fmv.d': twoFreg('fsgnj.d', 'same'),
  'fabs.s': twoFreg('fsgnjx.s', 'same'),
  'fabs.d': twoFreg('fsgnjx.d', 'same'),
  'fneg.s': twoFreg('fsgnjn.s', 'same'),
  'fneg.d': twoFreg('fsgnjn.d', 'same'),
  'fgt.s': twoFreg('flt.s', 'swap'),
  'fge.s': twoFreg('fle.s', 'swap'),
  'fgt.d': twoFreg('flt.d', 'swap'),
  'fge.d': twoFreg('fle.d', 'swap'),
  // unimp: gas emits c.unimp (0x0000) with RVC, else csrrw x0, cycle, x0 (a write to a read-only CSR).
  unimp: (p) => (count(p, 0, 'none'), [p.rvc ? illegalParcel() : machineInsn('csrrw', { rd: X0, csr: csrNumber('cycle')!, rs1: X0 })]),
};

// Loads and stores of a symbol, from every row with an `imm(rs1)` access (integer and float).
for (const spec of INSTRUCTIONS) {
  if (spec.expand || spec.length !== 4) continue;
  if (/^(f?rs2|f?rd), imm_[is]\(rs1\)$/.test(spec.syntax) && spec.name !== 'jalr') HANDLERS[spec.name] = symbolAccess(spec.name);
}
// Address-translation fences whose operands may be left out.
for (const spec of INSTRUCTIONS) {
  if (spec.syntax === 'rs1, rs2' && /^(s|h)(fence|inval)\./.test(spec.name)) HANDLERS[spec.name] = optionalRegs(spec.name);
}

const PSEUDOS: ReadonlyMap<string, PseudoHandler> = new Map(Object.entries(HANDLERS));

/** Expands a pseudo-instruction; undefined when `mnemonic` is none or its operands have a real row's form. */
export function expandPseudo(p: PseudoContext): MachineInsn[] | undefined {
  const handler = PSEUDOS.get(p.mnemonic);
  return handler ? handler(p) : undefined;
}

/** Whether `mnemonic` is a pseudo-instruction (some share a name with a row). */
export function isPseudo(mnemonic: string): boolean {
  return PSEUDOS.has(mnemonic);
}
