import { asmError, StatementError, type AsmError } from './asm-error.js';
import { AssemblyPass, type PassResult, type PassShared } from './assembly-pass.js';
import { DIRECTIVES } from './directives.js';
import type { SymbolValue } from './expression.js';
import { splitStatements } from './lexer.js';
import type { SectionBuffer } from './section-buffer.js';
import { parseStatement, type Statement } from './statement.js';
import {
  EF_RISCV_FLOAT_ABI_DOUBLE,
  EF_RISCV_FLOAT_ABI_SINGLE,
  EF_RISCV_FLOAT_ABI_SOFT,
  EF_RISCV_RVC,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  STB_GLOBAL,
  STB_LOCAL,
  STB_WEAK,
  STT_NOTYPE,
} from '../elf/elf64-types.js';
import { writeElf64, type ElfSymbolInput } from '../elf/write-elf64.js';

/** One source file of a multi-file assembly (files are assembled as one unit, in order). */
export interface AssemblySource {
  readonly name: string;
  readonly text: string;
}

export interface AssembleOptions {
  /** File name used in error messages for a single string source; default 'input.s'. */
  readonly fileName?: string;
  /** Address of the first section (normally .text); default 0x8000_0000 (QEMU virt RAM). */
  readonly base?: bigint | number;
  /** Fixed addresses for named sections; the others follow the previous section in layout order. */
  readonly sectionAddresses?: Readonly<Record<string, bigint | number>>;
  /** Compress instructions automatically from the start (like `.option rvc`); default false. */
  readonly compress?: boolean;
  /** Entry point: a symbol name or an address; default `_start`, else the start of the first code section. */
  readonly entry?: string | bigint | number;
  /** Float ABI recorded in e_flags; default 'double' (lp64d, as GNU as for rv64gc). */
  readonly floatAbi?: 'soft' | 'single' | 'double';
}

/** A laid-out section of the output. */
export interface AssembledSection {
  readonly name: string;
  /** SHT_PROGBITS or SHT_NOBITS. */
  readonly type: number;
  /** SHF_* flags. */
  readonly flags: bigint;
  readonly address: bigint;
  readonly size: number;
  /** Contents (zeros for SHT_NOBITS). */
  readonly data: Uint8Array;
}

export interface AssembleSuccess {
  readonly ok: true;
  /** ELF64 little-endian RISC-V executable (ET_EXEC). */
  readonly elf: Uint8Array;
  readonly entry: bigint;
  /** Every label and `.equ`/`=` symbol (numeric local labels excepted), as unsigned 64-bit values. */
  readonly symbols: ReadonlyMap<string, bigint>;
  readonly sections: readonly AssembledSection[];
}

export interface AssembleFailure {
  readonly ok: false;
  /** Every error found, in source order, each with file:line:column. */
  readonly errors: readonly AsmError[];
}

export type AssembleResult = AssembleSuccess | AssembleFailure;

const MAX_LAYOUT_PASSES = 40;
const DEFAULT_BASE = 0x80000000n;

function parseAll(sources: readonly AssemblySource[], errors: AsmError[]): Statement[] {
  const statements: Statement[] = [];
  for (const source of sources) {
    for (const text of splitStatements(source.text, source.name)) {
      try {
        statements.push(parseStatement(text, statements.length));
      } catch (e) {
        if (!(e instanceof StatementError)) throw e;
        errors.push(asmError(e.at, e.message));
      }
    }
  }
  return statements;
}

function alignUp(v: bigint, align: bigint): bigint {
  return ((v + align - 1n) / align) * align;
}

/** Order of allocated sections in memory: code, read-only data, data, then zero-filled (like GNU ld's default script). */
function layoutRank(s: SectionBuffer): number {
  if ((s.flags & SHF_EXECINSTR) !== 0n) return 0;
  if ((s.flags & SHF_WRITE) === 0n) return 1;
  return s.isNobits ? 3 : 2;
}

/** Places allocated sections one after the other from `base`; pinned ones go where told. */
function layoutSections(sections: readonly SectionBuffer[], options: AssembleOptions): Map<string, bigint> {
  const addresses = new Map<string, bigint>();
  const allocated = sections.filter((s) => (s.flags & SHF_ALLOC) !== 0n);
  allocated.sort((a, b) => layoutRank(a) - layoutRank(b) || a.order - b.order);
  let cursor = BigInt(options.base ?? DEFAULT_BASE);
  for (const s of allocated) {
    const pinned = options.sectionAddresses?.[s.name];
    const align = BigInt(Math.max(s.align, s.isCode ? 4 : 8));
    const address = pinned !== undefined ? BigInt(pinned) : alignUp(cursor, align);
    addresses.set(s.name, address);
    cursor = address + BigInt(s.size);
  }
  for (const s of sections) if (!addresses.has(s.name)) addresses.set(s.name, 0n);
  return addresses;
}

function finishPass(pass: AssemblyPass, options: AssembleOptions): PassResult {
  const sectionAddresses = layoutSections([...pass.sections.values()], options);
  const symbols = new Map<string, SymbolValue>();
  for (const [name, label] of pass.labels) {
    symbols.set(name, { value: sectionAddresses.get(label.section.name)! + BigInt(label.offset), rel: 1, symbolic: true });
  }
  for (const [name, equ] of pass.equates) symbols.set(name, equ.value);
  return { symbols, sectionAddresses, pcrelHi: pass.pcrelHi, sizes: pass.sizes };
}

function sameLayout(a: PassResult, b: PassResult): boolean {
  if (a.sizes.length !== b.sizes.length || a.sizes.some((n, i) => n !== b.sizes[i])) return false;
  for (const [name, addr] of a.sectionAddresses) if (b.sectionAddresses.get(name) !== addr) return false;
  if (a.symbols.size !== b.symbols.size) return false;
  for (const [name, v] of a.symbols) if (b.symbols.get(name)?.value !== v.value) return false;
  return true;
}

function isNumericLocal(name: string): boolean {
  return /^\.L\d+\^\d+$/.test(name);
}

function floatAbiFlags(abi: AssembleOptions['floatAbi']): number {
  if (abi === 'soft') return EF_RISCV_FLOAT_ABI_SOFT;
  if (abi === 'single') return EF_RISCV_FLOAT_ABI_SINGLE;
  return EF_RISCV_FLOAT_ABI_DOUBLE;
}

function overlapErrors(sections: readonly AssembledSection[], file: string): AsmError[] {
  const errors: AsmError[] = [];
  const placed = sections.filter((s) => (s.flags & SHF_ALLOC) !== 0n && s.size > 0);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!;
      const b = placed[j]!;
      if (a.address < b.address + BigInt(b.size) && b.address < a.address + BigInt(a.size)) {
        errors.push(asmError({ file, line: 1, column: 1 }, `sections ${a.name} and ${b.name} overlap in memory`));
      }
    }
  }
  return errors;
}

/**
 * Assembles GNU as syntax RISC-V (RV64GC + Zba/Zbb/Zbs/Zicond/Zicsr/Zifencei,
 * privileged and H instructions) into an ELF64 executable. Instructions come
 * from the instruction table; see pseudo.ts for the pseudo-instructions and
 * directives.ts for the directives.
 */
export function assemble(input: string | readonly (string | AssemblySource)[], options: AssembleOptions = {}): AssembleResult {
  try {
    return assembleUnits(input, options);
  } catch (e) {
    // Statements catch their own errors; this guards the rest so that a bug is reported, never thrown.
    const file = typeof input === 'string' ? (options.fileName ?? 'input.s') : 'input.s';
    return { ok: false, errors: [asmError({ file, line: 1, column: 1 }, `internal assembler error: ${e instanceof Error ? e.message : String(e)}`)] };
  }
}

function assembleUnits(input: string | readonly (string | AssemblySource)[], options: AssembleOptions): AssembleResult {
  const defaultName = options.fileName ?? 'input.s';
  const sources: AssemblySource[] =
    typeof input === 'string'
      ? [{ name: defaultName, text: input }]
      : input.map((s, i) => (typeof s === 'string' ? { name: input.length === 1 ? defaultName : `input${i}.s`, text: s } : s));
  const errors: AsmError[] = [];
  const statements = parseAll(sources, errors);
  const shared: PassShared = { allocated: [], compressDefault: options.compress ?? false, base: BigInt(options.base ?? DEFAULT_BASE) };

  let previous: PassResult | undefined;
  for (let i = 0; i < MAX_LAYOUT_PASSES; i++) {
    const pass = new AssemblyPass(false, shared, previous, DIRECTIVES);
    pass.run(statements);
    const result = finishPass(pass, options);
    const done = previous !== undefined && sameLayout(previous, result);
    previous = result;
    if (done) break;
  }
  const final = new AssemblyPass(true, shared, previous, DIRECTIVES);
  final.run(statements);
  const result = finishPass(final, options);
  errors.push(...final.errors);
  if (errors.length === 0 && previous && !sameLayout(previous, result)) {
    errors.push(asmError({ file: sources[0]?.name ?? defaultName, line: 1, column: 1 }, 'section layout did not converge'));
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
    return { ok: false, errors };
  }
  return buildOutput(final, result, options, sources[0]?.name ?? defaultName);
}

function buildOutput(pass: AssemblyPass, layout: PassResult, options: AssembleOptions, file: string): AssembleResult {
  const sectionList = [...pass.sections.values()];
  const sections: AssembledSection[] = sectionList.map((s) => ({
    name: s.name,
    type: s.type,
    flags: s.flags,
    address: layout.sectionAddresses.get(s.name) ?? 0n,
    size: s.size,
    data: s.contents(),
  }));
  const overlaps = overlapErrors(sections, file);
  if (overlaps.length > 0) return { ok: false, errors: overlaps };

  const symbols = new Map<string, bigint>();
  const elfSymbols: ElfSymbolInput[] = [];
  const bindOf = (name: string): number => (pass.weak.has(name) ? STB_WEAK : pass.globals.has(name) ? STB_GLOBAL : STB_LOCAL);
  for (const [name, label] of pass.labels) {
    if (isNumericLocal(name)) continue;
    const value = BigInt.asUintN(64, layout.symbols.get(name)!.value);
    symbols.set(name, value);
    // Like GNU as, .L symbols are assembler-local and stay out of the symbol table.
    if (name.startsWith('.L')) continue;
    elfSymbols.push({
      name,
      value,
      size: pass.symbolSizes.get(name) ?? 0n,
      bind: bindOf(name),
      type: pass.symbolTypes.get(name) ?? STT_NOTYPE,
      section: sectionList.indexOf(label.section),
    });
  }
  for (const [name, equ] of pass.equates) {
    const value = BigInt.asUintN(64, equ.value.value);
    symbols.set(name, value);
    if (name.startsWith('.L')) continue;
    elfSymbols.push({ name, value, bind: bindOf(name), type: STT_NOTYPE, section: 'abs' });
  }

  let entry: bigint;
  const firstCode = sections.find((s) => (s.flags & SHF_EXECINSTR) !== 0n && s.size > 0) ?? sections[0]!;
  if (typeof options.entry === 'string') {
    const v = symbols.get(options.entry);
    if (v === undefined) return { ok: false, errors: [asmError({ file, line: 1, column: 1 }, `entry symbol '${options.entry}' is not defined`)] };
    entry = v;
  } else if (options.entry !== undefined) {
    entry = BigInt(options.entry);
  } else {
    entry = symbols.get('_start') ?? firstCode.address;
  }

  const flags = floatAbiFlags(options.floatAbi) | (pass.usedCompressed || options.compress ? EF_RISCV_RVC : 0);
  const elf = writeElf64({
    entry,
    flags,
    sections: sectionList.map((s, i) => ({
      name: s.name,
      type: s.type,
      flags: s.flags,
      addr: sections[i]!.address,
      align: BigInt(Math.max(s.align, (s.flags & SHF_ALLOC) === 0n ? 1 : s.isCode ? 4 : 8)),
      data: s.isNobits ? new Uint8Array(0) : sections[i]!.data,
      size: BigInt(s.size),
    })),
    symbols: elfSymbols,
  });
  return { ok: true, elf, entry, symbols, sections };
}
