import { failAt, type SourceLocation } from './asm-error.js';
import { evaluate, TokenCursor, parseExpression, type EvalContext, type EvalResult, type LocalRefResolver } from './expression.js';
import type { Token } from './lexer.js';
import type { MachineInsn } from './machine-insn.js';
import { parseFenceSet, parseFReg, parseRoundingMode, parseXReg } from './registers.js';
import { csrNumber } from '../table/csrs.js';
import { FIELDS, fieldAccepts, type FieldSpec } from '../table/fields.js';
import type { InstructionSpec } from '../table/instruction-spec.js';

/** One operand of a row's syntax: a field, or a memory operand `offset(base)` / `(base)`. */
export type OperandTemplate =
  | { readonly kind: 'field'; readonly field: FieldSpec; readonly optional: boolean }
  | { readonly kind: 'mem'; readonly offset: FieldSpec | undefined; readonly base: FieldSpec };

const templateCache = new Map<InstructionSpec, OperandTemplate[]>();

function fieldNamed(name: string, spec: InstructionSpec): FieldSpec {
  const f = (FIELDS as Record<string, FieldSpec>)[name];
  if (!f) throw new Error(`assembler: ${spec.name} syntax names unknown field '${name}'`);
  return f;
}

/** The operand templates of a row, parsed from its `syntax` string. */
export function operandTemplates(spec: InstructionSpec): OperandTemplate[] {
  let cached = templateCache.get(spec);
  if (cached) return cached;
  cached = [];
  for (const raw of spec.syntax.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const mem = /^([a-z0-9_]*)\(([a-z0-9_]+)\)$/.exec(raw);
    if (mem) {
      cached.push({ kind: 'mem', offset: mem[1] ? fieldNamed(mem[1], spec) : undefined, base: fieldNamed(mem[2]!, spec) });
      continue;
    }
    const optional = raw.endsWith('?');
    cached.push({ kind: 'field', field: fieldNamed(optional ? raw.slice(0, -1) : raw, spec), optional });
  }
  templateCache.set(spec, cached);
  return cached;
}

/** The operand part of a statement split at top-level commas. */
export interface Operand {
  readonly tokens: readonly Token[];
  readonly at: SourceLocation;
}

/** Splits operand tokens at commas outside parentheses. */
export function splitOperands(tokens: readonly Token[], end: SourceLocation): Operand[] {
  if (tokens.length === 0) return [];
  const out: Operand[] = [];
  let depth = 0;
  let current: Token[] = [];
  let start = tokens[0]!.at;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    if (t.kind === 'punct' && t.text === ',' && depth === 0) {
      if (current.length === 0) failAt(t.at, 'missing operand before \',\'');
      out.push({ tokens: current, at: start });
      current = [];
      start = t.at;
      continue;
    }
    if (current.length === 0) start = t.at;
    current.push(t);
  }
  if (current.length === 0) failAt(end, 'missing operand after \',\'');
  out.push({ tokens: current, at: start });
  return out;
}

/** What operand parsing needs: expression evaluation at the instruction's pc. */
export interface OperandContext {
  readonly eval: EvalContext;
  readonly resolveLocal: LocalRefResolver;
  /** Address of the instruction being assembled. */
  readonly pc: bigint;
}

/** An evaluated operand expression. */
export function evalOperand(op: Operand, ctx: OperandContext): EvalResult {
  const cur = new TokenCursor(op.tokens, op.at);
  const e = parseExpression(cur, ctx.resolveLocal);
  if (!cur.atEnd()) failAt(cur.here(), `unexpected '${cur.peek()!.text}' in operand`);
  return evaluate(e, ctx.eval);
}

/** The single identifier an operand consists of, or undefined. */
export function operandIdent(op: Operand): string | undefined {
  return op.tokens.length === 1 && op.tokens[0]!.kind === 'ident' ? op.tokens[0]!.text : undefined;
}

export function isRegisterOperand(op: Operand): boolean {
  const id = operandIdent(op);
  return id !== undefined && (parseXReg(id) !== undefined || parseFReg(id) !== undefined);
}

/** Parses an integer register operand. */
export function xregOperand(op: Operand): number {
  const id = operandIdent(op);
  const r = id === undefined ? undefined : parseXReg(id);
  if (r === undefined) failAt(op.at, `expected an integer register but found '${operandText(op)}'`);
  return r;
}

export function fregOperand(op: Operand): number {
  const id = operandIdent(op);
  const r = id === undefined ? undefined : parseFReg(id);
  if (r === undefined) failAt(op.at, `expected a floating-point register but found '${operandText(op)}'`);
  return r;
}

export function operandText(op: Operand): string {
  let s = '';
  let lastEnd = -1;
  for (const t of op.tokens) {
    if (lastEnd >= 0 && t.at.column > lastEnd) s += ' ';
    const text = t.kind === 'string' ? JSON.stringify(t.text) : t.text;
    s += text;
    lastEnd = t.at.column + text.length;
  }
  return s;
}

function signedRange(width: number): [bigint, bigint] {
  return [-(1n << BigInt(width - 1)), (1n << BigInt(width - 1)) - 1n];
}

/** A human description of what a field accepts, for error messages. */
function describeRange(f: FieldSpec): string {
  if (f.extendFrom !== undefined) {
    const hi = (1 << (f.extendFrom - 1)) - 1;
    const lo = 2 ** f.width - 2 ** (f.extendFrom - 1);
    return `${f.nonzero ? 1 : 0}..${hi} or 0x${lo.toString(16)}..0x${(2 ** f.width - 1).toString(16)}`;
  }
  const [lo, hi] = f.kind === 'simm' ? signedRange(f.width) : [0n, (1n << BigInt(f.width)) - 1n];
  const scale = 2 ** Math.min(...f.slices.map(([, , at]) => at));
  return `${lo}..${hi}${scale > 1 ? `, a multiple of ${scale}` : ''}${f.nonzero ? ', not 0' : ''}`;
}

/** Checks that an immediate fits its field; returns it as a number. */
export function immediateValue(f: FieldSpec, value: bigint, at: SourceLocation, what = 'immediate'): number {
  const [lo, hi] = f.kind === 'simm' ? signedRange(f.width) : [0n, (1n << BigInt(f.width)) - 1n];
  const n = value < lo || value > hi ? undefined : Number(value);
  if (n === undefined || !fieldAccepts(f, n)) {
    const target = f.pcRelative ? 'branch/jump offset' : what;
    failAt(at, `${target} ${value} out of range (expected ${describeRange(f)})`);
  }
  return n;
}

/** Which relocation operators a field can take (hi parts into 20-bit fields, lo parts into 12-bit ones). */
function relocFits(f: FieldSpec, reloc: string): boolean {
  if (reloc === 'hi' || reloc === 'pcrel_hi') return f.kind === 'uimm' && f.width === 20 && f.extendFrom === undefined;
  return f.kind === 'simm' && f.width === 12;
}

/** Result of parsing a row's operands. */
export interface ParsedOperands {
  readonly values: Map<string, number>;
  readonly symbolic: boolean;
  /** `%pcrel_hi(x)`: x - pc, recorded so a later %pcrel_lo naming this instruction finds it. */
  readonly pcrelHi?: bigint;
}

function parseImmediateField(f: FieldSpec, op: Operand, ctx: OperandContext, out: { symbolic: boolean; pcrelHi?: bigint }): number {
  const r = evalOperand(op, ctx);
  if (f.pcRelative) {
    if (r.reloc) failAt(op.at, `%${r.reloc} cannot be used as a branch or jump target`);
    // GNU as reads a branch target as an address (a constant too), so the offset is target - pc.
    return immediateValue(f, BigInt.asIntN(64, r.value - ctx.pc), op.at);
  }
  if (r.reloc) {
    if (!relocFits(f, r.reloc)) failAt(op.at, `%${r.reloc} does not fit this operand`);
    if (r.reloc === 'pcrel_hi') out.pcrelHi = r.pcrelOffset;
  }
  if (r.symbolic) out.symbolic = true;
  return immediateValue(f, r.value, op.at);
}

function parseFieldOperand(f: FieldSpec, op: Operand, ctx: OperandContext, out: { symbolic: boolean; pcrelHi?: bigint }): number {
  switch (f.kind) {
    case 'xreg': {
      const r = xregOperand(op);
      if (!fieldAccepts(f, r)) failAt(op.at, `register '${operandText(op)}' is not allowed here (${registerRule(f)})`);
      return r;
    }
    case 'freg': {
      const r = fregOperand(op);
      if (!fieldAccepts(f, r)) failAt(op.at, `register '${operandText(op)}' is not allowed here (${registerRule(f)})`);
      return r;
    }
    case 'rm': {
      const id = operandIdent(op);
      const rm = id === undefined ? undefined : parseRoundingMode(id);
      if (rm === undefined) failAt(op.at, `expected a rounding mode (rne, rtz, rdn, rup, rmm, dyn) but found '${operandText(op)}'`);
      return rm;
    }
    case 'fence': {
      const id = operandIdent(op);
      const set = id === undefined ? undefined : parseFenceSet(id);
      if (set !== undefined) return set;
      if (op.tokens.length === 1 && op.tokens[0]!.kind === 'number' && op.tokens[0]!.value === 0n) return 0;
      failAt(op.at, `expected a fence set (letters from 'iorw') but found '${operandText(op)}'`);
    }
    // eslint-disable-next-line no-fallthrough
    case 'csr':
      return csrOperand(op, ctx);
    case 'flag':
      failAt(op.at, 'aq/rl are written as mnemonic suffixes (.aq, .rl, .aqrl)');
    // eslint-disable-next-line no-fallthrough
    case 'simm':
    case 'uimm':
      return parseImmediateField(f, op, ctx, out);
  }
}

/** A CSR operand: a name from the CSR table, or a number (or constant expression) 0..4095. */
export function csrOperand(op: Operand, ctx: OperandContext): number {
  const id = operandIdent(op);
  if (id !== undefined) {
    const named = csrNumber(id);
    if (named !== undefined) return named;
    if (!ctx.eval.lookup(id) && ctx.eval.final) failAt(op.at, `unknown CSR '${id}'`);
  }
  const r = evalOperand(op, ctx);
  if (r.reloc) failAt(op.at, `%${r.reloc} cannot be a CSR number`);
  if (r.value < 0n || r.value > 0xfffn) failAt(op.at, `CSR number ${r.value} out of range (0..4095)`);
  return Number(r.value);
}

function registerRule(f: FieldSpec): string {
  const names: string[] = [];
  if (f.slices.length === 0) return `only ${f.kind === 'xreg' ? 'x' : 'f'}${f.regBase ?? 0}`;
  if (f.regBase !== undefined) names.push(`${f.kind === 'xreg' ? 'x' : 'f'}${f.regBase}..${f.kind === 'xreg' ? 'x' : 'f'}${f.regBase + 7}`);
  if (f.nonzero) names.push('not x0');
  if (f.excludes) names.push(`not ${f.excludes.map((x) => `x${x}`).join(', ')}`);
  return names.join(', ') || 'no such register';
}

/** Splits a memory operand `expr(reg)` / `(reg)` into its offset tokens and base register operand. */
function splitMemory(op: Operand): { offset: Operand | undefined; base: Operand } | undefined {
  const toks = op.tokens;
  const last = toks[toks.length - 1];
  if (!last || last.kind !== 'punct' || last.text !== ')') return undefined;
  // Find the '(' matching the final ')'.
  let depth = 0;
  let open = -1;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.kind === 'punct' && t.text === ')') depth++;
    if (t.kind === 'punct' && t.text === '(') depth--;
    if (depth === 0) {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  const inner = toks.slice(open + 1, toks.length - 1);
  if (inner.length !== 1 || inner[0]!.kind !== 'ident' || (parseXReg(inner[0]!.text) === undefined && parseFReg(inner[0]!.text) === undefined)) {
    return undefined;
  }
  const offsetTokens = toks.slice(0, open);
  return {
    offset: offsetTokens.length > 0 ? { tokens: offsetTokens, at: offsetTokens[0]!.at } : undefined,
    base: { tokens: inner, at: inner[0]!.at },
  };
}

/** Whether an operand has the `offset(reg)` / `(reg)` form. */
export function isMemoryOperand(op: Operand): boolean {
  return splitMemory(op) !== undefined;
}

/** How many operands a row takes: [required, total]. */
export function operandCounts(spec: InstructionSpec): [number, number] {
  const t = operandTemplates(spec);
  let required = t.length;
  while (required > 0) {
    const last = t[required - 1]!;
    if (last.kind === 'field' && last.optional) required--;
    else break;
  }
  return [required, t.length];
}

/** Parses `operands` against a row's syntax and evaluates them. */
export function parseRowOperands(spec: InstructionSpec, operands: readonly Operand[], ctx: OperandContext, mnemonicAt: SourceLocation): ParsedOperands {
  const templates = operandTemplates(spec);
  const [required, total] = operandCounts(spec);
  if (operands.length < required || operands.length > total) {
    const expected = required === total ? `${total}` : `${required} to ${total}`;
    failAt(
      operands.length > total ? operands[total]!.at : mnemonicAt,
      `'${spec.name}' takes ${expected} operand${total === 1 ? '' : 's'} (${spec.syntax || 'none'}), found ${operands.length}`,
    );
  }
  const values = new Map<string, number>();
  const out: { symbolic: boolean; pcrelHi?: bigint } = { symbolic: false };
  templates.forEach((t, i) => {
    const op = operands[i];
    if (t.kind === 'field') {
      values.set(t.field.name, op ? parseFieldOperand(t.field, op, ctx, out) : (t.field.defaultValue ?? 0));
      return;
    }
    if (!op) throw new Error('unreachable: memory operands are never optional');
    const mem = splitMemory(op);
    if (!mem) {
      failAt(op.at, `expected a memory operand like '${t.offset ? 'offset' : ''}(reg)' but found '${operandText(op)}'`);
    }
    values.set(t.base.name, parseFieldOperand(t.base, mem.base, ctx, out));
    if (t.offset) {
      values.set(t.offset.name, mem.offset ? parseFieldOperand(t.offset, mem.offset, ctx, out) : 0);
    } else if (mem.offset) {
      // `0(a0)` is accepted where the row has no offset (GNU does the same for atomics).
      const r = evalOperand(mem.offset, ctx);
      if (r.value !== 0n) failAt(mem.offset.at, `'${spec.name}' takes no offset: only 0(reg) or (reg)`);
    }
  });
  for (const f of spec.fields) {
    if (!values.has(f.name)) values.set(f.name, f.slices.length === 0 ? (f.regBase ?? 0) : 0);
  }
  return { values, symbolic: out.symbolic, ...(out.pcrelHi !== undefined ? { pcrelHi: out.pcrelHi } : {}) };
}

/**
 * GNU as compresses jumps only when written as j, jr, ret or `jalr rs`
 * (its c.j/c.jr/c.jalr aliases); an explicit `jal`/`jalr` stays 32-bit.
 */
const EXPLICIT_WIDE: ReadonlySet<string> = new Set(['jal', 'jalr']);

/** Builds the MachineInsn for a row from parsed operands. */
export function rowInsn(spec: InstructionSpec, parsed: ParsedOperands, ordering: number): MachineInsn {
  return { spec, values: parsed.values, ordering, keepUncompressed: parsed.symbolic || EXPLICIT_WIDE.has(spec.name) };
}
