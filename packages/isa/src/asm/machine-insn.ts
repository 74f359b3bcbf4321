import { FIELDS, fieldAccepts, insertField, type FieldSpec } from '../table/fields.js';
import type { InstructionSpec } from '../table/instruction-spec.js';
import { INSTRUCTION_BY_NAME } from '../table/index.js';

/**
 * One machine instruction ready to encode: a table row and a value for each
 * of its fields (registers as numbers, immediates as the field's value;
 * pc-relative fields hold the offset).
 */
export interface MachineInsn {
  readonly spec: InstructionSpec;
  /** Field name -> value, for every field of `spec.fields`. */
  readonly values: ReadonlyMap<string, number>;
  /** aq (bit 1) and rl (bit 0) of an atomic's `ordering` fields. */
  readonly ordering: number;
  /**
   * Never compress: an operand other than a branch/jump target came from a
   * label (GNU as keeps it as a relocation), or the instruction is written in
   * a form GNU as does not compress (explicit jal/jalr).
   */
  readonly keepUncompressed: boolean;
  /** Raw bits to OR into the word (fence.tso's fm field, which has no operand field). */
  readonly extraBits?: number;
  /** A fixed 16-bit parcel that is no table row (c.unimp, the all-zero illegal instruction). */
  readonly parcel?: number;
}

/** The all-zero parcel: defined to be illegal (spec 16.1), GNU's `unimp` when RVC is on. */
export function illegalParcel(): MachineInsn {
  return { spec: row('c.addi4spn'), values: new Map(), ordering: 0, keepUncompressed: true, parcel: 0 };
}

/** Bytes the instruction takes. */
export function insnLength(m: MachineInsn): 2 | 4 {
  return m.parcel !== undefined ? 2 : m.spec.length;
}

/** The row called `name`; the table must have it (pseudo-instructions name base rows only). */
export function row(name: string): InstructionSpec {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (!spec) throw new Error(`assembler: instruction table has no '${name}'`);
  return spec;
}

/** Builds a MachineInsn of row `name` from field values (by field name). */
export function machineInsn(
  name: string,
  values: Readonly<Record<string, number>>,
  extra: { keepUncompressed?: boolean; ordering?: number; extraBits?: number } = {},
): MachineInsn {
  const spec = row(name);
  const map = new Map<string, number>();
  for (const f of spec.fields) map.set(f.name, values[f.name] ?? f.defaultValue ?? (f.slices.length === 0 ? (f.regBase ?? 0) : 0));
  return {
    spec,
    values: map,
    ordering: extra.ordering ?? 0,
    keepUncompressed: extra.keepUncompressed ?? false,
    ...(extra.extraBits !== undefined ? { extraBits: extra.extraBits } : {}),
  };
}

/** The first field value that the row cannot encode, or undefined when all fit. */
export function rejectedField(m: MachineInsn): { field: FieldSpec; value: number } | undefined {
  if (m.parcel !== undefined) return undefined;
  for (const f of m.spec.fields) {
    const value = m.values.get(f.name) ?? 0;
    if (!fieldAccepts(f, value)) return { field: f, value };
  }
  return undefined;
}

/** The instruction bits (16 or 32 of them). Field values must be accepted by their fields. */
export function encodeInsn(m: MachineInsn): number {
  if (m.parcel !== undefined) return m.parcel;
  let word = m.spec.match;
  for (const f of m.spec.fields) word = insertField(f, word, m.values.get(f.name) ?? 0);
  if (m.ordering !== 0) {
    word = insertField(FIELDS.aq, word, (m.ordering >> 1) & 1);
    word = insertField(FIELDS.rl, word, m.ordering & 1);
  }
  return ((word | (m.extraBits ?? 0)) & (m.spec.length === 2 ? 0xffff : 0xffffffff)) >>> 0;
}
