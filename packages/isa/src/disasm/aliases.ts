import type { Decoded } from '../decode/decoder.js';
import { CSR } from '../table/csrs.js';
import { FIELDS, extractField } from '../table/fields.js';
import {
  formatCsr,
  formatFenceSet,
  formatTarget,
  FREG_NAMES,
  hex,
  XREG_NAMES,
  type Address,
} from './operand-format.js';

/**
 * Pseudo-instructions objdump prints by default (GNU as manual, "RISC-V
 * pseudo-instructions"; unprivileged spec chapter 25 tables 25.2/25.3).
 * Rules are keyed by the executed instruction, so a compressed instruction
 * prints as its expansion's alias (c.mv -> mv, c.jr ra -> ret), as objdump does.
 */
type AliasRule = (d: Decoded, pc: Address | undefined) => string | undefined;

const x = (n: number): string => XREG_NAMES[n]!;
const f = (n: number): string => FREG_NAMES[n]!;
const op = (name: string, ...operands: string[]): string =>
  operands.length ? `${name} ${operands.join(',')}` : name;
const mem = (imm: number, base: number): string => `${imm}(${x(base)})`;

function csrAliases(d: Decoded, immediate: boolean): string | undefined {
  const name = d.spec.name;
  const src = immediate ? String(d.imm) : x(d.rs1);
  const readOnly = !immediate && d.rs1 === 0;
  // Float CSR shorthands (unprivileged spec chapter 25, Table 25.3).
  if (name === 'csrrs' && readOnly) {
    if (d.csr === CSR.fcsr) return op('frcsr', x(d.rd));
    if (d.csr === CSR.frm) return op('frrm', x(d.rd));
    if (d.csr === CSR.fflags) return op('frflags', x(d.rd));
    if (d.csr === CSR.cycle) return op('rdcycle', x(d.rd));
    if (d.csr === CSR.time) return op('rdtime', x(d.rd));
    if (d.csr === CSR.instret) return op('rdinstret', x(d.rd));
    return op('csrr', x(d.rd), formatCsr(d.csr));
  }
  if (name === 'csrrw' || name === 'csrrwi') {
    const sets: Record<number, string> = { [CSR.fcsr]: 'fscsr', [CSR.frm]: 'fsrm', [CSR.fflags]: 'fsflags' };
    const short = sets[d.csr];
    if (short && !(immediate && d.csr === CSR.fcsr)) {
      // objdump drops rd = x0 only from the register forms (fsrm a0, not fsrmi zero,1).
      if (immediate) return op(`${short}i`, x(d.rd), src);
      return d.rd === 0 ? op(short, src) : op(short, x(d.rd), src);
    }
  }
  if (d.rd === 0) {
    const base = { csrrw: 'csrw', csrrs: 'csrs', csrrc: 'csrc', csrrwi: 'csrwi', csrrsi: 'csrsi', csrrci: 'csrci' }[
      name
    ];
    if (base) return op(base, formatCsr(d.csr), src);
  }
  return undefined;
}

function fenceAlias(d: Decoded): string | undefined {
  const pred = extractField(FIELDS.pred, d.raw);
  const succ = extractField(FIELDS.succ, d.raw);
  if (pred === 0xf && succ === 0xf) return 'fence';
  return op('fence', formatFenceSet(pred), formatFenceSet(succ));
}


const RULES: Readonly<Record<string, AliasRule>> = {
  addi: (d) => {
    if (d.rd === 0 && d.rs1 === 0 && d.imm === 0) return 'nop';
    if (d.rs1 === 0) return op('li', x(d.rd), String(d.imm));
    if (d.imm === 0) return op('mv', x(d.rd), x(d.rs1));
    return undefined;
  },
  addiw: (d) => (d.imm === 0 ? op('sext.w', x(d.rd), x(d.rs1)) : undefined),
  xori: (d) => (d.imm === -1 ? op('not', x(d.rd), x(d.rs1)) : undefined),
  andi: (d) => (d.imm === 255 ? op('zext.b', x(d.rd), x(d.rs1)) : undefined),
  sltiu: (d) => (d.imm === 1 ? op('seqz', x(d.rd), x(d.rs1)) : undefined),
  sub: (d) => (d.rs1 === 0 ? op('neg', x(d.rd), x(d.rs2)) : undefined),
  subw: (d) => (d.rs1 === 0 ? op('negw', x(d.rd), x(d.rs2)) : undefined),
  sltu: (d) => (d.rs1 === 0 ? op('snez', x(d.rd), x(d.rs2)) : undefined),
  slt: (d) => {
    if (d.rs2 === 0) return op('sltz', x(d.rd), x(d.rs1));
    if (d.rs1 === 0) return op('sgtz', x(d.rd), x(d.rs2));
    return undefined;
  },
  'add.uw': (d) => (d.rs2 === 0 ? op('zext.w', x(d.rd), x(d.rs1)) : undefined),
  beq: (d, pc) => (d.rs2 === 0 ? op('beqz', x(d.rs1), formatTarget(d.imm, pc)) : undefined),
  bne: (d, pc) => (d.rs2 === 0 ? op('bnez', x(d.rs1), formatTarget(d.imm, pc)) : undefined),
  bge: (d, pc) => {
    if (d.rs1 === 0) return op('blez', x(d.rs2), formatTarget(d.imm, pc));
    if (d.rs2 === 0) return op('bgez', x(d.rs1), formatTarget(d.imm, pc));
    return undefined;
  },
  blt: (d, pc) => {
    if (d.rs2 === 0) return op('bltz', x(d.rs1), formatTarget(d.imm, pc));
    if (d.rs1 === 0) return op('bgtz', x(d.rs2), formatTarget(d.imm, pc));
    return undefined;
  },
  jal: (d, pc) => {
    if (d.rd === 0) return op('j', formatTarget(d.imm, pc));
    if (d.rd === 1) return op('jal', formatTarget(d.imm, pc));
    return undefined;
  },
  jalr: (d) => {
    if (d.rd === 0 && d.rs1 === 1 && d.imm === 0) return 'ret';
    if (d.rd === 0) return d.imm === 0 ? op('jr', x(d.rs1)) : op('jr', mem(d.imm, d.rs1));
    if (d.rd === 1) return d.imm === 0 ? op('jalr', x(d.rs1)) : op('jalr', mem(d.imm, d.rs1));
    return d.imm === 0 ? op('jalr', x(d.rd), x(d.rs1)) : undefined;
  },
  fence: fenceAlias,
  csrrw: (d) => csrAliases(d, false),
  csrrs: (d) => csrAliases(d, false),
  csrrc: (d) => csrAliases(d, false),
  csrrwi: (d) => csrAliases(d, true),
  csrrsi: (d) => csrAliases(d, true),
  csrrci: (d) => csrAliases(d, true),
  'sfence.vma': (d) => (d.rs2 === 0 ? (d.rs1 === 0 ? 'sfence.vma' : op('sfence.vma', x(d.rs1))) : undefined),
  'hfence.vvma': (d) => (d.rs2 === 0 ? (d.rs1 === 0 ? 'hfence.vvma' : op('hfence.vvma', x(d.rs1))) : undefined),
  'hfence.gvma': (d) => (d.rs2 === 0 ? (d.rs1 === 0 ? 'hfence.gvma' : op('hfence.gvma', x(d.rs1))) : undefined),
};

function floatSignAliases(s: 's' | 'd'): Record<string, AliasRule> {
  const same = (name: string) => (d: Decoded) => (d.rs1 === d.rs2 ? op(`${name}.${s}`, f(d.rd), f(d.rs1)) : undefined);
  return { [`fsgnj.${s}`]: same('fmv'), [`fsgnjn.${s}`]: same('fneg'), [`fsgnjx.${s}`]: same('fabs') };
}

const ALL_RULES: Readonly<Record<string, AliasRule>> = {
  ...RULES,
  ...floatSignAliases('s'),
  ...floatSignAliases('d'),
};

/** The pseudo-instruction text for `d`, or undefined when it prints as itself. */
export function aliasFor(d: Decoded, pc: Address | undefined): string | undefined {
  if (d.source.expand) return compressedAlias(d, pc);
  return ALL_RULES[d.spec.name]?.(d, pc);
}

/** Compressed HINT forms that write x0 keep their own name (objdump's aliases require rd != x0). */
const KEEP_NAME_WHEN_RD_X0: ReadonlySet<string> = new Set(['c.li', 'c.lui', 'c.mv', 'c.add', 'c.slli']);

/**
 * A compressed instruction prints as its expansion, under the expansion's
 * pseudo-instruction when it has one (c.mv -> mv, c.jr ra -> ret, c.li -> li),
 * the way objdump's compressed alias entries do.
 */
function compressedAlias(d: Decoded, pc: Address | undefined): string | undefined {
  const name = d.source.name;
  if (name === 'c.addi') {
    if (d.rd === 0) return d.imm === 0 ? 'nop' : op('c.nop', String(d.imm));
    // c.addi rd, 0 is a HINT; objdump shows it as addi, not as mv.
    return op('addi', x(d.rd), x(d.rs1), String(d.imm));
  }
  if (d.rd === 0 && KEEP_NAME_WHEN_RD_X0.has(name)) return undefined;
  // c.mv is add rd, x0, rs2; a 32-bit add with rs1 = x0 has no alias, c.mv has.
  if (name === 'c.mv') return op('mv', x(d.rd), x(d.rs2));
  return ALL_RULES[d.spec.name]?.(d, pc) ?? expandedText(d, pc);
}

/** A compressed instruction without a pseudo-instruction prints as its expansion. */
function expandedText(d: Decoded, pc: Address | undefined): string {
  const syntax = d.spec.syntax;
  const values: Record<string, string> = {};
  for (const fs of d.spec.fields) {
    const value = fs.slot === 'rd' ? d.rd : fs.slot === 'rs1' ? d.rs1 : fs.slot === 'rs2' ? d.rs2 : d.imm;
    if (fs.kind === 'xreg') values[fs.name] = x(value);
    else if (fs.kind === 'freg') values[fs.name] = f(value);
    else if (fs.pcRelative) values[fs.name] = formatTarget(value, pc);
    else values[fs.name] = fs.hex ? hex(value) : String(value);
  }
  const operands = syntax
    .split(', ')
    .filter((part) => !part.endsWith('?'))
    .map((part) => part.replace(/[a-z_][a-z0-9_]*/g, (name) => values[name] ?? name))
    .join(',');
  return operands ? `${d.spec.name} ${operands}` : d.spec.name;
}
