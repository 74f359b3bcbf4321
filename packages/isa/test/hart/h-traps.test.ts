// Trap entry and return with the H extension (H spec 8.6.2-8.6.4): where a
// trap goes (M, HS, VS), the state it writes (SPV, SPVP, GVA, MPV, htval,
// htinst, mtval2, mtinst, vs* CSRs), SRET/MRET transitions, and the HS
// trap hook.
import { describe, expect, it } from 'vitest';
import { Exception, type Hart } from '@rvhv/isa';
import { attempt, CODE, csrRead, csrWrite, DATA, encode, getCsr, makeHart, modeOf, place, setCsr, setMode, setXreg, STVEC, VSTVEC, xreg, type Mode } from './h-helpers.js';

const SPV = 1n << 7n;
const SPVP = 1n << 8n;
const GVA = 1n << 6n;
const MPV = 1n << 39n;
const MGVA = 1n << 38n;
const SPP = 1n << 8n;
const SIE = 1n << 1n;
const SPIE = 1n << 5n;

const ECALL = encode('ecall');
const EBREAK = encode('ebreak');

describe('ECALL causes', () => {
  it('names the mode: U 8, HS 9, VS 10, M 11, VU 8', () => {
    const cases: [Mode, number][] = [
      ['U', Exception.ecallFromU],
      ['HS', Exception.ecallFromS],
      ['VS', Exception.ecallFromVS],
      ['M', Exception.ecallFromM],
      ['VU', Exception.ecallFromU],
    ];
    for (const [mode, cause] of cases) expect(attempt(makeHart(), mode, ECALL), mode).toMatchObject({ trap: true, to: 'M', cause });
  });
});

describe('delegation: M first, then HS, then VS', () => {
  function delegating(medeleg: bigint, hedeleg: bigint): Hart {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', medeleg);
    csrWrite(h, 'M', 'hedeleg', hedeleg);
    return h;
  }
  const bit = (cause: number) => 1n << BigInt(cause);

  it('keeps a trap in M unless medeleg delegates it', () => {
    expect(attempt(delegating(0n, bit(8)), 'VU', ECALL)).toMatchObject({ to: 'M' });
  });

  it('sends a delegated trap from V=1 to HS unless hedeleg delegates it further', () => {
    expect(attempt(delegating(bit(8), 0n), 'VU', ECALL)).toMatchObject({ to: 'HS', cause: 8 });
    expect(attempt(delegating(bit(8), bit(8)), 'VU', ECALL)).toMatchObject({ to: 'VS', cause: 8 });
  });

  it('ignores hedeleg for traps from V=0', () => {
    expect(attempt(delegating(bit(8), bit(8)), 'U', ECALL)).toMatchObject({ to: 'HS', cause: 8 });
  });

  it('never delegates to VS what hedeleg cannot hold (ecall from VS, virtual instruction)', () => {
    const h = delegating(bit(10) | bit(22), 0xffff_ffffn);
    expect(attempt(h, 'VS', ECALL)).toMatchObject({ to: 'HS', cause: 10 });
    expect(attempt(h, 'VS', encode('hfence.vvma'))).toMatchObject({ to: 'HS', cause: 22 });
  });

  it('keeps traps from M in M whatever the delegation', () => {
    expect(attempt(delegating(bit(11) | bit(3), 0xffffn), 'M', EBREAK)).toMatchObject({ to: 'M', cause: 3 });
  });
});

describe('trap into HS-mode', () => {
  it('from VS: SPV = 1, SPVP = SPP = 1, V = 0, sepc/scause/stval, htval = htinst = 0', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 10n);
    setCsr(h, 'htval', 0x1234n);
    setCsr(h, 'htinst', 0x5678n);
    csrWrite(h, 'M', 'mstatus', SIE);
    expect(attempt(h, 'VS', ECALL)).toMatchObject({ to: 'HS', cause: 10, tval: 0n });
    expect(modeOf(h)).toBe('HS');
    const hs = getCsr(h, 'hstatus');
    expect(hs & (SPV | SPVP | GVA)).toBe(SPV | SPVP);
    const s = getCsr(h, 'mstatus');
    expect(s & (SPP | SIE | SPIE)).toBe(SPP | SPIE);
    expect(getCsr(h, 'sepc')).toBe(BigInt(CODE));
    expect(getCsr(h, 'htval')).toBe(0n);
    expect(getCsr(h, 'htinst')).toBe(0n);
  });

  it('from VU: SPV = 1, SPVP = SPP = 0', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 8n);
    setCsr(h, 'hstatus', SPVP);
    expect(attempt(h, 'VU', ECALL)).toMatchObject({ to: 'HS', cause: 8 });
    expect(getCsr(h, 'hstatus') & (SPV | SPVP)).toBe(SPV);
    expect(getCsr(h, 'mstatus') & SPP).toBe(0n);
  });

  it('from U or HS (V=0): SPV = 0 and SPVP unchanged', () => {
    for (const [mode, spp] of [
      ['U', 0n],
      ['HS', SPP],
    ] as [Mode, bigint][]) {
      for (const spvp of [0n, SPVP]) {
        const h = makeHart();
        csrWrite(h, 'M', 'medeleg', (1n << 8n) | (1n << 9n));
        setCsr(h, 'hstatus', SPV | spvp);
        attempt(h, mode, ECALL);
        expect(getCsr(h, 'hstatus') & (SPV | SPVP), `${mode}`).toBe(spvp);
        expect(getCsr(h, 'mstatus') & SPP).toBe(spp);
      }
    }
  });

  it('sets GVA when stval holds a guest virtual address (breakpoint from VS), clears it otherwise', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', (1n << 3n) | (1n << 2n));
    expect(attempt(h, 'VS', EBREAK)).toMatchObject({ to: 'HS', cause: 3, tval: BigInt(CODE) });
    expect(getCsr(h, 'hstatus') & GVA).toBe(GVA);
    expect(attempt(h, 'VS', 0xffff_ffff)).toMatchObject({ to: 'HS', cause: 2, tval: 0xffff_ffffn });
    expect(getCsr(h, 'hstatus') & GVA).toBe(0n);
    expect(attempt(h, 'HS', EBREAK)).toMatchObject({ to: 'HS', cause: 3 });
    expect(getCsr(h, 'hstatus') & GVA).toBe(0n);
  });

  it('sets GVA (with SPV = 0) for a fault of an HLV access from HS', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 5n);
    setXreg(h, 6, 0x10n); // not memory: load access fault
    expect(attempt(h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toMatchObject({ to: 'HS', cause: 5, tval: 0x10n });
    expect(getCsr(h, 'hstatus') & (GVA | SPV)).toBe(GVA);
  });
});

describe('trap into M-mode', () => {
  it('from VS: MPV = 1, MPP = S, V = 0, GVA per tval, mtval2 = mtinst = 0', () => {
    const h = makeHart();
    setCsr(h, 'mtval2', 77n);
    setCsr(h, 'mtinst', 88n);
    expect(attempt(h, 'VS', EBREAK)).toMatchObject({ to: 'M', cause: 3, tval: BigInt(CODE) });
    const s = getCsr(h, 'mstatus');
    expect(s & (MPV | MGVA)).toBe(MPV | MGVA);
    expect((s >> 11n) & 3n).toBe(1n);
    expect(h.virt).toBe(false);
    expect(getCsr(h, 'mtval2')).toBe(0n);
    expect(getCsr(h, 'mtinst')).toBe(0n);
    attempt(h, 'VU', ECALL);
    expect(getCsr(h, 'mstatus') & (MPV | MGVA)).toBe(MPV);
    expect((getCsr(h, 'mstatus') >> 11n) & 3n).toBe(0n);
  });

  it('from HS: MPV = 0', () => {
    const h = makeHart();
    setCsr(h, 'mstatus', MPV);
    attempt(h, 'HS', ECALL);
    expect(getCsr(h, 'mstatus') & MPV).toBe(0n);
  });

  it('sets GVA for a data fault under MPRV with MPV = 1, not with MPV = 0', () => {
    for (const mpv of [0n, MPV]) {
      const h = makeHart();
      setMode(h, 'M');
      setCsr(h, 'mstatus', (1n << 17n) | (1n << 11n) | mpv); // MPRV, MPP = S
      h.load(0x10, 4, true); // a load as a handler makes it: access fault (nothing at 0x10)
      expect(getCsr(h, 'mcause')).toBe(BigInt(Exception.loadAccessFault));
      expect(getCsr(h, 'mstatus') & MGVA).toBe(mpv === 0n ? 0n : MGVA);
      expect(getCsr(h, 'mstatus') & MPV).toBe(0n); // the trap came from M-mode
    }
  });

  it('sets GVA for an HSV fault from M-mode', () => {
    const h = makeHart();
    setXreg(h, 6, 0x10n);
    expect(attempt(h, 'M', encode('hsv.w', { rs1: 6, rs2: 0 }))).toMatchObject({ to: 'M', cause: Exception.storeAccessFault, tval: 0x10n });
    expect(getCsr(h, 'mstatus') & (MGVA | MPV)).toBe(MGVA);
  });
});

describe('trap into VS-mode', () => {
  it('writes vsepc/vscause/vstval and vsstatus, keeps V = 1, leaves hstatus and sstatus alone', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 3n);
    csrWrite(h, 'M', 'hedeleg', 1n << 3n);
    csrWrite(h, 'M', 'vsstatus', SIE);
    csrWrite(h, 'M', 'mstatus', SIE);
    const hstatus = getCsr(h, 'hstatus');
    expect(attempt(h, 'VS', EBREAK)).toMatchObject({ to: 'VS', cause: 3, tval: BigInt(CODE) });
    expect(modeOf(h)).toBe('VS');
    expect(getCsr(h, 'vsepc')).toBe(BigInt(CODE));
    expect(getCsr(h, 'vsstatus') & (SPP | SIE | SPIE)).toBe(SPP | SPIE);
    expect(getCsr(h, 'mstatus') & (SPP | SIE | SPIE)).toBe(SIE);
    expect(getCsr(h, 'hstatus')).toBe(hstatus);
    expect(getCsr(h, 'scause')).toBe(0n);
  });

  it('from VU: vsstatus.SPP = 0', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 8n);
    csrWrite(h, 'M', 'hedeleg', 1n << 8n);
    setCsr(h, 'vsstatus', SPP);
    expect(attempt(h, 'VU', ECALL)).toMatchObject({ to: 'VS', cause: 8 });
    expect(getCsr(h, 'vsstatus') & SPP).toBe(0n);
  });
});

describe('SRET', () => {
  it('from HS with SPV = 1 enters VS or VU (SPP), clears SPV, restores SIE', () => {
    for (const [spp, mode] of [
      [SPP, 'VS'],
      [0n, 'VU'],
    ] as [bigint, Mode][]) {
      const h = makeHart();
      setCsr(h, 'sepc', 0x8000_4000n);
      setCsr(h, 'mstatus', spp | SPIE | (1n << 17n));
      setCsr(h, 'hstatus', SPV);
      expect(attempt(h, 'HS', encode('sret'))).toEqual({ trap: false });
      expect(h.pc).toBe(0x8000_4000);
      expect(modeOf(h)).toBe(mode);
      expect(getCsr(h, 'hstatus') & SPV).toBe(0n);
      expect(getCsr(h, 'mstatus') & (SPP | SIE | SPIE | (1n << 17n))).toBe(SIE | SPIE);
    }
  });

  it('from M-mode also uses hstatus.SPV', () => {
    const h = makeHart();
    setCsr(h, 'sepc', 0x8000_4000n);
    setCsr(h, 'mstatus', SPP);
    setCsr(h, 'hstatus', SPV);
    attempt(h, 'M', encode('sret'));
    expect(modeOf(h)).toBe('VS');
  });

  it('from VS uses vsstatus and vsepc and stays in V=1', () => {
    const h = makeHart();
    setCsr(h, 'sepc', 0x8000_5000n);
    setCsr(h, 'vsepc', 0x8000_4000n);
    setCsr(h, 'vsstatus', SPIE);
    setCsr(h, 'mstatus', SPP);
    setCsr(h, 'hstatus', SPV);
    attempt(h, 'VS', encode('sret'));
    expect(h.pc).toBe(0x8000_4000);
    expect(modeOf(h)).toBe('VU');
    expect(getCsr(h, 'vsstatus') & (SPP | SIE | SPIE)).toBe(SIE | SPIE);
    expect(getCsr(h, 'hstatus') & SPV).toBe(SPV);
    expect(getCsr(h, 'mstatus') & SPP).toBe(SPP);
  });
});

describe('MRET', () => {
  it('returns to VS/VU when MPV = 1 and MPP is S/U, and clears MPV', () => {
    for (const [mpp, mode] of [
      [1n, 'VS'],
      [0n, 'VU'],
    ] as [bigint, Mode][]) {
      const h = makeHart();
      setCsr(h, 'mepc', 0x8000_4000n);
      setCsr(h, 'mstatus', MPV | (mpp << 11n));
      attempt(h, 'M', encode('mret'));
      expect(modeOf(h)).toBe(mode);
      expect(getCsr(h, 'mstatus') & MPV).toBe(0n);
    }
  });

  it('stays at V=0 when MPP = M even if MPV = 1', () => {
    const h = makeHart();
    setCsr(h, 'mepc', 0x8000_4000n);
    setCsr(h, 'mstatus', MPV | (3n << 11n));
    attempt(h, 'M', encode('mret'));
    expect(modeOf(h)).toBe('M');
    expect(getCsr(h, 'mstatus') & MPV).toBe(0n);
  });

  it('round trip: a VS trap into M and MRET come back to VS at the same pc', () => {
    const h = makeHart();
    attempt(h, 'VS', ECALL);
    setCsr(h, 'mepc', getCsr(h, 'mepc') + 4n);
    place(h, encode('mret'), 0x8000_1000);
    h.step();
    expect(modeOf(h)).toBe('VS');
    expect(h.pc).toBe(CODE + 4);
  });
});

describe('the HS trap hook', () => {
  it('sees traps into HS with the hardware state written, and can resume the guest with sret()', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 10n);
    const seen: [number, boolean, Mode, bigint, bigint][] = [];
    h.trapHook = (hart, cause, interrupt) => {
      seen.push([cause, interrupt, modeOf(hart), getCsr(hart, 'hstatus') & SPV, getCsr(hart, 'sepc')]);
      setCsr(hart, 'sepc', getCsr(hart, 'sepc') + 4n);
      setXreg(hart, 10, 42n);
      hart.sret();
      return true;
    };
    expect(attempt(h, 'VS', ECALL)).toEqual({ trap: false });
    expect(seen).toEqual([[10, false, 'HS', SPV, BigInt(CODE)]]);
    expect(modeOf(h)).toBe('VS');
    expect(h.pc).toBe(CODE + 4);
    expect(xreg(h, 10)).toBe(42n);
  });

  it('lets the hart vector to stvec when it returns false, and is not called for M or VS traps', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', (1n << 10n) | (1n << 8n));
    csrWrite(h, 'M', 'hedeleg', 1n << 8n);
    let calls = 0;
    h.trapHook = () => {
      calls++;
      return false;
    };
    expect(attempt(h, 'VS', ECALL)).toMatchObject({ to: 'HS' });
    expect(h.pc).toBe(STVEC);
    expect(attempt(h, 'VU', ECALL)).toMatchObject({ to: 'VS' });
    expect(h.pc).toBe(VSTVEC);
    expect(attempt(h, 'HS', ECALL)).toMatchObject({ to: 'M' });
    expect(calls).toBe(1);
  });
});

describe('HLV/HSV with Bare translation', () => {
  it('load and store guest memory as though V=1, from HS and from U with HU', () => {
    for (const mode of ['HS', 'M', 'U'] as Mode[]) {
      const h = makeHart();
      setCsr(h, 'hstatus', 1n << 9n); // HU
      setXreg(h, 6, BigInt(DATA));
      setXreg(h, 7, 0x8877_6655_4433_2211n);
      expect(attempt(h, mode, encode('hsv.d', { rs1: 6, rs2: 7 }))).toEqual({ trap: false });
      expect(attempt(h, mode, encode('hlv.d', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
      expect(xreg(h, 5)).toBe(0x8877_6655_4433_2211n);
      attempt(h, mode, encode('hlv.w', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0x4433_2211n);
      setXreg(h, 7, 0x80n);
      attempt(h, mode, encode('hsv.b', { rs1: 6, rs2: 7 }));
      attempt(h, mode, encode('hlv.b', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0xffff_ffff_ffff_ff80n);
      attempt(h, mode, encode('hlv.bu', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0x80n);
      attempt(h, mode, encode('hlvx.wu', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0x4433_2280n);
      attempt(h, mode, encode('hlvx.hu', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0x2280n);
      setXreg(h, 7, 0xbeefn);
      attempt(h, mode, encode('hsv.h', { rs1: 6, rs2: 7 }));
      attempt(h, mode, encode('hlv.h', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0xffff_ffff_ffff_beefn);
      attempt(h, mode, encode('hlv.hu', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0xbeefn);
      setXreg(h, 7, 0xffff_fffen);
      attempt(h, mode, encode('hsv.w', { rs1: 6, rs2: 7 }));
      attempt(h, mode, encode('hlv.wu', { rd: 5, rs1: 6 }));
      expect(xreg(h, 5)).toBe(0xffff_fffen);
    }
  });

  it('leaves rd unwritten when the access faults', () => {
    const h = makeHart();
    setXreg(h, 5, 7n);
    setXreg(h, 6, 0x10n);
    expect(attempt(h, 'HS', encode('hlv.d', { rd: 5, rs1: 6 }))).toMatchObject({ to: 'M', cause: Exception.loadAccessFault });
    expect(xreg(h, 5)).toBe(7n);
    expect(h.vmAccess).toBe(0);
  });
});

describe('reading trap state from VS-mode', () => {
  it('scause read in VS is vscause', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 1n << 8n);
    csrWrite(h, 'M', 'hedeleg', 1n << 8n);
    attempt(h, 'VU', ECALL);
    expect(csrRead(h, 'VS', 'scause')).toBe(8n);
    setMode(h, 'HS');
    expect(csrRead(h, 'HS', 'scause')).toBe(0n);
  });
});
