import { FIELDS, extractField, fieldValueAllowed, type FieldSpec } from '../table/fields.js';
import type { InstructionSpec } from '../table/instruction-spec.js';
import { INSTRUCTIONS, OPCODE_INDEX } from '../table/index.js';
import type { ExecuteHandler } from '../hart/hart.js';

/**
 * A decoded instruction. Compressed instructions are decoded into the base
 * instruction they expand to (`op`/`spec`), with `length` 2 and the original
 * row in `source`, so the executor implements each operation once.
 */
export interface Decoded {
  /** Index of the executed instruction in INSTRUCTIONS. */
  op: number;
  /** The executed instruction (the expansion for compressed ones). */
  spec: InstructionSpec;
  /** The row that matched the raw bits (differs from `spec` for compressed). */
  source: InstructionSpec;
  /** The instruction bits (16 or 32 of them). */
  raw: number;
  length: 2 | 4;
  rd: number;
  rs1: number;
  rs2: number;
  rs3: number;
  /** The immediate (sign-extended for signed fields), shift amount, zimm or 0. */
  imm: number;
  csr: number;
  /** Rounding mode field (7 = dynamic). */
  rm: number;
  /** aq (bit 1) and rl (bit 0) of atomics. */
  aqrl: number;
  /**
   * The handler that executes it, so that dispatch is one load and one
   * call. The decoder knows no executor: it leaves {@link unboundHandler},
   * and the hart binds the real handler before it runs or caches the
   * instruction (hart/bind-handler.ts).
   */
  exec: ExecuteHandler;
}

/** The `exec` of an instruction no hart has bound yet. */
export function unboundHandler(): void {
  throw new Error('decoded instruction executed before a hart bound its handler');
}

/** Instruction length from the low bits of its first halfword (16 or 32 bits; longer forms are illegal here). */
export function instructionLength(firstHalf: number): 2 | 4 {
  return (firstHalf & 3) === 3 ? 4 : 2;
}

function specificity(spec: InstructionSpec): number {
  let n = 0;
  for (let m = spec.mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Candidates per major opcode (32-bit: bits 6..0; 16-bit: quadrant and funct3), most specific first. */
function buildBuckets(table: readonly InstructionSpec[]): Map<number, InstructionSpec[]> {
  const buckets = new Map<number, InstructionSpec[]>();
  for (const spec of table) {
    const key = bucketKey(spec.match, spec.length);
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push(spec);
  }
  for (const list of buckets.values()) list.sort((a, b) => specificity(b) - specificity(a));
  return buckets;
}

function bucketKey(word: number, length: 2 | 4): number {
  return length === 4 ? word & 0x7f : 0x100 | ((word >>> 11) & 0x1c) | (word & 3);
}

const buckets = buildBuckets(INSTRUCTIONS);

/** The table row whose encoding matches `raw`, or undefined for an illegal instruction. */
export function matchInstruction(raw: number): InstructionSpec | undefined {
  const length = instructionLength(raw & 0xffff);
  const word = length === 2 ? raw & 0xffff : raw >>> 0;
  const list = buckets.get(bucketKey(word, length));
  if (!list) return undefined;
  for (const spec of list) {
    if (((word & spec.mask) >>> 0) === spec.match && fieldsValid(spec, word)) return spec;
  }
  return undefined;
}

/** Reserved encodings expressed through fields (c.nz* fields that must not be zero, c.lui's rd != x2). */
function fieldsValid(spec: InstructionSpec, word: number): boolean {
  for (const f of spec.fields) {
    if ((f.nonzero || f.excludes) && !fieldValueAllowed(f, extractField(f, word))) return false;
  }
  return true;
}

function assign(d: Decoded, f: FieldSpec, value: number): void {
  switch (f.slot) {
    case 'rd':
      d.rd = value;
      break;
    case 'rs1':
      d.rs1 = value;
      break;
    case 'rs2':
      d.rs2 = value;
      break;
    case 'rs3':
      d.rs3 = value;
      break;
    case 'imm':
      d.imm = value;
      break;
    case 'csr':
      d.csr = value;
      break;
    case 'rm':
      d.rm = value;
      break;
    case 'aqrl':
      d.aqrl |= value << (f.name === 'aq' ? 1 : 0);
      break;
    case 'none':
      break;
  }
}

/** Decodes one instruction; undefined when `raw` is not a legal encoding. */
export function decode(raw: number): Decoded | undefined {
  const source = matchInstruction(raw);
  if (!source) return undefined;
  const word = source.length === 2 ? raw & 0xffff : raw >>> 0;
  const d: Decoded = {
    op: 0,
    spec: source,
    source,
    raw: word,
    length: source.length,
    rd: 0,
    rs1: 0,
    rs2: 0,
    rs3: 0,
    imm: 0,
    csr: 0,
    rm: 0,
    aqrl: 0,
    // Every field is initialised here, in this order, so all decoded instructions share one hidden class.
    exec: unboundHandler,
  };
  for (const f of source.fields) assign(d, f, extractField(f, word));
  if (source.ordering) for (const f of source.ordering) assign(d, f, extractField(f, word));
  if (source.expand) {
    const fields = FIELDS as Record<string, FieldSpec>;
    const target = source.expand.name;
    const op = OPCODE_INDEX.get(target);
    if (op === undefined) throw new Error(`instruction table: ${source.name} expands to unknown ${target}`);
    d.op = op;
    d.spec = INSTRUCTIONS[op]!;
    d.rd = d.rs1 = d.rs2 = d.imm = 0;
    for (const [slot, from] of Object.entries(source.expand.slots)) {
      const value = typeof from === 'number' ? from : extractField(fields[from]!, word);
      d[slot as 'rd' | 'rs1' | 'rs2' | 'imm'] = value;
    }
  } else {
    d.op = OPCODE_INDEX.get(source.name)!;
  }
  return d;
}
