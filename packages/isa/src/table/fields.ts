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
  /**
   * Other values that are reserved or belong to another row (c.lui: rd = x2 is
   * c.addi16sp). The decoder treats a word whose field holds one as not matching.
   */
  readonly excludes?: readonly number[];
  /**
   * The encoded bits are a signed number this many bits wide, shown as the
   * `width`-bit unsigned value it sign-extends to: c.lui's 6-bit immediate is
   * written and decoded as lui's 20-bit one (0xfffff for -1), so the expansion
   * carries exactly the value the 32-bit lui would.
   */
  readonly extendFrom?: number;
  /** Value of an operand omitted in assembly ('rm?' -> 7 = dyn); the disassembler omits it too. */
  readonly defaultValue?: number;
  /** Branch/jump offset: printed as the target address when the pc is known. */
  readonly pcRelative?: boolean;
  /** Printed in hexadecimal (lui/auipc immediates, shift amounts), as objdump does. */
  readonly hex?: boolean;
}

function field(
  name: string,
  kind: FieldKind,
  slot: DecodedSlot,
  width: number,
  slices: readonly BitSlice[],
  extra: Partial<
    Pick<FieldSpec, 'regBase' | 'nonzero' | 'excludes' | 'extendFrom' | 'defaultValue' | 'pcRelative' | 'hex'>
  > = {},
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
  imm_b: field('imm_b', 'simm', 'imm', 13, [[31, 31, 12], [30, 25, 5], [11, 8, 1], [7, 7, 11]], { pcRelative: true }),
  imm_u: field('imm_u', 'uimm', 'imm', 20, [[31, 12, 0]], { hex: true }),
  imm_j: field('imm_j', 'simm', 'imm', 21, [[31, 31, 20], [30, 21, 1], [20, 20, 11], [19, 12, 12]], {
    pcRelative: true,
  }),
  shamt: field('shamt', 'uimm', 'imm', 6, [[25, 20, 0]], { hex: true }),
  shamtw: field('shamtw', 'uimm', 'imm', 5, [[24, 20, 0]], { hex: true }),
  csr: field('csr', 'csr', 'csr', 12, [[31, 20, 0]]),
  zimm: field('zimm', 'uimm', 'imm', 5, [[19, 15, 0]]),
  rm: field('rm', 'rm', 'rm', 3, [[14, 12, 0]], { defaultValue: 7 }),
  // Exact conversions (fcvt.d.s, fcvt.d.w, fcvt.d.wu) never round, so GNU as
  // fills their rm field with 000 (rne) when it is not written; objdump prints
  // it only when it is not 000. The field is still decoded: an invalid rm traps.
  rm_exact: field('rm_exact', 'rm', 'rm', 3, [[14, 12, 0]], { defaultValue: 0 }),
  aq: field('aq', 'flag', 'aqrl', 1, [[26, 26, 0]]),
  rl: field('rl', 'flag', 'aqrl', 1, [[25, 25, 0]]),
  pred: field('pred', 'fence', 'none', 4, [[27, 24, 0]]),
  succ: field('succ', 'fence', 'none', 4, [[23, 20, 0]]),

  // Compressed (RVC) fields: bit positions within the 16-bit parcel (unprivileged
  // spec chapter 16, "C" Standard Extension, Tables 16.1-16.3). Immediates carry
  // their scaling in the slices, so the value read is the byte offset / immediate
  // the expanded 32-bit instruction uses.
  c_rd: field('c_rd', 'xreg', 'rd', 5, [[11, 7, 0]]),
  c_rd_n0: field('c_rd_n0', 'xreg', 'rd', 5, [[11, 7, 0]], { nonzero: true }),
  // c.lui: rd = x2 is c.addi16sp; rd = x0 is a HINT (decoded, writes nothing).
  c_rd_n2: field('c_rd_n2', 'xreg', 'rd', 5, [[11, 7, 0]], { excludes: [2] }),
  c_rs1_n0: field('c_rs1_n0', 'xreg', 'rs1', 5, [[11, 7, 0]], { nonzero: true }),
  c_rs2: field('c_rs2', 'xreg', 'rs2', 5, [[6, 2, 0]]),
  c_rs2_n0: field('c_rs2_n0', 'xreg', 'rs2', 5, [[6, 2, 0]], { nonzero: true }),
  c_frd: field('c_frd', 'freg', 'rd', 5, [[11, 7, 0]]),
  c_frs2: field('c_frs2', 'freg', 'rs2', 5, [[6, 2, 0]]),
  c_rd_p: field('c_rd_p', 'xreg', 'rd', 3, [[4, 2, 0]], { regBase: 8 }),
  c_frd_p: field('c_frd_p', 'freg', 'rd', 3, [[4, 2, 0]], { regBase: 8 }),
  c_rs1_p: field('c_rs1_p', 'xreg', 'rs1', 3, [[9, 7, 0]], { regBase: 8 }),
  c_rs2_p: field('c_rs2_p', 'xreg', 'rs2', 3, [[4, 2, 0]], { regBase: 8 }),
  c_frs2_p: field('c_frs2_p', 'freg', 'rs2', 3, [[4, 2, 0]], { regBase: 8 }),
  /** rd' that is also the first source (CA/CB formats: c.srli, c.andi, c.sub...). */
  c_rd_rs1_p: field('c_rd_rs1_p', 'xreg', 'rd', 3, [[9, 7, 0]], { regBase: 8 }),
  /** The implicit stack pointer of c.*sp forms: no bits, always x2. */
  c_sp: field('c_sp', 'xreg', 'none', 0, [], { regBase: 2 }),
  c_imm6: field('c_imm6', 'simm', 'imm', 6, [[12, 12, 5], [6, 2, 0]]),
  c_shamt: field('c_shamt', 'uimm', 'imm', 6, [[12, 12, 5], [6, 2, 0]], { hex: true }),
  c_nzimm_lui: field('c_nzimm_lui', 'uimm', 'imm', 20, [[12, 12, 5], [6, 2, 0]], {
    nonzero: true,
    extendFrom: 6,
    hex: true,
  }),
  c_nzimm10: field('c_nzimm10', 'simm', 'imm', 10, [[12, 12, 9], [6, 6, 4], [5, 5, 6], [4, 3, 7], [2, 2, 5]], {
    nonzero: true,
  }),
  c_nzuimm10: field('c_nzuimm10', 'uimm', 'imm', 10, [[12, 11, 4], [10, 7, 6], [6, 6, 2], [5, 5, 3]], {
    nonzero: true,
  }),
  c_uimm7: field('c_uimm7', 'uimm', 'imm', 7, [[12, 10, 3], [6, 6, 2], [5, 5, 6]]),
  c_uimm8: field('c_uimm8', 'uimm', 'imm', 8, [[12, 10, 3], [6, 5, 6]]),
  c_uimm8sp: field('c_uimm8sp', 'uimm', 'imm', 8, [[12, 12, 5], [6, 4, 2], [3, 2, 6]]),
  c_uimm9sp: field('c_uimm9sp', 'uimm', 'imm', 9, [[12, 12, 5], [6, 5, 3], [4, 2, 6]]),
  c_uimm8sp_s: field('c_uimm8sp_s', 'uimm', 'imm', 8, [[12, 9, 2], [8, 7, 6]]),
  c_uimm9sp_s: field('c_uimm9sp_s', 'uimm', 'imm', 9, [[12, 10, 3], [9, 7, 6]]),
  c_imm_j: field(
    'c_imm_j',
    'simm',
    'imm',
    12,
    [[12, 12, 11], [11, 11, 4], [10, 9, 8], [8, 8, 10], [7, 7, 6], [6, 6, 7], [5, 3, 1], [2, 2, 5]],
    { pcRelative: true },
  ),
  c_imm_b: field('c_imm_b', 'simm', 'imm', 9, [[12, 12, 8], [11, 10, 3], [6, 5, 6], [4, 3, 1], [2, 2, 5]], {
    pcRelative: true,
  }),
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
  } else if (spec.extendFrom !== undefined && (value >>> (spec.extendFrom - 1)) & 1) {
    value = (value | (lowMask(spec.width) & ~lowMask(spec.extendFrom))) >>> 0;
  }
  return value + (spec.regBase ?? 0);
}

/** Whether `value` can be encoded in the field (range, alignment, register set, reserved values). */
export function fieldAccepts(spec: FieldSpec, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const raw = value - (spec.regBase ?? 0);
  if (spec.nonzero && value === 0) return false;
  if (spec.excludes?.includes(value)) return false;
  if (spec.kind === 'simm') {
    if (raw < -(2 ** (spec.width - 1)) || raw >= 2 ** (spec.width - 1)) return false;
  } else if (raw < 0 || raw >= 2 ** spec.width) {
    return false;
  }
  if (spec.extendFrom !== undefined) {
    // The bits above the encoded ones must all copy its sign bit.
    const upper = raw >>> (spec.extendFrom - 1);
    if (upper !== 0 && upper !== lowMask(spec.width - spec.extendFrom + 1)) return false;
    return true;
  }
  // Bits below the lowest slice's value offset must be zero (scaled immediates).
  let covered = 0;
  for (const [hi, lo, at] of spec.slices) covered |= lowMask(hi - lo + 1) << at;
  const valueMask = lowMask(spec.width);
  return ((raw & valueMask & ~covered) >>> 0) === 0;
}

/** Whether a field value read from a word is legal for the row (not reserved, not another row's). */
export function fieldValueAllowed(spec: FieldSpec, value: number): boolean {
  if (spec.nonzero && value === 0) return false;
  return !spec.excludes?.includes(value);
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
