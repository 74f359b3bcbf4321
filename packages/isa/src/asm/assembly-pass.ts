import { asmError, StatementError, failAt, type AsmError, type SourceLocation } from './asm-error.js';
import { compressInsn } from './compress.js';
import { displaySymbol, type EvalContext, type LocalRefResolver, type SymbolValue } from './expression.js';
import { encodeInsn, insnLength, rejectedField, type MachineInsn } from './machine-insn.js';
import { expandPseudo } from './pseudo.js';
import { parseRowOperands, rowInsn, splitOperands, type OperandContext } from './operands.js';
import { defaultSectionKind, SectionBuffer } from './section-buffer.js';
import type { Statement } from './statement.js';
import { INSTRUCTION_BY_NAME } from '../table/index.js';
import type { InstructionSpec } from '../table/instruction-spec.js';

/** What one pass leaves for the next: symbol values and section addresses. */
export interface PassResult {
  readonly symbols: ReadonlyMap<string, SymbolValue>;
  readonly sectionAddresses: ReadonlyMap<string, bigint>;
  readonly pcrelHi: ReadonlyMap<bigint, bigint>;
  /** Bytes each statement produced. */
  readonly sizes: readonly number[];
}

/** State kept across all passes of one assembly. */
export interface PassShared {
  /** Grow-only size of each instruction statement: layout passes converge because sizes never shrink. */
  readonly allocated: number[];
  readonly compressDefault: boolean;
  /** Address given to sections whose address is not known yet (first pass). */
  readonly base: bigint;
}

export interface LabelInfo {
  readonly section: SectionBuffer;
  readonly offset: number;
  readonly at: SourceLocation;
}

/** Directive handlers (directives.ts) registered here to keep this module about statements and instructions. */
export type DirectiveHandler = (pass: AssemblyPass, stmt: Statement) => void;

const NOP = 0x00000013;
const C_NOP = 0x0001;

/**
 * One pass over the statements. Layout passes run until addresses and sizes
 * stop changing; a final pass then reports errors and produces the bytes.
 */
export class AssemblyPass {
  readonly errors: AsmError[] = [];
  readonly sections = new Map<string, SectionBuffer>();
  section: SectionBuffer;
  previousSection: SectionBuffer | undefined;
  readonly sectionStack: SectionBuffer[] = [];
  readonly labels = new Map<string, LabelInfo>();
  readonly equates = new Map<string, { value: SymbolValue; at: SourceLocation }>();
  readonly globals = new Set<string>();
  readonly weak = new Set<string>();
  readonly symbolTypes = new Map<string, number>();
  readonly symbolSizes = new Map<string, bigint>();
  readonly pcrelHi = new Map<bigint, bigint>();
  readonly sizes: number[] = [];
  private readonly localDefs = new Map<string, number>();
  rvc: boolean;
  readonly optionStack: boolean[] = [];
  /** Set when any compressed instruction was emitted (e_flags RVC). */
  usedCompressed = false;

  constructor(
    readonly final: boolean,
    readonly shared: PassShared,
    readonly previous: PassResult | undefined,
    private readonly directives: ReadonlyMap<string, DirectiveHandler>,
  ) {
    this.rvc = shared.compressDefault;
    this.section = this.switchSection('.text');
  }

  /** Makes `name` the current section, creating it with `kind` (or its default kind) on first use. */
  switchSection(name: string, kind?: { type: number; flags: bigint }): SectionBuffer {
    let s = this.sections.get(name);
    if (!s) {
      const k = kind ?? defaultSectionKind(name);
      s = new SectionBuffer(name, k.type, k.flags, this.sections.size);
      this.sections.set(name, s);
    } else if (kind) {
      s.type = kind.type;
      s.flags = kind.flags;
    }
    if (this.section !== s) this.previousSection = this.section;
    this.section = s;
    return s;
  }

  /** Address of a section as laid out by the previous pass. */
  sectionAddress(s: SectionBuffer): bigint {
    return this.previous?.sectionAddresses.get(s.name) ?? this.shared.base;
  }

  /** Current location ('.'). */
  dot(): bigint {
    return this.sectionAddress(this.section) + BigInt(this.section.size);
  }

  lookup(name: string): SymbolValue | undefined {
    const label = this.labels.get(name);
    if (label) return { value: this.sectionAddress(label.section) + BigInt(label.offset), rel: 1, symbolic: true };
    const equ = this.equates.get(name);
    if (equ) return equ.value;
    return this.previous?.symbols.get(name);
  }

  evalContext(dot: bigint): EvalContext {
    return {
      lookup: (name) => this.lookup(name),
      dot,
      final: this.final,
      pcrelHiAt: (address) => this.pcrelHi.get(address) ?? this.previous?.pcrelHi.get(address),
    };
  }

  /** Numeric local labels: `1b` is the latest `1:` so far, `1f` the next one. */
  readonly resolveLocal: LocalRefResolver = (text) => {
    const n = String(Number(text.slice(0, -1)));
    const count = this.localDefs.get(n) ?? 0;
    return `.L${n}^${text.endsWith('b') ? count : count + 1}`;
  };

  operandContext(pc: bigint): OperandContext {
    return { eval: this.evalContext(pc), resolveLocal: this.resolveLocal, pc };
  }

  /** Records an error (final pass only; layout passes ignore them). */
  report(error: StatementError): void {
    if (this.final) this.errors.push(asmError(error.at, error.message));
  }

  checkUnusedName(name: string, at: SourceLocation): void {
    const label = this.labels.get(name);
    const equ = this.equates.get(name);
    const first = label?.at ?? equ?.at;
    if (first) failAt(at, `duplicate symbol '${displaySymbol(name)}' (first defined at ${first.file}:${first.line}:${first.column})`);
  }

  defineLabel(name: string, numeric: boolean, at: SourceLocation): void {
    let symbol = name;
    if (numeric) {
      const count = (this.localDefs.get(name) ?? 0) + 1;
      this.localDefs.set(name, count);
      symbol = `.L${name}^${count}`;
    } else {
      this.checkUnusedName(name, at);
    }
    this.labels.set(symbol, { section: this.section, offset: this.section.size, at });
  }

  defineEquate(name: string, value: SymbolValue, at: SourceLocation, redefinable: boolean): void {
    if (this.labels.has(name) || (!redefinable && this.equates.has(name))) this.checkUnusedName(name, at);
    this.equates.set(name, { value, at });
  }

  run(statements: readonly Statement[]): void {
    for (const stmt of statements) {
      const start = this.section.size;
      const section = this.section;
      try {
        for (const label of stmt.labels) this.defineLabel(label.name, label.numeric, label.at);
        this.runBody(stmt);
      } catch (e) {
        if (e instanceof StatementError) this.report(e);
        else this.report(new StatementError(stmt.body?.at ?? stmt.end, `internal assembler error: ${e instanceof Error ? e.message : String(e)}`));
        // Keep the room a failed instruction would take, so later addresses (and messages) stay right.
        if (stmt.body?.kind === 'instruction' && section === this.section && this.section.size === start) {
          const guess = stmt.body.name.startsWith('c.') ? 2 : 4;
          this.section.fill(Math.max(this.shared.allocated[stmt.index] ?? 0, guess));
        }
      }
      this.sizes[stmt.index] = section === this.section ? this.section.size - start : 0;
    }
  }

  private runBody(stmt: Statement): void {
    const body = stmt.body;
    if (!body) return;
    if (body.kind === 'instruction') {
      this.assembleInstruction(stmt);
      return;
    }
    const key = body.kind === 'assign' ? '=' : body.name;
    const handler = this.directives.get(key);
    if (!handler) failAt(body.at, `unknown directive '${body.name}'`);
    handler(this, stmt);
  }

  /** The row for a mnemonic, with the aq/rl suffixes of atomics split off. */
  private findRow(mnemonic: string): { spec: InstructionSpec; ordering: number } | undefined {
    const spec = INSTRUCTION_BY_NAME.get(mnemonic);
    if (spec) return { spec, ordering: 0 };
    const m = /^(.*)\.(aq|rl|aqrl)$/.exec(mnemonic);
    if (!m) return undefined;
    const base = INSTRUCTION_BY_NAME.get(m[1]!);
    if (!base?.ordering) return undefined;
    return { spec: base, ordering: m[2] === 'aq' ? 2 : m[2] === 'rl' ? 1 : 3 };
  }

  private assembleInstruction(stmt: Statement): void {
    const body = stmt.body!;
    const ops = splitOperands(body.args, stmt.end);
    const pc = this.dot();
    let insns = expandPseudo({
      ops,
      at: body.at,
      mnemonic: body.name,
      pc,
      rvc: this.rvc,
      operandContext: (at) => this.operandContext(at),
    });
    if (!insns) {
      const found = this.findRow(body.name);
      if (!found) failAt(body.at, `unknown instruction '${body.name}'`);
      const parsed = parseRowOperands(found.spec, ops, this.operandContext(pc), body.at);
      // Remember `auipc rd, %pcrel_hi(x)` so that %pcrel_lo(label of this auipc) can finish it.
      if (parsed.pcrelHi !== undefined) this.pcrelHi.set(pc, parsed.pcrelHi);
      insns = [rowInsn(found.spec, parsed, found.ordering)];
    }
    for (const m of insns) {
      const bad = rejectedField(m);
      if (bad) failAt(body.at, `internal: ${m.spec.name} cannot encode ${bad.field.name} = ${bad.value}`);
    }
    const allocated = this.shared.allocated[stmt.index] ?? 0;
    let words = this.encodeAll(insns, this.rvc);
    let size = words.reduce((n, w) => n + w.length, 0);
    if (size < allocated && this.rvc) {
      // Sizes only grow between passes; fill the room with the uncompressed forms first.
      words = this.encodeAll(insns, false);
      size = words.reduce((n, w) => n + w.length, 0);
    }
    const total = Math.max(size, allocated);
    this.shared.allocated[stmt.index] = total;
    for (const w of words) {
      if (w.length === 2) this.usedCompressed = true;
      this.section.emitNumber(w.word, w.length);
    }
    let pad = total - size;
    if (pad % 4 === 2) {
      this.section.emitNumber(C_NOP, 2);
      pad -= 2;
    }
    for (; pad > 0; pad -= 4) this.section.emitNumber(NOP, 4);
  }

  private encodeAll(insns: readonly MachineInsn[], rvc: boolean): { word: number; length: 2 | 4 }[] {
    return insns.map((m) => {
      const chosen = rvc && !m.keepUncompressed ? (compressInsn(m) ?? m) : m;
      return { word: encodeInsn(chosen), length: insnLength(chosen) };
    });
  }
}
