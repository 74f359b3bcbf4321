// Interrupts with the H extension (H spec 8.2.3, 8.4.3, 8.6.2) and Sstc:
// injection through hvip, hgeip/VGEIN and vstimecmp, delegation to HS and
// VS, enables in each mode, priorities, and WFI wake-up.
import { describe, expect, it } from 'vitest';
import { Interrupt, type Hart } from '@rvhv/isa';
import { CODE, csrRead, csrWrite, encode, getCsr, makeHart, MTVEC, place, setCsr, setMode, STVEC, VSTVEC, type Mode } from './h-helpers.js';

const INTERRUPT = 1n << 63n;
const SIE = 1n << 1n;
const MIE = 1n << 3n;
const bit = (irq: number): bigint => 1n << BigInt(irq);
const VS_BITS = bit(Interrupt.VSSI) | bit(Interrupt.VSTI) | bit(Interrupt.VSEI);

/** Takes the pending interrupt (if any) in `mode`; returns [target mode, xcause] or undefined. */
function take(h: Hart, mode: Mode): [Mode, bigint] | undefined {
  setMode(h, mode);
  h.pc = CODE;
  if (!h.takeInterrupt()) return undefined;
  const to: Mode = h.pc === MTVEC ? 'M' : h.pc === STVEC ? 'HS' : 'VS';
  expect(h.pc).toBe(to === 'M' ? MTVEC : to === 'HS' ? STVEC : VSTVEC);
  return [to, getCsr(h, to === 'M' ? 'mcause' : to === 'HS' ? 'scause' : 'vscause')];
}

/** A hart with VS interrupts enabled in hie, pending per `hvip`, delegated per `hideleg`. */
function vsHart(hvip: bigint, hideleg: bigint): Hart {
  const h = makeHart();
  csrWrite(h, 'M', 'hie', VS_BITS);
  csrWrite(h, 'M', 'hideleg', hideleg);
  csrWrite(h, 'M', 'hvip', hvip);
  return h;
}

describe('VS-level interrupts injected through hvip', () => {
  it('go to VS-mode when hideleg delegates them, as SSI/STI/SEI (2 -> 1, 6 -> 5, 10 -> 9)', () => {
    for (const [irq, vs] of [
      [Interrupt.VSSI, 1n],
      [Interrupt.VSTI, 5n],
      [Interrupt.VSEI, 9n],
    ] as [number, bigint][]) {
      const h = vsHart(bit(irq), VS_BITS);
      csrWrite(h, 'M', 'vsstatus', SIE);
      expect(take(h, 'VS')).toEqual(['VS', INTERRUPT | vs]);
      expect(h.virt).toBe(true);
      expect(getCsr(h, 'vsepc')).toBe(BigInt(CODE));
      expect(getCsr(h, 'vsstatus') & (SIE | (1n << 5n) | (1n << 8n))).toBe((1n << 5n) | (1n << 8n));
    }
  });

  it('vector to vstvec + 4 * the translated cause in vectored mode', () => {
    const h = vsHart(bit(Interrupt.VSTI), VS_BITS);
    setCsr(h, 'vstvec', BigInt(VSTVEC) | 1n);
    setMode(h, 'VU');
    h.pc = CODE;
    expect(h.takeInterrupt()).toBe(true);
    expect(h.pc).toBe(VSTVEC + 4 * 5);
    expect(getCsr(h, 'vscause')).toBe(INTERRUPT | 5n);
  });

  it('are taken in VU whatever vsstatus.SIE, in VS only with vsstatus.SIE = 1', () => {
    const h = vsHart(bit(Interrupt.VSSI), VS_BITS);
    csrWrite(h, 'M', 'vsstatus', 0n);
    expect(take(h, 'VS')).toBeUndefined();
    expect(take(h, 'VU')).toEqual(['VS', INTERRUPT | 1n]);
  });

  it('are never taken while V=0 when delegated to VS, whatever the mode or enables', () => {
    const h = vsHart(VS_BITS, VS_BITS);
    csrWrite(h, 'M', 'mstatus', SIE | MIE);
    for (const mode of ['M', 'HS', 'U'] as Mode[]) expect(take(h, mode), mode).toBeUndefined();
  });

  it('go to HS-mode when not delegated by hideleg, taken from VS even with sstatus.SIE = 0', () => {
    const h = vsHart(bit(Interrupt.VSTI), 0n);
    csrWrite(h, 'M', 'mstatus', 0n);
    expect(take(h, 'VS')).toEqual(['HS', INTERRUPT | 6n]);
    expect(getCsr(h, 'hstatus') & (1n << 7n)).toBe(1n << 7n); // SPV
    expect(take(makeHart(), 'VS')).toBeUndefined();
    const hs = vsHart(bit(Interrupt.VSTI), 0n);
    expect(take(hs, 'HS')).toBeUndefined(); // HS with SIE = 0
    csrWrite(hs, 'M', 'mstatus', SIE);
    expect(take(hs, 'HS')).toEqual(['HS', INTERRUPT | 6n]);
  });

  it('are not taken when disabled in hie (vsie)', () => {
    const h = vsHart(bit(Interrupt.VSEI), VS_BITS);
    csrWrite(h, 'M', 'hie', 0n);
    expect(take(h, 'VU')).toBeUndefined();
  });
});

describe('priorities', () => {
  it('M-level before HS-level before VS-level interrupts', () => {
    const h = vsHart(VS_BITS, VS_BITS);
    csrWrite(h, 'M', 'mideleg', 0x222n);
    csrWrite(h, 'M', 'mie', VS_BITS | 0x222n | bit(Interrupt.MTI));
    csrWrite(h, 'M', 'mip', bit(Interrupt.SSI));
    h.setIrqLine(Interrupt.MTI, true);
    expect(take(h, 'VU')).toEqual(['M', INTERRUPT | 7n]);
    h.setIrqLine(Interrupt.MTI, false);
    expect(take(h, 'VU')).toEqual(['HS', INTERRUPT | 1n]);
    csrWrite(h, 'M', 'mip', 0n);
    expect(take(h, 'VU')).toEqual(['VS', INTERRUPT | 9n]);
  });

  it('among VS-level interrupts: VSEI, VSSI, VSTI', () => {
    const h = vsHart(bit(Interrupt.VSSI) | bit(Interrupt.VSTI), VS_BITS);
    expect(take(h, 'VU')).toEqual(['VS', INTERRUPT | 1n]);
    const e = vsHart(VS_BITS, VS_BITS);
    expect(take(e, 'VU')).toEqual(['VS', INTERRUPT | 9n]);
  });

  it('among HS-level interrupts: SEI, SSI, STI before SGEI, VSEI, VSSI, VSTI', () => {
    const h = vsHart(VS_BITS, 0n);
    csrWrite(h, 'M', 'mideleg', 0x222n);
    csrWrite(h, 'M', 'mie', VS_BITS | bit(Interrupt.STI));
    csrWrite(h, 'M', 'mip', bit(Interrupt.STI));
    expect(take(h, 'VU')).toEqual(['HS', INTERRUPT | 5n]);
    csrWrite(h, 'M', 'mip', 0n);
    expect(take(h, 'VU')).toEqual(['HS', INTERRUPT | 10n]);
  });
});

describe('guest external interrupts', () => {
  it('SGEI reaches HS when hgeip & hgeie is nonzero, with mideleg.SGEI read-only one', () => {
    const h = makeHart({ geilen: 4 });
    csrWrite(h, 'M', 'hgeie', 1n << 3n);
    csrWrite(h, 'M', 'hie', bit(Interrupt.SGEI));
    h.setGuestExternalInterrupt(3, true);
    expect(take(h, 'VS')).toEqual(['HS', INTERRUPT | 12n]);
  });

  it('the hgeip bit selected by VGEIN raises VSEIP, hgeie or not', () => {
    const h = makeHart({ geilen: 4 });
    csrWrite(h, 'M', 'hie', VS_BITS);
    csrWrite(h, 'M', 'hideleg', VS_BITS);
    csrWrite(h, 'M', 'hstatus', 2n << 12n);
    h.setGuestExternalInterrupt(2, true);
    expect(take(h, 'VU')).toEqual(['VS', INTERRUPT | 9n]);
    expect(csrRead(h, 'VS', 'sip')).toBe(bit(Interrupt.SEI));
  });
});

describe('Sstc timers', () => {
  const STCE = 1n << 63n;

  it('STIP follows time >= stimecmp while menvcfg.STCE = 1 and is then read-only in mip', () => {
    let now = 100;
    const h = makeHart({ readTime: () => now });
    csrWrite(h, 'M', 'menvcfg', STCE);
    csrWrite(h, 'M', 'stimecmp', 150n);
    expect(csrRead(h, 'M', 'mip') & bit(Interrupt.STI)).toBe(0n);
    csrWrite(h, 'M', 'mip', bit(Interrupt.STI));
    expect(csrRead(h, 'M', 'mip') & bit(Interrupt.STI)).toBe(0n);
    now = 150;
    expect(csrRead(h, 'M', 'mip') & bit(Interrupt.STI)).toBe(bit(Interrupt.STI));
    csrWrite(h, 'M', 'stimecmp', 0xffff_ffff_ffff_ffffn); // unsigned: far future
    expect(csrRead(h, 'M', 'mip') & bit(Interrupt.STI)).toBe(0n);
    csrWrite(h, 'M', 'menvcfg', 0n);
    csrWrite(h, 'M', 'mip', bit(Interrupt.STI)); // writable again without STCE
    expect(csrRead(h, 'M', 'mip') & bit(Interrupt.STI)).toBe(bit(Interrupt.STI));
  });

  it('VSTIP follows time + htimedelta >= vstimecmp while henvcfg.STCE = 1 and reaches VS as STI', () => {
    let now = 1000;
    const h = makeHart({ readTime: () => now });
    csrWrite(h, 'M', 'menvcfg', STCE);
    csrWrite(h, 'M', 'henvcfg', STCE);
    csrWrite(h, 'M', 'htimedelta', 5000n);
    csrWrite(h, 'M', 'vstimecmp', 7000n);
    csrWrite(h, 'M', 'hie', VS_BITS);
    csrWrite(h, 'M', 'hideleg', VS_BITS);
    expect(take(h, 'VU')).toBeUndefined();
    expect(h.timerDeadline()).toBe(2000);
    now = 1999;
    expect(take(h, 'VU')).toBeUndefined();
    now = 2000;
    expect(csrRead(h, 'HS', 'hip') & bit(Interrupt.VSTI)).toBe(bit(Interrupt.VSTI));
    expect(take(h, 'VU')).toEqual(['VS', INTERRUPT | 5n]);
    // Writing vstimecmp (as stimecmp from VS) past the guest time clears it.
    csrWrite(h, 'M', 'mcounteren', 2n);
    csrWrite(h, 'M', 'hcounteren', 2n);
    csrWrite(h, 'VS', 'stimecmp', 9000n);
    expect(csrRead(h, 'M', 'vstimecmp')).toBe(9000n);
    expect(csrRead(h, 'HS', 'hip') & bit(Interrupt.VSTI)).toBe(0n);
    expect(h.timerDeadline()).toBe(4000);
  });

  it('VSTIP ignores vstimecmp while henvcfg.STCE = 0 (hvip.VSTIP only)', () => {
    const h = makeHart({ readTime: () => 10 });
    csrWrite(h, 'M', 'menvcfg', STCE);
    csrWrite(h, 'M', 'vstimecmp', 0n);
    expect(csrRead(h, 'HS', 'hip') & bit(Interrupt.VSTI)).toBe(0n);
    csrWrite(h, 'M', 'hvip', bit(Interrupt.VSTI));
    expect(csrRead(h, 'HS', 'hip') & bit(Interrupt.VSTI)).toBe(bit(Interrupt.VSTI));
    expect(h.timerDeadline()).toBe(Infinity);
  });
});

describe('WFI with V=1', () => {
  it('waits in VS-mode and wakes on a VS interrupt pending and enabled in hie, even if globally disabled', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'hie', VS_BITS);
    csrWrite(h, 'M', 'hideleg', VS_BITS);
    csrWrite(h, 'M', 'vsstatus', 0n);
    place(h, encode('wfi'));
    place(h, encode('wfi'), CODE + 4);
    setMode(h, 'VS');
    h.pc = CODE;
    expect(h.run(10)).toBe(1);
    expect(h.waiting).toBe(true);
    expect(h.run(10)).toBe(0);
    csrWrite(h, 'M', 'hvip', bit(Interrupt.VSSI));
    setMode(h, 'VS');
    h.pc = CODE + 4;
    h.waiting = true;
    expect(h.wakeUpPending()).toBe(true);
    expect(h.run(1)).toBe(1); // woke up, interrupt globally disabled in VS: next instruction runs
    expect(h.virt).toBe(true);
  });
});
