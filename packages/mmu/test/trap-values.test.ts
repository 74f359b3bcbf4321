import { describe, expect, it } from 'vitest';
import { createTrapValues, FaultCause, ImplicitAccess, TranslationFault, trapValues } from '@rvhv/mmu';

describe('trapValues', () => {
  it('page and access faults: tval only, htval 0, tinst 0', () => {
    const f = new TranslationFault();
    f.set(FaultCause.storePageFault, -0x1000, 0);
    expect(trapValues(f, createTrapValues())).toEqual({ cause: 15, tval: -0x1000, tval2Lo: 0, tval2Hi: 0, gva: 0, tinst: 0 });
    f.set(FaultCause.instructionAccessFault, 0x8000_0000, 1);
    expect(trapValues(f, createTrapValues())).toEqual({ cause: 1, tval: 0x8000_0000, tval2Lo: 0, tval2Hi: 0, gva: 1, tinst: 0 });
  });

  it('guest-page faults: htval = GPA >> 2 over 64 bits, pseudoinstructions for implicit accesses', () => {
    const f = new TranslationFault();
    f.set(FaultCause.loadGuestPageFault, 0x1234, 1);
    f.gpaLo = 0x0000_0007;
    f.gpaHi = 0x0000_0123;
    f.implicit = ImplicitAccess.read;
    const t = trapValues(f, createTrapValues());
    expect(t.tval2Lo >>> 0).toBe(0xc000_0001);
    expect(t.tval2Hi).toBe(0x48);
    expect(t.tinst).toBe(0x3000);
    expect(t.gva).toBe(1);
    f.implicit = ImplicitAccess.write;
    expect(trapValues(f, createTrapValues()).tinst).toBe(0x3020);
    f.implicit = ImplicitAccess.none;
    expect(trapValues(f, createTrapValues()).tinst).toBe(0);
  });
});
