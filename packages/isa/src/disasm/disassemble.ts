import { decode, instructionLength } from '../decode/decoder.js';
import { extractField, FIELDS, type FieldSpec } from '../table/fields.js';
import type { InstructionSpec } from '../table/instruction-spec.js';
import { aliasFor } from './aliases.js';
import { fixedEncoding } from './fixed-encodings.js';
import { formatField, hex, type Address } from './operand-format.js';

/** How {@link disassemble} prints. */
export interface DisassemblyOptions {
  /**
   * Print the usual pseudo-instructions (nop, li, mv, ret, csrr, fmv.d, ...)
   * and compressed instructions as the base instruction they stand for, as
   * `objdump -d` does (default). `false` prints every instruction under its
   * own name, as `objdump -d -M no-aliases` does.
   */
  readonly aliases?: boolean;
}

/**
 * One instruction in GNU objdump syntax: the mnemonic, one space, the
 * operands separated by ',' (objdump puts a tab where this puts the space).
 * `raw` holds the instruction bits (the low 16 for a compressed one). With
 * `pc`, branch and jump targets are absolute addresses as objdump prints
 * them; without it they are written `.+offset` / `.-offset`. Bits that are no
 * instruction print as `.2byte 0x...` / `.4byte 0x...`; this never throws.
 */
export function disassemble(raw: number, pc?: Address, options: DisassemblyOptions = {}): string {
  const length = instructionLength(raw & 0xffff);
  const word = length === 2 ? raw & 0xffff : raw >>> 0;
  const aliases = options.aliases ?? true;
  const fixed = fixedEncoding(word, length, aliases);
  if (fixed !== undefined) return fixed;
  const d = decode(word);
  if (!d) return `${length === 2 ? '.2byte' : '.4byte'} ${hex(word)}`;
  if (d.source.expand && d.imm === 0 && SHIFT_HINTS.has(d.source.name)) {
    // Shift-by-zero HINTs keep their RV128 names (c.slli64: shift by 64 there).
    return `${d.source.name}64 ${formatField(FIELDS.c_rd, d.rd, pc)}`;
  }
  if (aliases) {
    const alias = aliasFor(d, pc);
    if (alias !== undefined) return alias;
  }
  return formatInstruction(d.source, word, pc);
}

const SHIFT_HINTS: ReadonlySet<string> = new Set(['c.slli', 'c.srli', 'c.srai']);

/** An instruction printed under its own name with the operands its syntax lists. */
export function formatInstruction(spec: InstructionSpec, word: number, pc: Address | undefined): string {
  const operands = formatSyntax(spec, word, pc);
  const name = spec.name + orderingSuffix(spec, word);
  return operands ? `${name} ${operands}` : name;
}

/** `.aq`, `.rl`, `.aqrl` or nothing, from an atomic's ordering bits. */
function orderingSuffix(spec: InstructionSpec, word: number): string {
  if (!spec.ordering) return '';
  let suffix = '';
  for (const f of spec.ordering) if (extractField(f, word)) suffix += f.name;
  return suffix ? `.${suffix}` : '';
}

const fieldTable = FIELDS as Record<string, FieldSpec>;

/** The operand text of `spec`'s syntax with each field replaced by its value in `word`. */
function formatSyntax(spec: InstructionSpec, word: number, pc: Address | undefined): string {
  if (!spec.syntax) return '';
  const parts: string[] = [];
  for (const operand of spec.syntax.split(', ')) {
    const optional = operand.endsWith('?');
    const text = optional ? operand.slice(0, -1) : operand;
    let omitted = false;
    const printed = text.replace(/[a-z_][a-z0-9_]*/g, (name) => {
      const f = fieldTable[name]!;
      const value = extractField(f, word);
      if (optional && value === (f.defaultValue ?? 0)) omitted = true;
      return formatField(f, value, pc);
    });
    if (!omitted) parts.push(printed);
  }
  return parts.join(',');
}

