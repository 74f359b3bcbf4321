import { fieldAccepts, insertField, type FieldSpec } from '../../src/table/fields.js';
import type { InstructionSpec } from '../../src/table/instruction-spec.js';

/** xorshift32: deterministic, so a failure reproduces from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>>= 0);
  };
}

/** Values that GNU syntax has no spelling for: reserved rounding modes, empty fence sets, RV128 shift HINTs. */
function writable(f: FieldSpec, value: number): boolean {
  if (f.kind === 'rm') return value !== 5 && value !== 6 && (f.name !== 'rm_exact' || value === 0);
  if (f.kind === 'fence') return value !== 0;
  if (f.name === 'c_shamt') return value !== 0;
  return true;
}

const SPECIAL: Partial<Record<FieldSpec['kind'], readonly number[]>> = {
  xreg: [0, 1, 2, 8, 15, 31],
  freg: [0, 8, 15, 31],
  simm: [0, 1, -1, 2047, -2048, 4, -4],
  uimm: [0, 1, 0xfffff, 31, 63],
};

/** A random value the field accepts and GNU syntax can write; `edge` favours boundary values. */
export function randomValue(f: FieldSpec, next: () => number, edge: boolean): number {
  const special = SPECIAL[f.kind];
  if (edge && special && next() % 2 === 0) {
    const v = special[next() % special.length]!;
    if (fieldAccepts(f, v) && writable(f, v)) return v;
  }
  for (;;) {
    let raw = 0;
    for (const [hi, lo, at] of f.slices) raw |= (next() & ((1 << (hi - lo + 1)) - 1)) << at;
    raw >>>= 0;
    let v = raw;
    if (f.kind === 'simm' && f.width < 32) v = (raw << (32 - f.width)) >> (32 - f.width);
    else if (f.extendFrom !== undefined && (raw >>> (f.extendFrom - 1)) & 1) {
      v = (raw | (((1 << f.width) - 1) & ~((1 << f.extendFrom) - 1))) >>> 0;
    }
    v += f.regBase ?? 0;
    if (fieldAccepts(f, v) && writable(f, v)) return v;
  }
}

/** A random instance of a row: the field values (ordering bits included) and the word they encode. */
export function randomRow(spec: InstructionSpec, next: () => number, edge = false): { word: number; values: Map<FieldSpec, number> } {
  let word = spec.match;
  const values = new Map<FieldSpec, number>();
  for (const f of [...spec.fields, ...(spec.ordering ?? [])]) {
    const v = randomValue(f, next, edge);
    values.set(f, v);
    word = insertField(f, word, v);
  }
  return { word: word >>> 0, values };
}
