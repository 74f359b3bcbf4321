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

/**
 * Values that select pseudo-instructions (x0, ra, sp, 0, 1, -1, 255, the
 * float CSRs and counters): drawn half of the time so the aliases get tested.
 */
const SPECIAL_VALUES: Partial<Record<FieldSpec['kind'], readonly number[]>> = {
  xreg: [0, 1, 2, 8, 10],
  freg: [8, 10],
  simm: [0, 1, -1],
  uimm: [0, 1, 255],
  csr: [0x001, 0x002, 0x003, 0xc00, 0xc01, 0xc02],
  rm: [0, 7],
};

/** A value `spec` accepts, from random bits (tried until one is accepted); `biased` favours special values. */
export function randomFieldValue(spec: FieldSpec, next: () => number, biased = false): number {
  const special = SPECIAL_VALUES[spec.kind];
  if (biased && special && next() % 2 === 0) {
    const value = special[next() % special.length]!;
    if (fieldAccepts(spec, value)) return value;
  }
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

export interface InstanceOptions {
  /** Favour operand values that select pseudo-instructions. */
  readonly biased?: boolean;
  /** Leave the open bits that belong to no field zero (else they are random). */
  readonly canonical?: boolean;
}

/** Random field values of one row, and the word they assemble to. */
export function randomInstance(
  spec: InstructionSpec,
  next: () => number,
  options: InstanceOptions = {},
): { word: number; values: Map<FieldSpec, number> } {
  const width = spec.length === 2 ? 0xffff : 0xffffffff;
  let used = 0;
  for (const f of rowFields(spec)) used |= fieldBits(f);
  // Open bits that belong to no field (fence's fm, fence.i's imm/rs1/rd) are don't-cares.
  const dontCare = options.canonical ? 0 : next() & ~spec.mask & ~used & width;
  let word = (spec.match | dontCare) >>> 0;
  const values = new Map<FieldSpec, number>();
  for (const f of rowFields(spec)) {
    const value = randomFieldValue(f, next, options.biased);
    values.set(f, value);
    word = insertField(f, word, value);
  }
  return { word: word >>> 0, values };
}
