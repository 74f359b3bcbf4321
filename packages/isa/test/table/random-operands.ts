import { fieldAccepts, insertField, type FieldSpec, type InstructionSpec } from '@rvhv/isa';

/** A small deterministic PRNG (xorshift32) so failures reproduce from the seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Bits of the word that a field occupies. */
export function fieldBits(spec: FieldSpec): number {
  let bits = 0;
  for (const [hi, lo] of spec.slices) bits |= (hi - lo === 31 ? 0xffffffff : ((1 << (hi - lo + 1)) - 1)) << lo;
  return bits >>> 0;
}

/** The fields a row encodes: its operands and its ordering bits. */
export function rowFields(spec: InstructionSpec): readonly FieldSpec[] {
  return [...spec.fields, ...(spec.ordering ?? [])];
}

/** A value `spec` accepts, from the random bits `r` (tried until one is accepted). */
export function randomFieldValue(spec: FieldSpec, next: () => number): number {
  for (;;) {
    let raw = 0;
    for (const [hi, lo, at] of spec.slices) raw |= (next() & ((1 << (hi - lo + 1)) - 1)) << at;
    raw >>>= 0;
    let value = raw;
    if (spec.kind === 'simm' && spec.width < 32) value = (raw << (32 - spec.width)) >> (32 - spec.width);
    else if (spec.extendFrom !== undefined && (raw >>> (spec.extendFrom - 1)) & 1) {
      value = (raw | (((1 << spec.width) - 1) & ~((1 << spec.extendFrom) - 1))) >>> 0;
    }
    value += spec.regBase ?? 0;
    if (fieldAccepts(spec, value)) return value;
  }
}

/** Random field values of one row, and the word they assemble to (other open bits random too). */
export function randomInstance(
  spec: InstructionSpec,
  next: () => number,
): { word: number; values: Map<FieldSpec, number> } {
  const width = spec.length === 2 ? 0xffff : 0xffffffff;
  let used = 0;
  for (const f of rowFields(spec)) used |= fieldBits(f);
  // Open bits that belong to no field (fence's fm, fence.i's imm/rs1/rd) are don't-cares: fill them too.
  let word = (spec.match | (next() & ~spec.mask & ~used & width)) >>> 0;
  const values = new Map<FieldSpec, number>();
  for (const f of rowFields(spec)) {
    const value = randomFieldValue(f, next);
    values.set(f, value);
    word = insertField(f, word, value);
  }
  return { word: word >>> 0, values };
}
