import type { MachineInsn } from './machine-insn.js';
import { fieldAccepts, type FieldSpec } from '../table/fields.js';
import type { ExpansionSlot, InstructionSpec } from '../table/instruction-spec.js';
import { INSTRUCTIONS, INSTRUCTION_BY_NAME } from '../table/index.js';

/**
 * Automatic compression: picks the compressed row whose expansion (the
 * table's `expand` data) is exactly the given 32-bit instruction. Candidates
 * are tried in table order, which puts the forms GNU as prefers first
 * (c.addi before c.addi16sp for `addi sp, sp, 16`).
 */

const COMPRESSED_BY_TARGET = new Map<string, InstructionSpec[]>();
for (const spec of INSTRUCTIONS) {
  if (!spec.expand) continue;
  const list = COMPRESSED_BY_TARGET.get(spec.expand.name) ?? [];
  list.push(spec);
  COMPRESSED_BY_TARGET.set(spec.expand.name, list);
}

const EXPANSION_SLOTS: readonly string[] = ['rd', 'rs1', 'rs2', 'imm'] satisfies readonly ExpansionSlot[];

/** The instruction's operand values by decoded slot, or undefined when it has operands no expansion can carry. */
function slotValues(m: MachineInsn): Map<string, number> | undefined {
  if (m.ordering !== 0 || m.extraBits) return undefined;
  const slots = new Map<string, number>();
  for (const f of m.spec.fields) {
    if (!EXPANSION_SLOTS.includes(f.slot)) return undefined;
    slots.set(f.slot, m.values.get(f.name) ?? 0);
  }
  return slots;
}

function tryCompressed(c: InstructionSpec, slots: Map<string, number>): MachineInsn | undefined {
  const expand = c.expand!;
  const values = new Map<string, number>();
  for (const slot of EXPANSION_SLOTS) {
    const want = slots.get(slot) ?? 0;
    const from = expand.slots[slot as ExpansionSlot];
    if (from === undefined) {
      // The decoder leaves slots the expansion does not name at 0.
      if (want !== 0) return undefined;
    } else if (typeof from === 'number') {
      if (want !== from) return undefined;
    } else {
      const known = values.get(from);
      if (known !== undefined && known !== want) return undefined;
      values.set(from, want);
    }
  }
  for (const f of c.fields) {
    if (!values.has(f.name)) {
      // Fixed registers (c_sp) have no bits; anything else unnamed cannot be matched.
      if (f.slices.length !== 0) return undefined;
      values.set(f.name, f.regBase ?? 0);
    }
    if (!fieldAccepts(f as FieldSpec, values.get(f.name)!)) return undefined;
  }
  return { spec: c, values, ordering: 0, keepUncompressed: false };
}

/** Operations that do nothing when their immediate is 0 and rd = rs1. */
const IDENTITY_AT_ZERO: ReadonlySet<string> = new Set(['addi', 'slli', 'srli', 'srai']);

/**
 * Whether the compressed form of these operand values would be a HINT (spec
 * 16.7, Table 16.3: c.nop with an immediate, c.addi/shifts by 0, c.li, c.lui,
 * c.mv, c.add, c.slli with rd = x0). HINTs are reserved for future hints, so,
 * like GNU as, the assembler keeps such instructions 32-bit.
 */
function compressesToHint(name: string, slots: ReadonlyMap<string, number>, writesXreg: boolean): boolean {
  const rd = slots.get('rd') ?? 0;
  const rs1 = slots.get('rs1') ?? 0;
  const imm = slots.get('imm') ?? 0;
  const isNop = name === 'addi' && rd === 0 && rs1 === 0 && imm === 0;
  // A jump's rd = x0 means "no link", not a discarded result.
  const isJump = INSTRUCTION_BY_NAME.get(name)?.fields.some((f) => f.pcRelative) || name === 'jalr';
  if (writesXreg && rd === 0 && !isNop && !isJump) return true;
  return IDENTITY_AT_ZERO.has(name) && imm === 0 && rd === rs1 && !isNop;
}

/**
 * The compressed equivalent of `m`, or undefined. GNU as also compresses
 * `addi rd, rs, 0` as `c.mv rd, rs` (the canonical mv), so that form is
 * tried as `add rd, x0, rs` first.
 */
export function compressInsn(m: MachineInsn): MachineInsn | undefined {
  if (m.spec.length === 2) return undefined;
  const slots = slotValues(m);
  if (!slots) return undefined;
  if (m.spec.name === 'addi' && (slots.get('imm') ?? 0) === 0 && (slots.get('rs1') ?? 0) !== 0 && (slots.get('rd') ?? 0) !== 0) {
    const asAdd = new Map([
      ['rd', slots.get('rd') ?? 0],
      ['rs1', 0],
      ['rs2', slots.get('rs1') ?? 0],
    ]);
    for (const c of COMPRESSED_BY_TARGET.get('add') ?? []) {
      const found = tryCompressed(c, asAdd);
      if (found) return found;
    }
  }
  if (compressesToHint(m.spec.name, slots, m.spec.fields.some((f) => f.slot === 'rd' && f.kind === 'xreg'))) return undefined;
  for (const c of COMPRESSED_BY_TARGET.get(m.spec.name) ?? []) {
    const found = tryCompressed(c, slots);
    if (found) return found;
  }
  return undefined;
}
