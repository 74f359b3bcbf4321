import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIELDS,
  INSTRUCTIONS,
  INSTRUCTION_BY_NAME,
  decode,
  fieldAccepts,
  insertField,
  type FieldSpec,
} from '@rvhv/isa';
import { prng, randomInstance } from './random-operands.js';

const compressed = INSTRUCTIONS.filter((s) => s.length === 2);
const fields = FIELDS as Record<string, FieldSpec>;

describe('compressed rows', () => {
  it('all have an expansion to an existing 32-bit row', () => {
    expect(compressed.length).toBeGreaterThan(30);
    for (const spec of compressed) {
      expect(spec.expand, spec.name).toBeDefined();
      const target = INSTRUCTION_BY_NAME.get(spec.expand!.name);
      expect(target?.length, spec.name).toBe(4);
      for (const from of Object.values(spec.expand!.slots)) {
        if (typeof from === 'string') expect(spec.fields.map((f) => f.name), spec.name).toContain(from);
      }
    }
    for (const spec of INSTRUCTIONS.filter((s) => s.length === 4)) expect(spec.expand).toBeUndefined();
  });

  it.each(compressed.map((s) => [s.name, s] as const))(
    '%s decodes as its expansion with the operands the 32-bit encoding would carry',
    (_n, spec) => {
      const target = INSTRUCTION_BY_NAME.get(spec.expand!.name)!;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => {
          const { word } = randomInstance(spec, prng(seed), { biased: true });
          const d = decode(word)!;
          expect(d.source).toBe(spec);
          expect(d.spec).toBe(target);
          expect(d.length).toBe(2);
          // Build the 32-bit instruction from the decoded slots and decode it.
          let wide = target.match;
          for (const f of target.fields) {
            const value = f.slot === 'rd' ? d.rd : f.slot === 'rs1' ? d.rs1 : f.slot === 'rs2' ? d.rs2 : d.imm;
            if (f.slot === 'rm' || f.slot === 'none') continue;
            expect(fieldAccepts(f, value), `${spec.name} -> ${target.name}.${f.name} = ${value}`).toBe(true);
            wide = insertField(f, wide, value);
          }
          const w = decode(wide)!;
          expect(w.spec).toBe(target);
          expect([w.rd, w.rs1, w.rs2, w.imm]).toEqual([d.rd, d.rs1, d.rs2, d.imm]);
          // Slots the expansion names come from the compressed word's fields.
          for (const [slot, from] of Object.entries(spec.expand!.slots)) {
            const got = d[slot as 'rd' | 'rs1' | 'rs2' | 'imm'];
            if (typeof from === 'number') expect(got).toBe(from);
            else expect(fields[from]).toBeDefined();
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  it('scales immediates as the spec says (words from GNU as)', () => {
    const cases: [number, string, Partial<Record<'rd' | 'rs1' | 'rs2' | 'imm', number>>][] = [
      [0x4512, 'lw', { rd: 10, rs1: 2, imm: 4 }], // c.lwsp a0,4(sp)
      [0x0028, 'addi', { rd: 10, rs1: 2, imm: 8 }], // c.addi4spn a0,sp,8
      [0x7139, 'addi', { rd: 2, rs1: 2, imm: -64 }], // c.addi16sp sp,-64
      [0xc42a, 'sw', { rs1: 2, rs2: 10, imm: 8 }], // c.swsp a0,8(sp)
      [0x050e, 'slli', { rd: 10, rs1: 10, imm: 3 }], // c.slli a0,3
      [0xbfe1, 'jal', { rd: 0, imm: -40 }], // c.j .-40
      [0xd979, 'beq', { rs1: 10, rs2: 0, imm: -42 }], // c.beqz a0,.-42
      [0x8082, 'jalr', { rd: 0, rs1: 1, imm: 0 }], // c.jr ra
      [0x852e, 'add', { rd: 10, rs1: 0, rs2: 11 }], // c.mv a0,a1
      [0x6588, 'ld', { rd: 10, rs1: 11, imm: 8 }], // c.ld a0,8(a1)
      [0xa42a, 'fsd', { rs1: 2, rs2: 10, imm: 8 }], // c.fsdsp fa0,8(sp)
      [0x5575, 'addi', { rd: 10, rs1: 0, imm: -3 }], // c.li a0,-3
      [0x6549, 'lui', { rd: 10, imm: 0x12 }], // c.lui a0,0x12
      [0x757d, 'lui', { rd: 10, imm: 0xfffff }], // c.lui a0,0xfffff
      [0x9c21, 'addw', { rd: 8, rs1: 8, rs2: 8 }], // c.addw s0,s0
    ];
    for (const [word, name, slots] of cases) {
      const d = decode(word)!;
      expect(d.spec.name, word.toString(16)).toBe(name);
      for (const [slot, value] of Object.entries(slots)) expect(d[slot as 'rd'], `${name} ${slot}`).toBe(value);
    }
  });
});
