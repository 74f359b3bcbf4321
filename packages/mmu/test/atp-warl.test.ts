import { describe, expect, it } from 'vitest';
import { AtpMode, legalizeHgatp, legalizeSatp, Translator, createRam, ramOnly } from '@rvhv/mmu';

const mode = (m: number): number => m << 28;

describe('satp / vsatp WARL', () => {
  it('a write with an unsupported MODE has no effect at all (how Linux probes Sv57, Sv48, Sv39)', () => {
    const old = { lo: 0x1234, hi: mode(AtpMode.sv39) | (7 << 12) };
    for (const m of [AtpMode.sv57, 1, 7, 11, 15]) {
      expect(legalizeSatp(old, 0xabcd, mode(m) | (9 << 12), { lo: 0, hi: 0 })).toEqual(old);
    }
  });

  it('Sv39, Sv48 and Bare are written with all 16 ASID bits and 44 PPN bits', () => {
    const out = legalizeSatp({ lo: 0, hi: 0 }, -1, mode(AtpMode.sv48) | 0x0fff_ffff, { lo: 0, hi: 0 });
    expect(out).toEqual({ lo: -1, hi: mode(AtpMode.sv48) | 0x0fff_ffff });
    expect(legalizeSatp(out, 0, 0, { lo: 1, hi: 1 })).toEqual({ lo: 0, hi: 0 });
  });

  it('the translator applies the same rule to satp and vsatp', () => {
    const tr = new Translator(ramOnly(createRam(0x8000_0000, 4096)));
    const out = { lo: 0, hi: 0 };
    tr.writeSatp(0x8_0000, mode(AtpMode.sv39) | (3 << 12));
    tr.writeSatp(0x9_0000, mode(AtpMode.sv57));
    tr.readSatp(out);
    expect(out).toEqual({ lo: 0x8_0000, hi: mode(AtpMode.sv39) | (3 << 12) });
    tr.writeVsatp(0x7_0000, mode(AtpMode.sv48));
    tr.writeVsatp(0x6_0000, mode(AtpMode.sv57));
    tr.readVsatp(out);
    expect(out).toEqual({ lo: 0x7_0000, hi: mode(AtpMode.sv48) });
  });
});

describe('hgatp WARL', () => {
  it('VMID has 14 bits; bits 59:58 read zero; PPN[1:0] read zero', () => {
    const out = legalizeHgatp({ lo: 0, hi: 0 }, -1, mode(AtpMode.sv39) | 0x0fff_ffff, { lo: 0, hi: 0 });
    expect(out.lo).toBe(-4);
    expect(out.hi).toBe(mode(AtpMode.sv39) | (0x3fff << 12) | 0xfff);
  });

  it('an unsupported MODE keeps the old MODE but the other fields are written', () => {
    const old = { lo: 0x100, hi: mode(AtpMode.sv48) | (1 << 12) };
    const out = legalizeHgatp(old, 0x204, mode(AtpMode.sv57) | (5 << 12), { lo: 0, hi: 0 });
    expect(out).toEqual({ lo: 0x204, hi: mode(AtpMode.sv48) | (5 << 12) });
    const bare = legalizeHgatp({ lo: 0, hi: 0 }, 0x10, mode(3) | (2 << 12), { lo: 0, hi: 0 });
    expect(bare).toEqual({ lo: 0x10, hi: 2 << 12 });
  });

  it('Sv39x4 and Sv48x4 are accepted', () => {
    const tr = new Translator(ramOnly(createRam(0x8000_0000, 4096)));
    const out = { lo: 0, hi: 0 };
    tr.writeHgatp(0x8_0004, mode(AtpMode.sv48) | (9 << 12));
    tr.readHgatp(out);
    expect(out).toEqual({ lo: 0x8_0004, hi: mode(AtpMode.sv48) | (9 << 12) });
  });
});
