/**
 * Operand fields of RISC-V encodings: where each field's bits sit in the
 * instruction word and what the value means. The decoder extracts with these,
 * the assembler inserts with them, the disassembler prints by `kind`. One
 * definition per field; instructions name fields in their syntax strings.
 */

/** How a field's value is printed/parsed. */
export type FieldKind =
  | 'xreg' // integer register x0..x31 (or x8..x15 for compressed 3-bit fields)
  | 'freg' // float register f0..f31 (or f8..f15)
  | 'simm' // signed immediate
  | 'uimm' // unsigned immediate
  | 'csr' // CSR number (12 bits), printed by name
  | 'rm' // rounding mode
  | 'fence' // fence predecessor/successor set (iorw)
  | 'flag'; // a single ordering bit (aq/rl)

/** Which slot of a decoded instruction receives the field's value. */
export type DecodedSlot = 'rd' | 'rs1' | 'rs2' | 'rs3' | 'imm' | 'csr' | 'rm' | 'aqrl' | 'none';

/** `[instrHi, instrLo, valueLo]`: bits instrHi..instrLo of the word hold value bits from valueLo upwards. */
export type BitSlice = readonly [hi: number, lo: number, at: number];

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly slot: DecodedSlot;
  readonly slices: readonly BitSlice[];
  /** Width of the value in bits (its highest bit is the sign for `simm`). */
  readonly width: number;
  /** Register fields of compressed instructions encode x8..x15 / f8..f15. */
  readonly regBase?: number;
  /** The value zero is reserved or means another instruction (c.nz* fields). */
  readonly nonzero?: boolean;
}

function field(
  name: string,
  kind: FieldKind,
  slot: DecodedSlot,
  width: number,
  slices: readonly BitSlice[],
  extra: Partial<Pick<FieldSpec, 'regBase' | 'nonzero'>> = {},
): FieldSpec {
  return { name, kind, slot, width, slices, ...extra };
}

/** All operand fields, by name. Compressed-only fields start with `c_`. */
export const FIELDS = {
  rd: field('rd', 'xreg', 'rd', 5, [[11, 7, 0]]),
  rs1: field('rs1', 'xreg', 'rs1', 5, [[19, 15, 0]]),
  rs2: field('rs2', 'xreg', 'rs2', 5, [[24, 20, 0]]),
  rs3: field('rs3', 'xreg', 'rs3', 5, [[31, 27, 0]]),
  frd: field('frd', 'freg', 'rd', 5, [[11, 7, 0]]),
  frs1: field('frs1', 'freg', 'rs1', 5, [[19, 15, 0]]),
  frs2: field('frs2', 'freg', 'rs2', 5, [[24, 20, 0]]),
  frs3: field('frs3', 'freg', 'rs3', 5, [[31, 27, 0]]),
  imm_i: field('imm_i', 'simm', 'imm', 12, [[31, 20, 0]]),
  imm_s: field('imm_s', 'simm', 'imm', 12, [[31, 25, 5], [11, 7, 0]]),
  imm_b: field('imm_b', 'simm', 'imm', 13, [[31, 31, 12], [30, 25, 5], [11, 8, 1], [7, 7, 11]]),
  imm_u: field('imm_u', 'uimm', 'imm', 20, [[31, 12, 0]]),
  imm_j: field('imm_j', 'simm', 'imm', 21, [[31, 31, 20], [30, 21, 1], [20, 20, 11], [19, 12, 12]]),
  shamt: field('shamt', 'uimm', 'imm', 6, [[25, 20, 0]]),
  shamtw: field('shamtw', 'uimm', 'imm', 5, [[24, 20, 0]]),
  csr: field('csr', 'csr', 'csr', 12, [[31, 20, 0]]),
  zimm: field('zimm', 'uimm', 'imm', 5, [[19, 15, 0]]),
  rm: field('rm', 'rm', 'rm', 3, [[14, 12, 0]]),
  aq: field('aq', 'flag', 'aqrl', 1, [[26, 26, 1]]),
  rl: field('rl', 'flag', 'aqrl', 1, [[25, 25, 0]]),
  pred: field('pred', 'fence', 'none', 4, [[27, 24, 0]]),
  succ: field('succ', 'fence', 'none', 4, [[23, 20, 0]]),
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;

/** Mask of the low `bits` bits (bits <= 32). */
function lowMask(bits: number): number {
  return bits >= 32 ? 0xffffffff : (1 << bits) - 1;
}

/** The field's value in `word`, sign-extended for `simm`, offset for compressed registers. */
export function extractField(spec: FieldSpec, word: number): number {
  let value = 0;
  for (const [hi, lo, at] of spec.slices) {
    value |= ((word >>> lo) & lowMask(hi - lo + 1)) << at;
  }
  value >>>= 0;
  if (spec.kind === 'simm' && spec.width < 32) {
    const shift = 32 - spec.width;
    value = (value << shift) >> shift;
  }
  return value + (spec.regBase ?? 0);
}

/** Whether `value` can be encoded in the field (range, alignment, register set). */
export function fieldAccepts(spec: FieldSpec, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const raw = value - (spec.regBase ?? 0);
  if (spec.nonzero && value === 0) return false;
  if (spec.kind === 'simm') {
    if (raw < -(2 ** (spec.width - 1)) || raw >= 2 ** (spec.width - 1)) return false;
  } else if (raw < 0 || raw >= 2 ** spec.width) {
    return false;
  }
  // Bits below the lowest slice's value offset must be zero (scaled immediates).
  let covered = 0;
  for (const [hi, lo, at] of spec.slices) covered |= lowMask(hi - lo + 1) << at;
  const valueMask = lowMask(spec.width);
  return ((raw & valueMask & ~covered) >>> 0) === 0;
}

/** `word` with the field set to `value` (which must satisfy {@link fieldAccepts}). */
export function insertField(spec: FieldSpec, word: number, value: number): number {
  const raw = value - (spec.regBase ?? 0);
  let out = word;
  for (const [hi, lo, at] of spec.slices) {
    const mask = lowMask(hi - lo + 1);
    out = (out & ~(mask << lo)) | (((raw >>> at) & mask) << lo);
  }
  return out >>> 0;
}
