import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, decode, matchInstruction } from '@rvhv/isa';

describe('decode', () => {
  it.each([
    [0x0000, 'the all-zero parcel'],
    [0x0000 | (3 << 2), 'c.addi4spn with nzuimm = 0 (rd = a1)'],
    [0x6001 | (10 << 7), 'c.lui a0 with nzimm = 0'],
    [0x6101, 'c.addi16sp with nzimm = 0'],
    [0x4002, 'c.lwsp with rd = x0'],
    [0x6002, 'c.ldsp with rd = x0'],
    [0x8002, 'c.jr with rs1 = x0'],
    [0x2001, 'c.addiw with rd = x0'],
    [0x9c41, 'reserved CA slot (100 1 11 --- 10 --- 01)'],
    [0x9c61, 'reserved CA slot (100 1 11 --- 11 --- 01)'],
    [0x8000, 'quadrant 0, funct3 100'],
    [0xffffffff, 'an all-ones word'],
    [0x0000007f, 'a 64-bit-form opcode'],
    [0x0ee7e0d3, 'OP-FP with an unused funct7'],
  ])('rejects %i (%s)', (word) => {
    expect(matchInstruction(word)).toBeUndefined();
    expect(decode(word)).toBeUndefined();
  });

  it('decodes atomics with their ordering bits', () => {
    const d = decode(0x06b6252f)!; // amoadd.w.aqrl a0,a1,(a2)
    expect(d.spec.name).toBe('amoadd.w');
    expect([d.rd, d.rs1, d.rs2, d.aqrl]).toEqual([10, 12, 11, 3]);
    const lr = decode(0x1405b52f)!; // lr.d.aq a0,(a1)
    expect(lr.spec.name).toBe('lr.d');
    expect([lr.rd, lr.rs1, lr.aqrl]).toEqual([10, 11, 2]);
  });

  it('decodes float rounding modes, CSRs and hypervisor loads', () => {
    const fadd = decode(0x02c58553)!; // fadd.d fa0,fa1,fa2,rne
    expect([fadd.spec.name, fadd.rd, fadd.rs1, fadd.rs2, fadd.rm]).toEqual(['fadd.d', 10, 11, 12, 0]);
    expect(decode(0x02c5f553)!.rm).toBe(7);
    const cvt = decode(0x4205f553)!; // fcvt.d.s with rm = dyn: legal (rm decoded, checked when executed)
    expect([cvt.spec.name, cvt.rm]).toEqual(['fcvt.d.s', 7]);
    const csr = decode(0x3002d573)!; // csrrwi a0,mstatus,5
    expect([csr.spec.name, csr.rd, csr.csr, csr.imm]).toEqual(['csrrwi', 10, 0x300, 5]);
    const hlv = decode(0x6805c573)!; // hlv.w a0,(a1)
    expect([hlv.spec.name, hlv.rd, hlv.rs1]).toEqual(['hlv.w', 10, 11]);
    const fma = decode(0x6ac5f543)!; // fmadd.d fa0,fa1,fa2,fa3
    expect([fma.spec.name, fma.rd, fma.rs1, fma.rs2, fma.rs3]).toEqual(['fmadd.d', 10, 11, 12, 13]);
  });

  it('treats reserved fence fields as fences (spec 2.7) and fence.i fields as ignored', () => {
    expect(decode(0x8330000f)!.spec.name).toBe('fence'); // fence.tso
    expect(decode(0x0100000f)!.spec.name).toBe('fence'); // pause
    expect(decode(0xf0f5858f)!.spec.name).toBe('fence');
    expect(decode(0x0000100f)!.spec.name).toBe('fence.i');
    expect(decode(0xfff5958f)!.spec.name).toBe('fence.i');
  });

  it('decodes the RV64 encodings of zext.h and rev8, and 6-bit shift amounts', () => {
    expect(decode(0x0805c53b)!.spec.name).toBe('zext.h');
    expect(decode(0x6b85d513)!.spec.name).toBe('rev8');
    const rori = decode(0x63f5d513)!; // rori a0,a1,63
    expect([rori.spec.name, rori.imm]).toEqual(['rori', 63]);
    const bseti = decode(0x2bf59513)!; // bseti a0,a1,63
    expect([bseti.spec.name, bseti.imm]).toEqual(['bseti', 63]);
  });

  it('never throws, and a decoded word matches its row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (raw) => {
        const d = decode(raw);
        if (!d) return;
        expect(((d.raw & d.source.mask) >>> 0) === d.source.match).toBe(true);
        expect(INSTRUCTIONS[d.op]).toBe(d.spec);
      }),
      { numRuns: 20000 },
    );
  });
});
