import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler.js';
import { prng } from './random-rows.js';

function errorsOf(source: string, fileName = 'prog.s'): string[] {
  const r = assemble(source, { fileName });
  if (r.ok) throw new Error('expected assembly to fail');
  return r.errors.map((e) => e.text);
}

describe('assembly errors', () => {
  it('names file:line:column and the problem', () => {
    expect(errorsOf('  nop\n  frobnicate a0, a1')).toEqual(["prog.s:2:3: error: unknown instruction 'frobnicate'"]);
    expect(errorsOf('add a0, a1, 5')).toEqual(["prog.s:1:13: error: expected an integer register but found '5'"]);
    expect(errorsOf('addi a0, a0, 5000')).toEqual(['prog.s:1:14: error: immediate 5000 out of range (expected -2048..2047)']);
    expect(errorsOf('  j nowhere')).toEqual(["prog.s:1:5: error: undefined symbol 'nowhere'"]);
    expect(errorsOf('x: nop\n  x: nop')).toEqual(["prog.s:2:3: error: duplicate symbol 'x' (first defined at prog.s:1:1)"]);
    expect(errorsOf('add a0, a1')).toEqual(["prog.s:1:1: error: 'add' takes 3 operands (rd, rs1, rs2), found 2"]);
    expect(errorsOf('.frob 1')).toEqual(["prog.s:1:1: error: unknown directive '.frob'"]);
    expect(errorsOf('csrr a0, nosuchcsr')).toEqual(["prog.s:1:10: error: unknown CSR 'nosuchcsr'"]);
    expect(errorsOf('csrrs a0, 0x1000, a1')).toEqual(['prog.s:1:11: error: CSR number 4096 out of range (0..4095)']);
    expect(errorsOf('fadd.d fa0, fa1, fa2, rzz')).toEqual([
      "prog.s:1:23: error: expected a rounding mode (rne, rtz, rdn, rup, rmm, dyn) but found 'rzz'",
    ]);
    expect(errorsOf('lw a0, 4(a1')).toHaveLength(1);
  });

  it('reports branch targets out of range instead of relaxing', () => {
    expect(errorsOf('beq a0, a1, far\n.skip 5000\nfar: nop')).toEqual([
      'prog.s:1:13: error: branch/jump offset 5004 out of range (expected -4096..4095, a multiple of 2)',
    ]);
    expect(errorsOf('c.j far\n.skip 3000\nfar: nop')[0]).toMatch(/^prog\.s:1:5: error: branch\/jump offset 3002 out of range/);
    expect(errorsOf('beq a0, a1, . + 3')[0]).toMatch(/multiple of 2/);
  });

  it('checks the register sets of compressed instructions', () => {
    expect(errorsOf('c.lw a0, 4(t0)')).toEqual(["prog.s:1:12: error: register 't0' is not allowed here (x8..x15)"]);
    expect(errorsOf('c.addi4spn a0, a1, 16')[0]).toMatch(/register 'a1' is not allowed here \(only x2\)/);
    expect(errorsOf('c.lui sp, 1')[0]).toMatch(/register 'sp' is not allowed here/);
  });

  it('collects every error of the source, in order, without stopping', () => {
    const errors = errorsOf('bad1\nnop\naddi a0, a0, 99999\nj missing\nx:\nx:\n.byte 300');
    expect(errors.map((e) => e.split(': error')[0])).toEqual(['prog.s:1:1', 'prog.s:3:14', 'prog.s:4:3', 'prog.s:6:1', 'prog.s:7:7']);
  });

  it('reports errors against the right file of a multi-file assembly', () => {
    const r = assemble([
      { name: 'a.s', text: 'nop\nj shared' },
      { name: 'b.s', text: 'shared: nop\nbogus' },
    ]);
    expect(!r.ok && r.errors.map((e) => e.text)).toEqual(["b.s:2:1: error: unknown instruction 'bogus'"]);
    const ok = assemble([
      { name: 'a.s', text: 'j shared' },
      { name: 'b.s', text: 'shared: nop' },
    ], { base: 0 });
    expect(ok.ok && ok.symbols.get('shared')).toBe(4n);
  });

  it('rejects data in .bss and unterminated strings', () => {
    expect(errorsOf('.bss\n.word 1')[0]).toMatch(/prog\.s:2:1: error: '\.word' puts data in \.bss/);
    expect(errorsOf('.data\n.ascii "abc')[0]).toMatch(/prog\.s:2:8: error: unterminated string/);
  });

  it('never throws on garbage input', () => {
    const vocabulary = [
      'add', 'addi', 'lw', 'sw', 'li', 'la', 'j', 'beq', 'c.addi', 'csrr', '.word', '.align', '.section', '.equ', '.option',
      'a0', 'x31', 'f3', 'sp', 'zero', 'mstatus', '1', '-1', '0x7fffffffffffffffff', '1b', '2f', 'label', 'label:', '1:', '(', ')',
      ',', '%hi', '%lo(', '%pcrel_lo', '+', '-', '*', '/', '<<', '"s"', "'c", '.', '=', '@', 'rvc', '#', ';', '/*', '*/', '\\',
    ];
    const next = prng(7);
    for (let i = 0; i < 400; i++) {
      const lines: string[] = [];
      for (let l = 0; l < 6; l++) {
        const n = next() % 8;
        const parts: string[] = [];
        for (let k = 0; k < n; k++) parts.push(vocabulary[next() % vocabulary.length]!);
        lines.push(parts.join(next() % 2 ? ' ' : ''));
      }
      const source = lines.join('\n');
      const r = assemble(source, { fileName: 'fuzz.s' });
      if (!r.ok) {
        for (const e of r.errors) {
          expect(e.file).toBe('fuzz.s');
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines.length);
          expect(e.message).not.toMatch(/internal/);
        }
      }
    }
  });
});
