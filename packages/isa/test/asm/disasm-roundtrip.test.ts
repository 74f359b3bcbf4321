import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler.js';
import { decode } from '../../src/decode/decoder.js';
import { disassemble } from '../../src/disasm/disassemble.js';
import { INSTRUCTIONS } from '../../src/table/index.js';
import { assembleOk, hexWords, sectionBytes, splitInstructions } from './helpers.js';
import { prng, randomRow } from './random-rows.js';

describe('disassemble -> assemble round trip', () => {
  it('gives back the same word for every row and random operands', () => {
    const next = prng(2024);
    const lines: string[] = [];
    const words: number[] = [];
    for (const spec of INSTRUCTIONS) {
      for (let k = 0; k < 16; k++) {
        const { word } = randomRow(spec, next, k % 2 === 0);
        lines.push(disassemble(word, undefined, { aliases: false }));
        words.push(word);
      }
    }
    const ours = splitInstructions(sectionBytes(assembleOk(`${lines.join('\n')}\n`)));
    const mismatches = lines
      .map((line, i) => ({ line, want: words[i]!, got: ours[i] ?? -1 }))
      .filter((m) => m.want !== m.got)
      .map((m) => `${m.line}: want ${hexWords([m.want])} got ${hexWords([m.got])}`);
    expect(mismatches).toEqual([]);
    expect(ours.length).toBe(words.length);
  });

  it('round-trips branch targets printed as absolute addresses at a known pc', () => {
    const next = prng(31);
    for (const spec of INSTRUCTIONS.filter((s) => s.fields.some((f) => f.pcRelative))) {
      for (let k = 0; k < 8; k++) {
        const { word } = randomRow(spec, next, k % 2 === 0);
        const pc = 0x80001000;
        const text = disassemble(word, pc, { aliases: false });
        const got = splitInstructions(sectionBytes(assembleOk(text, { base: pc })))[0];
        expect(hexWords([got!]), text).toEqual(hexWords([word]));
      }
    }
  });
});

describe('objdump-style aliases assemble back', () => {
  it('assembles what the disassembler prints with aliases to the same operation', () => {
    const next = prng(555);
    const problems: string[] = [];
    for (const spec of INSTRUCTIONS) {
      for (let k = 0; k < 12; k++) {
        const { word } = randomRow(spec, next, true);
        const text = disassemble(word);
        // Compressed rows print as their 32-bit alias: assemble them with compression on.
        const r = assemble(text, { base: 0, compress: spec.length === 2 });
        if (!r.ok) {
          problems.push(`${text}: ${r.errors[0]!.message}`);
          continue;
        }
        const got = splitInstructions(r.sections.find((s) => s.name === '.text')!.data);
        if (got.length === 1 && got[0] === word) continue;
        // Another compressed form may be preferred (c.addi before c.addi16sp): same operation, same operands.
        const a = decode(word)!;
        const b = got.length === 1 ? decode(got[0]!) : undefined;
        const same = b && a.spec === b.spec && a.rd === b.rd && a.rs1 === b.rs1 && a.rs2 === b.rs2 && a.imm === b.imm && a.length === b.length;
        if (!same) problems.push(`${text}: want ${hexWords([word])} got ${hexWords(got)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
