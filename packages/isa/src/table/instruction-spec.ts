import { FIELDS, type FieldName, type FieldSpec } from './fields.js';

/** ISA extensions (and groups) an instruction belongs to. */
export type Extension =
  | 'RV64I'
  | 'M'
  | 'A'
  | 'F'
  | 'D'
  | 'C'
  | 'Zicsr'
  | 'Zifencei'
  | 'Zba'
  | 'Zbb'
  | 'Zbs'
  | 'Zicond'
  | 'Priv'
  | 'Svinval'
  | 'H';

/** Operand slots of a decoded instruction that a compressed expansion fills. */
export type ExpansionSlot = 'rd' | 'rs1' | 'rs2' | 'imm';

/** How a compressed instruction maps onto the base instruction it stands for. */
export interface Expansion {
  /** Name of the 32-bit instruction executed in its place. */
  readonly name: string;
  /** Each slot takes a field of the compressed word or a constant (x0, x1, x2, 0). */
  readonly slots: Readonly<Partial<Record<ExpansionSlot, FieldName | number>>>;
}

/**
 * One row of the instruction table: the single source of truth for the
 * decoder, the disassembler, the assembler and the table tests.
 */
export interface InstructionSpec {
  /** Mnemonic as GNU as writes it ('add', 'fadd.d', 'c.addi', 'hlv.w'). */
  readonly name: string;
  readonly ext: Extension;
  /** Encoding, most significant bit first: '0'/'1' fixed, '-' operand bits; spaces ignored. */
  readonly pattern: string;
  /**
   * Assembly operands in GNU order, e.g. 'rd, rs1, imm_i' or 'rd, imm_i(rs1)';
   * operands are field names of FIELDS separated by ', '. Memory operands are
   * `imm_x(rs1)`, or `(rs1)` when there is no offset (atomics, hlv/hsv).
   * A trailing '?' marks an operand that may be omitted: it then takes the
   * field's `defaultValue` (rm: 7 = dyn; rm_exact: 0; else 0), and the
   * disassembler leaves it out when it holds that value. Fixed registers of
   * compressed instructions are fields without bits (`c_sp` is always x2).
   */
  readonly syntax: string;
  readonly match: number;
  readonly mask: number;
  readonly length: 2 | 4;
  /** The operand fields named in `syntax`, in order. */
  readonly fields: readonly FieldSpec[];
  /** Compressed instructions only: the base instruction they expand to. */
  readonly expand?: Expansion;
  /**
   * Atomics only (LR/SC/AMO): the aq and rl bits. They are not operands: GNU
   * syntax writes them as mnemonic suffixes (`amoadd.w.aq`, `.rl`, `.aqrl`),
   * so they are not named in `syntax` and not listed in `fields`. The
   * assembler sets them from the suffix, the disassembler appends the suffix,
   * the decoder puts them in `Decoded.aqrl` (aq = bit 1, rl = bit 0).
   */
  readonly ordering?: readonly FieldSpec[];
}

/** Builds a table row from its pattern and syntax (match, mask and fields are derived). */
export function insn(
  name: string,
  ext: Extension,
  pattern: string,
  syntax: string,
  expand?: Expansion,
): InstructionSpec {
  const bits = pattern.replace(/\s+/g, '');
  if (bits.length !== 32 && bits.length !== 16) {
    throw new Error(`instruction table: ${name} has a ${bits.length}-bit pattern`);
  }
  let match = 0;
  let mask = 0;
  for (let i = 0; i < bits.length; i++) {
    const bit = bits.length - 1 - i;
    const c = bits[i];
    if (c === '0' || c === '1') {
      mask |= 1 << bit;
      if (c === '1') match |= 1 << bit;
    } else if (c !== '-') {
      throw new Error(`instruction table: ${name} pattern has '${c}'`);
    }
  }
  const fields = syntaxFieldNames(syntax).map((f) => {
    const spec = (FIELDS as Record<string, FieldSpec>)[f];
    if (!spec) throw new Error(`instruction table: ${name} names unknown field '${f}'`);
    return spec;
  });
  return {
    name,
    ext,
    pattern: bits,
    syntax,
    match: match >>> 0,
    mask: mask >>> 0,
    length: bits.length === 16 ? 2 : 4,
    fields,
    ...(expand ? { expand } : {}),
  };
}

/**
 * Builds an atomic's row (LR/SC/AMO): `pattern` leaves the aq (bit 26) and
 * rl (bit 25) bits open; they become the row's `ordering` fields (suffixes).
 */
export function atomic(name: string, ext: Extension, pattern: string, syntax: string): InstructionSpec {
  return { ...insn(name, ext, pattern, syntax), ordering: [FIELDS.aq, FIELDS.rl] };
}

/** Field names in an operand syntax string, in order ('rd, imm_i(rs1)' -> rd, imm_i, rs1). */
export function syntaxFieldNames(syntax: string): string[] {
  return syntax.match(/[a-z_][a-z0-9_]*/g) ?? [];
}
