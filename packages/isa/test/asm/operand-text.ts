import { csrName } from '../../src/table/csrs.js';
import { XREG_NAMES, FREG_NAMES, ROUNDING_MODE_NAMES } from '../../src/disasm/operand-format.js';
import type { FieldSpec } from '../../src/table/fields.js';
import type { InstructionSpec } from '../../src/table/instruction-spec.js';

/** Pieces of a row's syntax: fields and memory operands (`imm(rs1)` / `(rs1)`), as the assembler reads them. */
type Piece = { field: string; optional: boolean } | { offset: string | undefined; base: string };

function pieces(spec: InstructionSpec): Piece[] {
  return spec.syntax
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const mem = /^([a-z0-9_]*)\(([a-z0-9_]+)\)$/.exec(s);
      if (mem) return { offset: mem[1] || undefined, base: mem[2]! };
      return { field: s.replace(/\?$/, ''), optional: s.endsWith('?') };
    });
}

const FENCE = ['', 'w', 'r', 'rw', 'o', 'ow', 'or', 'orw', 'i', 'iw', 'ir', 'irw', 'io', 'iow', 'ior', 'iorw'];

/** How operands are spelled: ABI or numeric register names, names or numbers for CSRs. */
export interface SpellingOptions {
  readonly numericRegisters?: boolean;
  readonly csrByName?: boolean;
  /** Write the optional operands even when they hold their default (except rm_exact). */
  readonly explicitDefaults?: boolean;
}

/** One operand as GNU as syntax. pc-relative offsets are written relative to '.'. */
export function fieldText(f: FieldSpec, value: number, spelling: SpellingOptions = {}): string {
  switch (f.kind) {
    case 'xreg':
      return spelling.numericRegisters ? `x${value}` : XREG_NAMES[value]!;
    case 'freg':
      return spelling.numericRegisters ? `f${value}` : FREG_NAMES[value]!;
    case 'csr':
      return (spelling.csrByName && csrName(value)) || `0x${value.toString(16)}`;
    case 'rm':
      return ROUNDING_MODE_NAMES[value]!;
    case 'fence':
      return FENCE[value]!;
    case 'flag':
      return String(value);
    case 'simm':
    case 'uimm':
      if (f.pcRelative) return value < 0 ? `. - ${-value}` : `. + ${value}`;
      return f.extendFrom !== undefined || f.hex ? `0x${value.toString(16)}` : String(value);
  }
}

/** A row with given field values as one line of assembly (mnemonic with ordering suffix, operands). */
export function instructionText(spec: InstructionSpec, values: ReadonlyMap<FieldSpec, number>, spelling: SpellingOptions = {}): string {
  const byName = new Map([...values].map(([f, v]) => [f.name, { f, v }]));
  const get = (name: string): string => {
    const e = byName.get(name)!;
    return fieldText(e.f, e.v, spelling);
  };
  const ops: string[] = [];
  for (const p of pieces(spec)) {
    if ('field' in p) {
      const e = byName.get(p.field)!;
      // binutils 2.40 accepts no rounding mode at all on exact conversions (rm_exact).
      const explicit = spelling.explicitDefaults && e.f.name !== 'rm_exact';
      if (p.optional && !explicit && e.v === (e.f.defaultValue ?? 0)) continue;
      ops.push(get(p.field));
    } else {
      ops.push(`${p.offset ? get(p.offset) : ''}(${get(p.base)})`);
    }
  }
  let suffix = '';
  for (const f of spec.ordering ?? []) if (values.get(f)) suffix += f.name;
  const name = spec.name + (suffix ? `.${suffix}` : '');
  return ops.length > 0 ? `${name} ${ops.join(', ')}` : name;
}
